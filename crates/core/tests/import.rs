//! Importing the policy library: every kind of bad input gets a precise error, and the demo
//! library that ships with Casebook is valid.
#![cfg(feature = "import")]

mod common;

use casebook_core::import::{
    ImportError, ImportPlan, SourceFile, StoredVersion, parse_library, parse_policy_file, plan_import,
};
use casebook_core::policy::{IsoDate, VersionStatus};

const VALID: &str = "---
slug: test-policy
title: Test policy
area: fraud-scams
owner: Tests
regions: [global]
languages: [en, es]
version: 1
status: published
effective: 2026-01-01
verified_until: 2027-01-01
summary: A policy for tests.
actions:
  - name: Remove content
    severity: high
    when: Always.
---

## Overview {#overview}

Text with **bold**.

## Resumen {#resumen lang=es}

Texto.
";

fn file(text: &str) -> SourceFile {
    SourceFile {
        path: "policies/test-policy/v1.md".into(),
        text: text.into(),
    }
}

/// Parses `VALID` with `from` replaced by `to` and returns the errors as `line: message`.
fn errors_for(from: &str, to: &str) -> Vec<String> {
    assert!(VALID.contains(from), "the fixture contains {from:?}");
    match parse_policy_file(&file(&VALID.replacen(from, to, 1))) {
        Ok(_) => vec![],
        Err(errors) => errors
            .iter()
            .map(|e: &ImportError| format!("{}: {}", e.line, e.message))
            .collect(),
    }
}

#[test]
fn the_valid_fixture_parses() {
    let parsed = parse_policy_file(&file(VALID)).expect("valid");
    assert_eq!(parsed.slug.as_str(), "test-policy");
    let anchors: Vec<&str> = parsed.version.sections.iter().map(|s| s.anchor.as_str()).collect();
    assert_eq!(anchors, ["overview", "resumen"]);
    assert_eq!(parsed.version.sections[1].lang.as_ref().map(|l| l.as_str()), Some("es"));
    assert_eq!(parsed.version.sections[1].heading, "Resumen");
}

#[test]
fn each_kind_of_bad_input_is_reported_at_its_line() {
    let cases: &[(&str, &str, &str)] = &[
        ("---\nslug", "slug", "1: the file does not start with YAML front matter"),
        (
            "summary: A policy for tests.\n",
            "summary: A policy for tests.\nsurprise: 1\n",
            "front matter: unknown field `surprise`",
        ),
        (
            "slug: test-policy",
            "slug: Test Policy",
            "2: slug \"Test Policy\" may contain only lowercase letters",
        ),
        ("area: fraud-scams", "area: fraud", "4: unknown area \"fraud\""),
        ("status: published", "status: live", "9: unknown status \"live\""),
        (
            "effective: 2026-01-01",
            "effective: 2026-02-30",
            "10: effective: \"2026-02-30\" has no day 30 in month 2",
        ),
        (
            "verified_until: 2027-01-01",
            "verified_until: 2025-01-01",
            "11: verified_until 2025-01-01 is before effective 2026-01-01",
        ),
        (
            "severity: high",
            "severity: extreme",
            "15: action \"Remove content\": unknown severity \"extreme\"",
        ),
        ("version: 1", "version: one", "front matter: version: invalid type"),
        (
            "languages: [en, es]",
            "languages: [en]",
            "23: section language es is not in the policy's languages",
        ),
        (
            "## Overview {#overview}",
            "## Overview",
            "19: heading \"Overview\" has no anchor",
        ),
        (
            "## Resumen {#resumen lang=es}",
            "## Resumen {#overview lang=es}",
            "anchor #overview is used twice",
        ),
        (
            "## Overview {#overview}",
            "## Overview {#Over_view}",
            "19: anchor #Over_view may contain only lowercase letters",
        ),
        (
            "\n## Overview",
            "\nStray text.\n## Overview",
            "19: text before the first section heading",
        ),
        ("summary: A policy for tests.", "summary: \"\"", "12: summary is empty"),
        (
            "status: published",
            "status: retired",
            "9: a retired version needs the date it left service",
        ),
        (
            "status: published",
            "status: published\nstatus_since: 2026-02-01",
            "10: a published version has no status_since",
        ),
        (
            "status: published",
            "status: superseded\nstatus_since: 2025-06-01",
            "10: status_since 2025-06-01 is before effective 2026-01-01",
        ),
        (
            "status: published",
            "status: superseded\nstatus_since: 2026-02-30",
            "10: status_since: \"2026-02-30\" has no day 30 in month 2",
        ),
    ];
    for (from, to, expected) in cases {
        let errors = errors_for(from, to);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "replacing {from:?} with {to:?}: expected an error containing {expected:?}, got {errors:#?}"
        );
    }
}

