// End to end: case-note templates. An agent composes an Arabic escalation note (the preview is
// right to left, Latin tokens isolated), copies it and reads the clipboard back; the note
// reaches a colleague in the same organisation and never the other vendor's agent. A required
// field blocks copying; personal data is flagged and, when kept, recorded; a note composed
// offline syncs when the network returns. axe-core checks the list, composer and history.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'casebook-demo';
const FSI = '\u2068';
const PDI = '\u2069';
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

async function signIn(page, email) {
  await page.goto('/sign-in');
  await appReady(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.locator('.account-name').waitFor();
}

async function synced(page) {
  await page.locator('.sync[data-sync="synced"]').waitFor({ timeout: 20_000 });
}

/** Opens the template list from the navigation, as a person would. */
async function templates(page) {
  await page.getByRole('link', { name: 'Templates' }).first().click();
  await page.waitForURL(`${BASE}/templates`);
  await page.locator('.template-list li').first().waitFor({ timeout: 20_000 });
}

async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`#field-${name}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

function noteIn(page, text) {
  return page.locator('.note-list li.note', { hasText: text });
}

function unexpected(problems) {
  return problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('Failed to load resource'));
}

test('an Arabic escalation: RTL preview, copied with one keystroke, saved for colleagues and never for the other vendor', async () => {
  const agent = await openPage(browser, CLIPBOARD);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await synced(agent.page);
  await templates(agent.page);
  await expectNoAxeViolations(agent.page);

  // Pick from the keyboard: "/" focuses the search, typing filters, Enter opens the first match.
  await agent.page.evaluate(() => document.activeElement?.blur());
  await agent.page.keyboard.press('/');
  await agent.page.keyboard.type('credible threat');
  assert.equal(await agent.page.locator('#template-search').inputValue(), 'credible threat');
  const first = agent.page.locator('.template-list li a').first();
  assert.match(await first.textContent(), /threat/i);
  await agent.page.keyboard.press('Enter');
  await agent.page.waitForURL(`${BASE}/templates/escalation-violent-threat/compose`);
  await agent.page.locator('#note-preview').waitFor();

  const caseId = `CASE-${String(Date.now()).slice(-6)}`;
  await agent.page.locator('#note-lang').selectOption('ar');
  await fill(agent.page, {
    case: caseId,
    severity: 'critical',
    jurisdiction: 'Lyon, FR',
    account: '@night_owl',
    summary: 'تهديد صريح بالعنف ضد صحفية مع ذكر المكان والوقت.',
    evidence: 'https://social.example/post/1\nhttps://social.example/post/2',
  });
  const preview = agent.page.locator('#note-preview');
  assert.equal(await preview.getAttribute('dir'), 'rtl');
  assert.equal(await preview.getAttribute('lang'), 'ar');
  assert.equal(await preview.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  const text = await preview.textContent();
  assert.ok(text.includes(`${FSI}@night_owl${PDI}`), 'the Latin handle is isolated');
  assert.ok(text.includes(`${FSI}${caseId}${PDI}`), 'the case id is isolated');
  assert.ok(text.includes(`${FSI}https://social.example/post/2${PDI}`), 'each evidence link is isolated');
  assert.match(text, /تصعيد/);
  await screenshot(agent.page, 'templates-arabic-escalation');
  await expectNoAxeViolations(agent.page);

  // One keystroke copies the plain text and saves the note.
  await agent.page.locator('#field-jurisdiction').focus();
  await agent.page.keyboard.press('Control+Enter');
  await agent.page.getByText('Copied to the clipboard and saved.').waitFor();
  const copied = await agent.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, text, 'the clipboard holds exactly the preview');
  await synced(agent.page);

  // The history, on the list page, finds it offline by case id.
  await templates(agent.page);
  await agent.page.locator('#note-search').fill(caseId);
  await noteIn(agent.page, caseId).waitFor();
  assert.match(await noteIn(agent.page, caseId).locator('.note-meta').textContent(), /escalation-violent-threat@1/);
  await expectNoAxeViolations(agent.page);

  // A colleague in the same organisation receives it.
  const colleague = await openPage(browser);
  await signIn(colleague.page, 'admin@demo.casebook.test');
  await synced(colleague.page);
  await templates(colleague.page);
  await noteIn(colleague.page, caseId).waitFor({ timeout: 20_000 });
  assert.match(await noteIn(colleague.page, caseId).textContent(), /Amal Agent/);

  // The other vendor's agent has the same templates, and never the note.
  const other = await openPage(browser);
  await signIn(other.page, 'agent@northwind.casebook.test');
  await synced(other.page);
  await templates(other.page);
  assert.equal(await noteIn(other.page, caseId).count(), 0);
  const stored = await other.page.evaluate(() => document.body.innerText);
  assert.ok(!stored.includes(caseId), 'nothing of the note is on the other vendor’s page');

  for (const s of [agent, colleague, other]) {
    assert.deepEqual(unexpected(s.problems), []);
    await s.context.close();
  }
});

