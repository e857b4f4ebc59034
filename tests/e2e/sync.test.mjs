// End to end: the one write path. A specialist publishes a sweep; two people work it in two
// browser contexts; one goes offline, both edit the same item, the offline one comes back.
// Both end with the same state and the conflict shown, then settle it. Also: a closed tab
// loses nothing, and two tabs of one person do not send an edit twice.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert, BASE, signIn, synced } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function publishSweep(page, title, items, sharedWith = ['Demo Vendor']) {
  await page.getByRole('link', { name: 'Sweeps' }).first().click();
  for (const org of sharedWith) await page.getByLabel(org, { exact: true }).check();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Guidance').fill('Posts giving a false polling-place time. Remove; escalate if coordinated.');
  await page.getByLabel('Items, one link or handle per line').fill(items.join('\n'));
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/sweeps\/[a-z0-9]+$/);
  await page.locator('.sweep-row').first().waitFor();
  return new URL(page.url()).pathname;
}

/** Item n's panel (the focused item is worked beside the list). */
function item(page, n) {
  return page.locator(`section.sweep-item[data-item="${n}"]`);
}

/** Focuses item n by its row in the list, and waits for its panel. */
async function open(page, n) {
  await page.locator(`.sweep-row[data-item="${n}"] button`).click({ timeout: 20_000 });
  await item(page, n).waitFor();
}

test('two people edit one item while one is offline: both converge and see the conflict, then settle it', async () => {
  const spec = await openPage(browser);
  await signIn(spec.page, 'specialist@platform.casebook.test');
  const path = await publishSweep(spec.page, `Election night ${Date.now()}`, ['@poll_times_1', '@poll_times_2', 'https://example.test/p/3']);
  await synced(spec.page);
  await screenshot(spec.page, 'sweep-published');

  const agent = await openPage(browser);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await agent.page.goto(path);
  await item(agent.page, 1).waitFor({ timeout: 20_000 });
  assert.equal(await item(agent.page, 1).locator('.item-target').textContent(), '@poll_times_1');
  await synced(agent.page);

  // The agent loses the network and decides; the edit waits on the device.
  await agent.context.setOffline(true);
  await agent.page.locator('.connection[data-state="offline"]').waitFor();
  // First "Label", then, thinking again, "Remove": her own two edits must not conflict.
  await item(agent.page, 1).getByLabel('Decision').selectOption('label');
  await item(agent.page, 1).locator('.pending-mark').waitFor();
  await agent.page.locator('.sync .sync-label', { hasText: '1 edit waiting' }).waitFor({ timeout: 10_000 });
  await item(agent.page, 1).getByLabel('Decision').selectOption('remove');
  // Two edits of one item: the panel lists both, the header counts the item once.
  await agent.page.locator('.sync summary').click();
  await agent.page.locator('.sync-pending li').nth(1).waitFor({ timeout: 10_000 });
  assert.equal(await agent.page.locator('.sync-pending li').count(), 2);
  // Offline it reads "Saved here · 1 edit waiting".
  assert.match((await agent.page.locator('.sync .sync-label').textContent()).trim(), /(^|· )1 edit waiting$/);
  await agent.page.keyboard.press('Escape');
  await screenshot(agent.page, 'sweep-offline-pending');

  // Meanwhile the specialist, online, decides differently on the same item.
  const pushed = spec.page.waitForResponse((r) => r.url().endsWith('/api/sync/push') && r.ok());
  await item(spec.page, 1).getByLabel('Decision').selectOption('escalate');
  await pushed;
  await synced(spec.page);

  // The agent comes back: the waiting edit is sent, and both see one result with the conflict.
  await agent.context.setOffline(false);
  await synced(agent.page);
  for (const { page } of [agent, spec]) {
    const row = item(page, 1);
    await row.locator('.conflict[data-field="decision"]').waitFor({ timeout: 20_000 });
    assert.equal(await row.getAttribute('data-conflict'), 'true');
  }
  const winnerAgent = await item(agent.page, 1).getByLabel('Decision').inputValue();
  const winnerSpec = await item(spec.page, 1).getByLabel('Decision').inputValue();
  assert.equal(winnerAgent, winnerSpec, 'both people see the same decision');
  assert.equal(winnerAgent, 'escalate', 'the later edit by clock (the specialist’s) is shown');
  const conflictText = await item(spec.page, 1).locator('.conflict').textContent();
  assert.match(conflictText, /“Remove” by Amal Agent/, 'the losing value is kept and visible, with who wrote it');
  assert.match(conflictText, /“Escalate” by Sora Specialist/);
  assert.doesNotMatch(conflictText, /Label/, 'her own superseded first edit is no conflict');
  await screenshot(spec.page, 'sweep-conflict');
  await expectNoAxeViolations(spec.page);

  // The specialist settles it for the agent's decision; the conflict goes away everywhere.
  const settled = spec.page.waitForResponse((r) => r.url().endsWith('/api/sync/push') && r.ok());
  await item(spec.page, 1).getByRole('button', { name: 'Use “Remove”' }).click();
  await settled;
  for (const { page } of [spec, agent]) {
    await page.waitForFunction(
      () => document.querySelector('section.sweep-item[data-item="1"]')?.dataset.conflict === 'false',
      null,
      { timeout: 20_000 },
    );
    assert.equal(await item(page, 1).getByLabel('Decision').inputValue(), 'remove');
  }

  for (const { problems, context } of [spec, agent]) {
    assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('Failed to load resource')), []);
    await context.close();
  }
});

