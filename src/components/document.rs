//! Renders core's safe document model as elements. No HTML string is ever parsed here.

use casebook_core::document::{Block, Inline, is_safe_href};
use yew::prelude::*;

#[derive(Debug, Properties, PartialEq)]
pub struct DocumentProps {
    pub blocks: Vec<Block>,
    /// Index of a top-level block to highlight (a trainer's shared paragraph).
    #[prop_or_default]
    pub highlight: Option<usize>,
    /// When set (`/policies/x/v/2#anchor`), each paragraph gets a link to itself:
    /// `/policies/x/v/2?p=3#anchor`.
    #[prop_or_default]
    pub paragraph_links: Option<AttrValue>,
    /// Shown right after the highlighted block: what the reader of a shared paragraph needs
    /// where they are looking (whether it is current, a copy control).
    #[prop_or_default]
    pub beside_highlight: Option<Html>,
}

#[component]
pub fn Document(props: &DocumentProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    props
        .blocks
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let highlighted = props.highlight == Some(index);
            let rendered = render_block(block, Some(index), highlighted);
            let beside = highlighted.then(|| props.beside_highlight.clone()).flatten();
            match (&props.paragraph_links, block) {
                (Some(link), Block::Paragraph(_) | Block::List { .. }) => {
                    let (path, anchor) = link.split_once('#').unwrap_or((link.as_str(), ""));
                    let href = format!("{path}?p={index}#{anchor}");
                    // In the app, without reloading: the paragraph is highlighted where it is.
                    let onclick = {
                        let href = href.clone();
                        Callback::from(move |e: MouseEvent| {
                            if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                                e.prevent_default();
                                crate::route::go(&href);
                            }
                        })
                    };
                    html! {
                        <div class="block">
                            { rendered }
                            <a class="para-link" {href} {onclick}
                               aria-label={crate::tr!(i18n, "document-paragraph-link", number = index + 1)}>{ "¶" }</a>
                            { beside.unwrap_or_default() }
                        </div>
                    }
                }
                _ => html! { <>{ rendered }{ beside.unwrap_or_default() }</> },
            }
        })
        .collect()
}

fn render_block(block: &Block, index: Option<usize>, highlighted: bool) -> Html {
    let class = highlighted.then_some("highlight");
    let index = index.map(|i| i.to_string());
    match block {
        Block::Paragraph(inlines) => {
            html! { <p {class} data-block={index}>{ render_inlines(inlines) }</p> }
        }
        Block::Heading(level, inlines) => {
            let content = render_inlines(inlines);
            match level {
                3 => html! { <h3 {class} data-block={index}>{ content }</h3> },
                4 => html! { <h4 {class} data-block={index}>{ content }</h4> },
                _ => html! { <h5 {class} data-block={index}>{ content }</h5> },
            }
        }
        Block::List { ordered, items } => {
            let items: Html = items
                .iter()
                .map(|item| html! { <li>{ for item.iter().map(render_nested) }</li> })
                .collect();
            if *ordered {
                html! { <ol {class} data-block={index}>{ items }</ol> }
            } else {
                html! { <ul {class} data-block={index}>{ items }</ul> }
            }
        }
        Block::Quote(blocks) => html! {
            <blockquote {class} data-block={index}>{ for blocks.iter().map(render_nested) }</blockquote>
        },
        Block::Code(code) => html! { <pre {class} data-block={index}><code>{ code }</code></pre> },
        Block::Rule => html! { <hr /> },
    }
}

fn render_nested(block: &Block) -> Html {
    // A single paragraph inside a list item reads better without its own margins.
    if let Block::Paragraph(inlines) = block {
        return html! { <span class="item-text">{ render_inlines(inlines) }</span> };
    }
    render_block(block, None, false)
}

fn render_inlines(inlines: &[Inline]) -> Html {
    inlines.iter().map(render_inline).collect()
}

fn render_inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { { text } },
        Inline::Code(code) => html! { <code>{ code }</code> },
        Inline::Strong(inner) => html! { <strong>{ render_inlines(inner) }</strong> },
        Inline::Emphasis(inner) => html! { <em>{ render_inlines(inner) }</em> },
        // The model only holds safe targets; checking again costs little and guards old data.
        Inline::Link { href, content } if is_safe_href(href) => {
            let external = href.starts_with("http");
            html! {
                <a href={href.clone()}
                   rel={external.then_some("noopener noreferrer")}
                   target={external.then_some("_blank")}>{ render_inlines(content) }</a>
            }
        }
        Inline::Link { content, .. } => render_inlines(content),
        Inline::Break => html! { <br /> },
    }
}
