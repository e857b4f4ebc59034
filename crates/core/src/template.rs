//! Case-note templates: typed fields, language variants and a sandboxed body, rendered to
//! plain text. Pure: no IO, no clock.
//!
//! - A [`Template`] is one published version: its id, version number, [`Kind`], name,
//!   policy area, default language, [`FieldDef`]s and one [`Variant`] (body) per language.
//!   Every length and count is bounded (`MAX_*`), and [`Template::check`] refuses a body
//!   with a syntax error, an unknown placeholder (with its line and column), a tag other
//!   than `if`/`for`, or blocks nested deeper than [`MAX_NESTING`].
//! - The body is rendered by minijinja (no built-in filters, no includes, no macros, a fuel
//!   budget), with no escaping: output is plain text. A value is only ever data: template
//!   syntax or HTML inside it comes out as typed.
//! - [`validate`] checks the values a person typed, field by field ([`FieldProblem`]).
//! - [`render`] picks the variant for a language, falling back to the default language; in a
//!   right-to-left language, handles, URLs, case ids and policy references are wrapped in
//!   Unicode isolates (FSI … PDI), so they read correctly wherever the note is pasted.
//!
//! The personal-data check is in [`pii`]; notes and the write path in [`notes`].

pub mod authoring;
pub mod history;
#[cfg(feature = "import")]
pub mod import;
pub mod notes;
pub mod pii;

use std::collections::{BTreeMap, BTreeSet};

use minijinja::value::Value as JValue;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::{Deserialize, Serialize};

pub const MAX_FIELDS: usize = 40;
/// A body's length in one language (a whole version is stored as one sync value, at most
/// [`crate::sync::MAX_VALUE_BYTES`]).
pub const MAX_BODY_CHARS: usize = 2_000;
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_AREA_CHARS: usize = 60;
pub const MAX_LABEL_CHARS: usize = 120;
pub const MAX_HELP_CHARS: usize = 300;
pub const MAX_OPTIONS: usize = 30;
pub const MAX_OPTION_CHARS: usize = 80;
pub const MAX_PATTERN_CHARS: usize = 40;
/// Most `if`/`for` blocks open inside one another.
pub const MAX_NESTING: usize = 8;
/// The longest text a note may render to.
pub const MAX_RENDERED_CHARS: usize = 5_000;
/// Most links one `links` field holds (one per line).
pub const MAX_LINKS: usize = 20;
/// The template engine's instruction budget for one render.
const FUEL: u64 = 200_000;

/// First Strong Isolate and Pop Directional Isolate.
pub const FSI: char = '\u{2068}';
pub const PDI: char = '\u{2069}';

/// The languages a template may have a variant in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Es,
    Ar,
    Ja,
}

impl Language {
    pub const ALL: [Language; 4] = [Language::En, Language::Es, Language::Ar, Language::Ja];

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::Ar => "ar",
            Language::Ja => "ja",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's own name, the same in every interface language.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Es => "Español",
            Language::Ar => "العربية",
            Language::Ja => "日本語",
        }
    }

    /// The language's name in English, so "arabic" finds Arabic templates.
    pub fn english_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Es => "Spanish",
            Language::Ar => "Arabic",
            Language::Ja => "Japanese",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Language::Ar
    }
}

/// What a template is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Sent to the user.
    Notice,
    /// An internal note on an enforcement decision.
    Enforcement,
    /// Hands a case up, with severity, jurisdiction, summary, evidence and policies.
    Escalation,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Notice, Kind::Enforcement, Kind::Escalation];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Notice => "notice",
            Kind::Enforcement => "enforcement",
            Kind::Escalation => "escalation",
        }
    }
}

/// A field's type, with what the type needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of free text.
    Text,
    /// Several lines of free text.
    Multiline,
    /// One of a fixed list.
    Choice { options: Vec<String> },
    /// An account handle (`@name`, `name.example.social`, `@name@server`).
    Handle,
    /// One `http(s)` URL.
    Url,
    /// `http(s)` URLs, one per line; the body sees a list.
    Links,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A whole number, optionally bounded.
    Number {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<i64>,
    },
    /// A case id matching `pattern`: `#` a digit, `A` a capital letter, anything else itself.
    CaseId { pattern: String },
    /// A policy section at a version: `slug#anchor@version`.
    PolicyRef,
}

