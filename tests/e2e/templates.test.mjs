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

test('a specialist writes a template with an Arabic body, sees a syntax error by line and column, publishes, shares, and version 2 shows what changed', async () => {
  const specialist = await openPage(browser);
  await signIn(specialist.page, 'specialist@platform.casebook.test');
  await synced(specialist.page);
  await templates(specialist.page);
  await specialist.page.getByRole('link', { name: 'New template' }).click();
  await specialist.page.waitForURL(`${BASE}/templates/new`);
  const page = specialist.page;
  const id = `warn-spam-${String(Date.now()).slice(-6)}`;
  await page.locator('#tpl-id').fill(id);
  await page.locator('#tpl-name').fill('Spam warning');
  await page.locator('#tpl-kind').selectOption('notice');
  await page.locator('#tpl-area').fill('platform-manipulation-spam');
  await page.getByRole('button', { name: 'Add a field' }).click();
  await page.locator('#f0-name').fill('account');
  await page.locator('#f0-label').fill('Account');
  await page.locator('#f0-type').selectOption('handle');
  await page.locator('#f0-required').check();
  await page.getByRole('button', { name: 'Add a field' }).click();
  await page.locator('#f1-name').fill('severity');
  await page.locator('#f1-label').fill('Severity');
  await page.locator('#f1-type').selectOption('choice');
  await page.locator('#f1-options').fill('low\nhigh');
  await page.locator('#body-en').fill('Hello {{ account }},\n{% if severity == "high" %}This is a final warning.{% endif %}\nPlease stop posting spam.');
  // A syntax error on the second line of the Arabic body is shown next to it, with its column.
  await page.locator('#body-ar').fill('مرحبا {{ account }}،\nيرجى التوقف {{ account }.');
  const arError = page.locator('#body-error-ar');
  await arError.waitFor();
  assert.match(await arError.textContent(), /^Line 2, column 2\d: /);
  assert.equal(await page.locator('#body-ar').getAttribute('aria-describedby'), 'body-error-ar');
  assert.ok(await page.locator('#publish-template').isDisabled(), 'a template with an error is not published');
  // An unknown placeholder names its line and column too.
  await page.locator('#body-ar').fill('مرحبا {{ acount }}');
  assert.equal(await arError.textContent(), 'Line 1, column 10: unknown placeholder "acount": no field has that name');
  await page.locator('#body-ar').fill('مرحبا {{ account }}،\nيرجى التوقف عن نشر الرسائل المزعجة.');
  // The Arabic label of a field.
  await page.locator('.author-language', { hasText: 'العربية' }).locator('.author-labels summary').click();
  await page.locator('#label-ar-0').fill('الحساب');
  await arError.waitFor({ state: 'detached' });
  // A live preview in every language: English and Arabic their own, Spanish and Japanese fall back.
  // Each field shows where it lands: a text by its name, a choice by its first option (low).
  assert.match(await page.locator('#preview-en').textContent(), /^Hello \[account\],\n+Please stop posting spam\.$/);
  const ar = page.locator('#preview-ar');
  assert.equal(await ar.getAttribute('dir'), 'rtl');
  assert.ok((await ar.textContent()).includes(`${FSI}[account]${PDI}`), 'the handle is isolated in the Arabic preview');
  assert.match(await page.locator('.author-language', { hasText: 'Español' }).textContent(), /No body in Español/);
  await screenshot(page, 'templates-author-new');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await page.waitForURL(`${BASE}/templates/${id}/versions`);
  await page.getByRole('heading', { name: 'Version 1: Spam warning' }).waitFor();

  // Shared with the demo vendor, like a sweep.
  await page.locator('.template-sharing summary').click();
  await page.getByLabel('Demo Vendor').check();
  await page.getByText('Shared with one vendor').waitFor();
  await synced(page);

  // Version 2: a new body line and a changed name; the history shows the words that changed.
  await page.getByRole('link', { name: 'Write version 2' }).click();
  await page.waitForURL(`${BASE}/templates/${id}/edit`);
  assert.ok(await page.locator('#publish-template').isDisabled(), 'nothing changed yet');
  assert.equal(await page.locator('#label-ar-0').inputValue(), 'الحساب', 'version 1 kept the Arabic label');
  await page.locator('#tpl-name').fill('Spam warning (repeat)');
  await page.locator('#body-en').fill('Hello {{ account }},\n{% if severity == "high" %}This is a final warning.{% endif %}\nPlease stop posting spam now.');
  await page.getByRole('button', { name: 'Publish version 2' }).click();
  await page.waitForURL(`${BASE}/templates/${id}/versions`);
  const v2 = page.locator('#v2');
  await v2.waitFor();
  assert.match(await v2.locator('h3').textContent(), /What changed since version 1/);
  assert.equal(await v2.locator('ins').first().textContent(), ' (repeat)');
  assert.ok((await v2.locator('ins').allTextContents()).some((t) => t.includes('now')), 'the body change is marked');
  assert.equal(await v2.locator('.template-change').count(), 2, 'settings and the English body changed');
  await screenshot(page, 'templates-versions-diff');
  await expectNoAxeViolations(page);
  await synced(page);

  // The demo vendor's agent composes from version 2; the other vendor never sees the template.
  const agent = await openPage(browser);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await synced(agent.page);
  await agent.page.goto(`/templates/${id}/compose`);
  await agent.page.locator('#note-preview').waitFor({ timeout: 20_000 });
  assert.match(await agent.page.locator('h1 + p').textContent(), /version 2/);
  const other = await openPage(browser);
  await signIn(other.page, 'agent@northwind.casebook.test');
  await synced(other.page);
  await other.page.goto(`/templates/${id}/compose`);
  await other.page.getByText('This template is not on this device.', { exact: false }).waitFor();
  for (const s of [specialist, agent, other]) {
    assert.deepEqual(unexpected(s.problems), []);
    await s.context.close();
  }
});

