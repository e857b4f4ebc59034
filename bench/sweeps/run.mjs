// Sweeps at 50,000 items, in headless Chromium against the release build (issue 11):
//  1. importing 50,000 lines in the publish form (parse, normalise, de-duplicate, the count
//     shown), at 1× CPU: pasted in the text box, and from a chosen file;
//  2. a fresh agent device catching up the whole sweep (signed in to "0 of 50,000 done");
//  3. keystroke to paint on that device, moving between items (j) and answering (a decision
//     key, then d for done), at 1× and 4× CPU; and typing in the find box;
//  4. a remote decision reaching the specialist's open dashboard, with the default sync
//     settings (the dashboard asks for the live pull: every second while it is open).
// Prints figures only; nothing here passes or fails on time.
// Run by `cargo xtask bench sweeps`, or: CASEBOOK_URL=http://… node bench/sweeps/run.mjs
import { launch, signIn, synced } from '../../tests/e2e/browser.mjs';

const BASE = process.env.CASEBOOK_URL ?? 'http://127.0.0.1:8080';
const ITEMS = Number(process.env.ITEMS ?? 50_000);
const KEYS = Number(process.env.KEYS ?? 30);
const LONG = { timeout: 15 * 60_000 };

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const pct = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.max(0, Math.ceil(xs.length * p) - 1))];
const ms = (x) => `${x.toFixed(1)} ms`;
const line = (label, xs) => console.log(`  ${label.padEnd(34)} p50 ${ms(pct(xs, 0.5)).padStart(10)}   p95 ${ms(pct(xs, 0.95)).padStart(10)}   max ${ms(Math.max(...xs)).padStart(10)}   (${xs.length})`);
const grouped = (n) => new RegExp(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '[,.\u202f\u00a0]?'));

/**
 * In the page: dispatches a key at the start of a frame and resolves with the milliseconds
 * until the frame that shows `selector` matching has been painted (a message posted after the
 * frame's paint). Rejects after 10 s.
 */
function pressAndPaint(page, key, selector) {
  return page.evaluate(({ key, selector }) => new Promise((resolve, reject) => {
    requestAnimationFrame(() => {
      const start = performance.now();
      const shown = () => document.querySelector(selector) !== null;
      const after = () => { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now() - start); ch.port2.postMessage(0); };
      let observer;
      const timer = setTimeout(() => { observer?.disconnect(); reject(new Error(`not shown: ${selector}`)); }, 10_000);
      const finish = () => { clearTimeout(timer); observer?.disconnect(); after(); };
      const digit = /^[0-9]$/.test(key.replace('Shift+', ''));
      const bare = key.replace('Shift+', '');
      document.dispatchEvent(new KeyboardEvent('keydown', {
        key: bare, code: digit ? `Digit${bare}` : `Key${bare.toUpperCase()}`, shiftKey: key.startsWith('Shift+'), bubbles: true, cancelable: true,
      }));
      // A render in this frame's microtasks is painted with this frame: wait for its end.
      queueMicrotask(() => queueMicrotask(() => {
        if (shown()) { finish(); return; }
        observer = new MutationObserver(() => {
          if (shown()) { observer.disconnect(); requestAnimationFrame(finish); }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }));
    });
  }), { key, selector });
}

/**
 * In the page: the milliseconds from `begin()` (which starts an import in the publish form)
 * until the form shows `count` items, to after that frame's paint.
 */
async function timeImport(page, kind, text, count) {
  return page.evaluate(({ kind, text, count }) => new Promise((resolve, reject) => {
    const begin = {
      laidOut: () => { const box = document.querySelector('#sweep-items'); box.value = text; void box.scrollHeight; return box; },
      withLayout: () => { const box = document.querySelector('#sweep-items'); box.value = text; return box; },
      fromFile: () => {
        const input = document.querySelector('#sweep-items-file');
        const files = new DataTransfer();
        files.items.add(new File([text], 'items.csv', { type: 'text/csv' }));
        input.files = files.files;
        return input;
      },
    }[kind];
    const target = begin();
    const start = performance.now();
    target.dispatchEvent(new Event('change', { bubbles: true }));
    const timer = setTimeout(() => reject(new Error(`no count ${count}`)), 60_000);
    const done = () => {
      if (new RegExp(`(^|[^0-9,.\u202f\u00a0])${count}\\b`).test(document.querySelector('#sweep-items-check')?.textContent ?? '')) {
        clearTimeout(timer);
        const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now() - start); ch.port2.postMessage(0);
      } else requestAnimationFrame(done);
    };
    done();
  }), { kind, text, count: grouped(count).source });
}

