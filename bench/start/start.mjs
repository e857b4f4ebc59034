// The first visit on a poor line: Casebook opened in fresh Chromium contexts over a
// throttled network (150 ms latency, 1.6 Mbps down, 750 kbps up) on a 4× slower CPU.
// Prints, as medians over RUNS visits:
//   - search box accepts typing: from navigation start until #search-input is shown (the
//     page's own box, before the wasm runs);
//   - first result for "harassment": typed as soon as the box accepts it;
//   - warm offline first result: the same visit reloaded with the network off (service
//     worker and IndexedDB), typing again;
//   - bytes on first visit: what the page's requests transferred until the first result
//     (headers included; the service worker's own fetches are not counted);
//   - and, to be complete, when the whole app was running and what had been transferred by then
//     (the first result comes from the first page's quick search, before the app).
// Run by `cargo xtask bench start`, or against any server: CASEBOOK_URL=http://… node bench/start/start.mjs
// (RUNS=n for another count; BENCH_TIMELINE=1 also prints when each request started and ended).
import { launch, librarySaved } from '../../tests/e2e/browser.mjs';

const BASE = process.env.CASEBOOK_URL ?? 'http://127.0.0.1:8080';
const RUNS = Number(process.env.RUNS ?? 5);
const QUERY = 'harassment';
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CPU_SLOWDOWN = 4;
const TIMEOUT = 120_000;

/** Records, in the page's own clock, when the search box is shown (checked before each
 * frame is painted: the box is in the page before its style sheet is) and when the first
 * result appears. The query is typed in the page the moment the box is shown, as an agent
 * who types at once would: typing through Playwright instead adds its own round trips, which
 * on a 4× slower CPU came to 0.3–0.9 s after the box was there. */
function markMilestones(query) {
  window.__marks = {};
  const check = () => {
    const box = document.getElementById('search-input');
    if (!window.__marks.input && box?.checkVisibility()) {
      window.__marks.input = performance.now();
      box.value = query;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (!window.__marks.result && document.querySelector('.result')) window.__marks.result = performance.now();
    if (!window.__marks.app && document.querySelector('header.app-header')) window.__marks.app = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
  const everyFrame = () => {
    check();
    if (!window.__marks.input) requestAnimationFrame(everyFrame);
  };
  requestAnimationFrame(everyFrame);
}

async function search(page) {
  await page.locator('.result').first().waitFor({ timeout: TIMEOUT });
  return page.evaluate(() => window.__marks);
}

async function visit(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(markMilestones, QUERY);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    const path = new URL(e.request.url).pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
  });
  const timeline = new Map();
  cdp.on('Network.requestWillBeSent', (e) => timeline.set(e.requestId, { path: new URL(e.request.url).pathname, start: e.timestamp }));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    const entry = timeline.get(e.requestId);
    if (entry) Object.assign(entry, { end: e.timestamp, kb: e.encodedDataLength / 1000 });
  });

  await page.goto(BASE, { waitUntil: 'commit', timeout: TIMEOUT });
  const first = await search(page);
  const firstBytes = bytes;
  const firstRequests = Object.fromEntries(requests);
  await page.locator('header.app-header').waitFor({ timeout: TIMEOUT });
  const app = await page.evaluate(() => window.__marks.app);
  const appBytes = bytes;
  if (process.env.BENCH_TIMELINE) {
    const entries = [...timeline.values()];
    const t0 = Math.min(...entries.map((e) => e.start));
    for (const e of entries) {
      console.log(`    ${((e.start - t0) * 1000).toFixed(0).padStart(6)} → ${((e.end - t0) * 1000).toFixed(0).padStart(6)} ms ${e.kb?.toFixed(1).padStart(7)} KB ${e.path}`);
    }
  }

  await page.evaluate(() => navigator.serviceWorker?.ready);
  await librarySaved(page, TIMEOUT);
  await context.setOffline(true);
  await page.goto(BASE, { waitUntil: 'commit', timeout: TIMEOUT });
  const warm = await search(page);
  await context.close();
  return {
    input: first.input, result: first.result, offline: warm.result, bytes: firstBytes, requests: firstRequests,
    app, appBytes,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const browser = await launch();
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const run = await visit(browser);
    runs.push(run);
    console.log(`  visit ${i + 1}: box ${run.input.toFixed(0)} ms, result ${run.result.toFixed(0)} ms, `
      + `offline result ${run.offline.toFixed(0)} ms, ${(run.bytes / 1000).toFixed(1)} KB, `
      + `app running ${run.app.toFixed(0)} ms with ${(run.appBytes / 1000).toFixed(1)} KB, `
      + `requests ${JSON.stringify(run.requests)}`);
  }
} finally {
  await browser.close();
}
const figures = {
  searchBoxMs: median(runs.map((r) => r.input)),
  firstResultMs: median(runs.map((r) => r.result)),
  warmOfflineFirstResultMs: median(runs.map((r) => r.offline)),
  firstVisitKB: median(runs.map((r) => r.bytes)) / 1000,
  appRunningMs: median(runs.map((r) => r.app)),
  appRunningKB: median(runs.map((r) => r.appBytes)) / 1000,
};
console.log(`\n  first visit on a poor line (median of ${RUNS}; 150 ms, 1.6/0.75 Mbps, CPU ×${CPU_SLOWDOWN})`);
console.log(`  search box accepts typing     ${figures.searchBoxMs.toFixed(0).padStart(7)} ms`);
console.log(`  first result for "${QUERY}" ${figures.firstResultMs.toFixed(0).padStart(7)} ms`);
console.log(`  warm offline first result     ${figures.warmOfflineFirstResultMs.toFixed(0).padStart(7)} ms`);
console.log(`  bytes on first visit          ${figures.firstVisitKB.toFixed(1).padStart(7)} KB  (until the first result)`);
console.log(`  the whole app running         ${figures.appRunningMs.toFixed(0).padStart(7)} ms  after ${figures.appRunningKB.toFixed(1)} KB`);