impl FieldKind {
    pub fn code(&self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Multiline => "multiline",
            FieldKind::Choice { .. } => "choice",
            FieldKind::Handle => "handle",
            FieldKind::Url => "url",
            FieldKind::Links => "links",
            FieldKind::Date => "date",
            FieldKind::Number { .. } => "number",
            FieldKind::CaseId { .. } => "case_id",
            FieldKind::PolicyRef => "policy_ref",
        }
    }

    /// The most characters a value of this type may have.
    pub fn max_chars(&self) -> usize {
        match self {
            FieldKind::Text => 300,
            FieldKind::Multiline => 2_000,
            FieldKind::Choice { .. } => MAX_OPTION_CHARS,
            FieldKind::Handle => 100,
            FieldKind::Url => 2_048,
            FieldKind::Links => 4_000,
            FieldKind::Date => 10,
            FieldKind::Number { .. } => 20,
            FieldKind::CaseId { .. } => 64,
            FieldKind::PolicyRef => 200,
        }
    }

    /// Free text, where personal data may hide.
    pub fn is_free_text(&self) -> bool {
        matches!(self, FieldKind::Text | FieldKind::Multiline)
    }

    /// Left-to-right tokens that need isolating inside right-to-left text.
    fn isolated(&self) -> bool {
        matches!(
            self,
            FieldKind::Handle | FieldKind::Url | FieldKind::Links | FieldKind::CaseId { .. } | FieldKind::PolicyRef
        )
    }
}

/// One field of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDef {
    /// The placeholder name: a lowercase letter, then lowercase letters, digits and `_`.
    pub name: String,
    /// The label in the template's default language.
    pub label: String,
    #[serde(flatten)]
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub default: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
}

/// A template's text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// The template's name in this language (the default language's name when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub body: String,
    /// Field labels in this language, by field name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
}

/// One published version of a template. Published versions never change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub id: String,
    pub version: u32,
    pub kind: Kind,
    pub name: String,
    /// The policy area it serves (a policy area id, e.g. `fraud-scams`).
    pub area: String,
    pub default_lang: Language,
    pub fields: Vec<FieldDef>,
    pub variants: BTreeMap<Language, Variant>,
}

/// Where in a body something is, 1-based; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `source`.
    pub fn at(source: &str, offset: usize) -> Position {
        let before = &source[..floor_char_boundary(source, offset)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Position { line, column }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What is wrong with a template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("{what} {problem}")]
    Invalid { what: String, problem: String },
    #[error("{lang} body, line {}, column {}: {message}", at.line, at.column, lang = lang.code())]
    Body {
        lang: Language,
        at: Position,
        message: String,
    },
}

impl TemplateError {
    fn invalid(what: impl Into<String>, problem: impl Into<String>) -> TemplateError {
        TemplateError::Invalid {
            what: what.into(),
            problem: problem.into(),
        }
    }
}

