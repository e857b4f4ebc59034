use super::*;

fn field(name: &str, kind: FieldKind, required: bool) -> FieldDef {
    FieldDef {
        name: name.into(),
        label: name.replace('_', " "),
        kind,
        required,
        default: String::new(),
        help: String::new(),
    }
}

fn variant(body: &str) -> Variant {
    Variant {
        name: None,
        body: body.into(),
        labels: BTreeMap::new(),
    }
}

/// An escalation with a field of every type.
pub(crate) fn escalation() -> Template {
    Template {
        id: "escalate-threat".into(),
        version: 1,
        kind: Kind::Escalation,
        name: "Credible threat escalation".into(),
        area: "violent-speech".into(),
        default_lang: Language::En,
        fields: vec![
            field(
                "severity",
                FieldKind::Choice {
                    options: vec!["high".into(), "critical".into()],
                },
                true,
            ),
            field("region", FieldKind::Text, true),
            field("summary", FieldKind::Multiline, true),
            field("account", FieldKind::Handle, true),
            field("post", FieldKind::Url, false),
            field("evidence", FieldKind::Links, false),
            field("seen_on", FieldKind::Date, false),
            field(
                "reports",
                FieldKind::Number {
                    min: Some(0),
                    max: Some(10_000),
                },
                false,
            ),
            field(
                "case",
                FieldKind::CaseId {
                    pattern: "CASE-######".into(),
                },
                true,
            ),
            field("policy", FieldKind::PolicyRef, false),
        ],
        variants: BTreeMap::from([
            (
                Language::En,
                variant(
                    "Escalation {{ case }} ({{ severity }}), {{ region }}\n\
                     Account {{ account }}{% if post %}, post {{ post }}{% endif %}.\n\
                     {{ summary }}\n\
                     {% if evidence %}\nEvidence:\n{% for link in evidence %}\n- {{ link }}\n{% endfor %}\n{% endif %}\n\
                     {% if reports %}Reports: {{ reports }}{% endif %}{% if policy %} Policy {{ policy }}{% endif %}",
                ),
            ),
            (
                Language::Ar,
                variant(
                    "تصعيد {{ case }} ({{ severity }}) في {{ region }}\nالحساب {{ account }}\n{{ summary }}\n\
                     {% for link in evidence %}\n- {{ link }}\n{% endfor %}\n{% if policy %}السياسة {{ policy }}{% endif %}",
                ),
            ),
        ]),
    }
}

fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn filled() -> BTreeMap<String, String> {
    values(&[
        ("severity", "critical"),
        ("region", "Lyon, FR"),
        ("summary", "Threat against a named journalist with a time and place."),
        ("account", "@night_owl"),
        ("post", "https://social.example/post/1"),
        (
            "evidence",
            "https://social.example/post/1\n\n https://social.example/post/2 ",
        ),
        ("seen_on", "2026-11-30"),
        ("reports", "12"),
        ("case", "CASE-004211"),
        ("policy", "violent-speech#threats@3"),
    ])
}

#[test]
fn the_fixture_is_a_valid_template() {
    assert_eq!(escalation().check(), Ok(()));
    assert!(validate(&escalation(), &filled()).is_empty());
}

