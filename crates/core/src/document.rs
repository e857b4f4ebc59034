//! A small, safe document model for section bodies.
//!
//! Policy text is written in Markdown, parsed once on the server (feature `import`) and
//! stored and shipped as these blocks. The browser renders them as elements, never as an
//! HTML string, so no markup from a document can reach the page. Raw HTML in the source is
//! dropped; a link whose target is not a site path, a fragment, `http(s):` or `mailto:`
//! keeps its text and loses its target.
//!
//! Blocks and inlines nest at most [`MAX_NESTING`] deep: the parser refuses deeper text, so
//! every recursion over a document (serializing, reading back, rendering, plain text) is
//! bounded, and nothing is stored that cannot be read back.

use serde::{Deserialize, Serialize};

/// A block-level element of a section body.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A heading inside a section (level 3 to 6; level 2 starts a new section).
    Heading(u8, Vec<Inline>),
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    Quote(Vec<Block>),
    Code(String),
    Rule,
}

/// Inline content of a block.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Code(String),
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    Strong(Vec<Inline>),
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    Emphasis(Vec<Inline>),
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    Link {
        href: String,
        content: Vec<Inline>,
    },
    Break,
}

/// How deeply containers may nest in a section body: quotes, lists, list items, paragraphs,
/// emphasis and links each count one level. Far below serde_json's recursion limit (128, and a
/// level costs at most three there), postcard's and the app's recursive renderer, and far
/// above what a policy needs.
pub const MAX_NESTING: usize = 16;

/// Whether a stored link target may be followed: a site path, a fragment, or an http(s) or
/// mailto URL, in the canonical form the importer writes (`canonical_href`). Anything a
/// browser would read differently from how it looks — a backslash, whitespace or a control
/// character anywhere, a second leading slash — is refused, so the app can check cheaply
/// without a URL parser.
pub fn is_safe_href(href: &str) -> bool {
    let canonical = !href
        .chars()
        .any(|c| c == '\\' || c.is_ascii_whitespace() || c.is_control());
    let lower = href.to_ascii_lowercase();
    canonical
        && ((lower.starts_with('/') && !lower.starts_with("//"))
            || lower.starts_with('#')
            || lower.starts_with("https://")
            || lower.starts_with("http://")
            || lower.starts_with("mailto:"))
}

/// Why a document received from elsewhere (a client's push) is not one the parser could have
/// written: too deep, an unsafe link target, a heading level outside 3 to 6.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("the document nests deeper than {MAX_NESTING} levels")]
    TooDeep,
    #[error("a link target may be a site path, a fragment, or an http(s) or mailto address")]
    UnsafeLink,
    #[error("headings are level 3 to 6")]
    Heading,
}

/// Checks a stored or received document as the parser would have written it, without the
/// parser (the app does not link it): nesting at most [`MAX_NESTING`] (a list's items are at
/// the list's level plus one, as the parser counts them), every link target [`is_safe_href`],
/// headings level 3 to 6. Rendering never produces markup from text, so these are the rules
/// that keep a document safe and every recursion over it bounded. Serde's own recursion limit
/// guards the reading before this runs.
pub fn check(blocks: &[Block]) -> Result<(), DocumentError> {
    blocks.iter().try_for_each(|b| check_block(b, 1))
}

fn check_block(block: &Block, depth: usize) -> Result<(), DocumentError> {
    if depth > MAX_NESTING {
        return Err(DocumentError::TooDeep);
    }
    match block {
        Block::Paragraph(inlines) => check_inlines(inlines, depth + 1),
        Block::Heading(level, inlines) => {
            if !(3..=6).contains(level) {
                return Err(DocumentError::Heading);
            }
            check_inlines(inlines, depth + 1)
        }
        Block::List { items, .. } => items.iter().flatten().try_for_each(|b| check_block(b, depth + 1)),
        Block::Quote(blocks) => blocks.iter().try_for_each(|b| check_block(b, depth + 1)),
        Block::Code(_) | Block::Rule => Ok(()),
    }
}

fn check_inlines(inlines: &[Inline], depth: usize) -> Result<(), DocumentError> {
    for inline in inlines {
        match inline {
            Inline::Text(_) | Inline::Code(_) | Inline::Break => {}
            Inline::Strong(inner) | Inline::Emphasis(inner) => {
                if depth > MAX_NESTING {
                    return Err(DocumentError::TooDeep);
                }
                check_inlines(inner, depth + 1)?;
            }
            Inline::Link { href, content } => {
                if depth > MAX_NESTING {
                    return Err(DocumentError::TooDeep);
                }
                if !is_safe_href(href) {
                    return Err(DocumentError::UnsafeLink);
                }
                check_inlines(content, depth + 1)?;
            }
        }
    }
    Ok(())
}

