// End to end: the demo's live sweep (guidance v1 and v2, 300 items across two vendors), in
// three browser contexts — the platform's specialist and an agent of each vendor.
// Northwind's agent has not acknowledged v2: the items wait behind the acknowledgment, with
// what changed. Both agents then work an item by keyboard alone, Demo Vendor's offline. The
// specialist's dashboard counts both, a v3 published mid-sweep stops both agents again within
// seconds, and the CSV export holds what was done. axe-core on every sweep page.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import { launch, openPage, screenshot, expectNoAxeViolations, assert, signIn, synced } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LIVE = '/sweeps/demolive2026';

/** Presses keys one by one, outside any field. */
async function keys(page, ...sequence) {
  for (const key of sequence) await page.keyboard.press(key);
}

/** Works the focused item by keyboard: the claim ticked, accuracy, accounts, decision N, done. */
async function workByKeyboard(page, n, decision) {
  const row = page.locator(`section.sweep-item[data-item="${n}"]`);
  await keys(page, 'Shift+Digit1');
  await row.getByLabel(/Is the claim accurate/).waitFor();
  await keys(page, 'Shift+Digit2', 'Shift+Digit3');
  await row.getByLabel(/How many accounts/).waitFor();
  await page.waitForFunction((n) => document.querySelector(`#item-${n}-step-accounts`)?.value === 'one', n);
  await keys(page, `Digit${decision}`, 'd');
  await page.waitForFunction((n) => document.querySelector(`#item-${n}-done`)?.checked, n);
}