test('an agent amends a note: the composer opens prefilled, the new note links to the old, the history shows the chain', async () => {
  const agent = await openPage(browser, CLIPBOARD);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await synced(agent.page);
  const page = agent.page;
  await page.goto('/templates/enforcement-impersonation/compose');
  await page.locator('#note-preview').waitFor({ timeout: 20_000 });
  const caseId = `CASE-${String(Date.now() + 4).slice(-6)}`;
  await fill(page, {
    case: caseId,
    account: '@not_the_mayor',
    real: 'The city mayor’s official account',
    verified_by: 'official email domain',
    action: 'suspended',
  });
  await page.getByRole('button', { name: 'Copy and save' }).click();
  await page.getByText('Copied to the clipboard and saved.').waitFor();
  await page.getByRole('link', { name: 'All templates' }).click();
  await page.locator('#note-search').fill(caseId);
  const original = noteIn(page, caseId);
  await original.waitFor();
  await original.getByRole('link', { name: 'Amend' }).click();
  await page.waitForURL(/\/templates\/enforcement-impersonation\/compose\?amend=/);
  await page.locator('.amending').waitFor();
  assert.equal(await page.locator('#field-case').inputValue(), caseId, 'the composer is prefilled');
  assert.equal(await page.locator('#field-account').inputValue(), '@not_the_mayor');
  await fill(page, { action: 'closed' });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Copy and save' }).click();
  await page.getByText('Copied to the clipboard and saved.').waitFor();
  await page.getByRole('link', { name: 'All templates' }).click();
  await page.locator('#note-search').fill(caseId);
  await page.locator('.note-list li.note').nth(1).waitFor();
  const notes = page.locator('.note-list li.note');
  assert.equal(await notes.count(), 2, 'the old note stays, the amendment is a new note');
  const newest = notes.nth(0);
  assert.match(await newest.locator('.note-text').textContent(), /Action: closed/);
  assert.match(await newest.locator('.note-chain').textContent(), /Amends the note of/);
  const old = notes.nth(1);
  assert.equal(await old.locator('.badge.amended').textContent(), 'Amended');
  assert.match(await old.locator('.note-text').textContent(), /Action: suspended/);
  await screenshot(page, 'templates-amended-note');
  await expectNoAxeViolations(page);
  await synced(page);
  // A colleague sees the same chain.
  const colleague = await openPage(browser);
  await signIn(colleague.page, 'admin@demo.casebook.test');
  await synced(colleague.page);
  await templates(colleague.page);
  await colleague.page.locator('#note-search').fill(caseId);
  await noteIn(colleague.page, 'Action: closed').locator('.note-chain').waitFor({ timeout: 20_000 });
  for (const s of [agent, colleague]) {
    assert.deepEqual(unexpected(s.problems), []);
    await s.context.close();
  }
});

