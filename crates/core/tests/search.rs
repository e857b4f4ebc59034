//! Search: data-driven checks of ranking, typos, prefixes, synonyms, filters and snippets on
//! a small hand-made corpus, and the relevance suite on the demo library.
#![cfg(feature = "import")]

mod common;

use casebook_core::import::{assemble, parse_library};
use casebook_core::search::snippet::snippet;
use casebook_core::search::{Document, Engine, Filters, IndexBuilder, SearchIndex, index_library};

struct Doc {
    key: &'static str,
    title: &'static str,
    heading: &'static str,
    body: &'static str,
    area: &'static str,
    regions: &'static [&'static str],
    lang: &'static str,
    actions: &'static [&'static str],
}

const CORPUS: &[Doc] = &[
    Doc {
        key: "privacy#overview",
        title: "Private information",
        heading: "Overview",
        body: "Sharing a home address or phone number without consent is doxxing.",
        area: "private-information",
        regions: &["global"],
        lang: "en",
        actions: &["Remove content"],
    },
    Doc {
        key: "privacy#public-figures",
        title: "Private information",
        heading: "Public figures",
        body: "The office address of a politician may be shared; a home address may not.",
        area: "private-information",
        regions: &["global"],
        lang: "en",
        actions: &["Remove content"],
    },
    Doc {
        key: "harassment#overview",
        title: "Targeted harassment",
        heading: "Overview",
        body: "Repeated unwanted insults aimed at one person are harassment.",
        area: "abuse-harassment",
        regions: &["global"],
        lang: "en",
        actions: &["Warn user", "Suspend account"],
    },
    Doc {
        key: "harassment#resumen",
        title: "Targeted harassment",
        heading: "Resumen",
        body: "El acoso dirigido a una persona está prohibido.",
        area: "abuse-harassment",
        regions: &["global"],
        lang: "es",
        actions: &["Warn user"],
    },
    Doc {
        key: "phishing#overview",
        title: "Phishing and account takeover",
        heading: "Overview",
        body: "Links that imitate a login page to steal passwords.",
        area: "fraud-scams",
        regions: &["global"],
        lang: "en",
        actions: &["Remove content", "Suspend account"],
    },
    Doc {
        key: "election#window",
        title: "Election integrity",
        heading: "Election window",
        body: "During the election window false claims about polling places are removed.",
        area: "civic-integrity",
        regions: &["BR", "US"],
        lang: "en",
        actions: &["Remove content", "Label content"],
    },
    Doc {
        key: "impersonation#overview",
        title: "Impersonation",
        heading: "Overview",
        body: "Pretending to be another person or a brand in a misleading way.",
        area: "impersonation",
        regions: &["global"],
        lang: "en",
        actions: &["Suspend account"],
    },
];

fn engine() -> Engine {
    let mut builder = IndexBuilder::new();
    builder.synonyms(&[vec!["doxxing", "private information"], vec!["harassment", "acoso"]]);
    for d in CORPUS {
        let regions: Vec<String> = d.regions.iter().map(|s| s.to_string()).collect();
        let actions: Vec<String> = d.actions.iter().map(|s| s.to_string()).collect();
        builder.add(&Document {
            key: d.key.into(),
            title: d.title,
            heading: d.heading,
            body: d.body,
            area: d.area,
            regions: &regions,
            lang: d.lang,
            actions: &actions,
        });
    }
    Engine::new(SearchIndex::from_bytes(&builder.build().to_bytes()).expect("round trip"))
}

fn keys(engine: &mut Engine, query: &str, filters: &Filters) -> Vec<String> {
    let results = engine.search(query, filters, 10);
    results
        .hits
        .iter()
        .map(|h| engine.index().key(h.doc).to_string())
        .collect()
}

/// Checks that the top hits of each query start with the expected keys, in order.
fn check(cases: &[(&str, &[&str])]) {
    let mut engine = engine();
    for (query, expected) in cases {
        let got = keys(&mut engine, query, &Filters::default());
        assert!(
            got.len() >= expected.len()
                && got[..expected.len()] == expected.iter().map(|s| s.to_string()).collect::<Vec<_>>()[..],
            "query {query:?}: expected the top to be {expected:?}, got {got:?}"
        );
    }
}

#[test]
fn a_word_in_the_title_outranks_one_in_the_heading_which_outranks_one_in_the_body() {
    let mut builder = IndexBuilder::new();
    let none: Vec<String> = vec![];
    for (key, title, heading, body) in [
        ("body", "alpha beta", "gamma delta", "window epsilon zeta"),
        ("heading", "alpha beta", "window delta", "gamma epsilon zeta"),
        ("title", "window beta", "gamma delta", "alpha epsilon zeta"),
    ] {
        builder.add(&Document {
            key: key.into(),
            title,
            heading,
            body,
            area: "a",
            regions: &none,
            lang: "en",
            actions: &none,
        });
    }
    let mut engine = Engine::new(builder.build());
    assert_eq!(
        keys(&mut engine, "window", &Filters::default()),
        ["title", "heading", "body"]
    );
}

