// Where publishing a big sweep spends the specialist's CPU: a CDP CPU profile while N items
// are published, summed by function (self time). A developer's tool, not a bench figure.
import { launch, signIn } from '../../tests/e2e/browser.mjs';
const BASE = process.env.CASEBOOK_URL ?? 'http://127.0.0.1:8080';
const ITEMS = Number(process.env.ITEMS ?? 10_000);
const PHASE = process.env.PHASE ?? 'publish';
const browser = await launch();
const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.setDefaultTimeout(15 * 60_000);
await signIn(page, 'specialist@platform.casebook.test');
await page.goto('/sweeps');
await page.getByLabel('Demo Vendor', { exact: true }).check();
await page.getByLabel('Title').fill(`Profile ${Date.now()}`);
const lines = Array.from({ length: ITEMS }, (_, i) => `@profile_${i + 1}`).join('\n');
await page.locator('#sweep-items').evaluate((box, lines) => { box.value = lines; box.dispatchEvent(new Event('change', { bubbles: true })); }, lines);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
const t = Date.now();
await page.getByRole('button', { name: 'Publish', exact: true }).click();
await page.waitForURL(/\/sweeps\/[a-z0-9]+$/);
await page.locator('.sync[data-sync="synced"]').waitFor();
const { profile } = await cdp.send('Profiler.stop');
console.log(`published ${ITEMS} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const time = new Map();
profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of time) {
  const n = byId.get(id); const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
  self.set(name, (self.get(name) ?? 0) + us);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`total sampled ${(total / 1e6).toFixed(1)} s`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) console.log(`${(us / 1e3).toFixed(0).padStart(8)} ms  ${name}`);
await browser.close();
