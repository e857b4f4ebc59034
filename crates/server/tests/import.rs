//! Hostile libraries through every import path (core, `POST /api/library/import`, the
//! `import` command), and a store holding a damaged row, on SQLite and PostgreSQL.

mod common;

use axum::http::{Method, StatusCode};
use casebook_core::import::SourceFile;
use casebook_server::library::{ImportFailure, import};
use common::{call, policy_file, service, sign_in};
use serde_json::json;

/// The hostile bodies, and the line of the file where each first nests too deep.
fn too_deep() -> Vec<(&'static str, String, usize)> {
    vec![
        ("64 quotes", ">".repeat(64) + " deep", 21),
        ("100,000 quotes", ">".repeat(100_000), 21),
        (
            "64 lists",
            (0..64).map(|i| format!("{}- x\n", "  ".repeat(i))).collect(),
            29,
        ),
    ]
}

const TOO_DEEP: &str = "blocks are nested more than 16 deep";

async fn post_import(app: &axum::Router, admin: &str, file: &SourceFile) -> common::Reply {
    post_files(app, admin, std::slice::from_ref(file)).await
}

#[tokio::test]
async fn nesting_too_deep_is_a_line_numbered_error_through_core_and_the_api_and_nothing_is_stored() {
    for db in common::databases().await {
        let store = db.open().await;
        common::platform(&store, "Acme").await;
        let (_state, app) = service(store.clone()).await;
        let admin = sign_in(&app, "admin@acme.test").await;
        for (name, body, line) in too_deep() {
            let file = policy_file("deep", 1, &body);
            match import(&store, std::slice::from_ref(&file), "t").await {
                Err(ImportFailure::Invalid(errors)) => {
                    assert_eq!(errors.len(), 1, "{}: {name}: {errors:?}", db.name);
                    assert_eq!((errors[0].line, errors[0].message.as_str()), (line, TOO_DEEP), "{name}");
                }
                other => panic!("{}: {name}: expected a validation failure, got {other:?}", db.name),
            }
            let reply = post_import(&app, &admin, &file).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}: {name}", db.name);
            assert_eq!(reply.body["errors"][0]["line"], line, "{name}: {}", reply.body);
            assert_eq!(reply.body["errors"][0]["message"], TOO_DEEP, "{name}");
        }
        assert!(store.stored_versions().await.expect("versions").is_empty());
        // The server still imports, and a restarted one still loads.
        let good = policy_file("fine", 1, "> Quoted **once**.");
        let reply = post_import(&app, &admin, &good).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {}", db.name, reply.body);
        assert_eq!(db.open().await.load_library().await.expect("loads").policies.len(), 1);
    }
}

#[tokio::test]
async fn the_import_command_reports_nesting_too_deep_at_its_line_and_exits_with_failure() {
    for db in common::databases().await {
        for (name, body, line) in too_deep() {
            let library = tempfile::tempdir().expect("temp dir");
            let file = policy_file("deep", 1, &body);
            let path = library.path().join(&file.path);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folders");
            std::fs::write(&path, &file.text).expect("write");
            let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_casebook-server"));
            command
                .arg("--data-dir")
                .arg(db.dir.path())
                .env("RUST_LOG", "error")
                .env_remove("DATABASE_URL")
                .arg("import")
                .arg(library.path());
            if let Some(url) = &db.url {
                command.arg("--database-url").arg(url);
            }
            let output = command.output().expect("the server binary runs");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(!output.status.success(), "{}: {name}: {stderr}", db.name);
            assert!(
                stderr.contains(&format!("{}:{line}: {TOO_DEEP}", file.path)),
                "{}: {name}: {stderr}",
                db.name
            );
        }
        assert!(db.open().await.stored_versions().await.expect("versions").is_empty());
    }
}

#[cfg(unix)]
#[test]
fn the_import_command_does_not_follow_a_symbolic_link_into_a_loop_nor_read_a_huge_file() {
    let library = tempfile::tempdir().expect("temp dir");
    let file = policy_file("fine", 1, "Text.");
    let path = library.path().join(&file.path);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folders");
    std::fs::write(&path, &file.text).expect("write");
    std::os::unix::fs::symlink(library.path(), library.path().join("policies/loop")).expect("symlink");
    let files = casebook_server::library::read_folder(library.path()).expect("reads");
    assert_eq!(files.len(), 1);

    std::fs::write(library.path().join("huge.md"), "x".repeat(600 * 1024)).expect("write");
    let error = casebook_server::library::read_folder(library.path()).expect_err("refused");
    assert!(error.to_string().contains("is larger than 512 KiB"), "{error}");
}

#[test]
fn the_import_command_refuses_a_folder_with_more_files_than_an_import_takes_before_reading_them() {
    let library = tempfile::tempdir().expect("temp dir");
    for i in 0..=casebook_core::import::MAX_FILES {
        std::fs::write(library.path().join(format!("p{i}.md")), "").expect("write");
    }
    let error = casebook_server::library::read_folder(library.path()).expect_err("refused");
    assert!(error.to_string().contains("more than 2000 library files"), "{error}");
}

