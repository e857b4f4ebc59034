//! Highlighted snippets: the part of a text that best shows why it matched.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::text::tokenize;

/// A run of text, highlighted or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    pub text: String,
    pub hit: bool,
}

/// The byte ranges of `text` whose terms are in `terms`, merged where they overlap.
pub fn hit_ranges(text: &str, terms: &BTreeSet<String>) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for token in tokenize(text) {
        if terms.contains(&token.term) {
            match ranges.last_mut() {
                Some(last) if token.start <= last.1 => last.1 = last.1.max(token.end),
                _ => ranges.push((token.start, token.end)),
            }
        }
    }
    ranges
}

/// The whole of `text`, split into highlighted and plain fragments.
pub fn highlight(text: &str, terms: &BTreeSet<String>) -> Vec<Fragment> {
    fragments(text, 0, text.len(), &hit_ranges(text, terms))
}

/// A window of about `max_chars` characters around the densest cluster of hits, with the
/// hits highlighted and an ellipsis where text was cut. Without hits, the text's beginning.
pub fn snippet(text: &str, terms: &BTreeSet<String>, max_chars: usize) -> Vec<Fragment> {
    let ranges = hit_ranges(text, terms);
    let char_end = |from: usize, chars: usize| {
        text[from..]
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| from + i)
    };
    // The window start that covers the most distinct hit terms.
    let mut best = (0usize, 0usize);
    for (i, (start, _)) in ranges.iter().enumerate() {
        let limit = char_end(*start, max_chars);
        let distinct: BTreeSet<&str> = ranges[i..]
            .iter()
            .take_while(|(s, e)| *s < limit && *e <= limit)
            .map(|(s, e)| &text[*s..*e])
            .map(str::trim)
            .collect();
        if distinct.len() > best.1 {
            best = (*start, distinct.len());
        }
    }
    // Start a little before the first hit, at a word boundary.
    let mut start = best.0;
    let lead = text[..start].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    if let Some(space) = text[lead..start].find(char::is_whitespace) {
        start = lead + space + 1;
    } else if lead == 0 {
        start = 0;
    }
    if best.1 == 0 {
        start = 0;
    }
    let mut end = char_end(start, max_chars);
    if end < text.len()
        && let Some(space) = text[start..end].rfind(char::is_whitespace)
    {
        end = start + space;
    }
    let mut out = Vec::new();
    if start > 0 {
        out.push(Fragment {
            text: "…".into(),
            hit: false,
        });
    }
    out.extend(fragments(text, start, end, &ranges));
    if end < text.len() {
        out.push(Fragment {
            text: "…".into(),
            hit: false,
        });
    }
    out
}

fn fragments(text: &str, start: usize, end: usize, ranges: &[(usize, usize)]) -> Vec<Fragment> {
    let mut out = Vec::new();
    let mut at = start;
    for &(s, e) in ranges {
        if e <= start || s >= end {
            continue;
        }
        let (s, e) = (s.max(start), e.min(end));
        if s > at {
            out.push(Fragment {
                text: text[at..s].to_string(),
                hit: false,
            });
        }
        out.push(Fragment {
            text: text[s..e].to_string(),
            hit: true,
        });
        at = e;
    }
    if at < end {
        out.push(Fragment {
            text: text[at..end].to_string(),
            hit: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(words: &[&str]) -> BTreeSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn render(fragments: &[Fragment]) -> String {
        fragments
            .iter()
            .map(|f| if f.hit { format!("[{}]", f.text) } else { f.text.clone() })
            .collect()
    }

    #[test]
    fn highlights_every_form_of_a_term() {
        let out = highlight("Home addresses and an Address book", &terms(&["address"]));
        assert_eq!(render(&out), "Home [addresses] and an [Address] book");
    }

    #[test]
    fn overlapping_cjk_bigrams_merge_into_one_highlight() {
        let out = highlight("他人の個人情報を晒す", &terms(&["個人", "人情", "情報"]));
        assert_eq!(render(&out), "他人の[個人情報]を晒す");
    }

    #[test]
    fn a_snippet_centres_on_the_hits_and_marks_cuts() {
        let text = format!(
            "{} The doxxing of a home address is removed. {}",
            "Filler words here. ".repeat(20),
            "More filler. ".repeat(20)
        );
        let out = render(&snippet(&text, &terms(&["doxxing", "address"]), 80));
        assert!(out.starts_with('…') && out.ends_with('…'), "{out}");
        assert!(out.contains("[doxxing]") && out.contains("[address]"), "{out}");
        assert!(out.chars().count() <= 80 + 6, "{out}");
    }

    #[test]
    fn without_hits_a_snippet_is_the_beginning() {
        let out = render(&snippet("Short text that does not match.", &terms(&["zebra"]), 200));
        assert_eq!(out, "Short text that does not match.");
    }
}
