// The one MiniSearch configuration both the index build (Node) and the page (browser) use:
// the library's documented typo-tolerant set-up, with the same field weight we give titles.
export const MINISEARCH_OPTIONS = { idField: 'id', fields: ['title', 'body'] };
export const MINISEARCH_SEARCH = {
  boost: { title: 3 },
  fuzzy: 0.2,
  prefix: (term, i, terms) => i === terms.length - 1,
};