const browser = await launch();
const open = async () => {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(LONG.timeout);
  return { context, page };
};

// 1. The specialist pastes 50,000 lines.
const spec = await open();
await signIn(spec.page, 'specialist@platform.casebook.test');
await spec.page.goto('/sweeps');
await spec.page.getByLabel('Demo Vendor', { exact: true }).check();
const title = `Bench sweep ${Date.now()}`;
await spec.page.getByLabel('Title').fill(title);
const lines = Array.from({ length: ITEMS }, (_, i) => (i % 3 === 0 ? `@bench_account_${i + 1}` : i % 3 === 1 ? `https://social.example/post/${900_000 + i}` : `CASE-${100_000 + i}`)).join('\n');
const imports = { laidOut: [], withLayout: [] };
// Rounds alternate between all the lines and all but the last, so each one shows a new count.
// Measured twice: with the text box laid out before the clock starts (the import itself:
// reading the box, parsing, normalising, de-duplicating, the count shown), and with the
// browser's layout of the 50,000-line box inside the measured frame (what a paste costs).
for (let round = 0; round < 12; round++) {
  const count = round % 2 === 0 ? ITEMS : ITEMS - 1;
  const text = round % 2 === 0 ? lines : lines.slice(0, lines.lastIndexOf('\n'));
  const kind = round < 6 ? 'laidOut' : 'withLayout';
  imports[kind].push(await timeImport(spec.page, kind, text, count));
}
// The same lines from a chosen file: read, parsed, normalised, de-duplicated, the count shown.
// The file never goes through the text box, so the browser lays out no 50,000-line box.
imports.fromFile = [];
for (let round = 0; round < 6; round++) {
  const count = round % 2 === 0 ? ITEMS : ITEMS - 1;
  const text = round % 2 === 0 ? lines : lines.slice(0, lines.lastIndexOf('\n'));
  // The box emptied first, so the count shown is the file's.
  await spec.page.locator('#sweep-items').evaluate((box) => { box.value = ''; box.dispatchEvent(new Event('change', { bubbles: true })); });
  await spec.page.waitForFunction(() => document.querySelector('#sweep-items-check')?.textContent === '');
  imports.fromFile.push(await timeImport(spec.page, 'fromFile', text, count));
  await spec.page.getByRole('button', { name: 'Use the text box instead' }).click();
}
// The form publishes what the box holds: all the lines.
await spec.page.locator('#sweep-items').evaluate((box, lines) => { box.value = lines; box.dispatchEvent(new Event('change', { bubbles: true })); }, lines);
console.log(`Sweeps with ${ITEMS} items (headless Chromium, release build)`);
console.log(`Importing ${ITEMS} pasted lines at 1× CPU (parse, normalise, de-duplicate, count shown)`);
line('import (box laid out first)', imports.laidOut);
line('import with the box\'s layout', imports.withLayout);
line('import from a chosen file', imports.fromFile);
if (process.env.ONLY_IMPORT) {
  await browser.close();
  process.exit(0);
}

let t = Date.now();
await spec.page.getByRole('button', { name: 'Publish', exact: true }).click();
await spec.page.waitForURL(/\/sweeps\/[a-z0-9]+$/, LONG);
await spec.page.locator('[data-figure="done"]', { hasText: grouped(ITEMS) }).waitFor(LONG);
const shownAfter = Date.now() - t;
await synced(spec.page).catch(() => {});
await spec.page.locator('.sync[data-sync="synced"]').waitFor(LONG);
const sentAfter = Date.now() - t;
const path = new URL(spec.page.url()).pathname;
console.log(`Publishing them: on the specialist's page after ${(shownAfter / 1000).toFixed(1)} s, all on the server after ${(sentAfter / 1000).toFixed(1)} s`);

