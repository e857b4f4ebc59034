//! Case-note templates for `cargo xtask bench templates`: the composer's work (opening a
//! 30-field template, re-rendering its preview after a keystroke) and the note history's
//! search over many notes, exactly as the app runs them.

use std::collections::BTreeMap;

use casebook_core::template::notes::{Note, NoteSearch, SavedNote};
use casebook_core::template::{self, FieldDef, FieldKind, Kind, Language, Template, Variant};
use wasm_bindgen::prelude::*;

const FIELDS: usize = 30;

fn kind_of(i: usize) -> FieldKind {
    match i % 10 {
        0 => FieldKind::Text,
        1 => FieldKind::Multiline,
        2 => FieldKind::Choice {
            options: vec!["low".into(), "high".into(), "critical".into()],
        },
        3 => FieldKind::Handle,
        4 => FieldKind::Url,
        5 => FieldKind::Links,
        6 => FieldKind::Date,
        7 => FieldKind::Number {
            min: Some(0),
            max: Some(1_000),
        },
        8 => FieldKind::CaseId {
            pattern: "CASE-######".into(),
        },
        _ => FieldKind::PolicyRef,
    }
}

fn value_of(i: usize) -> String {
    match i % 10 {
        0 => format!("Short answer {i}"),
        1 => format!("A longer account of what happened, line one.\nLine two for field {i}."),
        2 => "high".into(),
        3 => format!("@account_{i}"),
        4 => format!("https://social.example/post/{i}"),
        5 => format!("https://social.example/a/{i}\nhttps://social.example/b/{i}"),
        6 => "2026-11-30".into(),
        7 => format!("{}", i * 3),
        8 => format!("CASE-{:06}", 4_000 + i),
        _ => format!("violent-threats#escalation@{}", 1 + i % 3),
    }
}

/// A template with 30 fields of every type, each used in the body (some in conditionals,
/// the links in a loop), in English and Arabic.
pub fn thirty_field_template() -> Template {
    let fields: Vec<FieldDef> = (0..FIELDS)
        .map(|i| FieldDef {
            name: format!("f{i}"),
            label: format!("Field {i}"),
            kind: kind_of(i),
            required: i % 3 == 0,
            default: String::new(),
            help: String::new(),
        })
        .collect();
    let body = |word: &str| -> String {
        (0..FIELDS)
            .map(|i| match i % 10 {
                5 => format!("{word} {i}:\n{{% for l in f{i} %}}\n- {{{{ l }}}}\n{{% endfor %}}\n"),
                1 | 7 => format!("{{% if f{i} %}}{word} {i}: {{{{ f{i} }}}}{{% endif %}}\n"),
                _ => format!("{word} {i}: {{{{ f{i} }}}}\n"),
            })
            .collect()
    };
    Template {
        id: "bench-thirty".into(),
        version: 1,
        kind: Kind::Escalation,
        name: "Thirty fields".into(),
        area: "violent-speech".into(),
        default_lang: Language::En,
        fields,
        variants: BTreeMap::from([
            (
                Language::En,
                Variant {
                    name: None,
                    body: body("Field"),
                    labels: BTreeMap::new(),
                },
            ),
            (
                Language::Ar,
                Variant {
                    name: None,
                    body: body("الحقل"),
                    labels: BTreeMap::new(),
                },
            ),
        ]),
    }
}

/// The composer's work on one template.
#[wasm_bindgen]
#[derive(Debug)]
pub struct TemplateBench {
    template: Template,
    values: BTreeMap<String, String>,
    lang: Language,
    typed: usize,
}

#[wasm_bindgen]
impl TemplateBench {
    /// Opens the composer on the 30-field template: its defaults, validation and first
    /// preview, as the composer does before it can be typed in.
    #[wasm_bindgen(constructor)]
    pub fn new(arabic: bool) -> TemplateBench {
        let template = thirty_field_template();
        let mut values = template::defaults(&template);
        for i in 0..FIELDS {
            values.insert(format!("f{i}"), value_of(i));
        }
        let lang = if arabic { Language::Ar } else { Language::En };
        let _ = template::validate(&template, &values);
        let _ = template::render(&template, lang, &values);
        TemplateBench {
            template,
            values,
            lang,
            typed: 0,
        }
    }

