//! A sweep's items from pasted lines or a CSV file: each line is a link, a handle or a case
//! id, normalised so the same target written two ways is one item; repeats and blank lines
//! are dropped and counted; every line that is none of the three is reported with its line
//! number and why. On any error nothing is imported: the caller gets the errors, not a partial
//! list.
//!
//! - Link: `http(s)://…`, scheme and host lowercased, a trailing `/` on an empty path and a
//!   `#fragment` removed. Other schemes (`javascript:`, `data:`) are refused.
//! - Handle: `@name` (letters, digits, `_`, `.`, up to 64), lowercased.
//! - Case id: letters, then optionally `-`, then digits (`CASE-1234`, `T42`), uppercased; or
//!   `#1234`.
//! - CSV: when the first line has a comma and names a column `target`, `item`, `link`, `url`,
//!   `handle` or `case` (any case), that column of each following row, RFC 4180 quoting.

use std::collections::HashMap;

use super::{MAX_ITEMS, MAX_TARGET_CHARS};

/// Most errors reported: past it, the count says how many more there were.
pub const MAX_REPORTED_ERRORS: usize = 100;
/// Largest pasted text or file: 50,000 items of about 100 bytes, with room to spare.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// What kind of target an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Link,
    Handle,
    Case,
}

/// What kind of target `target` (already normalised) is.
pub fn kind(target: &str) -> Option<TargetKind> {
    normalise(target).ok().map(|(kind, _)| kind)
}

/// Why a line is not an item.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineProblem {
    #[error("longer than {MAX_TARGET_CHARS} characters")]
    TooLong,
    #[error("holds a control character")]
    Control,
    #[error("a link must start with http:// or https://")]
    Scheme,
    #[error("the link has no host")]
    NoHost,
    #[error("a handle is @ and up to 64 letters, digits, '_' or '.'")]
    Handle,
    #[error("not a link, a handle or a case id")]
    Unknown,
    #[error("the CSV quoting is not closed")]
    Quote,
    #[error("the row has no “{0}” column")]
    MissingColumn(String),
}

/// One bad line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based, as an editor counts lines.
    pub line: usize,
    pub problem: LineProblem,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

/// A successful import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// Normalised targets, in first-seen order.
    pub items: Vec<String>,
    pub blank: usize,
    /// Lines that repeated an earlier item once normalised.
    pub duplicates: usize,
    /// Of those, the first: (its line, the line it repeats).
    pub first_duplicate: Option<(usize, usize)>,
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("nothing to import: paste at least one link, handle or case id")]
    Empty,
    #[error("the text is {0} bytes; at most {MAX_IMPORT_BYTES} are allowed")]
    TooLarge(usize),
    #[error("a sweep holds at most {MAX_ITEMS} items; this list has {0}")]
    TooMany(usize),
    /// The first [`MAX_REPORTED_ERRORS`] bad lines, and how many there were in all.
    #[error("{total} lines are not items; the first is {}", first(.errors))]
    Lines { errors: Vec<LineError>, total: usize },
}

fn first(errors: &[LineError]) -> String {
    errors.first().map(ToString::to_string).unwrap_or_default()
}

/// Normalises one target.
pub fn normalise(raw: &str) -> Result<(TargetKind, String), LineProblem> {
    let s = raw.trim();
    if s.chars().count() > MAX_TARGET_CHARS {
        return Err(LineProblem::TooLong);
    }
    if s.chars().any(char::is_control) {
        return Err(LineProblem::Control);
    }
    if let Some(name) = s.strip_prefix('@') {
        let ok = (1..=64).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
        return if ok {
            Ok((TargetKind::Handle, format!("@{}", name.to_ascii_lowercase())))
        } else {
            Err(LineProblem::Handle)
        };
    }
    if let Some(digits) = s.strip_prefix('#')
        && (1..=20).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return Ok((TargetKind::Case, s.to_string()));
    }
    if let Some((scheme, rest)) = s.split_once(':')
        && !scheme.is_empty()
        && scheme.bytes().all(|b| b.is_ascii_alphabetic())
        && !is_case_id(s)
    {
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(LineProblem::Scheme);
        }
        let Some(rest) = rest.strip_prefix("//") else {
            return Err(LineProblem::Scheme);
        };
        if s.chars().any(char::is_whitespace) {
            return Err(LineProblem::Unknown);
        }
        let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (host, path) = rest.split_at(end);
        if host.is_empty() || host.starts_with(':') || host.contains('@') {
            return Err(LineProblem::NoHost);
        }
        let path = if path == "/" { "" } else { path };
        return Ok((
            TargetKind::Link,
            format!("{scheme}://{}{path}", host.to_ascii_lowercase()),
        ));
    }
    if is_case_id(s) {
        return Ok((TargetKind::Case, s.to_ascii_uppercase()));
    }
    Err(LineProblem::Unknown)
}

