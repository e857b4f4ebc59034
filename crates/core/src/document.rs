//! A small, safe document model for section bodies.
//!
//! Policy text is written in Markdown, parsed once on the server (feature `import`) and
//! stored and shipped as these blocks. The browser renders them as elements, never as an
//! HTML string, so no markup from a document can reach the page. Raw HTML in the source is
//! dropped; a link whose target is not a site path, a fragment, `http(s):` or `mailto:`
//! keeps its text and loses its target.

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

/// Whether a link target may be followed: a site path, a fragment, or an http(s) or mailto URL.
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    (lower.starts_with('/') && !lower.starts_with("//"))
        || lower.starts_with('#')
        || lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
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
pub use parse::parse_markdown;

#[cfg(feature = "import")]
mod parse {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    use super::{Block, Inline, is_safe_href};

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

    /// Parses Markdown into the safe block model. Never fails: unknown constructs degrade to text.
    pub fn parse_markdown(source: &str) -> Vec<Block> {
        let mut stack: Vec<Frame> = vec![Frame::Blocks(Vec::new())];
        for event in Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH) {
            match event {
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
                    Tag::Link { dest_url, .. } => {
                        let href = dest_url.to_string();
                        Frame::Link(is_safe_href(&href).then_some(href), Vec::new())
                    }
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
            Some(Frame::Blocks(blocks)) if stack.is_empty() => blocks,
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
        expected.assert_debug_eq(&parse_markdown(markdown));
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
            parse_markdown("<script>alert(1)</script>\n\nHi <b>there</b> [x](javascript:alert(1)) [y](/policies/a#b)");
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
            body_text(&parse_markdown("Intro:\n\n- one.\n- two\n\n> quoted")),
            "Intro:\n\none.\ntwo\n\nquoted"
        );
    }

    #[test]
    fn unsafe_href_schemes_are_refused() {
        for bad in [
            "javascript:x",
            " JavaScript:x",
            "data:text/html,x",
            "//evil.example",
            "vbscript:x",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
        for good in ["/policies/a", "#b", "https://example.org", "mailto:a@example.org"] {
            assert!(is_safe_href(good), "{good}");
        }
    }
}
