// Runs inside Chromium: loads each engine from its shipped form and times queries.
import init, { BenchEngine, memory_bytes } from '/data/casebook_search_bench.js';
import MiniSearch from '/minisearch.js';
import FlexSearch from '/flexsearch.js';
import {
  MINISEARCH_OPTIONS, MINISEARCH_SEARCH, MINISEARCH_SEARCH_TITLE3, MINISEARCH_SEARCH_FUZZY_ALL,
  FLEXSEARCH_INDEX, FLEXSEARCH_SEARCH, flexsearchDoc,
} from '/options.mjs';

const engines = {};

async function fetchBytes(url) {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

/** Loads one engine; returns the milliseconds spent turning shipped data into a ready engine. */
window.load = async (name) => {
  if (name === 'casebook') {
    await init({ module_or_path: '/data/casebook_search_bench_bg.wasm' });
    let bytes = await fetchBytes('/data/casebook.idx');
    const t0 = performance.now();
    const engine = new BenchEngine(bytes);
    const ms = performance.now() - t0;
    bytes = null;
    engines.casebook = { search: (q) => Array.from(engine.search(q, 10), (d) => `d${d}`), engine };
    return ms;
  }
  if (name.startsWith('minisearch')) {
    let json = await (await fetch('/data/minisearch.json')).text();
    const t0 = performance.now();
    const index = MiniSearch.loadJSON(json, MINISEARCH_OPTIONS);
    const ms = performance.now() - t0;
    json = null;
    const options = { minisearch: MINISEARCH_SEARCH, 'minisearch-title3': MINISEARCH_SEARCH_TITLE3,
      'minisearch-fuzzy-all': MINISEARCH_SEARCH_FUZZY_ALL }[name];
    engines[name] = { search: (q) => index.search(q, options).slice(0, 10).map((r) => r.id), index };
    return ms;
  }
  if (name === 'flexsearch') {
    // FlexSearch is measured for query speed only; it is built here from the corpus.
    const docs = await (await fetch('/data/corpus.json')).json();
    const index = new FlexSearch.Document(FLEXSEARCH_INDEX);
    const t0 = performance.now();
    for (const doc of docs) index.add(flexsearchDoc(doc));
    const ms = performance.now() - t0;
    engines.flexsearch = {
      search: (q) => {
        const seen = [];
        for (const field of index.search(q, FLEXSEARCH_SEARCH)) {
          for (const id of field.result) if (!seen.includes(id) && seen.length < 10) seen.push(id);
        }
        return seen;
      },
      index,
    };
    return ms;
  }
  throw new Error(`unknown engine ${name}`);
};

window.wasmMemory = () => memory_bytes();

/** Times every query once; returns per-query milliseconds and the ids returned. */
window.run = async (name) => {
  const queries = window.queries ??= await (await fetch('/data/queries.json')).json();
  const { search } = engines[name];
  const times = new Float64Array(queries.length);
  const results = [];
  for (let i = 0; i < queries.length; i++) {
    const t0 = performance.now();
    const ids = search(queries[i].q);
    times[i] = performance.now() - t0;
    results.push(ids);
  }
  return { times: Array.from(times), results };
};

window.ready = true;
