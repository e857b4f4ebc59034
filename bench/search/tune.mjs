// The peers' documented options tried on the bench's corpus, in Node (hit@10 does not depend on
// the browser): how options.mjs's "best documented set-up" was chosen.
//   node bench/search/tune.mjs target/bench/search   (after `cargo xtask bench search`)
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import { MINISEARCH_OPTIONS, MINISEARCH_SEARCH, FLEXSEARCH_INDEX, FLEXSEARCH_SEARCH, flexsearchDoc } from './options.mjs';

const out = process.argv[2] ?? 'target/bench/search';
const docs = JSON.parse(fs.readFileSync(path.join(out, 'corpus.json'), 'utf8'));
const queries = JSON.parse(fs.readFileSync(path.join(out, 'queries.json'), 'utf8'));

function report(name, search) {
  const hits = { all: 0, exact: 0, typo: 0, prefix: 0 };
  const n = { all: 0, exact: 0, typo: 0, prefix: 0 };
  const t0 = performance.now();
  for (const q of queries) {
    const ok = search(q.q).slice(0, 10).includes(q.expect);
    for (const k of ['all', q.kind]) { n[k]++; if (ok) hits[k]++; }
  }
  const ms = (performance.now() - t0) / queries.length;
  const cells = Object.keys(n).map((k) => `${k} ${((100 * hits[k]) / n[k]).toFixed(1)}%`);
  console.log(`${name.padEnd(46)} hit@10 ${cells.join('  ')}  ${ms.toFixed(2)} ms a query (Node)`);
}

const mini = new MiniSearch(MINISEARCH_OPTIONS);
mini.addAll(docs);
const last = (term, i, terms) => i === terms.length - 1;
const short3 = (term) => (term.length > 3 ? 0.2 : null);
for (const [name, options] of [
  ['MiniSearch best (options.mjs)', MINISEARCH_SEARCH],
  ['MiniSearch exact words only', {}],
  ['MiniSearch best, boost title 2 (README example)', { ...MINISEARCH_SEARCH, boost: { title: 2 } }],
  ['MiniSearch best, boost title 3 (ours)', { ...MINISEARCH_SEARCH, boost: { title: 3 } }],
  ['MiniSearch fuzzy 0.2 on all words', { fuzzy: 0.2, prefix: last }],
  ['MiniSearch best, prefix on all words', { fuzzy: short3, prefix: true }],
  ['MiniSearch best, combineWith AND', { ...MINISEARCH_SEARCH, combineWith: 'AND' }],
]) report(name, (q) => mini.search(q, options).map((r) => r.id));

const flexDoc = (index, search) => (q) => index.search(q, search).flatMap((f) => f.result ?? [f.id]).filter((id, i, a) => a.indexOf(id) === i);
const two = new FlexSearch.Document({ document: { id: 'id', index: ['title', 'body'] }, tokenize: 'forward' });
for (const doc of docs) two.add(doc);
report('FlexSearch title and body apart, suggest', flexDoc(two, FLEXSEARCH_SEARCH));
report('FlexSearch title and body apart, merge', (q) => two.search(q, { ...FLEXSEARCH_SEARCH, merge: true }).map((r) => r.id));
const one = new FlexSearch.Document(FLEXSEARCH_INDEX);
for (const doc of docs) one.add(flexsearchDoc(doc));
report('FlexSearch best (options.mjs)', flexDoc(one, FLEXSEARCH_SEARCH));
report('FlexSearch one field, without suggest', flexDoc(one, { limit: 10 }));
const tolerant = new FlexSearch.Document({ ...FLEXSEARCH_INDEX, tokenize: 'tolerant' });
for (const doc of docs) tolerant.add(flexsearchDoc(doc));
report('FlexSearch one field, tokenize tolerant', flexDoc(tolerant, FLEXSEARCH_SEARCH));
