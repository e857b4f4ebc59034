// End to end: a guided sweep of its own (so the demo's live sweep is left as sweeps.test.mjs
// expects it). The specialist writes version 1 in the form: the Markdown description is
// formatted by the server (and says it needs the network when offline), a decision's section
// is picked with the library's search while offline; the round-robin lists the shared
// vendor's people (and not another vendor's), also offline from the last list. The vendor's
// agent reads the formatted description (a list and a link) on the run page, sees each step
// numbered once, and types a short text answer slowly while a colleague's edit arrives by
// sync: the typed text stays. axe-core on both pages; the item panel at 1280 and 390 px.
import { test, before, after } from 'node:test';
import { launch, openPage, screenshot, expectNoAxeViolations, assert, signIn, synced } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const GUIDANCE = {
  title: 'Polling-place rumours',
  event: 'Election night (test)',
  languages: ['en'],
  description: 'Before deciding:\n\n- check the **date** in the post\n- read the [official page](https://vote.example/results)\n',
  checklist: [
    { id: 'claim', label: 'States a polling place', kind: 'check', required: false },
    { id: 'source', label: 'Source checked', kind: 'text', required: false },
  ],
  decisions: [
    { id: 'remove', label: 'Remove', section: { section: 'civic.misinfo', version: 1 }, action: 'remove' },
    { id: 'keep', label: 'No violation', section: { section: 'civic.misinfo', version: 1 }, action: 'none' },
  ],
};

async function publishSweep(page, title, items) {
  await page.getByRole('link', { name: 'Sweeps' }).first().click();
  await page.getByLabel('Demo Vendor', { exact: true }).check();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Guidance').fill('Versioned guidance follows.');
  await page.getByLabel('Items, one link or handle per line').fill(items.join('\n'));
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/sweeps\/[a-z0-9]+$/);
  await page.locator('.sweep-row').first().waitFor();
  return new URL(page.url()).pathname;
}

/** Signs in, opens the sweep, acknowledges version 1 and opens item n. */
async function openItem(who, email, path, n) {
  await signIn(who.page, email);
  await who.page.goto(path);
  await who.page.getByRole('button', { name: 'I have read version 1' }).click({ timeout: 20_000 });
  await who.page.locator(`.sweep-row[data-item="${n}"] button`).click({ timeout: 20_000 });
  await who.page.locator(`section.sweep-item[data-item="${n}"]`).waitFor();
}

