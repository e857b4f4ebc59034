use super::*;
use crate::clock::Hlc;
use crate::scope::Actor;
use crate::sync::{Change, Mutation, Replica};
use crate::template::tests::escalation;
use crate::tool;
use crate::wire::OrgKind;

fn actor(org: &str, role: Role) -> Actor<'_> {
    Actor {
        org_id: org,
        org_kind: if org == "platform" {
            OrgKind::Platform
        } else {
            OrgKind::Vendor
        },
        role,
    }
}

fn verdict(r: Result<(), Refusal>) -> String {
    match r {
        Ok(()) => "ok".into(),
        Err(Refusal::NotAllowed(why)) => format!("not allowed: {why}"),
        Err(Refusal::OutOfScope) => "out of scope".into(),
        Err(Refusal::NoSuchObject(why)) => format!("no such object: {why}"),
        Err(Refusal::Invalid(why)) => format!("invalid: {why}"),
    }
}

fn change(seq: u64, op: Op) -> Change {
    Change {
        seq,
        client_id: "c".into(),
        mutation_id: seq,
        clock: Hlc::zero(1),
        op,
        author: "Amal".into(),
        author_org: String::new(),
    }
}

/// A root state made of `ops` applied in order.
fn state(ops: &[Op]) -> RootState {
    let mut root = RootState::default();
    for (i, op) in ops.iter().enumerate() {
        root.apply(&change(i as u64 + 1, op.clone()));
    }
    root
}

fn note() -> Note {
    Note {
        template: "escalate-threat".into(),
        version: 1,
        lang: Language::Ar,
        values: BTreeMap::from([("region".into(), "Lyon".into())]),
        policy_refs: vec!["violent-speech#threats@3".into()],
        case_id: Some("CASE-004211".into()),
        text: "تصعيد".into(),
        at_ms: 1_800_000_000_000,
        kept_personal_data: vec![PiiKind::Phone],
        amends: None,
        sweep_item: None,
    }
}

fn template_v(n: u32) -> Template {
    let mut t = escalation();
    t.version = n;
    t
}

fn op(object: &str, field: &str, value: Value) -> Op {
    Op::SetField {
        object: object.into(),
        field: field.into(),
        value,
        base: 0,
    }
}

#[test]
fn who_writes_templates() {
    let none = RootState::default();
    let owned = state(&publish(&template_v(1), "vendor-a").expect("ops"));
    let platform_shared = state(&[
        op("template/escalate-threat", "org", Value::from("platform")),
        op("template/escalate-threat", "shared_with", Value::from(vec!["vendor-a"])),
    ]);
    let v = |n: u32| serde_json::to_value(template_v(n)).expect("json");
    let create = |org: &str| op("template/escalate-threat", "org", Value::from(org));
    let version = |n: u32| op("template/escalate-threat", &format!("v{n}"), v(n));
    let table: Vec<(&str, Actor<'_>, &RootState, Op, &str)> = vec![
        (
            "a specialist creates one for their organisation",
            actor("vendor-a", Role::Specialist),
            &none,
            create("vendor-a"),
            "ok",
        ),
        (
            "a trainer creates one",
            actor("vendor-a", Role::Trainer),
            &none,
            create("vendor-a"),
            "ok",
        ),
        (
            "an agent does not",
            actor("vendor-a", Role::Agent),
            &none,
            create("vendor-a"),
            "not allowed: only specialists, trainers and admins write templates",
        ),
        (
            "nobody creates one for another organisation",
            actor("vendor-a", Role::Specialist),
            &none,
            create("vendor-b"),
            "not allowed: a template belongs to the organisation that writes it",
        ),
        (
            "no version before the template exists",
            actor("vendor-a", Role::Specialist),
            &none,
            version(1),
            "no such object: this template does not exist",
        ),
        (
            "the next version is published",
            actor("vendor-a", Role::Trainer),
            &owned,
            version(2),
            "ok",
        ),
        (
            "a published version never changes",
            actor("vendor-a", Role::Specialist),
            &owned,
            version(1),
            "invalid: version 1 is published and never changes: publish version 2 instead",
        ),
        (
            "no version is skipped",
            actor("vendor-a", Role::Specialist),
            &owned,
            version(3),
            "invalid: the next version of this template is 2",
        ),
        (
            "an agent does not publish",
            actor("vendor-a", Role::Agent),
            &owned,
            version(2),
            "not allowed: only specialists, trainers and admins of the owning organisation change a template",
        ),
        (
            "another vendor cannot read it, let alone publish",
            actor("vendor-b", Role::Specialist),
            &owned,
            version(2),
            "out of scope",
        ),
        (
            "a vendor shared a platform template cannot change it",
            actor("vendor-a", Role::Specialist),
            &platform_shared,
            version(1),
            "not allowed: only specialists, trainers and admins of the owning organisation change a template",
        ),
        (
            "a vendor does not share",
            actor("vendor-a", Role::Admin),
            &owned,
            op("template/escalate-threat", "shared_with", Value::from(vec!["vendor-b"])),
            "not allowed: only the platform shares templates with other organisations",
        ),
        (
            "the platform shares",
            actor("platform", Role::Specialist),
            &platform_shared,
            op(
                "template/escalate-threat",
                "shared_with",
                Value::from(vec!["vendor-a", "vendor-b"]),
            ),
            "ok",
        ),
        (
            "the organisation never changes",
            actor("vendor-a", Role::Admin),
            &owned,
            create("vendor-a"),
            "invalid: a template's organisation is set when it is created and never changes",
        ),
        (
            "a version must say which it is",
            actor("vendor-a", Role::Specialist),
            &owned,
            op("template/escalate-threat", "v2", v(3)),
            "invalid: version 2 of escalate-threat must say it is escalate-threat version 2",
        ),
        (
            "a version must be a template",
            actor("vendor-a", Role::Specialist),
            &owned,
            op("template/escalate-threat", "v2", Value::from("hello")),
            "invalid: not a template: invalid type: string \"hello\", expected struct Template",
        ),
        (
            "unknown fields are refused",
            actor("vendor-a", Role::Specialist),
            &owned,
            op("template/escalate-threat", "v02", v(2)),
            "no such object: template/escalate-threat/v02 is not something Casebook stores",
        ),
        (
            "ids are checked",
            actor("vendor-a", Role::Specialist),
            &none,
            op("template/Bad--id", "org", Value::from("vendor-a")),
            "no such object: template/Bad--id/org is not something Casebook stores",
        ),
    ];
    for (what, who, root, op, expected) in table {
        assert_eq!(verdict(tool::check(&who, root, &op).map(|_| ())), expected, "{what}");
    }
}

