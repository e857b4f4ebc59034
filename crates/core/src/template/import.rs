//! Templates kept as files: one Markdown file per template, in the policy library's style.
//! YAML front matter holds the metadata and the fields; then one section per language,
//! headed `## en` (or `## es: the name in Spanish`), holds that language's body:
//!
//! ```text
//! ---
//! id: warn-spam
//! name: Spam warning
//! kind: notice            # notice | enforcement | escalation
//! area: spam
//! default_lang: en
//! fields:
//!   - name: account
//!     label: Account
//!     type: handle        # text, multiline, choice (options), handle, url, links, date,
//!     required: true      # number (min, max), case_id (pattern), policy_ref
//! labels:
//!   es: { account: Cuenta }
//! ---
//!
//! ## en
//! Hello {{ account }} …
//!
//! ## es: Aviso de spam
//! Hola {{ account }} …
//! ```
//!
//! All or nothing, like the library import: [`parse_templates`] returns every problem in
//! every file, each with its file and line (a body's line is the file's line), or every
//! template. Which versions they become is [`super::history::plan`]'s job.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{FieldDef, Kind, Language, Template, TemplateError, Variant};
use crate::import::{ImportError, SourceFile, check_yaml, error, front_matter_line};

/// Most template files one import reads.
pub const MAX_TEMPLATE_FILES: usize = 200;
/// The largest template file.
pub const MAX_TEMPLATE_FILE_BYTES: usize = 64 * 1024;
/// The largest front matter.
pub const MAX_TEMPLATE_FRONT_MATTER_BYTES: usize = 32 * 1024;

const FRONT_MATTER_HINT: &str = "fields are id, name, kind (notice, enforcement or escalation), area, default_lang (en, es, ar or ja), fields (name, label, type, required, default, help, options, pattern, min, max) and labels";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    name: String,
    kind: Kind,
    area: String,
    default_lang: Language,
    #[serde(default)]
    fields: Vec<FieldDef>,
    #[serde(default)]
    labels: BTreeMap<Language, BTreeMap<String, String>>,
}

/// One language's section: its heading's line, its name, and its body's first line.
struct Section {
    heading_line: usize,
    name: Option<String>,
    body_line: usize,
    body: String,
}

/// Whether a path names a template file: a `.md` file other than a README.
pub fn is_template_file(path: &str) -> bool {
    let base = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    base.ends_with(".md") && base != "readme.md"
}

/// The 1-based line of the field called `name` in the front matter: its first definition,
/// or its last when `last`.
fn field_line(text: &str, name: &str, last: bool) -> Option<usize> {
    let mut lines = text.lines().enumerate().filter(|(_, line)| {
        let line = line.trim_start().trim_start_matches('-').trim_start();
        line.strip_prefix("name:")
            .is_some_and(|rest| rest.trim().trim_matches(['"', '\'']) == name)
    });
    let found = if last { lines.last() } else { lines.next() };
    found.map(|(i, _)| i + 1)
}