test('a required field left empty blocks copying and saving, and is named', async () => {
  const agent = await openPage(browser, CLIPBOARD);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await agent.page.goto('/templates/notice-harassment-removed/compose');
  await agent.page.locator('#note-preview').waitFor({ timeout: 20_000 });
  await agent.page.evaluate(() => navigator.clipboard.writeText('untouched'));
  await fill(agent.page, { account: '@someone' });
  await agent.page.getByRole('button', { name: 'Copy and save' }).click();
  const blocked = agent.page.locator('#compose-blocked');
  await blocked.waitFor();
  assert.match(await blocked.textContent(), /Removed post/);
  assert.doesNotMatch(await blocked.textContent(), /Account/, 'a filled field is not named');
  assert.equal(await agent.page.locator('#error-post').textContent(), 'Required.');
  assert.equal(await agent.page.evaluate(() => document.activeElement?.id), 'field-post', 'the first missing field has the focus');
  assert.equal(await agent.page.evaluate(() => navigator.clipboard.readText()), 'untouched');
  // Validation as one types: a malformed value is flagged before any copy.
  await fill(agent.page, { post: 'not a link' });
  assert.equal(await agent.page.locator('#error-post').textContent(), 'Not an http(s) link.');
  await fill(agent.page, { post: 'https://social.example/post/9' });
  assert.equal(await agent.page.locator('#error-post').count(), 0);
  assert.deepEqual(unexpected(agent.problems), []);
  await agent.context.close();
});

test('personal data in free text is flagged; keeping it is recorded on the note, redacting removes it', async () => {
  const agent = await openPage(browser, CLIPBOARD);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await synced(agent.page);
  await agent.page.goto('/templates/enforcement-scam/compose');
  await agent.page.locator('#note-preview').waitFor({ timeout: 20_000 });
  const kept = `CASE-${String(Date.now() + 1).slice(-6)}`;
  await fill(agent.page, {
    case: kept,
    account: '@double_your_coins',
    signals: 'Asked victims to pay to jane.doe@example.com and call +44 20 7946 0958.',
    action: 'account suspended',
  });
  await agent.page.getByRole('button', { name: 'Copy and save' }).click();
  const warning = agent.page.locator('.pii-warning');
  await warning.waitFor();
  const listed = await warning.textContent();
  assert.match(listed, /An email address in Signals seen/);
  assert.match(listed, /A phone number in Signals seen/);
  await expectNoAxeViolations(agent.page);
  await warning.getByRole('button', { name: 'Keep and record' }).click();
  await agent.page.getByText('Copied to the clipboard and saved.').waitFor();
  await templates(agent.page);
  await agent.page.locator('#note-search').fill(kept);
  assert.match(await noteIn(agent.page, kept).locator('.note-kept').textContent(), /An email address, A phone number/);

  const redacted = `CASE-${String(Date.now() + 2).slice(-6)}`;
  await agent.page.goto('/templates/enforcement-scam/compose');
  await agent.page.locator('#note-preview').waitFor();
  await fill(agent.page, {
    case: redacted,
    account: '@double_your_coins',
    signals: 'Card 4111 1111 1111 1111 posted in the replies.',
    action: 'post removed',
  });
  await agent.page.getByRole('button', { name: 'Copy and save' }).click();
  await agent.page.locator('.pii-warning').getByRole('button', { name: 'Redact and copy' }).click();
  await agent.page.getByText('Copied to the clipboard and saved.').waitFor();
  const copied = await agent.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes('[card removed]') && !copied.includes('4111'), copied);
  assert.deepEqual(unexpected(agent.problems), []);
  await agent.context.close();
});

test('a note composed offline is kept on the device and syncs when the network returns', async () => {
  const agent = await openPage(browser, CLIPBOARD);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await synced(agent.page);
  await agent.page.goto('/templates/enforcement-impersonation/compose');
  await agent.page.locator('#note-preview').waitFor({ timeout: 20_000 });
  await agent.context.setOffline(true);
  await agent.page.locator('.connection[data-state="offline"]').waitFor();
  const caseId = `CASE-${String(Date.now() + 3).slice(-6)}`;
  await fill(agent.page, {
    case: caseId,
    account: '@not_the_mayor',
    real: 'The city mayor’s official account',
    verified_by: 'official email domain',
    action: 'suspended',
  });
  await agent.page.getByRole('button', { name: 'Copy and save' }).click();
  await agent.page.getByText('Copied to the clipboard and saved.').waitFor();
  await agent.page.getByRole('link', { name: 'All templates' }).click();
  await agent.page.locator('#note-search').fill(caseId);
  await noteIn(agent.page, caseId).locator('.badge.pending').waitFor();
  await screenshot(agent.page, 'templates-offline-note-waiting');

  await agent.context.setOffline(false);
  await synced(agent.page);
  await noteIn(agent.page, caseId).waitFor();
  assert.equal(await noteIn(agent.page, caseId).locator('.badge.pending').count(), 0);
  const colleague = await openPage(browser);
  await signIn(colleague.page, 'admin@demo.casebook.test');
  await synced(colleague.page);
  await templates(colleague.page);
  await noteIn(colleague.page, caseId).waitFor({ timeout: 20_000 });
  for (const s of [agent, colleague]) {
    assert.deepEqual(unexpected(s.problems), []);
    await s.context.close();
  }
});