#[test]
fn a_broken_template_is_refused_with_its_line_and_column() {
    let owned = state(&publish(&template_v(1), "vendor-a").expect("ops"));
    let mut broken = template_v(2);
    if let Some(v) = broken.variants.get_mut(&Language::En) {
        v.body = "Hello\n  {{ nobody }}".into();
    }
    let op = op(
        "template/escalate-threat",
        "v2",
        serde_json::to_value(&broken).expect("json"),
    );
    assert_eq!(
        verdict(tool::check(&actor("vendor-a", Role::Specialist), &owned, &op).map(|_| ())),
        "invalid: en body, line 2, column 6: unknown placeholder \"nobody\": no field has that name"
    );
}

#[test]
fn who_writes_notes() {
    let none = RootState::default();
    let saved = state(&save("note0001", "vendor-a", &note()).expect("ops"));
    let created = state(&[op("note/note0001", "org", Value::from("vendor-a"))]);
    let body = |n: &Note| op("note/note0001", "note", serde_json::to_value(n).expect("json"));
    let create = |org: &str| op("note/note0001", "org", Value::from(org));
    let mut bad_ref = note();
    bad_ref.policy_refs = vec!["threats".into()];
    let mut huge = note();
    huge.text = "x".repeat(MAX_RENDERED_CHARS + 1);
    let mut empty = note();
    empty.text = " ".into();
    let table: Vec<(&str, Actor<'_>, &RootState, Op, &str)> = vec![
        (
            "an agent starts a note in their organisation",
            actor("vendor-a", Role::Agent),
            &none,
            create("vendor-a"),
            "ok",
        ),
        (
            "a platform specialist writes the platform's own notes",
            actor("platform", Role::Specialist),
            &none,
            create("platform"),
            "ok",
        ),
        (
            "a note is never filed under another organisation",
            actor("vendor-a", Role::Agent),
            &none,
            create("platform"),
            "not allowed: a note belongs to its author's organisation",
        ),
        (
            "a trainer writes no notes",
            actor("vendor-a", Role::Trainer),
            &none,
            create("vendor-a"),
            "not allowed: a trainer does not write case notes",
        ),
        (
            "the note's body follows",
            actor("vendor-a", Role::Agent),
            &created,
            body(&note()),
            "ok",
        ),
        (
            "a colleague may save it too",
            actor("vendor-a", Role::Admin),
            &created,
            body(&note()),
            "ok",
        ),
        (
            "a saved note never changes",
            actor("vendor-a", Role::Agent),
            &saved,
            body(&note()),
            "invalid: a saved note never changes: write an amendment instead",
        ),
        (
            "another vendor cannot touch it",
            actor("vendor-b", Role::Agent),
            &created,
            body(&note()),
            "out of scope",
        ),
        (
            "nor can the platform",
            actor("platform", Role::Admin),
            &created,
            body(&note()),
            "out of scope",
        ),
        (
            "policy references are checked",
            actor("vendor-a", Role::Agent),
            &created,
            body(&bad_ref),
            "invalid: a note records at most 20 policy sections, each as policy#section@version",
        ),
        (
            "the text is bounded",
            actor("vendor-a", Role::Agent),
            &created,
            body(&huge),
            "invalid: the note's text may be at most 5000 characters",
        ),
        (
            "the text is not empty",
            actor("vendor-a", Role::Agent),
            &created,
            body(&empty),
            "invalid: the note's text must not be empty",
        ),
        (
            "the body is a note",
            actor("vendor-a", Role::Agent),
            &created,
            op("note/note0001", "note", Value::from(3)),
            "invalid: not a note: invalid type: integer `3`, expected struct Note",
        ),
        (
            "no other fields",
            actor("vendor-a", Role::Agent),
            &created,
            op("note/note0001", "text", Value::from("x")),
            "no such object: note/note0001/text is not something Casebook stores",
        ),
    ];
    for (what, who, root, op, expected) in table {
        assert_eq!(verdict(tool::check(&who, root, &op).map(|_| ())), expected, "{what}");
    }
}