/// (field, value, the problem's code or "ok"): every type, valid and not.
#[test]
fn every_field_type_is_validated() {
    let t = escalation();
    let table: &[(&str, &str, &str)] = &[
        ("severity", "critical", "ok"),
        ("severity", "Critical", "not-a-choice"),
        ("severity", "", "required"),
        ("region", "   ", "required"),
        ("region", "Lyon", "ok"),
        ("region", "line\nbreak", "control"),
        ("region", "a\u{202E}b", "control"),
        ("summary", "two\nlines\tok", "ok"),
        ("summary", &"x".repeat(2_001), "too-long"),
        ("account", "@someone.bsky.social", "ok"),
        ("account", "name@mastodon.example", "ok"),
        ("account", "@", "bad-handle"),
        ("account", "@two words", "bad-handle"),
        ("post", "", "ok"),
        ("post", "https://x.example/p?q=1#f", "ok"),
        ("post", "javascript:alert(1)", "bad-url"),
        ("post", "https:// spaced.example", "bad-url"),
        ("post", "ftp://x.example", "bad-url"),
        ("evidence", "https://a.example\nhttps://b.example", "ok"),
        ("evidence", "https://a.example\nnot a link", "bad-url"),
        ("evidence", &"https://a.example\n".repeat(21), "too-many-links"),
        ("seen_on", "2024-02-29", "ok"),
        ("seen_on", "2026-02-29", "bad-date"),
        ("seen_on", "2026-13-01", "bad-date"),
        ("seen_on", "30/11/2026", "bad-date"),
        ("reports", "0", "ok"),
        ("reports", "-1", "below-min"),
        ("reports", "10001", "above-max"),
        ("reports", "3.5", "not-a-number"),
        ("reports", "lots", "not-a-number"),
        ("case", "CASE-004211", "ok"),
        ("case", "CASE-4211", "pattern"),
        ("case", "case-004211", "pattern"),
        ("policy", "violent-speech#threats@3", "ok"),
        ("policy", "violent-speech#threats", "bad-policy-ref"),
        ("policy", "Violent#threats@3", "bad-policy-ref"),
        ("policy", "violent-speech#threats@0", "bad-policy-ref"),
    ];
    for (name, value, expected) in table {
        let mut v = filled();
        v.insert(name.to_string(), value.to_string());
        let problems = validate(&t, &v);
        let got = match problems.as_slice() {
            [] => "ok".to_string(),
            [(field, problem)] if field == name => problem.code().to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(got, *expected, "{name} = {value:?}");
    }
}

#[test]
fn a_required_field_left_out_is_named() {
    let mut v = filled();
    v.remove("region");
    v.insert("case".into(), String::new());
    let problems: Vec<(String, &str)> = validate(&escalation(), &v)
        .into_iter()
        .map(|(f, p)| (f, p.code()))
        .collect();
    assert_eq!(
        problems,
        vec![("region".into(), "required"), ("case".into(), "required")]
    );
}

#[test]
fn english_renders_as_plain_text_with_lists_and_conditionals() {
    let out = render(&escalation(), Language::En, &filled()).expect("renders");
    assert_eq!(out.lang, Language::En);
    assert!(!out.rtl);
    assert_eq!(
        out.text,
        "Escalation CASE-004211 (critical), Lyon, FR\n\
         Account @night_owl, post https://social.example/post/1.\n\
         Threat against a named journalist with a time and place.\n\
         Evidence:\n\
         - https://social.example/post/1\n\
         - https://social.example/post/2\n\
         Reports: 12 Policy violent-speech#threats@3"
    );
    let mut sparse = filled();
    for f in ["post", "evidence", "reports", "policy"] {
        sparse.remove(f);
    }
    let out = render(&escalation(), Language::En, &sparse).expect("renders");
    assert!(
        !out.text.contains("Evidence") && !out.text.contains(", post"),
        "{}",
        out.text
    );
}

/// (asked, used): a language without a variant falls back to the default language.
#[test]
fn a_missing_language_falls_back_to_the_default() {
    for (asked, used) in [
        (Language::En, Language::En),
        (Language::Ar, Language::Ar),
        (Language::Es, Language::En),
        (Language::Ja, Language::En),
    ] {
        assert_eq!(render(&escalation(), asked, &filled()).expect("renders").lang, used);
    }
    let mut t = escalation();
    t.default_lang = Language::Ar;
    assert_eq!(render(&t, Language::Ja, &filled()).expect("renders").lang, Language::Ar);
}

#[test]
fn arabic_isolates_latin_handles_urls_case_ids_and_policies_but_not_free_text() {
    let out = render(&escalation(), Language::Ar, &filled()).expect("renders");
    assert!(out.rtl);
    let iso = |s: &str| format!("{FSI}{s}{PDI}");
    for token in [
        "CASE-004211",
        "@night_owl",
        "https://social.example/post/1",
        "https://social.example/post/2",
        "violent-speech#threats@3",
    ] {
        assert!(out.text.contains(&iso(token)), "{token} isolated in {:?}", out.text);
    }
    assert!(out.text.contains("في Lyon, FR\n"), "free text as typed: {:?}", out.text);
    assert_eq!(out.text.matches(FSI).count(), out.text.matches(PDI).count());
    let en = render(&escalation(), Language::En, &filled()).expect("renders");
    assert!(!en.text.contains(FSI));
}

/// Values are data: template syntax and HTML come out exactly as typed.
#[test]
fn hostile_values_are_text() {
    for hostile in [
        "{{ summary }}",
        "{% for x in evidence %}{{ x }}{% endfor %}",
        "{{ 7 * 7 }}",
        "<script>alert(1)</script> & <b>bold</b>",
        "}}{{",
        "{% raw %}",
    ] {
        let mut v = filled();
        v.insert("region".into(), hostile.into());
        let out = render(&escalation(), Language::En, &v).expect("renders");
        assert!(
            out.text.contains(&format!("({}), {hostile}\n", "critical")),
            "{hostile}: {}",
            out.text
        );
    }
}

#[test]
fn a_one_megabyte_value_is_refused_not_rendered() {
    let mut v = filled();
    v.insert("summary".into(), "x".repeat(1 << 20));
    assert_eq!(
        validate(&escalation(), &v),
        vec![("summary".into(), FieldProblem::TooLong(2_000))]
    );
    let err = render(&escalation(), Language::En, &v).expect_err("too long to render");
    assert_eq!(err.to_string(), "the note may be at most 5000 characters");
}

fn body_error(body: &str) -> String {
    let mut t = escalation();
    t.variants.insert(Language::Es, variant(body));
    match t.check() {
        Ok(()) => "ok".into(),
        Err(errors) => errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
    }
}

/// (body, the error with its line and column, or "ok").
#[test]
fn body_errors_say_where() {
    let nested = |n: usize| "{% if region %}".repeat(n) + "x" + &"{% endif %}".repeat(n);
    let table: Vec<(String, &str)> = vec![
        ("Hola {{ region }}".into(), "ok"),
        (
            "Hola\n  {{ regoin }}".into(),
            "es body, line 2, column 6: unknown placeholder \"regoin\": no field has that name",
        ),
        (
            "{% if severity == 'high' %}\n{{ case }} {{ acount }}{% endif %}".into(),
            "es body, line 2, column 15: unknown placeholder \"acount\": no field has that name",
        ),
        (
            "Hola\n{{ region".into(),
            "es body, line 2, column 4: unexpected end of input, expected end of variable block",
        ),
        (
            "{% if region %}sin cerrar".into(),
            "es body, line 1, column 16: unexpected end of input, expected end of block",
        ),
        (
            "{% set x = 1 %}".into(),
            "es body, line 1, column 1: only if, elif, else and for blocks are allowed, not \"set\"",
        ),
        (
            "a\n{% include 'other' %}".into(),
            "es body, line 2, column 1: only if, elif, else and for blocks are allowed, not \"include\"",
        ),
        (
            "{{ region|upper }}".into(),
            "es body, line 1, column 11: filter upper is unknown",
        ),
        (nested(MAX_NESTING), "ok"),
        (
            nested(MAX_NESTING + 1),
            "es body, line 1, column 121: blocks may nest at most 8 deep",
        ),
        (
            nested(70),
            "es body, line 1, column 121: blocks may nest at most 8 deep",
        ),
        (
            nested(10_000),
            "es body, line 1, column 1: the body may be at most 2000 characters",
        ),
        (
            "x".repeat(MAX_BODY_CHARS + 1),
            "es body, line 1, column 1: the body may be at most 2000 characters",
        ),
        (
            "{{ ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((region }}".into(),
            "es body, line 1, column 78: template exceeds maximum recursion limits",
        ),
    ];
    let got: Vec<String> = table.iter().map(|(body, _)| body_error(body)).collect();
    let want: Vec<&str> = table.iter().map(|(_, e)| *e).collect();
    assert_eq!(got, want);
}

#[test]
fn template_bounds_are_checked() {
    let mut t = escalation();
    t.id = "Bad Id".into();
    t.fields.push(field("region", FieldKind::Text, false));
    t.fields
        .push(field("empty_choice", FieldKind::Choice { options: vec![] }, false));
    t.variants.remove(&Language::En);
    let errors: Vec<String> = t
        .check()
        .expect_err("invalid")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        vec![
            "the id must be 3 to 60 lowercase letters, digits and single hyphens",
            "field \"region\" is defined twice",
            "field \"empty_choice\" needs 1 to 30 choices",
            "the template has no body in its default language (en)",
        ]
    );
}

