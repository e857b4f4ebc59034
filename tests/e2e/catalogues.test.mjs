// The interface's message catalogues (locales/*.ftl), read with Project Fluent's own parser:
// every id the code uses exists in English, other languages add no ids English lacks, each
// translation uses the same variables, and nothing fails to parse. Missing translations are
// listed (they show in English) without failing the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse, Visitor } from '@fluent/syntax';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const LANGUAGES = ['en', 'es', 'ar', 'ja'];

class Variables extends Visitor {
  constructor() { super(); this.names = new Set(); }
  visitVariableReference(node) { this.names.add(node.id.name); }
}

function catalogue(lang) {
  const source = fs.readFileSync(path.join(ROOT, 'locales', `${lang}.ftl`), 'utf8');
  const resource = parse(source, { withSpans: true });
  const line = (offset) => source.slice(0, offset).split('\n').length;
  const junk = resource.body.filter((entry) => entry.type === 'Junk')
    .map((j) => `${lang}.ftl line ${line(j.span.start)}: ${j.annotations.map((a) => a.message).join('; ')}`);
  const messages = new Map();
  const duplicates = [];
  for (const entry of resource.body.filter((e) => e.type === 'Message')) {
    if (messages.has(entry.id.name)) duplicates.push(`${lang}.ftl line ${line(entry.span.start)}: ${entry.id.name}`);
    const variables = new Variables();
    variables.visit(entry);
    messages.set(entry.id.name, [...variables.names].sort().join(','));
  }
  return { messages, junk, duplicates };
}

/** Message ids the Rust code uses: `.t("id")`, `tr!(x, "id"` and `msg("id")`. */
function idsInCode() {
  const used = new Map();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.rs')) {
        const source = fs.readFileSync(file, 'utf8');
        const pattern = /(?:\.t\(|\btr!\(\s*[^,]+,\s*|\bmsg\()\s*"([a-z][a-z0-9_-]*)"/g;
        for (const m of source.matchAll(pattern)) {
          const line = source.slice(0, m.index).split('\n').length;
          if (!used.has(m[1])) used.set(m[1], `${path.relative(ROOT, file)}:${line}`);
        }
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  return used;
}

const catalogues = Object.fromEntries(LANGUAGES.map((l) => [l, catalogue(l)]));
const english = catalogues.en.messages;

test('every catalogue parses, with no duplicate ids', () => {
  for (const lang of LANGUAGES) {
    assert.deepEqual(catalogues[lang].junk, [], `${lang}.ftl has entries Fluent cannot parse`);
    assert.deepEqual(catalogues[lang].duplicates, [], `${lang}.ftl defines ids twice`);
  }
});

test('every message id the code uses exists in English', () => {
  const used = idsInCode();
  assert.ok(used.size > 50, `found only ${used.size} message ids in src/: is the scan still right?`);
  const missing = [...used].filter(([id]) => !english.has(id)).map(([id, where]) => `${id} (${where})`);
  assert.deepEqual(missing, [], 'ids used in the code but missing from locales/en.ftl');
});

test('other languages have no ids English lacks, and use the same variables', () => {
  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    const extra = [...catalogues[lang].messages.keys()].filter((id) => !english.has(id));
    assert.deepEqual(extra, [], `${lang}.ftl has ids that en.ftl lacks`);
    const mismatched = [...catalogues[lang].messages]
      .filter(([id, vars]) => english.has(id) && english.get(id) !== vars)
      .map(([id, vars]) => `${id}: en uses {${english.get(id)}}, ${lang} uses {${vars}}`);
    assert.deepEqual(mismatched, [], `${lang}.ftl messages whose variables differ from English`);
  }
});

test('missing translations are listed (they show in English)', (t) => {
  let total = 0;
  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    const missing = [...english.keys()].filter((id) => !catalogues[lang].messages.has(id));
    total += missing.length;
    t.diagnostic(`${lang}: ${missing.length} of ${english.size} messages untranslated${missing.length ? `: ${missing.join(', ')}` : ''}`);
  }
  assert.ok(english.size > 0 && total <= english.size * (LANGUAGES.length - 1));
});
