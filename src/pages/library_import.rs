//! Importing the policy library, for the platform's policy team: choose the library folder
//! (or its files, or a zip of it), see every problem in place or a preview of what will change — new
//! policies, new versions with what changed in them, status changes — then apply it in one
//! step. Nothing is written until then; the server checks everything again on apply.
//!
//! Who: the server lets only the platform's specialists and administrators preview or import;
//! anyone else sees the server's refusal here.

use casebook_core::policy::VersionStatus;
use gloo::net::http::Request;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::i18n::{I18n, use_i18n};
use crate::pages::policy::status_label;
use crate::tr;

/// Most files read from one folder, and most bytes in all: the server's own import limits.
const MAX_FILES: usize = 2_000;
const MAX_BYTES: f64 = 32.0 * 1024.0 * 1024.0;
/// What a zip file may hold: entries (folders count), one file's and all files' unpacked
/// bytes (the server's own limit on one file is 512 KiB).
const ZIP_LIMITS: casebook_core::zip::Limits = casebook_core::zip::Limits {
    entries: 2 * MAX_FILES,
    file_bytes: 512 * 1024,
    total_bytes: MAX_BYTES as u64,
};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct ImportFile {
    path: String,
    text: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct Problem {
    file: String,
    line: usize,
    message: String,
    hint: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Rejected {
    #[serde(default)]
    errors: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct StatusChange {
    slug: String,
    number: u32,
    to: VersionStatus,
    since: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct PreviewedVersion {
    slug: String,
    number: u32,
    title: String,
    compared_with: Option<u32>,
    sections_changed: usize,
    sections_added: usize,
    sections_removed: usize,
    actions_changed: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Preview {
    status_changes: Vec<StatusChange>,
    unchanged: usize,
    synonyms_updated: bool,
    versions: Vec<PreviewedVersion>,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Choose,
    Working,
    /// Problems, by file, in file and line order.
    Problems(Vec<Problem>),
    Ready(Preview),
    Applied(usize, usize),
    Failed(String),
}

/// The chosen files' paths (relative to the chosen folder) and text.
pub(crate) async fn read_files(input: &web_sys::HtmlInputElement) -> Result<Vec<ImportFile>, String> {
    let i18n = crate::i18n::current();
    let files = js_sys::Reflect::get(input, &JsValue::from_str("files")).map_err(|_| i18n.t("import-unreadable"))?;
    let count = js_sys::Reflect::get(&files, &JsValue::from_str("length"))
        .ok()
        .and_then(|n| n.as_f64())
        .unwrap_or(0.0) as usize;
    let mut out = Vec::new();
    let mut bytes = 0.0;
    for i in 0..count {
        let file =
            js_sys::Reflect::get(&files, &JsValue::from_f64(i as f64)).map_err(|_| i18n.t("import-unreadable"))?;
        let get = |name: &str| {
            js_sys::Reflect::get(&file, &JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let name = get("name");
        if name.ends_with(".zip") {
            let size = js_sys::Reflect::get(&file, &JsValue::from_str("size"))
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            if size > MAX_BYTES {
                return Err(tr!(i18n, "import-too-large", files = MAX_FILES, mib = 32));
            }
            let unpacked = read_zip(&file, &name).await?;
            bytes += unpacked.iter().map(|f| f.text.len() as f64).sum::<f64>();
            out.extend(unpacked);
            if out.len() > MAX_FILES || bytes > MAX_BYTES {
                return Err(tr!(i18n, "import-too-large", files = MAX_FILES, mib = 32));
            }
            continue;
        }
        let relative = get("webkitRelativePath");
        // A folder's files carry `folder/policies/x/v1.md`: the path inside the folder.
        let path = match relative.split_once('/') {
            Some((_, inside)) => inside.to_string(),
            None => name.clone(),
        };
        if !(name.ends_with(".md") || name.ends_with(".yaml") || name.ends_with(".yml")) {
            continue;
        }
        bytes += js_sys::Reflect::get(&file, &JsValue::from_str("size"))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        if out.len() >= MAX_FILES || bytes > MAX_BYTES {
            return Err(tr!(i18n, "import-too-large", files = MAX_FILES, mib = 32));
        }
        let text = file_text(&file)
            .await
            .ok_or_else(|| tr!(i18n, "import-not-text", file = path.as_str()))?;
        out.push(ImportFile { path, text });
    }
    Ok(out)
}

/// A chosen file's text (`File.text()`, UTF-8); `None` when it cannot be read.
pub(crate) async fn file_text(file: &JsValue) -> Option<String> {
    let text = js_sys::Reflect::get(file, &JsValue::from_str("text"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(file).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())?;
    JsFuture::from(text).await.ok()?.as_string()
}

/// Calls `target.method(args…)`.
fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(method))?.dyn_into()?;
    let list: js_sys::Array = args.iter().copied().collect();
    function.apply(target, &list)
}

/// Inflates raw deflate data with the browser's `DecompressionStream`, stopping as soon as
/// it yields more than `size` bytes (a lying size is a zip bomb).
async fn inflate(raw: &[u8], size: u64) -> Result<Vec<u8>, JsValue> {
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("DecompressionStream"))?.dyn_into()?;
    let stream = js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&JsValue::from_str("deflate-raw")))?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&js_sys::Uint8Array::from(raw)))?;
    let piped = call(&call(&blob, "stream", &[])?, "pipeThrough", &[&stream])?;
    let reader = call(&piped, "getReader", &[])?;
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(call(&reader, "read", &[])?.dyn_into::<js_sys::Promise>()?).await?;
        if js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))?.is_truthy() {
            return Ok(out);
        }
        let value: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &JsValue::from_str("value"))?.dyn_into()?;
        if out.len() as u64 + u64::from(value.length()) > size {
            let _ = call(&reader, "cancel", &[]);
            return Err(JsValue::from_str("larger than declared"));
        }
        out.extend(value.to_vec());
    }
}

