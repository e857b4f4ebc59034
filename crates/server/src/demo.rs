//! Demo organisations and accounts, and demo sweeps, created with `--demo` on an empty
//! database so a first run can try every part of Casebook, including the boundary between
//! organisations. Never use `--demo` on a server people rely on.
//!
//! - The platform ("Casebook Platform"): a policy specialist, a trainer and an admin.
//! - Two vendors ("Demo Vendor", "Northwind Moderation"), each with an agent and an admin.
//! - Two sweeps published by the platform's specialist: one shared with both vendors, one
//!   with Demo Vendor only, partly worked by Demo Vendor's agent. Northwind's agent sees the
//!   first and never the second.

use std::collections::BTreeSet;

use casebook_core::clock::Hlc;
use casebook_core::sweep::{ItemEdit, ItemField};
use casebook_core::sync::{Mutation, Op, Overlay, PushRequest, Replica};
use casebook_core::wire::{OrgKind, User};

use crate::auth::{Role, hash_password};
use crate::store::Store;

pub const PLATFORM: &str = "Casebook Platform";
pub const VENDOR: &str = "Demo Vendor";
pub const OTHER_VENDOR: &str = "Northwind Moderation";
pub const PASSWORD: &str = "casebook-demo";
/// (organisation, email, name, role).
pub const ACCOUNTS: [(&str, &str, &str, Role); 7] = [
    (
        PLATFORM,
        "specialist@platform.casebook.test",
        "Sora Specialist",
        Role::Specialist,
    ),
    (
        PLATFORM,
        "trainer@platform.casebook.test",
        "Tomás Trainer",
        Role::Trainer,
    ),
    (
        PLATFORM,
        "admin@platform.casebook.test",
        "Priya Platform-Admin",
        Role::Admin,
    ),
    (VENDOR, "agent@demo.casebook.test", "Amal Agent", Role::Agent),
    (VENDOR, "admin@demo.casebook.test", "Ada Admin", Role::Admin),
    (OTHER_VENDOR, "agent@northwind.casebook.test", "Noa Agent", Role::Agent),
    (OTHER_VENDOR, "admin@northwind.casebook.test", "Nils Admin", Role::Admin),
];

pub async fn create_accounts(store: &Store) -> anyhow::Result<()> {
    let now = crate::now_rfc3339();
    let hash = hash_password(PASSWORD)?;
    let mut people: Vec<User> = Vec::new();
    for (org, email, name, role) in ACCOUNTS {
        let kind = if org == PLATFORM {
            OrgKind::Platform
        } else {
            OrgKind::Vendor
        };
        let org_id = store.ensure_org(org, kind, &now).await?;
        people.push(store.create_user(&org_id, email, name, role, &hash, &now).await?);
    }
    let find = |email: &str| people.iter().find(|u| u.email == email);
    if let (Some(specialist), Some(agent), Some(other)) =
        (find(ACCOUNTS[0].1), find(ACCOUNTS[3].1), find(ACCOUNTS[5].1))
    {
        publish_sweeps(store, specialist, agent, &other.org_id).await?;
    }
    Ok(())
}

/// The demo sweeps, published by the platform's specialist through the same push service the
/// app uses, with a few items already worked by Demo Vendor's agent.
async fn publish_sweeps(store: &Store, specialist: &User, agent: &User, other_vendor: &str) -> anyhow::Result<()> {
    let both = BTreeSet::from([agent.org_id.clone(), other_vendor.to_string()]);
    let only_demo = BTreeSet::from([agent.org_id.clone()]);
    let election: Vec<String> = (1..=12)
        .map(|n| format!("https://social.example/post/{}", 48_210 + n * 37))
        .collect();
    let scams: Vec<String> = (1..=8)
        .map(|n| format!("https://ads.example/creative/{}", 9_100 + n * 13))
        .collect();
    let mut ops = casebook_core::sweep::publish(
        "demoelection1",
        &specialist.org_id,
        &both,
        "Election night: false polling-place claims",
        "Posts that give a wrong date, time or place to vote, or claim polling places are closed.\n\n\
         Remove false logistics (civic-integrity policy). Label satire that could mislead. Escalate \
         anything coordinated: the same text from several new accounts.",
        &election.join("\n"),
    )?;
    ops.extend(casebook_core::sweep::publish(
        "demoscamads1",
        &specialist.org_id,
        &only_demo,
        "Spot check: crypto giveaway ads",
        "Ads promising to double a crypto deposit, often with a celebrity's face. Remove scams; \
         escalate any that use a verified account.",
        &scams.join("\n"),
    )?);
    let empty = Replica::default();
    let view = Overlay::new(&empty, &[]);
    let worked: Vec<Op> = [(1, "remove"), (2, "no_violation"), (3, "escalate")]
        .into_iter()
        .flat_map(|(n, decision)| {
            let item = casebook_core::sweep::item(&view, "demoelection1", n);
            [
                ItemEdit::Decision(ItemField::decision_value(decision)).op(&item, 0),
                ItemEdit::Done(true).op(&item, 0),
            ]
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
        crate::sync::push(store, who, &request, now, "demo")
            .await
            .map_err(|e| anyhow::anyhow!("cannot publish the demo sweeps: {e}"))?;
    }
    Ok(())
}
