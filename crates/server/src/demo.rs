//! Demo accounts, one per role, and a demo sweep, created with `--demo` on an empty database
//! so a first run can try every part of Casebook. Never use `--demo` on a server people rely on.

use casebook_core::clock::Hlc;
use casebook_core::sync::{Mutation, Op, PushRequest};

use crate::auth::{Role, hash_password};
use crate::store::Store;

pub const ORG: &str = "Demo Vendor";
pub const PASSWORD: &str = "casebook-demo";
pub const ACCOUNTS: [(&str, &str, Role); 4] = [
    ("agent@demo.casebook.test", "Amal Agent", Role::Agent),
    ("specialist@demo.casebook.test", "Sora Specialist", Role::Specialist),
    ("trainer@demo.casebook.test", "Tomás Trainer", Role::Trainer),
    ("admin@demo.casebook.test", "Ada Admin", Role::Admin),
];

pub async fn create_accounts(store: &Store) -> anyhow::Result<()> {
    let now = crate::now_rfc3339();
    let org = store.ensure_org(ORG, &now).await?;
    let hash = hash_password(PASSWORD)?;
    let mut people = Vec::new();
    for (email, name, role) in ACCOUNTS {
        people.push(store.create_user(&org, email, name, role, &hash, &now).await?);
    }
    let id_of = |role: Role| people.iter().find(|u| u.role == role).map(|u| u.id.clone());
    if let (Some(specialist), Some(agent)) = (id_of(Role::Specialist), id_of(Role::Agent)) {
        publish_sweep(store, &specialist, &agent).await?;
    }
    Ok(())
}

/// A demo sweep, published by the demo specialist through the same sync path the app uses,
/// with a few items already worked by the demo agent.
async fn publish_sweep(store: &Store, specialist: &str, agent: &str) -> anyhow::Result<()> {
    const ID: &str = "demoelection1";
    let items: Vec<String> = (1..=12)
        .map(|n| format!("https://social.example/post/{}", 48_210 + n * 37))
        .collect();
    let ops = casebook_core::sweep::publish(
        ID,
        "Election night: false polling-place claims",
        "Posts that give a wrong date, time or place to vote, or claim polling places are closed.\n\n\
         Remove false logistics (civic-integrity policy). Label satire that could mislead. Escalate \
         anything coordinated: the same text from several new accounts.",
        &items.join("\n"),
    )?;
    let worked = [(1, "remove"), (2, "no_violation"), (3, "escalate")]
        .into_iter()
        .flat_map(|(n, decision)| {
            let object = casebook_core::sweep::item_object(ID, n);
            [
                (object.clone(), "decision", serde_json::Value::from(decision)),
                (object, "done", serde_json::Value::from(true)),
            ]
        })
        .map(|(object, field, value)| Op::SetField {
            object,
            field: field.into(),
            value,
            base: 0,
        })
        .collect();
    let now = u64::try_from(crate::auth::now_ms()).unwrap_or(0);
    for (who, client, ops) in [
        (specialist, "demo-seed-specialist", ops),
        (agent, "demo-seed-agent", worked),
    ] {
        let mutations = ops
            .into_iter()
            .enumerate()
            .map(|(i, op)| Mutation {
                id: i as u64 + 1,
                clock: Hlc {
                    wall_ms: now,
                    counter: i as u32,
                    node: 1,
                },
                op,
            })
            .collect();
        let request = PushRequest {
            schema_version: casebook_core::SCHEMA_VERSION,
            client_id: client.into(),
            mutations,
        };
        store
            .push(who, &request)
            .await
            .map_err(|e| anyhow::anyhow!("cannot publish the demo sweep: {e}"))?;
    }
    Ok(())
}
