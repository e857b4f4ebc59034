// Builds MiniSearch's index for the benchmark corpus and writes its serialised form, which the
// browser then loads with MiniSearch.loadJSON (its documented way to ship a prebuilt index).
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS } from './options.mjs';

const out = process.argv[2];
const docs = JSON.parse(fs.readFileSync(path.join(out, 'corpus.json'), 'utf8'));
const index = new MiniSearch(MINISEARCH_OPTIONS);
index.addAll(docs);
fs.writeFileSync(path.join(out, 'minisearch.json'), JSON.stringify(index));
console.log(`  MiniSearch indexed ${docs.length} documents`);
