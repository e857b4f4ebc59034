import { launch, openPage, appReady, BASE } from './browser.mjs';
const browser = await launch();
for (let i = 0; i < 4; i++) {
const { context, page } = await openPage(browser);
await page.goto('/sign-in'); await appReady(page);
await page.getByLabel('Email').fill('trainer@demo.casebook.test');
await page.getByLabel('Password').fill('casebook-demo');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForURL(`${BASE}/`);
await page.locator('.account-name').waitFor();
await page.getByRole('link', { name: 'Sweeps' }).click();
const demo = page.locator('.sweep-list li', { hasText: 'Election night: false polling-place claims' });
await demo.waitFor({ timeout: 20_000 });
console.log(await demo.textContent());
await demo.getByRole('link').click();
const row = page.locator('li.sweep-item[data-item="1"]');
await row.waitFor();
console.log('value', await row.locator('select').inputValue(), await row.locator('select').evaluate((s) => [...s.options].map((o) => `${o.value}:${o.selected}:${o.hasAttribute('selected')}`).join(' ')));
await page.waitForTimeout(2000);
console.log('later', await row.locator('select').inputValue(), await row.locator('select').evaluate((s) => [...s.options].map((o) => `${o.value}:${o.selected}:${o.hasAttribute('selected')}`).join(' ')));
await context.close();
}
await browser.close();
