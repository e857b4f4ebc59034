//! What changed between two versions of a policy, section by section and word by word,
//! matched by anchor (an anchor names a section's meaning across versions).

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use crate::document::body_text;
use crate::policy::{EnforcementAction, PolicyVersion};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Added,
    Removed,
    Changed,
    Unchanged,
}

/// Longest pair of texts (together, in bytes) compared word by word.
pub const MAX_WORD_DIFF_BYTES: usize = 16 * 1024;
/// Most text (in bytes) one [`compare`] diffs word by word; later changed sections are
/// compared whole, so comparing two versions stays quick however they are written.
pub const MAX_VERSION_WORD_DIFF_BYTES: usize = 32 * 1024;

/// A run of words that both versions share, or that only one has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Words {
    Same(String),
    Inserted(String),
    Deleted(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionDiff {
    pub anchor: String,
    /// The heading in the newer version, or in the older one for a removed section.
    pub heading: String,
    /// The older heading when it was reworded.
    pub old_heading: Option<String>,
    pub status: Status,
    /// The body, word by word (empty for an unchanged section).
    pub words: Vec<Words>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDiff {
    pub name: String,
    pub status: Status,
    pub old: Option<EnforcementAction>,
    pub new: Option<EnforcementAction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionDiff {
    pub from: u32,
    pub to: u32,
    pub summary: Vec<Words>,
    /// In the newer version's order; removed sections follow.
    pub sections: Vec<SectionDiff>,
    pub actions: Vec<ActionDiff>,
}

impl VersionDiff {
    pub fn count(&self, status: Status) -> usize {
        self.sections.iter().filter(|s| s.status == status).count()
    }

    pub fn is_empty(&self) -> bool {
        self.sections.iter().all(|s| s.status == Status::Unchanged)
            && self.actions.iter().all(|a| a.status == Status::Unchanged)
            && self.summary.iter().all(|w| matches!(w, Words::Same(_)))
    }
}

/// Word-level differences between two texts. Within a changed stretch, the removed words
/// are gathered into one run and the added ones into another, so it reads as "this phrase
/// became that phrase" rather than alternating single words.
///
/// Word diffs take time in proportion to the texts' length times the number of differences,
/// so texts longer together than [`MAX_WORD_DIFF_BYTES`] are compared whole: the old text
/// removed and the new one added.
pub fn diff_words(old: &str, new: &str) -> Vec<Words> {
    if old.len() + new.len() > MAX_WORD_DIFF_BYTES {
        return diff_whole(old, new);
    }
    let diff = TextDiff::configure().diff_words(old, new);
    let changes: Vec<(ChangeTag, &str)> = diff.iter_all_changes().map(|c| (c.tag(), c.value())).collect();
    let mut out: Vec<Words> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let flush = |out: &mut Vec<Words>, deleted: &mut String, inserted: &mut String| {
        if !deleted.is_empty() {
            out.push(Words::Deleted(std::mem::take(deleted)));
        }
        if !inserted.is_empty() {
            out.push(Words::Inserted(std::mem::take(inserted)));
        }
    };
    for (i, (tag, text)) in changes.iter().enumerate() {
        match tag {
            ChangeTag::Delete => deleted.push_str(text),
            ChangeTag::Insert => inserted.push_str(text),
            ChangeTag::Equal => {
                let in_change = !(deleted.is_empty() && inserted.is_empty());
                let change_follows = changes.get(i + 1).is_some_and(|(t, _)| *t != ChangeTag::Equal);
                if in_change && change_follows && text.trim().is_empty() {
                    deleted.push_str(text);
                    inserted.push_str(text);
                    continue;
                }
                flush(&mut out, &mut deleted, &mut inserted);
                match out.last_mut() {
                    Some(Words::Same(run)) => run.push_str(text),
                    _ => out.push(Words::Same(text.to_string())),
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// The old text removed and the new one added, or both the same.
fn diff_whole(old: &str, new: &str) -> Vec<Words> {
    if old == new {
        return vec![Words::Same(old.to_string())];
    }
    [Words::Deleted(old.to_string()), Words::Inserted(new.to_string())]
        .into_iter()
        .filter(|w| !matches!(w, Words::Deleted(t) | Words::Inserted(t) if t.is_empty()))
        .collect()
}

/// [`diff_words`] while `budget` lasts, then [`diff_whole`].
fn diff_within(old: &str, new: &str, budget: &mut usize) -> Vec<Words> {
    let cost = old.len() + new.len();
    if cost > *budget {
        return diff_whole(old, new);
    }
    *budget -= cost;
    diff_words(old, new)
}

/// Compares `old` with `new`.
pub fn compare(old: &PolicyVersion, new: &PolicyVersion) -> VersionDiff {
    let mut budget = MAX_VERSION_WORD_DIFF_BYTES;
    let summary = diff_within(&old.summary, &new.summary, &mut budget);
    let mut sections = Vec::new();
    for section in &new.sections {
        let new_text = body_text(&section.body);
        let entry = match old.section(section.anchor.as_str()) {
            None => SectionDiff {
                anchor: section.anchor.to_string(),
                heading: section.heading.clone(),
                old_heading: None,
                status: Status::Added,
                words: vec![Words::Inserted(new_text)],
            },
            Some(before) => {
                let old_text = body_text(&before.body);
                let reworded = (before.heading != section.heading).then(|| before.heading.clone());
                let same = old_text == new_text && reworded.is_none();
                SectionDiff {
                    anchor: section.anchor.to_string(),
                    heading: section.heading.clone(),
                    old_heading: reworded,
                    status: if same { Status::Unchanged } else { Status::Changed },
                    words: if same {
                        Vec::new()
                    } else {
                        diff_within(&old_text, &new_text, &mut budget)
                    },
                }
            }
        };
        sections.push(entry);
    }
    for section in old.sections.iter().filter(|s| new.section(s.anchor.as_str()).is_none()) {
        sections.push(SectionDiff {
            anchor: section.anchor.to_string(),
            heading: section.heading.clone(),
            old_heading: None,
            status: Status::Removed,
            words: vec![Words::Deleted(body_text(&section.body))],
        });
    }
    let mut actions = Vec::new();
    for action in &new.actions {
        let before = old.actions.iter().find(|a| a.name == action.name);
        let status = match before {
            None => Status::Added,
            Some(b) if b == action => Status::Unchanged,
            Some(_) => Status::Changed,
        };
        actions.push(ActionDiff {
            name: action.name.clone(),
            status,
            old: before.cloned(),
            new: Some(action.clone()),
        });
    }
    for action in old
        .actions
        .iter()
        .filter(|a| !new.actions.iter().any(|n| n.name == a.name))
    {
        actions.push(ActionDiff {
            name: action.name.clone(),
            status: Status::Removed,
            old: Some(action.clone()),
            new: None,
        });
    }
    VersionDiff {
        from: old.number,
        to: new.number,
        summary,
        sections,
        actions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Inline};
    use crate::policy::{Anchor, IsoDate, Section, Severity, VersionStatus};

    fn section(anchor: &str, heading: &str, text: &str) -> Section {
        Section {
            anchor: Anchor::new(anchor).expect("valid"),
            heading: heading.into(),
            lang: None,
            body: vec![Block::Paragraph(vec![Inline::Text(text.into())])],
        }
    }

    fn version(number: u32, sections: Vec<Section>, actions: Vec<EnforcementAction>) -> PolicyVersion {
        PolicyVersion {
            number,
            status: VersionStatus::Published,
            status_since: None,
            effective: IsoDate::new("2026-01-01").expect("valid"),
            verified_until: IsoDate::new("2027-01-01").expect("valid"),
            summary: format!("Summary {number}"),
            sections,
            actions,
        }
    }

    fn action(name: &str, severity: Severity) -> EnforcementAction {
        EnforcementAction {
            name: name.into(),
            severity,
            when: "Always.".into(),
        }
    }

    #[test]
    fn sections_are_matched_by_anchor_and_compared_word_by_word() {
        let old = version(
            1,
            vec![
                section("overview", "Overview", "Home addresses of private people are removed."),
                section("gone", "Old rule", "Obsolete."),
                section("same", "Same", "Unchanged text."),
            ],
            vec![
                action("Remove content", Severity::Medium),
                action("Warn user", Severity::Low),
            ],
        );
        let new = version(
            2,
            vec![
                section(
                    "overview",
                    "Overview",
                    "Home addresses of anyone, public figures included, are removed.",
                ),
                section("same", "Same", "Unchanged text."),
                section("public-figures", "Public figures", "New."),
            ],
            vec![
                action("Remove content", Severity::High),
                action("Suspend account", Severity::Critical),
            ],
        );
        let diff = compare(&old, &new);
        let statuses: Vec<(&str, Status)> = diff.sections.iter().map(|s| (s.anchor.as_str(), s.status)).collect();
        assert_eq!(
            statuses,
            [
                ("overview", Status::Changed),
                ("same", Status::Unchanged),
                ("public-figures", Status::Added),
                ("gone", Status::Removed)
            ]
        );
        let words = &diff.sections[0].words;
        assert!(words.contains(&Words::Deleted("private people".into())), "{words:?}");
        assert!(
            words
                .iter()
                .any(|w| matches!(w, Words::Inserted(t) if t.contains("public figures included"))),
            "{words:?}"
        );
        let actions: Vec<(&str, Status)> = diff.actions.iter().map(|a| (a.name.as_str(), a.status)).collect();
        assert_eq!(
            actions,
            [
                ("Remove content", Status::Changed),
                ("Suspend account", Status::Added),
                ("Warn user", Status::Removed)
            ]
        );
        assert!(!diff.is_empty());
        assert!(compare(&new, &new).is_empty());
    }

    #[test]
    fn long_texts_that_differ_everywhere_are_compared_whole_and_quickly() {
        // Words from a small vocabulary in two unrelated orders: almost every word differs.
        let words = |seed: u64| {
            let mut state = seed;
            (0..30_000)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ["a ", "b ", "c ", "d "][(state >> 33) as usize % 4]
                })
                .collect::<String>()
        };
        let (old, new) = (words(1), words(2));
        let started = std::time::Instant::now();
        let words = diff_words(&old, &new);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(words, [Words::Deleted(old.clone()), Words::Inserted(new)]);
        assert_eq!(diff_words(&old, &old), [Words::Same(old.clone())]);
        assert_eq!(diff_words(&old, ""), [Words::Deleted(old)]);
    }

    #[test]
    fn comparing_versions_with_many_changed_sections_stays_within_the_word_diff_budget() {
        let text = |seed: usize| {
            (0..1_500)
                .map(|i| ["a ", "b ", "c "][(i * seed) % 7 % 3])
                .collect::<String>()
        };
        let many = |seed: usize| {
            let sections = (0..100)
                .map(|i| section(&format!("s{i}"), "S", &text(seed + i)))
                .collect();
            version(1, sections, vec![])
        };
        let started = std::time::Instant::now();
        let diff = compare(&many(1), &many(2));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
        let whole = diff.sections.iter().filter(|s| s.words.len() == 2).count();
        assert!(whole > 70, "{whole} sections compared whole");
    }
}
