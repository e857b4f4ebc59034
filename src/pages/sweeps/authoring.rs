//! Writing the next version of a sweep's guidance: the version as JSON (the shape
//! `casebook_core::sweep::guidance::Guidance` reads), checked by core's rules as it is typed,
//! with a live preview of what agents will see; saved as a draft or published. A published
//! version never changes; publishing the next one supersedes it and asks every agent to
//! acknowledge it before their next item.

use casebook_core::sweep::{self, guidance::Guidance};
use casebook_core::sync::Op;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::run::GuidanceView;
use crate::i18n::use_i18n;
use crate::sync::SyncHandle;
use crate::tr;

#[derive(Debug, Properties, PartialEq)]
pub struct GuidanceAuthoringProps {
    pub sync: SyncHandle,
    pub id: String,
}

/// A first version to start from.
const EXAMPLE: &str = r#"{
  "title": "What to look for",
  "event": "The event",
  "regions": [],
  "languages": ["en"],
  "description": "What agents look for, in Markdown.",
  "escalation": "When to escalate.",
  "sections": [],
  "checklist": [
    {"id": "claim", "label": "Makes the claim this sweep is about", "kind": "check", "required": true}
  ],
  "decisions": [
    {"id": "remove", "label": "Remove", "section": {"section": "policy.section-id", "version": 1}, "action": "remove"},
    {"id": "no-violation", "label": "No violation", "section": {"section": "policy.section-id", "version": 1}, "action": "none"}
  ]
}"#;

fn pretty(guidance: &Guidance) -> String {
    serde_json::to_string_pretty(&guidance.to_value()).unwrap_or_default()
}

fn check(text: &str) -> Result<Guidance, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Guidance::from_value(&value).map_err(|e| e.to_string())
}

#[component]
pub fn GuidanceAuthoring(props: &GuidanceAuthoringProps) -> Html {
    let i18n = use_i18n();
    let overlay = props.sync.state.overlay();
    let current = sweep::current_guidance(&overlay, &props.id);
    let next = current.as_ref().map_or(1, |(v, _)| v + 1);
    let draft = sweep::guidance_version(&overlay, &props.id, next);
    let start = draft
        .as_ref()
        .or(current.as_ref().map(|(_, g)| g))
        .map_or_else(|| EXAMPLE.to_string(), pretty);
    let text = use_state(|| start.clone());
    let error = use_state(|| None::<String>);
    let checked = check(&text);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let save = |publish: bool| {
        let (sync, id, text, error) = (props.sync.clone(), props.id.clone(), text.clone(), error.clone());
        Callback::from(move |_| {
            let Ok(guidance) = check(&text) else { return };
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
    html! {
        <details class="guidance-authoring">
            <summary>{ tr!(i18n, "sweeps-author-title", version = next) }</summary>
            <p class="muted">{ i18n.t("sweeps-author-help") }</p>
            if draft.is_some() {
                <p class="muted">{ tr!(i18n, "sweeps-author-draft", version = next) }</p>
            }
            <div class="authoring-columns">
                <div>
                    <label for="guidance-json">{ tr!(i18n, "sweeps-author-field", version = next) }</label>
                    <textarea id="guidance-json" class="code" rows="18" spellcheck="false" dir="ltr"
                        aria-describedby="guidance-check" value={(*text).clone()} {oninput} />
                    <p id="guidance-check" class={classes!(if checked.is_ok() { "muted" } else { "error" })} aria-live="polite">
                        { match &checked {
                            Ok(_) => i18n.t("sweeps-author-valid"),
                            Err(why) => tr!(i18n, "sweeps-author-invalid", reason = why.clone()),
                        } }
                    </p>
                    if let Some(message) = &*error {
                        <p class="error" role="alert">{ message }</p>
                    }
                    <div class="button-row">
                        <button type="button" onclick={save(false)} disabled={checked.is_err()}>{ i18n.t("sweeps-author-save") }</button>
                        <button type="button" class="primary" onclick={save(true)} disabled={checked.is_err()}>{ tr!(i18n, "sweeps-author-publish", version = next) }</button>
                    </div>
                </div>
                <section class="authoring-preview" aria-label={i18n.t("sweeps-author-preview")}>
                    if let Ok(g) = &checked {
                        <GuidanceView version={next} guidance={g.clone()} />
                    }
                </section>
            </div>
        </details>
    }
}
