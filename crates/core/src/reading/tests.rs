use super::*;
use crate::clock::Hlc;
use crate::document::{Block, Inline};
use crate::policy::{Anchor, IsoDate, Policy, PolicyArea, PolicyVersion, Section, Slug, VersionStatus};
use crate::sync::{Change, Replica};
use crate::tool;
use crate::wire::OrgKind;

fn actor<'a>(org_id: &'a str, person: &'a str, role: Role) -> Actor<'a> {
    Actor {
        person,
        org_id,
        org_kind: if org_id == "platform" {
            OrgKind::Platform
        } else {
            OrgKind::Vendor
        },
        role,
    }
}

fn item(key: u32, policy: &str, section: &str, version: u32) -> Item {
    Item {
        key,
        policy: policy.into(),
        section: section.into(),
        version,
        note: format!("Read {section} first."),
    }
}

fn change(seq: u64, op: Op, author: &str) -> Change {
    Change {
        seq,
        client_id: format!("client-{author}"),
        mutation_id: seq,
        clock: Hlc::zero(1),
        op,
        author: author.into(),
        author_org: String::new(),
    }
}

/// A replica holding list `abc123` owned by `owner`, shared with `with`.
fn replica(owner: &str, with: &[&str]) -> Replica {
    let shared: BTreeSet<String> = with.iter().map(|s| s.to_string()).collect();
    let ops = create(
        "abc123",
        owner,
        "First week",
        "Read these before your first shift.",
        &[item(1, "spam", "bulk", 1), item(2, "spam", "links", 1)],
        &shared,
    )
    .expect("a valid list");
    let mut replica = Replica::default();
    for (i, op) in ops.into_iter().enumerate() {
        replica.apply(&change(i as u64 + 1, op, "Tess (Casebook)"));
    }
    replica
}

fn root(replica: &Replica) -> RootState {
    RootState::shown(&Overlay::new(replica, &[]), "reading/abc123")
}

fn op(object: &str, field: &str, value: Value) -> Op {
    Op::SetField {
        object: object.into(),
        field: field.into(),
        value,
        base: 0,
    }
}

fn verdict(r: Result<&str, Refusal>) -> String {
    match r {
        Ok(_) => "ok".into(),
        Err(Refusal::NotAllowed(_)) => "not allowed".into(),
        Err(Refusal::OutOfScope) => "out of scope".into(),
        Err(Refusal::NoSuchObject(_)) => "no such object".into(),
        Err(Refusal::Invalid(why)) => format!("invalid: {why}"),
    }
}

