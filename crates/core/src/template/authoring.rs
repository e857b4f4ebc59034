//! Writing a template in the app's form: a draft [`Template`] changed one [`Edit`] at a
//! time, and [`finished`] for what publishing it would store. The form never builds field
//! shapes itself; [`Template::check`] says what is still wrong.

use super::{FieldDef, FieldKind, Kind, Language, MAX_FIELDS, Template, Variant};

/// Every field type's code, in the order the form lists them.
pub const TYPE_CODES: [&str; 10] = [
    "text",
    "multiline",
    "choice",
    "handle",
    "url",
    "links",
    "date",
    "number",
    "case_id",
    "policy_ref",
];

/// One change made in the form. Field edits name the field by its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Id(String),
    Name(String),
    Kind(Kind),
    Area(String),
    DefaultLang(Language),
    AddField,
    RemoveField(usize),
    /// Moves a field one place up.
    MoveFieldUp(usize),
    FieldName(usize, String),
    FieldLabel(usize, String),
    /// A type code of [`TYPE_CODES`]; what the old type had that the new one takes is kept.
    FieldType(usize, String),
    FieldRequired(usize, bool),
    FieldDefault(usize, String),
    FieldHelp(usize, String),
    /// A choice field's options, one per line.
    FieldOptions(usize, String),
    FieldPattern(usize, String),
    /// A number's minimum or maximum; empty for none, and text that is no number is ignored.
    FieldMin(usize, String),
    FieldMax(usize, String),
    VariantName(Language, String),
    /// A field's label in one language (by field name); empty for the default language's.
    VariantLabel(Language, String, String),
    Body(Language, String),
}

/// A new template's first draft: a notice in `lang` with no fields.
pub fn blank(lang: Language) -> Template {
    Template {
        id: String::new(),
        version: 1,
        kind: Kind::Notice,
        name: String::new(),
        area: String::new(),
        default_lang: lang,
        fields: Vec::new(),
        variants: [(
            lang,
            Variant {
                name: None,
                body: String::new(),
                labels: Default::default(),
            },
        )]
        .into(),
    }
}

/// The field type for `code`, keeping what `old` had that it takes.
pub fn kind_of_code(code: &str, old: &FieldKind) -> Option<FieldKind> {
    Some(match code {
        "text" => FieldKind::Text,
        "multiline" => FieldKind::Multiline,
        "choice" => FieldKind::Choice {
            options: match old {
                FieldKind::Choice { options } => options.clone(),
                _ => Vec::new(),
            },
        },
        "handle" => FieldKind::Handle,
        "url" => FieldKind::Url,
        "links" => FieldKind::Links,
        "date" => FieldKind::Date,
        "number" => match old {
            FieldKind::Number { .. } => old.clone(),
            _ => FieldKind::Number { min: None, max: None },
        },
        "case_id" => FieldKind::CaseId {
            pattern: match old {
                FieldKind::CaseId { pattern } => pattern.clone(),
                _ => String::new(),
            },
        },
        "policy_ref" => FieldKind::PolicyRef,
        _ => return None,
    })
}

/// A choice field's options as the form shows them, one per line.
pub fn options_text(kind: &FieldKind) -> String {
    match kind {
        FieldKind::Choice { options } => options.join("\n"),
        _ => String::new(),
    }
}

fn variant_mut(t: &mut Template, lang: Language) -> &mut Variant {
    t.variants.entry(lang).or_insert_with(|| Variant {
        name: None,
        body: String::new(),
        labels: Default::default(),
    })
}