#[test]
fn an_unclosed_front_matter_and_an_empty_folder_are_errors() {
    let errors = parse_policy_file(&file("---\nslug: a\n")).unwrap_err();
    assert!(errors[0].message.contains("never closed"));
    let errors = parse_library(&[]).unwrap_err();
    assert!(errors[0].message.contains("no policy files"));
}

#[test]
fn a_library_with_one_bad_file_reports_every_problem_and_yields_nothing() {
    let good = file(VALID);
    let mut bad = file(
        &VALID
            .replace("area: fraud-scams", "area: x")
            .replace("status: published", "status: y"),
    );
    bad.path = "policies/other/v1.md".into();
    let errors = parse_library(&[good, bad]).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors:#?}"); // both field errors, not just the first
    assert!(errors.iter().all(|e| !e.hint.is_empty()));
}

#[test]
fn synonyms_must_group_two_or_more_terms() {
    let files = [
        file(VALID),
        SourceFile {
            path: "synonyms.yaml".into(),
            text: "- [doxxing, Private Information]\n- [alone]\n".into(),
        },
    ];
    let errors = parse_library(&files).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 2);
    let files = [
        file(VALID),
        SourceFile {
            path: "synonyms.yaml".into(),
            text: "- [doxxing, Private Information]\n".into(),
        },
    ];
    let parsed = parse_library(&files).expect("valid");
    assert_eq!(
        parsed.synonyms,
        Some(vec![vec!["doxxing".to_string(), "private information".to_string()]])
    );
}

/// Version `number` of `test-policy`, effective on the first of month `number`, with `status`
/// (`"retired@2026-06-01"` adds `status_since`) and a body that says `text`.
fn version(number: u32, status: &str, text: &str) -> SourceFile {
    let status = match status.split_once('@') {
        Some((status, since)) => format!("status: {status}\nstatus_since: {since}"),
        None => format!("status: {status}"),
    };
    SourceFile {
        path: format!("policies/test-policy/v{number}.md"),
        text: VALID
            .replacen("version: 1", &format!("version: {number}"), 1)
            .replacen("status: published", &status, 1)
            .replacen("effective: 2026-01-01", &format!("effective: 2026-{number:02}-01"), 1)
            .replacen("Text with", text, 1),
    }
}

/// What the store does with a plan: adds its versions and moves their statuses.
fn store(mut stored: Vec<StoredVersion>, plan: &ImportPlan) -> Vec<StoredVersion> {
    for added in &plan.additions {
        stored.push(StoredVersion {
            slug: added.slug.clone(),
            number: added.version.number,
            source_hash: added.source_hash.clone(),
            text_hash: added.text_hash(),
            effective: added.version.effective.clone(),
            status: added.version.status,
            status_since: added.version.status_since.clone(),
        });
    }
    for change in &plan.status_changes {
        let version = stored
            .iter_mut()
            .find(|v| v.slug == change.slug && v.number == change.number)
            .expect("a status change names a stored version");
        assert_eq!(version.status, change.from, "{change:?}");
        version.status = change.to;
        version.status_since = change.since.clone();
    }
    stored.sort_by_key(|v| v.number);
    stored
}

/// Each stored version as `vN status[ since]`.
fn describe(stored: &[StoredVersion]) -> String {
    let words: Vec<String> = stored
        .iter()
        .map(|v| {
            let since = v.status_since.as_ref().map(|d| format!(" {d}")).unwrap_or_default();
            format!("v{} {}{since}", v.number, v.status.id())
        })
        .collect();
    words.join(", ")
}

/// Versions of `test-policy` as `(number, status, text)`, see [`version`].
type Versions = &'static [(u32, &'static str, &'static str)];

fn files(versions: Versions) -> Vec<SourceFile> {
    versions
        .iter()
        .map(|(n, status, text)| version(*n, status, text))
        .collect()
}