/// A template id: 3 to 60 lowercase letters, digits and single hyphens.
pub fn valid_template_id(id: &str) -> bool {
    (3..=60).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

fn valid_field_name(name: &str) -> bool {
    (1..=40).contains(&name.len())
        && name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && name != "loop"
}

fn push(errors: &mut Vec<TemplateError>, r: Result<(), TemplateError>) {
    if let Err(e) = r {
        errors.push(e);
    }
}

fn bounded(what: &str, value: &str, max: usize, required: bool) -> Result<(), TemplateError> {
    if required && value.trim().is_empty() {
        return Err(TemplateError::invalid(what, "must not be empty"));
    }
    if value.chars().count() > max {
        return Err(TemplateError::invalid(what, format!("may be at most {max} characters")));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') || value.chars().any(is_bidi_control) {
        return Err(TemplateError::invalid(what, "contains control characters"));
    }
    Ok(())
}

/// Direction embeddings, overrides and isolates: never accepted from a person, so a value
/// cannot reorder the text around it.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl Template {
    /// The variant for `lang`, or the default language's.
    pub fn variant(&self, lang: Language) -> Option<(Language, &Variant)> {
        self.variants
            .get(&lang)
            .map(|v| (lang, v))
            .or_else(|| self.variants.get(&self.default_lang).map(|v| (self.default_lang, v)))
    }

    /// The template's name in `lang`.
    pub fn name_in(&self, lang: Language) -> &str {
        self.variants
            .get(&lang)
            .and_then(|v| v.name.as_deref())
            .unwrap_or(&self.name)
    }

    /// A field's label in `lang`.
    pub fn label_in<'a>(&'a self, field: &'a FieldDef, lang: Language) -> &'a str {
        self.variants
            .get(&lang)
            .and_then(|v| v.labels.get(&field.name))
            .map_or(field.label.as_str(), String::as_str)
    }

    pub fn field(&self, name: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// `id@version`, as a note records it.
    pub fn reference(&self) -> String {
        format!("{}@{}", self.id, self.version)
    }

    /// Checks every bound and every body; all problems, in order.
    pub fn check(&self) -> Result<(), Vec<TemplateError>> {
        let mut errors = Vec::new();
        if !valid_template_id(&self.id) {
            push(
                &mut errors,
                Err(TemplateError::invalid(
                    "the id",
                    "must be 3 to 60 lowercase letters, digits and single hyphens",
                )),
            );
        }
        if self.version == 0 {
            push(
                &mut errors,
                Err(TemplateError::invalid("the version", "must be 1 or more")),
            );
        }
        push(&mut errors, bounded("the name", &self.name, MAX_NAME_CHARS, true));
        push(
            &mut errors,
            bounded("the policy area", &self.area, MAX_AREA_CHARS, true),
        );
        if self.fields.len() > MAX_FIELDS {
            push(
                &mut errors,
                Err(TemplateError::invalid(
                    "the field list",
                    format!("may hold at most {MAX_FIELDS} fields"),
                )),
            );
        }
        let mut names = BTreeSet::new();
        for field in self.fields.iter().take(MAX_FIELDS) {
            let what = format!("field {:?}", field.name.chars().take(40).collect::<String>());
            if !valid_field_name(&field.name) {
                push(
                    &mut errors,
                    Err(TemplateError::invalid(
                        &what,
                        "needs a name of lowercase letters, digits and _ starting with a letter",
                    )),
                );
            }
            if !names.insert(field.name.as_str()) {
                push(&mut errors, Err(TemplateError::invalid(&what, "is defined twice")));
            }
            push(
                &mut errors,
                bounded(&format!("{what}'s label"), &field.label, MAX_LABEL_CHARS, true),
            );
            push(
                &mut errors,
                bounded(&format!("{what}'s help"), &field.help, MAX_HELP_CHARS, false),
            );
            match &field.kind {
                FieldKind::Choice { options } => {
                    if options.is_empty() || options.len() > MAX_OPTIONS {
                        push(
                            &mut errors,
                            Err(TemplateError::invalid(
                                &what,
                                format!("needs 1 to {MAX_OPTIONS} choices"),
                            )),
                        );
                    }
                    for o in options.iter().take(MAX_OPTIONS) {
                        push(
                            &mut errors,
                            bounded(&format!("a choice of {what}"), o, MAX_OPTION_CHARS, true),
                        );
                    }
                    if options.iter().collect::<BTreeSet<_>>().len() != options.len() {
                        push(&mut errors, Err(TemplateError::invalid(&what, "lists a choice twice")));
                    }
                }
                FieldKind::CaseId { pattern }
                    if pattern.is_empty() || pattern.chars().count() > MAX_PATTERN_CHARS || !pattern.is_ascii() =>
                {
                    push(
                        &mut errors,
                        Err(TemplateError::invalid(
                            &what,
                            format!("needs a pattern of 1 to {MAX_PATTERN_CHARS} ASCII characters"),
                        )),
                    );
                }
                FieldKind::Number {
                    min: Some(min),
                    max: Some(max),
                } if min > max => push(
                    &mut errors,
                    Err(TemplateError::invalid(&what, "has a minimum above its maximum")),
                ),
                _ => {}
            }
            if !field.default.is_empty()
                && let Some(problem) = check_value(field, &field.default)
            {
                push(
                    &mut errors,
                    Err(TemplateError::invalid(format!("{what}'s default"), problem.to_string())),
                );
            }
        }
        if !self.variants.contains_key(&self.default_lang) {
            push(
                &mut errors,
                Err(TemplateError::invalid(
                    "the template",
                    format!("has no body in its default language ({})", self.default_lang.code()),
                )),
            );
        }
        for (lang, variant) in &self.variants {
            if let Some(name) = &variant.name {
                push(
                    &mut errors,
                    bounded(&format!("the {} name", lang.code()), name, MAX_NAME_CHARS, true),
                );
            }
            for (field, label) in &variant.labels {
                if self.field(field).is_none() {
                    push(
                        &mut errors,
                        Err(TemplateError::invalid(
                            format!("the {} labels", lang.code()),
                            format!("name a field that does not exist ({field:?})"),
                        )),
                    );
                }
                push(
                    &mut errors,
                    bounded(
                        &format!("the {} label of {field:?}", lang.code()),
                        label,
                        MAX_LABEL_CHARS,
                        true,
                    ),
                );
            }
            push(&mut errors, check_body(*lang, &variant.body, &self.fields));
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// The engine every body is compiled by: no filters, tests or functions beyond the core
/// syntax, strict about undefined names, no escaping, a fuel budget.
fn environment() -> Environment<'static> {
    let mut env = Environment::empty();
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(50);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env
}

/// The tags a body may use.
const TAGS: [&str; 6] = ["if", "elif", "else", "endif", "for", "endfor"];

/// A body's `{% … %}` and `{{ … }}` regions: (start byte, inner text, is a block tag).
fn tags(body: &str) -> Vec<(usize, &str, bool)> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(found) = body[rest..].find('{') {
        let start = rest + found;
        let (close, block) = match body[start + 1..].chars().next() {
            Some('%') => ("%}", true),
            Some('{') => ("}}", false),
            Some('#') => ("#}", false),
            _ => {
                rest = start + 1;
                continue;
            }
        };
        let Some(len) = body[start + 2..].find(close) else {
            break;
        };
        let inner = &body[start + 2..start + 2 + len];
        if !body[start + 1..].starts_with('#') {
            out.push((start, inner, block));
        }
        rest = start + 2 + len + 2;
    }
    out
}

/// Checks one body: bounded, only `if` and `for`, nested at most [`MAX_NESTING`], no syntax
/// error, and no placeholder that is not a field.
fn check_body(lang: Language, body: &str, fields: &[FieldDef]) -> Result<(), TemplateError> {
    let err = |offset: usize, message: String| TemplateError::Body {
        lang,
        at: Position::at(body, offset),
        message,
    };
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(err(0, format!("the body may be at most {MAX_BODY_CHARS} characters")));
    }
    if let Some((i, _)) = body
        .char_indices()
        .find(|(_, c)| (c.is_control() && *c != '\n' && *c != '\t') || is_bidi_control(*c))
    {
        return Err(err(i, "control characters are not allowed".into()));
    }
    let mut depth = 0usize;
    for (start, inner, block) in tags(body) {
        if !block {
            continue;
        }
        let word = inner
            .trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace())
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .next()
            .unwrap_or("");
        if !TAGS.contains(&word) {
            return Err(err(
                start,
                format!("only if, elif, else and for blocks are allowed, not {word:?}"),
            ));
        }
        match word {
            "if" | "for" => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(err(start, format!("blocks may nest at most {MAX_NESTING} deep")));
                }
            }
            "endif" | "endfor" => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let env = environment();
    let prepared = Prepared::new(body);
    let template = env
        .template_from_str(&prepared.source)
        .map_err(|e| engine_error(lang, &prepared, &e))?;
    let known: BTreeSet<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let mut unknown: Vec<String> = template
        .undeclared_variables(false)
        .into_iter()
        .filter(|name| !known.contains(name.as_str()))
        .collect();
    unknown.sort();
    if let Some(name) = unknown.first() {
        let offset = first_use(body, name).unwrap_or(0);
        return Err(err(
            offset,
            format!("unknown placeholder {name:?}: no field has that name"),
        ));
    }
    // A trial render with every field filled catches what only shows at run time (an
    // unknown filter, a test the sandbox does not offer).
    let sample: BTreeMap<String, String> = fields.iter().map(|f| (f.name.clone(), sample_value(&f.kind))).collect();
    template
        .render(context(fields, &sample, lang))
        .map_err(|e| engine_error(lang, &prepared, &e))?;
    Ok(())
}

