// The MiniSearch configurations both the index build (Node) and the page (browser) use, with
// the same field weight we give titles. Each peer is measured in its best documented set-up:
// MiniSearch's README allows typos only in longer words and completes the word being typed
// (`fuzzy: term => term.length > 3 ? 0.2 : null`, prefix on the last word). Its most
// aggressive setting, `fuzzy: 0.2` on every word, is reported beside it: it costs MiniSearch
// much of its hit rate and speed, so it is not what a fair comparison uses.
export const MINISEARCH_OPTIONS = { idField: 'id', fields: ['title', 'body'] };
export const MINISEARCH_SEARCH = {
  boost: { title: 3 },
  fuzzy: (term) => (term.length > 3 ? 0.2 : null),
  prefix: (term, i, terms) => i === terms.length - 1,
};
export const MINISEARCH_SEARCH_FUZZY_ALL = {
  boost: { title: 3 },
  fuzzy: 0.2,
  prefix: (term, i, terms) => i === terms.length - 1,
};
// FlexSearch's documented set-up for typed queries: forward tokenizing (prefixes) and
// `suggest: true`, so a query with a word it cannot match still returns the best partial matches.
export const FLEXSEARCH_SEARCH = { limit: 10, suggest: true };