const PARAGRAPH: &str = r#"{"Paragraph":[{"Text":"Text."}]}"#;

/// A body of `depth` quotes around the paragraph, as JSON: what an older server stored.
fn nested_quotes(depth: usize) -> String {
    format!("{}{PARAGRAPH}{}", r#"{"Quote":["#.repeat(depth), "]}".repeat(depth))
}

#[tokio::test]
async fn a_store_with_unreadable_stored_documents_and_synonyms_still_opens_and_serves_the_other_policies() {
    for db in common::databases().await {
        let store = db.open().await;
        let files: Vec<SourceFile> = ["kept", "broken", "garbled"]
            .into_iter()
            .map(|slug| policy_file(slug, 1, "Text."))
            .collect();
        import(&store, &files, "t").await.expect("valid import");
        // A stored document serde_json cannot read back (too deep), and one that is not JSON,
        // written behind the server's back.
        let stored: String = sqlx::query_scalar("SELECT document FROM policy_versions WHERE slug = 'broken'")
            .fetch_one(store.pool())
            .await
            .expect("the stored document");
        assert!(stored.contains(PARAGRAPH), "{stored}");
        let too_deep = stored.replace(PARAGRAPH, &nested_quotes(64));
        for (slug, document) in [("broken", too_deep), ("garbled", "{not json".to_string())] {
            sqlx::query("UPDATE policy_versions SET document = $1 WHERE slug = $2")
                .bind(document)
                .bind(slug)
                .execute(store.pool())
                .await
                .expect("raw update");
        }
        sqlx::query("INSERT INTO library_settings (key, value, updated_at) VALUES ('synonyms', '[[\"a\",', 't')")
            .execute(store.pool())
            .await
            .expect("raw insert");
        store.close().await;

        let reopened = db.open().await;
        let (_state, app) = service(reopened.clone()).await;
        let listed = call(&app, Method::GET, "/api/policies", None, None, false).await;
        assert_eq!(listed.status, StatusCode::OK, "{}", db.name);
        let slugs: Vec<&str> = listed
            .body
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|p| p["slug"].as_str())
            .collect();
        assert_eq!(slugs, ["kept"], "{}", db.name);
        let broken = call(&app, Method::GET, "/api/policies/broken", None, None, false).await;
        assert_eq!(broken.status, StatusCode::NOT_FOUND, "{}", db.name);
        // Importing still works, and replaces the unreadable synonym list.
        let synonyms = SourceFile {
            path: "synonyms.yaml".into(),
            text: "- [doxxing, private information]\n".into(),
        };
        let report = import(&reopened, &[policy_file("new", 1, "Text."), synonyms], "t2")
            .await
            .expect("imports");
        assert!(report.synonyms_updated, "{}", db.name);
        assert_eq!(reopened.load_library().await.expect("loads").synonyms.len(), 1);
    }
}

/// Version `version` of `lifecycle` with its `status:` line replaced by `status`.
fn lifecycle(version: u32, status: &str, body: &str) -> SourceFile {
    let mut file = policy_file("lifecycle", version, body);
    file.text = file.text.replacen("status: published", status, 1);
    file
}

async fn post_files(app: &axum::Router, admin: &str, files: &[SourceFile]) -> common::Reply {
    let files: Vec<_> = files.iter().map(|f| json!({"path": f.path, "text": f.text})).collect();
    call(
        app,
        Method::POST,
        "/api/library/import",
        Some(admin),
        Some(json!({ "files": files })),
        true,
    )
    .await
}