    /// One keystroke in a free-text field: validation and the preview again. Returns the
    /// preview's length.
    pub fn keystroke(&mut self) -> usize {
        self.typed += 1;
        let field = format!("f{}", (self.typed % 3) * 10);
        if let Some(v) = self.values.get_mut(&field) {
            if v.len() > 200 {
                v.clear();
            }
            v.push(char::from(b'a' + (self.typed % 26) as u8));
        }
        let problems = template::validate(&self.template, &self.values);
        match template::render(&self.template, self.lang, &self.values) {
            Ok(r) => r.text.len() + problems.len(),
            Err(_) => 0,
        }
    }
}

/// The note history's search over `count` notes.
#[wasm_bindgen]
#[derive(Debug)]
pub struct NotesBench {
    search: NoteSearch,
}

const WORDS: [&str; 24] = [
    "removed",
    "label",
    "threat",
    "journalist",
    "spam",
    "giveaway",
    "crypto",
    "impersonation",
    "mayor",
    "evidence",
    "coordinated",
    "accounts",
    "polling",
    "station",
    "closed",
    "harassment",
    "repeated",
    "insults",
    "address",
    "phone",
    "scam",
    "wallet",
    "suspended",
    "appeal",
];
const TEMPLATES: [&str; 6] = [
    "escalation-violent-threat",
    "enforcement-scam",
    "notice-spam-suspension",
    "enforcement-impersonation",
    "notice-election-label",
    "notice-harassment-removed",
];
const POLICIES: [&str; 5] = [
    "violent-threats#escalation@1",
    "financial-scams#crypto-giveaways@1",
    "platform-manipulation-spam#not-allowed@1",
    "impersonation#not-allowed@1",
    "election-integrity#election-window@3",
];

/// `count` notes of a few sentences each, deterministic.
pub fn notes(count: usize) -> Vec<SavedNote> {
    let mut state: u64 = 0x5eed;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    (0..count)
        .map(|i| {
            let text: Vec<&str> = (0..40).map(|_| WORDS[next(WORDS.len())]).collect();
            SavedNote {
                id: format!("note{i:08}"),
                author: "Amal Agent".into(),
                pending: false,
                note: Note {
                    template: TEMPLATES[i % TEMPLATES.len()].into(),
                    version: 1 + (i % 3) as u32,
                    lang: Language::En,
                    values: BTreeMap::new(),
                    policy_refs: vec![POLICIES[i % POLICIES.len()].into()],
                    case_id: Some(format!("CASE-{:06}", i * 7 % 1_000_000)),
                    text: format!("CASE-{:06}: {}.", i * 7 % 1_000_000, text.join(" ")),
                    at_ms: 1_800_000_000_000 + i as u64,
                    kept_personal_data: Vec::new(),
                    amends: None,
                    sweep_item: None,
                },
            }
        })
        .collect()
}

#[wasm_bindgen]
impl NotesBench {
    /// Builds the history's search over `count` notes, as the history does when it opens.
    #[wasm_bindgen(constructor)]
    pub fn new(count: usize) -> NotesBench {
        NotesBench {
            search: NoteSearch::new(&notes(count)),
        }
    }

    /// How many notes match `query`.
    pub fn search(&self, query: &str) -> usize {
        self.search.search(query).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bench_template_is_valid_and_renders_in_both_languages() {
        let t = thirty_field_template();
        assert_eq!(t.check(), Ok(()));
        let mut en = TemplateBench::new(false);
        let mut ar = TemplateBench::new(true);
        assert!(en.keystroke() > 1_000);
        assert!(ar.keystroke() > 1_000);
        let history = NotesBench::new(1_000);
        assert!(history.search("case-0") > 0);
        assert_eq!(history.search("journalist zzzz"), 0);
    }
}