impl Block {
    /// The block's words as plain text, for search and previews.
    pub fn plain_text(&self, out: &mut String) {
        match self {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => inlines_text(inlines, out),
            Block::List { items, .. } => {
                for block in items.iter().flatten() {
                    separate(out);
                    block.plain_text(out);
                }
            }
            Block::Quote(blocks) => {
                for block in blocks {
                    separate(out);
                    block.plain_text(out);
                }
            }
            Block::Code(code) => push_word_run(out, code),
            Block::Rule => {}
        }
    }
}

/// The plain text of a whole body, blocks separated by blank lines.
pub fn body_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        block.plain_text(&mut out);
    }
    out
}

/// Ends the current line so the next block's words do not run into this one's.
fn separate(out: &mut String) {
    if !out.is_empty() && !out.ends_with(char::is_whitespace) {
        out.push('\n');
    }
}

fn push_word_run(out: &mut String, text: &str) {
    if !out.is_empty() && !out.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(text);
}

fn inlines_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Strong(inner) | Inline::Emphasis(inner) => inlines_text(inner, out),
            Inline::Link { content, .. } => inlines_text(content, out),
            Inline::Break => out.push(' '),
        }
    }
}

#[cfg(feature = "import")]
pub use parse::{TooDeep, canonical_href, parse_markdown};

#[cfg(feature = "import")]
mod parse {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    use url::Url;

    use super::{Block, Inline, MAX_NESTING, is_safe_href};

    /// The origin site paths are resolved against; it is never contacted.
    const BASE: &str = "https://casebook.invalid/";

    /// Resolves a link target the way a browser would (WHATWG URL parsing) and returns the
    /// form to store, or `None` when the link must lose its target:
    /// - a fragment stays a fragment, and a site path becomes its resolved path, query and
    ///   fragment, so backslashes, tabs and dot segments are gone;
    /// - an `http(s):` or `mailto:` URL written with its scheme is kept, re-serialized;
    /// - anything else is refused, including scheme-relative targets (`//host`, `/\host`,
    ///   `\\host`) that look like site paths but leave the site.
    ///
    /// What it returns always passes [`is_safe_href`], the check the app makes again.
    pub fn canonical_href(href: &str) -> Option<String> {
        resolve(href).filter(|resolved| is_safe_href(resolved))
    }

