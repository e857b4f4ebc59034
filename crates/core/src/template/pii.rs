//! The personal-data check: email addresses, phone numbers, payment card numbers (checked
//! with Luhn) and IBANs (checked with mod-97) in free text, found so a person can redact
//! them or keep them knowingly before a note is copied or saved. Linear in the text.

use serde::{Deserialize, Serialize};

/// What kind of personal data was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PiiKind {
    Email,
    Phone,
    Card,
    Iban,
}

impl PiiKind {
    pub fn code(self) -> &'static str {
        match self {
            PiiKind::Email => "email",
            PiiKind::Phone => "phone",
            PiiKind::Card => "card",
            PiiKind::Iban => "iban",
        }
    }

    /// What a redaction leaves in its place.
    pub fn mask(self) -> &'static str {
        match self {
            PiiKind::Email => "[email removed]",
            PiiKind::Phone => "[phone removed]",
            PiiKind::Card => "[card removed]",
            PiiKind::Iban => "[IBAN removed]",
        }
    }
}

/// One finding: its kind and byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: PiiKind,
    pub start: usize,
    pub end: usize,
}

fn email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn email_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// Emails: a local part, `@`, and a domain with a dot and a top-level name of letters.
fn emails(text: &str, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| email_local(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let mut end = at
            + 1
            + text[at + 1..]
                .find(|c: char| !email_domain(c))
                .unwrap_or(text.len() - at - 1);
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let local = &text[start..at];
        let domain = &text[at + 1..end];
        let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        });
        let handle = text[..start].ends_with('@');
        if !local.is_empty() && !local.starts_with('.') && tld_ok && !handle {
            out.push(Finding {
                kind: PiiKind::Email,
                start,
                end,
            });
        }
    }
}

fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(*d);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A run of digits with single separators: (start, end, digits, had a separator, had `+`).
struct Run {
    start: usize,
    end: usize,
    digits: Vec<u8>,
    separated: bool,
    plus: bool,
    shape: String,
}

/// Characters that glue a digit run to a word, a path or an id (`CASE-2026-1`, `/post/123`):
/// a run touching one is not personal data.
fn glued(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '#' | '.' | ':' | '=' | '@' | '&' | '?')
}

fn digit_runs(text: &str) -> Vec<Run> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let plus = c == '+' && chars.get(i + 1).is_some_and(|(_, d)| d.is_ascii_digit());
        let open = c == '(' && chars.get(i + 1).is_some_and(|(_, d)| d.is_ascii_digit());
        if !(c.is_ascii_digit() || plus || open) {
            i += 1;
            continue;
        }
        if i > 0 && glued(chars[i - 1].1) {
            // Skip the whole glued token.
            while i < chars.len() && (chars[i].1.is_ascii_digit() || glued(chars[i].1)) {
                i += 1;
            }
            continue;
        }
        let mut j = i;
        let mut digits = Vec::new();
        let mut separated = false;
        let mut shape = String::new();
        if plus || open {
            shape.push(c);
            j += 1;
        }
        let mut end = start;
        while j < chars.len() {
            let (pos, ch) = chars[j];
            if let Some(d) = ch.to_digit(10) {
                digits.push(d as u8);
                shape.push('9');
                j += 1;
                end = pos + 1;
            } else if matches!(ch, ' ' | '-' | '.' | '(' | ')')
                && chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit() || *n == '(')
                && !matches!(chars.get(j.wrapping_sub(1)).map(|p| p.1), Some(' ' | '-' | '.' | '(') if ch != '(')
            {
                separated = true;
                shape.push(ch);
                j += 1;
            } else if ch == ')' {
                shape.push(ch);
                j += 1;
                end = pos + 1;
            } else {
                break;
            }
        }
        let after_glued = chars
            .get(j)
            .is_some_and(|(_, c)| c.is_alphanumeric() || matches!(c, '_' | '/' | '@'));
        if !after_glued {
            runs.push(Run {
                start,
                end,
                digits,
                separated,
                plus,
                shape,
            });
        }
        i = j.max(i + 1);
    }
    runs
}

/// A date or time written with digits (2026-11-30, 30.11.2026, 12:30), never a phone.
fn looks_like_date(shape: &str) -> bool {
    let groups: Vec<usize> = shape.split(['-', '.', ' ']).map(str::len).collect();
    matches!(groups.as_slice(), [4, 2, 2] | [2, 2, 4] | [2, 2, 2])
}

fn cards_and_phones(text: &str, out: &mut Vec<Finding>) {
    for run in digit_runs(text) {
        let n = run.digits.len();
        if (13..=19).contains(&n) && !run.plus && luhn(&run.digits) {
            out.push(Finding {
                kind: PiiKind::Card,
                start: run.start,
                end: run.end,
            });
        } else if (run.plus && (8..=15).contains(&n))
            || (!run.plus && run.separated && (10..=12).contains(&n) && !looks_like_date(&run.shape))
        {
            out.push(Finding {
                kind: PiiKind::Phone,
                start: run.start,
                end: run.end,
            });
        }
    }
}

fn iban_ok(compact: &str) -> bool {
    let b = compact.as_bytes();
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..4].iter().all(u8::is_ascii_digit)
        || !b[4..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let mut remainder: u32 = 0;
    for &c in b[4..].iter().chain(&b[..4]) {
        let v = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        remainder = if v >= 10 {
            (remainder * 100 + v) % 97
        } else {
            (remainder * 10 + v) % 97
        };
    }
    remainder == 1
}

