//! A sweep's guidance, one version at a time: what the event is, what to look for (Markdown,
//! rendered by the app through the safe document model, never as HTML), when to escalate,
//! the checklist every item goes through, and the decisions an agent may take, each tied to a
//! policy section at a version and an enforcement action.
//!
//! A version is a draft until the sweep's `published` field reaches its number; from then on it
//! never changes, and publishing the next one supersedes it ([`VersionState`]). Everything
//! here is validated the same way in the authoring form and in the server's push check, so a
//! stored version always reads back. A checklist step may depend on an earlier step's answer;
//! a step whose condition does not hold is neither required nor may it be answered.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::sync::MAX_VALUE_BYTES;

/// Most versions one sweep's guidance may have.
pub const MAX_VERSIONS: u64 = 50;
pub const MAX_GUIDANCE_TITLE_CHARS: usize = 200;
pub const MAX_EVENT_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 6_000;
pub const MAX_ESCALATION_CHARS: usize = 2_000;
/// Most regions, languages and linked sections each.
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG_CHARS: usize = 64;
pub const MAX_STEPS: usize = 30;
pub const MAX_STEP_LABEL_CHARS: usize = 300;
pub const MAX_CHOICE_OPTIONS: usize = 12;
pub const MAX_OPTION_CHARS: usize = 100;
/// Longest short-text answer.
pub const MAX_TEXT_ANSWER_CHARS: usize = 500;
pub const MAX_DECISIONS: usize = 12;

/// A policy section at one version: what a decision applies, and what is recorded with it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionRef {
    /// The section's id in the policy library (`harassment.private-info`).
    pub section: String,
    pub version: u32,
}

impl SectionRef {
    /// `section@version`, as exports and answers name it.
    pub fn label(&self) -> String {
        format!("{}@{}", self.section, self.version)
    }
}

/// What kind of answer a step takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Ticked or not.
    Check,
    /// One of the step's options.
    Choice,
    /// A short text, at most [`MAX_TEXT_ANSWER_CHARS`].
    Text,
}

/// A step applies only when an earlier step's answer equals `equals` (a check's `true` or
/// `false`, or one of a choice's options).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub step: String,
    pub equals: Value,
}

/// One step of the checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable within the sweep, so answers and exports name steps across versions.
    pub id: String,
    pub label: String,
    pub kind: StepKind,
    /// A choice's options; no other kind has any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

/// A decision an agent may take on an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionOption {
    pub id: String,
    pub label: String,
    pub section: SectionRef,
    /// The enforcement action's id in the policy (`remove`, `label`, `none`).
    pub action: String,
    /// Whether taking it escalates the item to the specialist.
    #[serde(default)]
    pub escalates: bool,
}

/// The event's time window, in milliseconds since the epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub start_ms: u64,
    pub end_ms: u64,
}

/// One version of a sweep's guidance: the value of the sweep's `guidance/{n}` field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub title: String,
    pub event: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// Markdown.
    #[serde(default)]
    pub description: String,
    /// The description parsed into the safe document model, by the server (`POST
    /// /api/documents/parse`: the app does not link the Markdown parser), what agents read.
    /// Absent when the description was written offline: agents then read its plain text.
    /// Checked like any document received ([`crate::document::check`]) wherever the version is
    /// read, and bounded by the size of the whole version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_doc: Option<Vec<crate::document::Block>>,
    #[serde(default)]
    pub escalation: String,
    #[serde(default)]
    pub sections: Vec<SectionRef>,
    #[serde(default)]
    pub checklist: Vec<Step>,
    pub decisions: Vec<DecisionOption>,
}

/// Where a version stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionState {
    Draft,
    /// The version in force.
    Published,
    /// Published, then replaced by a later version.
    Superseded,
}

/// The state of version `n` when the sweep's `published` field is `published`.
pub fn version_state(n: u64, published: u64) -> VersionState {
    match n.cmp(&published) {
        std::cmp::Ordering::Greater => VersionState::Draft,
        std::cmp::Ordering::Equal => VersionState::Published,
        std::cmp::Ordering::Less => VersionState::Superseded,
    }
}