test('an edit made offline survives a closed tab, and two tabs send it exactly once', async () => {
  const spec = await openPage(browser);
  await signIn(spec.page, 'specialist@platform.casebook.test');
  const path = await publishSweep(spec.page, `Tabs ${Date.now()}`, ['@one', '@two']);
  await synced(spec.page);
  await spec.context.close();

  const { context, page } = await openPage(browser);
  await signIn(page, 'agent@demo.casebook.test');
  await page.goto(path);
  await open(page, 2);
  await synced(page);
  await context.setOffline(true);
  await item(page, 2).getByLabel('Note').fill('Same text in three posts');
  await item(page, 2).getByLabel('Note').blur();
  await item(page, 2).getByLabel('Done').check();
  // Two fields of one item: one thing waits.
  await page.locator('.sync .sync-label', { hasText: '1 edit waiting' }).waitFor({ timeout: 10_000 });
  await page.close();

  // Still offline, a new tab opens from this device alone: the same person, the same waiting edits.
  const offlineTab = await context.newPage();
  await offlineTab.goto(path);
  await open(offlineTab, 2);
  await offlineTab.locator('.sync .sync-label', { hasText: '1 edit waiting' }).waitFor({ timeout: 10_000 });
  assert.equal(await item(offlineTab, 2).getByLabel('Note').inputValue(), 'Same text in three posts');
  await offlineTab.close();

  // Two tabs come back at once; both see the queued edits and race to send them.
  await context.setOffline(false);
  const pushes = [];
  context.on('request', (r) => { if (r.url().endsWith('/api/sync/push')) pushes.push(r.postDataJSON()); });
  // A slow server keeps the first tab's push in flight while the second tab starts its own.
  await context.route('**/api/sync/push', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  const [a, b] = [await context.newPage(), await context.newPage()];
  await Promise.all([a.goto(path), b.goto(path)]);
  for (const tab of [a, b]) {
    await synced(tab);
    await open(tab, 2);
    await tab.waitForFunction(() => {
      const row = document.querySelector('section.sweep-item[data-item="2"]');
      return row?.querySelector('textarea')?.value === 'Same text in three posts' && row.classList.contains('done') && !row.querySelector('.pending-mark');
    }, null, { timeout: 20_000 });
  }
  const sent = pushes.flatMap((p) => p.mutations.map((m) => `${p.client_id}/${m.id}`));
  assert.equal(sent.length, 2, `each edit is sent once, not once per tab: ${sent.join(', ')}`);
  assert.equal(new Set(sent).size, 2);

  // Signing out leaves no case data in this browser (the shared library stays).
  await a.getByRole('button', { name: 'Sign out' }).click();
  await a.waitForURL(`${BASE}/sign-in`);
  const keys = await a.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('casebook');
    open.onsuccess = () => {
      const request = open.result.transaction('kv').objectStore('kv').getAllKeys();
      request.onsuccess = () => resolve(request.result);
    };
  }));
  assert.deepEqual(keys.filter((k) => k.startsWith('sync')), [], `no sync data left: ${keys}`);
  // The other tab learns of the sign-out and stops showing the sweep.
  await b.locator('a', { hasText: 'Sign in' }).first().waitFor({ timeout: 10_000 });
  await context.close();
});

