//! A sweep for the post-incident review, as CSV and JSON: one row per item (target, assignee,
//! the guidance version its answers were given under, each checklist step's answer, the
//! decision with its policy section@version and enforcement action, the note, who worked it
//! and when), and a timeline of guidance versions and acknowledgments.
//!
//! The CSV opens in a spreadsheet as written: UTF-8 with a byte-order mark, CRLF rows, RFC 4180
//! quoting, and a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! prefixed with `'`, so no cell is read as a formula. Times are UTC, ISO 8601, from the
//! clocks the sync log carries (the author's device clock, capped by the server).

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::assign::Person;
use super::guidance::Guidance;
use super::{
    Choice, Item, MAX_VERSIONS, ack_object, decision_label, guidance_field, load, published_field, sweep_object,
};
use crate::sync::{Field, Overlay, Shown};

/// One item, as the review reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub item: usize,
    pub target: String,
    pub assignee: String,
    pub assignee_org: String,
    /// The guidance version the answers were given under (empty: none).
    pub guidance: String,
    /// One per step of [`Review::steps`].
    pub answers: Vec<String>,
    pub decision: String,
    pub section: String,
    pub action: String,
    pub escalated: bool,
    pub note: String,
    pub done: bool,
    /// Who made the decision, as the log names them ("Name (Organisation)").
    pub decided_by: String,
    pub decided_at: String,
    pub done_at: String,
    /// Whether any field holds a conflict nobody resolved.
    pub conflict: bool,
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: String,
    pub at_ms: u64,
    /// "published" or "acknowledged".
    pub what: &'static str,
    pub version: u64,
    pub who: String,
}

/// A whole sweep for the review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub id: String,
    pub title: String,
    /// Every step id of every published version, in first-seen order.
    pub steps: Vec<String>,
    pub rows: Vec<Row>,
    pub timeline: Vec<Event>,
}

/// Milliseconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ` (empty for 0: never).
pub fn iso_utc(ms: u64) -> String {
    if ms == 0 {
        return String::new();
    }
    let secs = ms / 1000;
    let (days, rest) = ((secs / 86_400) as i64, secs % 86_400);
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

fn at(shown: &Shown<'_>) -> String {
    shown.field.map_or(String::new(), |f: &Field| iso_utc(f.clock.wall_ms))
}

/// Sweep `id` as the review reads it, from what this device holds.
pub fn review(view: &Overlay<'_>, id: &str) -> Option<Review> {
    let sweep = load(view, id)?;
    let object = sweep_object(id);
    let mut versions: Vec<(u64, Guidance)> = Vec::new();
    let mut timeline = Vec::new();
    for v in 1..=MAX_VERSIONS {
        let published = view.get(&object, &published_field(v));
        let Some(field) = published.field.filter(|_| published.as_bool()) else {
            break;
        };
        timeline.push(Event {
            at: iso_utc(field.clock.wall_ms),
            at_ms: field.clock.wall_ms,
            what: "published",
            version: v,
            who: field.author.clone(),
        });
        if let Some(g) = view
            .get(&object, &guidance_field(v))
            .value
            .and_then(|value| Guidance::from_value(value).ok())
        {
            versions.push((v, g));
        }
    }
    for ack in view.objects_under(&ack_object(id, "")) {
        for field in view.fields_of(ack) {
            let shown = view.get(ack, field);
            let (Some(version), Some(f)) = (field.strip_prefix('v').and_then(|v| v.parse().ok()), shown.field) else {
                continue;
            };
            timeline.push(Event {
                at: iso_utc(f.clock.wall_ms),
                at_ms: f.clock.wall_ms,
                what: "acknowledged",
                version,
                who: f.author.clone(),
            });
        }
    }
    timeline.sort_by(|a, b| (a.at_ms, a.version, a.what).cmp(&(b.at_ms, b.version, b.what)));
    let mut steps: Vec<String> = Vec::new();
    let mut known = BTreeSet::new();
    for (_, g) in &versions {
        for step in &g.checklist {
            if known.insert(step.id.clone()) {
                steps.push(step.id.clone());
            }
        }
    }
    let rows = sweep.items.iter().map(|item| row(item, &versions, &steps)).collect();
    Some(Review {
        id: id.to_string(),
        title: sweep.title,
        steps,
        rows,
        timeline,
    })
}

fn row(item: &Item<'_>, versions: &[(u64, Guidance)], steps: &[String]) -> Row {
    let guidance_of = |v: u64| versions.iter().find(|(n, _)| *n == v).map(|(_, g)| g);
    let assignee = item.assignee.value.and_then(Person::from_value);
    let answers = item.answers.value;
    let answer_version = answers.and_then(|a| a.get("guidance")).and_then(Value::as_u64);
    let answer = |step: &String| match answers.and_then(|a| a.get("steps")).and_then(|s| s.get(step)) {
        Some(Value::Bool(true)) => "yes".to_string(),
        Some(Value::Bool(false)) => "no".to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    let (decision, section, action, escalated) = match item.decision.value {
        Some(Value::String(s)) => (
            decision_label(s).to_string(),
            String::new(),
            String::new(),
            s == "escalate",
        ),
        Some(value) => match Choice::from_value(value) {
            Some(choice) => {
                let option = guidance_of(choice.guidance).and_then(|g| g.decision(&choice.option));
                (
                    option.map_or(choice.option.clone(), |o| o.label.clone()),
                    choice.section.clone(),
                    option.map_or(String::new(), |o| o.action.clone()),
                    option.is_some_and(|o| o.escalates),
                )
            }
            None => Default::default(),
        },
        None => Default::default(),
    };
    let decided_version = item.decision.value.and_then(Choice::from_value).map(|c| c.guidance);
    Row {
        item: item.n,
        target: item.target.as_str().to_string(),
        assignee: assignee.as_ref().map_or(String::new(), |p| p.name.clone()),
        assignee_org: assignee.map_or(String::new(), |p| p.org),
        guidance: answer_version
            .or(decided_version)
            .map_or(String::new(), |v| v.to_string()),
        answers: steps.iter().map(answer).collect(),
        decision,
        section,
        action,
        escalated,
        note: item.note.as_str().to_string(),
        done: item.done.as_bool(),
        decided_by: item.decision.field.map_or(String::new(), |f| f.author.clone()),
        decided_at: at(&item.decision),
        done_at: at(&item.done),
        conflict: item.has_conflict(),
    }
}

/// A CSV cell: quoted when it must be, and never a formula.
pub fn csv_cell(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if neutral.contains(['"', ',', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

fn csv(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for cells in std::iter::once(header.to_vec()).chain(rows) {
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn yes(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

impl Review {
    /// The items as CSV.
    pub fn items_csv(&self) -> String {
        let mut header: Vec<String> = ["item", "target", "assignee", "assignee_org", "guidance_version"]
            .map(String::from)
            .to_vec();
        header.extend(self.steps.iter().map(|s| format!("step:{s}")));
        header.extend(
            [
                "decision",
                "section",
                "action",
                "escalated",
                "note",
                "done",
                "decided_by",
                "decided_at",
                "done_at",
                "conflict",
            ]
            .map(String::from),
        );
        csv(
            &header,
            self.rows.iter().map(|r| {
                let mut cells = vec![
                    r.item.to_string(),
                    r.target.clone(),
                    r.assignee.clone(),
                    r.assignee_org.clone(),
                    r.guidance.clone(),
                ];
                cells.extend(r.answers.iter().cloned());
                cells.extend([
                    r.decision.clone(),
                    r.section.clone(),
                    r.action.clone(),
                    yes(r.escalated),
                    r.note.clone(),
                    yes(r.done),
                    r.decided_by.clone(),
                    r.decided_at.clone(),
                    r.done_at.clone(),
                    yes(r.conflict),
                ]);
                cells
            }),
        )
    }

    /// The timeline of versions and acknowledgments as CSV.
    pub fn timeline_csv(&self) -> String {
        csv(
            &["at", "event", "version", "who"].map(String::from),
            self.timeline
                .iter()
                .map(|e| vec![e.at.clone(), e.what.to_string(), e.version.to_string(), e.who.clone()]),
        )
    }

    /// Everything as one JSON document.
    pub fn to_json(&self) -> Value {
        json!({
            "sweep": {"id": self.id, "title": self.title},
            "steps": self.steps,
            "timeline": self.timeline.iter().map(|e| json!({
                "at": e.at, "event": e.what, "version": e.version, "who": e.who,
            })).collect::<Vec<_>>(),
            "items": self.rows.iter().map(|r| json!({
                "item": r.item,
                "target": r.target,
                "assignee": r.assignee,
                "assignee_org": r.assignee_org,
                "guidance_version": r.guidance,
                "answers": self.steps.iter().zip(&r.answers)
                    .filter(|(_, a)| !a.is_empty())
                    .map(|(s, a)| (s.clone(), Value::from(a.as_str())))
                    .collect::<serde_json::Map<_, _>>(),
                "decision": r.decision,
                "section": r.section,
                "action": r.action,
                "escalated": r.escalated,
                "note": r.note,
                "done": r.done,
                "decided_by": r.decided_by,
                "decided_at": r.decided_at,
                "done_at": r.done_at,
                "conflict": r.conflict,
            })).collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_never_formulas() {
        let table = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("انتخابات", "انتخابات"),
            ("選挙の夜", "選挙の夜"),
            ("", ""),
        ];
        for (value, expected) in table {
            assert_eq!(csv_cell(value), expected, "{value:?}");
        }
    }

    #[test]
    fn times_are_utc_dates() {
        let table = [
            (0, ""),
            (1_000, "1970-01-01T00:00:01Z"),
            (951_782_400_000, "2000-02-29T00:00:00Z"),
            (1_700_000_000_000, "2023-11-14T22:13:20Z"),
            (4_102_444_799_000, "2099-12-31T23:59:59Z"),
        ];
        for (ms, expected) in table {
            assert_eq!(iso_utc(ms), expected, "{ms}");
        }
    }
}