// 2. A fresh agent device catches up.
const agent = await open();
const pulls = [];
agent.page.on('request', (r) => { if (r.url().includes('/api/sync/pull')) pulls.push(r.url()); });
t = Date.now();
await signIn(agent.page, 'agent@demo.casebook.test');
await agent.page.goto(path);
await agent.page.locator('.sweep-summary', { hasText: new RegExp(`0 of ${grouped(ITEMS).source} done`) }).waitFor(LONG);
await agent.page.locator('.sweep-row').first().waitFor(LONG);
const caughtUp = Date.now() - t;
await agent.page.locator('.sync[data-sync="synced"]').waitFor(LONG);
console.log(`A fresh agent device catching up the whole sweep: ${(caughtUp / 1000).toFixed(1)} s from signing in to the list shown (${pulls.length} pull requests)`);

// 3. Keystroke to paint, at 1× and 4×.
const cdp = await agent.context.newCDPSession(agent.page);
const focusedN = () => agent.page.evaluate(() => Number(document.querySelector('.sweep-row.focused')?.dataset.item ?? 0));
console.log(`Keystroke to paint on the agent's device (${KEYS} of each; the key sent at a frame's start, to the end of the frame that shows it)`);
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const moves = [];
  const decisions = [];
  const dones = [];
  // PROFILE=1: where the keys' time goes (a wasm with its name section gives function names).
  if (process.env.PROFILE && rate === 1) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  for (let i = 0; i < KEYS; i++) {
    const n = await focusedN();
    moves.push(await pressAndPaint(agent.page, 'j', `.sweep-row.focused[data-item="${n + 1}"]`));
    const labels = ['No violation', 'Label', 'Remove', 'Escalate'];
    const d = 1 + (i % 4);
    decisions.push(await pressAndPaint(agent.page, String(d), `.sweep-row[data-item="${n + 1}"] .row-decision`));
    await agent.page.locator(`.sweep-row[data-item="${n + 1}"] .row-decision`, { hasText: labels[d - 1] }).waitFor();
    dones.push(await pressAndPaint(agent.page, 'd', `.sweep-row.done[data-item="${n + 1}"]`));
  }
  if (process.env.PROFILE && rate === 1) {
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    profile.samples.forEach((id, i) => {
      const f = byId.get(id).callFrame;
      const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`.slice(0, 140);
      self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`    ${(us / 1e3).toFixed(0).padStart(7)} ms  ${name}`);
  }
  console.log(` at ${rate}× CPU`);
  line('next item (j)', moves);
  line('decision (1–4)', decisions);
  line('done (d)', dones);
  const finds = [];
  for (const text of ['bench_account_4', 'post/90012', 'CASE-1000', '']) {
    finds.push(await agent.page.evaluate((text) => new Promise((resolve) => {
      const box = document.querySelector('#sweep-filter-text');
      const before = document.querySelector('.sweep-filter [role="status"]').textContent;
      const start = performance.now();
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true }));
      const check = () => {
        if (document.querySelector('.sweep-filter [role="status"]').textContent !== before) {
          const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now() - start); ch.port2.postMessage(0);
        } else requestAnimationFrame(check);
      };
      check();
    }), text));
  }
  line('find box (filter all items)', finds);
}
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
await agent.page.locator('.sync[data-sync="synced"]').waitFor(LONG);

// 4. A remote decision reaching the dashboard.
const reach = [];
for (let i = 0; i < 8; i++) {
  await agent.page.locator('.sync[data-sync="synced"]').waitFor(LONG);
  const figure = spec.page.locator('[data-figure="done"]');
  const before = await figure.textContent();
  const n = await focusedN();
  await agent.page.keyboard.press('j');
  await agent.page.locator(`.sweep-row.focused[data-item="${n + 1}"]`).waitFor();
  // Spread the keys over the pull interval.
  await agent.page.waitForTimeout(137 * i);
  const start = Date.now();
  await agent.page.keyboard.press('d');
  await spec.page.waitForFunction((before) => document.querySelector('[data-figure="done"]')?.textContent !== before, before, LONG);
  reach.push(Date.now() - start);
}
console.log('A decision on an agent\'s device reaching the specialist\'s open dashboard (default sync settings)');
line('key to dashboard', reach);

await browser.close();