#[test]
fn ranking_follows_where_and_how_often_the_words_occur() {
    check(&[
        ("public figures", &["privacy#public-figures"]),
        ("polling places", &["election#window"]),
        // The public-figures section says "address" twice, the overview once.
        ("home address", &["privacy#public-figures", "privacy#overview"]),
    ]);
}

#[test]
fn typos_count_a_transposition_as_one_edit() {
    check(&[
        ("harrasment", &["harassment#overview"]),
        ("phsihing", &["phishing#overview"]),
        ("imperosnation", &["impersonation#overview"]),
        // The public-figures section says "address" twice, the overview once.
        ("adress", &["privacy#public-figures", "privacy#overview"]),
    ]);
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    check(&[
        ("imperson", &["impersonation#overview"]),
        ("elect wind", &["election#window"]),
        ("phish", &["phishing#overview"]),
    ]);
    // A finished word (followed by a space) is not a prefix.
    let mut engine = engine();
    assert!(keys(&mut engine, "elect ", &Filters::default()).is_empty());
}

#[test]
fn synonyms_find_sections_that_use_the_other_word() {
    check(&[("acoso", &["harassment#resumen"])]);
    let mut engine = engine();
    let got = keys(&mut engine, "doxxing", &Filters::default());
    assert_eq!(got[0], "privacy#overview", "{got:?}");
    assert!(
        got.contains(&"privacy#public-figures".to_string()),
        "the synonym finds sections without the word: {got:?}"
    );
}

#[test]
fn filters_narrow_by_area_language_region_and_action() {
    let mut engine = engine();
    let f = |areas: &[&str], langs: &[&str], regions: &[&str], actions: &[&str]| Filters {
        areas: areas.iter().map(|s| s.to_string()).collect(),
        langs: langs.iter().map(|s| s.to_string()).collect(),
        regions: regions.iter().map(|s| s.to_string()).collect(),
        actions: actions.iter().map(|s| s.to_string()).collect(),
    };
    assert_eq!(
        keys(&mut engine, "harassment", &f(&[], &["es"], &[], &[])),
        ["harassment#resumen"]
    );
    assert_eq!(
        keys(&mut engine, "overview", &f(&["fraud-scams"], &[], &[], &[])),
        ["phishing#overview"]
    );
    assert_eq!(
        keys(&mut engine, "removed address", &f(&[], &[], &["BR"], &[])),
        ["election#window"]
    );
    let mut suspend = keys(&mut engine, "overview", &f(&[], &[], &[], &["Suspend account"]));
    suspend.sort();
    assert_eq!(
        suspend,
        ["harassment#overview", "impersonation#overview", "phishing#overview"]
    );
    assert!(keys(&mut engine, "overview", &f(&["no-such-area"], &[], &[], &[])).is_empty());
}

#[test]
fn results_are_deterministic_and_limited() {
    let mut engine = engine();
    let first = engine.search("overview address", &Filters::default(), 2);
    let second = engine.search("overview address", &Filters::default(), 2);
    assert_eq!(first, second);
    assert_eq!(first.hits.len(), 2);
    assert!(first.total > 2);
    assert!(engine.search("", &Filters::default(), 10).hits.is_empty());
    assert!(engine.search("zzzzqqq", &Filters::default(), 10).hits.is_empty());
}

#[test]
fn matched_terms_drive_the_snippet_highlights() {
    let mut engine = engine();
    let results = engine.search("adress", &Filters::default(), 10);
    let fragments = snippet(CORPUS[0].body, &results.matched_terms, 200);
    let hits: Vec<&str> = fragments.iter().filter(|f| f.hit).map(|f| f.text.as_str()).collect();
    assert_eq!(hits, ["address"]);
}

