//! Importing case-note templates from Markdown files with front matter: every kind of bad
//! input is named with its file and line, nothing is imported when any file is wrong, and
//! the plan numbers versions.
#![cfg(feature = "import")]

use casebook_core::diff::Status;
use casebook_core::import::SourceFile;
use casebook_core::template::history::{Part, Planned, plan};
use casebook_core::template::import::{parse_template_file, parse_templates};
use casebook_core::template::{FieldKind, Kind, Language};

const VALID: &str = "---
id: warn-spam
name: Spam warning
kind: notice
area: spam
default_lang: en
fields:
  - name: account
    label: Account
    type: handle
    required: true
  - name: severity
    label: Severity
    type: choice
    options: [low, high]
  - name: case
    label: Case
    type: case_id
    pattern: CASE-####
labels:
  es:
    account: Cuenta
---

## en
Hello {{ account }},
{% if severity == \"high\" %}This is serious.{% endif %}
Case {{ case }}.

## es: Aviso de spam
Hola {{ account }}.

## ar
مرحبا {{ account }}.
";

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        text: text.into(),
    }
}

/// Parses `VALID` with `from` replaced by `to`; the errors as `line: message`.
fn errors_for(from: &str, to: &str) -> Vec<String> {
    assert!(VALID.contains(from), "the fixture contains {from:?}");
    match parse_template_file(&file("templates/warn-spam.md", &VALID.replacen(from, to, 1))) {
        Ok(_) => vec![],
        Err(errors) => errors.iter().map(|e| format!("{}: {}", e.line, e.message)).collect(),
    }
}

#[test]
fn the_valid_fixture_parses() {
    let t = parse_template_file(&file("warn-spam.md", VALID)).expect("valid");
    assert_eq!(t.id, "warn-spam");
    assert_eq!(t.kind, Kind::Notice);
    assert_eq!(t.version, 1);
    assert_eq!(t.fields.len(), 3);
    assert_eq!(
        t.fields[2].kind,
        FieldKind::CaseId {
            pattern: "CASE-####".into()
        }
    );
    assert_eq!(t.variants.len(), 3);
    let es = &t.variants[&Language::Es];
    assert_eq!(es.name.as_deref(), Some("Aviso de spam"));
    assert_eq!(es.body, "Hola {{ account }}.");
    assert_eq!(es.labels["account"], "Cuenta");
    assert!(
        t.variants[&Language::En]
            .body
            .starts_with("Hello {{ account }},\n{% if")
    );
    // Windows line endings and a byte-order mark read the same.
    let crlf = format!("\u{feff}{}", VALID.replace('\n', "\r\n"));
    assert_eq!(parse_template_file(&file("warn-spam.md", &crlf)), Ok(t));
}