#[test]
fn who_writes_a_list_and_who_marks_it_read() {
    let replica = replica("platform", &["acme"]);
    let state = root(&replica);
    let items = serde_json::to_value(vec![item(1, "spam", "bulk", 2)]).unwrap();
    let cases: [(Actor<'_>, Op, &str); 14] = [
        // The owning organisation's trainers, specialists and admins edit; its agents do not.
        (
            actor("platform", "t1", Role::Trainer),
            op("reading/abc123", "items", items.clone()),
            "ok",
        ),
        (
            actor("platform", "s1", Role::Specialist),
            op("reading/abc123", "title", Value::from("Week one")),
            "ok",
        ),
        (
            actor("platform", "a1", Role::Admin),
            op("reading/abc123", "description", Value::from("")),
            "ok",
        ),
        (
            actor("platform", "g1", Role::Agent),
            op("reading/abc123", "title", Value::from("Mine")),
            "not allowed",
        ),
        // A vendor the list is shared with reads it, but does not edit it.
        (
            actor("acme", "t2", Role::Trainer),
            op("reading/abc123", "items", items.clone()),
            "not allowed",
        ),
        // Another vendor cannot even see it.
        (
            actor("globex", "t3", Role::Trainer),
            op("reading/abc123", "title", Value::from("x")),
            "out of scope",
        ),
        (
            actor("globex", "g3", Role::Agent),
            op("reading/abc123/read/g3", "k1", Value::from(1)),
            "out of scope",
        ),
        // Every reader marks items read, for themselves only, with the version read.
        (
            actor("acme", "g2", Role::Agent),
            op("reading/abc123/read/g2", "k1", Value::from(1)),
            "ok",
        ),
        (
            actor("acme", "g2", Role::Agent),
            op("reading/abc123/read/g2", "k1", Value::Null),
            "ok",
        ),
        (
            actor("platform", "t1", Role::Trainer),
            op("reading/abc123/read/t1", "k2", Value::from(1)),
            "ok",
        ),
        (
            actor("acme", "g2", Role::Agent),
            op("reading/abc123/read/other", "k1", Value::from(1)),
            "not allowed",
        ),
        (
            actor("acme", "g2", Role::Agent),
            op("reading/abc123/read/g2", "k1", Value::from(true)),
            "invalid: a read mark is the version read, or null to untick it",
        ),
        (
            actor("acme", "g2", Role::Agent),
            op("reading/abc123/read/g2", "k01", Value::from(1)),
            "no such object",
        ),
        // The organisation never changes.
        (
            actor("platform", "t1", Role::Trainer),
            op("reading/abc123", "org", Value::from("acme")),
            "invalid: a reading list's organisation is set when it is created and never changes",
        ),
    ];
    for (who, edit, expected) in cases {
        assert_eq!(verdict(tool::check(&who, &state, &edit)), expected, "{who:?} {edit:?}");
    }
}

#[test]
fn creating_a_list_is_for_writers_of_their_own_organisation() {
    let empty = RootState::default();
    let create = |org: &str| op("reading/new123", "org", Value::from(org));
    assert_eq!(
        verdict(tool::check(&actor("acme", "t", Role::Trainer), &empty, &create("acme"))),
        "ok"
    );
    assert_eq!(
        verdict(tool::check(
            &actor("acme", "t", Role::Trainer),
            &empty,
            &create("platform")
        )),
        "not allowed"
    );
    assert_eq!(
        verdict(tool::check(&actor("acme", "g", Role::Agent), &empty, &create("acme"))),
        "not allowed"
    );
    assert_eq!(
        verdict(tool::check(
            &actor("acme", "t", Role::Trainer),
            &empty,
            &op("reading/new123", "title", Value::from("x"))
        )),
        "no such object"
    );
    assert_eq!(
        verdict(tool::check(&actor("acme", "t", Role::Trainer), &empty, &create("acme")).map(|_| "")),
        "ok"
    );
    assert!(
        tool::route("reading/Bad").is_none(),
        "an id is lowercase letters and digits"
    );
    assert_eq!(tool::root_of("reading/abc123/read/p-1"), Some("reading/abc123"));
}

#[test]
fn only_the_platform_shares_a_list() {
    let vendor_list = replica("acme", &[]);
    let share_with = |orgs: &[&str]| op("reading/abc123", "shared_with", Value::from(orgs.to_vec()));
    assert_eq!(
        verdict(tool::check(
            &actor("acme", "t", Role::Trainer),
            &root(&vendor_list),
            &share_with(&["globex"])
        )),
        "not allowed"
    );
    let platform_list = replica("platform", &[]);
    assert_eq!(
        verdict(tool::check(
            &actor("platform", "t", Role::Trainer),
            &root(&platform_list),
            &share_with(&["globex", "acme"])
        )),
        "ok"
    );
    assert!(
        verdict(tool::check(
            &actor("platform", "t", Role::Trainer),
            &root(&platform_list),
            &share_with(&["acme", "acme"])
        ))
        .starts_with("invalid")
    );
}

#[test]
fn every_field_is_bounded() {
    let state = root(&replica("platform", &[]));
    let t = actor("platform", "t", Role::Trainer);
    let check = |field: &str, value: Value| verdict(tool::check(&t, &state, &op("reading/abc123", field, value)));
    assert!(check("title", Value::from("")).starts_with("invalid"));
    assert!(check("title", Value::from("x".repeat(MAX_TITLE_CHARS + 1))).starts_with("invalid"));
    assert_eq!(check("title", Value::from("x".repeat(MAX_TITLE_CHARS))), "ok");
    assert!(check("title", Value::from("a\u{7}b")).starts_with("invalid"));
    assert!(check("description", Value::from("x".repeat(MAX_DESCRIPTION_CHARS + 1))).starts_with("invalid"));
    assert_eq!(check("description", Value::from("line one\nline two")), "ok");
    let items = |list: Vec<Item>| serde_json::to_value(list).unwrap();
    let many: Vec<Item> = (1..=MAX_ITEMS as u32 + 1).map(|k| item(k, "spam", "bulk", 1)).collect();
    assert!(check("items", items(many)).contains("at most 40 sections"));
    let full: Vec<Item> = (1..=MAX_ITEMS as u32).map(|k| item(k, "spam", "bulk", 1)).collect();
    assert_eq!(check("items", items(full)), "ok");
    let mut long = item(1, "spam", "bulk", 1);
    long.note = "n".repeat(MAX_NOTE_CHARS + 1);
    assert!(check("items", items(vec![long])).contains("note of item 1"));
    assert!(
        check(
            "items",
            items(vec![item(1, "spam", "bulk", 1), item(1, "spam", "links", 1)])
        )
        .contains("key 1")
    );
    assert!(check("items", items(vec![item(1, "Spam", "bulk", 1)])).contains("must name a policy"));
    assert!(check("items", items(vec![item(1, "spam", "bulk", 0)])).contains("must name a policy"));
    assert!(check("items", items(vec![item(0, "spam", "bulk", 1)])).contains("must name a policy"));
    assert!(
        check(
            "items",
            serde_json::json!([{"key": 1, "policy": "spam", "section": "bulk", "version": 1, "x": 1}])
        )
        .starts_with("invalid: not a list")
    );
    assert!(check("items", Value::from("spam#bulk@1")).starts_with("invalid: not a list"));
    // Forty long notes in a script of three bytes a character are more than one sync value.
    let heavy: Vec<Item> = (1..=MAX_ITEMS as u32)
        .map(|k| Item {
            note: "あ".repeat(MAX_NOTE_CHARS),
            ..item(k, "spam", "bulk", 1)
        })
        .collect();
    assert_eq!(check_items(&heavy), Err(ListProblem::TooLarge));
    assert!(check("colour", Value::from("red")).contains("no such object"));
}

#[test]
fn a_read_mark_reaches_the_readers_organisation_and_the_owner_only() {
    let state = root(&replica("platform", &["acme", "globex"]));
    let mark_by = |org: &str, person: &str| {
        let who = actor(org, person, Role::Agent);
        tool::audience(&who, &state, &op(&marks_object("abc123", person), "k1", Value::from(1)))
    };
    assert_eq!(mark_by("acme", "g2").as_deref(), Some("acme"));
    assert_eq!(mark_by("globex", "g3").as_deref(), Some("globex"));
    assert_eq!(
        mark_by("platform", "t1").as_deref(),
        Some("platform"),
        "the owner's own marks stay there"
    );
    // The list itself reaches every reader.
    let who = actor("platform", "t1", Role::Trainer);
    assert_eq!(
        tool::audience(&who, &state, &op("reading/abc123", "title", Value::from("x"))),
        None
    );
    // So the push admits a vendor's mark for that vendor and the owner only.
    let mutation = crate::sync::Mutation {
        id: 1,
        clock: Hlc::zero(2),
        op: op(&marks_object("abc123", "g2"), "k1", Value::from(1)),
    };
    let mut state = state.clone();
    let admitted = crate::sync::admit(
        &actor("acme", "g2", Role::Agent),
        "client-g2",
        &mut state,
        &mutation,
        10,
        0,
    )
    .expect("admitted");
    assert_eq!(
        admitted.readers,
        BTreeSet::from(["acme".to_string(), "platform".to_string()])
    );
}

#[test]
fn lists_read_back_with_their_readers() {
    let mut replica = replica("platform", &["acme"]);
    let view = Overlay::new(&replica, &[]);
    let list = load(&view, "abc123").expect("the list");
    assert_eq!(list.title, "First week");
    assert_eq!(list.shared_with, BTreeSet::from(["acme".to_string()]));
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.author, "Tess (Casebook)");
    assert_eq!(next_key(&list.items), 3);
    let marks = [
        (10, mark(&view, "abc123", "g2", 1, Some(1)), "Gil (Acme)"),
        (11, mark(&view, "abc123", "g2", 2, Some(1)), "Gil (Acme)"),
        (12, mark(&view, "abc123", "h5", 1, Some(1)), "Hana (Acme)"),
    ];
    for (seq, op, author) in marks {
        replica.apply(&change(seq, op, author));
    }
    // Hana unticks her item again.
    let view = Overlay::new(&replica, &[]);
    let untick = mark(&view, "abc123", "h5", 1, None);
    replica.apply(&change(13, untick, "Hana (Acme)"));
    let view = Overlay::new(&replica, &[]);
    assert_eq!(marks_of(&view, "abc123", "g2"), BTreeMap::from([(1, 1), (2, 1)]));
    let who: Vec<(String, usize)> = readers(&view, "abc123")
        .into_iter()
        .map(|r| (r.name, r.read.len()))
        .collect();
    assert_eq!(who, [("Gil (Acme)".to_string(), 2)], "no marks left: not a reader");
    assert_eq!(list_titles(&view), ["First week"]);
    // Saving only sends what changed, on the value seen.
    let ops = save(
        &view,
        "abc123",
        "First week",
        "Read these before your first shift.",
        &list.items,
    )
    .expect("ok");
    assert!(ops.is_empty());
    let ops = save(
        &view,
        "abc123",
        "Week one",
        "Read these before your first shift.",
        &list.items,
    )
    .expect("ok");
    assert_eq!(ops.len(), 1);
    assert!(matches!(&ops[0], Op::SetField { field, base: 2, .. } if field == "title"));
    assert_eq!(
        tool::describe(&view, "reading/abc123/read/g2", "k2", &Value::from(1)),
        "First week · spam#links@1 read"
    );
}