/// Imports `before` into an empty store, then `after`, and returns the library's versions,
/// or the second import's errors as `file:line: message`.
fn import_twice(before: Versions, after: Versions) -> Result<String, String> {
    let stored = match before {
        [] => vec![],
        _ => {
            let parsed = parse_library(&files(before)).expect("valid");
            store(vec![], &plan_import(&[], parsed, &[]).expect("no contradiction"))
        }
    };
    let parsed = parse_library(&files(after)).map_err(|e| format!("{e:?}"))?;
    match plan_import(&stored, parsed.clone(), &[]) {
        Ok(plan) => {
            let stored = store(stored, &plan);
            let again = plan_import(&stored, parsed, &[]).expect("the same folder imports again");
            assert!(
                again.is_empty(),
                "importing the same folder again changes nothing: {again:?}"
            );
            Ok(describe(&stored))
        }
        Err(errors) => Err(errors
            .iter()
            .map(|e| format!("{}:{}: {}", e.file, e.line, e.message))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

#[test]
fn status_changes_move_a_version_on_without_copying_its_text() {
    let cases: &[(&str, Versions, Versions, &str)] = &[
        (
            "v2 retired together with a new v3 (the reported import)",
            &[(1, "superseded@2026-02-01", "A"), (2, "published", "B")],
            &[
                (1, "superseded@2026-02-01", "A"),
                (2, "retired@2026-03-01", "B"),
                (3, "published", "C"),
            ],
            "v1 superseded 2026-02-01, v2 retired 2026-03-01, v3 published",
        ),
        (
            "publishing a new version supersedes the previous one on the new one's effective date",
            &[(1, "published", "A")],
            &[(1, "published", "A"), (2, "published", "B")],
            "v1 superseded 2026-02-01, v2 published",
        ),
        (
            "the old file need not be in the folder",
            &[(1, "published", "A")],
            &[(2, "published", "B")],
            "v1 superseded 2026-02-01, v2 published",
        ),
        (
            "a status change alone adds no version",
            &[(1, "published", "A")],
            &[(1, "retired@2026-05-01", "A")],
            "v1 retired 2026-05-01",
        ),
        (
            "a superseded version may be retired later",
            &[(1, "superseded@2026-02-01", "A"), (2, "published", "B")],
            &[(1, "retired@2026-04-01", "A")],
            "v1 retired 2026-04-01, v2 published",
        ),
        (
            "publishing a stored draft supersedes the published version",
            &[(1, "published", "A"), (2, "draft", "B")],
            &[(2, "published", "B")],
            "v1 superseded 2026-02-01, v2 published",
        ),
        (
            "a new draft supersedes nothing",
            &[(1, "published", "A")],
            &[(2, "draft", "B")],
            "v1 published, v2 draft",
        ),
        (
            "changed text under a taken number is a new version, which supersedes",
            &[(1, "published", "A")],
            &[(1, "published", "A, reworded,")],
            "v1 superseded 2026-01-01, v2 published",
        ),
        (
            "a later published version retired in the same import leaves room",
            &[(3, "published", "C")],
            &[(2, "published", "B"), (3, "retired@2026-04-01", "C")],
            "v2 published, v3 retired 2026-04-01",
        ),
        (
            "a first import may bring a whole history",
            &[],
            &[
                (1, "superseded@2026-02-01", "A"),
                (2, "published", "B"),
                (3, "draft", "C"),
            ],
            "v1 superseded 2026-02-01, v2 published, v3 draft",
        ),
    ];
    for (name, before, after, expected) in cases {
        let got = import_twice(before, after);
        assert_eq!(got, Ok(expected.to_string()), "{name}");
    }
}

#[test]
fn contradictory_statuses_are_errors_at_the_status_line() {
    let cases: &[(&str, Versions, Versions, &str)] = &[
        (
            "two versions published by one import",
            &[],
            &[(1, "published", "A"), (2, "published", "B")],
            "policies/test-policy/v1.md:9: test-policy v1 and v2 (policies/test-policy/v2.md) are both published by this import",
        ),
        (
            "a stored draft published with a new published version",
            &[(1, "draft", "A")],
            &[(1, "published", "A"), (2, "published", "B")],
            "policies/test-policy/v1.md:9: test-policy v1 and v2 (policies/test-policy/v2.md) are both published by this import",
        ),
        (
            "a retired version published again",
            &[(1, "retired@2026-03-01", "A"), (2, "published", "B")],
            &[(1, "published", "A")],
            "policies/test-policy/v1.md:9: test-policy v1: is retired since 2026-03-01; a version that left service is not published again",
        ),
        (
            "a published version back to draft",
            &[(1, "published", "A")],
            &[(1, "draft", "A")],
            "policies/test-policy/v1.md:9: test-policy v1: is published; a version cannot go back to draft",
        ),
        (
            "a version published below a later published one",
            &[(3, "published", "C")],
            &[(2, "published", "B")],
            "policies/test-policy/v2.md:9: test-policy v2 would be published while the later v3 is published",
        ),
    ];
    for (name, before, after, expected) in cases {
        let got = import_twice(before, after);
        assert_eq!(got, Err(expected.to_string()), "{name}");
    }
}

#[test]
fn planning_an_import_skips_known_content() {
    let parsed = parse_library(&[file(VALID)]).expect("valid");
    let plan = plan_import(&[], parsed.clone(), &[]).expect("no contradiction");
    assert_eq!(plan.additions.len(), 1);
    let stored = store(vec![], &plan);
    assert!(plan_import(&stored, parsed, &[]).expect("no contradiction").is_empty());
    assert_eq!(IsoDate::new("2026-01-01").ok(), Some(stored[0].effective.clone()));
    assert_eq!(stored[0].status, VersionStatus::Published);
}

#[test]
fn the_demo_library_is_valid_and_large_enough() {
    let parsed = parse_library(&common::demo_library_files()).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        )
    });
    let library = casebook_core::import::assemble(parsed);
    assert!(library.policies.len() >= 25, "{} policies", library.policies.len());
    assert!(library.section_count() >= 150, "{} sections", library.section_count());
    assert!(library.policies.iter().filter(|p| p.versions.len() >= 2).count() >= 3);
    for policy in &library.policies {
        policy.check().unwrap_or_else(|e| panic!("{e}"));
    }
    for lang in ["es", "ar", "ja"] {
        let sections = library
            .policies
            .iter()
            .filter_map(|p| p.current())
            .flat_map(|v| &v.sections)
            .filter(|s| s.lang.as_ref().is_some_and(|l| l.as_str() == lang))
            .count();
        assert!(sections >= 2, "{sections} sections in {lang}");
    }
    assert!(
        library.synonyms.len() >= 10,
        "{} synonym groups",
        library.synonyms.len()
    );
}