/// Each kind of problem, with the line it is reported at.
#[test]
fn every_problem_names_its_line() {
    let cases: &[(&str, &str, &[&str])] = &[
        // Front matter.
        (
            "---\nid:",
            "id:",
            &["1: the file does not start with YAML front matter"],
        ),
        ("---\n\n## en", "\n\n## en", &["1: the front matter is never closed"]),
        (
            "kind: notice",
            "kind: memo",
            &["4: front matter: kind: unknown variant `memo`, expected one of `notice`, `enforcement`, `escalation`"],
        ),
        (
            "area: spam\n",
            "area: spam\ncolour: red\n",
            &[
                "6: front matter: unknown field `colour`, expected one of `id`, `name`, `kind`, `area`, `default_lang`, `fields`, `labels`",
            ],
        ),
        (
            "default_lang: en",
            "default_lang: fr",
            &["6: front matter: default_lang: unknown variant `fr`, expected one of `en`, `es`, `ar`, `ja`"],
        ),
        (
            "options: [low, high]",
            "options: [[[[[[[[[low]]]]]]]]]",
            &["15: the front matter nests lists or maps more than 8 deep"],
        ),
        // The template's own rules, at the key's line.
        (
            "id: warn-spam",
            "id: Warn Spam",
            &["2: the id must be 3 to 60 lowercase letters, digits and single hyphens"],
        ),
        ("area: spam", "area: \"\"", &["5: the policy area must not be empty"]),
        (
            "type: case_id\n    pattern: CASE-####",
            "type: case_id\n    pattern: \"\"",
            &["16: field \"case\" needs a pattern of 1 to 40 ASCII characters"],
        ),
        (
            "options: [low, high]",
            "options: [low, low]",
            &["12: field \"severity\" lists a choice twice"],
        ),
        (
            "  - name: case\n    label: Case",
            "  - name: account\n    label: Case",
            &[
                "16: field \"account\" is defined twice",
                "28: en body, column 9: unknown placeholder \"case\": no field has that name",
            ],
        ),
        (
            "default_lang: en",
            "default_lang: ja",
            &["6: the template has no body in its default language (ja)"],
        ),
        (
            "    account: Cuenta",
            "    acount: Cuenta",
            &["20: the es labels name a field that does not exist (\"acount\")"],
        ),
        (
            "labels:\n  es:",
            "labels:\n  ja:",
            &["20: labels are given in ja but there is no ja body"],
        ),
        // Bodies: the file's line, and the column.
        (
            "Case {{ case }}.",
            "Case {{ cases }}.",
            &["28: en body, column 9: unknown placeholder \"cases\": no field has that name"],
        ),
        (
            "Hola {{ account }}.",
            "Hola {{ account }.",
            &["31: es body, column 17: unexpected `}`, expected end of variable block"],
        ),
        (
            "{% if severity == \"high\" %}This is serious.{% endif %}",
            "{% if severity == \"high\" %}This is serious.",
            &["28: en body, column 16: unexpected end of input, expected end of block"],
        ),
        (
            "{% if severity",
            "{% include severity",
            &["27: en body, column 1: only if, elif, else and for blocks are allowed, not \"include\""],
        ),
        // Sections.
        (
            "## ar",
            "## fr",
            &["33: `## fr` is not a language templates are written in"],
        ),
        (
            "## es: Aviso de spam",
            "## de",
            &["30: `## de` is not a language templates are written in"],
        ),
        (
            "## ar",
            "## en",
            &["33: the en body is written twice (first at line 25)"],
        ),
        (
            "## es: Aviso de spam\nHola {{ account }}.\n",
            "## es\n\n",
            &["30: the es body is empty"],
        ),
        (
            "---\n\n## en",
            "---\nA stray line.\n## en",
            &["24: text before the first language heading"],
        ),
    ];
    let mut failures = Vec::new();
    for (from, to, expected) in cases {
        let got = errors_for(from, to);
        if got != *expected {
            failures.push(format!(
                "{from:?} -> {to:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_file_without_bodies_is_refused() {
    let head = VALID.split("\n## en").next().expect("front matter");
    let errors = parse_template_file(&file("t.md", head)).expect_err("no body");
    assert_eq!(errors[0].message, "the file has no body");
}

#[test]
fn a_file_too_large_is_refused_before_reading() {
    let big = format!("{VALID}{}", "x".repeat(70 * 1024));
    let errors = parse_template_file(&file("t.md", &big)).expect_err("too large");
    assert_eq!(errors[0].line, 0);
    assert_eq!(errors[0].message, "the file is larger than 64 KiB");
}

#[test]
fn a_folder_is_all_or_nothing() {
    let other = VALID.replacen("id: warn-spam", "id: warn-scam", 1);
    let broken = VALID.replacen("Case {{ case }}.", "Case {{ nope }}.", 1);
    let readme = file("templates/README.md", "# Not a template");
    let ok = parse_templates(&[
        file("templates/a.md", VALID),
        file("templates/b.md", &other),
        readme.clone(),
        file("templates/notes.txt", "ignored"),
    ])
    .expect("both valid");
    assert_eq!(
        ok.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["warn-scam", "warn-spam"]
    );

    let errors = parse_templates(&[
        file("templates/a.md", VALID),
        file("templates/b.md", &broken),
        file("templates/c.md", VALID),
    ])
    .expect_err("one broken, one duplicate");
    let got: Vec<String> = errors
        .iter()
        .map(|e| format!("{}:{}: {}", e.file, e.line, e.message))
        .collect();
    assert_eq!(
        got,
        [
            "templates/b.md:28: en body, column 9: unknown placeholder \"nope\": no field has that name",
            "templates/c.md:2: the id \"warn-spam\" is also used by templates/a.md",
        ]
    );

    let none = parse_templates(&[readme]).expect_err("empty");
    assert_eq!(none[0].message, "the folder holds no template files");
    let many: Vec<SourceFile> = (0..201).map(|i| file(&format!("t{i}.md"), VALID)).collect();
    let too_many = parse_templates(&many).expect_err("too many");
    assert_eq!(
        too_many[0].message,
        "the folder holds 201 template files, more than 200"
    );
}

#[test]
fn the_plan_numbers_versions() {
    let stored = parse_template_file(&file("t.md", VALID)).expect("valid");
    let mut first = stored.clone();
    assert_eq!(plan(&mut first, None), Planned::New);
    assert_eq!(first.version, 1);

    let mut same = stored.clone();
    same.version = 1;
    assert_eq!(plan(&mut same, Some(&stored)), Planned::Unchanged { version: 1 });

    let mut changed = parse_template_file(&file(
        "t.md",
        &VALID.replacen("Hola {{ account }}.", "Hola, {{ account }}.", 1),
    ))
    .expect("valid");
    let Planned::NextVersion { from, changes } = plan(&mut changed, Some(&stored)) else {
        panic!("a new version");
    };
    assert_eq!((from, changed.version), (1, 2));
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].part, Part::Body(Language::Es));
    assert_eq!(changes[0].status, Status::Changed);
}