#[test]
fn a_note_is_private_to_its_organisation() {
    let saved = state(&save("note0001", "vendor-a", &note()).expect("ops"));
    let scope = tool::scope("note/note0001", &saved).expect("scope");
    assert_eq!(scope.readers().into_iter().collect::<Vec<_>>(), ["vendor-a"]);
    let shared = state(&[
        op("template/escalate-threat", "org", Value::from("platform")),
        op("template/escalate-threat", "shared_with", Value::from(vec!["vendor-a"])),
    ]);
    let scope = tool::scope("template/escalate-threat", &shared).expect("scope");
    assert_eq!(
        scope.readers().into_iter().collect::<Vec<_>>(),
        ["platform", "vendor-a"]
    );
}

#[test]
fn published_templates_and_saved_notes_are_read_back_and_searched() {
    let mut ops = publish(&template_v(1), "vendor-a").expect("ops");
    ops.extend(publish(&template_v(2), "vendor-a").expect("ops"));
    let mut replica = Replica::default();
    for (i, op) in ops.into_iter().enumerate() {
        replica.apply(&change(i as u64 + 1, op));
    }
    let mut other = note();
    other.case_id = Some("CASE-000009".into());
    other.text = "Label applied".into();
    other.policy_refs = vec!["civic-integrity#polling@2".into()];
    other.at_ms += 1;
    let pending: Vec<Mutation> = save("note0001", "vendor-a", &note())
        .expect("ops")
        .into_iter()
        .chain(save("note0002", "vendor-a", &other).expect("ops"))
        .enumerate()
        .map(|(i, op)| Mutation {
            id: i as u64 + 1,
            clock: Hlc::zero(2),
            op,
        })
        .collect();
    let before = Overlay::new(&replica, &[]);
    assert_eq!(
        tool::check_all(
            &actor("vendor-a", Role::Agent),
            &before,
            &pending.iter().map(|m| m.op.clone()).collect::<Vec<_>>()
        ),
        Ok(())
    );
    let view = Overlay::new(&replica, &pending);
    assert_eq!(
        versions(&view, "escalate-threat")
            .iter()
            .map(|t| t.version)
            .collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        list(&view).iter().map(|t| t.reference()).collect::<Vec<_>>(),
        ["escalate-threat@2"]
    );
    let all = notes(&view);
    assert_eq!(
        all.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["note0002", "note0001"]
    );
    assert!(all.iter().all(|n| n.pending));
    let index = NoteSearch::new(&all);
    let ids = |q: &str| {
        index
            .search(q)
            .into_iter()
            .map(|i| all[i].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("case-004211"), ["note0001"]);
    assert_eq!(ids("polling"), ["note0002"]);
    assert_eq!(ids("escalate-threat@1 label"), ["note0002"]);
    assert_eq!(ids(""), ["note0002", "note0001"]);
    assert_eq!(
        ids("CASE-0"),
        ["note0002", "note0001"],
        "a word typed so far matches as a prefix"
    );
    assert_eq!(ids("violent-speech#threats"), ["note0001"]);
    assert_eq!(ids("تصعيد"), ["note0001"]);
    assert!(ids("case-004211 polling").is_empty(), "every word must match");
    assert_eq!(
        tool::describe(
            &view,
            "note/note0002",
            "note",
            &serde_json::to_value(&other).expect("json")
        ),
        "Note from escalate-threat@1 · CASE-000009"
    );
    assert_eq!(
        tool::describe(
            &view,
            "template/escalate-threat",
            "v2",
            &serde_json::to_value(template_v(2)).expect("json")
        ),
        "Credible threat escalation · version 2"
    );
}