#[test]
fn a_template_round_trips_through_json() {
    let t = escalation();
    let json = serde_json::to_value(&t).expect("json");
    assert_eq!(json["fields"][0]["type"], "choice");
    assert_eq!(json["fields"][8]["pattern"], "CASE-######");
    let back: Template = serde_json::from_value(json).expect("back");
    assert_eq!(back, t);
}

#[test]
fn templates_are_found_by_name_kind_area_and_language() {
    let mut notice = escalation();
    notice.id = "spam-notice".into();
    notice.kind = Kind::Notice;
    notice.name = "Spam suspension notice".into();
    notice.area = "platform-manipulation-spam".into();
    notice.fields = vec![field("account", FieldKind::Handle, true)];
    notice.variants = BTreeMap::from([
        (
            Language::En,
            variant("Your account {{ account }} is suspended for spam."),
        ),
        (
            Language::Es,
            variant("Tu cuenta {{ account }} está suspendida por spam."),
        ),
    ]);
    let index = search_index(&[escalation(), notice]);
    let mut engine = crate::search::Engine::new(index);
    let ids = |engine: &mut crate::search::Engine, q: &str| -> Vec<String> {
        search(engine, q, 10).into_iter().map(|(id, _)| id).collect()
    };
    assert_eq!(ids(&mut engine, "threat"), ["escalate-threat"]);
    assert_eq!(ids(&mut engine, "escalation"), ["escalate-threat"]);
    assert_eq!(ids(&mut engine, "spam"), ["spam-notice"]);
    assert_eq!(ids(&mut engine, "arabic"), ["escalate-threat"]);
    assert_eq!(ids(&mut engine, "noti"), ["spam-notice"], "prefixes match as you type");
    assert_eq!(
        search(&mut engine, "العربية", 10),
        [("escalate-threat".to_string(), Language::Ar)]
    );
}

