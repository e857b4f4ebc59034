//! The one push service: core's rules, the store and the audit text, used by the HTTP handler
//! and the demo loader alike, so an edit is checked, written and audited the same way
//! whichever door it came in by.

use casebook_core::sync::{PushRequest, PushResponse};
use casebook_core::wire::User;

use crate::store::{NewAuditEntry, PushFailure, Store};

/// How many edited fields one audit entry names; the rest are counted.
const AUDITED_FIELDS: usize = 10;

/// Applies a push by `author` at server time `now_ms`, and audits what happened: the edited
/// fields when it applied, the reason when it was refused (in the owning organisation's log
/// too, when the author reached for another organisation's object).
pub async fn push(
    store: &Store,
    author: &User,
    request: &PushRequest,
    now_ms: u64,
    request_id: &str,
) -> Result<PushResponse, PushFailure> {
    let client_time = request.mutations.last().map(|m| m.clock.wall_ms.to_string());
    let entry = |result, object, detail| NewAuditEntry {
        client_time: client_time.as_deref(),
        actor: Some(&author.email),
        action: "sync.push",
        object,
        request_id,
        result,
        detail,
        org_id: None,
    };
    match store.push(author, request, now_ms).await {
        Ok(pushed) => {
            if pushed.applied > 0 {
                let fresh = &request.mutations[request.mutations.len().saturating_sub(pushed.applied)..];
                let fields: Vec<String> = fresh
                    .iter()
                    .take(AUDITED_FIELDS)
                    .map(|m| {
                        let (object, field) = m.op.field_key();
                        format!("{object} {field}")
                    })
                    .collect();
                let more = match pushed.applied.saturating_sub(AUDITED_FIELDS) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                let detail = format!(
                    "{} edit(s) from client {} up to mutation {}: {}{more}",
                    pushed.applied,
                    request.client_id,
                    pushed.response.last_mutation_id,
                    fields.join(", ")
                );
                let object = fresh.first().map(|m| m.op.field_key().0);
                store.record(entry("ok", object, Some(&detail))).await;
            }
            Ok(pushed.response)
        }
        Err(failure) => {
            let detail = failure.to_string();
            let object = match &failure {
                PushFailure::Refused { error, .. } => error
                    .mutation_id()
                    .and_then(|id| request.mutations.iter().find(|m| m.id == id))
                    .map(|m| m.op.field_key().0),
                _ => None,
            };
            let result = match &failure {
                PushFailure::Store(_) => "failed",
                _ => "denied",
            };
            store.record(entry(result, object, Some(&detail))).await;
            if let PushFailure::Refused { owner: Some(owner), .. } = &failure {
                let detail = format!("{} of {}: {detail}", author.email, author.org_name);
                store
                    .record(NewAuditEntry {
                        org_id: Some(owner),
                        ..entry("denied", object, Some(&detail))
                    })
                    .await;
            }
            Err(failure)
        }
    }
}