#[test]
fn damaged_index_bytes_are_refused() {
    let bytes = engine().index().to_bytes();
    assert!(SearchIndex::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(SearchIndex::from_bytes(b"not an index").is_err());
    // Damaged postings load (the tables agree) but queries stop early instead of panicking.
    let mut damaged = bytes.clone();
    let n = damaged.len();
    for b in &mut damaged[n - 40..] {
        *b = 0xFF;
    }
    if let Ok(index) = SearchIndex::from_bytes(&damaged) {
        let mut engine = Engine::new(index);
        for query in ["address", "harassment", "overview phishing", "a"] {
            let _ = engine.search(query, &Filters::default(), 10);
        }
    }
}

fn demo_library() -> casebook_core::library::Library {
    assemble(parse_library(&common::demo_library_files()).expect("valid demo library"))
}

#[derive(serde::Deserialize)]
struct Labelled {
    query: String,
    /// keyword, typo, prefix, slang, language (Spanish, Arabic, Japanese), situation (what
    /// happened, in the agent's words) or question.
    kind: String,
    expect: String,
}

const KINDS: [&str; 7] = [
    "keyword",
    "typo",
    "prefix",
    "slang",
    "language",
    "situation",
    "question",
];

/// The share of the relevance suite whose expected section must be in the top 3. The first 71
/// queries (keywords, typos, prefixes, other languages) all pass; the sentences, situations,
/// slang and short typos added in round two are harder. Measured: see the test's output
/// (2026-12-01: 112 of 130, 86.2 %; one more miss fails the test).
const RELEVANCE_FLOOR: f64 = 0.86;

fn relevance_cases() -> Vec<Labelled> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/relevance.yaml");
    serde_yaml_ng::from_str(&std::fs::read_to_string(path).expect("relevance.yaml")).expect("yaml")
}

/// Why `key` scores what it does for `query`: each term that reached it, and its coverage.
fn explain(engine: &Engine, query: &str, key: &str) -> String {
    let Some(doc) = (0..engine.index().doc_count() as u32).find(|d| engine.index().key(*d) == key) else {
        return format!("{key}: not in the index");
    };
    let e = engine.explain(query, doc);
    let parts: Vec<String> = e
        .parts
        .iter()
        .map(|p| {
            format!(
                "{}{}×{:.2} {:?}={:.2}",
                p.term,
                if p.synonym { "(syn)" } else { "" },
                p.weight,
                p.counts,
                p.score
            )
        })
        .collect();
    format!("{key}: coverage {:.2}; {}", e.coverage, parts.join(", "))
}

#[test]
fn relevance_suite_on_the_demo_library_finds_the_expected_section_in_the_top_3() {
    let library = demo_library();
    let index = index_library(&library);
    println!(
        "demo library index: {} bytes, {} terms",
        index.to_bytes().len(),
        index.term_count()
    );
    let mut engine = Engine::new(index);
    let cases = relevance_cases();
    assert!(cases.len() >= 120, "{} labelled queries", cases.len());
    for case in &cases {
        assert!(
            KINDS.contains(&case.kind.as_str()),
            "{:?}: unknown kind {}",
            case.query,
            case.kind
        );
    }
    // Per kind: [queries, hit@1, hit@3, hit@10].
    let mut table = [[0usize; 4]; KINDS.len()];
    let mut misses = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let results = engine.search(&case.query, &Filters::default(), 10);
        let top: Vec<String> = results
            .hits
            .iter()
            .map(|h| engine.index().key(h.doc).to_string())
            .collect();
        let rank = top.iter().position(|k| *k == case.expect);
        let row = &mut table[KINDS.iter().position(|k| *k == case.kind).expect("known kind")];
        row[0] += 1;
        for (slot, n) in [(1, 1), (2, 3), (3, 10)] {
            if rank.is_some_and(|r| r < n) {
                row[slot] += 1;
            }
        }
        if rank.is_none_or(|r| r >= 3) {
            let first = top.first().map(String::as_str).unwrap_or("");
            misses.push((
                i,
                format!(
                    "{:?} [{}] → expected {} at {}, top {:?}\n    {}\n    {}",
                    case.query,
                    case.kind,
                    case.expect,
                    rank.map_or("none".to_string(), |r| (r + 1).to_string()),
                    &top[..top.len().min(3)],
                    explain(&engine, &case.query, first),
                    explain(&engine, &case.query, &case.expect),
                ),
            ));
        }
    }
    let pct = |n: usize, of: usize| n as f64 * 100.0 / of.max(1) as f64;
    let mut report = String::from("kind       n   hit@1   hit@3  hit@10\n");
    let mut all = [0usize; 4];
    for (kind, row) in KINDS.iter().zip(&table) {
        for (a, r) in all.iter_mut().zip(row) {
            *a += r;
        }
        report += &format!(
            "{kind:<9} {:>3}  {:>5.1}%  {:>5.1}%  {:>5.1}%\n",
            row[0],
            pct(row[1], row[0]),
            pct(row[2], row[0]),
            pct(row[3], row[0])
        );
    }
    report += &format!(
        "all       {:>3}  {:>5.1}%  {:>5.1}%  {:>5.1}%\n",
        all[0],
        pct(all[1], all[0]),
        pct(all[2], all[0]),
        pct(all[3], all[0])
    );
    println!(
        "relevance suite:\n{report}misses (outside the top 3), with the first hit's and the expected section's scores:\n{}",
        misses.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join("\n")
    );
    let first_round: Vec<&str> = misses
        .iter()
        .filter(|(i, _)| *i < 71)
        .map(|(_, m)| m.as_str())
        .collect();
    assert!(
        first_round.is_empty(),
        "first-round queries missed:\n{}",
        first_round.join("\n")
    );
    let hit3 = pct(all[2], all[0]) / 100.0;
    assert!(hit3 >= RELEVANCE_FLOOR, "hit@3 {hit3:.3} fell below {RELEVANCE_FLOOR}");
}

