//! A flat, pre-order copy of the parsed HTML tree: every element and text node in document
//! order with its parent and the end of its subtree, so that the extractor can aggregate
//! over subtrees with plain array passes instead of repeated tree walks.

use scraper::node::Element;
use scraper::{Html, Node};

/// The element kinds the extractor treats specially; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Document,
    Text,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    Style,
    /// Elements whose content is never visible text (noscript, template, svg, …).
    Invisible,
    P,
    Div,
    Section,
    Article,
    Main,
    Span,
    A,
    Br,
    Hr,
    H1,
    H(u8),
    Li,
    Ul,
    Ol,
    Dl,
    Dt,
    Dd,
    Table,
    Tr,
    Td,
    Th,
    Tbody,
    Blockquote,
    Pre,
    Figure,
    Figcaption,
    Picture,
    Img,
    Nav,
    Header,
    Footer,
    Aside,
    Form,
    Button,
    Time,
    Strong,
    Em,
    Other,
}

impl Tag {
    fn of(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "script" => Tag::Script,
            "style" => Tag::Style,
            "noscript" | "template" | "svg" | "math" | "iframe" | "object" | "embed" | "canvas"
            | "select" | "textarea" | "input" | "option" | "video" | "audio" | "source" | "map"
            | "dialog" => Tag::Invisible,
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "span" | "font" => Tag::Span,
            "a" => Tag::A,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "h1" => Tag::H1,
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "li" => Tag::Li,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "tbody" | "thead" | "tfoot" => Tag::Tbody,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "picture" => Tag::Picture,
            "img" | "amp-img" => Tag::Img,
            "nav" => Tag::Nav,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "aside" => Tag::Aside,
            "form" => Tag::Form,
            "button" => Tag::Button,
            "time" => Tag::Time,
            "strong" | "b" => Tag::Strong,
            "em" | "i" => Tag::Em,
            _ => Tag::Other,
        }
    }

    /// Elements that start a new block of text when rendered.
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::H1
                | Tag::H(_)
                | Tag::Li
                | Tag::Ul
                | Tag::Ol
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Table
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Tbody
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Nav
                | Tag::Header
                | Tag::Footer
                | Tag::Aside
                | Tag::Form
                | Tag::Hr
                | Tag::Body
        )
    }

    /// Elements whose text is never shown as page text.
    pub fn is_hidden_text(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Invisible
                | Tag::Head
                | Tag::Title
                | Tag::Meta
                | Tag::Link
        )
    }
}

/// One node of the flat tree.
pub struct DNode<'a> {
    pub parent: u32,
    /// One past the last node of this node's subtree (pre-order), so the subtree is
    /// `self_index + 1 .. end`.
    pub end: u32,
    pub tag: Tag,
    pub el: Option<&'a Element>,
    pub text: &'a str,
    /// True when some child is a block element (so the node is not a plain paragraph).
    pub has_block_child: bool,
}

impl<'a> DNode<'a> {
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.el.and_then(|e| e.attr(name))
    }
}

/// The flat tree; index 0 is the document.
pub struct Dom<'a> {
    pub nodes: Vec<DNode<'a>>,
}

impl<'a> Dom<'a> {
    pub fn build(html: &'a Html) -> Dom<'a> {
        let mut nodes: Vec<DNode<'a>> = Vec::with_capacity(4096);
        let mut stack: Vec<u32> = Vec::with_capacity(64);
        for edge in html.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) => {
                    let (tag, el, text) = match n.value() {
                        Node::Document | Node::Fragment => (Tag::Document, None, ""),
                        Node::Element(e) => (Tag::of(e.name()), Some(e), ""),
                        Node::Text(t) => (Tag::Text, None, &**t),
                        _ => continue,
                    };
                    let idx = nodes.len() as u32;
                    let parent = stack.last().copied().unwrap_or(0);
                    if tag.is_block() {
                        if let Some(p) = nodes.get_mut(parent as usize) {
                            p.has_block_child = true;
                        }
                    }
                    nodes.push(DNode {
                        parent,
                        end: idx + 1,
                        tag,
                        el,
                        text,
                        has_block_child: false,
                    });
                    stack.push(idx);
                }
                ego_tree::iter::Edge::Close(n) => {
                    if matches!(
                        n.value(),
                        Node::Document | Node::Fragment | Node::Element(_) | Node::Text(_)
                    ) {
                        if let Some(i) = stack.pop() {
                            let end = nodes.len() as u32;
                            nodes[i as usize].end = end;
                        }
                    }
                }
            }
        }
        Dom { nodes }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The indices of the direct children of `i`.
    pub fn children(&self, i: usize) -> Children<'_, 'a> {
        Children {
            dom: self,
            next: i + 1,
            end: self.nodes[i].end as usize,
        }
    }

    /// Is `a` an ancestor of (or equal to) `b`?
    pub fn contains(&self, a: usize, b: usize) -> bool {
        a <= b && b < self.nodes[a].end as usize
    }

    /// The visible text of a subtree, whitespace collapsed (block boundaries become spaces).
    pub fn text_of(&self, i: usize) -> String {
        let mut out = String::new();
        let mut pending = false;
        let end = self.nodes[i].end as usize;
        let mut j = i;
        while j < end {
            let n = &self.nodes[j];
            if n.tag.is_hidden_text() && j != i {
                j = n.end as usize;
                continue;
            }
            if n.tag == Tag::Text {
                crate::vi::normalize::push_collapsed(&mut out, n.text, &mut pending);
            } else if n.tag.is_block() || n.tag == Tag::Br {
                pending = true;
            }
            j += 1;
        }
        crate::vi::normalize::finish(out)
    }
}

/// Iterator over direct children in a flat tree.
pub struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next;
        self.next = self.dom.nodes[i].end as usize;
        Some(i)
    }
}

impl Dom<'_> {
    /// The raw text of a subtree, hidden elements included (for `<script>` and `<title>`).
    pub fn text_of_raw(&self, i: usize) -> String {
        let mut out = String::new();
        let end = self.nodes[i].end as usize;
        for n in &self.nodes[i + 1..end] {
            if n.tag == Tag::Text {
                out.push_str(n.text);
            }
        }
        out
    }
}
