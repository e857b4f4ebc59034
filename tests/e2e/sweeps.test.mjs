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
  const row = page.locator(`li.sweep-item[data-item="${n}"]`);
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
  assert.equal(await noa.page.locator('li.sweep-item').count(), 0, 'no item before the acknowledgment');
  await expectNoAxeViolations(noa.page);
  await gate.getByRole('button', { name: 'I have read version 2' }).click();
  await noa.page.locator('li.sweep-item').first().waitFor();

  // Her own queue first: item 171 is the first of hers not done. All by keyboard.
  await keys(noa.page, 'n');
  await noa.page.locator('li.sweep-item.focused[data-item="171"]').waitFor();
  await workByKeyboard(noa.page, 171, 3);
  assert.equal(await noa.page.locator('#item-171-decision').inputValue(), 'remove');
  await keys(noa.page, '?');
  await noa.page.locator('.keys-help').waitFor();
  await expectNoAxeViolations(noa.page);
  await keys(noa.page, 'Escape');
  await synced(noa.page);

  // Demo Vendor's agent works offline; her edits wait, then arrive.
  const amal = await openPage(browser);
  await signIn(amal.page, 'agent@demo.casebook.test');
  await amal.page.goto(LIVE);
  await amal.page.locator('li.sweep-item').first().waitFor({ timeout: 20_000 });
  assert.equal(await amal.page.locator('.ack-gate').count(), 0, 'she acknowledged v2 already');
  await synced(amal.page);
  await amal.context.setOffline(true);
  await keys(amal.page, 'n');
  await amal.page.locator('li.sweep-item.focused[data-item="41"]').waitFor();
  await workByKeyboard(amal.page, 41, 1);
  await amal.page.locator('li.sweep-item[data-item="41"] .pending-mark').waitFor();
  await amal.context.setOffline(false);
  await synced(amal.page);

  // The dashboard counts both without a reload.
  await spec.page.waitForFunction(() => document.querySelector('[data-figure="done"]')?.textContent === '62 of 300 done', null, { timeout: 20_000 });
  assert.equal(await spec.page.locator('tr[data-acknowledged="false"]').count(), 0, 'everyone has acknowledged v2 now');

  // Version 3 is written and published mid-sweep from the specialist's page (checked and
  // previewed as it is typed): both agents are stopped before their next item, within seconds.
  await spec.page.getByText('Write guidance version 3').click();
  const v3 = {
    title: 'False voting logistics', event: 'Election night (fictional Republic of Veloria)',
    checklist: [{ id: 'claim', label: 'States a voting date, time or place', kind: 'check', required: true }],
    decisions: [
      { id: 'remove', label: 'Remove', section: { section: 'civic-integrity.voting-logistics', version: 4 }, action: 'remove' },
      { id: 'keep', label: 'No violation', section: { section: 'civic-integrity.voting-logistics', version: 4 }, action: 'none' },
    ],
  };
  const json = spec.page.getByLabel('Version 3 (JSON)');
  await json.fill(JSON.stringify({ ...v3, decisions: [] }));
  await spec.page.locator('#guidance-check', { hasText: 'Not ready yet: give at least one decision' }).waitFor();
  assert.ok(await spec.page.getByRole('button', { name: 'Publish version 3' }).isDisabled());
  await json.fill(JSON.stringify(v3, null, 2));
  await spec.page.locator('#guidance-check', { hasText: 'Ready to save or publish.' }).waitFor();
  await spec.page.locator('.authoring-preview', { hasText: 'civic-integrity.voting-logistics@4' }).waitFor();
  await expectNoAxeViolations(spec.page);
  const published = Date.now();
  await spec.page.getByRole('button', { name: 'Publish version 3' }).click();
  for (const { page } of [noa, amal]) {
    await page.locator('.ack-gate', { hasText: 'Guidance version 3 is in force' }).waitFor({ timeout: 15_000 });
  }
  console.log(`# v3 reached both agents' pages ${Date.now() - published} ms after Publish was clicked`);
  assert.match(await noa.page.locator('.ack-gate').textContent(), /Step removed: Is the claim accurate\?/);
  await keys(noa.page, 'n');
  assert.equal(await noa.page.locator('li.sweep-item').count(), 0, 'no item until v3 is acknowledged');

  // The export holds what was done, under which version and section.
  const download = spec.page.waitForEvent('download');
  await spec.page.getByRole('button', { name: 'Export items (CSV)' }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, 'utf8');
  assert.ok(csv.startsWith('\uFEFFitem,target,'), 'UTF-8 with a byte-order mark');
  const row = (n) => csv.split('\r\n').find((line) => line.startsWith(`${n},`));
  assert.match(row(171), /,2,yes,accurate,,one,Remove,civic-integrity\.voting-logistics@3,remove,no,,yes,Noa Agent \(Northwind Moderation\),/);
  assert.match(row(41), /,2,yes,accurate,,one,No violation,civic-integrity\.voting-logistics@3,none,no,,yes,Amal Agent \(Demo Vendor\),/);
  assert.match(row(7), /^7,'@veloria_voter_7|^7,CASE-|^7,https:/, 'targets are exported; a handle cannot start a formula');

  assert.deepEqual([...spec.problems, ...noa.problems, ...amal.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('Failed to load resource'))], []);
  for (const { context } of [spec, noa, amal]) await context.close();
});
