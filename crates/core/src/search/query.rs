//! Running a query against a loaded index: ranked BM25F with field weights, prefix matching
//! on the word being typed, typo tolerance, synonyms and facet filters. Deterministic: equal
//! input gives equal output, ties broken by document order.

use std::collections::BTreeSet;

use super::fuzzy::{allowed_edits, bounded_distance, letter_mask};
use super::index::{FIELD_COUNT, SearchIndex, unpack_counts};
use super::text::{is_stop_word, last_word_is_open, script_lang, tokenize};

const K1: f32 = 1.2;
/// How much a match through each route counts, relative to the word itself.
const PREFIX_WEIGHT: f32 = 0.8;
const TYPO_WEIGHTS: [f32; 3] = [1.0, 0.6, 0.4];
/// A correction of a word that is itself in the index (a typo that formed another real word)
/// counts at this fraction of an ordinary correction: it wins only where it fits the rest of
/// the query (covers it) and the typed word does not.
const REAL_WORD_TYPO_WEIGHT: f32 = 0.5;
/// Shortest real word that may also be read as a typo of another.
const MIN_REAL_WORD_TYPO_CHARS: usize = 4;
const SYNONYM_WEIGHT: f32 = 0.7;
/// How much a stop word ("is", "someone", "de") counts, in a section's score and in how much
/// of the query a section covers, unless the query holds nothing else.
const STOP_WORD_WEIGHT: f32 = 0.2;
/// How much more a section in the query's own language counts, when the query's script names
/// a language (Arabic, Japanese): a section in that language comes first where one matches.
const SAME_LANGUAGE_BOOST: f32 = 1.5;
/// A clause scores its best candidate in full and the others at this fraction, so a section
/// that uses several forms of a word ranks a little higher without counting each in full.
/// The typed word's forms and its synonyms are scored apart; the stronger counts in full and
/// the weaker at the same fraction, so a synonym cannot outrank the word that was typed.
const OTHER_CANDIDATES: f32 = 0.3;
/// Shortest typed prefix that is expanded to the words it starts.
const MIN_PREFIX_CHARS: usize = 2;
/// Most terms a prefix or a typo expands to; the most common ones are kept.
const MAX_EXPANSIONS: usize = 48;

/// Facet filters: within one facet any listed value matches; across facets all must.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub areas: Vec<String>,
    pub regions: Vec<String>,
    pub langs: Vec<String>,
    pub actions: Vec<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.areas.is_empty() && self.regions.is_empty() && self.langs.is_empty() && self.actions.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Best first, at most the requested limit.
    pub hits: Vec<Hit>,
    /// How many documents matched in all.
    pub total: usize,
    /// Every index term the query matched (typed, completed, corrected or synonym), for highlighting.
    pub matched_terms: BTreeSet<String>,
    /// The language the query's script names (`ar`, `ja`), if any.
    pub query_lang: Option<String>,
    /// With `query_lang`: whether any returned hit is in that language. When not, only
    /// sections in other languages answer the query, and the page says so.
    pub answered_in_query_lang: bool,
}

/// What [`Engine::explain`] reports for one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub parts: Vec<ExplainedTerm>,
    /// The share of the query's weight the document covers (its score is multiplied by the square).
    pub coverage: f32,
}

/// One index term that reached a document for a query word.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainedTerm {
    /// The query words (bit set, in query order) the term stands for.
    pub words: u32,
    pub term: String,
    /// Reached through a synonym rather than the typed word or its corrections.
    pub synonym: bool,
    /// The candidate's weight (route × stop-word weight).
    pub weight: f32,
    /// Its count in title, heading and body.
    pub counts: [u8; FIELD_COUNT],
    /// Its BM25F score before candidates are combined.
    pub score: f32,
}

/// One part of the query that a document may satisfy.
#[derive(Debug)]
struct Clause {
    /// (term index, weight): the clause's score in a document is the best of these.
    candidates: Vec<(usize, f32)>,
    /// `candidates[..typed]` are the typed word and its completions or corrections; the rest
    /// are synonyms.
    typed: usize,
    /// `candidates[weak..typed]` read a real word as a typo of its neighbours: a section they
    /// alone reach covers the word only by [`REAL_WORD_TYPO_WEIGHT`].
    weak: usize,
    /// The query words this clause stands for, as a bit set (for coverage).
    covers: u32,
    /// [`STOP_WORD_WEIGHT`] for a stop word in a query that holds other words, else 1: how
    /// much the word counts in coverage. (Its candidates' weights already include it.)
    weight: f32,
}

