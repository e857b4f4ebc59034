//! The search index: built once from the library (on the server), shipped as compact bytes,
//! and loaded by the browser without reading any document text again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::tokenize;

/// The fields of a document, in order of weight.
pub const FIELD_COUNT: usize = 3;
/// BM25F field weights: a word in the title counts most, then the heading, then the body.
pub const FIELD_WEIGHTS: [f32; FIELD_COUNT] = [3.0, 2.0, 1.0];
const B: f32 = 0.75;
const MAX_TF: [u8; FIELD_COUNT] = [3, 3, 15];

/// Bumped when the byte layout changes; a client with an older index fetches a new one.
pub const INDEX_FORMAT: u32 = 2;

/// What a document is, for indexing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    /// The caller's identifier, returned with each hit (e.g. `private-information#overview`).
    pub key: String,
    pub title: &'a str,
    pub heading: &'a str,
    pub body: &'a str,
    pub area: &'a str,
    pub regions: &'a [String],
    pub lang: &'a str,
    pub actions: &'a [String],
}

/// The facet values of one document, as indexes into the index's facet name lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocEntry {
    pub area: u16,
    pub lang: u16,
    /// Bit `i` set when the document applies to `regions[i]` (at most 64 regions).
    pub regions: u64,
    /// Bit `i` set when `actions[i]` may be taken (at most 64 actions).
    pub actions: u64,
}

/// The names behind facet indexes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub areas: Vec<String>,
    pub langs: Vec<String>,
    pub regions: Vec<String>,
    pub actions: Vec<String>,
}

/// The index as stored and shipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub format: u32,
    pub docs: Vec<DocEntry>,
    /// All document keys concatenated; `key_ends[i]` is where document `i`'s key ends.
    pub keys: String,
    pub key_ends: Vec<u32>,
    pub facets: Facets,
    /// Per document, the number of terms in each field.
    pub field_lengths: Vec<[u16; FIELD_COUNT]>,
    /// All terms, sorted, concatenated; `term_ends[i]` is where term `i` ends.
    pub terms: String,
    pub term_ends: Vec<u32>,
    /// The postings, in two regions. First, per term, the documents containing it: for a
    /// term in at least one document in eight, a bitmap with one bit per document, otherwise
    /// the varint gap from the previous document; `posting_ends[i]` is where term `i`'s list
    /// ends. Then, per term and document in the same order, one byte packing the term's count
    /// in title (2 bits), heading (2 bits) and body (4 bits); term `i`'s bytes start at
    /// `count_starts[i]`. Keeping all count bytes together makes the index compress well.
    /// Stored after the rest of the index, outside serde, so loading keeps the bytes where
    /// they arrived instead of copying them.
    #[serde(skip)]
    pub postings: Vec<u8>,
    pub posting_ends: Vec<u32>,
    /// Derived on load from `posting_ends` and `doc_freq`.
    #[serde(skip)]
    count_starts: Vec<u32>,
    /// Per term, how many documents contain it.
    pub doc_freq: Vec<u32>,
    /// Synonym groups: each group a list of phrases, each phrase a list of terms.
    pub synonyms: Vec<Vec<Vec<String>>>,
}

/// Why index bytes could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    #[error("the search index is damaged: {0}")]
    Corrupt(String),
    #[error("the search index has format {found}, this app reads format {expected}")]
    WrongFormat { found: u32, expected: u32 },
}

/// Collects documents and builds a [`SearchIndex`].
#[derive(Debug, Default)]
pub struct IndexBuilder {
    docs: Vec<DocEntry>,
    keys: String,
    key_ends: Vec<u32>,
    facets: Facets,
    field_lengths: Vec<[u16; FIELD_COUNT]>,
    /// term → (doc → counts per field)
    postings: BTreeMap<String, BTreeMap<u32, [u8; FIELD_COUNT]>>,
    synonyms: Vec<Vec<Vec<String>>>,
}