    fn resolve(href: &str) -> Option<String> {
        let base = Url::parse(BASE).expect("the base is a valid URL");
        // The URL parser's own clean-up: outer C0 controls and spaces, inner tabs and newlines.
        let cleaned: String = href
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        let url = base.join(&cleaned).ok()?;
        let explicit_scheme = cleaned
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains(['/', '\\', '?', '#']));
        let same_origin = url.origin() == base.origin();
        if same_origin && !explicit_scheme {
            if cleaned.starts_with('#') {
                return Some(format!("#{}", url.fragment().unwrap_or_default()));
            }
            let path = url.path();
            // A path that starts with `//` would be read as another host: `/.` keeps it a path.
            let dot = if path.starts_with("//") { "/." } else { "" };
            let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
            let fragment = url.fragment().map(|f| format!("#{f}")).unwrap_or_default();
            return Some(format!("{dot}{path}{query}{fragment}"));
        }
        let outbound = match url.scheme() {
            "http" | "https" => explicit_scheme && !same_origin && url.host().is_some(),
            "mailto" => true,
            _ => false,
        };
        outbound.then(|| url.to_string())
    }

    /// Where a section body nests deeper than [`MAX_NESTING`]: a byte offset into its source.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct TooDeep {
        pub offset: usize,
    }

    /// An open container while walking the event stream.
    enum Frame {
        Blocks(Vec<Block>),
        Paragraph(Vec<Inline>),
        Heading(u8, Vec<Inline>),
        List {
            ordered: bool,
            items: Vec<Vec<Block>>,
        },
        Item(Vec<Block>, Vec<Inline>),
        Quote(Vec<Block>),
        Code(String),
        Strong(Vec<Inline>),
        Emphasis(Vec<Inline>),
        Link(Option<String>, Vec<Inline>),
        /// Content we do not keep (images, raw HTML blocks, tables): its text is kept inline.
        Skipped(Vec<Inline>),
    }

    /// Parses Markdown into the safe block model. Unknown constructs degrade to text; the one
    /// failure is text nested deeper than [`MAX_NESTING`], refused where it first goes too deep.
    pub fn parse_markdown(source: &str) -> Result<Vec<Block>, TooDeep> {
        let mut stack: Vec<Frame> = vec![Frame::Blocks(Vec::new())];
        for (event, range) in Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
            match event {
                // The root frame is not a level: `stack.len()` levels are open after the push.
                Event::Start(_) if stack.len() > MAX_NESTING => return Err(TooDeep { offset: range.start }),
                Event::Start(tag) => stack.push(match tag {
                    Tag::Paragraph => Frame::Paragraph(Vec::new()),
                    Tag::Heading { level, .. } => Frame::Heading((level as u8).max(3), Vec::new()),
                    Tag::BlockQuote(_) => Frame::Quote(Vec::new()),
                    Tag::CodeBlock(_) => Frame::Code(String::new()),
                    Tag::List(start) => Frame::List {
                        ordered: start.is_some(),
                        items: Vec::new(),
                    },
                    Tag::Item => Frame::Item(Vec::new(), Vec::new()),
                    Tag::Strong => Frame::Strong(Vec::new()),
                    Tag::Emphasis | Tag::Strikethrough => Frame::Emphasis(Vec::new()),
                    Tag::Link { dest_url, .. } => Frame::Link(canonical_href(&dest_url), Vec::new()),
                    _ => Frame::Skipped(Vec::new()),
                }),
                Event::End(end) => {
                    let frame = stack.pop().expect("every End has a matching Start");
                    close(&mut stack, frame, end);
                }
                Event::Text(text) => push_text(&mut stack, &text),
                Event::Code(code) => push_inline(&mut stack, Inline::Code(code.to_string())),
                Event::SoftBreak => push_text(&mut stack, " "),
                Event::HardBreak => push_inline(&mut stack, Inline::Break),
                Event::Rule => push_block(&mut stack, Block::Rule),
                // Raw HTML, footnotes, math and task markers are dropped on purpose.
                _ => {}
            }
        }
        match stack.pop() {
            Some(Frame::Blocks(blocks)) if stack.is_empty() => Ok(blocks),
            _ => unreachable!("pulldown-cmark balances Start and End events"),
        }
    }

    fn close(stack: &mut [Frame], frame: Frame, _end: TagEnd) {
        match frame {
            Frame::Paragraph(inlines) => {
                // Inside a tight list item, paragraph text belongs to the item directly.
                push_block(stack, Block::Paragraph(inlines))
            }
            Frame::Heading(level, inlines) => push_block(stack, Block::Heading(level, inlines)),
            Frame::Quote(blocks) => push_block(stack, Block::Quote(blocks)),
            Frame::Code(code) => push_block(stack, Block::Code(code.trim_end().to_string())),
            Frame::List { ordered, items } => push_block(stack, Block::List { ordered, items }),
            Frame::Item(mut blocks, loose) => {
                if !loose.is_empty() {
                    blocks.insert(0, Block::Paragraph(loose));
                }
                if let Some(Frame::List { items, .. }) = stack.last_mut() {
                    items.push(blocks);
                }
            }
            Frame::Strong(inner) => push_inline(stack, Inline::Strong(inner)),
            Frame::Emphasis(inner) => push_inline(stack, Inline::Emphasis(inner)),
            Frame::Link(Some(href), content) => push_inline(stack, Inline::Link { href, content }),
            Frame::Link(None, content) | Frame::Skipped(content) => {
                for inline in content {
                    push_inline(stack, inline);
                }
            }
            Frame::Blocks(_) => unreachable!("the root frame is never closed by an End event"),
        }
    }

    fn push_block(stack: &mut [Frame], block: Block) {
        match stack.last_mut() {
            Some(Frame::Blocks(blocks) | Frame::Quote(blocks)) => blocks.push(block),
            Some(Frame::Item(blocks, loose)) => {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph(std::mem::take(loose)));
                }
                blocks.push(block);
            }
            _ => {}
        }
    }

    fn push_inline(stack: &mut [Frame], inline: Inline) {
        match stack.last_mut() {
            Some(
                Frame::Paragraph(inlines)
                | Frame::Heading(_, inlines)
                | Frame::Strong(inlines)
                | Frame::Emphasis(inlines)
                | Frame::Link(_, inlines)
                | Frame::Skipped(inlines)
                | Frame::Item(_, inlines),
            ) => {
                // Merge adjacent text so the model stays small and comparisons stay simple.
                if let (Inline::Text(new), Some(Inline::Text(last))) = (&inline, inlines.last_mut()) {
                    last.push_str(new);
                } else {
                    inlines.push(inline);
                }
            }
            Some(Frame::Code(code)) => {
                if let Inline::Text(text) = inline {
                    code.push_str(&text);
                }
            }
            _ => {}
        }
    }

    fn push_text(stack: &mut [Frame], text: &str) {
        push_inline(stack, Inline::Text(text.to_string()));
    }
}

