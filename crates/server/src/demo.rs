//! Demo organisations and accounts, and demo sweeps, created with `--demo` on an empty
//! database so a first run can try every part of Casebook, including the boundary between
//! organisations. Never use `--demo` on a server people rely on.
//!
//! - The platform ("Casebook Platform"): a policy specialist, a trainer and an admin.
//! - Two vendors ("Demo Vendor", "Northwind Moderation"), each with an agent and an admin.
//! - Two sweeps published by the platform's specialist: one shared with both vendors, one
//!   with Demo Vendor only, partly worked by Demo Vendor's agent. Northwind's agent sees the
//!   first and never the second.
//! - The demo case-note templates (`demo/templates`), published by the platform's specialist
//!   and shared with both vendors.
//! - A live sweep with versioned guidance ("Election night: the live sweep", 300 items shared
//!   with both vendors): version 1 and a version 2 published mid-sweep, with a checklist;
//!   items assigned half to each vendor's agent and partly worked; Demo Vendor's agent has
//!   acknowledged both versions, Northwind's agent only the first.
//! - A reading list for new hires ("First week: privacy, evasion and spam"), written by the
//!   platform's trainer and shared with Demo Vendor only. One item is listed at a version a
//!   newer one has changed, so the list shows what changed; Demo Vendor's agent has read the
//!   first item. Northwind never sees it.

use std::collections::BTreeSet;

use casebook_core::clock::Hlc;
use casebook_core::sweep::assign::Person;
use casebook_core::sweep::guidance::Guidance;
use casebook_core::sweep::{self, Choice, ItemEdit, ItemField};
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
        publish_templates(store, specialist, &[&agent.org_id, &other.org_id]).await?;
        publish_live_sweep(store, specialist, agent, other).await?;
    }
    if let (Some(trainer), Some(agent)) = (find(ACCOUNTS[1].1), find(ACCOUNTS[3].1)) {
        publish_reading_list(store, trainer, agent).await?;
    }
    Ok(())
}

/// The demo templates that ship with Casebook (see `demo/templates/README.md`).
static DEMO_TEMPLATES: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/../../demo/templates");

/// Every demo template, parsed and checked, by file name.
pub fn demo_templates() -> anyhow::Result<Vec<casebook_core::template::Template>> {
    let mut files: Vec<_> = DEMO_TEMPLATES
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort_by_key(|f| f.path());
    files
        .into_iter()
        .map(|f| {
            let name = f.path().display().to_string();
            let text = f
                .contents_utf8()
                .ok_or_else(|| anyhow::anyhow!("{name} is not UTF-8"))?;
            casebook_core::template::from_yaml(&name, text).map_err(|e| anyhow::anyhow!(e.join("\n")))
        })
        .collect()
}

