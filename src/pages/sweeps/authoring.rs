//! Writing the next version of a sweep's guidance in a form: title, event, time window,
//! regions, languages, description (Markdown), escalation criteria, linked sections, the
//! checklist (steps of kind check, choice or short text, each required or not, and shown only
//! when an earlier step has a given answer) and the decision options (label, policy
//! section@version, enforcement action). Every change is checked by core's rules at once: the
//! first problem is said at the top and again beside the field, step or decision it is about,
//! and the preview shows what agents will see. Saved as a draft or published. A published
//! version never changes; publishing the next one supersedes it and asks every agent to
//! acknowledge it before their next item. The version as JSON stays available under
//! "Advanced", to copy out or paste in.

use std::collections::BTreeMap;
use std::rc::Rc;

use casebook_core::sweep::guidance::{
    Condition, DecisionOption, Guidance, GuidanceError, MAX_DECISIONS, MAX_STEPS, SectionRef, Step, StepKind, Window,
};
use casebook_core::sweep::{self};
use casebook_core::sync::Op;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::run::GuidanceView;
use crate::components::policy_picker::PolicyPicker;
use crate::i18n::{I18n, use_i18n};
use crate::sync::SyncHandle;
use crate::tr;

#[derive(Debug, Properties, PartialEq)]
pub struct GuidanceAuthoringProps {
    pub sync: SyncHandle,
    pub id: String,
}

/// A first version to start from.
fn example() -> Guidance {
    let section = SectionRef {
        section: "policy.section-id".into(),
        version: 1,
    };
    Guidance {
        title: "What to look for".into(),
        event: "The event".into(),
        window: None,
        regions: vec![],
        languages: vec!["en".into()],
        description: "What agents look for, in Markdown.".into(),
        description_doc: None,
        escalation: "When to escalate.".into(),
        sections: vec![],
        checklist: vec![Step {
            id: "claim".into(),
            label: "Makes the claim this sweep is about".into(),
            kind: StepKind::Check,
            options: vec![],
            required: true,
            when: None,
        }],
        decisions: vec![
            DecisionOption {
                id: "remove".into(),
                label: "Remove".into(),
                section: section.clone(),
                action: "remove".into(),
                escalates: false,
            },
            DecisionOption {
                id: "no-violation".into(),
                label: "No violation".into(),
                section,
                action: "none".into(),
                escalates: false,
            },
        ],
    }
}

/// The form's state: the version as typed, and the fields whose text does not read as a value
/// yet (a section without `@version`, half a time window), by field id, with that text.
#[derive(Debug, Clone, PartialEq)]
struct Form {
    guidance: Guidance,
    unreadable: BTreeMap<String, String>,
    /// The text of a field read on leaving it (a list, a section, the window) while it is
    /// typed, so a re-render meanwhile (sync brings news every second or so) shows the text
    /// as typed, not the value read so far.
    typed: BTreeMap<String, String>,
    /// The description text `guidance.description_doc` was formatted from (by the server);
    /// when the description has changed since, the document is stale and not saved.
    formatted: Option<String>,
}

impl Form {
    /// The version as saved: the formatted description only if it is the description's.
    fn to_save(&self) -> Guidance {
        let mut g = self.guidance.clone();
        let fresh = self.formatted.as_deref() == Some(g.description.as_str());
        // A formatted description that would take the version past its size bound is left
        // out: agents read the plain text rather than the author being stopped.
        if !fresh || (g.description_doc.is_some() && matches!(g.validate(), Err(GuidanceError::TooLarge(_)))) {
            g.description_doc = None;
        }
        g
    }
}

/// Where formatting the description stands.
#[derive(Debug, Clone, PartialEq)]
enum Formatting {
    /// Formatted, or nothing to format.
    Done,
    Working,
    /// The server could not be reached: the text is kept and agents read it plain.
    NeedsNetwork,
    /// The server refused it (too deep, too long): its reason.
    Refused(String),
}

/// Asks the server to format `description` (the app does not link the Markdown parser) and
/// keeps the document if the description is still the same when it answers.
fn format_description(description: String, form: UseReducerDispatcher<Form>, state: UseStateHandle<Formatting>) {
    use casebook_core::wire::{MarkdownSource, ParsedDocument};
    state.set(Formatting::Working);
    wasm_bindgen_futures::spawn_local(async move {
        let source = MarkdownSource {
            markdown: description.clone(),
        };
        // Read through a `Value`, as versions are, so the app holds one reader of documents.
        let answer = crate::api::post_json::<_, Value>("/api/documents/parse", &source)
            .await
            .and_then(|v| {
                serde_json::from_value::<ParsedDocument>(v)
                    .map_err(|e| crate::api::ApiFailure::Unreadable(e.to_string()))
            });
        match answer {
            Ok(parsed) => {
                state.set(Formatting::Done);
                let blocks = Rc::new(parsed.blocks);
                form.dispatch(Edit(Rc::new(move |f: &mut Form| {
                    if f.guidance.description == description {
                        f.guidance.description_doc = Some((*blocks).clone());
                        f.formatted = Some(description.clone());
                    }
                })));
            }
            Err(crate::api::ApiFailure::Unreachable) => state.set(Formatting::NeedsNetwork),
            Err(failure) => state.set(Formatting::Refused(failure.reason())),
        }
    });
}