fn is_case_id(s: &str) -> bool {
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = &s[letters..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    (1..=10).contains(&letters) && (1..=20).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit())
}

const COLUMNS: [&str; 6] = ["target", "item", "link", "url", "handle", "case"];

/// Splits one CSV record (RFC 4180: quoted fields, `""` for a quote). A record never spans
/// lines here: items are single-line.
fn csv_fields(line: &str) -> Result<Vec<String>, LineProblem> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (false, '"') if at_start => quoted = true,
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, ',') => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
                continue;
            }
            (_, c) => field.push(c),
        }
        at_start = false;
    }
    if quoted {
        return Err(LineProblem::Quote);
    }
    fields.push(field);
    Ok(fields)
}

/// Imports pasted lines or a CSV file's text.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l)).peekable();
    // A CSV header names the column to read; a file of one column has a header of one name
    // ("link"), which is never an item itself.
    let mut column = None;
    if let Some((_, header)) = lines.peek()
        && let Ok(names) = csv_fields(header)
        && let Some(at) = names
            .iter()
            .position(|n| COLUMNS.contains(&n.trim().to_ascii_lowercase().as_str()))
    {
        column = Some((at, names[at].trim().to_string()));
        lines.next();
    }
    let mut done = Imported::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut errors = Vec::new();
    let mut total_errors = 0;
    for (n, line) in lines {
        let cell = match &column {
            None => Ok(line.to_string()),
            Some((at, name)) => csv_fields(line).and_then(|fields| {
                if fields.iter().all(|f| f.trim().is_empty()) {
                    Ok(String::new())
                } else {
                    fields
                        .into_iter()
                        .nth(*at)
                        .ok_or_else(|| LineProblem::MissingColumn(name.clone()))
                }
            }),
        };
        let normalised = cell.and_then(|cell| {
            if cell.trim().is_empty() {
                Ok(None)
            } else {
                normalise(&cell).map(|(_, t)| Some(t))
            }
        });
        match normalised {
            Ok(None) => done.blank += 1,
            Ok(Some(target)) => match seen.get(&target) {
                Some(first) => {
                    done.duplicates += 1;
                    done.first_duplicate.get_or_insert((n, *first));
                }
                None => {
                    seen.insert(target.clone(), n);
                    done.items.push(target);
                }
            },
            Err(problem) => {
                total_errors += 1;
                if errors.len() < MAX_REPORTED_ERRORS {
                    errors.push(LineError { line: n, problem });
                }
            }
        }
    }
    if total_errors > 0 {
        return Err(ImportError::Lines {
            errors,
            total: total_errors,
        });
    }
    match done.items.len() {
        0 => Err(ImportError::Empty),
        n if n > MAX_ITEMS => Err(ImportError::TooMany(n)),
        _ => Ok(done),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_normalised_by_kind() {
        let table = [
            ("https://X.Test/post/1", Ok((TargetKind::Link, "https://x.test/post/1"))),
            ("HTTP://x.test/", Ok((TargetKind::Link, "http://x.test"))),
            ("https://x.test/a#comment-3", Ok((TargetKind::Link, "https://x.test/a"))),
            ("https://x.test?q=1", Ok((TargetKind::Link, "https://x.test?q=1"))),
            ("  @Some_One.2 ", Ok((TargetKind::Handle, "@some_one.2"))),
            ("case-00123", Ok((TargetKind::Case, "CASE-00123"))),
            ("T42", Ok((TargetKind::Case, "T42"))),
            ("#981", Ok((TargetKind::Case, "#981"))),
            ("javascript:alert(1)", Err(LineProblem::Scheme)),
            ("ftp://x.test/a", Err(LineProblem::Scheme)),
            ("https:x.test", Err(LineProblem::Scheme)),
            ("https:///path", Err(LineProblem::NoHost)),
            ("https://user@x.test/", Err(LineProblem::NoHost)),
            ("@", Err(LineProblem::Handle)),
            ("@two words", Err(LineProblem::Handle)),
            ("just some words", Err(LineProblem::Unknown)),
            ("https://x.test/a b", Err(LineProblem::Unknown)),
            ("a\u{7}b", Err(LineProblem::Control)),
        ];
        for (raw, expected) in table {
            assert_eq!(
                normalise(raw)
                    .as_ref()
                    .map(|(k, s)| (*k, s.as_str()))
                    .map_err(Clone::clone),
                expected,
                "{raw}"
            );
        }
        let long = format!("https://x.test/{}", "a".repeat(MAX_TARGET_CHARS));
        assert_eq!(normalise(&long), Err(LineProblem::TooLong));
    }

    #[test]
    fn pasted_lines_are_deduplicated_with_counts_and_every_bad_line_is_named() {
        let got = import("@a\n\n  \nhttps://x.test/1\n@A\nHTTPS://X.TEST/1#top\ncase-1\n").expect("imports");
        assert_eq!(got.items, ["@a", "https://x.test/1", "CASE-1"]);
        assert_eq!((got.blank, got.duplicates, got.first_duplicate), (2, 2, Some((5, 1))));
        // `HTTPS://X.TEST/1/` keeps its path's slash: only an empty path's slash goes.
        assert_eq!(
            import("https://x.test/1/\nhttps://x.test/1").map(|i| i.items.len()),
            Ok(2)
        );

        let errors = |text: &str| match import(text) {
            Err(ImportError::Lines { errors, total }) => {
                (errors.iter().map(ToString::to_string).collect::<Vec<_>>(), total)
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(
            errors("@ok\nnot an item\njavascript:x\n@\n"),
            (
                vec![
                    "line 2: not a link, a handle or a case id".to_string(),
                    "line 3: a link must start with http:// or https://".into(),
                    "line 4: a handle is @ and up to 64 letters, digits, '_' or '.'".into(),
                ],
                3
            )
        );
        let many: String = (0..150).map(|i| format!("bad line {i}\n")).collect();
        let (shown, total) = errors(&many);
        assert_eq!((shown.len(), total), (MAX_REPORTED_ERRORS, 150));
        assert_eq!(import("\n \n"), Err(ImportError::Empty));
    }

    #[test]
    fn a_csv_file_gives_its_target_column_with_quoting_and_a_bom() {
        let csv = "\u{feff}id,Link,comment\n1,https://x.test/1,\"a, quoted \"\"note\"\"\"\n2,\"https://x.test/2\",\n,,\n3\n4,\"@open\n";
        match import(csv) {
            Err(ImportError::Lines { errors, total }) => {
                assert_eq!(total, 2);
                assert_eq!(errors[0].to_string(), "line 5: the row has no “Link” column");
                assert_eq!(errors[1].to_string(), "line 6: the CSV quoting is not closed");
            }
            other => panic!("{other:?}"),
        }
        let got = import("id,Link\n1,https://x.test/1\n2,\"https://x.test/2\"\n,\n").expect("imports");
        assert_eq!(got.items, ["https://x.test/1", "https://x.test/2"]);
        assert_eq!(got.blank, 1);
    }

    #[test]
    fn a_one_column_csv_with_windows_line_ends_reads_its_header() {
        let got = import("Link\r\nhttps://x.test/1\r\n\"https://x.test/2\"\r\nhttps://x.test/1\r\n").expect("imports");
        assert_eq!(got.items, ["https://x.test/1", "https://x.test/2"]);
        assert_eq!(got.duplicates, 1);
        // Without a header, a lone word is still a bad line, named with its number.
        match import("https://x.test/1\nlinks\n") {
            Err(ImportError::Lines { errors, total: 1 }) => assert_eq!(errors[0].line, 2),
            other => panic!("unexpected: {other:?}"),
        }
    }

    #[test]
    fn fifty_thousand_lines_import_and_one_more_is_refused() {
        let lines: String = (1..=MAX_ITEMS).map(|n| format!("https://x.test/p/{n}\n")).collect();
        assert_eq!(import(&lines).map(|i| i.items.len()), Ok(MAX_ITEMS));
        let more = format!("{lines}@one_more\n");
        assert_eq!(import(&more), Err(ImportError::TooMany(MAX_ITEMS + 1)));
    }
}
