// End to end: comparing two versions of a policy.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the diff view shows what changed between v1 and v2 of private information', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/policies/private-information/v/2');
  await appReady(page);
  await page.getByRole('link', { name: 'What changed since v1' }).click();
  await page.waitForURL(/\/policies\/private-information\/diff\/1\/2$/);

  // v2 made a public figure's home address removable and doxxing with a threat critical.
  const publicFigures = page.locator('section.diff-section', { has: page.locator('h2', { hasText: 'Public figures' }) });
  await publicFigures.waitFor();
  assert.equal((await publicFigures.locator('.diff-status').textContent()).trim(), 'Changed');
  assert.ok((await publicFigures.locator('ins').count()) > 0, 'added words are marked');
  const suspend = page.locator('tr', { has: page.locator('td', { hasText: /^Suspend account$/ }) });
  assert.equal((await suspend.locator('.diff-status').textContent()).trim(), 'Changed');
  assert.match(await suspend.locator('td').nth(2).textContent(), /^High/);
  assert.match(await suspend.locator('td').nth(3).textContent(), /^Critical/);
  await screenshot(page, 'diff');
  await expectNoAxeViolations(page);

  // Comparing a version with itself says there is nothing to see.
  await page.locator('#diff-from').selectOption('2');
  await page.waitForURL(/\/diff\/2\/2$/);
  assert.match(await page.locator('.diff-counts').textContent(), /same text/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Text without the isolation marks Fluent puts around variables in Arabic. */
const plain = (text) => text.replace(/[\u2068\u2069]/g, '');

test('in Arabic, the diff page is translated and versions read "الإصدار N", never "2v"', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/policies/private-information/v/1');
  await appReady(page);
  await page.locator('select.language-picker').selectOption('ar');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  // The page follows the language in the next render: wait for the header's Arabic.
  await page.locator('.policy-header', { hasText: /الإصدار/ }).first().waitFor();
  // The old-version header and banner name versions in words: "v2" between Fluent's isolation
  // marks was shown as "2v" in right-to-left text.
  const header = plain(await page.locator('.policy-header').textContent());
  assert.doesNotMatch(header, /v\s?\d|\dv/, header);
  assert.match(header, /الإصدار 2/);

  await page.goto('/policies/private-information/diff/1/2');
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: /^ما الذي تغيّر في/ }).waitFor();
  // Everything but the policy's own words (its title, headings and text) is in Arabic.
  for (const selector of ['.diff-counts', '.version-picker', '.actions thead', '.diff-section .diff-status']) {
    const text = plain(await page.locator(selector).first().textContent());
    assert.doesNotMatch(text, /[A-Za-z]/, `${selector}: ${text}`);
  }
  assert.equal(plain(await page.locator('.actions thead th').nth(2).textContent()), 'الإصدار 1');
  await screenshot(page, 'diff-ar');
  await expectNoAxeViolations(page);
  await page.locator('select.language-picker').selectOption('en');
  await page.getByRole('heading', { level: 1, name: /^What changed in/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
