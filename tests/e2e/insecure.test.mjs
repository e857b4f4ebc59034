// End to end: served over plain http on an address other than localhost (an intranet without
// TLS), where the browser offers no service worker and no Clipboard API. Chromium treats
// http://127.0.0.1 as secure, so an init script takes both away and sets isSecureContext to
// false before the app runs, as Chromium does on such an address.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, screenshot, expectNoAxeViolations, assert } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function insecurePage() {
  const opened = await openPage(browser);
  await opened.context.addInitScript(() => {
    delete Navigator.prototype.serviceWorker;
    delete Navigator.prototype.clipboard;
    Object.defineProperty(window, 'isSecureContext', { get: () => false, configurable: true });
  });
  return opened;
}

test('on plain http: no page errors, Copy link selects the link for copying by hand, Settings says why', async () => {
  const { context, page, problems } = await insecurePage();
  await page.goto('/policies/private-information');
  await appReady(page);
  assert.equal(await page.evaluate(() => 'serviceWorker' in navigator || window.isSecureContext), false);

  const section = page.locator('section.section[id]').first();
  const anchor = await section.getAttribute('id');
  await section.getByRole('button', { name: 'Copy link' }).click();
  const field = section.locator('.copy-by-hand input');
  await field.waitFor();
  assert.ok(await field.evaluate((input) => input.readOnly), 'the field is read-only');
  const link = await field.inputValue();
  assert.match(link, new RegExp(`^http://[^/]+/policies/private-information/v/\\d+#${anchor}$`));
  assert.match(await section.locator('.copy-by-hand label').textContent(), /press Ctrl\+C/);
  const selected = await page.evaluate(() => {
    const input = document.activeElement;
    return input?.tagName === 'INPUT' && input.selectionStart === 0 && input.selectionEnd === input.value.length;
  });
  assert.ok(selected, 'the link is focused and wholly selected');
  await screenshot(page, 'copy-link-by-hand');
  await expectNoAxeViolations(page);

  await page.goto('/settings');
  await appReady(page);
  assert.match(await page.locator('.insecure-notice').textContent(), /Offline start needs https/);
  await expectNoAxeViolations(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on https or localhost the notice is not shown', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/settings');
  await appReady(page);
  await page.locator('h1', { hasText: 'Settings' }).waitFor();
  assert.equal(await page.locator('.insecure-notice').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