/// The library files of a chosen zip file, read within [`ZIP_LIMITS`]: the central directory
/// first (core's [`casebook_core::zip`]), then each file inflated, size- and CRC-checked.
async fn read_zip(file: &JsValue, name: &str) -> Result<Vec<ImportFile>, String> {
    use casebook_core::zip::{self, Method, ZipError};
    let i18n = crate::i18n::current();
    let buffer = call(file, "arrayBuffer", &[])
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| i18n.t("import-unreadable"))?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| i18n.t("import-unreadable"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let entries = zip::entries(&bytes, ZIP_LIMITS).map_err(|e| match e {
        ZipError::NotZip => tr!(i18n, "import-zip-not-zip", file = name),
        ZipError::Damaged(_) => tr!(i18n, "import-zip-damaged", file = name),
        ZipError::TooManyEntries(max) => tr!(i18n, "import-zip-too-many", file = name, max = max),
        ZipError::FileTooLarge(path, max) => tr!(i18n, "import-zip-file-too-large", file = path, kib = max / 1024),
        ZipError::TooLarge(max) => tr!(i18n, "import-zip-too-large", mib = max / (1024 * 1024)),
        ZipError::Unsupported(path) => tr!(i18n, "import-zip-unsupported", file = path),
        ZipError::BadPath(path) => tr!(i18n, "import-zip-bad-path", file = path),
    })?;
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        let raw = &bytes[entry.data.clone()];
        let data = match entry.method {
            Method::Stored => Ok(raw.to_vec()),
            Method::Deflated => inflate(raw, entry.size).await,
        };
        let data = data
            .ok()
            .filter(|d| d.len() as u64 == entry.size && zip::crc32(d) == entry.crc32)
            .ok_or_else(|| tr!(i18n, "import-zip-damaged-file", file = entry.path.as_str()))?;
        let text = String::from_utf8(data).map_err(|_| tr!(i18n, "import-not-text", file = entry.path.as_str()))?;
        out.push(ImportFile { path: entry.path, text });
    }
    Ok(out)
}

/// Posts the files to `path`; a 422 carries every problem.
pub(crate) async fn post_files(path: &str, files: &[ImportFile]) -> Result<Result<String, Vec<Problem>>, String> {
    let i18n = crate::i18n::current();
    let response = Request::post(path)
        .header("x-casebook-request", "1")
        .json(&serde_json::json!({ "files": files }))
        .map_err(|e| e.to_string())?
        .send()
        .await
        .map_err(|_| i18n.t("api-unreachable"))?;
    let status = response.status();
    let text = response.text().await.map_err(|_| i18n.t("api-unreadable"))?;
    match status {
        200 => Ok(Ok(text)),
        422 => match serde_json::from_str::<Rejected>(&text) {
            Ok(rejected) if !rejected.errors.is_empty() => Ok(Err(rejected.errors)),
            _ => Err(server_message(&i18n, status, &text)),
        },
        _ => Err(server_message(&i18n, status, &text)),
    }
}

fn server_message(i18n: &I18n, status: u16, text: &str) -> String {
    match serde_json::from_str::<casebook_core::wire::ApiError>(text) {
        Ok(e) => i18n.error(&e.code, &e.message),
        Err(_) => tr!(i18n, "api-status", status = status),
    }
}

