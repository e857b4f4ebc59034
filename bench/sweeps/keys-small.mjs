// Keystroke to paint on the demo's 300-item sweep, to tell the page's own render cost from
// what grows with the item count (bench/sweeps/run.mjs measures 50,000 items). PROFILE=1
// prints where the time goes. A developer's tool.
import { launch, signIn, synced } from '../../tests/e2e/browser.mjs';
const BASE = process.env.CASEBOOK_URL ?? 'http://127.0.0.1:8080';
const browser = await launch();
const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await signIn(page, 'agent@demo.casebook.test');
await page.goto('/sweeps/demolive2026');
await synced(page);
const ack = page.getByRole('button', { name: /Acknowledge/ });
if (await ack.count()) await ack.first().click();
await page.locator('.sweep-row').first().waitFor();
const cdp = await context.newCDPSession(page);
const rate = Number(process.env.RATE ?? 1);
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
if (process.env.PROFILE) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
const times = [];
for (let i = 0; i < 40; i++) {
  const n = await page.evaluate(() => Number(document.querySelector('.sweep-row.focused')?.dataset.item ?? 0));
  times.push(await page.evaluate((sel) => new Promise((resolve) => requestAnimationFrame(() => {
    const start = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', code: 'KeyJ', bubbles: true, cancelable: true }));
    const done = () => { if (document.querySelector(sel)) { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now() - start); ch.port2.postMessage(0); } else requestAnimationFrame(done); };
    queueMicrotask(() => queueMicrotask(done));
  })), `.sweep-row.focused[data-item="${n + 1}"]`));
}
times.sort((a, b) => a - b);
console.log(`j at ${rate}×: p50 ${times[20].toFixed(1)} ms p95 ${times[37].toFixed(1)} ms`);
if (process.env.PROFILE) {
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => { const f = byId.get(id).callFrame; const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`.slice(0, 130); self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0)); });
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / 1e3).toFixed(0).padStart(6)} ms  ${name}`);
}
await browser.close();
