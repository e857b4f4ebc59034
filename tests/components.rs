//! In-browser unit tests of the app's components, run by wasm-bindgen-test in headless
//! Chromium (`cargo test --target wasm32-unknown-unknown -p casebook`).
#![cfg(target_arch = "wasm32")]
// `#[wasm_bindgen_test]` functions are tests, but clippy does not know them as such.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use casebook::components::connection_badge::{ConnectionBadge, ConnectionBadgeProps};
use casebook::components::document::{Document, DocumentProps};
use casebook::connection::Connection;
use casebook::i18n::{I18n, Lang};
use casebook::route::Route;
use casebook_core::document::{Block, Inline};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::Renderer;
use yew_router::Routable;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element attached to the page to render into.
fn mount_point() -> web_sys::Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").expect("can create a div");
    document
        .body()
        .expect("the test page has a body")
        .append_child(&div)
        .expect("can append");
    div
}

/// Lets yew's scheduler run the pending render.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(10)).await;
}

fn text(s: &str) -> Inline {
    Inline::Text(s.into())
}

#[wasm_bindgen_test]
async fn document_renders_blocks_as_elements_and_text_as_text() {
    let root = mount_point();
    let blocks = vec![
        Block::Paragraph(vec![
            text("Never post "),
            Inline::Strong(vec![text("home addresses")]),
            text(" <script>alert(1)</script>"),
        ]),
        Block::List {
            ordered: false,
            items: vec![
                vec![Block::Paragraph(vec![text("one")])],
                vec![Block::Paragraph(vec![text("two")])],
            ],
        },
        Block::Paragraph(vec![Inline::Link {
            href: "/policies/doxxing#overview".into(),
            content: vec![text("see also")],
        }]),
        Block::Paragraph(vec![Inline::Link {
            href: "javascript:alert(1)".into(),
            content: vec![text("bad link")],
        }]),
    ];
    Renderer::<Document>::with_root_and_props(
        root.clone(),
        DocumentProps {
            blocks,
            highlight: Some(1),
            paragraph_links: None,
            beside_highlight: None,
        },
    )
    .render();
    settle().await;

    assert_eq!(
        root.query_selector_all("script").unwrap().length(),
        0,
        "text must never become markup"
    );
    let first = root.query_selector("p").unwrap().expect("a paragraph");
    assert!(first.text_content().unwrap().contains("<script>alert(1)</script>"));
    assert_eq!(
        root.query_selector("strong").unwrap().unwrap().text_content().unwrap(),
        "home addresses"
    );
    assert_eq!(root.query_selector_all("ul li").unwrap().length(), 2);
    let links = root.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "the javascript: link is rendered as plain text");
    let href = root.query_selector("a").unwrap().unwrap().get_attribute("href");
    assert_eq!(href.as_deref(), Some("/policies/doxxing#overview"));
    let highlighted = root
        .query_selector(".highlight")
        .unwrap()
        .expect("block 1 is highlighted");
    assert_eq!(highlighted.tag_name(), "UL");
}

#[wasm_bindgen_test]
async fn connection_badge_shows_each_state_in_words() {
    for (state, label) in [
        (Connection::Online, "Online"),
        (Connection::Offline, "Offline"),
        (Connection::ServerUnreachable, "Server unreachable"),
        (Connection::Checking, "Connecting…"),
    ] {
        let root = mount_point();
        Renderer::<ConnectionBadge>::with_root_and_props(root.clone(), ConnectionBadgeProps { state }).render();
        settle().await;
        let badge = root
            .query_selector("[role=status]")
            .unwrap()
            .expect("the badge is a status region");
        assert_eq!(badge.text_content().unwrap().trim(), label);
        assert_eq!(badge.get_attribute("data-state").as_deref(), Some(state.class()));
    }
}

#[wasm_bindgen_test]
fn every_route_round_trips_through_its_address() {
    let routes = [
        Route::Search,
        Route::Policy {
            slug: "private-information".into(),
        },
        Route::PolicyVersion {
            slug: "private-information".into(),
            version: 2,
        },
        Route::PolicyDiff {
            slug: "private-information".into(),
            from: 1,
            to: 2,
        },
        Route::Sweeps,
        Route::SweepRun {
            id: "election-2026".into(),
        },
        Route::Templates,
        Route::Compose {
            id: "warning-note".into(),
        },
        Route::Settings,
        Route::SignIn,
        Route::Audit,
        Route::People,
        Route::LibraryImport,
    ];
    for route in routes {
        let path = route.to_path();
        assert_eq!(Route::recognize(&path), Some(route.clone()), "{path}");
    }
    assert_eq!(Route::recognize("/no/such/page"), Some(Route::NotFound));
}