fn facet_index(names: &mut Vec<String>, name: &str) -> usize {
    match names.iter().position(|n| n == name) {
        Some(i) => i,
        None => {
            names.push(name.to_string());
            names.len() - 1
        }
    }
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Adds synonym groups; each term of a group is a phrase of one or more words.
    pub fn synonyms<S: AsRef<str>>(&mut self, groups: &[Vec<S>]) -> &mut Self {
        for group in groups {
            let phrases: Vec<Vec<String>> = group
                .iter()
                .map(|phrase| super::text::terms(phrase.as_ref()))
                .filter(|terms| !terms.is_empty())
                .collect();
            if phrases.len() >= 2 {
                self.synonyms.push(phrases);
            }
        }
        self
    }

    pub fn add(&mut self, doc: &Document<'_>) -> &mut Self {
        let id = u32::try_from(self.docs.len()).expect("fewer than 4 billion documents");
        let bits = |names: &mut Vec<String>, values: &[String]| {
            values.iter().fold(0u64, |mask, v| {
                let i = facet_index(names, v);
                if i < 64 { mask | 1 << i } else { mask }
            })
        };
        let regions = bits(&mut self.facets.regions, doc.regions);
        let actions = bits(&mut self.facets.actions, doc.actions);
        self.keys.push_str(&doc.key);
        self.key_ends.push(self.keys.len() as u32);
        let entry = DocEntry {
            area: facet_index(&mut self.facets.areas, doc.area) as u16,
            lang: facet_index(&mut self.facets.langs, doc.lang) as u16,
            regions,
            actions,
        };
        self.docs.push(entry);
        let mut lengths = [0u16; FIELD_COUNT];
        for (field, text) in [doc.title, doc.heading, doc.body].into_iter().enumerate() {
            for token in tokenize(text) {
                lengths[field] = lengths[field].saturating_add(1);
                let counts = self
                    .postings
                    .entry(token.term)
                    .or_default()
                    .entry(id)
                    .or_insert([0; FIELD_COUNT]);
                counts[field] = counts[field].saturating_add(1).min(MAX_TF[field]);
            }
        }
        self.field_lengths.push(lengths);
        self
    }

    pub fn build(self) -> SearchIndex {
        let mut terms = String::new();
        let mut term_ends = Vec::with_capacity(self.postings.len());
        let mut postings = Vec::new();
        let mut counts = Vec::new();
        let mut posting_ends = Vec::with_capacity(self.postings.len());
        let mut doc_freq = Vec::with_capacity(self.postings.len());
        for (term, docs) in self.postings {
            terms.push_str(&term);
            term_ends.push(terms.len() as u32);
            if is_dense(docs.len(), self.docs.len()) {
                let start = postings.len();
                postings.resize(start + self.docs.len().div_ceil(8), 0);
                for doc in docs.keys() {
                    postings[start + *doc as usize / 8] |= 1 << (doc % 8);
                }
            } else {
                let mut previous = 0u32;
                for doc in docs.keys() {
                    write_varint(&mut postings, doc - previous);
                    previous = *doc;
                }
            }
            counts.extend(docs.values().map(|c| c[0] << 6 | c[1] << 4 | c[2]));
            posting_ends.push(postings.len() as u32);
            doc_freq.push(docs.len() as u32);
        }
        postings.extend_from_slice(&counts);
        let count_starts = count_starts(&posting_ends, &doc_freq);
        SearchIndex {
            format: INDEX_FORMAT,
            docs: self.docs,
            keys: self.keys,
            key_ends: self.key_ends,
            facets: self.facets,
            field_lengths: self.field_lengths,
            terms,
            term_ends,
            postings,
            posting_ends,
            count_starts,
            doc_freq,
            synonyms: self.synonyms,
        }
    }
}

/// Where each term's count bytes start: after all document lists, in term order.
fn count_starts(posting_ends: &[u32], doc_freq: &[u32]) -> Vec<u32> {
    let mut at = posting_ends.last().copied().unwrap_or(0);
    doc_freq
        .iter()
        .map(|df| {
            let start = at;
            at = at.saturating_add(*df);
            start
        })
        .collect()
}

