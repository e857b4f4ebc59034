// End to end: the one write path. A specialist publishes a sweep; two people work it in two
// browser contexts; one goes offline, both edit the same item, the offline one comes back.
// Both end with the same state and the conflict shown, then settle it. Also: a closed tab
// loses nothing, and two tabs of one person do not send an edit twice.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'casebook-demo';

async function signIn(page, email) {
  await page.goto('/sign-in');
  await appReady(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.locator('.account-name').waitFor();
}

/** Waits until the header says every edit of this page has reached the server. */
async function synced(page) {
  await page.locator('.sync[data-sync="synced"]').waitFor({ timeout: 20_000 });
}

async function publishSweep(page, title, items) {
  await page.getByRole('link', { name: 'Sweeps' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Guidance').fill('Posts giving a false polling-place time. Remove; escalate if coordinated.');
  await page.getByLabel('Items, one link or handle per line').fill(items.join('\n'));
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/sweeps\/[a-z0-9]+$/);
  await page.locator('.sweep-item').first().waitFor();
  return new URL(page.url()).pathname;
}

function item(page, n) {
  return page.locator(`li.sweep-item[data-item="${n}"]`);
}

test('two people edit one item while one is offline: both converge and see the conflict, then settle it', async () => {
  const spec = await openPage(browser);
  await signIn(spec.page, 'specialist@demo.casebook.test');
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
  await item(agent.page, 1).getByLabel('Decision').selectOption('remove');
  await item(agent.page, 1).locator('.pending-mark').waitFor();
  await agent.page.locator('.sync .sync-label', { hasText: '1 edit waiting' }).waitFor({ timeout: 10_000 });
  await screenshot(agent.page, 'sweep-offline-pending');

  // Meanwhile the specialist, online, decides differently on the same item.
  await item(spec.page, 1).getByLabel('Decision').selectOption('escalate');
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
  await screenshot(spec.page, 'sweep-conflict');
  await expectNoAxeViolations(spec.page);

  // The specialist settles it for the agent's decision; the conflict goes away everywhere.
  await item(spec.page, 1).getByRole('button', { name: 'Use “Remove”' }).click();
  await synced(spec.page);
  for (const { page } of [spec, agent]) {
    await page.waitForFunction(
      () => document.querySelector('li.sweep-item[data-item="1"]')?.dataset.conflict === 'false',
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
  await signIn(spec.page, 'specialist@demo.casebook.test');
  const path = await publishSweep(spec.page, `Tabs ${Date.now()}`, ['@one', '@two']);
  await synced(spec.page);
  await spec.context.close();

  const { context, page } = await openPage(browser);
  await signIn(page, 'agent@demo.casebook.test');
  await page.goto(path);
  await item(page, 2).waitFor({ timeout: 20_000 });
  await synced(page);
  await context.setOffline(true);
  await item(page, 2).getByLabel('Note').fill('Same text in three posts');
  await item(page, 2).getByLabel('Note').blur();
  await item(page, 2).getByLabel('Done').check();
  await page.locator('.sync .sync-label', { hasText: '2 edits waiting' }).waitFor({ timeout: 10_000 });
  await page.close();

  // Two tabs come back at once; both see the queued edits and race to send them.
  await context.setOffline(false);
  const pushes = [];
  context.on('request', (r) => { if (r.url().endsWith('/api/sync/push')) pushes.push(r.postDataJSON()); });
  const [a, b] = [await context.newPage(), await context.newPage()];
  await Promise.all([a.goto(path), b.goto(path)]);
  for (const tab of [a, b]) {
    await synced(tab);
    await tab.waitForFunction(() => {
      const row = document.querySelector('li.sweep-item[data-item="2"]');
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