/** This device's sync keys in IndexedDB, with the base and newest cursors. */
function savedSync(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('casebook');
    open.onsuccess = () => {
      const store = open.result.transaction('kv').objectStore('kv');
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        const base = store.get('sync-base-cursor-v1');
        base.onsuccess = () => {
          const cursor = store.get('sync-cursor-v2');
          cursor.onsuccess = () => resolve({
            journal: keys.result.filter((k) => k.startsWith('sync-journal-v1/')),
            base: base.result,
            cursor: cursor.result,
          });
        };
      };
    };
  }));
}

test('pulled pages are saved one by one and folded into a whole copy once they outgrow it; a reload offline reads both', async () => {
  const { context, page } = await openPage(browser);
  await signIn(page, 'specialist@platform.casebook.test');
  // More items than the replica holds objects come back in pull pages: more changes than half
  // the objects the replica then holds, so the journal is folded into a whole copy once the
  // pull has caught up. (The server is shared with other tests: count what this device holds.)
  await synced(page);
  const objects = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('casebook');
    open.onsuccess = () => {
      const store = open.result.transaction('kv').objectStore('kv');
      const whole = store.get('sync-replica-v2');
      whole.onsuccess = () => {
        const names = new Set(JSON.parse(whole.result).fields.map(([[object]]) => object));
        const pages = store.getAll(IDBKeyRange.bound('sync-journal-v1/', 'sync-journal-v1/~'));
        pages.onsuccess = () => {
          for (const text of pages.result) for (const change of JSON.parse(text)[0].changes) names.add(change.op.object);
          resolve(names.size);
        };
      };
    };
  }));
  const count = Math.max(3_000, objects + 500);
  const lines = Array.from({ length: count }, (_, i) => `@journal_${i + 1}`);
  const n = count - 100;
  await page.getByRole('link', { name: 'Sweeps' }).first().click();
  await page.getByLabel('Demo Vendor', { exact: true }).check();
  await page.getByLabel('Title').fill(`Journal ${Date.now()}`);
  await page.getByLabel('Or upload a CSV or text file:').setInputFiles({ name: 'items.txt', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
  await page.getByText('Items from items.txt.').waitFor();
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/sweeps\/[a-z0-9]+$/);
  await synced(page);
  const all = new RegExp(`of \u2068?${count.toLocaleString('en').replace(',', '[,.\u202f\u00a0]?')}\u2069? done`);
  await page.locator('.sweep-summary', { hasText: all }).first().waitFor({ timeout: 60_000 });
  let saved = await savedSync(page);
  assert.deepEqual(saved.journal, [], `the journal was folded into the whole copy: ${saved.journal.length} pages left`);
  assert.ok(saved.base > 0 && saved.base === saved.cursor, `the whole copy is as new as the cursor: ${JSON.stringify(saved)}`);

  // One more edit comes back as one small page beside the whole copy.
  // The list shows the rows in view: the find box brings item n to the top.
  await page.locator('#sweep-filter-text').fill(`@journal_${n}`);
  await open(page, n);
  await item(page, n).getByLabel('Note').fill('Journal page after the whole copy');
  await item(page, n).getByLabel('Note').blur();
  await synced(page);
  await page.waitForFunction((n) => !document.querySelector(`section.sweep-item[data-item="${n}"] .pending-mark`), n, { timeout: 20_000 });
  saved = await savedSync(page);
  assert.ok(saved.journal.length >= 1 && saved.cursor > saved.base, `a page was journaled: ${JSON.stringify(saved)}`);

  // Offline, a reload reads the whole copy and folds the journal: the item count and the note.
  await context.setOffline(true);
  await page.reload();
  await page.locator('#sweep-filter-text').fill(`@journal_${n}`);
  await open(page, n);
  assert.equal(await item(page, n).getByLabel('Note').inputValue(), 'Journal page after the whole copy');
  assert.equal(await item(page, n).locator('.item-target').textContent(), `@journal_${n}`);
  await page.locator('.sweep-summary', { hasText: all }).first().waitFor();
  await context.close();
});

