// End to end: an administrator works in Spanish and in Arabic on a phone-sized screen. The
// language is picked in the header; People and the audit log come in that language (Arabic
// right to left), with no horizontal scrolling of the page at 360 px; Settings offers the
// same choice.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert, BASE } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'casebook-demo';
const PHONE = { viewport: { width: 360, height: 740 } };
/** Text without the isolation marks Fluent puts around variables in Arabic. */
const plain = (text) => text.replace(/[\u2068\u2069]/g, '');

const LANGUAGES = {
  es: {
    dir: 'ltr', signIn: 'Iniciar sesión', email: 'Correo electrónico', password: 'Contraseña',
    people: 'Personas', audit: 'Registro de auditoría', agent: 'Agente', signInAction: 'Inicio de sesión',
    created: (email) => `${email} como Agente`, changed: 'rol: Formador',
  },
  ar: {
    dir: 'rtl', signIn: 'تسجيل الدخول', email: 'البريد الإلكتروني', password: 'كلمة المرور',
    people: 'الأشخاص', audit: 'سجل التدقيق', agent: 'وكيل', signInAction: 'تسجيل الدخول',
    created: (email) => `${email} بدور وكيل`, changed: 'الدور: مدرّب',
  },
};

/**
 * The page's content is no wider than the screen: nothing in `main` reaches past its edges
 * but a table inside its own scrolling box. (The header around it is the shell's, checked with
 * the shell; `document.documentElement.scrollWidth` is logged for it.)
 */
async function fitsTheScreen(page, what) {
  const { page: width, overflowing } = await page.evaluate(() => {
    const main = document.querySelector('main');
    const overflowing = [...main.querySelectorAll('*')]
      .filter((el) => !el.closest('.table-scroll') || el.matches('.table-scroll'))
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > 360.5 || r.left < -0.5); })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    if (main.scrollWidth > main.clientWidth) overflowing.push(`main scrolls: ${main.scrollWidth} > ${main.clientWidth}`);
    return { page: document.documentElement.scrollWidth, overflowing };
  });
  assert.deepEqual(overflowing, [], `${what} overflows at 360 px`);
  if (width > 360) console.log(`# ${what}: the page is ${width} px wide at 360 px (the header)`);
}

/** An account created and changed through the API, so the log has entries with details. */
async function accountWithHistory(tag) {
  const signIn = await fetch(`${BASE}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-casebook-request': '1' },
    body: JSON.stringify({ email: 'admin@demo.casebook.test', password: PASSWORD }),
  });
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const email = `${tag}-${Date.now()}@demo.casebook.test`;
  const headers = { 'content-type': 'application/json', 'x-casebook-request': '1', cookie };
  const created = await fetch(`${BASE}/api/users`, {
    method: 'POST', headers, body: JSON.stringify({ email, name: `Lang ${tag}`, role: 'agent', password: 'a first password' }),
  });
  assert.equal(created.status, 201);
  const { id } = await created.json();
  const changed = await fetch(`${BASE}/api/users/${encodeURIComponent(id)}`, {
    method: 'PATCH', headers, body: JSON.stringify({ role: 'trainer' }),
  });
  assert.equal(changed.status, 200);
  return email;
}

for (const [lang, words] of Object.entries(LANGUAGES)) {
  test(`an admin reads People and the audit log in ${lang} at 360 px`, async () => {
    const email = await accountWithHistory(lang);
    const { context, page, problems } = await openPage(browser, PHONE);
    await page.goto('/sign-in');
    await appReady(page);
    // English first (the browser prefers English), then the header's picker.
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.locator('select.language-picker').selectOption(lang);
    await page.getByRole('heading', { name: words.signIn, level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.evaluate(() => document.documentElement.dir), words.dir);
    await fitsTheScreen(page, 'Sign in');
    await page.getByLabel(words.email).fill('admin@demo.casebook.test');
    await page.getByLabel(words.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: words.signIn }).click();
    await page.waitForURL(`${BASE}/`);
    // On a phone the name is visually hidden (the header keeps two rows), still read out.
    await page.locator('.account-name').waitFor({ state: 'attached' });

    await page.goto('/admin/people');
    await appReady(page);
    await page.getByRole('heading', { name: words.people, level: 1 }).waitFor();
    await page.locator(`tr.person[data-email="${email}"]`).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), words.dir, 'the choice outlives a reload');
    assert.equal(await page.locator('#new-role option[value="agent"]').textContent(), words.agent);
    await fitsTheScreen(page, 'People');
    await expectNoAxeViolations(page);
    await screenshot(page, `people-${lang}-360`);

    await page.goto('/admin/audit');
    await appReady(page);
    await page.getByRole('heading', { name: words.audit, level: 1 }).waitFor();
    await page.locator('tr.audit-row').first().waitFor();
    const signIn = page.locator('tr.audit-row[data-action="session.sign_in"]').first();
    assert.equal(await signIn.locator('td').nth(2).textContent(), words.signInAction);
    // The server's details, read as sentences in the language.
    const created = page.locator('tr.audit-row[data-action="user.create"]', { hasText: email });
    assert.equal(plain(await created.locator('.audit-detail').textContent()), words.created(email));
    const changed = page.locator('tr.audit-row[data-action="user.change"]', { hasText: email });
    assert.equal(plain(await changed.locator('.audit-detail').textContent()), words.changed);
    assert.equal(await changed.locator('.audit-detail').getAttribute('title'), 'role trainer', "the server's words on hover");
    const time = signIn.locator('time');
    assert.match(await time.getAttribute('title'), /UTC/);
    // One line (bidirectional text may split it into several boxes, all on that line).
    assert.equal(await time.evaluate((t) => new Set([...t.getClientRects()].map((r) => Math.round(r.top))).size), 1, 'the time does not wrap');
    await fitsTheScreen(page, 'Audit log');
    // The table scrolls inside its own box, which the keyboard can reach.
    const box = page.locator('.audit-page .table-scroll');
    assert.equal(await box.getAttribute('tabindex'), '0');
    assert.ok(await box.evaluate((b) => b.scrollWidth > b.clientWidth), 'the wide table scrolls in its box');
    await expectNoAxeViolations(page);
    await screenshot(page, `audit-${lang}-360`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('Settings offers the interface language, in each language\'s own name', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/settings');
  await appReady(page);
  await page.getByRole('heading', { name: 'Language', level: 2 }).waitFor();
  assert.doesNotMatch(await page.locator('.settings-page').textContent(), /Language, media/, 'no longer "coming later"');
  assert.equal(await page.getByRole('radio', { name: 'English' }).isChecked(), true);
  await page.getByRole('radio', { name: '日本語' }).check();
  await page.getByRole('heading', { name: '設定', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.equal(await page.locator('select.language-picker').inputValue(), 'ja', 'the header agrees');
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