fn list_titles(view: &Overlay<'_>) -> Vec<String> {
    list(view).into_iter().map(|l| l.title).collect()
}

fn section(anchor: &str, text: &str) -> Section {
    Section {
        anchor: Anchor::new(anchor).unwrap(),
        heading: anchor.to_uppercase(),
        lang: None,
        body: vec![Block::Paragraph(vec![Inline::Text(text.into())])],
    }
}

fn version(number: u32, status: VersionStatus, sections: Vec<Section>) -> PolicyVersion {
    PolicyVersion {
        number,
        status,
        status_since: None,
        effective: IsoDate::new("2026-01-01").unwrap(),
        verified_until: IsoDate::new("2027-01-01").unwrap(),
        summary: String::new(),
        sections,
        actions: vec![],
    }
}

fn library() -> Library {
    let spam = Policy {
        slug: Slug::new("spam").unwrap(),
        title: "Spam".into(),
        area: PolicyArea::FraudScams,
        owner: "o".into(),
        regions: vec![],
        languages: vec![],
        versions: vec![
            version(
                1,
                VersionStatus::Superseded,
                vec![
                    section("bulk", "Bulk posting is removed."),
                    section("links", "Link farms are removed."),
                    section("old", "Chain letters."),
                ],
            ),
            version(
                2,
                VersionStatus::Published,
                vec![
                    section("bulk", "Bulk posting is removed after one warning."),
                    section("links", "Link farms are removed."),
                ],
            ),
            version(3, VersionStatus::Draft, vec![section("bulk", "Draft wording.")]),
        ],
    };
    Library {
        policies: vec![spam],
        synonyms: vec![],
    }
}