#[wasm_bindgen_test]
async fn paragraphs_link_to_themselves_when_asked() {
    let root = mount_point();
    let blocks = vec![
        Block::Paragraph(vec![text("first")]),
        Block::Code("code".into()),
        Block::Paragraph(vec![text("third")]),
    ];
    Renderer::<Document>::with_root_and_props(
        root.clone(),
        DocumentProps {
            blocks,
            highlight: None,
            paragraph_links: Some("/policies/p/v/2#overview".into()),
            beside_highlight: None,
        },
    )
    .render();
    settle().await;
    let links = root.query_selector_all("a.para-link").unwrap();
    assert_eq!(links.length(), 2, "paragraphs get links, code blocks do not");
    let hrefs: Vec<String> = (0..links.length())
        .map(|i| {
            links
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("href")
                .unwrap()
        })
        .collect();
    assert_eq!(hrefs, ["/policies/p/v/2?p=0#overview", "/policies/p/v/2?p=2#overview"]);
}

#[wasm_bindgen_test]
fn the_sync_summary_says_what_waits_and_why() {
    use std::rc::Rc;

    use casebook::components::sync_status::summary;
    use casebook::sync::{Status, SyncState};
    use casebook_core::clock::Hlc;
    use casebook_core::outbox::FailedEdit;
    use casebook_core::sync::{Mutation, Op, Replica};
    use casebook_core::wire::{OrgKind, Role, User};

    // Edit `id` touches item `id`; item 9's two fields are one thing waiting.
    let edit = |id: u64| Mutation {
        id,
        clock: Hlc::zero(1),
        op: Op::SetField {
            object: format!("sweep/abc123/item/{}", id.min(9)),
            field: "note".into(),
            value: "x".into(),
            base: 0,
        },
    };
    let state = |status: Status, pending: u64, failed: bool| SyncState {
        user: User {
            id: "u1".into(),
            org_id: "o1".into(),
            org_name: "Acme".into(),
            org_kind: OrgKind::Vendor,
            email: "a@acme.test".into(),
            name: "A".into(),
            role: Role::Agent,
            ui_lang: None,
        },
        replica: Rc::new(Replica::default()),
        pending: Rc::new((1..=pending).map(edit).collect()),
        waiting: pending as usize,
        failed: failed.then(|| FailedEdit {
            id: 1,
            message: "no".into(),
        }),
        status,
        last_synced_ms: Some(0.0),
    };
    let now = 3.0 * 60_000.0;
    let cases = [
        (state(Status::Idle, 0, false), "Synced 3 minutes ago", "synced"),
        (state(Status::Idle, 2, false), "2 edits waiting", "syncing"),
        // Items 1 to 8 and item 9 twice: nine things, not ten fields.
        (state(Status::Idle, 10, false), "9 edits waiting", "syncing"),
        (
            state(Status::Offline, 1, false),
            "Saved here · 1 edit waiting",
            "offline",
        ),
        (state(Status::Offline, 0, false), "Not connected", "offline"),
        (
            state(
                Status::Syncing {
                    cursor: 250,
                    head: 1_000,
                },
                0,
                false,
            ),
            "Catching up 25%",
            "syncing",
        ),
        (
            state(Status::SignedOut, 3, false),
            "Signed out, sign in to sync · 3 edits waiting",
            "failed",
        ),
        (state(Status::Idle, 2, true), "1 edit refused · see why", "failed"),
    ];
    for (state, label, class) in cases {
        assert_eq!(
            summary(&I18n::english(), &state, now),
            (label.to_string(), class),
            "{:?}",
            state.status
        );
    }
}

#[wasm_bindgen_test]
fn sign_in_returns_only_to_addresses_in_this_app() {
    use casebook::components::sign_in_link::next_after_sign_in;
    let cases = [
        ("?next=%2Fsweeps%2Fabc", Some("/sweeps/abc")),
        (
            "?next=%2Fpolicies%2Fx%2Fv%2F2%3Fp%3D3%23scope",
            Some("/policies/x/v/2?p=3#scope"),
        ),
        ("?q=ban&next=%2Fadmin%2Fpeople", Some("/admin/people")),
        ("?next=%2F%2Fevil.example%2F", None),
        ("?next=%2F%5Cevil.example", None),
        ("?next=%2F%09%2Fevil.example", None),
        ("?next=%2F%0A%2Fevil.example", None),
        ("?next=https%3A%2F%2Fevil.example%2F", None),
        ("?next=javascript%3Aalert(1)", None),
        ("?next=", None),
        ("", None),
    ];
    for (query, expected) in cases {
        assert_eq!(next_after_sign_in(query).as_deref(), expected, "{query}");
    }
}