/// Whether a term in `df` of `docs` documents stores its documents as a bitmap.
fn is_dense(df: usize, docs: usize) -> bool {
    docs > 0 && df * 8 >= docs
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a varint at `*at`, advancing it; `None` at the end of the bytes or on a malformed
/// value, so a damaged index ends a posting list early instead of panicking.
#[inline]
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value = 0u32;
    for shift in [0, 7, 14, 21, 28] {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// Splits a packed count byte into the counts per field.
#[inline]
pub(crate) fn unpack_counts(byte: u8) -> [u8; FIELD_COUNT] {
    [byte >> 6, (byte >> 4) & 0b11, byte & 0b1111]
}

impl SearchIndex {
    /// The byte form: the tables (postcard), then the postings as they are.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = postcard::to_allocvec(self).expect("serialising to memory cannot fail");
        bytes.extend_from_slice(&self.postings);
        bytes
    }

    /// Loads index bytes, checking the format and the internal consistency a query relies on.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, IndexError> {
        SearchIndex::from_vec(bytes.to_vec())
    }

    /// Like [`SearchIndex::from_bytes`], keeping the postings in the given buffer (no copy).
    pub fn from_vec(mut bytes: Vec<u8>) -> Result<SearchIndex, IndexError> {
        let (mut index, rest) =
            postcard::take_from_bytes::<SearchIndex>(&bytes).map_err(|e| IndexError::Corrupt(e.to_string()))?;
        let tables = bytes.len() - rest.len();
        bytes.drain(..tables);
        index.postings = bytes;
        if index.format != INDEX_FORMAT {
            return Err(IndexError::WrongFormat {
                found: index.format,
                expected: INDEX_FORMAT,
            });
        }
        let terms = index.term_ends.len();
        let consistent = index.posting_ends.len() == terms
            && index.doc_freq.len() == terms
            && index.field_lengths.len() == index.docs.len()
            && index.key_ends.len() == index.docs.len()
            && index
                .key_ends
                .last()
                .is_none_or(|end| *end as usize == index.keys.len())
            && index.key_ends.windows(2).all(|w| w[0] <= w[1])
            && index
                .key_ends
                .iter()
                .all(|end| index.keys.is_char_boundary(*end as usize))
            && index
                .term_ends
                .last()
                .is_none_or(|end| *end as usize == index.terms.len())
            && {
                let lists = index.posting_ends.last().copied().unwrap_or(0) as usize;
                let counts: usize = index.doc_freq.iter().map(|df| *df as usize).sum();
                lists.checked_add(counts) == Some(index.postings.len())
            }
            && index.term_ends.windows(2).all(|w| w[0] <= w[1])
            && index.posting_ends.windows(2).all(|w| w[0] <= w[1])
            && index
                .term_ends
                .iter()
                .all(|end| index.terms.is_char_boundary(*end as usize))
            && (0..terms).all(|t| {
                let (df, len) = (index.doc_freq[t] as usize, index.postings_len(t));
                if is_dense(df, index.docs.len()) {
                    len == index.docs.len().div_ceil(8)
                } else {
                    len >= df
                }
            });
        if !consistent {
            return Err(IndexError::Corrupt("its tables do not agree".into()));
        }
        index.count_starts = count_starts(&index.posting_ends, &index.doc_freq);
        Ok(index)
    }

    pub fn doc_count(&self) -> usize {
        self.docs.len()
    }

    pub fn term_count(&self) -> usize {
        self.term_ends.len()
    }

    pub fn term(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.term_ends[i - 1] as usize };
        &self.terms[start..self.term_ends[i] as usize]
    }

    fn postings_len(&self, i: usize) -> usize {
        let start = if i == 0 { 0 } else { self.posting_ends[i - 1] as usize };
        (self.posting_ends[i] as usize).saturating_sub(start)
    }

    /// Term `i`'s documents with their packed count bytes, in document order.
    pub(crate) fn postings_of(&self, i: usize) -> Postings<'_> {
        let start = if i == 0 { 0 } else { self.posting_ends[i - 1] as usize };
        let docs = &self.postings[start..self.posting_ends[i] as usize];
        let counts_start = self.count_starts[i] as usize;
        let counts = &self.postings[counts_start..counts_start + self.doc_freq[i] as usize];
        let docs = if is_dense(self.doc_freq[i] as usize, self.docs.len()) {
            DocList::Bitmap {
                bytes: docs,
                byte: 0,
                bits: docs.first().copied().unwrap_or(0),
            }
        } else {
            DocList::Gaps {
                bytes: docs,
                at: 0,
                doc: 0,
            }
        };
        Postings {
            docs,
            counts: counts.iter(),
        }
    }

    /// The key a document was added with.
    pub fn key(&self, doc: u32) -> &str {
        let i = doc as usize;
        let start = if i == 0 { 0 } else { self.key_ends[i - 1] as usize };
        &self.keys[start..self.key_ends[i] as usize]
    }

    /// The index of `term`, if the index has it.
    pub fn find_term(&self, term: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.term_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.term(mid).cmp(term) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The range of term indexes starting with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let first = self.partition(|t| t < prefix);
        let last = first + self.partition_from(first, |t| t.starts_with(prefix));
        first..last
    }

    fn partition(&self, before: impl Fn(&str) -> bool) -> usize {
        self.partition_from(0, before)
    }

    /// The number of terms from `start` on for which `pred` holds, assuming it holds for a prefix.
    fn partition_from(&self, start: usize, pred: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (start, self.term_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if pred(self.term(mid)) { lo = mid + 1 } else { hi = mid }
        }
        lo - start
    }

    /// Per document and field, the BM25F factor `weight / (1 - b + b * len / avg_len)`.
    pub(crate) fn field_factors(&self) -> Vec<[f32; FIELD_COUNT]> {
        let n = self.docs.len().max(1) as f32;
        let mut avg = [0f32; FIELD_COUNT];
        for lengths in &self.field_lengths {
            for f in 0..FIELD_COUNT {
                avg[f] += f32::from(lengths[f]);
            }
        }
        for a in &mut avg {
            *a = (*a / n).max(1.0);
        }
        self.field_lengths
            .iter()
            .map(|lengths| {
                let mut factors = [0f32; FIELD_COUNT];
                for f in 0..FIELD_COUNT {
                    factors[f] = FIELD_WEIGHTS[f] / (1.0 - B + B * f32::from(lengths[f]) / avg[f]);
                }
                factors
            })
            .collect()
    }
}

/// The documents of one posting list, as stored.
#[derive(Debug)]
enum DocList<'a> {
    Gaps { bytes: &'a [u8], at: usize, doc: u32 },
    Bitmap { bytes: &'a [u8], byte: usize, bits: u8 },
}

/// Iterates one term's (document, packed counts) pairs.
#[derive(Debug)]
pub(crate) struct Postings<'a> {
    docs: DocList<'a>,
    counts: std::slice::Iter<'a, u8>,
}

impl Iterator for Postings<'_> {
    type Item = (u32, u8);

    #[inline]
    fn next(&mut self) -> Option<(u32, u8)> {
        let packed = *self.counts.next()?;
        let doc = match &mut self.docs {
            DocList::Gaps { bytes, at, doc } => {
                *doc = doc.saturating_add(read_varint(bytes, at)?);
                *doc
            }
            DocList::Bitmap { bytes, byte, bits } => {
                while *bits == 0 {
                    *byte += 1;
                    *bits = *bytes.get(*byte)?;
                }
                let bit = bits.trailing_zeros();
                *bits &= *bits - 1;
                (*byte * 8) as u32 + bit
            }
        };
        Some((doc, packed))
    }
}