/// Where `name` is first used inside a tag of `body`.
fn first_use(body: &str, name: &str) -> Option<usize> {
    tags(body).into_iter().find_map(|(start, inner, _)| {
        let mut from = 0;
        while let Some(i) = inner[from..].find(name) {
            let at = from + i;
            let before = inner[..at].chars().next_back();
            let after = inner[at + name.len()..].chars().next();
            let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
            if !ident(before) && !after.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                return Some(start + 2 + at);
            }
            from = at + name.len();
        }
        None
    })
}

/// A body as the engine compiles it: a block tag that ends a line holding text keeps the
/// line's newline (`+%}`), so `Hello{% if x %} {{ x }}{% endif %}` stays one line of its own
/// while a line holding only block tags disappears. `inserted` maps offsets back.
struct Prepared<'a> {
    body: &'a str,
    source: String,
    /// Offsets in `source` where a `+` was inserted, ascending.
    inserted: Vec<usize>,
}

impl<'a> Prepared<'a> {
    fn new(body: &'a str) -> Prepared<'a> {
        let mut source = String::with_capacity(body.len() + 16);
        let mut inserted = Vec::new();
        for line in body.split_inclusive('\n') {
            let (text, newline) = match line.strip_suffix('\n') {
                Some(text) => (text, "\n"),
                None => (line, ""),
            };
            let trimmed = text.trim_end_matches([' ', '\t', '\r']);
            let mut rest_only_tags = String::new();
            let mut last_end = 0;
            for (start, inner, block) in tags(text) {
                rest_only_tags.push_str(&text[last_end..start]);
                last_end = start + 2 + inner.len() + 2;
                if !block {
                    // A placeholder is text.
                    rest_only_tags.push('x');
                }
            }
            rest_only_tags.push_str(&text[last_end.min(text.len())..]);
            let only_tags = rest_only_tags.trim().is_empty();
            let ends_with_block = trimmed.ends_with("%}") && !trimmed.ends_with("-%}") && !trimmed.ends_with("+%}");
            if !newline.is_empty() && !only_tags && ends_with_block && tags(text).last().is_some_and(|t| t.2) {
                let at = source.len() + trimmed.len() - 2;
                source.push_str(&trimmed[..trimmed.len() - 2]);
                source.push_str("+%}");
                source.push_str(&text[trimmed.len()..]);
                inserted.push(at);
            } else {
                source.push_str(text);
            }
            source.push_str(newline);
        }
        Prepared { body, source, inserted }
    }

    /// The offset in the body of `offset` in the source.
    fn original(&self, offset: usize) -> usize {
        offset - self.inserted.iter().take_while(|at| **at < offset).count()
    }
}

fn engine_error(lang: Language, prepared: &Prepared<'_>, e: &minijinja::Error) -> TemplateError {
    let body = prepared.body;
    let at = match (e.range(), e.line()) {
        (Some(range), _) => Position::at(body, prepared.original(range.start)),
        (None, Some(line)) => Position { line, column: 1 },
        (None, None) => Position { line: 1, column: 1 },
    };
    let message = match e.kind() {
        minijinja::ErrorKind::OutOfFuel => "the template does too much work to render".to_string(),
        _ => e.detail().map_or_else(|| e.kind().to_string(), str::to_string),
    };
    TemplateError::Body { lang, at, message }
}

fn sample_value(kind: &FieldKind) -> String {
    match kind {
        FieldKind::Choice { options } => options.first().cloned().unwrap_or_default(),
        FieldKind::Number { min, .. } => min.unwrap_or(1).to_string(),
        FieldKind::Links => "https://example.test/a\nhttps://example.test/b".into(),
        FieldKind::Url => "https://example.test/a".into(),
        FieldKind::Date => "2026-01-31".into(),
        FieldKind::PolicyRef => "policy#section@1".into(),
        _ => "x".into(),
    }
}

/// Wraps a left-to-right token in isolates when the text around it is right to left.
fn isolate(value: &str, rtl: bool) -> String {
    if rtl && !value.is_empty() {
        format!("{FSI}{value}{PDI}")
    } else {
        value.to_string()
    }
}

/// The links of a `links` value: its non-empty lines, trimmed.
pub fn links(value: &str) -> Vec<&str> {
    value.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// The values as the body sees them: text as typed (trimmed at the ends), links as a list,
/// numbers as numbers, isolated where the language is right to left.
fn context(fields: &[FieldDef], values: &BTreeMap<String, String>, lang: Language) -> JValue {
    let rtl = lang.is_rtl();
    let mut map: BTreeMap<String, JValue> = BTreeMap::new();
    for field in fields {
        let raw = values.get(&field.name).map_or(field.default.as_str(), String::as_str);
        let raw = if field.kind == FieldKind::Multiline {
            raw.trim_end()
        } else {
            raw.trim()
        };
        let value = match &field.kind {
            FieldKind::Links => JValue::from(links(raw).into_iter().map(|l| isolate(l, rtl)).collect::<Vec<_>>()),
            FieldKind::Number { .. } => raw.parse::<i64>().map_or_else(|_| JValue::from(raw), JValue::from),
            kind if kind.isolated() => JValue::from(isolate(raw, rtl)),
            _ => JValue::from(raw),
        };
        map.insert(field.name.clone(), value);
    }
    JValue::from(map)
}

/// A rendered note text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The language of the variant used (the default language when `lang` had none).
    pub lang: Language,
    pub text: String,
    pub rtl: bool,
}

/// Renders `template` in `lang` (or its default language) with `values`. Values are data:
/// whatever they contain is copied into the text as it is.
pub fn render(
    template: &Template,
    lang: Language,
    values: &BTreeMap<String, String>,
) -> Result<Rendered, TemplateError> {
    let (used, variant) = template
        .variant(lang)
        .ok_or_else(|| TemplateError::invalid("the template", "has no body in its default language"))?;
    if variant.body.chars().count() > MAX_BODY_CHARS {
        return Err(TemplateError::invalid(
            "the body",
            format!("may be at most {MAX_BODY_CHARS} characters"),
        ));
    }
    let env = environment();
    let prepared = Prepared::new(&variant.body);
    let compiled = env
        .template_from_str(&prepared.source)
        .map_err(|e| engine_error(used, &prepared, &e))?;
    let text = compiled
        .render(context(&template.fields, values, used))
        .map_err(|e| engine_error(used, &prepared, &e))?;
    if text.chars().count() > MAX_RENDERED_CHARS {
        return Err(TemplateError::invalid(
            "the note",
            format!("may be at most {MAX_RENDERED_CHARS} characters"),
        ));
    }
    Ok(Rendered {
        lang: used,
        text,
        rtl: used.is_rtl(),
    })
}

/// What is wrong with one value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldProblem {
    #[error("is required")]
    Required,
    #[error("may be at most {0} characters")]
    TooLong(usize),
    #[error("contains control characters")]
    Control,
    #[error("is not one of the choices")]
    NotAChoice,
    #[error("is not an account handle")]
    BadHandle,
    #[error("is not an http(s) link")]
    BadUrl,
    #[error("holds more than {MAX_LINKS} links")]
    TooManyLinks,
    #[error("is not a date (YYYY-MM-DD)")]
    BadDate,
    #[error("is not a whole number")]
    NotANumber,
    #[error("must be at least {0}")]
    BelowMin(i64),
    #[error("must be at most {0}")]
    AboveMax(i64),
    #[error("does not match {0}")]
    Pattern(String),
    #[error("is not a policy section (policy#section@version)")]
    BadPolicyRef,
}