#[wasm_bindgen_test]
fn messages_come_in_the_chosen_language_and_fall_back_to_english() {
    let es = I18n::with_catalogue(Lang::Es, include_str!("../locales/es.ftl"));
    assert_eq!(es.t("sign-out"), "Cerrar sesión");
    assert_eq!(casebook::tr!(es, "sync-waiting", count = 1), "1 cambio pendiente");
    assert_eq!(casebook::tr!(es, "sync-waiting", count = 4), "4 cambios pendientes");
    // A catalogue that lacks a message shows the English one, never an id.
    let partial = I18n::with_catalogue(Lang::Es, "sign-out = Salir\n");
    assert_eq!(partial.t("sign-out"), "Salir");
    assert_eq!(partial.t("sync-now"), "Sync now");
    assert_eq!(partial.t("no-such-message"), "no-such-message");
    // Arabic plurals have more forms than English; Latin names stay isolated inside Arabic.
    let ar = I18n::with_catalogue(Lang::Ar, include_str!("../locales/ar.ftl"));
    assert_eq!(casebook::tr!(ar, "sync-waiting", count = 2), "تعديلان بانتظار الإرسال");
    assert_eq!(
        casebook::tr!(ar, "working-offline", name = "Sam"),
        "\u{2068}Sam\u{2069} · تعمل دون اتصال"
    );
    assert_eq!(ar.dir(), "rtl");
    // A server error code reads in the interface language; an unknown code keeps the server's words.
    assert_eq!(es.error("forbidden", "Forbidden."), "Tu rol no permite hacer esto.");
    assert_eq!(es.error("something_new", "Server words."), "Server words.");
    // Dates come from the browser's Intl for the language.
    let ja = I18n::with_catalogue(Lang::Ja, include_str!("../locales/ja.ftl"));
    let instant = 1_796_040_000_000.0; // 2026-11-30T12:00:00Z
    assert!(
        ja.date_time_utc(instant).contains("2026/11/30"),
        "{}",
        ja.date_time_utc(instant)
    );
    assert!(es.date(instant).contains("2026"), "{}", es.date(instant));
    assert_eq!(I18n::english().number(12345.0), "12,345");
    assert_eq!(es.relative(0.0, 3.0 * 3_600_000.0), "hace 3 horas");
}

#[wasm_bindgen_test]
fn the_audit_log_names_actions_and_details_in_the_interface_language() {
    use casebook::pages::audit::{action_name, readable_detail, result_name};
    let es = I18n::with_catalogue(Lang::Es, include_str!("../locales/es.ftl"));
    let ar = I18n::with_catalogue(Lang::Ar, include_str!("../locales/ar.ftl"));
    let en = I18n::english();
    assert_eq!(action_name(&es, "session.sign_in"), "Inicio de sesión");
    assert_eq!(action_name(&en, "sync.push"), "Edits saved");
    // An action this version does not know shows as the server wrote it.
    assert_eq!(action_name(&es, "note.create"), "note.create");
    assert_eq!(result_name(&es, "denied"), "Rechazado");
    assert_eq!(result_name(&es, "later"), "later");
    // The details the server writes in a known shape (crates/server/src/{sync,api/*}.rs).
    let detail = |i18n: &I18n, action: &str, text: &str| readable_detail(i18n, action, text);
    assert_eq!(
        detail(
            &en,
            "sync.push",
            "8 edit(s) from client web-0f9d up to mutation 13: sweepitem:a decision, sweepitem:b note and 6 more"
        )
        .as_deref(),
        Some("8 edits: sweepitem:a decision, sweepitem:b note and 6 more")
    );
    assert_eq!(
        detail(
            &es,
            "sync.push",
            "1 edit(s) from client web-0f9d up to mutation 2: sweepitem:a decision"
        )
        .as_deref(),
        Some("1 cambio: sweepitem:a decision")
    );
    assert_eq!(
        detail(
            &ar,
            "sync.push",
            "2 edit(s) from client web-0f9d up to mutation 2: a x, b y"
        )
        .as_deref(),
        Some("تعديلان: \u{2068}a x, b y\u{2069}")
    );
    assert_eq!(
        detail(&es, "user.change", "role specialist, switched off, new password").as_deref(),
        Some("rol: Especialista en políticas, desactivada, contraseña nueva")
    );
    assert_eq!(
        detail(&en, "user.create", "nadia@demo.casebook.test as trainer").as_deref(),
        Some("nadia@demo.casebook.test as Trainer")
    );
    assert_eq!(
        detail(&es, "library.import", "2 version(s) added, 5 unchanged").as_deref(),
        Some("Versiones añadidas: 2; sin cambios: 5")
    );
    assert_eq!(
        detail(&en, "library.import", "3 problem(s); nothing imported").as_deref(),
        Some("3 problems; nothing imported")
    );
    assert_eq!(
        detail(&es, "session.sign_in", "wrong email or password").as_deref(),
        Some("Correo o contraseña incorrectos")
    );
    // Anything else keeps the server's own words.
    assert_eq!(detail(&es, "request.denied", "GET /api/users: forbidden"), None);
    assert_eq!(detail(&es, "user.change", "role overlord"), None);
    assert_eq!(detail(&es, "sync.push", "3 edit(s) from somewhere"), None);
}
