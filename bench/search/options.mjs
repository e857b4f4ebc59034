// The peers' configurations, shared by the index build (Node) and the page (browser). Each peer
// is measured in its best documented set-up, found by trying its documented options on this
// corpus (`node bench/search/tune.mjs target/bench/search` reprints the comparison):
//
// - MiniSearch: its README's defaults for fields (every field at boost 1), fuzzy matching only
//   for words longer than 3 letters (`fuzzy: term => term.length > 3 ? 0.2 : null`, from its
//   API docs) and the last word as a prefix. A title boost (the README's `boost: { title: 2 }`
//   example, or the ×3 we give titles) is what cost it most before: MiniSearch adds field
//   scores without saturating them, so a section with one query word in its title outranks the
//   one with all the query words in its body (hit@10: 84.4 % at boost 1, 69.1 % at 2, 48.2 %
//   at 3). The title ×3 and `fuzzy: 0.2` on every word are reported beside it.
// - FlexSearch: one document field holding title and body. Its Document index searches each
//   field apart and returns the title field's hits first (`merge: true` only concatenates them),
//   so two fields gave 7.1 % hit@10; one field, `tokenize: 'forward'` (the word being typed
//   matches as a prefix) and `suggest: true` (a query with a word it cannot match still returns
//   the best partial matches) give 71.6 %. `tokenize: 'tolerant'` (typos) is reported in
//   tune.mjs: it matches typos better and prefixes worse (70.0 % in all).
export const MINISEARCH_OPTIONS = { idField: 'id', fields: ['title', 'body'] };
export const MINISEARCH_SEARCH = {
  fuzzy: (term) => (term.length > 3 ? 0.2 : null),
  prefix: (term, i, terms) => i === terms.length - 1,
};
export const MINISEARCH_SEARCH_TITLE3 = { ...MINISEARCH_SEARCH, boost: { title: 3 } };
export const MINISEARCH_SEARCH_FUZZY_ALL = {
  fuzzy: 0.2,
  prefix: (term, i, terms) => i === terms.length - 1,
};
export const FLEXSEARCH_INDEX = { document: { id: 'id', index: ['text'] }, tokenize: 'forward' };
/** FlexSearch's one field: the title and the body. */
export const flexsearchDoc = (doc) => ({ id: doc.id, text: `${doc.title} ${doc.body}` });
export const FLEXSEARCH_SEARCH = { limit: 10, suggest: true };
