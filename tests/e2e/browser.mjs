// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core,
// against the real server that `cargo xtask test` started (CASEBOOK_URL).
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import assert from 'node:assert/strict';

export const BASE = process.env.CASEBOOK_URL ?? 'http://127.0.0.1:8080';
const ARTIFACTS = process.env.CASEBOOK_ARTIFACTS ?? path.resolve('tests/e2e/artifacts');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/**
 * A fresh browser context and page that records console errors, uncaught exceptions and
 * Content-Security-Policy violations, so a test can assert there were none.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { context, page, problems };
}

/** Waits until the app has rendered its shell (the wasm module is running). */
export async function appReady(page) {
  await page.locator('header.app-header').waitFor({ state: 'visible', timeout: 20_000 });
}

/** Waits until the app has saved the library's search index in IndexedDB (after its first download). */
export async function librarySaved(page, timeout = 30_000) {
  await page.waitForFunction(() => new Promise((resolve) => {
    const open = indexedDB.open('casebook');
    open.onsuccess = () => {
      const get = open.result.transaction('kv').objectStore('kv').get('library-index');
      get.onsuccess = () => resolve(get.result !== undefined);
      get.onerror = () => resolve(false);
    };
    open.onerror = () => resolve(false);
  }), null, { timeout });
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`,
  );
  assert.deepEqual(summary, [], 'axe-core accessibility violations');
}

export { assert };

/** Signs in through the sign-in page as a demo account (every demo password is the same). */
export async function signIn(page, email, password = 'casebook-demo') {
  await page.goto('/sign-in');
  await appReady(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE}/`);
  await page.locator('.account-name').waitFor();
}

/** Waits until the header says every edit of this page has reached the server. */
export async function synced(page) {
  await page.locator('.sync[data-sync="synced"]').waitFor({ timeout: 20_000 });
}