/// (body, rendered): a line holding only block tags disappears; a block tag ending a line of
/// text keeps the line's newline.
#[test]
fn block_tags_keep_lines_as_written() {
    let table = [
        ("A{% if region %} in {{ region }}{% endif %}\nB", "A in Lyon\nB"),
        ("A\n{% if region %}\nin {{ region }}\n{% endif %}\nB", "A\nin Lyon\nB"),
        (
            "  {% for l in evidence %}\n- {{ l }}\n  {% endfor %}\nend",
            "- https://a.example\n- https://b.example\nend",
        ),
        ("{% if region %}R{% endif %}\n{% if case %}C{% endif %}", "R\nC"),
        ("x {% if region -%}\n  y{% endif %}", "x y"),
    ];
    let mut t = escalation();
    let v = values(&[
        ("region", "Lyon"),
        ("case", "CASE-000001"),
        ("evidence", "https://a.example\nhttps://b.example"),
    ]);
    for (body, expected) in table {
        t.variants.insert(Language::En, variant(body));
        assert_eq!(
            render(&t, Language::En, &v).map(|r| r.text),
            Ok(expected.to_string()),
            "{body:?}"
        );
    }
    // Positions stay those of the body as written.
    t.variants.insert(
        Language::En,
        variant("a{% if region %}b{% endif %}\n{% if region %}\n{{ nope }}\n{% endif %}"),
    );
    assert_eq!(
        t.check()
            .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>()),
        Err(vec![
            "en body, line 3, column 4: unknown placeholder \"nope\": no field has that name".to_string()
        ])
    );
    t.variants
        .insert(Language::En, variant("a{% if region %}b{% endif %}\n{{ region +* }}"));
    assert_eq!(
        t.check()
            .map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>()),
        Err(vec!["en body, line 2, column 12: unexpected `*`".to_string()])
    );
}

#[test]
fn history_compares_each_part() {
    use crate::diff::{Status, Words};
    use history::{Part, compare, same_content};
    let old = escalation();
    let mut new = old.clone();
    new.version = 2;
    assert!(same_content(&old, &new));
    assert!(compare(&old, &new).iter().all(|d| d.status == Status::Unchanged));

    new.name = "Threat escalation".into();
    new.fields[1].required = false;
    new.variants.remove(&Language::Ar);
    new.variants
        .insert(Language::Ja, variant("エスカレーション {{ case }}"));
    if let Some(en) = new.variants.get_mut(&Language::En) {
        en.body = en.body.replacen("Escalation", "Urgent escalation", 1);
    }
    let diff = compare(&old, &new);
    let status: Vec<(Part, Status)> = diff.iter().map(|d| (d.part, d.status)).collect();
    assert_eq!(
        status,
        [
            (Part::Settings, Status::Changed),
            (Part::Fields, Status::Changed),
            (Part::Body(Language::En), Status::Changed),
            (Part::Body(Language::Ar), Status::Removed),
            (Part::Body(Language::Ja), Status::Added),
        ]
    );
    assert!(diff[0].words.contains(&Words::Deleted("Credible threat".into())));
    assert!(diff[1].words.contains(&Words::Deleted(" · required".into())));
    assert_eq!(
        diff[2].words[..2],
        [
            Words::Deleted("Escalation".into()),
            Words::Inserted("Urgent escalation".into())
        ],
        "{:?}",
        diff[2].words
    );
    assert!(!same_content(&old, &new));
}