/// One change to the form.
struct Edit(Rc<dyn Fn(&mut Form)>);

impl Reducible for Form {
    type Action = Edit;

    fn reduce(self: Rc<Self>, action: Edit) -> Rc<Form> {
        let mut next = (*self).clone();
        (action.0)(&mut next);
        Rc::new(next)
    }
}

/// The text of the input, text area or select an event came from; a checkbox gives
/// `"true"` or `"false"`.
fn value_of(target: Option<web_sys::EventTarget>) -> String {
    let Some(target) = target else { return String::new() };
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        if input.type_() == "checkbox" {
            return input.checked().to_string();
        }
        return input.value();
    }
    if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        return area.value();
    }
    target
        .dyn_ref::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// A callback for `oninput`/`onchange` that applies `f` with the field's text.
fn on<E: AsRef<web_sys::Event> + 'static>(
    form: &UseReducerDispatcher<Form>,
    f: impl Fn(&mut Form, String) + 'static,
) -> Callback<E> {
    let (form, f) = (form.clone(), Rc::new(f));
    Callback::from(move |e: E| {
        let value = value_of(e.as_ref().target());
        let f = f.clone();
        form.dispatch(Edit(Rc::new(move |state: &mut Form| f(state, value.clone()))));
    })
}

/// `oninput` and `onchange` for a field read from its text: `f` applies the text at each
/// keystroke (the text is kept as typed) and again on leaving the field (then shown as read).
fn typed(
    form: &UseReducerDispatcher<Form>,
    key: String,
    f: impl Fn(&mut Form, String) + 'static,
) -> (Callback<InputEvent>, Callback<Event>) {
    let f = Rc::new(f);
    let (g, k) = (f.clone(), key.clone());
    let oninput = on::<InputEvent>(form, move |state, v| {
        state.typed.insert(k.clone(), v.clone());
        g(state, v);
    });
    let onchange = on::<Event>(form, move |state, v| {
        f(state, v);
        state.typed.remove(&key);
    });
    (oninput, onchange)
}

/// A field's text: as typed, or as it failed to read, or `read`.
fn shown_text(form: &Form, key: &str, read: impl FnOnce() -> String) -> String {
    form.typed
        .get(key)
        .or_else(|| form.unreadable.get(key))
        .cloned()
        .unwrap_or_else(read)
}

/// A callback for a button that applies `f`.
fn click(form: &UseReducerDispatcher<Form>, f: impl Fn(&mut Form) + 'static) -> Callback<MouseEvent> {
    let (form, f) = (form.clone(), Rc::new(f));
    Callback::from(move |_| {
        let f = f.clone();
        form.dispatch(Edit(Rc::new(move |state: &mut Form| f(state))));
    })
}

/// A comma-separated list, trimmed, blanks dropped.
fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `section@version`.
fn section_ref(text: &str) -> Option<SectionRef> {
    let (section, version) = text.trim().rsplit_once('@')?;
    Some(SectionRef {
        section: section.trim().to_string(),
        version: version.trim().parse().ok().filter(|v| *v > 0)?,
    })
}

/// Sets a field read from text: the value when the text reads, else the text is kept as
/// unreadable under `key` (and the value left as it was).
fn read_into<T>(
    form: &mut Form,
    key: &str,
    text: String,
    read: impl Fn(&str) -> Option<T>,
    set: impl FnOnce(&mut Guidance, T),
) {
    match read(&text) {
        Some(value) => {
            form.unreadable.remove(key);
            set(&mut form.guidance, value);
        }
        None => {
            form.unreadable.insert(key.to_string(), text);
        }
    }
}

/// A local date and time (`datetime-local`) as milliseconds since the epoch.
fn local_ms(text: &str) -> Option<u64> {
    let ms = js_sys::Date::new(&JsValue::from_str(text)).get_time();
    (ms.is_finite() && ms >= 0.0).then_some(ms as u64)
}