#[cfg(all(test, feature = "import"))]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check(markdown: &str, expected: Expect) {
        expected.assert_debug_eq(&parse_markdown(markdown).expect("nests within the bound"));
    }

    #[test]
    fn paragraphs_lists_and_emphasis() {
        check(
            "Do **not** post *addresses*.\n\n- one\n- two `code`\n",
            expect![[r#"
                [
                    Paragraph(
                        [
                            Text(
                                "Do ",
                            ),
                            Strong(
                                [
                                    Text(
                                        "not",
                                    ),
                                ],
                            ),
                            Text(
                                " post ",
                            ),
                            Emphasis(
                                [
                                    Text(
                                        "addresses",
                                    ),
                                ],
                            ),
                            Text(
                                ".",
                            ),
                        ],
                    ),
                    List {
                        ordered: false,
                        items: [
                            [
                                Paragraph(
                                    [
                                        Text(
                                            "one",
                                        ),
                                    ],
                                ),
                            ],
                            [
                                Paragraph(
                                    [
                                        Text(
                                            "two ",
                                        ),
                                        Code(
                                            "code",
                                        ),
                                    ],
                                ),
                            ],
                        ],
                    },
                ]
            "#]],
        );
    }

    #[test]
    fn raw_html_is_dropped_and_unsafe_links_lose_their_target() {
        let blocks =
            parse_markdown("<script>alert(1)</script>\n\nHi <b>there</b> [x](javascript:alert(1)) [y](/policies/a#b)")
                .expect("shallow");
        let debug = format!("{blocks:?}");
        assert!(!debug.contains("script"), "{debug}");
        assert!(!debug.contains("<b>"), "{debug}");
        assert!(!debug.contains("javascript"), "{debug}");
        assert!(debug.contains("href: \"/policies/a#b\""), "{debug}");
        assert_eq!(body_text(&blocks), "Hi there x y");
    }

    #[test]
    fn plain_text_keeps_list_items_apart() {
        assert_eq!(
            body_text(&parse_markdown("Intro:\n\n- one.\n- two\n\n> quoted").expect("shallow")),
            "Intro:\n\none.\ntwo\n\nquoted"
        );
    }

    /// Every hostile or odd link target, what the importer stores for it (`None`: the link
    /// keeps its text and loses its target), and that the app's check agrees.
    #[test]
    fn link_targets_are_resolved_like_a_browser_and_only_safe_ones_kept() {
        let cases: &[(&str, Option<&str>)] = &[
            // Site paths and fragments, re-serialized as resolved.
            ("/policies/a", Some("/policies/a")),
            ("/policies/a?p=2#b", Some("/policies/a?p=2#b")),
            ("#b", Some("#b")),
            ("#", Some("#")),
            ("policies/a", Some("/policies/a")),
            ("/a/../b/./c", Some("/b/c")),
            ("/a\\b", Some("/a/b")),
            ("/po\tli\ncies", Some("/policies")),
            ("  /padded  ", Some("/padded")),
            ("/a b", Some("/a%20b")),
            ("%2F%2Fevil.example", Some("/%2F%2Fevil.example")),
            ("/%2F%2Fevil.example", Some("/%2F%2Fevil.example")),
            ("/.//evil.example", Some("/.//evil.example")),
            ("/..//evil.example", Some("/.//evil.example")),
            ("https:evil.example", None),
            // Outbound links, written with their scheme.
            ("https://example.org", Some("https://example.org/")),
            ("HTTPS://Example.ORG/a?b#c", Some("https://example.org/a?b#c")),
            ("http://example.org/\\x", Some("http://example.org//x")),
            ("https:/\\evil.example", Some("https://evil.example/")),
            ("mailto:a@example.org", Some("mailto:a@example.org")),
            ("MailTo:a@example.org", Some("mailto:a@example.org")),
            ("mailto:a b@example.org", None),
            ("https://casebook.invalid/x", None),
            ("https://", None),
            ("http://[::1", None),
            // Scheme-relative: looks like a site path, leaves the site.
            ("//evil.example", None),
            ("/\\evil.example", None),
            ("\\\\evil.example", None),
            ("\\/evil.example", None),
            ("/\t/evil.example", None),
            ("/\n/evil.example", None),
            (" //evil.example", None),
            ("\u{0}//evil.example", None),
            // Other schemes, however they are spelled.
            ("javascript:alert(1)", None),
            ("JaVaScRiPt:alert(1)", None),
            ("java\tscript:alert(1)", None),
            ("java\nscript:alert(1)", None),
            (" \u{1}javascript:alert(1)", None),
            ("javascript&colon;alert(1)", Some("/javascript&colon;alert(1)")),
            ("data:text/html,<script>", None),
            ("vbscript:x", None),
            ("file:///etc/passwd", None),
            ("ftp://example.org", None),
            ("blob:https://casebook.invalid/x", None),
            ("", Some("/")),
        ];
        let mut wrong = Vec::new();
        for (href, expected) in cases {
            let got = canonical_href(href);
            if got.as_deref() != *expected {
                wrong.push(format!("{href:?}: expected {expected:?}, got {got:?}"));
            }
            if let Some(stored) = &got
                && !is_safe_href(stored)
            {
                wrong.push(format!("{href:?}: stored {stored:?}, which the app refuses"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn entities_and_angle_brackets_in_markdown_links_cannot_smuggle_a_target() {
        for markdown in [
            "[x](jav&#x61;script:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](</\\evil.example>)",
            "[x](</\t/evil.example>)",
            "[x](<//evil.example>)",
            "[x](/&#92;evil.example)",
        ] {
            let blocks = parse_markdown(markdown).expect("shallow");
            let debug = format!("{blocks:?}");
            assert!(!debug.contains("Link"), "{markdown}: {debug}");
        }
    }

    #[test]
    fn nesting_is_bounded_and_the_deepest_document_allowed_reads_back() {
        let deepest = [
            ">".repeat(MAX_NESTING - 1) + " text",
            (0..MAX_NESTING / 2)
                .map(|i| format!("{}- item\n", "  ".repeat(i)))
                .collect(),
            format!("{}text", "> ".repeat(MAX_NESTING - 4)) + " **bold *[link](https://example.org)***",
        ];
        for markdown in &deepest {
            let blocks = parse_markdown(markdown).unwrap_or_else(|e| panic!("{markdown:?}: {e:?}"));
            let json = serde_json::to_string(&blocks).expect("serializes");
            let back: Vec<Block> = serde_json::from_str(&json).expect("reads back");
            assert_eq!(back, blocks);
            let bytes = postcard::to_allocvec(&blocks).expect("serializes");
            assert_eq!(postcard::from_bytes::<Vec<Block>>(&bytes).expect("reads back"), blocks);
            // What the parser writes, the check without the parser accepts.
            assert_eq!(super::check(&blocks), Ok(()), "{markdown:?}");
        }
        // One level more, in each way of nesting, is refused where it goes too deep.
        let too_deep = [
            (">".repeat(MAX_NESTING) + " text", 0),
            ("intro\n\n".to_string() + &">".repeat(64) + " text", 7),
            (
                (0..=MAX_NESTING / 2)
                    .map(|i| format!("{}- item\n", "  ".repeat(i)))
                    .collect(),
                "- item\n".len() * 8 + "  ".len() * 28 + "  ".len() * 8,
            ),
            (
                format!("{}text", "> ".repeat(MAX_NESTING - 4)) + " **bold *[link **x**](https://example.org)***",
                0,
            ),
        ];
        for (markdown, offset) in &too_deep {
            match parse_markdown(markdown) {
                Err(TooDeep { offset: at }) => {
                    assert!(at >= *offset, "{markdown:?}: refused at {at}, before {offset}")
                }
                Ok(blocks) => panic!("{markdown:?} was accepted: {blocks:?}"),
            }
        }
    }

    #[test]
    fn hostile_nesting_is_refused_quickly_without_overflowing_the_stack() {
        for markdown in [
            ">".repeat(100_000),
            "> ".repeat(100_000),
            "- ".repeat(100_000),
            "1. ".repeat(50_000),
            "*".repeat(100_000) + "x" + &"*".repeat(100_000),
            "_a ".repeat(50_000) + &"b_ ".repeat(50_000),
            "[".repeat(100_000) + "x" + &"](/a)".repeat(100_000),
            "**[".repeat(30_000) + "x",
            (0..2_000).map(|i| format!("{}- x\n", " ".repeat(i * 2))).collect(),
        ] {
            let started = std::time::Instant::now();
            let result = parse_markdown(&markdown);
            let elapsed = started.elapsed();
            assert!(
                elapsed < std::time::Duration::from_secs(5),
                "{:?}…: {elapsed:?}",
                &markdown[..20]
            );
            if let Ok(blocks) = result {
                serde_json::from_str::<Vec<Block>>(&serde_json::to_string(&blocks).expect("serializes"))
                    .expect("whatever is accepted reads back");
            }
        }
    }

    #[test]
    fn unsafe_href_schemes_are_refused() {
        for bad in [
            "javascript:x",
            " JavaScript:x",
            "data:text/html,x",
            "//evil.example",
            "vbscript:x",
            "/\\evil.example",
            "/\t/evil.example",
            " /padded",
            "/a b",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
        for good in ["/policies/a", "#b", "https://example.org", "mailto:a@example.org"] {
            assert!(is_safe_href(good), "{good}");
        }
    }
}

/// The check a pushed document passes without the parser (the app's and the server's).
#[cfg(test)]
mod check_tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn a_received_document_is_checked_for_depth_links_and_headings() {
        let link = |href: &str| {
            vec![Block::Paragraph(vec![Inline::Link {
                href: href.into(),
                content: vec![text("x")],
            }])]
        };
        let quoted = |levels: usize| {
            (0..levels).fold(vec![Block::Paragraph(vec![text("deep")])], |inner, _| {
                vec![Block::Quote(inner)]
            })
        };
        let emphasised = |levels: usize| {
            let inline = (0..levels).fold(text("deep"), |inner, _| Inline::Emphasis(vec![inner]));
            vec![Block::Paragraph(vec![inline])]
        };
        let listed = |levels: usize| {
            (0..levels).fold(vec![Block::Paragraph(vec![text("deep")])], |inner, _| {
                vec![Block::List {
                    ordered: false,
                    items: vec![inner],
                }]
            })
        };
        let table: Vec<(&str, Vec<Block>, Result<(), DocumentError>)> = vec![
            ("a site path", link("/policies/a"), Ok(())),
            ("an https link", link("https://example.org/a"), Ok(())),
            ("a mailto link", link("mailto:a@example.org"), Ok(())),
            (
                "a javascript: link",
                link("javascript:alert(1)"),
                Err(DocumentError::UnsafeLink),
            ),
            (
                "a padded javascript: link",
                link(" JavaScript:alert(1)"),
                Err(DocumentError::UnsafeLink),
            ),
            (
                "a data: link",
                link("data:text/html,<script>x</script>"),
                Err(DocumentError::UnsafeLink),
            ),
            (
                "a scheme-relative link",
                link("//evil.example"),
                Err(DocumentError::UnsafeLink),
            ),
            (
                "markup as text is only text",
                vec![Block::Paragraph(vec![text("<script>alert(1)</script>")])],
                Ok(()),
            ),
            ("quotes at the bound", quoted(MAX_NESTING - 1), Ok(())),
            (
                "quotes past the bound",
                quoted(MAX_NESTING),
                Err(DocumentError::TooDeep),
            ),
            ("a thousand quotes", quoted(1_000), Err(DocumentError::TooDeep)),
            ("emphasis at the bound", emphasised(MAX_NESTING - 1), Ok(())),
            (
                "emphasis past the bound",
                emphasised(MAX_NESTING),
                Err(DocumentError::TooDeep),
            ),
            ("lists at the bound", listed(MAX_NESTING - 1), Ok(())),
            ("lists past the bound", listed(MAX_NESTING), Err(DocumentError::TooDeep)),
            (
                "a level 2 heading",
                vec![Block::Heading(2, vec![text("x")])],
                Err(DocumentError::Heading),
            ),
            ("a level 6 heading", vec![Block::Heading(6, vec![text("x")])], Ok(())),
        ];
        for (what, blocks, expected) in table {
            assert_eq!(check(&blocks), expected, "{what}");
        }
    }
}