test('the policy section field is picked with the policy search', async () => {
  const agent = await openPage(browser);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await synced(agent.page);
  const page = agent.page;
  await page.goto('/templates/escalation-violent-threat/compose');
  await page.locator('#note-preview').waitFor({ timeout: 20_000 });
  const picker = page.locator('input[role="combobox"]').first();
  await picker.fill('home address');
  const options = page.locator('.policy-options [role="option"]');
  await options.first().waitFor();
  assert.equal(await picker.getAttribute('aria-expanded'), 'true');
  await picker.press('ArrowDown');
  const chosen = await options.nth(1).locator('code').textContent();
  await picker.press('Enter');
  assert.equal(await picker.inputValue(), chosen);
  assert.match(chosen, /^[a-z0-9-]+#[a-z0-9-]+@\d+$/);
  assert.equal(await picker.getAttribute('aria-expanded'), 'false');
  await expectNoAxeViolations(page);
  assert.deepEqual(unexpected(agent.problems), []);
  await agent.context.close();
});

test('template files are imported all or nothing: line-numbered problems, then a preview, then publishing', async () => {
  const specialist = await openPage(browser);
  await signIn(specialist.page, 'specialist@platform.casebook.test');
  await synced(specialist.page);
  const page = specialist.page;
  await page.goto('/templates/import');
  await page.getByRole('heading', { name: 'Import templates' }).waitFor();
  await expectNoAxeViolations(page);
  const id = `imported-${String(Date.now()).slice(-6)}`;
  const good = `---\nid: ${id}\nname: Imported notice\nkind: notice\narea: spam\ndefault_lang: en\nfields:\n  - name: account\n    label: Account\n    type: handle\n    required: true\n---\n\n## en\nHello {{ account }}.\n\n## ja\n{{ account }} さん、こんにちは。\n`;
  const bad = good.replace(`id: ${id}`, `id: ${id}-b`).replace('Hello {{ account }}.', 'Hello {{ acount }}.');
  await page.locator('#import-files').setInputFiles([
    { name: 'good.md', mimeType: 'text/markdown', buffer: Buffer.from(good) },
    { name: 'bad.md', mimeType: 'text/markdown', buffer: Buffer.from(bad) },
  ]);
  const problems = page.locator('.import-problems');
  await problems.waitFor();
  assert.match(await problems.textContent(), /bad\.md/);
  assert.match(await problems.textContent(), /Line 15:.*en body, column 10: unknown placeholder "acount"/);
  await expectNoAxeViolations(page);
  await page.locator('#import-files').setInputFiles([{ name: 'good.md', mimeType: 'text/markdown', buffer: Buffer.from(good) }]);
  await page.locator('.template-import-list').waitFor();
  assert.match(await page.locator('.template-import-list').textContent(), /new template, version 1/);
  await page.getByRole('button', { name: 'Publish one template' }).click();
  await page.getByText('One template published.').waitFor();
  await page.goto(`/templates/${id}/versions`);
  await page.getByRole('heading', { name: 'Version 1: Imported notice' }).waitFor({ timeout: 20_000 });
  assert.deepEqual(unexpected(specialist.problems), []);
  await specialist.context.close();
});

test('a sweep item note from a template: the note links to the item and its text goes into the item note', async () => {
  const agent = await openPage(browser, CLIPBOARD);
  await signIn(agent.page, 'agent@demo.casebook.test');
  await synced(agent.page);
  const page = agent.page;
  await page.goto('/sweeps/demoelection1');
  // The item list shows rows; the chosen item is worked beside it.
  await page.locator('.sweep-row[data-item="6"] button').click({ timeout: 20_000 });
  await page.locator('#item-6').waitFor({ timeout: 20_000 });
  await page.locator('#item-6 .note-from-template a').click();
  await page.waitForURL(`${BASE}/templates?sweep=demoelection1&item=6`);
  await page.getByText('For item 6 of sweep demoelection1').waitFor();
  await page.locator('#template-search').fill('harassment removed');
  await page.locator('#template-search').press('Enter');
  await page.waitForURL(/\/templates\/notice-harassment-removed\/compose\?sweep=demoelection1&item=6$/);
  await page.locator('#note-preview').waitFor({ timeout: 20_000 });
  await fill(page, { account: '@poll_myths', post: 'https://social.example/post/48432' });
  await page.getByRole('button', { name: 'Copy and save' }).click();
  await page.getByText('Copied to the clipboard and saved.').waitFor();
  const text = await page.locator('#note-preview').textContent();
  await page.getByRole('button', { name: "Put the text in item 6's note" }).click();
  await page.locator('#item-note-done').waitFor();
  await expectNoAxeViolations(page);
  await synced(page);
  await page.goto('/sweeps/demoelection1');
  await page.locator('.sweep-row[data-item="6"] button').click({ timeout: 20_000 });
  await page.locator('#item-6-note').waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('#item-6-note').inputValue(), text);
  await templates(page);
  await page.locator('#note-search').fill('poll_myths');
  assert.match(await noteIn(page, 'poll_myths').locator('.note-chain').textContent(), /Written for item 6 of sweep demoelection1/);
  assert.deepEqual(unexpected(agent.problems), []);
  await agent.context.close();
});
