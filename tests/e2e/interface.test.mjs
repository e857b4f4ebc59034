// End to end: the interface in the agent's language, by keyboard, on a phone — the frame and
// every page in en, es, ar and ja, light and dark, scanned by axe-core; Arabic mirrored;
// the command palette and the shortcuts overlay; a whole journey with no pointer at all.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert, BASE } from './browser.mjs';
import { ROUTES } from './routes.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PASSWORD = 'casebook-demo';
/** "Policies" in the header, per language: the catalogue has arrived when it shows. */
const POLICIES = { en: 'Policies', es: 'Políticas', ar: 'السياسات', ja: 'ポリシー' };

async function inLanguage(page, lang) {
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached', timeout: 20_000 });
  await page.locator('.nav-link', { hasText: POLICIES[lang] }).first().waitFor({ timeout: 20_000 });
}

/** Signs in with the keyboard only. */
async function signIn(page, email) {
  await page.goto('/sign-in');
  await appReady(page);
  await page.locator('#email').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${BASE}/`);
}

for (const lang of ['en', 'es', 'ar', 'ja']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`every page has no accessibility violations in ${lang}, ${colorScheme} scheme (axe-core)`, async () => {
      const { context, page, problems } = await openPage(browser, { locale: lang, colorScheme });
      for (const route of ROUTES.filter((r) => r.as === 'anonymous')) {
        await page.goto(route.path);
        await appReady(page);
        await inLanguage(page, lang);
        await page.locator(route.ready).first().waitFor({ timeout: 20_000 });
        await expectNoAxeViolations(page).catch((e) => { throw new Error(`${route.path}: ${e.message}`); });
      }
      await signIn(page, 'admin@demo.casebook.test');
      for (const route of ROUTES.filter((r) => r.as !== 'anonymous')) {
        await page.goto(route.path);
        await appReady(page);
        await inLanguage(page, lang);
        await page.locator(route.ready).first().waitFor({ timeout: 20_000 });
        assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
        await expectNoAxeViolations(page).catch((e) => { throw new Error(`${route.path}: ${e.message}`); });
        const title = await page.title();
        assert.ok(route.path === '/' || title !== 'Casebook', `${route.path} has its own title, not "${title}"`);
      }
      if (colorScheme === 'light') await screenshot(page, `settings-${lang}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('in Arabic the whole frame mirrors: the brand starts on the right, the navigation follows to its left', async () => {
  const { context, page } = await openPage(browser, { locale: 'ar-EG' });
  await page.goto('/');
  await appReady(page);
  await inLanguage(page, 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  const brand = await page.locator('.brand').boundingBox();
  const nav = await page.locator('.app-header nav').boundingBox();
  const viewport = page.viewportSize();
  assert.ok(brand.x + brand.width > viewport.width - 60, `the brand sits at the right edge (${brand.x}+${brand.width})`);
  assert.ok(nav.x + nav.width <= brand.x + 1, 'the navigation is to the left of the brand');
  const search = await page.locator('.search-box input').boundingBox();
  const label = await page.locator('h1').boundingBox();
  assert.ok(label.x + label.width >= search.x + search.width - 2, 'the heading aligns to the right edge of the content');
  await screenshot(page, 'search-ar');
  await context.close();
});

test('the interface language: from the browser, then the picker, remembered per device and per person', async () => {
  const first = await openPage(browser, { locale: 'ja-JP' });
  await first.page.goto('/');
  await appReady(first.page);
  await inLanguage(first.page, 'ja');
  // The picker switches at once and the device remembers it.
  await first.page.locator('select.language-picker').selectOption('es');
  await inLanguage(first.page, 'es');
  await first.page.reload();
  await appReady(first.page);
  await inLanguage(first.page, 'es');
  // Signed in, the choice is the person's: another device (English browser) follows it.
  await signIn(first.page, 'agent@northwind.casebook.test');
  const saved = first.page.waitForResponse((r) => r.url().endsWith('/api/session/language') && r.status() === 204);
  await first.page.locator('select.language-picker').selectOption('ar');
  await inLanguage(first.page, 'ar');
  await saved;
  const second = await openPage(browser, { locale: 'en-US' });
  await signIn(second.page, 'agent@northwind.casebook.test');
  await inLanguage(second.page, 'ar');
  // Back to English for the person, as the other tests expect them.
  const reset = second.page.waitForResponse((r) => r.url().endsWith('/api/session/language') && r.status() === 204);
  await second.page.locator('select.language-picker').selectOption('en');
  await inLanguage(second.page, 'en');
  await reset;
  await first.context.close();
  await second.context.close();
});

test('the command palette goes anywhere and the ? overlay lists the keys, by keyboard alone', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/');
  await appReady(page);
  await page.locator('.policy-row').first().waitFor();
  await page.locator('body').focus();
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: /search for a page/i });
  await input.waitFor();
  assert.ok(await input.evaluate((el) => el === document.activeElement), 'the palette input has the focus');
  await expectNoAxeViolations(page);
  await page.keyboard.type('setings'); // a typo, as people type under pressure
  await page.locator('.palette-option.selected', { hasText: 'Settings' }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${BASE}/settings`);
  assert.equal(await page.title(), 'Settings · Casebook');
  // Focus moved to the new page's heading, so a screen reader announces it.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  // Policies by name, switching language.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('privat');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${BASE}/policies/private-information`);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('español');
  await page.keyboard.press('Enter');
  await inLanguage(page, 'es');
  // Escape closes and gives the focus back.
  await page.keyboard.press('Control+k');
  await page.locator('.palette-input').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.palette-input').count(), 0);
  // ? lists the keys in the interface language; never while typing.
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Atajos de teclado' }).waitFor();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a journey with no pointer at all: sign in, search, open a section, copy its link, sign out', async () => {
  const { context, page, problems } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await signIn(page, 'agent@demo.casebook.test');
  await page.locator('.policy-row').first().waitFor();
  await page.keyboard.press('/');
  await page.keyboard.type('doxxing');
  await page.locator('.result').first().waitFor();
  // Tab from the box to the first result, Enter opens it.
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.closest('.result') !== null)) && guard++ < 15) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/policies\//);
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);
  await page.keyboard.press('c');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /\/policies\/.+#/);
  assert.deepEqual(problems, []);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('sign out');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${BASE}/sign-in`);
  // A request already on its way when the session ended may be refused; nothing else may fail.
  assert.deepEqual(problems.filter((p) => !p.includes('status of 401')), []);
  await context.close();
});

test('on a 360 px phone the header is short and no page scrolls sideways', async () => {
  const { context, page } = await openPage(browser, { viewport: { width: 360, height: 740 } });
  await signIn(page, 'admin@demo.casebook.test');
  for (const route of ROUTES.filter((r) => r.as !== 'anonymous')) {
    await page.goto(route.path);
    await appReady(page);
    await page.locator(route.ready).first().waitFor({ timeout: 20_000 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${route.path} is ${width} px wide at 360 px`);
  }
  await page.goto('/');
  await appReady(page);
  const header = await page.locator('header.app-header').boundingBox();
  assert.ok(header.height <= 130, `the header is ${header.height} px tall`);
  const sticky = await page.locator('header.app-header').evaluate((el) => getComputedStyle(el).position);
  assert.equal(sticky, 'static', 'on a phone the header scrolls away with the page');
  await screenshot(page, 'phone-search');
  await context.close();
});