/// The body sections after the front matter, which ends at 0-based line `close`.
fn sections(file: &SourceFile, lines: &[&str], close: usize) -> Result<BTreeMap<Language, Section>, Vec<ImportError>> {
    let mut out: BTreeMap<Language, Section> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut current: Option<(Language, Section)> = None;
    // Under a heading that was refused, lines belong to no body.
    let mut skipping = false;
    let finish = |current: &mut Option<(Language, Section)>, out: &mut BTreeMap<Language, Section>| {
        if let Some((lang, mut section)) = current.take() {
            let trimmed = section.body.trim_end().to_string();
            let leading = trimmed.len() - trimmed.trim_start_matches('\n').len();
            section.body_line += trimmed[..leading].matches('\n').count();
            section.body = trimmed[leading..].to_string();
            out.insert(lang, section);
        }
    };
    for (i, line) in lines.iter().enumerate().skip(close + 1) {
        let number = i + 1;
        if let Some(heading) = line.strip_prefix("## ") {
            let (code, name) = match heading.split_once(':') {
                Some((code, name)) => (code.trim(), Some(name.trim().to_string()).filter(|n| !n.is_empty())),
                None => (heading.trim(), None),
            };
            let Some(lang) = Language::from_code(code) else {
                errors.push(error(
                    file,
                    number,
                    format!("`## {code}` is not a language templates are written in"),
                    "head each body `## en`, `## es`, `## ar` or `## ja`, optionally `: the name in that language`",
                ));
                finish(&mut current, &mut out);
                skipping = true;
                continue;
            };
            finish(&mut current, &mut out);
            skipping = false;
            if let Some(first) = out.get(&lang) {
                errors.push(error(
                    file,
                    number,
                    format!(
                        "the {} body is written twice (first at line {})",
                        lang.code(),
                        first.heading_line
                    ),
                    "keep one section per language",
                ));
                skipping = true;
                continue;
            }
            current = Some((
                lang,
                Section {
                    heading_line: number,
                    name,
                    body_line: number + 1,
                    body: String::new(),
                },
            ));
        } else if let Some((_, section)) = current.as_mut() {
            section.body.push_str(line);
            section.body.push('\n');
        } else if !skipping && !line.trim().is_empty() {
            errors.push(error(
                file,
                number,
                "text before the first language heading",
                "start each body with a heading such as `## en`",
            ));
        }
    }
    finish(&mut current, &mut out);
    for (lang, section) in &out {
        if section.body.trim().is_empty() {
            errors.push(error(
                file,
                section.heading_line,
                format!("the {} body is empty", lang.code()),
                "write the body under its heading, or remove the heading",
            ));
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push(error(
            file,
            close + 1,
            "the file has no body",
            "after the front matter, write each language's body under a heading such as `## en`",
        ));
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// The line and message of a problem [`Template::check`] found, in the file's terms.
fn locate(
    text: &str,
    sections: &BTreeMap<Language, Section>,
    problem: &TemplateError,
) -> (usize, String, &'static str) {
    match problem {
        TemplateError::Body { lang, at, message } => {
            let line = sections.get(lang).map_or(1, |s| s.body_line + at.line - 1);
            (
                line,
                format!("{} body, column {}: {message}", lang.code(), at.column),
                "placeholders name fields; only if, elif, else and for blocks are allowed",
            )
        }
        TemplateError::Invalid { what, problem: why } => {
            let key = |k: &str| front_matter_line(text, k);
            let line = if let Some(name) = what.strip_prefix("field \"").and_then(|w| w.split('"').next()) {
                field_line(text, name, why == "is defined twice").unwrap_or_else(|| key("fields"))
            } else if what == "the id" {
                key("id")
            } else if what == "the name" {
                key("name")
            } else if what == "the policy area" {
                key("area")
            } else if what == "the field list" {
                key("fields")
            } else if what == "the template" {
                key("default_lang")
            } else if let Some(lang) = Language::ALL
                .into_iter()
                .find(|l| what == &format!("the {} name", l.code()))
            {
                sections.get(&lang).map_or(1, |s| s.heading_line)
            } else {
                key("labels")
            };
            (line, problem.to_string(), FRONT_MATTER_HINT)
        }
    }
}

/// Reads one template file (as version 1: [`super::history::plan`] numbers it).
pub fn parse_template_file(file: &SourceFile) -> Result<Template, Vec<ImportError>> {
    if file.path.len() > crate::import::MAX_PATH_BYTES {
        return Err(vec![error(
            file,
            0,
            format!("the file's path is longer than {} bytes", crate::import::MAX_PATH_BYTES),
            "use shorter folder and file names",
        )]);
    }
    if file.text.len() > MAX_TEMPLATE_FILE_BYTES {
        return Err(vec![error(
            file,
            0,
            format!("the file is larger than {} KiB", MAX_TEMPLATE_FILE_BYTES / 1024),
            "a template's bodies are at most 2,000 characters each",
        )]);
    }
    let owned = crate::import::without_bom_and_crlf(&file.text);
    let text = owned.as_str();
    let (lines, close) = crate::import::split_front_matter(file, text, "template")?;
    let yaml = lines[1..close].join("\n");
    check_yaml(file, &yaml, 2, "front matter", MAX_TEMPLATE_FRONT_MATTER_BYTES)?;
    let matter: Result<FrontMatter, _> = serde_yaml_ng::from_str(&yaml);
    let sections = sections(file, &lines, close);
    let matter = match (matter, &sections) {
        (Ok(m), Ok(_)) => m,
        (Err(e), _) => {
            let line = e.location().map_or(1, |l| l.line() + 1);
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            let mut errors = vec![error(file, line, format!("front matter: {message}"), FRONT_MATTER_HINT)];
            errors.extend(sections.err().unwrap_or_default());
            return Err(errors);
        }
        (Ok(_), Err(_)) => return Err(sections.err().unwrap_or_default()),
    };
    let sections = sections.unwrap_or_default();
    let mut errors = Vec::new();
    for lang in matter.labels.keys() {
        if !sections.contains_key(lang) {
            errors.push(error(
                file,
                front_matter_line(text, "labels"),
                format!(
                    "labels are given in {} but there is no {} body",
                    lang.code(),
                    lang.code()
                ),
                format!("add a `## {}` section or remove its labels", lang.code()),
            ));
        }
    }
    let mut labels = matter.labels;
    let template = Template {
        id: matter.id,
        version: 1,
        kind: matter.kind,
        name: matter.name,
        area: matter.area,
        default_lang: matter.default_lang,
        fields: matter.fields,
        variants: sections
            .iter()
            .map(|(lang, s)| {
                (
                    *lang,
                    Variant {
                        name: s.name.clone(),
                        body: s.body.clone(),
                        labels: labels.remove(lang).unwrap_or_default(),
                    },
                )
            })
            .collect(),
    };
    if let Err(problems) = template.check() {
        errors.extend(problems.iter().map(|p| {
            let (line, message, hint) = locate(text, &sections, p);
            error(file, line, message, hint)
        }));
    }
    if errors.is_empty() { Ok(template) } else { Err(errors) }
}

/// Reads a folder of template files: every `.md` file but a README. All or nothing: every
/// problem of every file, or every template, by id.
pub fn parse_templates(files: &[SourceFile]) -> Result<Vec<Template>, Vec<ImportError>> {
    let files: Vec<&SourceFile> = files.iter().filter(|f| is_template_file(&f.path)).collect();
    let whole = |message: String, hint: &str| ImportError {
        file: String::new(),
        line: 0,
        message,
        hint: hint.into(),
    };
    if files.is_empty() {
        return Err(vec![whole(
            "the folder holds no template files".into(),
            "choose a folder of .md files, one per template",
        )]);
    }
    if files.len() > MAX_TEMPLATE_FILES {
        return Err(vec![whole(
            format!(
                "the folder holds {} template files, more than {MAX_TEMPLATE_FILES}",
                files.len()
            ),
            "import the templates in smaller folders",
        )]);
    }
    let mut errors = Vec::new();
    let mut templates: Vec<Template> = Vec::new();
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for file in files {
        match parse_template_file(file) {
            Ok(t) => {
                if let Some(first) = seen.get(&t.id) {
                    errors.push(error(
                        file,
                        front_matter_line(&file.text, "id"),
                        format!("the id {:?} is also used by {first}", t.id),
                        "give every template its own id",
                    ));
                } else {
                    seen.insert(t.id.clone(), &file.path);
                    templates.push(t);
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    templates.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(templates)
}
