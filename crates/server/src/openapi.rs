//! The OpenAPI document of the API, generated from the handlers and the wire types (never
//! written by hand), served at `/api/openapi.json`.

use axum::Json;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};

use crate::api;

#[derive(OpenApi)]
#[openapi(
    info(title = "Casebook API", description = "Policy library, sync, accounts and audit. State-changing requests need the header `x-casebook-request: 1`."),
    paths(
        api::health,
        api::list_policies,
        api::get_policy,
        api::get_library,
        api::get_search_index,
        api::session::sign_in,
        api::session::me,
        api::session::sign_out,
        api::session::change_password,
        api::session::choose_language,
        api::sync::push,
        api::sync::pull,
        api::sync::history,
        api::admin::list_orgs,
        api::admin::import_library,
        api::admin::preview_library,
        api::templates::parse_templates,
        api::sweeps::assignable_people,
        api::documents::parse_document,
        api::admin::read_audit,
        api::admin::list_users,
        api::admin::create_user,
        api::admin::change_user,
    ),
    modifiers(&SessionCookie),
)]
#[derive(Debug)]
pub struct ApiDoc;

struct SessionCookie;

impl utoipa::Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(crate::auth::SESSION_COOKIE))),
        );
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