test('the live sweep: acknowledgment first, keyboard work (one agent offline), the dashboard, a mid-sweep version and the export', async () => {
  const spec = await openPage(browser, { acceptDownloads: true });
  await signIn(spec.page, 'specialist@platform.casebook.test');
  await spec.page.getByRole('link', { name: 'Sweeps' }).first().click();
  await synced(spec.page);
  const listed = spec.page.locator('.sweep-list li', { hasText: 'Election night: the live sweep' });
  await listed.waitFor({ timeout: 20_000 });
  assert.match(await listed.textContent(), /guidance version 2/);
  assert.match(await listed.textContent(), /Published .* by Sora Specialist/);
  await expectNoAxeViolations(spec.page);
  await listed.getByRole('link').click();
  const done = spec.page.locator('[data-figure="done"]');
  await done.waitFor({ timeout: 20_000 });
  assert.equal(await done.textContent(), '60 of 300 done');
  assert.equal(await spec.page.locator('tr[data-acknowledged="false"]').count(), 1, 'one acknowledgment missing');
  assert.match(await spec.page.locator('tr[data-acknowledged="false"]').textContent(), /Noa Agent.*only version 1/);
  await screenshot(spec.page, 'sweep-dashboard');
  await expectNoAxeViolations(spec.page);

  // Northwind's agent must acknowledge v2 (and sees what changed) before any item.
  const noa = await openPage(browser);
  await signIn(noa.page, 'agent@northwind.casebook.test');
  await noa.page.goto(LIVE);
  const gate = noa.page.locator('.ack-gate');
  await gate.waitFor({ timeout: 20_000 });
  assert.match(await gate.textContent(), /Guidance version 2 is in force/);
  assert.match(await gate.textContent(), /New step: How many accounts posted it\?/);
  assert.match(await gate.textContent(), /Decision changed: Remove/);
  assert.equal(await noa.page.locator('.sweep-item, .sweep-row').count(), 0, 'no item before the acknowledgment');
  await expectNoAxeViolations(noa.page);
  await gate.getByRole('button', { name: 'I have read version 2' }).click();
  await noa.page.locator('.sweep-row').first().waitFor();

  // Her own queue first: item 171 is the first of hers not done. All by keyboard.
  await keys(noa.page, 'n');
  await noa.page.locator('.sweep-row.focused[data-item="171"]').waitFor();
  await noa.page.locator('section.sweep-item[data-item="171"]').waitFor();
  await workByKeyboard(noa.page, 171, 3);
  assert.equal(await noa.page.locator('#item-171-decision').inputValue(), 'remove');
  await keys(noa.page, '?');
  const overlay = noa.page.locator('.palette.shortcuts');
  await overlay.waitFor();
  assert.match(await overlay.textContent(), /take the next unworked item/, 'the ? overlay lists the sweep keys');
  await expectNoAxeViolations(noa.page);
  await keys(noa.page, 'Escape');
  await overlay.waitFor({ state: 'detached' });
  await synced(noa.page);

  // The list is virtual: only the rows in view (and the focused one) are on the page.
  // Scrolling brings item 250 in; j moves on from it and keeps the keyboard focus on its row.
  const rows = await noa.page.locator('.sweep-row').count();
  assert.ok(rows > 5 && rows < 60, `only the rows in view are rendered (${rows})`);
  await noa.page.locator('.sweep-scroller').evaluate((el) => { el.scrollTop = 249 * 44; });
  const row250 = noa.page.locator('.sweep-row[data-item="250"]');
  await row250.waitFor();
  assert.equal(await row250.getAttribute('aria-posinset'), '250');
  assert.equal(await row250.getAttribute('aria-setsize'), '300');
  assert.equal(await noa.page.locator('.sweep-row[data-item="20"]').count(), 0, 'rows scrolled far away leave the page');
  assert.equal(await noa.page.locator('.sweep-row.focused[data-item="171"] [aria-current="true"]').count(), 1, 'the focused row stays, scrolled out');
  await row250.locator('button').click();
  await noa.page.locator('section.sweep-item[data-item="250"]').waitFor();
  await keys(noa.page, 'j');
  await noa.page.locator('.sweep-row.focused[data-item="251"]').waitFor();
  await noa.page.waitForFunction(() => document.activeElement?.id === 'row-251');
  await screenshot(noa.page, 'sweep-virtual-list');
  await expectNoAxeViolations(noa.page);
  // Far away again, k still moves from the focused row and scrolls it back into view.
  await noa.page.locator('.sweep-scroller').evaluate((el) => { el.scrollTop = 0; });
  await noa.page.locator('.sweep-row[data-item="1"]').waitFor();
  await keys(noa.page, 'k');
  await noa.page.locator('.sweep-row.focused[data-item="250"]').waitFor();
  await noa.page.waitForFunction(() => document.activeElement?.id === 'row-250');
  assert.ok(await noa.page.locator('.sweep-scroller').evaluate((el) => el.scrollTop > 200 * 44), 'the row is scrolled back into view');
  // Browser find cannot see rows off the page: the find box (/) filters instead, and says so.
  await keys(noa.page, '/');
  await noa.page.waitForFunction(() => document.activeElement?.id === 'sweep-filter-text');
  assert.match(await noa.page.locator('#sweep-filter-help').textContent(), /browser's own find/);
  await noa.page.keyboard.type('80250');
  await noa.page.locator('.sweep-filter', { hasText: '1 of 300 items' }).waitFor();
  assert.equal(await noa.page.locator('.sweep-row').count(), 1);
  await noa.page.locator('#sweep-filter-text').fill('');
  await noa.page.getByLabel('Assigned to').selectOption({ label: 'Noa Agent' });
  await noa.page.locator('.sweep-filter', { hasText: '150 of 300 items' }).waitFor();
  await noa.page.getByLabel('Assigned to').selectOption({ label: 'anyone' });
  await noa.page.locator('.sweep-filter', { hasText: '300 of 300 items' }).waitFor();

  // Demo Vendor's agent works offline; her edits wait, then arrive.
  const amal = await openPage(browser);
  await signIn(amal.page, 'agent@demo.casebook.test');
  await amal.page.goto(LIVE);
  await amal.page.locator('.sweep-row').first().waitFor({ timeout: 20_000 });
  assert.equal(await amal.page.locator('.ack-gate').count(), 0, 'she acknowledged v2 already');
  await synced(amal.page);
  await amal.context.setOffline(true);
  await keys(amal.page, 'n');
  await amal.page.locator('.sweep-row.focused[data-item="41"]').waitFor();
  await workByKeyboard(amal.page, 41, 1);
  await amal.page.locator('section.sweep-item[data-item="41"] .pending-mark').waitFor();
  await amal.context.setOffline(false);
  await synced(amal.page);

  // The dashboard counts both without a reload.
  await spec.page.waitForFunction(() => document.querySelector('[data-figure="done"]')?.textContent === '62 of 300 done', null, { timeout: 20_000 });
  assert.equal(await spec.page.locator('tr[data-acknowledged="false"]').count(), 0, 'everyone has acknowledged v2 now');
  // The stale-time setting is the publisher's, kept like any edit.
  const staleMinutes = spec.page.getByLabel('An assignment may be released after this many minutes without activity');
  assert.equal(await staleMinutes.inputValue(), '30');
  await staleMinutes.fill('45');
  const stalePushed = spec.page.waitForResponse((r) => r.url().endsWith('/api/sync/push') && r.ok());
  await staleMinutes.blur();
  await stalePushed;
  assert.equal(await staleMinutes.inputValue(), '45');

  // Version 3 is written in the form and published mid-sweep from the specialist's page
  // (checked and previewed as it is typed, each problem said beside what it is about): both
  // agents are stopped before their next item, within seconds.
  await spec.page.getByText('Write guidance version 3').click();
  const form = spec.page.locator('.guidance-form');
  assert.equal(await form.getByLabel('Title').inputValue(), 'False voting logistics', 'the form starts from the version in force');
  // Removing the accuracy step leaves the step that waits for its answer without it.
  await form.getByRole('button', { name: 'Remove step 2' }).click();
  const source = form.locator('li.form-step[data-step="source"]');
  await source.locator('.field-error', { hasText: 'depends on “accuracy”, which is not an earlier step' }).waitFor();
  await spec.page.locator('#guidance-check', { hasText: 'Not ready yet' }).waitFor();
  assert.ok(await spec.page.getByRole('button', { name: 'Publish version 3' }).isDisabled());
  await source.getByRole('button', { name: 'Remove step 2' }).click();
  await spec.page.locator('#guidance-check', { hasText: 'Ready to save or publish.' }).waitFor();
  // A section without its version is said beside its decision.
  const section = form.locator('#decision-0-section');
  await section.fill('civic-integrity.voting-logistics');
  await section.blur();
  await form.locator('li.form-decision', { hasText: 'Write a policy section as section@version' }).waitFor();
  assert.ok(await spec.page.getByRole('button', { name: 'Publish version 3' }).isDisabled());
  for (const i of [0, 1, 2]) {
    await form.locator(`#decision-${i}-section`).fill('civic-integrity.voting-logistics@4');
    await form.locator(`#decision-${i}-section`).blur();
  }
  // A new optional step, shown only when the claim is ticked.
  await form.getByRole('button', { name: 'Add a step' }).click();
  await form.locator('#step-2-label').fill('Screenshot saved');
  await form.locator('#step-2-required').uncheck();
  await form.locator('#step-2-when').selectOption({ label: 'States a voting date, time or place' });
  await spec.page.locator('#guidance-check', { hasText: 'Ready to save or publish.' }).waitFor();
  await spec.page.locator('.authoring-preview', { hasText: 'civic-integrity.voting-logistics@4' }).waitFor();
  await spec.page.locator('.authoring-preview', { hasText: 'Screenshot saved' }).waitFor();
  await screenshot(spec.page, 'sweep-guidance-form');
  await expectNoAxeViolations(spec.page);
  const published = Date.now();
  await spec.page.getByRole('button', { name: 'Publish version 3' }).click();
  for (const { page } of [noa, amal]) {
    await page.locator('.ack-gate', { hasText: 'Guidance version 3 is in force' }).waitFor({ timeout: 15_000 });
  }
  console.log(`# v3 reached both agents' pages ${Date.now() - published} ms after Publish was clicked`);
  assert.match(await noa.page.locator('.ack-gate').textContent(), /Step removed: Is the claim accurate\?/);
  await keys(noa.page, 'n');
  assert.equal(await noa.page.locator('.sweep-item, .sweep-row').count(), 0, 'no item until v3 is acknowledged');

  // The export holds what was done, under which version and section.
  const download = spec.page.waitForEvent('download');
  await spec.page.getByRole('button', { name: 'Export items (CSV)' }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, 'utf8');
  assert.ok(csv.startsWith('\uFEFFitem,target,'), 'UTF-8 with a byte-order mark');
  const row = (n) => csv.split('\r\n').find((line) => line.startsWith(`${n},`));
  assert.match(row(171), /,2,yes,accurate,,one,,Remove,civic-integrity\.voting-logistics@3,remove,no,,yes,Noa Agent \(Northwind Moderation\),/);
  assert.match(row(41), /,2,yes,accurate,,one,,No violation,civic-integrity\.voting-logistics@3,none,no,,yes,Amal Agent \(Demo Vendor\),/);
  assert.match(row(7), /^7,'@veloria_voter_7|^7,CASE-|^7,https:/, 'targets are exported; a handle cannot start a formula');

  assert.deepEqual([...spec.problems, ...noa.problems, ...amal.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('Failed to load resource'))], []);
  for (const { context } of [spec, noa, amal]) await context.close();
});

test('items from an uploaded file: a bad line is quoted with its number and nothing is published; a good file publishes every item', async () => {
  const { context, page } = await openPage(browser);
  await signIn(page, 'specialist@platform.casebook.test');
  await page.goto('/sweeps');
  await page.getByLabel('Title').fill(`Uploaded ${Date.now()}`);
  await page.getByLabel('Demo Vendor', { exact: true }).check();
  const check = page.locator('#sweep-items-check');
  const upload = () => page.getByLabel('Or upload a CSV or text file:');

  // Line 1 is the header; line 3 is not a link the sweep can open.
  await upload().setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('link\nhttps://example.test/a\nftp://example.test/b\n') });
  await check.getByText('Line 3').waitFor();
  assert.match(await check.textContent(), /ftp:\/\/example\.test\/b.*http:\/\/ or https:\/\//s);
  await page.getByRole('button', { name: 'Publish' }).click();
  assert.match(page.url(), /\/sweeps$/, 'nothing is published while a line is bad');

  // Another file: 1,200 links, one of them twice, with Windows line ends; the text box stays hidden.
  await page.getByRole('button', { name: 'Use the text box instead' }).click();
  const lines = ['link', ...Array.from({ length: 1_200 }, (_, i) => `https://example.test/post/${i + 1}`), 'https://example.test/post/7'];
  await upload().setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
  await check.filter({ hasText: /1[,.\u202f\u00a0]?200\u2069? items\..*1\u2069? repeated line dropped/s }).waitFor();
  await page.getByText('Items from good.csv.').waitFor();
  assert.equal(await page.locator('#sweep-items').isVisible(), false);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/sweeps\/[a-z0-9]+$/);
  await page.locator('.sweep-summary', { hasText: /of \u2068?1[,.\u202f\u00a0]?200\u2069? done/ }).waitFor({ timeout: 30_000 });
  await page.locator('.sweep-row[data-item="1"] button').click();
  assert.equal(await page.locator('section.sweep-item[data-item="1"] .item-target').textContent(), 'https://example.test/post/1');
  await context.close();
});
