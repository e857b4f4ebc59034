// End to end: a trainer's reading list in three browser contexts. The platform's trainer
// creates a list (one section by a pasted link to an old version, one found with the policy
// search), writes a note and shares it with Demo Vendor. Demo Vendor's new hire sees what
// changed since the listed version, ticks one section online and one in a tab opened while
// offline, which syncs when the network returns. Northwind's new hire never sees the list,
// not in the list of lists and not at its address. The trainer sees who has read what.
// axe-core checks the list of lists, the trainer's editor and the new hire's page.
import { test, before, after } from 'node:test';
import { launch, openPage, signIn, synced, screenshot, expectNoAxeViolations, assert, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function unexpected(problems) {
  return problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('Failed to load resource'));
}

test('a reading list: written and shared by a trainer, ticked by a new hire (once offline), unseen by another vendor', async () => {
  const title = `Onboarding ${Date.now()}`;

  // The trainer creates the list.
  const trainer = await openPage(browser);
  await signIn(trainer.page, 'trainer@platform.casebook.test');
  await synced(trainer.page);
  await trainer.page.getByRole('link', { name: 'Reading lists' }).first().click();
  await trainer.page.waitForURL(`${BASE}/reading`);
  await trainer.page.locator('.reading-lists li', { hasText: 'First week' }).waitFor();
  await expectNoAxeViolations(trainer.page);
  await trainer.page.locator('#list-title').fill(title);
  await trainer.page.locator('#list-description').fill('Read these before your first shift.');
  await trainer.page.locator('#create-list').click();
  await trainer.page.waitForURL(/\/reading\/[a-z0-9]+$/);
  const path = new URL(trainer.page.url()).pathname;
  await trainer.page.locator('h1', { hasText: title }).waitFor();

  // A section by its link (an old version on purpose), and one found with the search.
  await trainer.page.locator('#section-link').fill(`${BASE}/policies/private-information/v/1?p=1#overview`);
  await trainer.page.locator('#add-link').click();
  await trainer.page.locator('#section-link').fill('/policies/no-such-policy#overview');
  await trainer.page.locator('#add-link').click();
  await trainer.page.locator('#section-link-error', { hasText: 'no such section' }).waitFor();
  await trainer.page.locator('#section-search').fill('sock puppets');
  const pick = trainer.page.locator('.picker-results button', { hasText: 'Sock puppets' }).first();
  await pick.waitFor();
  await pick.click();
  assert.equal(await trainer.page.locator('.edit-items > li').count(), 2);
  await trainer.page.locator('#note-1').fill('Start here: what counts as private.');
  await trainer.page.locator('fieldset.sharing').getByLabel('Demo Vendor').check();
  await expectNoAxeViolations(trainer.page);
  await trainer.page.locator('#save-list').click();
  await trainer.page.locator('#list-saved').waitFor();
  await synced(trainer.page);
  await trainer.page.locator('.reading-items > li').nth(1).waitFor();
  await screenshot(trainer.page, 'reading-trainer-editor');

  // Demo Vendor's new hire opens it at its address, sees what changed, and ticks the first.
  const amal = await openPage(browser);
  await signIn(amal.page, 'agent@demo.casebook.test');
  await synced(amal.page);
  await amal.page.goto('/reading');
  await amal.page.locator('.reading-lists li', { hasText: title }).waitFor({ timeout: 20_000 });
  await amal.page.goto(path);
  await amal.page.locator('.reading-items > li').nth(1).waitFor({ timeout: 20_000 });
  assert.match(await amal.page.locator('.reading-note').first().textContent(), /Start here/);
  const changed = amal.page.locator('.reading-items > li').first().locator('details.section-changed');
  await changed.locator('summary', { hasText: 'Changed since v1' }).click();
  assert.ok(await changed.locator('ins').count() > 0, 'the word diff shows what v2 added');
  assert.equal(
    await changed.locator('a.section-changes').getAttribute('href'),
    '/policies/private-information/diff/1/2#d-overview',
  );
  await expectNoAxeViolations(amal.page);
  await amal.page.locator('#read-1').check();
  await amal.page.locator('#reading-progress', { hasText: '1 of 2 read' }).waitFor();
  await synced(amal.page);

  // Offline, a new tab opens the list from this device alone, and the tick waits.
  await amal.context.setOffline(true);
  const offline = await amal.context.newPage();
  await offline.goto(path);
  await offline.locator('.reading-items > li').nth(1).waitFor({ timeout: 20_000 });
  assert.ok(await offline.locator('#read-1').isChecked(), 'the first tick is on this device');
  await offline.locator('#read-2').check();
  await offline.locator('#reading-progress', { hasText: '2 of 2 read' }).waitFor();
  await offline.locator('.sync .sync-label', { hasText: '1 edit waiting' }).waitFor({ timeout: 10_000 });
  await amal.context.setOffline(false);
  await synced(offline);
  await screenshot(offline, 'reading-new-hire');
  assert.deepEqual(unexpected(amal.problems), []);

  // Northwind's new hire never sees it.
  const noa = await openPage(browser);
  await signIn(noa.page, 'agent@northwind.casebook.test');
  await synced(noa.page);
  await noa.page.goto('/reading');
  await noa.page.locator('h1', { hasText: 'Reading lists' }).waitFor();
  assert.equal(await noa.page.locator('.reading-lists li', { hasText: title }).count(), 0);
  assert.equal(await noa.page.locator('.reading-lists li', { hasText: 'First week' }).count(), 0);
  await noa.page.goto(path);
  await noa.page.locator('[role="alert"]', { hasText: 'not shared with your organisation' }).waitFor();
  assert.equal(await noa.page.locator('.reading-items').count(), 0);
  assert.deepEqual(unexpected(noa.problems), []);

  // The trainer sees who has read what.
  await trainer.page.goto(path);
  const row = trainer.page.locator('#who-read-table tbody tr', { hasText: 'Amal Agent (Demo Vendor)' });
  await row.waitFor({ timeout: 20_000 });
  await row.locator('td', { hasText: '2 of 2 read' }).waitFor({ timeout: 20_000 });
  assert.equal(await row.locator('td.read').count(), 2);
  await expectNoAxeViolations(trainer.page);
  await screenshot(trainer.page, 'reading-who-read');
  assert.deepEqual(unexpected(trainer.problems), []);
});
