// Switching the interface language, on a 4× slower CPU in headless Chromium: from choosing a
// language in the header's picker until the next frame shows the whole page in it. Prints the
// median and p95 over RUNS switches (en → es → ar → ja → en …, catalogues already on the
// device), and, as the peer, what most web apps do (Mastodon among them): reload the page in
// the new language, measured the same way, to the frame that shows it.
// Run by `cargo xtask bench interface`, or: CASEBOOK_URL=http://… node bench/interface/language.mjs
import { launch, appReady } from '../../tests/e2e/browser.mjs';

const BASE = process.env.CASEBOOK_URL ?? 'http://127.0.0.1:8080';
const RUNS = Number(process.env.RUNS ?? 24);
const CPU_SLOWDOWN = 4;
const POLICIES = { en: 'Policies', es: 'Políticas', ar: 'السياسات', ja: 'ポリシー' };
const ORDER = ['es', 'ar', 'ja', 'en'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;

async function shown(page, lang) {
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  await page.locator('.nav-link', { hasText: POLICIES[lang] }).first().waitFor();
}

const browser = await launch();
const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto('/');
await appReady(page);
await page.locator('.policy-row').first().waitFor();
// Every catalogue downloaded once and kept on the device, as after an agent's first switch.
for (const lang of ORDER) {
  await page.locator('select.language-picker').selectOption(lang);
  await shown(page, lang);
}
await page.waitForTimeout(500);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

const switches = [];
for (let i = 0; i < RUNS; i++) {
  const lang = ORDER[i % ORDER.length];
  const elapsed = await page.evaluate(({ lang, word }) => new Promise((resolve) => {
    const select = document.querySelector('select.language-picker');
    const start = performance.now();
    select.value = lang;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const check = () => {
      const link = [...document.querySelectorAll('.nav-link')].find((a) => a.textContent === word);
      if (document.documentElement.lang === lang && link) {
        requestAnimationFrame(() => resolve(performance.now() - start));
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  }), { lang, word: POLICIES[lang] });
  switches.push(elapsed);
}

const reloads = [];
for (let i = 0; i < Math.min(RUNS, 8); i++) {
  const lang = ORDER[i % ORDER.length];
  await page.evaluate((lang) => localStorage.setItem('casebook-ui-lang', lang), lang);
  const start = Date.now();
  await page.reload();
  await shown(page, lang);
  await page.locator('.policy-row').first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  reloads.push(Date.now() - start);
}

console.log(`Switching the interface language at ${CPU_SLOWDOWN}× CPU (catalogues on the device)`);
console.log(`  Casebook, in place        median ${ms(median(switches))}   p95 ${ms(p95(switches))}   (${switches.length} switches)`);
console.log(`  peer: reload in language  median ${ms(median(reloads))}   p95 ${ms(p95(reloads))}   (${reloads.length} reloads, served from localhost)`);
console.log(`  ratio (in place / reload, medians): ${(median(switches) / median(reloads)).toFixed(2)}×`);
await browser.close();