impl FieldProblem {
    /// A stable code, for message catalogues.
    pub fn code(&self) -> &'static str {
        match self {
            FieldProblem::Required => "required",
            FieldProblem::TooLong(_) => "too-long",
            FieldProblem::Control => "control",
            FieldProblem::NotAChoice => "not-a-choice",
            FieldProblem::BadHandle => "bad-handle",
            FieldProblem::BadUrl => "bad-url",
            FieldProblem::TooManyLinks => "too-many-links",
            FieldProblem::BadDate => "bad-date",
            FieldProblem::NotANumber => "not-a-number",
            FieldProblem::BelowMin(_) => "below-min",
            FieldProblem::AboveMax(_) => "above-max",
            FieldProblem::Pattern(_) => "pattern",
            FieldProblem::BadPolicyRef => "bad-policy-ref",
        }
    }
}

fn valid_handle(v: &str) -> bool {
    let body = v.strip_prefix('@').unwrap_or(v);
    !body.is_empty()
        && body.chars().any(|c| c.is_alphanumeric())
        && body
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'))
        && !body.starts_with('@')
}

fn valid_url(v: &str) -> bool {
    let Some(rest) = v.strip_prefix("https://").or_else(|| v.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        && !v.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `value` matches a case id pattern: `#` a digit, `A` a capital letter, anything
/// else itself.
pub fn matches_pattern(pattern: &str, value: &str) -> bool {
    pattern.chars().count() == value.chars().count()
        && pattern.chars().zip(value.chars()).all(|(p, c)| match p {
            '#' => c.is_ascii_digit(),
            'A' => c.is_ascii_uppercase(),
            p => p == c,
        })
}

/// A policy section reference: `slug#anchor@version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyRef<'a> {
    pub policy: &'a str,
    pub section: &'a str,
    pub version: u32,
}

pub fn parse_policy_ref(v: &str) -> Option<PolicyRef<'_>> {
    let (rest, version) = v.rsplit_once('@')?;
    let (policy, section) = rest.split_once('#')?;
    let version: u32 = version.parse().ok().filter(|n| *n > 0)?;
    let kebab = |s: &str| crate::policy::Slug::new(s).is_ok();
    (kebab(policy) && kebab(section)).then_some(PolicyRef {
        policy,
        section,
        version,
    })
}

