// End to end: the first visit. The page carries a real search box before the app's WebAssembly
// arrives, and the quick search (crates/start, loaded by boot.js) answers it; what an agent
// types there (and where the caret is) survives the app's start, and the query runs. The app's
// wasm is held back by the test, so "before" is certain, not a race.
import { test, before, after } from 'node:test';
import { launch, openPage, appReady, librarySaved, expectNoAxeViolations, screenshot, assert } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The app's wasm (`casebook-<hash>_bg.wasm`), not the quick search's (`casebook-start-…`). */
const APP_WASM = /\/casebook-(?!start)[^/]*_bg\.wasm$/;

/** A page whose app WebAssembly download waits until `release()` is called. */
async function withWasmHeld(options) {
  const opened = await openPage(browser, options);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await opened.context.route(APP_WASM, async (route) => {
    await held;
    await route.continue();
  });
  return { ...opened, release };
}

async function appIsRunning(page) {
  return (await page.locator('header.app-header').count()) > 0;
}

test('words typed before the app starts are kept, with the caret, and searched', async () => {
  const { context, page, problems, release } = await withWasmHeld();
  await page.goto('/');
  const box = page.locator('#search-input');
  await box.waitFor();
  assert.equal(await appIsRunning(page), false, 'the app is not running yet');
  await expectNoAxeViolations(page);

  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', '/ focuses the box before the app runs');
  await page.keyboard.type('harassment');
  // The quick search answers before the app runs, with the matched word marked.
  await page.locator('#boot .result mark').first().waitFor();
  assert.match(await page.locator('#boot .result-link').first().getAttribute('href'), /^\/policies\/[a-z0-9-]+\/v\/\d+#/);
  assert.match(await page.locator('#boot .result-count').textContent(), /matching section/);
  assert.equal(await appIsRunning(page), false, 'still before the app');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await screenshot(page, 'first-visit-before-wasm');
  await expectNoAxeViolations(page);

  release();
  await appReady(page);
  await page.locator('.result').first().waitFor();
  assert.equal(await page.locator('#search-input').count(), 1, 'one search box once the app runs');
  assert.equal(await page.locator('#boot').count(), 0, 'the page before the app is gone');
  assert.equal(await box.inputValue(), 'harassment');
  assert.deepEqual(
    await page.evaluate(() => {
      const input = document.activeElement;
      return [input?.id, input?.selectionStart, input?.selectionEnd];
    }),
    ['search-input', 8, 8],
    'the box keeps the focus and the caret',
  );
  await page.waitForURL((url) => url.searchParams.get('q') === 'harassment');

  // Typing goes on where the caret was.
  await page.keyboard.type('x');
  assert.equal(await box.inputValue(), 'harassmexnt');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a quick result opened before the app starts opens its section once the app runs', async () => {
  const { context, page, problems, release } = await withWasmHeld();
  await page.goto('/');
  await page.locator('#search-input').fill('ban evasion');
  const first = page.locator('#boot .result-link').first();
  await first.waitFor();
  const href = await first.getAttribute('href');
  await page.locator('#search-input').press('Enter');
  await page.waitForURL((url) => `${url.pathname}${url.hash}` === href);
  assert.equal(await page.locator('#search-input').isVisible(), false, 'the search page gives way');
  assert.match(await page.locator('#boot .boot-status').textContent(), /Opening the section/);
  release();
  await appReady(page);
  const [slugPath, anchor] = href.split('#');
  await page.locator(`[id="${anchor}"]`).waitFor();
  assert.equal(new URL(page.url()).pathname, slugPath, 'the app shows the section the agent opened');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the first page speaks the language the agent chose', async () => {
  const { context, page, problems, release } = await withWasmHeld({ locale: 'ja-JP' });
  await page.goto('/');
  await page.locator('#search-input').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.match(await page.locator('#search-input').getAttribute('placeholder'), /ポリシーを検索/);
  await page.locator('#search-input').fill('harassment');
  await page.locator('#boot .result').first().waitFor();
  assert.match(await page.locator('#boot .result-count').textContent(), /該当するセクション/);
  release();
  await appReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared search link shows its words before the app starts', async () => {
  const { context, page, problems, release } = await withWasmHeld();
  await page.goto('/?q=ban%20evasion');
  await page.locator('#search-input').waitFor();
  await page.waitForFunction(() => document.getElementById('search-input')?.value === 'ban evasion');
  release();
  await appReady(page);
  await page.locator('.result').first().waitFor();
  assert.equal(await page.locator('#search-input').inputValue(), 'ban evasion');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link shows no search box before the app starts', async () => {
  const { context, page, problems, release } = await withWasmHeld();
  await page.goto('/sweeps');
  await page.locator('#boot [role="banner"]').waitFor();
  await page.locator('#boot [role="status"]').waitFor();
  assert.equal(await page.locator('#search-input').isVisible(), false, 'no search box on another page');
  release();
  await appReady(page);
  assert.equal(await page.locator('#boot').count(), 0, 'the page before the app is gone');
  assert.equal(await page.locator('#search-input').count(), 0, 'the sweeps page has no search box');
  assert.deepEqual(problems, []);
  await context.close();
});

/** In the page: the length of the bytes saved under `key` in the app's IndexedDB (-1: none, or not bytes). */
function savedLength(key) {
  return new Promise((resolve) => {
    const open = indexedDB.open('casebook');
    open.onsuccess = () => {
      const get = open.result.transaction('kv').objectStore('kv').get(key);
      get.onsuccess = () => resolve(get.result instanceof Uint8Array ? get.result.length : -1);
      get.onerror = () => resolve(-1);
    };
    open.onerror = () => resolve(-1);
  });
}

/** In the page: saves `bytes` under `key`, as another build of the app could have. */
function overwrite([key, bytes]) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('casebook');
    open.onsuccess = () => {
      const tx = open.result.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(new Uint8Array(bytes), key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
  });
}

test('a warm start reads the compact library; a copy another build wrote is replaced from the JSON', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.addInitScript(`window.savedLength = ${savedLength}`);
  await page.goto('/');
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await librarySaved(page);
  await page.waitForFunction(async () => (await window.savedLength('library-compact')) > 0);
  const written = await page.evaluate(savedLength, 'library-compact');
  assert.ok(written > 1000, `the compact library is saved (${written} bytes)`);

  // Offline, the quick search reads the compact copy the app saved: the same build of the
  // domain crate wrote it, so the fingerprints agree.
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.casebookBoot?.quick !== undefined, null, { timeout: 20_000 })
    .catch(() => assert.fail('the quick search did not start from the saved library'));
  const quick = await page.evaluate(() => JSON.parse(window.casebookBoot.quick.search('harassment')).results.length);
  assert.ok(quick > 0, 'the quick search answers offline from the saved copy');
  await appReady(page);
  await context.setOffline(false);

  await page.evaluate(overwrite, ['library-compact', [7, 1, 2, 3]]);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.locator('#search-input').fill('harassment');
  await page.locator('.result').first().waitFor();
  // Read from the JSON this time, and saved compact again for the next start.
  await page.waitForFunction(async (n) => (await window.savedLength('library-compact')) === n, written)
    .catch(() => assert.fail('the compact copy is not written again'));
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});