/// Applies one edit; an edit naming a field that is not there does nothing.
pub fn apply(t: &mut Template, edit: Edit) {
    match edit {
        Edit::Id(id) => t.id = id,
        Edit::Name(name) => t.name = name,
        Edit::Kind(kind) => t.kind = kind,
        Edit::Area(area) => t.area = area,
        Edit::DefaultLang(lang) => {
            variant_mut(t, lang);
            t.default_lang = lang;
        }
        Edit::AddField if t.fields.len() < MAX_FIELDS => {
            let n = (1..=MAX_FIELDS + 1)
                .find(|n| t.field(&format!("field_{n}")).is_none())
                .unwrap_or(MAX_FIELDS + 1);
            t.fields.push(FieldDef {
                name: format!("field_{n}"),
                label: format!("Field {n}"),
                kind: FieldKind::Text,
                required: false,
                default: String::new(),
                help: String::new(),
            });
        }
        Edit::AddField => {}
        Edit::RemoveField(i) if i < t.fields.len() => {
            t.fields.remove(i);
        }
        Edit::MoveFieldUp(i) if i > 0 && i < t.fields.len() => t.fields.swap(i - 1, i),
        Edit::RemoveField(_) | Edit::MoveFieldUp(_) => {}
        Edit::FieldName(i, name) => {
            if let Some(f) = t.fields.get_mut(i) {
                let old = std::mem::replace(&mut f.name, name.clone());
                // Translated labels follow the field to its new name.
                for v in t.variants.values_mut() {
                    if let Some(label) = v.labels.remove(&old) {
                        v.labels.insert(name.clone(), label);
                    }
                }
            }
        }
        Edit::FieldLabel(i, label) => {
            if let Some(f) = t.fields.get_mut(i) {
                f.label = label;
            }
        }
        Edit::FieldType(i, code) => {
            if let Some(f) = t.fields.get_mut(i)
                && let Some(kind) = kind_of_code(&code, &f.kind)
            {
                f.kind = kind;
            }
        }
        Edit::FieldRequired(i, required) => {
            if let Some(f) = t.fields.get_mut(i) {
                f.required = required;
            }
        }
        Edit::FieldDefault(i, value) => {
            if let Some(f) = t.fields.get_mut(i) {
                f.default = value;
            }
        }
        Edit::FieldHelp(i, help) => {
            if let Some(f) = t.fields.get_mut(i) {
                f.help = help;
            }
        }
        Edit::FieldOptions(i, text) => {
            if let Some(f) = t.fields.get_mut(i)
                && let FieldKind::Choice { options } = &mut f.kind
            {
                *options = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect();
            }
        }
        Edit::FieldPattern(i, text) => {
            if let Some(f) = t.fields.get_mut(i)
                && let FieldKind::CaseId { pattern } = &mut f.kind
            {
                *pattern = text;
            }
        }
        Edit::FieldMin(i, text) => set_bound(t, i, &text, true),
        Edit::FieldMax(i, text) => set_bound(t, i, &text, false),
        Edit::VariantName(lang, name) => {
            let v = variant_mut(t, lang);
            v.name = (!name.trim().is_empty()).then_some(name);
        }
        Edit::VariantLabel(lang, field, label) => {
            if t.field(&field).is_some() {
                let v = variant_mut(t, lang);
                if label.trim().is_empty() {
                    v.labels.remove(&field);
                } else {
                    v.labels.insert(field, label);
                }
            }
        }
        Edit::Body(lang, body) => variant_mut(t, lang).body = body,
    }
}

/// Sets a number field's minimum (or maximum): none for empty text; text that is not a whole
/// number changes nothing.
fn set_bound(t: &mut Template, i: usize, text: &str, is_min: bool) {
    let value = match text.trim() {
        "" => None,
        n => match n.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => return,
        },
    };
    if let Some(FieldDef {
        kind: FieldKind::Number { min, max },
        ..
    }) = t.fields.get_mut(i)
    {
        *(if is_min { min } else { max }) = value;
    }
}

/// What publishing the draft as `version` stores: labels of fields no longer there dropped,
/// and languages other than the default with no body left out.
pub fn finished(draft: &Template, version: u32) -> Template {
    let mut t = draft.clone();
    t.version = version;
    t.id = t.id.trim().to_string();
    let default = t.default_lang;
    t.variants
        .retain(|lang, v| *lang == default || !v.body.trim().is_empty());
    t.prune_labels();
    t
}