/// Hostile or oversized input: each is refused with the limit it passed, at its line, and
/// none of it overflows the stack or stores something that cannot be read back.
#[test]
fn hostile_and_oversized_input_is_refused_with_the_limit_it_passed() {
    let long = |n: usize| "x".repeat(n);
    let list = |n: usize| (0..n).map(|i| format!("r{i}")).collect::<Vec<_>>().join(", ");
    let cases: Vec<(&str, String, String)> = vec![
        (
            "Text with **bold**.",
            ">".repeat(64) + " deep",
            "21: blocks are nested more than 16 deep".into(),
        ),
        (
            "Text with **bold**.",
            ">".repeat(100_000),
            "21: blocks are nested more than 16 deep".into(),
        ),
        (
            "Text with **bold**.",
            "Fine.\n\n> Quoted.\n\n".to_string() + &"> ".repeat(64) + "deep",
            "25: blocks are nested more than 16 deep".into(),
        ),
        (
            "Text with **bold**.",
            (0..20).map(|i| format!("{}- item\n", "  ".repeat(i))).collect(),
            "29: blocks are nested more than 16 deep".into(),
        ),
        (
            "Text with **bold**.",
            "*".repeat(100_000) + "x" + &"*".repeat(100_000),
            "21: blocks are nested more than 16 deep".into(),
        ),
        (
            "title: Test policy",
            format!("title: {}", long(201)),
            "3: title is longer than 200 characters".into(),
        ),
        (
            "title: Test policy",
            format!("title: {}", long(1024 * 1024)),
            "0: the file is larger than 512 KiB".into(),
        ),
        (
            "owner: Tests",
            format!("owner: {}", long(201)),
            "5: owner is longer than 200 characters".into(),
        ),
        (
            "summary: A policy for tests.",
            format!("summary: {}", long(2_001)),
            "12: summary is longer than 2000 characters".into(),
        ),
        (
            "regions: [global]",
            format!("regions: [{}]", list(51)),
            "6: regions has 51 entries, more than 50".into(),
        ),
        (
            "regions: [global]",
            format!("regions: [{}]", long(201)),
            "6: a region is longer than 200 characters".into(),
        ),
        (
            "name: Remove content",
            format!("name: {}", long(201)),
            "14: an action's name is longer than 200 characters".into(),
        ),
        (
            "when: Always.",
            format!("when: {}", long(2_001)),
            "an action's when is longer than 2000 characters".into(),
        ),
        (
            "## Overview {#overview}",
            format!("## {} {{#overview}}", long(201)),
            "19: section heading is longer than 200 characters".into(),
        ),
        (
            "Texto.\n",
            "Texto.\n".to_string()
                + &(0..200)
                    .map(|i| format!("\n## S{i} {{#s{i}}}\n\nx\n"))
                    .collect::<String>(),
            "the body's sections has 202 entries, more than 200".into(),
        ),
        (
            "regions: [global]",
            format!("regions: {}x{}", "[".repeat(10_000), "]".repeat(10_000)),
            "6: the front matter nests lists or maps more than 8 deep".into(),
        ),
        (
            "regions: [global]",
            format!("regions: {}x{}", "[".repeat(100_000), "]".repeat(100_000)),
            "2: the front matter is larger than 64 KiB".into(),
        ),
        (
            "regions: [global]",
            format!("regions: {}", "- ".repeat(20_000)),
            "front matter: ".into(),
        ),
        (
            "regions: [global]",
            "regions:\n".to_string() + &(1..290).map(|i| format!("{}- \n", " ".repeat(i))).collect::<String>(),
            "front matter: ".into(),
        ),
        (
            "regions: [global]",
            format!("regions: [global]\n# {}", "x".repeat(65 * 1024)),
            "2: the front matter is larger than 64 KiB".into(),
        ),
        (
            "regions: [global]",
            "regions: &a [x, x, x, x, x, x, x, x, x]\nzz: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]".into(),
            "front matter: ".into(),
        ),
    ];
    for (from, to, expected) in &cases {
        let started = std::time::Instant::now();
        let errors = errors_for(from, to);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "replacing {from:?} took {:?}",
            started.elapsed()
        );
        assert!(
            errors.iter().any(|e| e.contains(expected.as_str())),
            "replacing {from:?} with {:?}…: expected an error containing {expected:?}, got {:#?}",
            to.chars().take(40).collect::<String>(),
            errors
                .iter()
                .map(|e| e.chars().take(200).collect::<String>())
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_giant_single_line_within_the_size_limit_is_accepted_and_reads_back() {
    let brackets_in_quotes = VALID.replace(
        "regions: [global]",
        "regions: ['[[[[[[[[[[', \"{{{{{{{{{{\"] # [[[[[[[[[[",
    );
    let parsed = parse_policy_file(&file(&brackets_in_quotes)).expect("quoted brackets do not nest");
    assert_eq!(parsed.regions, ["[[[[[[[[[[", "{{{{{{{{{{"]);
    let text = VALID.replace("Text with **bold**.", &"word ".repeat(100_000));
    let parsed = parse_policy_file(&file(&text)).expect("valid");
    let json = serde_json::to_string(&parsed.version).expect("serializes");
    let back: casebook_core::policy::PolicyVersion = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, parsed.version);
}

#[test]
fn too_many_files_long_paths_and_oversized_synonyms_are_refused() {
    let many: Vec<SourceFile> = (0..=casebook_core::import::MAX_FILES)
        .map(|i| SourceFile {
            path: format!("policies/p{i}/v1.md"),
            text: String::new(),
        })
        .collect();
    let errors = parse_library(&many).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("more than 2000"), "{errors:?}");
    let large: Vec<SourceFile> = (0..70)
        .map(|i| SourceFile {
            path: format!("policies/p{i}/v1.md"),
            text: "x".repeat(500 * 1024),
        })
        .collect();
    let errors = parse_library(&large).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("34 MiB, more than 32"), "{errors:?}");

    let synonyms = |text: String| {
        let files = [
            file(VALID),
            SourceFile {
                path: "synonyms.yaml".into(),
                text,
            },
        ];
        parse_library(&files)
            .unwrap_err()
            .iter()
            .map(|e| format!("{}: {}", e.line, e.message))
            .collect::<Vec<_>>()
    };
    let cases = [
        (
            format!("- [a, {}]\n", "x".repeat(201)),
            "1: a synonym is longer than 200 characters",
        ),
        (
            format!(
                "- [{}]\n",
                (0..51).map(|i| format!("t{i}")).collect::<Vec<_>>().join(", ")
            ),
            "1: a synonym group has 51 entries, more than 50",
        ),
        (
            "- [a, b]\n".repeat(5_001),
            "1: the synonym list has 5001 entries, more than 5000",
        ),
        (
            format!("- [a, b]\n# {}\n", "x".repeat(600 * 1024)),
            "0: the file is larger than 512 KiB",
        ),
        (
            format!("- [a, b]\n- {}a{}\n", "[".repeat(100_000), "]".repeat(100_000)),
            "2: the synonym list nests lists or maps more than 8 deep",
        ),
    ];
    for (text, expected) in cases {
        let errors = synonyms(text);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "expected {expected:?}, got {errors:?}"
        );
    }

    let mut long_path = file(VALID);
    long_path.path = format!("policies/{}/v1.md", "d".repeat(400));
    let errors = parse_library(&[long_path]).unwrap_err();
    assert!(
        errors[0].message.contains("path is longer than 300 bytes"),
        "{errors:?}"
    );
}