/// A loaded index ready for queries, with the derived tables and reusable buffers.
#[derive(Debug)]
pub struct Engine {
    index: SearchIndex,
    factors: Vec<[f32; FIELD_COUNT]>,
    /// Per term, its length in characters and a summary of its letters, to rule out most
    /// terms as corrections without looking at them.
    term_lengths: Vec<u8>,
    term_masks: Vec<u64>,
    /// Per document, for the clause being scored: [best typed, sum typed, best synonym, sum
    /// synonym, 1 when reached by other than a weak candidate].
    clause: Vec<[f32; 5]>,
    total: Vec<f32>,
    coverage: Vec<u32>,
    /// Query words a document covers only through weak candidates (see [`Clause::weak`]).
    weak_coverage: Vec<u32>,
    touched: Vec<u32>,
    all_touched: Vec<u32>,
}

impl Engine {
    pub fn new(index: SearchIndex) -> Engine {
        let factors = index.field_factors();
        let mut term_lengths = Vec::with_capacity(index.term_count());
        let mut term_masks = Vec::with_capacity(index.term_count());
        let mut chars = Vec::new();
        for i in 0..index.term_count() {
            chars.clear();
            chars.extend(index.term(i).chars());
            term_lengths.push(chars.len().min(255) as u8);
            term_masks.push(letter_mask(&chars));
        }
        let n = index.doc_count();
        Engine {
            index,
            factors,
            term_lengths,
            term_masks,
            clause: vec![[0.0; 5]; n],
            total: vec![0.0; n],
            coverage: vec![0; n],
            weak_coverage: vec![0; n],
            touched: Vec::new(),
            all_touched: Vec::new(),
        }
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Runs `query`, returning at most `limit` hits that pass `filters`.
    pub fn search(&mut self, query: &str, filters: &Filters, limit: usize) -> Results {
        let clauses = self.clauses(query);
        // How much each query word counts towards coverage: a stop word little, so a section
        // that lacks "is" or "someone" loses little, and one that lacks the word that names
        // the problem loses much.
        let mut word_weights = [0.0f32; 32];
        for clause in &clauses {
            for (bit, weight) in word_weights.iter_mut().enumerate() {
                if clause.covers & (1 << bit) != 0 {
                    *weight = weight.max(clause.weight);
                }
            }
        }
        let all_words: f32 = word_weights.iter().sum();
        let mut matched_terms = BTreeSet::new();
        for clause in &clauses {
            for (term, _) in &clause.candidates {
                matched_terms.insert(self.index.term(*term).to_string());
            }
            self.score_clause(clause);
        }
        let allowed = self.filter_masks(filters);
        let query_lang = script_lang(query).filter(|l| self.index.facets.langs.iter().any(|n| n == l));
        let lang_id = query_lang.and_then(|l| self.index.facets.langs.iter().position(|n| n == l));
        let mut ranked: Vec<(f32, u32)> = Vec::with_capacity(self.all_touched.len());
        for &doc in &self.all_touched {
            let d = doc as usize;
            let weak = self.weak_coverage[d] & !self.coverage[d];
            let mut covered = coverage_share(self.coverage[d], &word_weights, all_words);
            if weak != 0 {
                covered += REAL_WORD_TYPO_WEIGHT * coverage_share(weak, &word_weights, all_words);
            }
            let mut score = self.total[d] * covered * covered;
            if lang_id.is_some_and(|l| usize::from(self.index.docs[d].lang) == l) {
                score *= SAME_LANGUAGE_BOOST;
            }
            self.total[d] = 0.0;
            self.coverage[d] = 0;
            self.weak_coverage[d] = 0;
            if allowed.as_ref().is_none_or(|a| a.accepts(&self.index.docs[d])) {
                ranked.push((score, doc));
            }
        }
        self.all_touched.clear();
        let total = ranked.len();
        let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if ranked.len() > limit && limit > 0 {
            ranked.select_nth_unstable_by(limit - 1, order);
            ranked.truncate(limit);
        }
        ranked.truncate(limit);
        ranked.sort_unstable_by(order);
        let answered_in_query_lang = lang_id.is_some_and(|l| {
            ranked
                .iter()
                .any(|(_, d)| usize::from(self.index.docs[*d as usize].lang) == l)
        });
        Results {
            hits: ranked.into_iter().map(|(score, doc)| Hit { doc, score }).collect(),
            total,
            matched_terms,
            query_lang: query_lang.map(str::to_string),
            answered_in_query_lang,
        }
    }

    /// Why `doc` scores what it does for `query`: per query word, the candidate terms that
    /// reached the document with their score, and the share of the query it covers. For
    /// relevance work (the suite prints it for its misses); not used on the search path.
    pub fn explain(&self, query: &str, doc: u32) -> Explanation {
        let clauses = self.clauses(query);
        let mut word_weights = [0.0f32; 32];
        for clause in &clauses {
            for (bit, weight) in word_weights.iter_mut().enumerate() {
                if clause.covers & (1 << bit) != 0 {
                    *weight = weight.max(clause.weight);
                }
            }
        }
        let all_words: f32 = word_weights.iter().sum();
        let d = doc as usize;
        let (mut coverage, mut weak_coverage) = (0u32, 0u32);
        let mut parts = Vec::new();
        for clause in &clauses {
            for (position, &(term, weight)) in clause.candidates.iter().enumerate() {
                let Some((_, packed)) = self.index.postings_of(term).find(|(t, _)| *t == doc) else {
                    continue;
                };
                let counts = unpack_counts(packed);
                let factors = self.factors[d];
                let tf: f32 = (0..FIELD_COUNT).map(|f| f32::from(counts[f]) * factors[f]).sum();
                let score = weight * self.idf(term) * tf * (K1 + 1.0) / (tf + K1);
                if (clause.weak..clause.typed).contains(&position) {
                    weak_coverage |= clause.covers;
                } else {
                    coverage |= clause.covers;
                }
                parts.push(ExplainedTerm {
                    words: clause.covers,
                    term: self.index.term(term).to_string(),
                    synonym: position >= clause.typed,
                    weight,
                    counts,
                    score,
                });
            }
        }
        Explanation {
            parts,
            coverage: coverage_share(coverage, &word_weights, all_words)
                + REAL_WORD_TYPO_WEIGHT * coverage_share(weak_coverage & !coverage, &word_weights, all_words),
        }
    }

    /// Turns query text into clauses: one per distinct word, plus one per synonym phrase.
    fn clauses(&self, query: &str) -> Vec<Clause> {
        let tokens = tokenize(query);
        let open = last_word_is_open(query);
        let mut words: Vec<String> = Vec::new();
        for token in &tokens {
            if !words.contains(&token.term) {
                words.push(token.term.clone());
            }
        }
        words.truncate(32);
        let last = tokens.last().map(|t| t.term.clone());
        let only_stop_words = words.iter().all(|w| is_stop_word(w));
        let mut clauses: Vec<Clause> = words
            .iter()
            .enumerate()
            .map(|(i, word)| {
                let is_open = open && Some(word) == last.as_ref();
                let stop = !only_stop_words && is_stop_word(word);
                let (mut candidates, weak) = self.expand(word, is_open, words.len() > 1);
                if stop {
                    // A stop word counts a fifth. Being typed, it may be the start of another
                    // word ("some" of "someone's"): its completions keep their weight.
                    let exact = self.index.find_term(word);
                    for (term, weight) in &mut candidates {
                        if !is_open || Some(*term) == exact {
                            *weight *= STOP_WORD_WEIGHT;
                        }
                    }
                }
                Clause {
                    typed: candidates.len(),
                    weak,
                    candidates,
                    covers: 1 << i,
                    weight: if stop { STOP_WORD_WEIGHT } else { 1.0 },
                }
            })
            .collect();
        // Synonyms: a group phrase found in the query lets the group's other phrases stand in
        // for the words it covers. They join those words' clauses, so a section that uses both
        // the word and its synonym is not counted twice.
        for group in &self.index.synonyms {
            for phrase in group {
                let Some(covers) = phrase_cover(&words, phrase) else {
                    continue;
                };
                for other in group.iter().filter(|p| *p != phrase) {
                    for term in other {
                        let Some(t) = self.index.find_term(term) else {
                            continue;
                        };
                        // A phrase spread over several query words (or Japanese bigrams)
                        // shares the synonym's weight among them.
                        let weight = SYNONYM_WEIGHT / covers.count_ones() as f32;
                        for clause in clauses.iter_mut().filter(|c| c.covers & covers != 0) {
                            if clause.candidates.iter().any(|(existing, _)| *existing == t) {
                                continue;
                            }
                            // A rare synonym must not outweigh the common word that was typed.
                            let typed = clause.candidates.first().map_or(f32::INFINITY, |(w, _)| self.idf(*w));
                            let rarity = (typed / self.idf(t)).min(1.0);
                            clause.candidates.push((t, weight * rarity * clause.weight));
                        }
                    }
                }
            }
        }
        clauses.retain(|c| !c.candidates.is_empty());
        clauses
    }

    /// The index terms one query word stands for, with weights, and where the weak ones (a
    /// real word read as a typo, see [`Clause::weak`]) start. `in_context`: the query has
    /// other words, against which a correction of a real word can be judged.
    fn expand(&self, word: &str, open: bool, in_context: bool) -> (Vec<(usize, f32)>, usize) {
        let mut out = Vec::new();
        let mut strong = usize::MAX;
        let exact = self.index.find_term(word);
        if let Some(t) = exact {
            out.push((t, 1.0));
        }
        if open && word.chars().count() >= MIN_PREFIX_CHARS {
            let mut completions: Vec<usize> = self
                .index
                .prefix_range(word)
                .filter(|t| Some(*t) != out.first().map(|c| c.0))
                .collect();
            self.keep_most_common(&mut completions);
            // When what was typed is already a word, a rare longer word it starts must not
            // outweigh it: the person may have finished typing.
            let typed = out.first().map(|(t, _)| self.idf(*t));
            out.extend(completions.into_iter().map(|t| {
                let rarity = typed.map_or(1.0, |typed| (typed / self.idf(t)).min(1.0));
                (t, PREFIX_WEIGHT * rarity)
            }));
        }
        if out.is_empty() {
            out = self.typo_candidates(word);
        } else if exact.is_some()
            && !open
            && in_context
            && word.chars().count() >= MIN_REAL_WORD_TYPO_CHARS
            && !is_stop_word(word)
        {
            // A typo can form another real word ("form" for "from"): its neighbours stand in
            // too, weakly, and carry the sections where they fit the other words.
            // One slip of one letter: neighbours two edits away are other words, not typos.
            let neighbours = self.typo_candidates(word);
            strong = out.len();
            out.extend(
                neighbours
                    .into_iter()
                    .filter(|(t, w)| Some(*t) != exact && *w >= TYPO_WEIGHTS[1] && !is_stop_word(self.index.term(*t)))
                    .map(|(t, w)| (t, w * REAL_WORD_TYPO_WEIGHT)),
            );
        }
        let strong = strong.min(out.len());
        (out, strong)
    }

    fn keep_most_common(&self, terms: &mut Vec<usize>) {
        if terms.len() > MAX_EXPANSIONS {
            terms.sort_by(|a, b| self.index.doc_freq[*b].cmp(&self.index.doc_freq[*a]).then(a.cmp(b)));
            terms.truncate(MAX_EXPANSIONS);
        }
    }

    /// Index terms within the allowed number of edits of `word` (other than `word`). A
    /// three-letter word, too short for any edit, may still have lost a letter: it matches
    /// four-letter terms that hold it with one letter more ("dox" → "doxx", "nud" → "nude").
    fn typo_candidates(&self, word: &str) -> Vec<(usize, f32)> {
        let chars: Vec<char> = word.chars().collect();
        let lost_letter = chars.len() == 3;
        let max = if lost_letter { 1 } else { allowed_edits(chars.len()) };
        if max == 0 {
            return Vec::new();
        }
        let mask = letter_mask(&chars);
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut term: Vec<char> = Vec::new();
        for t in 0..self.index.term_count() {
            let length = usize::from(self.term_lengths[t]);
            if length.abs_diff(chars.len()) > max
                || (lost_letter && length != chars.len() + 1)
                || (self.term_masks[t] ^ mask).count_ones() as usize > 2 * max
            {
                continue;
            }
            term.clear();
            term.extend(self.index.term(t).chars());
            if let Some(d) = bounded_distance(&chars, &term, max).filter(|d| *d > 0) {
                found.push((t, d));
            }
        }
        // Only the closest corrections: a word one edit away beats any two edits away.
        if let Some(closest) = found.iter().map(|(_, d)| *d).min() {
            found.retain(|(_, d)| *d == closest);
        }
        // Then the most common first.
        found.sort_by(|a, b| {
            a.1.cmp(&b.1)
                .then(self.index.doc_freq[b.0].cmp(&self.index.doc_freq[a.0]))
                .then(a.0.cmp(&b.0))
        });
        found.truncate(MAX_EXPANSIONS);
        found.into_iter().map(|(t, d)| (t, TYPO_WEIGHTS[d.min(2)])).collect()
    }

    /// BM25's inverse document frequency of a term.
    fn idf(&self, term: usize) -> f32 {
        let n = self.index.doc_count() as f32;
        let df = self.index.doc_freq[term] as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn score_clause(&mut self, clause: &Clause) {
        for (position, &(term, weight)) in clause.candidates.iter().enumerate() {
            let idf = self.idf(term);
            let slot = if position < clause.typed { 0 } else { 2 };
            for (doc, packed) in self.index.postings_of(term) {
                let counts = unpack_counts(packed);
                let d = doc as usize;
                let Some(factors) = self.factors.get(d) else {
                    break;
                };
                let tf = f32::from(counts[0]) * factors[0]
                    + f32::from(counts[1]) * factors[1]
                    + f32::from(counts[2]) * factors[2];
                let score = weight * idf * tf * (K1 + 1.0) / (tf + K1);
                let scores = &mut self.clause[d];
                if scores[1] == 0.0 && scores[3] == 0.0 {
                    self.touched.push(doc);
                }
                scores[slot] = scores[slot].max(score);
                scores[slot + 1] += score;
                if !(clause.weak..clause.typed).contains(&position) {
                    scores[4] = 1.0;
                }
            }
        }
        for &doc in &self.touched {
            let d = doc as usize;
            if self.coverage[d] == 0 && self.weak_coverage[d] == 0 && self.total[d] == 0.0 {
                self.all_touched.push(doc);
            }
            let [best_typed, sum_typed, best_synonym, sum_synonym, strong] = std::mem::take(&mut self.clause[d]);
            let typed = best_typed + OTHER_CANDIDATES * (sum_typed - best_typed);
            let synonym = best_synonym + OTHER_CANDIDATES * (sum_synonym - best_synonym);
            self.total[d] += typed.max(synonym) + OTHER_CANDIDATES * typed.min(synonym);
            if strong > 0.0 {
                self.coverage[d] |= clause.covers;
            } else {
                self.weak_coverage[d] |= clause.covers;
            }
        }
        self.touched.clear();
    }

    fn filter_masks(&self, filters: &Filters) -> Option<FilterMasks> {
        if filters.is_empty() {
            return None;
        }
        let facets = &self.index.facets;
        let ids = |names: &[String], wanted: &[String]| -> Vec<u16> {
            names
                .iter()
                .enumerate()
                .filter(|(_, n)| wanted.contains(n))
                .map(|(i, _)| i as u16)
                .collect()
        };
        let bits = |names: &[String], wanted: &[String]| -> u64 {
            names
                .iter()
                .enumerate()
                .filter(|(i, n)| *i < 64 && wanted.contains(n))
                .fold(0, |m, (i, _)| m | 1 << i)
        };
        Some(FilterMasks {
            areas: (!filters.areas.is_empty()).then(|| ids(&facets.areas, &filters.areas)),
            langs: (!filters.langs.is_empty()).then(|| ids(&facets.langs, &filters.langs)),
            regions: (!filters.regions.is_empty()).then(|| bits(&facets.regions, &filters.regions)),
            actions: (!filters.actions.is_empty()).then(|| bits(&facets.actions, &filters.actions)),
        })
    }
}

/// The share of the query's weight that the words in `coverage` carry.
fn coverage_share(coverage: u32, weights: &[f32; 32], all: f32) -> f32 {
    if all <= 0.0 {
        return 0.0;
    }
    // Only the set bits, lowest first.
    let mut bits = coverage;
    let mut covered = 0.0;
    while bits != 0 {
        covered += weights[bits.trailing_zeros() as usize];
        bits &= bits - 1;
    }
    covered / all
}

/// Which query words a phrase occupies, when it occurs in them as consecutive words.
fn phrase_cover(words: &[String], phrase: &[String]) -> Option<u32> {
    if phrase.is_empty() || phrase.len() > words.len() {
        return None;
    }
    (0..=words.len() - phrase.len())
        .find(|&start| words[start..start + phrase.len()] == *phrase)
        .map(|start| (start..start + phrase.len()).fold(0u32, |m, i| m | 1 << i))
}

struct FilterMasks {
    areas: Option<Vec<u16>>,
    langs: Option<Vec<u16>>,
    regions: Option<u64>,
    actions: Option<u64>,
}

impl FilterMasks {
    fn accepts(&self, doc: &super::index::DocEntry) -> bool {
        self.areas.as_ref().is_none_or(|a| a.contains(&doc.area))
            && self.langs.as_ref().is_none_or(|l| l.contains(&doc.lang))
            && self.regions.is_none_or(|r| doc.regions & r != 0)
            && self.actions.is_none_or(|a| doc.actions & a != 0)
    }
}