#[test]
fn preview_values_show_every_placeholder() {
    let t = escalation();
    let values = preview_values(&t.fields);
    assert_eq!(values["region"], "[region]");
    assert_eq!(values["severity"], "high");
    let rendered = render(&t, Language::En, &values).expect("renders");
    assert!(rendered.text.contains("[summary]"), "{}", rendered.text);
    assert!(rendered.text.starts_with("Escalation [case] (high), [region]"));
}

#[test]
fn pruning_drops_labels_of_removed_fields() {
    let mut t = escalation();
    if let Some(ar) = t.variants.get_mut(&Language::Ar) {
        ar.labels.insert("gone".into(), "x".into());
        ar.labels.insert("region".into(), "المنطقة".into());
    }
    assert!(t.check().is_err());
    t.prune_labels();
    assert_eq!(t.check(), Ok(()));
    assert_eq!(t.variants[&Language::Ar].labels.len(), 1);
}

#[test]
fn authoring_edits_build_a_template() {
    use authoring::{Edit, apply, blank, finished};
    let mut t = blank(Language::En);
    for edit in [
        Edit::Id("warn-spam".into()),
        Edit::Name("Spam warning".into()),
        Edit::Kind(Kind::Notice),
        Edit::Area("spam".into()),
        Edit::AddField,
        Edit::AddField,
        Edit::FieldName(0, "account".into()),
        Edit::FieldType(0, "handle".into()),
        Edit::FieldRequired(0, true),
        Edit::FieldType(1, "choice".into()),
        Edit::FieldOptions(1, "low\n\n high \n".into()),
        Edit::Body(Language::En, "Hello {{ account }} ({{ field_2 }})".into()),
        Edit::VariantName(Language::Ar, "تحذير".into()),
        Edit::Body(Language::Ar, "مرحبا {{ account }}".into()),
        Edit::Body(Language::Ja, "   ".into()),
        Edit::AddField,
        Edit::FieldType(2, "number".into()),
        Edit::FieldMin(2, "1".into()),
        Edit::FieldMax(2, "ten".into()),
        Edit::FieldMax(2, "10".into()),
        Edit::MoveFieldUp(2),
        Edit::RemoveField(9),
        Edit::FieldLabel(9, "nothing".into()),
    ] {
        apply(&mut t, edit);
    }
    assert_eq!(t.fields[0].kind, FieldKind::Handle);
    assert_eq!(
        t.fields[2].kind,
        FieldKind::Choice {
            options: vec!["low".into(), "high".into()]
        }
    );
    assert_eq!(
        t.fields[1].kind,
        FieldKind::Number {
            min: Some(1),
            max: Some(10)
        }
    );
    let published = finished(&t, 1);
    assert_eq!(published.check(), Ok(()));
    assert_eq!(
        published.variants.keys().copied().collect::<Vec<_>>(),
        [Language::En, Language::Ar]
    );
    // An unknown placeholder names its line and column.
    apply(&mut t, Edit::Body(Language::Ar, "سطر\nمرحبا {{ acount }}".into()));
    let errors = finished(&t, 1).check().expect_err("unknown placeholder");
    assert_eq!(
        errors,
        [TemplateError::Body {
            lang: Language::Ar,
            at: Position { line: 2, column: 10 },
            message: "unknown placeholder \"acount\": no field has that name".into()
        }]
    );
    // Renaming a field carries its translated labels.
    if let Some(ar) = t.variants.get_mut(&Language::Ar) {
        ar.labels.insert("account".into(), "الحساب".into());
    }
    apply(&mut t, Edit::FieldName(0, "handle".into()));
    assert_eq!(t.variants[&Language::Ar].labels["handle"], "الحساب");
    apply(
        &mut t,
        Edit::VariantLabel(Language::Ar, "handle".into(), "المعرّف".into()),
    );
    apply(&mut t, Edit::VariantLabel(Language::Ar, "nobody".into(), "x".into()));
    assert_eq!(t.variants[&Language::Ar].labels.len(), 1);
    assert_eq!(t.label_in(&t.fields[0], Language::Ar), "المعرّف");
    apply(&mut t, Edit::VariantLabel(Language::Ar, "handle".into(), " ".into()));
    assert!(t.variants[&Language::Ar].labels.is_empty());
}
