//! Turning text into search terms, the same way for documents and queries.
//!
//! - Letters are lowercased; Latin diacritics are folded (`información` → `informacion`);
//!   Arabic short vowels and tatweel are dropped and alef, teh marbuta and yeh forms unified.
//! - Words are runs of letters and digits. Runs of Japanese or Chinese characters, which
//!   are written without spaces, become overlapping two-character terms.
//! - A light English stemmer removes plural endings, so `threats` finds `threat`.

/// A term and where it came from in the text (byte offsets), for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub start: usize,
    pub end: usize,
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}')
}

/// Marks that belong to the letter before them and are ignored for matching.
fn is_ignored_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

fn fold(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => {
            out.push_str("ss");
            return;
        }
        // Arabic: hamza-carrying alefs → bare alef, teh marbuta → heh, alef maksura → yeh.
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' => 'ي',
        _ => c,
    };
    out.push(folded);
}

/// Removes English plural endings from a Latin-script word of four or more letters.
pub fn stem(word: &mut String) {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return;
    }
    if word.ends_with("ies") && word.len() > 4 {
        word.truncate(word.len() - 3);
        word.push('y');
    } else if ["sses", "xes", "zes", "ches", "shes"].iter().any(|s| word.ends_with(s)) {
        word.truncate(word.len() - 2);
    } else if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") {
        word.truncate(word.len() - 1);
    }
}

/// Words so common in a language that they say little about which policy applies: a query's
/// "someone is", "de la", "في" or "の". A query still matches and highlights them, and they
/// sway the ranking a little (see `query`), but a section that lacks them loses little.
/// Written as terms (lowercased, folded, short enough not to be stemmed, or already stemmed).
const STOP_WORDS: &[&str] = &[
    // English
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "anyone",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "doe",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "keep",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "people",
    "person",
    "same",
    "she",
    "should",
    "so",
    "some",
    "somebody",
    "someone",
    "something",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "themselve",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "user",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yourself",
    // Spanish (folded)
    "al",
    "alguien",
    "como",
    "con",
    "de",
    "del",
    "el",
    "en",
    "es",
    "esta",
    "esto",
    "la",
    "las",
    "lo",
    "los",
    "mi",
    "para",
    "pero",
    "por",
    "que",
    "se",
    "su",
    "sus",
    "un",
    "una",
    "uno",
    "usuario",
    // Arabic (normalised: bare alef, heh for teh marbuta)
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "ان",
    "هذا",
    "هذه",
    "هو",
    "هي",
    "ما",
    "لا",
    "مع",
    "او",
    "شخص",
    // Japanese particles and endings (single characters and common bigrams)
    "の",
    "は",
    "が",
    "を",
    "に",
    "で",
    "と",
    "も",
    "へ",
    "か",
    "て",
    "た",
    "です",
    "ます",
    "いる",
    "して",
    "する",
];

/// Whether `term` (as [`tokenize`] makes it) is a stop word in any of the library's languages.
pub fn is_stop_word(term: &str) -> bool {
    // Sorted once, so the check is a binary search: the engine asks it for every query word
    // and every correction of a real word.
    static SORTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut sorted = STOP_WORDS.to_vec();
            sorted.sort_unstable();
            sorted
        })
        .binary_search(&term)
        .is_ok()
}

/// Normalises one word (already split) into a term, without stemming.
pub fn normalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        if !is_ignored_mark(c) {
            fold(c, &mut out);
        }
    }
    out
}

/// Splits `text` into terms with their byte offsets.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if is_cjk(c) {
            let mut run: Vec<(usize, char)> = Vec::new();
            while let Some(&(i, c)) = chars.peek() {
                if !is_cjk(c) {
                    break;
                }
                run.push((i, c));
                chars.next();
            }
            let end_of = |k: usize| run[k].0 + run[k].1.len_utf8();
            if run.len() == 1 {
                tokens.push(Token {
                    term: run[0].1.to_string(),
                    start: run[0].0,
                    end: end_of(0),
                });
            } else {
                for k in 0..run.len() - 1 {
                    let term: String = [run[k].1, run[k + 1].1].iter().collect();
                    tokens.push(Token {
                        term,
                        start: run[k].0,
                        end: end_of(k + 1),
                    });
                }
            }
        } else if c.is_alphanumeric() {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if is_cjk(c) || !(c.is_alphanumeric() || is_ignored_mark(c)) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            let mut term = normalize_word(&text[start..end]);
            let single_letter = term.chars().count() == 1 && !term.chars().all(|c| c.is_numeric());
            if !term.is_empty() && !single_letter {
                stem(&mut term);
                tokens.push(Token { term, start, end });
            }
        } else {
            chars.next();
        }
    }
    tokens
}

/// Just the terms of `text`.
pub fn terms(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.term).collect()
}

/// The language a query's script says it is written in, when the script names one: Arabic
/// letters say `ar`; kana or kanji say `ja` (the library's only language written with them).
pub fn script_lang(query: &str) -> Option<&'static str> {
    query.chars().find_map(|c| match c {
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => Some("ar"),
        c if is_cjk(c) => Some("ja"),
        _ => None,
    })
}

/// Whether the person is still typing the last word of `query` (no space or punctuation after it).
pub fn last_word_is_open(query: &str) -> bool {
    query.chars().last().is_some_and(|c| c.is_alphanumeric() || is_cjk(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_folded_and_stemmed() {
        assert_eq!(
            terms("Doxxing: HOME addresses, threats & información"),
            ["doxxing", "home", "address", "threat", "informacion"]
        );
        assert_eq!(
            terms("policies categories boxes kiss status"),
            ["policy", "category", "box", "kiss", "status"]
        );
    }

    #[test]
    fn arabic_is_normalised() {
        // With and without short vowels, and alef forms, give the same term.
        assert_eq!(terms("تَحَرُّش"), terms("تحرش"));
        assert_eq!(terms("إساءة"), terms("اساءه"));
    }

    #[test]
    fn japanese_runs_become_bigrams_with_offsets() {
        let tokens = tokenize("個人情報 の 晒し");
        let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["個人", "人情", "情報", "の", "晒し"]);
        assert_eq!(&"個人情報 の 晒し"[tokens[2].start..tokens[2].end], "情報");
    }

    #[test]
    fn stop_words_are_written_as_the_terms_tokenize_makes() {
        for word in STOP_WORDS {
            assert_eq!(terms(word), [*word], "{word:?} is not a term as written");
        }
        assert!(is_stop_word(&terms("someone")[0]) && is_stop_word(&terms("This")[0]));
        assert!(!is_stop_word(&terms("followers")[0]));
    }

    #[test]
    fn single_letters_are_dropped_but_numbers_kept() {
        assert_eq!(terms("a 5 b2 x"), ["5", "b2"]);
    }

    #[test]
    fn the_script_names_arabic_and_japanese_queries() {
        assert_eq!(script_lang("تهديد بالقتل"), Some("ar"));
        assert_eq!(script_lang("doxx 晒し"), Some("ja"));
        assert_eq!(script_lang("acoso repetido"), None);
    }

    #[test]
    fn an_open_last_word_is_detected() {
        assert!(last_word_is_open("ban evas"));
        assert!(!last_word_is_open("ban evasion "));
        assert!(!last_word_is_open(""));
    }
}