/** Reads and rewrites this device's outbox, as an older app version with other rules might have left it. */
async function injectIntoOutbox(page, mutationsFor) {
  await page.evaluate(async (source) => {
    const make = new Function('outbox', `return (${source})(outbox)`);
    const db = await new Promise((resolve) => { const o = indexedDB.open('casebook'); o.onsuccess = () => resolve(o.result); });
    const read = await new Promise((resolve) => {
      const r = db.transaction('kv').objectStore('kv').get('sync-outbox');
      r.onsuccess = () => resolve(JSON.parse(r.result));
    });
    for (const op of make(read)) {
      read.pending.push({ id: read.next_id, clock: { wall_ms: Date.now(), counter: 0, node: read.clock.node }, op });
      read.next_id += 1;
    }
    await new Promise((resolve) => {
      const t = db.transaction('kv', 'readwrite');
      t.objectStore('kv').put(JSON.stringify(read), 'sync-outbox');
      t.oncomplete = resolve;
    });
  }, mutationsFor.toString());
}

test('an edit the server refuses is shown with its reason, can be retried, and discarding it lets the next ones through', async () => {
  const spec = await openPage(browser);
  await signIn(spec.page, 'specialist@platform.casebook.test');
  const path = await publishSweep(spec.page, `Refusals ${Date.now()}`, ['@x', '@y']);
  await synced(spec.page);
  await spec.context.close();
  const id = path.split('/').pop();

  const { context, page, problems } = await openPage(browser);
  await signIn(page, 'agent@demo.casebook.test');
  await page.goto(path);
  await open(page, 2);
  await synced(page);
  await context.setOffline(true);
  await page.locator('.connection[data-state="offline"]').waitFor();
  // An agent may not retitle a sweep; the note after it is fine.
  await injectIntoOutbox(page, new Function(`return () => [
    { type: 'set_field', object: 'sweep/${id}', field: 'title', value: 'Renamed by an agent', base: 0 },
    { type: 'set_field', object: 'sweep/${id}/item/2', field: 'note', value: 'Queued after the refused edit', base: 0 },
  ]`)());
  await context.setOffline(false);

  const badge = page.locator('.sync[data-sync="failed"]');
  await badge.waitFor({ timeout: 20_000 });
  assert.match(await badge.locator('.sync-label').textContent(), /1 edit refused/);
  await badge.locator('summary').click();
  const why = page.locator('.sync-failed');
  assert.match(await why.textContent(), /only specialists and admins of the publishing organisation change a sweep/);
  assert.match(await why.textContent(), /Refusals \d+: title “Renamed by an agent”/);
  await screenshot(page, 'sync-refused');
  await expectNoAxeViolations(page);

  // Retrying sends it again; the server refuses it again.
  await why.getByRole('button', { name: 'Retry' }).click();
  await page.locator('.sync[data-sync="failed"] .sync-failed').waitFor({ timeout: 20_000 });

  await page.locator('.sync-failed').getByRole('button', { name: 'Discard this edit' }).click();
  await synced(page);
  await page.waitForFunction(
    () => document.querySelector('section.sweep-item[data-item="2"] textarea')?.value === 'Queued after the refused edit',
    null,
    { timeout: 20_000 },
  );
  assert.notEqual(await page.locator('h1').textContent(), 'Renamed by an agent');
  // Escape closes the panel, back on its summary; Enter opens it again.
  await page.locator('.sync-panel').waitFor();
  await page.locator('.sync-panel button', { hasText: 'Sync now' }).focus();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('details.sync').getAttribute('open'), null);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
  await page.keyboard.press('Enter');
  await page.locator('.sync-panel').waitFor();
  // A click inside keeps it open; a click elsewhere on the page closes it.
  await page.locator('.sync-panel p').first().click();
  assert.equal(await page.locator('details.sync').getAttribute('open'), '');
  await page.mouse.click(20, 500); // the page's left margin, away from the panel at the right
  await page.waitForFunction(() => !document.querySelector('details.sync').open);
  assert.deepEqual(problems.filter((p) => !p.includes('403') && !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('Failed to load resource')), []);
  await context.close();
});