/// The keys of the first `n` hits for `query` on the demo library, and the results.
fn demo_top(engine: &mut Engine, query: &str, n: usize) -> (Vec<String>, casebook_core::search::Results) {
    let results = engine.search(query, &Filters::default(), n);
    let keys = results
        .hits
        .iter()
        .map(|h| engine.index().key(h.doc).to_string())
        .collect();
    (keys, results)
}

#[test]
fn common_words_are_matched_and_highlighted_but_do_not_decide_the_ranking() {
    let mut engine = Engine::new(index_library(&demo_library()));
    let (top, results) = demo_top(&mut engine, "someone is sellng fake followers", 3);
    assert!(top[0].starts_with("fake-engagement#"), "{top:?}");
    for term in ["someone", "is", "selling", "follower"] {
        assert!(
            results.matched_terms.contains(term),
            "{term} is highlighted: {:?}",
            results.matched_terms
        );
    }
    // A stop word typed last ("him", with no space after it) counts a fifth like any other:
    // before, the one section that says "him" (an example of glorifying an attacker) came first.
    let (top, _) = demo_top(&mut engine, "insulting someone over and over after they blocked him", 3);
    assert!(top.contains(&"targeted-harassment#not-allowed".to_string()), "{top:?}");
    assert!(!top[0].starts_with("glorification-of-violence#"), "{top:?}");
    // A query of stop words alone still finds what it says.
    let (top, _) = demo_top(&mut engine, "who is someone", 3);
    assert!(!top.is_empty());
}

#[test]
fn typos_of_short_words_and_typos_that_form_another_word_are_corrected_from_context() {
    let mut engine = Engine::new(index_library(&demo_library()));
    // "gor " (closed, so not a prefix): a three-letter word that lost a letter of "gore".
    let (_, results) = demo_top(&mut engine, "gor ", 3);
    assert!(results.matched_terms.contains("gore"), "{:?}", results.matched_terms);
    // "breach" is a real word, but with "drink" and "cure" the intended "bleach" fits better.
    let (top, results) = demo_top(&mut engine, "drink breach to cure covid", 3);
    assert!(results.matched_terms.contains("bleach"), "{:?}", results.matched_terms);
    assert!(top.iter().all(|k| k.starts_with("health-misinformation#")), "{top:?}");
    // Also a four-letter one: "test" for "text", beside "vote by … message".
    let (top, results) = demo_top(&mut engine, "post says you can vote by test message", 3);
    assert!(results.matched_terms.contains("text"), "{:?}", results.matched_terms);
    assert!(top.contains(&"election-integrity#not-allowed".to_string()), "{top:?}");
    // A stop word is taken as typed ("they" is not read as "the").
    let (_, results) = demo_top(&mut engine, "they never said", 3);
    assert!(!results.matched_terms.contains("the"), "{:?}", results.matched_terms);
    // Alone, a real word is taken as typed.
    let (_, results) = demo_top(&mut engine, "breach ", 3);
    assert!(!results.matched_terms.contains("bleach"), "{:?}", results.matched_terms);
}

#[test]
fn arabic_and_japanese_queries_prefer_their_language_and_say_when_only_another_has_the_answer() {
    let mut engine = Engine::new(index_library(&demo_library()));
    // Without the preference the English section on swatting would come first.
    let (top, results) = demo_top(&mut engine, "swatting تهديد", 3);
    assert_eq!(results.query_lang.as_deref(), Some("ar"));
    assert!(results.answered_in_query_lang);
    assert_eq!(top[0], "violent-threats#summary-ar", "{top:?}");
    let (top, results) = demo_top(&mut engine, "swatting とは", 3);
    assert_eq!(results.query_lang.as_deref(), Some("ja"));
    assert!(
        !results.answered_in_query_lang,
        "only English sections say what swatting is: {top:?}"
    );
    assert!(top[0].starts_with("violent-threats#"), "{top:?}");
    let (_, results) = demo_top(&mut engine, "swatting", 3);
    assert_eq!(results.query_lang, None);
}
