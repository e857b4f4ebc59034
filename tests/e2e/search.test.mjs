// End to end: policy lookup — search as you type, typos, keyboard, filters, shared links, offline.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, librarySaved, screenshot, expectNoAxeViolations, assert } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function searchPage(options) {
  const opened = await openPage(browser, options);
  await opened.page.goto('/');
  await appReady(opened.page);
  await opened.page.locator('.policy-row').first().waitFor();
  return opened;
}

/** Waits until the section with `anchor` is near the top of the viewport. */
async function expectInView(page, anchor) {
  await page.waitForFunction((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    return r && r.top >= 0 && r.top < window.innerHeight / 2;
  }, anchor, { timeout: 5_000 }).catch(() => assert.fail(`section #${anchor} is not in view`));
}

test('a misspelt query finds the private-information section and highlights the words', async () => {
  const { context, page, problems } = await searchPage();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', '/ focuses the search box');
  await page.keyboard.type('harrasment home adress');
  assert.equal(await page.locator('#search-input').inputValue(), 'harrasment home adress', 'the / is not typed into the box');
  const first = page.locator('.result').first();
  await first.waitFor();
  assert.match(await first.locator('.result-link').textContent(), /^Private information › /);
  const marks = await first.locator('mark').allTextContents();
  assert.ok(marks.some((m) => /^harassment$/i.test(m)), `the corrected word is highlighted: ${marks}`);
  assert.ok(marks.some((m) => /^address/i.test(m)), `"address" is highlighted: ${marks}`);
  await screenshot(page, 'search-typo');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard alone opens a result at its section', async () => {
  const { context, page, problems } = await searchPage();
  await page.keyboard.press('/');
  await page.keyboard.type('ban evas');
  // The results of the whole query (the address follows them), not of a prefix typed so far.
  await page.waitForURL((url) => url.searchParams.get('q') === 'ban evas');
  await page.locator('.result').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  assert.match(second, /^\/policies\/[a-z0-9-]+\/v\/\d+#[a-z0-9-]+$/);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => `${url.pathname}${url.hash}` === second);
  await expectInView(page, second.split('#')[1]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('filters narrow the results and show as removable chips', async () => {
  const { context, page, problems } = await searchPage();
  await page.locator('#search-input').fill('AI');
  await page.locator('.result').first().waitFor();
  await page.locator('#filter-language').selectOption('ja');
  await page.getByRole('button', { name: /Remove filter Language/ }).waitFor();
  const langs = await page.locator('.result').evaluateAll((rows) => rows.map((r) => r.getAttribute('lang')));
  assert.ok(langs.length > 0, 'Japanese sections match');
  assert.deepEqual([...new Set(langs)], ['ja']);
  await page.getByRole('button', { name: /Remove filter Language/ }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('.result')].some((r) => r.getAttribute('lang') !== 'ja'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an empty result says so and suggests what to try', async () => {
  const { context, page } = await searchPage();
  await page.locator('#search-input').fill('qqqzzzxxy');
  const empty = page.locator('.empty');
  await empty.waitFor();
  assert.match(await empty.textContent(), /Nothing matches/);
  await empty.locator('button').first().click();
  await page.locator('.result').first().waitFor();
  await context.close();
});

test('a copied section link opens at exactly that section in a fresh browser', async () => {
  const { context, page, problems } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto('/policies/private-information');
  await appReady(page);
  const section = page.locator('section.section').nth(2);
  await section.waitFor();
  await section.getByRole('button', { name: 'Copy link' }).click();
  await section.getByRole('button', { name: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const anchor = await section.getAttribute('id');
  assert.match(link, new RegExp(`/policies/private-information/v/\\d+#${anchor}$`));
  await context.close();

  const fresh = await openPage(browser);
  await fresh.page.goto(link);
  await appReady(fresh.page);
  await expectInView(fresh.page, anchor);
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
});

test('after one visit, a reload with the network off still opens the app and searches', async () => {
  const { context, page, problems } = await searchPage();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The library is saved in IndexedDB once the first download finishes.
  await librarySaved(page);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.locator('.connection[data-state="offline"]').waitFor();
  assert.match(await page.locator('.library-notice').textContent(), /offline.*saved on this device/i);
  await page.locator('#search-input').fill('deepfak label');
  const first = page.locator('.result').first();
  await first.waitFor();
  assert.match(await first.locator('.result-link').textContent(), /Synthetic and manipulated media/);
  await screenshot(page, 'offline-search');
  const unexpected = problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'));
  assert.deepEqual(unexpected, []);
  await context.close();
});

test('search results have no accessibility violations (axe-core)', async () => {
  const { context, page } = await searchPage();
  await page.locator('#search-input').fill('doxxing');
  await page.locator('.result').first().waitFor();
  await expectNoAxeViolations(page);
  await context.close();
});

test("a trainer's paragraph link opens the section with that paragraph highlighted", async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto('/policies/private-information/v/2#overview');
  await appReady(page);
  const link = page.locator('section#overview a.para-link').nth(1);
  await link.waitFor({ state: 'attached' });
  const href = await link.getAttribute('href');
  assert.match(href, /^\/policies\/private-information\/v\/2\?p=\d+#overview$/);
  await context.close();

  const fresh = await openPage(browser);
  await fresh.page.goto(href);
  await appReady(fresh.page);
  const block = new URL(href, 'http://x').searchParams.get('p');
  const highlighted = fresh.page.locator(`section#overview [data-block="${block}"].highlight`);
  await highlighted.waitFor();
  await expectInView(fresh.page, 'overview');
  assert.equal(await fresh.page.locator('.highlight').count(), 1);
  await screenshot(fresh.page, 'paragraph-link');
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
});

test('the query lives in the address: Back returns to the same results, and a search link opens them', async () => {
  const { context, page, problems } = await searchPage();
  await page.locator('#search-input').fill('crypto giveaway');
  await page.waitForURL(/\/\?q=crypto%20giveaway$/);
  const first = page.locator('.result-link').first();
  await first.waitFor();
  const title = await first.textContent();
  await first.click();
  await page.waitForURL(/\/policies\//);
  await page.goBack();
  await page.waitForURL(/\/\?q=crypto%20giveaway$/);
  assert.equal(await page.locator('#search-input').inputValue(), 'crypto giveaway');
  assert.equal(await page.locator('.result-link').first().textContent(), title);
  await context.close();

  const fresh = await openPage(browser);
  await fresh.page.goto('/?q=deepfake');
  await appReady(fresh.page);
  await fresh.page.locator('.result').first().waitFor();
  assert.equal(await fresh.page.locator('#search-input').inputValue(), 'deepfake');
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
});

test('the result count says how many sections matched; on a policy, c copies the link of the section being read', async () => {
  const { context, page, problems } = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto('/');
  await appReady(page);
  await page.locator('#search-input').fill('address');
  await page.locator('.result').first().waitFor();
  const label = await page.locator('.result-count').textContent();
  const [, shown, total] = label.match(/^Best (\d+) of (\d+) matching sections$/) ?? [];
  assert.equal(Number(shown), await page.locator('.result').count(), label);
  assert.ok(Number(total) > Number(shown), label);

  await page.goto('/policies/private-information');
  await appReady(page);
  await page.locator('section.section').first().waitFor();
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\/policies\/private-information\/v\/\d+#overview$/);
  assert.deepEqual(problems, []);
  await context.close();
});