test('a device far behind catches up page by page and says how far it has come', async () => {
  const spec = await openPage(browser);
  await signIn(spec.page, 'specialist@platform.casebook.test');
  const targets = Array.from({ length: 1_200 }, (_, i) => `https://example.test/post/${i + 1}`);
  const path = await publishSweep(spec.page, `Large sweep ${Date.now()}`, targets);
  await synced(spec.page);
  await spec.context.close();

  const { context, page, problems } = await openPage(browser);
  // Every label the sync badge shows, recorded as it changes.
  await page.addInitScript(() => {
    window.syncLabels = [];
    new MutationObserver(() => {
      const label = document.querySelector('.sync-label')?.textContent;
      if (label && window.syncLabels.at(-1) !== label) window.syncLabels.push(label);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const pulls = [];
  page.on('request', (r) => { if (r.url().includes('/api/sync/pull')) pulls.push(new URL(r.url()).searchParams.get('cursor')); });
  await signIn(page, 'agent@demo.casebook.test');
  await page.goto(path);
  await page.locator('.sweep-summary', { hasText: '0 of 1200 done' }).waitFor({ timeout: 30_000 });
  const rows = await page.locator('.sweep-row').count();
  assert.ok(rows > 0 && rows < 80, `a long sweep renders only the rows in view (${rows})`);
  await page.locator('.sweep-filter', { hasText: '1200 of 1200 items' }).waitFor();
  const labels = await page.evaluate(() => window.syncLabels);
  assert.ok(labels.some((l) => /^Catching up \d+%$/.test(l)), `progress shown while catching up: ${labels.join(' | ')}`);
  assert.ok(new Set(pulls).size >= 3, `the log arrives in bounded pages (cursors ${pulls.join(', ')})`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a note being typed is not replaced by someone else’s edit, and sending it shows the conflict', async () => {
  const spec = await openPage(browser);
  await signIn(spec.page, 'specialist@platform.casebook.test');
  const path = await publishSweep(spec.page, `Notes ${Date.now()}`, ['@first', '@second']);
  await synced(spec.page);

  const agent = await openPage(browser);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await agent.page.goto(path);
  await open(agent.page, 2);
  const box = item(agent.page, 2).getByLabel('Note');
  await box.click();
  await box.pressSequentially('Three accounts, same photo');

  // The specialist writes a note on the same item; the agent's device pulls it mid-typing.
  const arrived = agent.page.waitForResponse(
    async (r) => r.url().includes('/api/sync/pull') && (await r.text()).includes('Known spam ring'),
    { timeout: 20_000 },
  );
  const pushed = spec.page.waitForResponse((r) => r.url().endsWith('/api/sync/push') && r.ok());
  await open(spec.page, 2);
  await item(spec.page, 2).getByLabel('Note').fill('Known spam ring');
  await item(spec.page, 2).getByLabel('Note').blur();
  await pushed;
  await arrived;
  await agent.page.waitForTimeout(300);
  assert.equal(await box.inputValue(), 'Three accounts, same photo', 'the text under the cursor stays');

  await box.blur();
  for (const { page } of [agent, spec]) {
    await item(page, 2).locator('.conflict[data-field="note"]').waitFor({ timeout: 20_000 });
  }
  const text = await item(spec.page, 2).locator('.conflict').textContent();
  assert.match(text, /Three accounts, same photo/);
  assert.match(text, /Known spam ring/);
  await spec.context.close();
  await agent.context.close();
});

test('a first run has a demo sweep, partly worked, that a trainer can read but not change', async () => {
  const { context, page, problems } = await openPage(browser);
  await signIn(page, 'trainer@platform.casebook.test');
  await page.getByRole('link', { name: 'Sweeps' }).first().click();
  await synced(page);
  const demo = page.locator('.sweep-list li', { hasText: 'Election night: false polling-place claims' });
  await demo.waitFor({ timeout: 20_000 });
  assert.match(await demo.textContent(), /3 of 12 done · No violation 1 · Remove 1 · Escalate 1/);
  assert.equal(await page.getByRole('heading', { name: 'Publish a sweep' }).count(), 0, 'trainers do not publish');
  await demo.getByRole('link').click();
  await item(page, 1).waitFor();
  assert.equal(await item(page, 1).getByLabel('Decision').inputValue(), 'remove');
  await open(page, 4);
  assert.ok(await item(page, 4).getByLabel('Decision').isDisabled(), 'trainers read sweeps only');
  await screenshot(page, 'sweep-demo');
  await expectNoAxeViolations(page);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Everything this page's origin keeps in IndexedDB, as one string. */
async function storedOnDevice(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('casebook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('kv').objectStore('kv').getAll();
      all.onsuccess = () => resolve(JSON.stringify(all.result));
      all.onerror = () => reject(all.error);
    };
  }));
}

test('each vendor receives only the sweeps shared with it, and works a sweep shared with both without seeing the other vendor\'s work', async () => {
  const spec = await openPage(browser);
  await signIn(spec.page, 'specialist@platform.casebook.test');
  const secret = `Demo Vendor only ${Date.now()}`;
  await publishSweep(spec.page, secret, ['@demo_only_target'], ['Demo Vendor']);
  await synced(spec.page);
  const sharedTitle = `Both vendors ${Date.now()}`;
  const sharedPath = await publishSweep(spec.page, sharedTitle, ['@both_1', '@both_2'], ['Demo Vendor', 'Northwind Moderation']);
  await synced(spec.page);

  // Northwind's agent, watching every sync response.
  const other = await openPage(browser);
  const bodies = [];
  other.page.on('response', async (response) => {
    if (response.url().includes('/api/sync/')) bodies.push(await response.text().catch(() => ''));
  });
  // A replica kept by an older version, before pulls were scoped, held everyone's changes.
  await other.page.goto('/sign-in');
  await appReady(other.page);
  await other.page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('casebook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('kv', 'readwrite');
      tx.objectStore('kv').put('{"leftover":"pre-scoping replica"}', 'sync-replica');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
  }));
  await signIn(other.page, 'agent@northwind.casebook.test');
  await other.page.goto(sharedPath);
  await item(other.page, 1).waitFor({ timeout: 20_000 });
  await item(other.page, 1).getByLabel('Decision').selectOption('remove');
  await synced(other.page);

  const demo = await openPage(browser);
  await signIn(demo.page, 'agent@demo.casebook.test');
  await demo.page.goto(sharedPath);
  await item(demo.page, 1).waitFor({ timeout: 20_000 });
  assert.equal(await item(demo.page, 1).getByLabel('Decision').inputValue(), '', 'Northwind\'s decision is Northwind\'s');
  await open(demo.page, 2);
  await item(demo.page, 2).getByLabel('Decision').selectOption('label');
  await synced(demo.page);
  // The platform, which published it, sees both vendors' work; each vendor only its own.
  await spec.page.goto(sharedPath);
  await spec.page.waitForFunction(
    () => document.querySelector('.sweep-row[data-item="1"] .row-decision')?.textContent === 'Remove'
      && document.querySelector('.sweep-row[data-item="2"] .row-decision')?.textContent === 'Label',
    null,
    { timeout: 20_000 },
  );
  await other.page.reload();
  await item(other.page, 1).waitFor({ timeout: 20_000 });
  await synced(other.page);
  assert.equal(await item(other.page, 1).getByLabel('Decision').inputValue(), 'remove');
  await open(other.page, 2);
  assert.equal(await item(other.page, 2).getByLabel('Decision').inputValue(), '', 'Demo Vendor\'s decision is Demo Vendor\'s');

  // Demo Vendor sees its own sweep; Northwind has nothing of it: not on the page, not in any
  // response, not on the device.
  await demo.page.getByRole('link', { name: 'Sweeps' }).first().click();
  await demo.page.locator('.sweep-list li', { hasText: secret }).waitFor({ timeout: 20_000 });
  await other.page.getByRole('link', { name: 'Sweeps' }).first().click();
  await other.page.locator('.sweep-list li', { hasText: sharedTitle }).waitFor();
  assert.equal(await other.page.locator('.sweep-list li', { hasText: secret }).count(), 0);
  assert.ok(bodies.length > 0, 'sync responses were seen');
  for (const body of bodies) {
    assert.ok(!body.includes(secret) && !body.includes('@demo_only_target'), 'no response carried the other vendor\'s sweep');
  }
  const stored = await storedOnDevice(other.page);
  assert.ok(stored.includes(sharedTitle), 'the shared sweep is on the device');
  assert.ok(!stored.includes(secret) && !stored.includes('@demo_only_target'), 'the other sweep never reached the device');
  assert.ok(!stored.includes('pre-scoping replica'), 'an older, unscoped replica is removed');
  await screenshot(other.page, 'sweeps-other-vendor');
  await expectNoAxeViolations(other.page);
  for (const p of [spec, other, demo]) await p.context.close();
});