/// IBANs: two capital letters, two check digits, up to 30 letters and digits, in groups of
/// four separated by single spaces or written together; mod-97 must be 1.
fn ibans(text: &str, out: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let starts = bytes[i].is_ascii_uppercase()
            && bytes[i + 1].is_ascii_uppercase()
            && bytes[i + 2].is_ascii_digit()
            && bytes[i + 3].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1] as char).is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut compact = String::new();
        let mut end = i;
        while j < bytes.len() && compact.len() < 34 {
            let c = bytes[j];
            if c.is_ascii_uppercase() || c.is_ascii_digit() {
                compact.push(c as char);
                j += 1;
                end = j;
            } else if c == b' '
                && bytes
                    .get(j + 1)
                    .is_some_and(|n| n.is_ascii_uppercase() || n.is_ascii_digit())
                && compact.len().is_multiple_of(4)
            {
                j += 1;
            } else {
                break;
            }
        }
        // The longest prefix that checks out (a sentence may go on after the IBAN).
        let found = (15..=compact.len()).rev().find(|&len| iban_ok(&compact[..len]));
        match found {
            Some(len) => {
                let mut seen = 0;
                let mut stop = i;
                for (k, c) in text[i..end].char_indices() {
                    if c != ' ' {
                        seen += 1;
                    }
                    if seen == len {
                        stop = i + k + 1;
                        break;
                    }
                }
                out.push(Finding {
                    kind: PiiKind::Iban,
                    start: i,
                    end: stop,
                });
                i = stop;
            }
            None => i += 1,
        }
    }
}

/// Every finding in `text`, in order, none overlapping (an IBAN wins over the digits in it).
pub fn scan(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    ibans(text, &mut found);
    emails(text, &mut found);
    cards_and_phones(text, &mut found);
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut out: Vec<Finding> = Vec::new();
    for f in found {
        if out.last().is_none_or(|last| f.start >= last.end) {
            out.push(f);
        }
    }
    out
}

/// `text` with every finding replaced by its mask.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in scan(text) {
        out.push_str(&text[at..f.start]);
        out.push_str(f.kind.mask());
        at = f.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, what is found in it, as (kind, matched text)).
    #[test]
    fn positives_and_near_misses() {
        let table: Vec<(&str, Vec<(PiiKind, &str)>)> = vec![
            (
                "write to jane.doe+ts@example.com today",
                vec![(PiiKind::Email, "jane.doe+ts@example.com")],
            ),
            ("mail: a@b.co.", vec![(PiiKind::Email, "a@b.co")]),
            ("the handle @jane_doe posted", vec![]),
            ("@user@mastodon.social", vec![]),
            ("user@localhost", vec![]),
            ("name@example.c0m", vec![]),
            ("call +44 20 7946 0958 now", vec![(PiiKind::Phone, "+44 20 7946 0958")]),
            ("call (555) 123-4567", vec![(PiiKind::Phone, "(555) 123-4567")]),
            ("or 555-123-4567.", vec![(PiiKind::Phone, "555-123-4567")]),
            ("+81 90-1234-5678", vec![(PiiKind::Phone, "+81 90-1234-5678")]),
            ("posted on 2026-11-30", vec![]),
            ("on 30.11.2026 at 12:30", vec![]),
            ("case CASE-2026-000123", vec![]),
            ("https://social.example/post/4821012345", vec![]),
            ("version 1.2.3", vec![]),
            ("he has 1234567890 followers", vec![]),
            (
                "card 4111 1111 1111 1111 used",
                vec![(PiiKind::Card, "4111 1111 1111 1111")],
            ),
            ("card 4111-1111-1111-1111", vec![(PiiKind::Card, "4111-1111-1111-1111")]),
            ("5500005555555559", vec![(PiiKind::Card, "5500005555555559")]),
            ("4111 1111 1111 1112 fails Luhn", vec![]),
            ("order 1234567812345678", vec![]),
            (
                "IBAN GB82 WEST 1234 5698 7654 32 please",
                vec![(PiiKind::Iban, "GB82 WEST 1234 5698 7654 32")],
            ),
            (
                "DE89370400440532013000",
                vec![(PiiKind::Iban, "DE89370400440532013000")],
            ),
            ("GB82 WEST 1234 5698 7654 33", vec![]),
            ("GB00 policy", vec![]),
            ("ISO AB12 token", vec![]),
            (
                "جوال +966 50 123 4567 للتواصل",
                vec![(PiiKind::Phone, "+966 50 123 4567")],
            ),
            ("メール taro@example.jp まで", vec![(PiiKind::Email, "taro@example.jp")]),
        ];
        for (text, expected) in table {
            let found: Vec<(PiiKind, &str)> = scan(text).iter().map(|f| (f.kind, &text[f.start..f.end])).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn redaction_replaces_only_what_was_found() {
        assert_eq!(
            redact("reach me at a.b@example.org or +1 415 555 0100, card 4111111111111111."),
            "reach me at [email removed] or [phone removed], card [card removed]."
        );
        assert_eq!(
            redact("nothing here @handle 2026-01-01"),
            "nothing here @handle 2026-01-01"
        );
    }

    #[test]
    fn a_long_text_is_scanned_in_one_pass() {
        let text = "1 ".repeat(200_000) + &"@".repeat(100_000) + " a@b.cd";
        let found = scan(&text);
        assert_eq!(found.last().map(|f| f.kind), Some(PiiKind::Email));
    }
}