/// What is wrong with a version, in words an author can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GuidanceError {
    #[error("the guidance is not in the expected shape: {0}")]
    Shape(String),
    #[error("the {what} must not be empty")]
    Empty { what: &'static str },
    #[error("the {what} may be at most {max} characters")]
    TooLong { what: &'static str, max: usize },
    #[error("at most {max} {what}")]
    TooMany { what: &'static str, max: usize },
    #[error("the time window ends before it starts")]
    Window,
    #[error("{what} “{id}” is given twice")]
    Repeated { what: &'static str, id: String },
    #[error("an id is 1 to 64 letters, digits, '.', '-' or '_': “{0}”")]
    BadId(String),
    #[error("step “{0}” is a choice without options")]
    NoOptions(String),
    #[error("step “{0}” is not a choice and cannot have options")]
    StrayOptions(String),
    #[error("step “{step}” depends on “{on}”, which is not an earlier step")]
    NotEarlier { step: String, on: String },
    #[error("step “{step}” depends on a short-text step; only checks and choices can be conditions")]
    TextCondition { step: String },
    #[error("step “{step}” waits for an answer “{on}” never gives")]
    Unreachable { step: String, on: String },
    #[error("the formatted description: {0}")]
    Document(crate::document::DocumentError),
    #[error("give at least one decision")]
    NoDecisions,
    #[error("the guidance is {0} bytes; at most {MAX_VALUE_BYTES} are allowed")]
    TooLarge(usize),
}

fn id_ok(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// A section id: an id, or the library's `slug#anchor` (what the policy search picks).
fn section_id_ok(id: &str) -> bool {
    match id.split_once('#') {
        Some((slug, anchor)) => id_ok(slug) && id_ok(anchor),
        None => id_ok(id),
    }
}

fn text(value: &str, what: &'static str, max: usize, required: bool) -> Result<(), GuidanceError> {
    if required && value.trim().is_empty() {
        return Err(GuidanceError::Empty { what });
    }
    if value.chars().count() > max {
        return Err(GuidanceError::TooLong { what, max });
    }
    Ok(())
}

fn count<T>(list: &[T], what: &'static str, max: usize) -> Result<(), GuidanceError> {
    if list.len() > max {
        return Err(GuidanceError::TooMany { what, max });
    }
    Ok(())
}

impl Guidance {
    /// Reads and validates a stored or sent version.
    pub fn from_value(value: &Value) -> Result<Guidance, GuidanceError> {
        let guidance: Guidance =
            serde_json::from_value(value.clone()).map_err(|e| GuidanceError::Shape(e.to_string()))?;
        guidance.validate()?;
        Ok(guidance)
    }

    /// The value stored in the sweep's `guidance/{n}` field.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).expect("a guidance is plain data")
    }

    /// Every rule a version must meet; the first one broken.
    pub fn validate(&self) -> Result<(), GuidanceError> {
        text(&self.title, "title", MAX_GUIDANCE_TITLE_CHARS, true)?;
        text(&self.event, "event", MAX_EVENT_CHARS, true)?;
        text(&self.description, "description", MAX_DESCRIPTION_CHARS, false)?;
        if let Some(doc) = &self.description_doc {
            crate::document::check(doc).map_err(GuidanceError::Document)?;
        }
        text(&self.escalation, "escalation criteria", MAX_ESCALATION_CHARS, false)?;
        if let Some(w) = self.window
            && w.end_ms < w.start_ms
        {
            return Err(GuidanceError::Window);
        }
        count(&self.regions, "regions", MAX_TAGS)?;
        count(&self.languages, "languages", MAX_TAGS)?;
        count(&self.sections, "linked sections", MAX_TAGS)?;
        for tag in self.regions.iter().chain(&self.languages) {
            text(tag, "region or language", MAX_TAG_CHARS, true)?;
        }
        for section in self.sections.iter().chain(self.decisions.iter().map(|d| &d.section)) {
            if !section_id_ok(&section.section) {
                return Err(GuidanceError::BadId(section.section.clone()));
            }
        }
        self.validate_checklist()?;
        if self.decisions.is_empty() {
            return Err(GuidanceError::NoDecisions);
        }
        count(&self.decisions, "decisions", MAX_DECISIONS)?;
        let mut ids = BTreeSet::new();
        for decision in &self.decisions {
            if !id_ok(&decision.id) || !id_ok(&decision.action) {
                return Err(GuidanceError::BadId(if id_ok(&decision.id) {
                    decision.action.clone()
                } else {
                    decision.id.clone()
                }));
            }
            text(&decision.label, "decision's label", MAX_OPTION_CHARS, true)?;
            if !ids.insert(decision.id.as_str()) {
                return Err(GuidanceError::Repeated {
                    what: "decision",
                    id: decision.id.clone(),
                });
            }
        }
        // Measured through the stored value (the same bytes), so the app builds one serializer.
        let size = serde_json::to_vec(&self.to_value()).map_or(usize::MAX, |v| v.len());
        if size > MAX_VALUE_BYTES {
            return Err(GuidanceError::TooLarge(size));
        }
        Ok(())
    }

    fn validate_checklist(&self) -> Result<(), GuidanceError> {
        count(&self.checklist, "checklist steps", MAX_STEPS)?;
        let mut earlier: BTreeMap<&str, &Step> = BTreeMap::new();
        for step in &self.checklist {
            if !id_ok(&step.id) {
                return Err(GuidanceError::BadId(step.id.clone()));
            }
            text(&step.label, "step's label", MAX_STEP_LABEL_CHARS, true)?;
            if step.kind != StepKind::Choice && !step.options.is_empty() {
                return Err(GuidanceError::StrayOptions(step.id.clone()));
            }
            if step.kind == StepKind::Choice {
                if step.options.is_empty() {
                    return Err(GuidanceError::NoOptions(step.id.clone()));
                }
                count(&step.options, "options in a choice", MAX_CHOICE_OPTIONS)?;
                let mut seen = BTreeSet::new();
                for option in &step.options {
                    text(option, "option", MAX_OPTION_CHARS, true)?;
                    if !seen.insert(option.as_str()) {
                        return Err(GuidanceError::Repeated {
                            what: "option",
                            id: option.clone(),
                        });
                    }
                }
            }
            if let Some(when) = &step.when {
                let not_earlier = || GuidanceError::NotEarlier {
                    step: step.id.clone(),
                    on: when.step.clone(),
                };
                let on = earlier.get(when.step.as_str()).ok_or_else(not_earlier)?;
                let reachable = match on.kind {
                    StepKind::Check => when.equals.is_boolean(),
                    StepKind::Choice => when.equals.as_str().is_some_and(|v| on.options.iter().any(|o| o == v)),
                    StepKind::Text => {
                        return Err(GuidanceError::TextCondition { step: step.id.clone() });
                    }
                };
                if !reachable {
                    return Err(GuidanceError::Unreachable {
                        step: step.id.clone(),
                        on: when.step.clone(),
                    });
                }
            }
            if earlier.insert(&step.id, step).is_some() {
                return Err(GuidanceError::Repeated {
                    what: "step",
                    id: step.id.clone(),
                });
            }
        }
        Ok(())
    }

    pub fn decision(&self, id: &str) -> Option<&DecisionOption> {
        self.decisions.iter().find(|d| d.id == id)
    }

    /// Whether `step` applies given the answers so far.
    pub fn applies(&self, step: &Step, answers: &BTreeMap<String, Value>) -> bool {
        match &step.when {
            None => true,
            Some(when) => {
                // A condition on a step that itself does not apply does not hold.
                let parent_applies = self
                    .checklist
                    .iter()
                    .find(|s| s.id == when.step)
                    .is_some_and(|parent| self.applies(parent, answers));
                parent_applies && answers.get(&when.step) == Some(&when.equals)
            }
        }
    }

    /// Checks an item's answers against this version's checklist: every answer names a step
    /// that applies and has the step's kind of value; with `complete`, every required step
    /// that applies is answered (a check counts as answered when ticked).
    pub fn check_answers(&self, answers: &BTreeMap<String, Value>, complete: bool) -> Result<(), AnswerError> {
        for (id, value) in answers {
            let step = self
                .checklist
                .iter()
                .find(|s| s.id == *id)
                .ok_or_else(|| AnswerError::NoSuchStep(id.clone()))?;
            if !self.applies(step, answers) {
                return Err(AnswerError::NotApplicable(id.clone()));
            }
            let fits = match (&step.kind, value) {
                (StepKind::Check, Value::Bool(_)) => true,
                (StepKind::Choice, Value::String(s)) => step.options.contains(s),
                (StepKind::Text, Value::String(s)) => s.chars().count() <= MAX_TEXT_ANSWER_CHARS,
                _ => false,
            };
            if !fits {
                return Err(AnswerError::Wrong(id.clone()));
            }
        }
        if complete {
            for step in self.checklist.iter().filter(|s| s.required && self.applies(s, answers)) {
                let answered = match answers.get(&step.id) {
                    Some(Value::Bool(b)) => *b,
                    Some(Value::String(s)) => !s.trim().is_empty(),
                    _ => false,
                };
                if !answered {
                    return Err(AnswerError::Missing(step.id.clone()));
                }
            }
        }
        Ok(())
    }

    /// What changed from `before` to this version, in short lines an agent reads before
    /// acknowledging it.
    pub fn changes_since(&self, before: &Guidance) -> Vec<Change> {
        let mut changes = Vec::new();
        for (what, old, new) in [
            ("title", &before.title, &self.title),
            ("event", &before.event, &self.event),
            ("description", &before.description, &self.description),
            ("escalation", &before.escalation, &self.escalation),
        ] {
            if old != new {
                changes.push(Change::Text(what));
            }
        }
        if before.window != self.window || before.regions != self.regions || before.languages != self.languages {
            changes.push(Change::Text("window, regions or languages"));
        }
        let old_steps: BTreeMap<&str, &Step> = before.checklist.iter().map(|s| (s.id.as_str(), s)).collect();
        let new_steps: BTreeMap<&str, &Step> = self.checklist.iter().map(|s| (s.id.as_str(), s)).collect();
        for step in &self.checklist {
            match old_steps.get(step.id.as_str()) {
                None => changes.push(Change::StepAdded(step.label.clone())),
                Some(old) if *old != step => changes.push(Change::StepChanged(step.label.clone())),
                Some(_) => {}
            }
        }
        for step in &before.checklist {
            if !new_steps.contains_key(step.id.as_str()) {
                changes.push(Change::StepRemoved(step.label.clone()));
            }
        }
        for decision in &self.decisions {
            match before.decision(&decision.id) {
                None => changes.push(Change::DecisionAdded(decision.label.clone())),
                Some(old) if old != decision => changes.push(Change::DecisionChanged(decision.label.clone())),
                Some(_) => {}
            }
        }
        for decision in &before.decisions {
            if self.decision(&decision.id).is_none() {
                changes.push(Change::DecisionRemoved(decision.label.clone()));
            }
        }
        changes
    }
}

/// One change between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A text part changed (its name).
    Text(&'static str),
    StepAdded(String),
    StepChanged(String),
    StepRemoved(String),
    DecisionAdded(String),
    DecisionChanged(String),
    DecisionRemoved(String),
}

/// Why an item's answers do not fit the checklist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("the checklist has no step “{0}”")]
    NoSuchStep(String),
    #[error("step “{0}” does not apply given the earlier answers")]
    NotApplicable(String),
    #[error("the answer to step “{0}” is not one the step takes")]
    Wrong(String),
    #[error("step “{0}” is required")]
    Missing(String),
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    pub(crate) fn sample() -> Guidance {
        Guidance::from_value(&json!({
            "title": "Fake polling-place claims",
            "event": "Election night",
            "window": {"start_ms": 1, "end_ms": 2},
            "regions": ["ES"], "languages": ["es", "ar"],
            "description": "Look for **fake** times.",
            "escalation": "Threats of violence",
            "sections": [{"section": "civic.misinfo", "version": 3}],
            "checklist": [
                {"id": "claim", "label": "Claims a wrong time or place?", "kind": "check", "required": true},
                {"id": "reach", "label": "Reach", "kind": "choice", "options": ["low", "high"], "required": true,
                 "when": {"step": "claim", "equals": true}},
                {"id": "source", "label": "Source", "kind": "text", "required": true,
                 "when": {"step": "reach", "equals": "high"}},
                {"id": "remark", "label": "Remark", "kind": "text", "required": false}
            ],
            "decisions": [
                {"id": "remove", "label": "Remove", "section": {"section": "civic.misinfo", "version": 3}, "action": "remove"},
                {"id": "escalate", "label": "Escalate", "section": {"section": "civic.misinfo", "version": 3},
                 "action": "none", "escalates": true}
            ]
        }))
        .expect("the sample is valid")
    }

    /// A change to the sample's JSON.
    type Edit = Box<dyn FnOnce(&mut Value)>;
    type Answers = BTreeMap<String, Value>;

    fn with(change: impl FnOnce(&mut Value)) -> Result<Guidance, GuidanceError> {
        let mut value = sample().to_value();
        change(&mut value);
        Guidance::from_value(&value)
    }

    #[test]
    fn a_decision_names_a_library_section_as_the_policy_search_picks_it() {
        let g =
            with(|v| v["decisions"][0]["section"] = json!({"section": "election-integrity#not-allowed", "version": 3}))
                .expect("policy#section is a section id");
        assert_eq!(g.decisions[0].section.label(), "election-integrity#not-allowed@3");
    }

    #[test]
    fn a_version_is_refused_with_the_rule_it_breaks() {
        let table: Vec<(&str, Edit, &str)> = vec![
            (
                "no title",
                Box::new(|v| v["title"] = json!(" ")),
                "the title must not be empty",
            ),
            (
                "a long event",
                Box::new(|v| v["event"] = json!("e".repeat(201))),
                "the event may be at most 200 characters",
            ),
            (
                "a backwards window",
                Box::new(|v| v["window"] = json!({"start_ms": 5, "end_ms": 4})),
                "the time window ends before it starts",
            ),
            (
                "an unknown field",
                Box::new(|v| v["colour"] = json!("red")),
                "the guidance is not in the expected shape: unknown field `colour`",
            ),
            (
                "a step on a later step",
                Box::new(|v| v["checklist"][0]["when"] = json!({"step": "reach", "equals": "high"})),
                "step “claim” depends on “reach”, which is not an earlier step",
            ),
            (
                "a step on itself",
                Box::new(|v| v["checklist"][0]["when"] = json!({"step": "claim", "equals": true})),
                "step “claim” depends on “claim”, which is not an earlier step",
            ),
            (
                "a condition no answer meets",
                Box::new(|v| v["checklist"][1]["when"]["equals"] = json!("yes")),
                "step “reach” waits for an answer “claim” never gives",
            ),
            (
                "a condition on text",
                Box::new(|v| v["checklist"][3]["when"] = json!({"step": "source", "equals": "x"})),
                "step “remark” depends on a short-text step; only checks and choices can be conditions",
            ),
            (
                "a choice without options",
                Box::new(|v| v["checklist"][1]["options"] = json!([])),
                "step “reach” is a choice without options",
            ),
            (
                "a repeated step",
                Box::new(|v| v["checklist"][3]["id"] = json!("claim")),
                "step “claim” is given twice",
            ),
            (
                "a bad step id",
                Box::new(|v| v["checklist"][3]["id"] = json!("a b")),
                "an id is 1 to 64 letters, digits, '.', '-' or '_': “a b”",
            ),
            (
                "no decisions",
                Box::new(|v| v["decisions"] = json!([])),
                "give at least one decision",
            ),
            (
                "a repeated decision",
                Box::new(|v| v["decisions"][1]["id"] = json!("remove")),
                "decision “remove” is given twice",
            ),
            (
                "too many steps",
                Box::new(|v| {
                    v["checklist"] = json!(
                        (0..31)
                            .map(|i| json!({"id": format!("s{i}"), "label": "x", "kind": "check", "required": false}))
                            .collect::<Vec<_>>()
                    )
                }),
                "at most 30 checklist steps",
            ),
            (
                "too large a value",
                Box::new(|v| {
                    v["description"] = json!("é".repeat(6_000));
                    v["escalation"] = json!("é".repeat(2_000));
                }),
                "the guidance is 16",
            ),
            (
                "a section with two anchors",
                Box::new(|v| v["decisions"][0]["section"]["section"] = json!("civic#misinfo#x")),
                "an id is 1 to 64",
            ),
            (
                "a formatted description with a javascript: link",
                Box::new(|v| {
                    v["description_doc"] =
                        json!([{"Paragraph": [{"Link": {"href": "javascript:alert(1)", "content": [{"Text": "x"}]}}]}])
                }),
                "the formatted description: a link target may be",
            ),
            (
                "a formatted description nested too deep",
                Box::new(|v| {
                    let deep = (0..40).fold(
                        json!([{"Paragraph": [{"Text": "x"}]}]),
                        |inner, _| json!([{"Quote": inner}]),
                    );
                    v["description_doc"] = deep;
                }),
                "the formatted description: the document nests deeper",
            ),
            (
                "a formatted description that is not a document",
                Box::new(|v| v["description_doc"] = json!([{"Script": "alert(1)"}])),
                "the guidance is not in the expected shape",
            ),
        ];
        for (what, change, expected) in table {
            let got = with(change).map(|_| ()).map_err(|e| e.to_string());
            match got {
                Err(e) => assert!(e.starts_with(expected), "{what}: {e}"),
                Ok(()) => panic!("{what}: accepted"),
            }
        }
    }

    #[test]
    fn answers_follow_the_checklist_and_its_conditions() {
        let g = sample();
        let answers = |pairs: &[(&str, Value)]| -> BTreeMap<String, Value> {
            pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
        };
        let table: Vec<(Answers, bool, Result<(), AnswerError>)> = vec![
            (answers(&[]), false, Ok(())),
            (answers(&[]), true, Err(AnswerError::Missing("claim".into()))),
            (
                answers(&[("claim", json!(false))]),
                true,
                Err(AnswerError::Missing("claim".into())),
            ),
            // The claim is ticked: the reach applies and is required.
            (
                answers(&[("claim", json!(true))]),
                true,
                Err(AnswerError::Missing("reach".into())),
            ),
            (
                answers(&[("claim", json!(true)), ("reach", json!("low"))]),
                true,
                Ok(()),
            ),
            // High reach: the source applies, and its answer must not be blank.
            (
                answers(&[
                    ("claim", json!(true)),
                    ("reach", json!("high")),
                    ("source", json!("  ")),
                ]),
                true,
                Err(AnswerError::Missing("source".into())),
            ),
            (
                answers(&[
                    ("claim", json!(true)),
                    ("reach", json!("high")),
                    ("source", json!("a bot")),
                ]),
                true,
                Ok(()),
            ),
            // A step whose condition does not hold may not be answered, even transitively.
            (
                answers(&[("claim", json!(false)), ("reach", json!("low"))]),
                false,
                Err(AnswerError::NotApplicable("reach".into())),
            ),
            (
                answers(&[("claim", json!(true)), ("reach", json!("low")), ("source", json!("x"))]),
                false,
                Err(AnswerError::NotApplicable("source".into())),
            ),
            (
                answers(&[("claim", json!("yes"))]),
                false,
                Err(AnswerError::Wrong("claim".into())),
            ),
            (
                answers(&[("claim", json!(true)), ("reach", json!("huge"))]),
                false,
                Err(AnswerError::Wrong("reach".into())),
            ),
            (
                answers(&[("remark", json!("x".repeat(MAX_TEXT_ANSWER_CHARS + 1)))]),
                false,
                Err(AnswerError::Wrong("remark".into())),
            ),
            (
                answers(&[("nope", json!(true))]),
                false,
                Err(AnswerError::NoSuchStep("nope".into())),
            ),
        ];
        for (given, complete, expected) in table {
            assert_eq!(
                g.check_answers(&given, complete),
                expected,
                "{given:?} complete={complete}"
            );
        }
    }

    #[test]
    fn versions_move_from_draft_to_published_to_superseded_and_changes_are_listed() {
        assert_eq!(version_state(3, 2), VersionState::Draft);
        assert_eq!(version_state(2, 2), VersionState::Published);
        assert_eq!(version_state(1, 2), VersionState::Superseded);
        let v1 = sample();
        let mut v2 = v1.clone();
        v2.escalation = "Threats, or doxxing".into();
        v2.checklist.remove(3);
        v2.checklist[1].label = "How far did it spread?".into();
        v2.decisions[0].section.version = 4;
        assert_eq!(
            v2.changes_since(&v1),
            vec![
                Change::Text("escalation"),
                Change::StepChanged("How far did it spread?".into()),
                Change::StepRemoved("Remark".into()),
                Change::DecisionChanged("Remove".into()),
            ]
        );
        assert!(v1.changes_since(&v1).is_empty());
    }
}