/// What is wrong with `value` for `field`, if anything (an empty value is fine here: see
/// [`validate`] for required fields).
pub fn check_value(field: &FieldDef, value: &str) -> Option<FieldProblem> {
    let max = field.kind.max_chars();
    if value.chars().count() > max {
        return Some(FieldProblem::TooLong(max));
    }
    let multiline = matches!(field.kind, FieldKind::Multiline | FieldKind::Links);
    if value
        .chars()
        .any(|c| (c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'))) || is_bidi_control(c))
    {
        return Some(FieldProblem::Control);
    }
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match &field.kind {
        FieldKind::Text | FieldKind::Multiline => None,
        FieldKind::Choice { options } => (!options.iter().any(|o| o == v)).then_some(FieldProblem::NotAChoice),
        FieldKind::Handle => (!valid_handle(v)).then_some(FieldProblem::BadHandle),
        FieldKind::Url => (!valid_url(v)).then_some(FieldProblem::BadUrl),
        FieldKind::Links => {
            let all = links(v);
            if all.len() > MAX_LINKS {
                Some(FieldProblem::TooManyLinks)
            } else {
                all.iter().any(|l| !valid_url(l)).then_some(FieldProblem::BadUrl)
            }
        }
        FieldKind::Date => crate::policy::IsoDate::new(v).is_err().then_some(FieldProblem::BadDate),
        FieldKind::Number { min, max } => match v.parse::<i64>() {
            Err(_) => Some(FieldProblem::NotANumber),
            Ok(n) if min.is_some_and(|m| n < m) => min.map(FieldProblem::BelowMin),
            Ok(n) if max.is_some_and(|m| n > m) => max.map(FieldProblem::AboveMax),
            Ok(_) => None,
        },
        FieldKind::CaseId { pattern } => (!matches_pattern(pattern, v)).then(|| FieldProblem::Pattern(pattern.clone())),
        FieldKind::PolicyRef => parse_policy_ref(v).is_none().then_some(FieldProblem::BadPolicyRef),
    }
}

/// Every field's problem, in field order: a required field left empty, a value of the wrong
/// shape, a value past its type's length.
pub fn validate(template: &Template, values: &BTreeMap<String, String>) -> Vec<(String, FieldProblem)> {
    template
        .fields
        .iter()
        .filter_map(|field| {
            let value = values.get(&field.name).map_or(field.default.as_str(), String::as_str);
            if field.required && value.trim().is_empty() {
                return Some((field.name.clone(), FieldProblem::Required));
            }
            check_value(field, value).map(|p| (field.name.clone(), p))
        })
        .collect()
}

/// The values a composer starts with: every field's default.
pub fn defaults(template: &Template) -> BTreeMap<String, String> {
    template
        .fields
        .iter()
        .map(|f| (f.name.clone(), f.default.clone()))
        .collect()
}

/// The values an author's preview renders with: each field's default, or else a value of its
/// type (the first choice, a sample link, date or number) or, for text, the field's name in
/// brackets, so every placeholder shows where it lands.
pub fn preview_values(fields: &[FieldDef]) -> BTreeMap<String, String> {
    fields
        .iter()
        .map(|f| {
            let value = if !f.default.is_empty() {
                f.default.clone()
            } else if matches!(
                f.kind,
                FieldKind::Text | FieldKind::Multiline | FieldKind::Handle | FieldKind::CaseId { .. }
            ) {
                format!("[{}]", f.name)
            } else {
                sample_value(&f.kind)
            };
            (f.name.clone(), value)
        })
        .collect()
}

impl Template {
    /// Drops the translated labels of fields the template no longer has (a field renamed or
    /// removed while authoring), which [`Template::check`] would otherwise refuse.
    pub fn prune_labels(&mut self) {
        let names: BTreeSet<String> = self.fields.iter().map(|f| f.name.clone()).collect();
        for variant in self.variants.values_mut() {
            variant.labels.retain(|field, _| names.contains(field));
        }
    }
}

/// The search index over templates: one document per language variant (key `id@lang`),
/// with the name, kind and language in the title and heading, field labels and body text in
/// the body, and the policy area and language as facets.
pub fn search_index(templates: &[Template]) -> crate::search::SearchIndex {
    let mut builder = crate::search::IndexBuilder::new();
    for t in templates {
        for (lang, variant) in &t.variants {
            let heading = format!(
                "{} {} {} {}",
                t.kind.code(),
                lang.code(),
                lang.endonym(),
                lang.english_name()
            );
            let labels: Vec<&str> = t.fields.iter().map(|f| t.label_in(f, *lang)).collect();
            let body = format!("{} {} {}", t.name, labels.join(" "), variant.body);
            builder.add(&crate::search::Document {
                key: format!("{}@{}", t.id, lang.code()),
                title: t.name_in(*lang),
                heading: &heading,
                body: &body,
                area: &t.area,
                regions: &[],
                lang: lang.code(),
                actions: &[],
            });
        }
    }
    builder.build()
}

/// The ids of the templates matching `query`, best first, each once (an empty query: none).
pub fn search(engine: &mut crate::search::Engine, query: &str, limit: usize) -> Vec<(String, Language)> {
    let results = engine.search(query, &crate::search::Filters::default(), limit.saturating_mul(4));
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for hit in results.hits {
        let key = engine.index().key(hit.doc);
        let Some((id, lang)) = key.rsplit_once('@') else {
            continue;
        };
        if seen.insert(id.to_string()) {
            out.push((id.to_string(), Language::from_code(lang).unwrap_or(Language::En)));
        }
        if out.len() == limit {
            break;
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests;

/// Reads one template file (YAML in the shape of [`Template`]) and checks it; errors name
/// the file and, where YAML can tell, the line.
#[cfg(feature = "import")]
pub fn from_yaml(file: &str, source: &str) -> Result<Template, Vec<String>> {
    if source.len() > 64 * 1024 {
        return Err(vec![format!("{file}: a template file may be at most 64 KB")]);
    }
    let template: Template = serde_yaml_ng::from_str(source).map_err(|e| {
        vec![match e.location() {
            Some(at) => format!("{file}, line {}: {e}", at.line()),
            None => format!("{file}: {e}"),
        }]
    })?;
    template
        .check()
        .map_err(|errors| errors.iter().map(|e| format!("{file}: {e}")).collect::<Vec<_>>())?;
    Ok(template)
}