test('guidance v1 written in the form: the description formatted by the server, a section picked offline, the round-robin across the shared vendor, a short text kept across a sync', async () => {
  const spec = await openPage(browser);
  await signIn(spec.page, 'specialist@platform.casebook.test');
  const path = await publishSweep(spec.page, `Rumours ${Date.now()}`, ['@rumour_1', '@rumour_2', '@rumour_3', '@rumour_4']);
  await synced(spec.page);

  // Version 1, pasted as JSON under Advanced; the description is formatted by the server.
  await spec.page.getByText('Write guidance version 1').click();
  await spec.page.getByText('Advanced: the version as JSON').click();
  await spec.page.locator('#guidance-json').fill(JSON.stringify(GUIDANCE));
  await spec.page.getByRole('button', { name: 'Put this JSON in the form' }).click();
  const note = spec.page.locator('#guidance-description-format');
  await note.filter({ hasText: 'Formatted as agents will read it' }).waitFor();
  const preview = spec.page.locator('.authoring-preview .guidance-description');
  await preview.locator('ul > li', { hasText: 'check the date in the post' }).waitFor();
  assert.equal(await preview.locator('strong').textContent(), 'date');
  assert.equal(await preview.locator('a').getAttribute('href'), 'https://vote.example/results');

  // Offline: the description cannot be formatted (said, the text kept, the preview plain), and
  // a decision's section is still picked with the library's search on the device.
  await spec.context.setOffline(true);
  const description = spec.page.locator('#guidance-description');
  await description.fill(`${GUIDANCE.description}\nWritten offline.`);
  await note.filter({ hasText: 'Formatting needs the network' }).waitFor();
  assert.equal(await description.inputValue(), `${GUIDANCE.description}\nWritten offline.`);
  await preview.locator('p', { hasText: 'Written offline.' }).waitFor();
  assert.equal(await preview.locator('ul').count(), 0, 'the preview shows the plain text');
  const section = spec.page.locator('#decision-0-section');
  await section.fill('');
  await section.pressSequentially('polling place', { delay: 20 });
  const options = spec.page.locator('#decision-0-section-options li');
  await options.first().waitFor();
  assert.equal(await section.getAttribute('aria-expanded'), 'true');
  await options.last().scrollIntoViewIfNeeded();
  await screenshot(spec.page, 'sweep-guidance-section-picker');
  await expectNoAxeViolations(spec.page);
  await section.press('Enter');
  const picked = await section.inputValue();
  assert.match(picked, /^[a-z0-9-]+#[a-z0-9-]+@\d+$/, 'a library section at its current version');
  await spec.page.locator('.authoring-preview code', { hasText: picked }).first().waitFor();
  await spec.page.locator('#guidance-check', { hasText: 'Ready to save or publish.' }).waitFor();

  // Back online, the description is formatted again once it changes.
  await spec.context.setOffline(false);
  await description.fill(`${GUIDANCE.description}\nChecked online.`);
  await note.filter({ hasText: 'Formatted as agents will read it' }).waitFor({ timeout: 20_000 });
  await preview.locator('ul > li', { hasText: 'check the date in the post' }).waitFor();
  await screenshot(spec.page, 'sweep-guidance-formatted');
  await spec.page.getByRole('button', { name: 'Publish version 1' }).click();
  await synced(spec.page);

  // The round-robin lists Demo Vendor's people (the sweep is shared with it), not Northwind's.
  const box = spec.page.locator('.dash-round-robin');
  await box.getByLabel('Amal Agent').waitFor({ timeout: 20_000 });
  await box.getByLabel('Ada Admin').waitFor();
  assert.doesNotMatch(await box.textContent(), /Noa Agent|Nils Admin/);
  assert.match(await box.textContent(), /Everyone in Demo Vendor/);
  await box.getByLabel('Amal Agent').check();
  await spec.page.getByRole('button', { name: 'Assign 4 items to 1 person' }).click();
  await spec.page.locator('[data-figure="unassigned"]', { hasText: '0' }).waitFor();
  await synced(spec.page);
  // Offline, the list fetched last is still offered, and says so.
  await spec.context.setOffline(true);
  await spec.page.getByRole('link', { name: 'Sweeps' }).first().click();
  await spec.page.goBack();
  await spec.page.locator('#sweep-assign-listed', { hasText: 'Offline: the people listed when last online' }).waitFor({ timeout: 20_000 });
  await spec.page.locator('.dash-round-robin').getByLabel('Ada Admin').waitFor();
  await spec.context.setOffline(false);

  // The agent reads the formatted description: a list, and a link that opens a new tab.
  const amal = await openPage(browser);
  await openItem(amal, 'agent@demo.casebook.test', path, 1);
  const read = amal.page.locator('.guidance .guidance-description');
  await read.locator('ul > li', { hasText: 'check the date in the post' }).waitFor();
  const link = read.getByRole('link', { name: 'official page' });
  assert.equal(await link.getAttribute('href'), 'https://vote.example/results');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await amal.page.locator('section.sweep-item[data-item="1"] .item-holder', { hasText: 'held by Amal Agent' }).waitFor();

  // Each step is numbered once (by the list), not again in its label.
  const panel = amal.page.locator('section.sweep-item[data-item="1"]');
  assert.equal((await panel.locator('label[for="item-1-step-source"]').textContent()).trim(), 'Source checked');
  assert.equal(await panel.locator('.checklist ol > li').count(), 2);
  await panel.locator('#item-1-step-claim').check();
  await expectNoAxeViolations(amal.page);
  await screenshot(amal.page, 'sweep-item-panel-1280');
  await amal.page.setViewportSize({ width: 390, height: 844 });
  await panel.scrollIntoViewIfNeeded();
  await screenshot(amal.page, 'sweep-item-panel-390');
  await amal.page.setViewportSize({ width: 1280, height: 800 });

  // A short text typed slowly while a colleague's decision arrives by sync stays as typed.
  const source = amal.page.locator('#item-1-step-source');
  await source.click();
  await source.pressSequentially('official', { delay: 40 });
  const ada = await openPage(browser);
  await openItem(ada, 'admin@demo.casebook.test', path, 1);
  await ada.page.locator('#item-1-decision').selectOption('remove');
  await synced(ada.page);
  await amal.page.waitForFunction(() => document.querySelector('#item-1-decision')?.value === 'remove', null, { timeout: 20_000 });
  assert.equal(await source.inputValue(), 'official', 'the sync re-rendered the item and kept the typed text');
  assert.ok(await source.evaluate((el) => el === document.activeElement), 'the field keeps the focus');
  await source.pressSequentially(' site', { delay: 40 });
  assert.equal(await source.inputValue(), 'official site');
  await source.press('Tab');
  await amal.page.locator('section.sweep-item[data-item="1"] .pending-mark').waitFor({ state: 'detached', timeout: 20_000 });
  await synced(amal.page);
  assert.equal(await source.inputValue(), 'official site');
  // The colleague receives the answer.
  await ada.page.waitForFunction(() => document.querySelector('#item-1-step-source')?.value === 'official site', null, { timeout: 20_000 });

  assert.deepEqual([...spec.problems, ...amal.problems, ...ada.problems].filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('Failed to load resource')), []);
  for (const { context } of [spec, amal, ada]) await context.close();
});