#[test]
fn a_listed_section_says_when_a_newer_version_changed_it() {
    let library = library();
    match section_state(&library, &item(1, "spam", "bulk", 1)) {
        SectionState::Changed { current: 2, diff } => {
            assert!(
                diff.words
                    .iter()
                    .any(|w| matches!(w, crate::diff::Words::Inserted(t) if t.contains("after one warning")))
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        section_state(&library, &item(2, "spam", "links", 1)),
        SectionState::Unchanged { current: 2 }
    );
    assert_eq!(
        section_state(&library, &item(3, "spam", "old", 1)),
        SectionState::Removed { current: 2 }
    );
    assert_eq!(
        section_state(&library, &item(4, "spam", "bulk", 2)),
        SectionState::Current
    );
    // A draft newer than the listed version is not "current": nothing to warn about.
    assert_eq!(
        section_state(&library, &item(5, "spam", "bulk", 3)),
        SectionState::Current
    );
    assert_eq!(
        section_state(&library, &item(6, "spam", "nope", 2)),
        SectionState::Missing
    );
    assert_eq!(
        section_state(&library, &item(7, "ham", "bulk", 1)),
        SectionState::Missing
    );
    assert_eq!(
        section_state(&library, &item(8, "spam", "bulk", 9)),
        SectionState::Missing
    );
}

#[test]
fn pasted_links_name_a_section() {
    let link = |policy: &str, section: &str, version: Option<u32>| SectionLink {
        policy: policy.into(),
        section: section.into(),
        version,
    };
    let cases = [
        (
            "https://casebook.test/policies/spam/v/2?p=1#bulk",
            Some(link("spam", "bulk", Some(2))),
        ),
        ("/policies/spam/v/2#bulk", Some(link("spam", "bulk", Some(2)))),
        ("  /policies/spam#bulk ", Some(link("spam", "bulk", None))),
        ("spam#bulk@3", Some(link("spam", "bulk", Some(3)))),
        ("/policies/spam/v/0#bulk", None),
        ("/policies/spam/v/x#bulk", None),
        ("/policies/spam", None),
        ("/policies/Spam#bulk", None),
        ("/policies/spam#Bulk Posting", None),
        ("spam#bulk@0", None),
        ("just words", None),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_link(text), expected, "{text}");
    }
    assert_eq!(parse_link(&format!("/policies/spam#{}", "a".repeat(600))), None);
}