/// Publishes the demo templates as the platform's specialist, shared with `vendors`.
async fn publish_templates(store: &Store, specialist: &User, vendors: &[&String]) -> anyhow::Result<()> {
    let with: BTreeSet<String> = vendors.iter().map(|v| v.to_string()).collect();
    let empty = Replica::default();
    let view = Overlay::new(&empty, &[]);
    let mut ops = Vec::new();
    for template in demo_templates()? {
        ops.extend(casebook_core::template::notes::publish(&template, &specialist.org_id)?);
        ops.push(casebook_core::template::notes::share(&view, &template.id, &with));
    }
    push_as(store, specialist, "demo-seed-templates", ops)
        .await
        .map_err(|e| anyhow::anyhow!("cannot publish the demo templates: {e}"))
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
    let mut ops = sweep::publish(
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
    for (who, client, ops) in [
        (specialist, "demo-seed-specialist", ops),
        (agent, "demo-seed-agent", worked),
    ] {
        push_as(store, who, client, ops)
            .await
            .map_err(|e| anyhow::anyhow!("cannot publish the demo sweeps: {e}"))?;
    }
    Ok(())
}

/// The demo reading list's id.
pub const READING_LIST: &str = "firstweek2026";

/// The demo reading list's sections: (policy, section, version, the trainer's note).
const READING_ITEMS: [(&str, &str, u32, &str); 6] = [
    (
        "private-information",
        "overview",
        1,
        "What counts as private information. Listed at v1 on purpose: see what v2 changed.",
    ),
    (
        "private-information",
        "public-figures",
        2,
        "The line between newsworthy and private. Most appeals are about this.",
    ),
    (
        "private-information",
        "real-world-risk",
        2,
        "Escalate at once: never wait for a second report.",
    ),
    ("ban-evasion", "sock-puppets", 2, ""),
    (
        "platform-manipulation-spam",
        "bot-networks",
        1,
        "Look for the signals, not one post.",
    ),
    (
        "election-integrity",
        "election-window",
        2,
        "Read before any election-night shift.",
    ),
];

/// The demo reading list's items.
pub fn reading_items() -> Vec<casebook_core::reading::Item> {
    READING_ITEMS
        .iter()
        .zip(1..)
        .map(|((policy, section, version, note), key)| casebook_core::reading::Item {
            key,
            policy: (*policy).into(),
            section: (*section).into(),
            version: *version,
            note: (*note).into(),
        })
        .collect()
}

/// The trainer's reading list for new hires, shared with the agent's organisation; the agent
/// has read its first item.
async fn publish_reading_list(store: &Store, trainer: &User, agent: &User) -> anyhow::Result<()> {
    let ops = casebook_core::reading::create(
        READING_LIST,
        &trainer.org_id,
        "First week: privacy, evasion and spam",
        "Read these sections in order during your first week. Tick each one when you have read it; \
         your trainer sees your progress.",
        &reading_items(),
        &BTreeSet::from([agent.org_id.clone()]),
    )
    .map_err(|e| anyhow::anyhow!("the demo reading list: {e}"))?;
    push_as(store, trainer, "demo-seed-reading", ops)
        .await
        .map_err(|e| anyhow::anyhow!("cannot publish the demo reading list: {e}"))?;
    let replica = Replica::default();
    let mark = casebook_core::reading::mark(&Overlay::new(&replica, &[]), READING_LIST, &agent.id, 1, Some(1));
    push_as(store, agent, "demo-seed-reading-agent", vec![mark])
        .await
        .map_err(|e| anyhow::anyhow!("cannot mark the demo reading list: {e}"))
}

/// Pushes `ops` as `who` through the push service, as client `client`.
async fn push_as(store: &Store, who: &User, client: &str, ops: Vec<Op>) -> Result<(), String> {
    let now = u64::try_from(crate::auth::now_ms()).unwrap_or(0);
    {
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
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The live sweep's id.
pub const LIVE_SWEEP: &str = "demolive2026";

fn live_guidance(version: u64) -> anyhow::Result<Guidance> {
    let mut value = serde_json::json!({
        "title": "False voting logistics",
        "event": "Election night (fictional Republic of Veloria)",
        "regions": ["VL"],
        "languages": ["en", "es", "ar"],
        "description": "Posts that give a **wrong date, time or place** to vote, or say polling places are closed.\n\nCheck the official results page before deciding.",
        "escalation": "Coordinated posting (the same text from several new accounts), or threats against poll workers.",
        "sections": [{"section": "civic-integrity.voting-logistics", "version": 2}],
        "checklist": [
            {"id": "claim", "label": "States a voting date, time or place", "kind": "check", "required": true},
            {"id": "accuracy", "label": "Is the claim accurate?", "kind": "choice", "options": ["accurate", "false", "unclear"],
             "required": true, "when": {"step": "claim", "equals": true}},
            {"id": "source", "label": "Official source checked (link or name)", "kind": "text", "required": false,
             "when": {"step": "accuracy", "equals": "false"}}
        ],
        "decisions": [
            {"id": "no-violation", "label": "No violation", "section": {"section": "civic-integrity.voting-logistics", "version": 2}, "action": "none"},
            {"id": "label", "label": "Label", "section": {"section": "civic-integrity.voting-logistics", "version": 2}, "action": "label"},
            {"id": "remove", "label": "Remove", "section": {"section": "civic-integrity.voting-logistics", "version": 2}, "action": "remove"},
            {"id": "escalate", "label": "Escalate", "section": {"section": "civic-integrity.coordinated", "version": 1}, "action": "escalate", "escalates": true}
        ]
    });
    if version == 2 {
        // Mid-sweep: coordinated posting now needs a count, and the policy moved to v3.
        value["checklist"]
            .as_array_mut()
            .expect("a list")
            .push(serde_json::json!({"id": "accounts", "label": "How many accounts posted it?", "kind": "choice",
                "options": ["one", "2 to 9", "10 or more"], "required": true, "when": {"step": "claim", "equals": true}}));
        for decision in value["decisions"].as_array_mut().expect("a list").iter_mut().take(3) {
            decision["section"]["version"] = serde_json::json!(3);
        }
        value["escalation"] = serde_json::json!(
            "Coordinated posting (10 or more accounts), threats against poll workers, or any post by a candidate."
        );
    }
    // Formatted as the guidance form has the server format it.
    let description = value["description"].as_str().unwrap_or_default().to_string();
    let blocks = casebook_core::document::parse_markdown(&description)
        .map_err(|e| anyhow::anyhow!("the demo description nests too deep at {}", e.offset))?;
    value["description_doc"] = serde_json::to_value(blocks)?;
    Ok(Guidance::from_value(&value)?)
}

/// The live sweep: guidance v1 and v2, 300 items assigned half to each vendor's agent, some
/// worked under each version; Northwind's agent has not acknowledged version 2.
async fn publish_live_sweep(store: &Store, specialist: &User, agent: &User, other: &User) -> anyhow::Result<()> {
    const ITEMS: usize = 300;
    let both = BTreeSet::from([agent.org_id.clone(), other.org_id.clone()]);
    let lines: Vec<String> = (1..=ITEMS)
        .map(|n| match n % 3 {
            0 => format!("@veloria_voter_{n}"),
            1 => format!("https://social.example/post/{}", 70_000 + n * 41),
            _ => format!("CASE-{}", 5_000 + n),
        })
        .collect();
    let (v1, v2) = (live_guidance(1)?, live_guidance(2)?);
    let empty = Replica::default();
    let view = Overlay::new(&empty, &[]);
    let mut ops = sweep::publish(
        LIVE_SWEEP,
        &specialist.org_id,
        &both,
        "Election night: the live sweep",
        "",
        &lines.join("\n"),
    )?;
    ops.push(sweep::write_draft(&view, LIVE_SWEEP, 1, &v1));
    ops.push(sweep::publish_version(LIVE_SWEEP, 1));
    let person = |u: &User| Person {
        person: u.id.clone(),
        org: u.org_id.clone(),
        name: u.name.clone(),
    };
    for n in 1..=ITEMS {
        let to = if n <= ITEMS / 2 { person(agent) } else { person(other) };
        ops.push(ItemEdit::Assign(Some(to)).op_for(&sweep::item_object(LIVE_SWEEP, n), 0));
    }
    let work = |n: usize, v: u64, guidance: &Guidance, decision: &str| -> Vec<Op> {
        let object = sweep::item_object(LIVE_SWEEP, n);
        let mut steps = std::collections::BTreeMap::from([
            ("claim".to_string(), serde_json::Value::Bool(true)),
            ("accuracy".to_string(), serde_json::Value::from("false")),
        ]);
        if v == 2 {
            steps.insert(
                "accounts".into(),
                serde_json::Value::from(if n.is_multiple_of(7) { "10 or more" } else { "one" }),
            );
        }
        vec![
            ItemEdit::Answers { guidance: v, steps }.op_for(&object, 0),
            ItemEdit::Choose(Choice::of(guidance, v, decision)).op_for(&object, 0),
            ItemEdit::Done(true).op_for(&object, 0),
        ]
    };
    let decision = |n: usize| ["remove", "label", "no-violation", "remove", "escalate"][n % 5];
    let now = u64::try_from(crate::auth::now_ms()).unwrap_or(0);
    // Amal works items 1–25 under v1 and acknowledges it; then v2 is published, she
    // acknowledges it and works 26–40. Noa works 151–170 under v1 and has not seen v2.
    let mut amal: Vec<Op> = vec![sweep::acknowledge(LIVE_SWEEP, &agent.id, 1)];
    amal.extend((1..=25).flat_map(|n| work(n, 1, &v1, decision(n))));
    let noa: Vec<Op> = std::iter::once(sweep::acknowledge(LIVE_SWEEP, &other.id, 1))
        .chain((151..=170).flat_map(|n| work(n, 1, &v1, decision(n))))
        .collect();
    let second = vec![
        sweep::write_draft(&view, LIVE_SWEEP, 2, &v2),
        sweep::publish_version(LIVE_SWEEP, 2),
    ];
    let mut amal_v2 = vec![sweep::acknowledge(LIVE_SWEEP, &agent.id, 2)];
    amal_v2.extend((26..=40).flat_map(|n| work(n, 2, &v2, decision(n))));
    // Each batch a little later than the one before, and each edit spaced out, so times per
    // item read like a real hour.
    let batches = [
        (specialist, "demo-live-specialist", ops),
        (agent, "demo-live-amal", amal),
        (other, "demo-live-noa", noa),
        (specialist, "demo-live-specialist", second),
        (agent, "demo-live-amal", amal_v2),
    ];
    let mut next_id: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
    let start = now.saturating_sub(60 * 60_000);
    for (step, (who, client, ops)) in batches.into_iter().enumerate() {
        let first = *next_id.entry(client).or_insert(1);
        let batch_start = start + step as u64 * 10 * 60_000;
        let mutations: Vec<Mutation> = ops
            .into_iter()
            .enumerate()
            .map(|(i, op)| Mutation {
                id: first + i as u64,
                clock: Hlc {
                    // Worked items: about 40 s of an agent's time per edit of three.
                    wall_ms: batch_start
                        + if client == "demo-live-specialist" {
                            0
                        } else {
                            i as u64 * 13_000
                        },
                    counter: i as u32,
                    node: 2,
                },
                op,
            })
            .collect();
        next_id.insert(client, first + mutations.len() as u64);
        for chunk in mutations.chunks(casebook_core::sync::MAX_PUSH) {
            let request = PushRequest {
                schema_version: casebook_core::SCHEMA_VERSION,
                client_id: client.into(),
                mutations: chunk.to_vec(),
            };
            crate::sync::push(store, who, &request, now, "demo")
                .await
                .map_err(|e| anyhow::anyhow!("cannot publish the live demo sweep: {e}"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use casebook_core::template::{Kind, Language};

    #[test]
    fn the_demo_reading_list_names_real_sections_and_one_changed_since() {
        use casebook_core::reading::{SectionState, check_items, section_state};
        let parsed = casebook_core::import::parse_library(&crate::library::demo_files()).expect("the demo library");
        let library = casebook_core::import::assemble(parsed);
        let items = super::reading_items();
        check_items(&items).expect("within bounds");
        let states: Vec<SectionState> = items.iter().map(|i| section_state(&library, i)).collect();
        assert!(
            !states.contains(&SectionState::Missing),
            "every listed section is in the demo library: {states:?}"
        );
        assert!(
            matches!(states[0], SectionState::Changed { current: 2, .. }),
            "{:?}",
            states[0]
        );
    }

    #[test]
    fn the_demo_templates_are_valid_and_cover_every_kind_and_language() {
        let templates = super::demo_templates().expect("every demo template parses and checks");
        assert!(templates.len() >= 15, "{}", templates.len());
        let kinds: BTreeSet<Kind> = templates.iter().map(|t| t.kind).collect();
        assert_eq!(kinds.len(), 3);
        for t in &templates {
            let langs: Vec<Language> = t.variants.keys().copied().collect();
            assert_eq!(langs, Language::ALL, "{}", t.id);
            let json = serde_json::to_vec(t).expect("json");
            assert!(
                json.len() <= casebook_core::sync::MAX_VALUE_BYTES,
                "{}: {} bytes",
                t.id,
                json.len()
            );
        }
        let areas: BTreeSet<&str> = templates.iter().map(|t| t.area.as_str()).collect();
        assert!(areas.len() >= 10, "{areas:?}");
    }
}