#[component]
pub fn LibraryImportPage() -> Html {
    let i18n = use_i18n();
    let step = use_state(|| Step::Choose);
    let files = use_mut_ref(Vec::<ImportFile>::new);
    let onchange = {
        let step = step.clone();
        let files = files.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let step = step.clone();
            let files = files.clone();
            step.set(Step::Working);
            wasm_bindgen_futures::spawn_local(async move {
                let read = match read_files(&input).await {
                    Ok(read) => read,
                    Err(message) => return step.set(Step::Failed(message)),
                };
                let answer = post_files("/api/library/import/preview", &read).await;
                *files.borrow_mut() = read;
                step.set(match answer {
                    Ok(Ok(text)) => match serde_json::from_str::<Preview>(&text) {
                        Ok(preview) => Step::Ready(preview),
                        Err(_) => Step::Failed(crate::i18n::current().t("api-unreadable")),
                    },
                    Ok(Err(problems)) => Step::Problems(problems),
                    Err(message) => Step::Failed(message),
                });
            });
        })
    };
    let apply = {
        let step = step.clone();
        let files = files.clone();
        Callback::from(move |_: MouseEvent| {
            let step = step.clone();
            let read = files.borrow().clone();
            let Step::Ready(preview) = (*step).clone() else {
                return;
            };
            step.set(Step::Working);
            wasm_bindgen_futures::spawn_local(async move {
                step.set(match post_files("/api/library/import", &read).await {
                    Ok(Ok(_)) => Step::Applied(preview.versions.len(), preview.status_changes.len()),
                    Ok(Err(problems)) => Step::Problems(problems),
                    Err(message) => Step::Failed(message),
                });
            });
        })
    };
    let body = match &*step {
        Step::Choose => html! {},
        Step::Working => html! { <p class="muted" role="status" aria-busy="true">{ i18n.t("import-working") }</p> },
        Step::Failed(message) => html! { <p class="error" role="alert">{ message }</p> },
        Step::Problems(problems) => problems_view(&i18n, problems),
        Step::Ready(preview) => preview_view(&i18n, preview, apply),
        Step::Applied(versions, changes) => html! {
            <p class="import-done" role="status">{ tr!(i18n, "import-applied", versions = *versions, changes = *changes) }</p>
        },
    };
    html! {
        <article class="page import-page">
            <h1>{ i18n.t("import-title") }</h1>
            <p>{ i18n.t("import-intro") }</p>
            <div class="import-choose">
                <label for="import-folder">{ i18n.t("import-folder") }</label>
                <input id="import-folder" type="file" webkitdirectory={true} multiple={true} onchange={onchange.clone()} />
                <label for="import-files">{ i18n.t("import-files") }</label>
                <input id="import-files" type="file" multiple={true} accept=".md,.yaml,.yml,.zip,application/zip" {onchange} />
            </div>
            { body }
        </article>
    }
}

pub(crate) fn problems_view(i18n: &I18n, problems: &[Problem]) -> Html {
    let mut files: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
    files.dedup();
    html! {
        <section class="import-problems" aria-labelledby="import-problems-h">
            <h2 id="import-problems-h">{ tr!(i18n, "import-problems", count = problems.len()) }</h2>
            { for files.iter().map(|file| html! {
                <div class="import-file">
                    <h3>{ if file.is_empty() { i18n.t("import-whole-folder") } else { file.to_string() } }</h3>
                    <ul>
                        { for problems.iter().filter(|p| p.file == *file).map(|p| html! {
                            <li>
                                if p.line > 0 { <span class="import-line">{ tr!(i18n, "import-line", line = p.line) }</span>{ " " } }
                                <strong>{ &p.message }</strong>{ " — " }{ &p.hint }
                            </li>
                        }) }
                    </ul>
                </div>
            }) }
        </section>
    }
}

fn preview_view(i18n: &I18n, preview: &Preview, apply: Callback<MouseEvent>) -> Html {
    let new_policies: Vec<&PreviewedVersion> = preview.versions.iter().filter(|v| v.compared_with.is_none()).collect();
    let new_versions: Vec<&PreviewedVersion> = preview.versions.iter().filter(|v| v.compared_with.is_some()).collect();
    let nothing = preview.versions.is_empty() && preview.status_changes.is_empty() && !preview.synonyms_updated;
    html! {
        <section class="import-preview" aria-labelledby="import-preview-h">
            <h2 id="import-preview-h">{ i18n.t("import-preview") }</h2>
            if !new_policies.is_empty() {
                <h3>{ i18n.t("import-new-policies") }</h3>
                <ul class="import-new-policies">
                    { for new_policies.iter().map(|v| html! { <li>{ format!("{} ({} v{})", v.title, v.slug, v.number) }</li> }) }
                </ul>
            }
            if !new_versions.is_empty() {
                <h3>{ i18n.t("import-new-versions") }</h3>
                <ul class="import-new-versions">
                    { for new_versions.iter().map(|v| html! {
                        <li>
                            <strong>{ format!("{} v{}", v.title, v.number) }</strong>{ " — " }
                            { tr!(i18n, "import-version-changes",
                                current = v.compared_with.unwrap_or_default(),
                                changed = v.sections_changed, added = v.sections_added,
                                removed = v.sections_removed, actions = v.actions_changed) }
                        </li>
                    }) }
                </ul>
            }
            if !preview.status_changes.is_empty() {
                <h3>{ i18n.t("import-status-changes") }</h3>
                <ul class="import-status-changes">
                    { for preview.status_changes.iter().map(|c| html! {
                        <li>{ tr!(i18n, "import-status-change", slug = c.slug.as_str(), number = c.number,
                            status = status_label(i18n, c.to), since = c.since.clone().unwrap_or_default()) }</li>
                    }) }
                </ul>
            }
            <p class="muted">{ tr!(i18n, "import-unchanged", count = preview.unchanged) }</p>
            if nothing {
                <p role="status">{ i18n.t("import-nothing") }</p>
            } else {
                <button type="button" class="primary import-apply" onclick={apply}>{ i18n.t("import-apply") }</button>
            }
        </section>
    }
}