#[tokio::test]
async fn a_status_change_is_not_a_new_version_and_publishing_supersedes_the_previous_one() {
    for db in common::databases().await {
        let store = db.open().await;
        common::platform(&store, "Acme").await;
        let (_state, app) = service(store.clone()).await;
        let admin = sign_in(&app, "admin@acme.test").await;
        let v1 = lifecycle(1, "status: published", "One.");
        let v2 = lifecycle(2, "status: published", "Two.");
        let reply = post_files(&app, &admin, std::slice::from_ref(&v1)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {}", db.name, reply.body);
        let reply = post_files(&app, &admin, &[v1.clone(), v2]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {}", db.name, reply.body);
        assert_eq!(reply.body["added"], json!(["lifecycle v2"]), "{}", db.name);
        assert_eq!(
            (
                &reply.body["status_changes"][0]["number"],
                &reply.body["status_changes"][0]["to"],
                &reply.body["status_changes"][0]["superseded_by"]
            ),
            (&json!(1), &json!("superseded"), &json!(2)),
            "{}: {}",
            db.name,
            reply.body
        );
        let v2_text = || async {
            sqlx::query_scalar::<_, String>(
                "SELECT document FROM policy_versions WHERE slug = 'lifecycle' AND number = 2",
            )
            .fetch_one(store.pool())
            .await
            .expect("v2's document")
        };
        let before = v2_text().await;

        // The reported import: v2 retired in its own file, together with a new v3.
        let retired = lifecycle(2, "status: retired\nstatus_since: 2026-06-01", "Two.");
        let v3 = lifecycle(3, "status: published", "Three.");
        let reply = post_files(&app, &admin, &[v1.clone(), retired.clone(), v3.clone()]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {}", db.name, reply.body);
        assert_eq!(reply.body["added"], json!(["lifecycle v3"]), "{}", db.name);
        let statuses = |body: &serde_json::Value| -> Vec<(u64, String, String)> {
            body["versions"]
                .as_array()
                .expect("versions")
                .iter()
                .map(|v| {
                    (
                        v["number"].as_u64().expect("a number"),
                        v["status"].as_str().expect("a status").to_string(),
                        v["status_since"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        };
        let expected = vec![
            (1, "superseded".to_string(), "2026-01-01".to_string()),
            (2, "retired".to_string(), "2026-06-01".to_string()),
            (3, "published".to_string(), String::new()),
        ];
        let policy = call(&app, Method::GET, "/api/policies/lifecycle", None, None, false).await;
        assert_eq!(statuses(&policy.body), expected, "{}", db.name);
        assert_eq!(
            v2_text().await,
            before,
            "{}: the retired version's text is not rewritten",
            db.name
        );

        // Two versions published by one import: refused at the status line, nothing stored.
        let v4 = lifecycle(4, "status: published", "Four.");
        let v5 = lifecycle(5, "status: published", "Five.");
        let reply = post_files(&app, &admin, &[v4, v5]).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {}",
            db.name,
            reply.body
        );
        assert_eq!(
            reply.body["errors"][0]["file"], "policies/lifecycle/v4.md",
            "{}",
            reply.body
        );
        assert_eq!(reply.body["errors"][0]["line"], 9, "{}", reply.body);
        assert_eq!(store.stored_versions().await.expect("versions").len(), 3, "{}", db.name);

        // A restarted server reads the same statuses, and the same folder imports as a no-op.
        let reopened = db.open().await;
        let (_state, app) = service(reopened.clone()).await;
        let policy = call(&app, Method::GET, "/api/policies/lifecycle", None, None, false).await;
        assert_eq!(statuses(&policy.body), expected, "{}", db.name);
        let report = import(&reopened, &[v1, retired, v3], "t").await.expect("imports");
        assert!(!report.changed(), "{}: {report:?}", db.name);
    }
}

#[tokio::test]
async fn a_preview_shows_new_versions_with_their_changes_and_status_changes_and_writes_nothing() {
    for db in common::databases().await {
        let store = db.open().await;
        common::platform(&store, "Acme").await;
        let (_state, app) = service(store.clone()).await;
        let admin = sign_in(&app, "admin@acme.test").await;
        let v1 = lifecycle(1, "status: published", "One.");
        assert_eq!(
            post_files(&app, &admin, std::slice::from_ref(&v1)).await.status,
            StatusCode::OK
        );
        let v2 = lifecycle(2, "status: published", "Two.");
        let other = policy_file("other", 1, "Else.");
        let files: Vec<_> = [&v1, &v2, &other]
            .iter()
            .map(|f| json!({"path": f.path, "text": f.text}))
            .collect();
        let body = json!({ "files": files });
        let reply = call(
            &app,
            Method::POST,
            "/api/library/import/preview",
            Some(&admin),
            Some(body),
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}: {}", db.name, reply.body);
        let versions = reply.body["versions"].as_array().expect("versions");
        let summary: Vec<(String, Option<u64>, u64)> = versions
            .iter()
            .map(|v| {
                (
                    format!("{} v{}", v["slug"].as_str().unwrap_or(""), v["number"]),
                    v["compared_with"].as_u64(),
                    v["sections_changed"].as_u64().unwrap_or(99),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("lifecycle v2".to_string(), Some(1), 1),
                ("other v1".to_string(), None, 0)
            ],
            "{}",
            db.name
        );
        assert_eq!(reply.body["status_changes"][0]["to"], "superseded", "{}", reply.body);
        assert_eq!(reply.body["unchanged"], 1);
        assert_eq!(
            store.stored_versions().await.expect("versions").len(),
            1,
            "{}: nothing written",
            db.name
        );

        // A contradiction shows in the preview as it would on import, at its line.
        let v3 = lifecycle(3, "status: published", "Three.");
        let files: Vec<_> = [&v2, &v3]
            .iter()
            .map(|f| json!({"path": f.path, "text": f.text}))
            .collect();
        let reply = call(
            &app,
            Method::POST,
            "/api/library/import/preview",
            Some(&admin),
            Some(json!({ "files": files })),
            true,
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(reply.body["errors"][0]["file"], "policies/lifecycle/v2.md");
        assert_eq!(reply.body["errors"][0]["line"], 9);
    }
}
