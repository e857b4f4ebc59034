// Drives Debian's Chromium through the search benchmark and prints the table.
//
// One page per engine and throttling rate. Load time and memory are measured in fresh pages;
// query latency in rounds that alternate between engines, so a slow moment of the machine
// hits all of them alike. Reported figures are medians over rounds.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch } from '../serve.mjs';

const out = process.argv[2];
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RATES = [1, 4];
const ENGINES = ['casebook', 'minisearch', 'flexsearch', 'minisearch-title3', 'minisearch-fuzzy-all'];

const files = {
  '/page.html': path.join(here, 'page.html'),
  '/page.mjs': path.join(here, 'page.mjs'),
  '/options.mjs': path.join(here, 'options.mjs'),
  '/minisearch.js': path.join(root, 'node_modules/minisearch/dist/es/index.js'),
  '/flexsearch.js': path.join(root, 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.js'),
};
const { server, base } = await serve(out, files);

const browser = await launch();

async function page(rate) {
  const context = await browser.newContext();
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await p.goto(`${base}/page.html`);
  await p.waitForFunction(() => window.ready === true);
  if (!(await p.evaluate(() => crossOriginIsolated))) throw new Error('the page is not cross-origin isolated');
  return { p, cdp, context };
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };

const queries = JSON.parse(fs.readFileSync(path.join(out, 'queries.json'), 'utf8'));
const sizes = JSON.parse(fs.readFileSync(path.join(out, 'sizes.json'), 'utf8'));
const results = {};

for (const rate of RATES) {
  const r = results[rate] = {};
  for (const engine of ENGINES) r[engine] = { load: [], memory: [], p50: [], p95: [], p99: [] };

  // Load time and memory after GC, each in a fresh page.
  for (let round = 0; round < ROUNDS; round++) {
    for (const engine of ENGINES) {
      const { p, cdp, context } = await page(rate);
      const before = await heapUsed(cdp);
      const ms = await p.evaluate((e) => window.load(e), engine);
      const heap = (await heapUsed(cdp)) - before;
      const wasm = engine === 'casebook' ? await p.evaluate(() => window.wasmMemory()) : 0;
      r[engine].load.push(ms);
      r[engine].memory.push(heap + wasm);
      await context.close();
    }
  }

  // Query latency, rounds alternating between engines.
  const pages = {};
  for (const engine of ENGINES) {
    pages[engine] = await page(rate);
    await pages[engine].p.evaluate((e) => window.load(e), engine);
    await pages[engine].p.evaluate((e) => window.run(e), engine); // warm-up
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const engine of ENGINES) {
      const { times, results: ids } = await pages[engine].p.evaluate((e) => window.run(e), engine);
      r[engine].p50.push(percentile(times, 0.5));
      r[engine].p95.push(percentile(times, 0.95));
      r[engine].p99.push(percentile(times, 0.99));
      if (round === 0 && rate === 1) {
        const hit = (filter) => {
          const picked = queries.map((q, i) => [q, ids[i]]).filter(([q]) => filter(q));
          return picked.filter(([q, got]) => got.includes(q.expect)).length / picked.length;
        };
        r[engine].hit = hit(() => true);
        r[engine].hitTypo = hit((q) => q.kind === 'typo');
        r[engine].hitPrefix = hit((q) => q.kind === 'prefix');
      }
    }
  }
  for (const engine of ENGINES) await pages[engine].context.close();
}
await browser.close();
server.close();

// The table.
const ms = (x) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`);
const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const ratio = (a, b) => (b ? `${(a / b).toFixed(3)}×` : '—');
const rows = [];
const row = (metric, ours, mini, flex, r, target, title3 = '', fuzzyAll = '') => rows.push([metric, ours, mini, flex, r, target, title3, fuzzyAll]);
for (const rate of RATES) {
  const r = results[rate];
  const m = (e, k) => median(r[e][k]);
  for (const k of ['p50', 'p95', 'p99']) {
    row(`query ${k} @${rate}x CPU`, ms(m('casebook', k)), ms(m('minisearch', k)), ms(m('flexsearch', k)),
      ratio(m('casebook', k), m('minisearch', k)), k === 'p95' ? '≤ 0.1×' : '', ms(m('minisearch-title3', k)), ms(m('minisearch-fuzzy-all', k)));
  }
  row(`index load @${rate}x CPU`, ms(m('casebook', 'load')), ms(m('minisearch', 'load')), `(build ${ms(m('flexsearch', 'load'))})`,
    ratio(m('casebook', 'load'), m('minisearch', 'load')), '≤ 0.05×');
  row(`memory after GC @${rate}x`, mb(m('casebook', 'memory')), mb(m('minisearch', 'memory')), mb(m('flexsearch', 'memory')),
    ratio(m('casebook', 'memory'), m('minisearch', 'memory')), '≤ 0.25×');
}
row('index bytes (gzip)', mb(sizes.casebook.gzip), mb(sizes.minisearch.gzip), '—', ratio(sizes.casebook.gzip, sizes.minisearch.gzip), '≤ 0.4×');
const r1 = results[1];
const fa = r1['minisearch-fuzzy-all'];
const t3 = r1['minisearch-title3'];
row('hit@10, all queries', pct(r1.casebook.hit), pct(r1.minisearch.hit), pct(r1.flexsearch.hit), ratio(r1.casebook.hit, r1.minisearch.hit), '≥ 1×', pct(t3.hit), pct(fa.hit));
row('hit@10, typo queries', pct(r1.casebook.hitTypo), pct(r1.minisearch.hitTypo), pct(r1.flexsearch.hitTypo), ratio(r1.casebook.hitTypo, r1.minisearch.hitTypo), '≥ 90%', pct(t3.hitTypo), pct(fa.hitTypo));
row('hit@10, prefix queries', pct(r1.casebook.hitPrefix), pct(r1.minisearch.hitPrefix), pct(r1.flexsearch.hitPrefix), ratio(r1.casebook.hitPrefix, r1.minisearch.hitPrefix), '', pct(t3.hitPrefix), pct(fa.hitPrefix));

const header = ['metric', 'casebook (wasm)', 'MiniSearch (best)', 'FlexSearch (best)', 'ours / MiniSearch', 'target', 'MiniSearch, title ×3', 'MiniSearch, fuzzy 0.2 on all'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log('\nEach peer in its best documented set-up (bench/search/options.mjs): MiniSearch with every field at boost 1, fuzzy only for words over 3 letters, the last word a prefix; FlexSearch with title and body in one field, forward tokenizing and suggest. Beside them, MiniSearch with the title ×3 we give titles, and with fuzzy 0.2 on every word, its most aggressive setting.');
console.log(`\n${queries.length} queries (60% exact, 20% one typo, 20% last word a prefix) on ${JSON.parse(fs.readFileSync(path.join(out, 'corpus.json'), 'utf8')).length} sections; medians of ${ROUNDS} rounds\n`);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify({ results, sizes }, null, 2));
