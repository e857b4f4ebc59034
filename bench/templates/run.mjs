// Drives Debian's Chromium through the case-note templates benchmark and prints the figures:
// opening the composer on a 30-field template, the preview's re-render per keystroke, and
// searching 10,000 saved notes as a query is typed, at 1x and 4x CPU throttling.
import path from 'node:path';
import { serve, launch } from '../serve.mjs';

const out = process.argv[2];
const here = path.dirname(new URL(import.meta.url).pathname);
const files = { '/page.html': path.join(here, 'page.html'), '/page.mjs': path.join(here, 'page.mjs') };
const { server, base } = await serve(out, files);

const browser = await launch();

const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(2)} ms`;
const QUERIES = ['case-004', 'escalation threat', 'journalist', 'violent-threats', 'crypto wallet', 'notice-spam',
  'harassment repeated', 'election-integrity', 'mayor impersonation', 'appeal suspended'];

const rows = [];
for (const rate of [1, 4]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${base}/page.html`);
  await page.waitForFunction(() => window.ready === true);
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the page is not cross-origin isolated');
  for (const arabic of [false, true]) {
    const open = await page.evaluate((a) => window.bench.open(30, a), arabic);
    const keys = await page.evaluate((a) => window.bench.keystrokes(300, a), arabic);
    const lang = arabic ? 'ar' : 'en';
    rows.push([`CPU x${rate}`, `open composer (30 fields, ${lang})`, ms(percentile(open, 0.5)), ms(percentile(open, 0.95))]);
    rows.push([`CPU x${rate}`, `preview per keystroke (30 fields, ${lang})`, ms(percentile(keys, 0.5)), ms(percentile(keys, 0.95))]);
  }
  const history = await page.evaluate((q) => window.bench.history(10_000, q), QUERIES);
  rows.push([`CPU x${rate}`, 'build note search (10,000 notes)', ms(history.build), '']);
  rows.push([`CPU x${rate}`, `search 10,000 notes (${history.times.length} keystrokes)`, ms(percentile(history.times, 0.5)), ms(percentile(history.times, 0.95))]);
  await context.close();
}
await browser.close();
server.close();

console.log('\nCase-note templates in headless Chromium (targets at CPU x4: preview p95 <= 2 ms, open <= 100 ms, search p95 <= 5 ms)\n');
console.log(['throttling', 'what', 'p50', 'p95'].join('\t'));
for (const r of rows) console.log(r.join('\t'));