/// Milliseconds since the epoch as a local `datetime-local` value.
fn local_text(ms: u64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Where a problem is shown besides the top line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Field(&'static str),
    Step(usize),
    Decision(usize),
    Checklist,
    Decisions,
    Top,
}

/// Where core's first problem with `g` belongs in the form.
fn place(g: &Guidance, error: &GuidanceError) -> Place {
    let step = |id: &str| {
        g.checklist
            .iter()
            .position(|s| s.id == id)
            .map_or(Place::Checklist, Place::Step)
    };
    let too_long = |text: &str, max: usize| text.trim().is_empty() || text.chars().count() > max;
    match error {
        GuidanceError::Empty { what } | GuidanceError::TooLong { what, .. } => match *what {
            "title" => Place::Field("title"),
            "event" => Place::Field("event"),
            "description" => Place::Field("description"),
            "escalation criteria" => Place::Field("escalation"),
            "region or language" => {
                if g.regions.iter().any(|r| too_long(r, 64)) {
                    Place::Field("regions")
                } else {
                    Place::Field("languages")
                }
            }
            "step's label" | "option" => g
                .checklist
                .iter()
                .position(|s| too_long(&s.label, 300) || s.options.iter().any(|o| too_long(o, 100)))
                .map_or(Place::Checklist, Place::Step),
            "decision's label" => g
                .decisions
                .iter()
                .position(|d| too_long(&d.label, 100))
                .map_or(Place::Decisions, Place::Decision),
            _ => Place::Top,
        },
        GuidanceError::TooMany { what, .. } => match *what {
            "regions" => Place::Field("regions"),
            "languages" => Place::Field("languages"),
            "linked sections" => Place::Field("sections"),
            "checklist steps" => Place::Checklist,
            "decisions" => Place::Decisions,
            _ => g
                .checklist
                .iter()
                .position(|s| s.options.len() > 12)
                .map_or(Place::Checklist, Place::Step),
        },
        GuidanceError::Window => Place::Field("window"),
        GuidanceError::Repeated { what, id } => match *what {
            "decision" => g
                .decisions
                .iter()
                .rposition(|d| d.id == *id)
                .map_or(Place::Decisions, Place::Decision),
            "option" => g
                .checklist
                .iter()
                .position(|s| s.options.iter().filter(|o| *o == id).count() > 1)
                .map_or(Place::Checklist, Place::Step),
            _ => g
                .checklist
                .iter()
                .rposition(|s| s.id == *id)
                .map_or(Place::Checklist, Place::Step),
        },
        GuidanceError::BadId(id) => {
            if let Some(i) = g.checklist.iter().position(|s| s.id == *id) {
                Place::Step(i)
            } else if let Some(i) = g
                .decisions
                .iter()
                .position(|d| d.id == *id || d.action == *id || d.section.section == *id)
            {
                Place::Decision(i)
            } else if g.sections.iter().any(|s| s.section == *id) {
                Place::Field("sections")
            } else {
                Place::Top
            }
        }
        GuidanceError::NoOptions(id) | GuidanceError::StrayOptions(id) => step(id),
        GuidanceError::NotEarlier { step: id, .. }
        | GuidanceError::TextCondition { step: id }
        | GuidanceError::Unreachable { step: id, .. } => step(id),
        GuidanceError::NoDecisions => Place::Decisions,
        GuidanceError::Document(_) => Place::Field("description"),
        GuidanceError::Shape(_) | GuidanceError::TooLarge(_) => Place::Top,
    }
}

/// The first problem with the form: a field whose text does not read, or core's first rule
/// broken; with where it is shown.
fn problem(i18n: &I18n, form: &Form) -> Option<(Place, String)> {
    if let Some(key) = form.unreadable.keys().next() {
        let at = |prefix: &str| key.strip_prefix(prefix).and_then(|i| i.parse::<usize>().ok());
        let place = if key.starts_with("window") {
            Place::Field("window")
        } else if key == "sections" {
            Place::Field("sections")
        } else if let Some(i) = at("decision-") {
            Place::Decision(i)
        } else {
            Place::Top
        };
        let message = if key.starts_with("window") {
            i18n.t("sweeps-form-window-both")
        } else {
            i18n.t("sweeps-form-section-format")
        };
        return Some((place, message));
    }
    form.to_save().validate().err().map(|e| {
        (
            place(&form.guidance, &e),
            tr!(i18n, "sweeps-author-invalid", reason = e.to_string()),
        )
    })
}

/// A problem shown beside what it is about, if it is about `here`.
fn here(problem: &Option<(Place, String)>, here: Place, id: &str) -> Html {
    match problem {
        Some((place, message)) if *place == here => {
            html! { <p class="error field-error" id={id.to_string()}>{ message }</p> }
        }
        _ => html! {},
    }
}

/// A step id not used yet: `step-N`.
fn fresh_id(prefix: &str, taken: &[&str]) -> String {
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_default()
}

#[component]
pub fn GuidanceAuthoring(props: &GuidanceAuthoringProps) -> Html {
    let i18n = use_i18n();
    let overlay = props.sync.state.overlay();
    let current = sweep::current_guidance(&overlay, &props.id);
    let next = current.as_ref().map_or(1, |(v, _)| v + 1);
    let draft = sweep::guidance_version(&overlay, &props.id, next);
    let start = draft
        .clone()
        .or(current.as_ref().map(|(_, g)| g.clone()))
        .unwrap_or_else(example);
    let form = use_reducer(|| Form {
        formatted: start.description_doc.as_ref().map(|_| start.description.clone()),
        guidance: start,
        unreadable: BTreeMap::new(),
        typed: BTreeMap::new(),
    });
    // The description is formatted by the server a moment after typing stops.
    let formatting = use_state(|| Formatting::Done);
    {
        let (d, formatting) = (form.dispatcher(), formatting.clone());
        let fresh = form.formatted.as_deref() == Some(form.guidance.description.as_str());
        use_effect_with(
            (form.guidance.description.clone(), fresh),
            move |(description, fresh)| {
                let timer = (!*fresh && !description.trim().is_empty()).then(|| {
                    let description = description.clone();
                    gloo::timers::callback::Timeout::new(400, move || format_description(description, d, formatting))
                });
                move || drop(timer)
            },
        );
    }
    let json = use_state(String::new);
    let json_error = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let d = form.dispatcher();
    let g = &form.guidance;
    let problem = problem(&i18n, &form);
    let ready = problem.is_none();
    let save = |publish: bool| {
        let (sync, id, form, error) = (props.sync.clone(), props.id.clone(), form.clone(), error.clone());
        Callback::from(move |_| {
            let guidance = form.to_save();
            if !form.unreadable.is_empty() || guidance.validate().is_err() {
                return;
            }
            let mut ops: Vec<Op> = vec![sweep::write_draft(&sync.state.overlay(), &id, next, &guidance)];
            if publish {
                ops.push(sweep::publish_version(&id, next));
            }
            let (sync, error) = (sync.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                error.set(sync.edit(ops).await.err());
            });
        })
    };
    let invalid = |at: Place| problem.as_ref().is_some_and(|(p, _)| *p == at).then_some("true");
    let field = |key: &'static str| Place::Field(key);
    let text_field = |key: &'static str, label: String, value: String, max: usize, set: fn(&mut Guidance, String)| {
        let id = format!("guidance-{key}");
        let err = format!("{id}-error");
        html! {
            <>
                <label for={id.clone()}>{ label }</label>
                <input id={id} dir="auto" maxlength={max.to_string()} {value} aria-invalid={invalid(field(key))}
                    aria-describedby={invalid(field(key)).map(|_| err.clone())}
                    oninput={on::<InputEvent>(&d, move |f, v| set(&mut f.guidance, v))} />
                { here(&problem, field(key), &err) }
            </>
        }
    };
    let list_field = |key: &'static str,
                      label: String,
                      hint: String,
                      value: String,
                      set: fn(&mut Guidance, Vec<String>)| {
        let id = format!("guidance-{key}");
        let err = format!("{id}-error");
        let value = shown_text(&form, key, || value);
        let (oninput, onchange) = typed(&d, key.to_string(), move |f, v| set(&mut f.guidance, list(&v)));
        html! {
            <>
                <label for={id.clone()}>{ label }</label>
                <input id={id} dir="auto" maxlength="1400" {value} placeholder={hint} aria-invalid={invalid(field(key))}
                    aria-describedby={invalid(field(key)).map(|_| err.clone())} {oninput} {onchange} />
                { here(&problem, field(key), &err) }
            </>
        }
    };
    let window_field = |which: usize| {
        let key = if which == 0 { "window-start" } else { "window-end" };
        let value = shown_text(&form, key, || {
            g.window
                .map(|w| local_text(if which == 0 { w.start_ms } else { w.end_ms }))
                .unwrap_or_default()
        });
        let (oninput, onchange) = typed(&d, key.to_string(), move |f, v| {
            let other_key = if which == 0 { "window-end" } else { "window-start" };
            let other = f.unreadable.get(other_key).cloned().unwrap_or_else(|| {
                f.guidance
                    .window
                    .map(|w| local_text(if which == 0 { w.end_ms } else { w.start_ms }))
                    .unwrap_or_default()
            });
            let (start, end) = if which == 0 { (v, other) } else { (other, v) };
            f.unreadable.remove("window-start");
            f.unreadable.remove("window-end");
            match (start.is_empty(), end.is_empty()) {
                (true, true) => f.guidance.window = None,
                _ => match (local_ms(&start), local_ms(&end)) {
                    (Some(start_ms), Some(end_ms)) => f.guidance.window = Some(Window { start_ms, end_ms }),
                    _ => {
                        f.unreadable.insert("window-start".into(), start);
                        f.unreadable.insert("window-end".into(), end);
                    }
                },
            }
        });
        html! {
            <input id={key} type="datetime-local" {value} {oninput} {onchange} aria-invalid={invalid(field("window"))}
                aria-label={i18n.t(if which == 0 { "sweeps-form-window-start" } else { "sweeps-form-window-end" })} />
        }
    };
    let sections_text = shown_text(&form, "sections", || {
        g.sections.iter().map(SectionRef::label).collect::<Vec<_>>().join(", ")
    });
    let (sections_input, sections_change) = typed(&d, "sections".into(), |f, v| {
        let parsed: Option<Vec<SectionRef>> = list(&v).iter().map(|s| section_ref(s)).collect();
        read_into(f, "sections", v, |_| parsed.clone(), |g, s| g.sections = s);
    });
    let steps: Vec<Html> = g
        .checklist
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let id = |what: &str| format!("step-{i}-{what}");
            let err = id("error");
            let conditions: Vec<&Step> = g.checklist[..i].iter().filter(|e| e.kind != StepKind::Text).collect();
            let on_step = |f: fn(&mut Step, String)| on::<Event>(&d, move |form, v| {
                if let Some(s) = form.guidance.checklist.get_mut(i) {
                    f(s, v);
                }
            });
            let on_step_input = |f: fn(&mut Step, String)| on::<InputEvent>(&d, move |form, v| {
                if let Some(s) = form.guidance.checklist.get_mut(i) {
                    f(s, v);
                }
            });
            let on_when = on::<Event>(&d, move |form, v| {
                let equals = form
                    .guidance
                    .checklist
                    .iter()
                    .find(|e| e.id == v)
                    .map(|e| match e.kind {
                        StepKind::Choice => Value::from(e.options.first().cloned().unwrap_or_default()),
                        _ => Value::Bool(true),
                    });
                if let Some(s) = form.guidance.checklist.get_mut(i) {
                    s.when = equals.map(|equals| Condition { step: v, equals });
                }
            });
            let on_equals = on::<Event>(&d, move |form, v| {
                let kind = form.guidance.checklist.get(i).and_then(|s| s.when.as_ref()).and_then(|w| {
                    form.guidance.checklist.iter().find(|e| e.id == w.step).map(|e| e.kind)
                });
                if let Some(when) = form.guidance.checklist.get_mut(i).and_then(|s| s.when.as_mut()) {
                    when.equals = match kind {
                        Some(StepKind::Check) => Value::Bool(v == "true"),
                        _ => Value::from(v),
                    };
                }
            });
            let on_also = s.when.as_ref().and_then(|w| g.checklist[..i].iter().find(|e| e.id == w.step));
            let equals_text = s.when.as_ref().map(|w| match &w.equals {
                Value::Bool(b) => b.to_string(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            let options_text = shown_text(&form, &id("options"), || s.options.join(", "));
            let (options_input, options_change) = typed(&d, id("options"), move |form, v| {
                if let Some(s) = form.guidance.checklist.get_mut(i) {
                    s.options = list(&v);
                }
            });
            let remove = click(&d, move |form| {
                if i < form.guidance.checklist.len() {
                    form.guidance.checklist.remove(i);
                    form.typed.retain(|k, _| !k.starts_with("step-"));
                }
            });
            let up = click(&d, move |form| {
                if i > 0 && i < form.guidance.checklist.len() {
                    form.guidance.checklist.swap(i - 1, i);
                    form.typed.retain(|k, _| !k.starts_with("step-"));
                }
            });
            html! {
                <li class="form-step" data-step={s.id.clone()} aria-invalid={invalid(Place::Step(i))}>
                    <fieldset>
                        <legend>{ tr!(i18n, "sweeps-form-step", n = i + 1) }</legend>
                        <label for={id("label")}>{ i18n.t("sweeps-form-step-label") }</label>
                        <input id={id("label")} dir="auto" maxlength="300" value={s.label.clone()} oninput={on_step_input(|s, v| s.label = v)} />
                        <label for={id("kind")}>{ i18n.t("sweeps-form-step-kind") }</label>
                        <select id={id("kind")} onchange={on_step(|s, v| {
                            s.kind = match v.as_str() { "choice" => StepKind::Choice, "text" => StepKind::Text, _ => StepKind::Check };
                            if s.kind != StepKind::Choice { s.options.clear(); }
                        })}>
                            <option value="check" selected={s.kind == StepKind::Check}>{ i18n.t("sweeps-form-kind-check") }</option>
                            <option value="choice" selected={s.kind == StepKind::Choice}>{ i18n.t("sweeps-form-kind-choice") }</option>
                            <option value="text" selected={s.kind == StepKind::Text}>{ i18n.t("sweeps-form-kind-text") }</option>
                        </select>
                        if s.kind == StepKind::Choice {
                            <label for={id("options")}>{ i18n.t("sweeps-form-step-options") }</label>
                            <input id={id("options")} dir="auto" maxlength="1300" value={options_text} oninput={options_input} onchange={options_change} />
                        }
                        <label class="check" for={id("required")}>
                            <input type="checkbox" id={id("required")} checked={s.required} onchange={on_step(|s, v| s.required = v == "true")} />
                            { i18n.t("sweeps-form-step-required") }
                        </label>
                        <label for={id("when")}>{ i18n.t("sweeps-form-step-when") }</label>
                        <select id={id("when")} onchange={on_when}>
                            <option value="" selected={s.when.is_none()}>{ i18n.t("sweeps-form-step-always") }</option>
                            { for conditions.iter().map(|e| html! {
                                <option value={e.id.clone()} selected={s.when.as_ref().is_some_and(|w| w.step == e.id)}>{ &e.label }</option>
                            }) }
                            if let Some(w) = s.when.as_ref().filter(|w| !conditions.iter().any(|e| e.id == w.step)) {
                                <option value={w.step.clone()} selected=true>{ tr!(i18n, "sweeps-form-step-missing", step = w.step.as_str()) }</option>
                            }
                        </select>
                        if let Some(parent) = on_also {
                            <label for={id("equals")}>{ i18n.t("sweeps-form-step-equals") }</label>
                            <select id={id("equals")} onchange={on_equals}>
                                if parent.kind == StepKind::Check {
                                    <option value="true" selected={equals_text.as_deref() == Some("true")}>{ i18n.t("sweeps-form-ticked") }</option>
                                    <option value="false" selected={equals_text.as_deref() == Some("false")}>{ i18n.t("sweeps-form-not-ticked") }</option>
                                } else {
                                    { for parent.options.iter().map(|o| html! {
                                        <option value={o.clone()} selected={equals_text.as_deref() == Some(o.as_str())}>{ o }</option>
                                    }) }
                                }
                            </select>
                        }
                        <label for={id("id")}>{ i18n.t("sweeps-form-id") }</label>
                        <input id={id("id")} class="form-id" dir="ltr" maxlength="64" value={s.id.clone()} oninput={on_step_input(|s, v| s.id = v)} />
                        { here(&problem, Place::Step(i), &err) }
                        <div class="button-row">
                            if i > 0 {
                                <button type="button" onclick={up}>{ tr!(i18n, "sweeps-form-step-up", n = i + 1) }</button>
                            }
                            <button type="button" onclick={remove}>{ tr!(i18n, "sweeps-form-step-remove", n = i + 1) }</button>
                        </div>
                    </fieldset>
                </li>
            }
        })
        .collect();
    let decisions: Vec<Html> = g
        .decisions
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let id = |what: &str| format!("decision-{i}-{what}");
            let key = format!("decision-{i}");
            let on_input = |f: fn(&mut DecisionOption, String)| on::<InputEvent>(&d, move |form, v| {
                if let Some(o) = form.guidance.decisions.get_mut(i) {
                    f(o, v);
                }
            });
            // Picked with the library's search (offline too): words typed are a search, read
            // as section@version once a section is picked or the field is left.
            let section_typed = {
                let (d, key) = (d.clone(), key.clone());
                Callback::from(move |v: String| {
                    let key = key.clone();
                    d.dispatch(Edit(Rc::new(move |form: &mut Form| {
                        form.typed.insert(key.clone(), v.clone());
                    })));
                })
            };
            let section_commit = {
                let (d, key) = (d.clone(), key.clone());
                Callback::from(move |v: String| {
                    let key = key.clone();
                    d.dispatch(Edit(Rc::new(move |form: &mut Form| {
                        read_into(form, &key, v.clone(), section_ref, |g, s| {
                            if let Some(o) = g.decisions.get_mut(i) {
                                o.section = s;
                            }
                        });
                        form.typed.remove(&key);
                    })));
                })
            };
            let on_escalates = on::<Event>(&d, move |form, v| {
                if let Some(o) = form.guidance.decisions.get_mut(i) {
                    o.escalates = v == "true";
                }
            });
            let remove = click(&d, move |form| {
                if i < form.guidance.decisions.len() {
                    form.guidance.decisions.remove(i);
                    form.unreadable.retain(|k, _| !k.starts_with("decision-"));
                    form.typed.retain(|k, _| !k.starts_with("decision-"));
                }
            });
            let section = shown_text(&form, &key, || o.section.label());
            html! {
                <li class="form-decision" aria-invalid={invalid(Place::Decision(i))}>
                    <fieldset>
                        <legend>{ tr!(i18n, "sweeps-form-decision", n = i + 1) }</legend>
                        <label for={id("label")}>{ i18n.t("sweeps-form-decision-label") }</label>
                        <input id={id("label")} dir="auto" maxlength="100" value={o.label.clone()} oninput={on_input(|o, v| o.label = v)} />
                        <label for={id("section")}>{ i18n.t("sweeps-form-decision-section") }</label>
                        <PolicyPicker id={id("section")} value={section} required=true max="140"
                            invalid={invalid(Place::Decision(i))} described={None::<String>} onchange={section_typed} oncommit={section_commit} />
                        <label for={id("action")}>{ i18n.t("sweeps-form-decision-action") }</label>
                        <input id={id("action")} dir="ltr" maxlength="64" value={o.action.clone()} list="guidance-action-list"
                            oninput={on_input(|o, v| o.action = v)} />
                        <label class="check" for={id("escalates")}>
                            <input type="checkbox" id={id("escalates")} checked={o.escalates} onchange={on_escalates} />
                            { i18n.t("sweeps-form-decision-escalates") }
                        </label>
                        <label for={id("id")}>{ i18n.t("sweeps-form-id") }</label>
                        <input id={id("id")} class="form-id" dir="ltr" maxlength="64" value={o.id.clone()} oninput={on_input(|o, v| o.id = v)} />
                        { here(&problem, Place::Decision(i), &id("error")) }
                        <div class="button-row">
                            <button type="button" onclick={remove}>{ tr!(i18n, "sweeps-form-decision-remove", n = i + 1) }</button>
                        </div>
                    </fieldset>
                </li>
            }
        })
        .collect();
    let add_step = click(&d, |form| {
        if form.guidance.checklist.len() < MAX_STEPS {
            let taken: Vec<&str> = form.guidance.checklist.iter().map(|s| s.id.as_str()).collect();
            let id = fresh_id("step", &taken);
            form.guidance.checklist.push(Step {
                id,
                label: String::new(),
                kind: StepKind::Check,
                options: vec![],
                required: true,
                when: None,
            });
        }
    });
    let add_decision = click(&d, |form| {
        if form.guidance.decisions.len() < MAX_DECISIONS {
            let taken: Vec<&str> = form.guidance.decisions.iter().map(|o| o.id.as_str()).collect();
            let id = fresh_id("decision", &taken);
            let section = form
                .guidance
                .decisions
                .last()
                .map(|o| o.section.clone())
                .or_else(|| form.guidance.sections.first().cloned())
                .unwrap_or(SectionRef {
                    section: "policy.section-id".into(),
                    version: 1,
                });
            form.guidance.decisions.push(DecisionOption {
                id,
                label: String::new(),
                section,
                action: "none".into(),
                escalates: false,
            });
        }
    });
    // Advanced: the version as JSON, to copy out or paste in.
    let on_json_open = {
        let (json, form) = (json.clone(), form.clone());
        Callback::from(move |_: Event| {
            json.set(serde_json::to_string_pretty(&form.guidance.to_value()).unwrap_or_default());
        })
    };
    let on_json = {
        let json = json.clone();
        Callback::from(move |e: InputEvent| json.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let apply_json = {
        let (json, json_error, d, i18n) = (json.clone(), json_error.clone(), d.clone(), i18n.clone());
        Callback::from(move |_| {
            let read = serde_json::from_str::<Value>(&json)
                .map_err(|e| e.to_string())
                .and_then(|v| serde_json::from_value::<Guidance>(v).map_err(|e| e.to_string()));
            match read {
                Ok(guidance) => {
                    json_error.set(None);
                    d.dispatch(Edit(Rc::new(move |form: &mut Form| {
                        form.guidance = guidance.clone();
                        form.unreadable.clear();
                        form.typed.clear();
                        // A pasted document is not trusted to be the description's: formatted again.
                        form.guidance.description_doc = None;
                        form.formatted = None;
                    })));
                }
                Err(why) => json_error.set(Some(tr!(i18n, "sweeps-author-invalid", reason = why))),
            }
        })
    };
    html! {
        <details class="guidance-authoring">
            <summary>{ tr!(i18n, "sweeps-author-title", version = next) }</summary>
            <p class="muted">{ i18n.t("sweeps-author-help") }</p>
            if draft.is_some() {
                <p class="muted">{ tr!(i18n, "sweeps-author-draft", version = next) }</p>
            }
            <div class="authoring-columns">
                <form class="form guidance-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { text_field("title", i18n.t("sweeps-form-title"), g.title.clone(), 200, |g, v| g.title = v) }
                    { text_field("event", i18n.t("sweeps-form-event"), g.event.clone(), 200, |g, v| g.event = v) }
                    <fieldset class="form-window">
                        <legend>{ i18n.t("sweeps-form-window") }</legend>
                        { window_field(0) }{ " – " }{ window_field(1) }
                        { here(&problem, field("window"), "guidance-window-error") }
                    </fieldset>
                    { list_field("regions", i18n.t("sweeps-form-regions"), "VL, XY".into(), g.regions.join(", "), |g, v| g.regions = v) }
                    { list_field("languages", i18n.t("sweeps-form-languages"), "en, es, ar".into(), g.languages.join(", "), |g, v| g.languages = v) }
                    <label for="guidance-description">{ i18n.t("sweeps-form-description") }</label>
                    <textarea id="guidance-description" dir="auto" rows="5" maxlength="6000" value={g.description.clone()}
                        aria-invalid={invalid(field("description"))}
                        oninput={on::<InputEvent>(&d, |f, v| f.guidance.description = v)} />
                    { here(&problem, field("description"), "guidance-description-error") }
                    <p id="guidance-description-format" class="muted" aria-live="polite">
                        { match (&*formatting, g.description.trim().is_empty(), form.formatted.as_deref() == Some(g.description.as_str())) {
                            (_, true, _) => String::new(),
                            (_, _, true) => i18n.t("sweeps-form-description-formatted"),
                            (Formatting::NeedsNetwork, _, _) => i18n.t("sweeps-form-description-offline"),
                            (Formatting::Refused(why), _, _) => tr!(i18n, "sweeps-form-description-refused", reason = why.as_str()),
                            (Formatting::Working | Formatting::Done, _, _) => i18n.t("sweeps-form-description-formatting"),
                        } }
                    </p>
                    <label for="guidance-escalation">{ i18n.t("sweeps-form-escalation") }</label>
                    <textarea id="guidance-escalation" dir="auto" rows="2" maxlength="2000" value={g.escalation.clone()}
                        aria-invalid={invalid(field("escalation"))}
                        oninput={on::<InputEvent>(&d, |f, v| f.guidance.escalation = v)} />
                    { here(&problem, field("escalation"), "guidance-escalation-error") }
                    <label for="guidance-sections">{ i18n.t("sweeps-form-sections") }</label>
                    <input id="guidance-sections" dir="ltr" maxlength="2800" value={sections_text} placeholder="civic-integrity.voting-logistics@3"
                        aria-invalid={invalid(field("sections"))} oninput={sections_input} onchange={sections_change} />
                    { here(&problem, field("sections"), "guidance-sections-error") }
                    <h2 class="small-heading">{ i18n.t("sweeps-guidance-checklist") }</h2>
                    <ol class="form-steps">{ for steps }</ol>
                    { here(&problem, Place::Checklist, "guidance-checklist-error") }
                    <button type="button" onclick={add_step} disabled={g.checklist.len() >= MAX_STEPS}>{ i18n.t("sweeps-form-step-add") }</button>
                    <h2 class="small-heading">{ i18n.t("sweeps-guidance-decisions") }</h2>
                    <ol class="form-decisions">{ for decisions }</ol>
                    { here(&problem, Place::Decisions, "guidance-decisions-error") }
                    <button type="button" onclick={add_decision} disabled={g.decisions.len() >= MAX_DECISIONS}>{ i18n.t("sweeps-form-decision-add") }</button>
                    <datalist id="guidance-action-list">
                        { for ["none", "label", "remove", "escalate", "restrict"].iter().map(|a| html! { <option value={*a} /> }) }
                    </datalist>
                    <p id="guidance-check" class={classes!(if ready { "muted" } else { "error" })} aria-live="polite">
                        { match &problem {
                            None => i18n.t("sweeps-author-valid"),
                            Some((_, message)) => message.clone(),
                        } }
                    </p>
                    if let Some(message) = &*error {
                        <p class="error" role="alert">{ message }</p>
                    }
                    <div class="button-row">
                        <button type="button" onclick={save(false)} disabled={!ready}>{ i18n.t("sweeps-author-save") }</button>
                        <button type="button" class="primary" onclick={save(true)} disabled={!ready}>{ tr!(i18n, "sweeps-author-publish", version = next) }</button>
                    </div>
                    <details class="guidance-json" ontoggle={on_json_open}>
                        <summary>{ i18n.t("sweeps-form-json") }</summary>
                        <label for="guidance-json">{ tr!(i18n, "sweeps-author-field", version = next) }</label>
                        <textarea id="guidance-json" class="code" rows="14" spellcheck="false" dir="ltr" maxlength="65536"
                            value={(*json).clone()} oninput={on_json} />
                        if let Some(message) = &*json_error {
                            <p class="error" role="alert">{ message }</p>
                        }
                        <button type="button" onclick={apply_json}>{ i18n.t("sweeps-form-json-apply") }</button>
                    </details>
                </form>
                <section class="authoring-preview" aria-label={i18n.t("sweeps-author-preview")}>
                    <GuidanceView version={next} guidance={form.to_save()} />
                </section>
            </div>
        </details>
    }
}
