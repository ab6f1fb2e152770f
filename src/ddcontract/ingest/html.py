"""HTML inside Markdown and text files: published terms are often Markdown with HTML in it
(``<span class="header_2" id="10">``, ``<ol style=…>``, ``<li>``, ``&amp;``, and in pages written in JSX
``{' '}`` for a space). The tags are markup, not
contract text: inline tags go, block-level tags end a paragraph, and entities become characters, so
neither the matching nor a quoted piece of evidence ever sees a tag.

Only the names of real HTML elements count as tags, so "<NUM>", "a < b" or "<Customer Name>" in a
plain text stay as they are. Block-level tags become form feeds, which the text reader takes as
paragraph breaks that are not lines of the file: every block's line number stays the file's.
"""

from __future__ import annotations

import html
import re

from .textutil import link_text

_INLINE = ("a", "abbr", "b", "big", "button", "cite", "code", "del", "em", "font", "i", "img", "input", "ins", "kbd",
           "label", "mark", "picture", "q", "s", "samp", "small", "source", "span", "strike", "strong", "sub", "sup",
           "time", "tt", "u", "var", "wbr")
_BLOCK = ("address", "article", "aside", "base", "blockquote", "body", "br", "caption", "center", "dd", "details",
          "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "hr", "html", "iframe", "li", "link", "main", "meta", "nav", "ol", "p", "pre", "section", "summary", "table",
          "tbody", "td", "tfoot", "th", "thead", "tr", "ul")
# a saved web page: what is in these is no text a reader sees (scripts, styles, the page's head, drawings) or no part
# of the contract (the site's navigation menus), so it goes with its tags
_HIDDEN = re.compile(r"<(script|style|noscript|template|svg|head|nav|title)\b[^<>]{0,2000}>", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>", re.IGNORECASE)


# (bounded, and an attribute holds no "<": a tag that never closes costs little to try, and one tag is never read across
# the next — a page of unclosed tags had taken minutes)
# (a page written in JSX gives an attribute an expression: className={styles.title}, style={{ margin: 0 }},
# className={`lead ${styles.text}`}: up to the first brace that ends the attribute)
def tag_attrs(expression: int = 400) -> str:
    """The pattern of a tag's attributes, a JSX expression among them up to ``expression`` characters."""
    return (r"""(?:\s+[^\s"'<>/={}]{1,80}(?:\s*=\s*(?:"[^"<>]{0,2000}"|'[^'<>]{0,2000}'|"""
            # (a JSX expression may hold an arrow function, whose "=>" does not end the tag: onClick={() => go('/')})
            rf"""\{{(?:[^<>]|=>){{0,{expression}}}?\}}(?=\s|/?>)|[^\s"'<>{{}}]{{1,400}}))?){{0,60}}\s*/?""")


_TAG = re.compile(rf"</?({'|'.join(_INLINE + _BLOCK)}){tag_attrs()}>", re.IGNORECASE)
# a page Word saved as HTML: its own elements in Office namespaces (<o:p></o:p> closes every paragraph, <v:shape>,
# <w:Sdt>, <st1:City>) and the conditional markers it leaves outside comments (<![if !supportLists]>, <![endif]>)
_OFFICE_TAG = re.compile(rf"</?(?:o|v|w|m|x|st\d):[A-Za-z]{{1,40}}{tag_attrs(0)}>", re.IGNORECASE)
_CONDITIONAL = re.compile(r"<!\[(?:if\b[^\]<>\n]{0,200}|endif)\]>", re.IGNORECASE)
# (with the space after it: a title written on the line after its tag, "<h1>" | "Vilkår" | "</h1>", is the heading's text)
_HEADING = re.compile(r"<(h[1-6])\b[^>]*>([ \t]*\n\s*)?", re.IGNORECASE)
_COMMENT = re.compile(r"<!--")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK_NAMES = frozenset(_BLOCK)
# a page written in JSX (React) spells a space between two inline elements as an expression: {' '} or {" "}
_JSX_SPACE = re.compile(r"""\{\s*(['"])\s*\1\s*\}""")
_BULLET_ALONE = re.compile(r"\f( *)- [ \t]*\n(?:[ \t]*\n)*[ \t]*(?=[^\s\f])")
# (the link's words bounded: an "<a …>" that never closes must not be tried against the rest of the page from every one)
_ANCHOR = re.compile(r"""<a\b[^<>]{0,1000}?\bhref\s*=\s*(?:"([^"<>]{0,2000})"|'([^'<>]{0,2000})')[^<>]{0,1000}>(.{0,2000}?)</a\s*>""",
                     re.IGNORECASE | re.DOTALL)


def has_markup(text: str) -> bool:
    return bool(_TAG.search(text) or _COMMENT.search(text) or _ENTITY.search(text) or _JSX_SPACE.search(text)
                or _HIDDEN.search(text) or _OFFICE_TAG.search(text) or _CONDITIONAL.search(text))


def strip_html(text: str, markdown: bool = False) -> str:
    """``text`` without its HTML tags and comments, with entities decoded. A block-level tag becomes a
    form feed (a paragraph break); in Markdown an ``<h1>``…``<h6>`` also starts a heading ("# ") and an
    ``<li>`` a bullet ("- "), indented by how deep its list is nested."""
    if not has_markup(text):
        return text
    text = _cut_spans(text, _COMMENT, lambda m: "-->", "")  # keep the lines it spanned
    text = _cut_spans(text, _HIDDEN, lambda m: "</" + m.group(1).lower(), "\f")
    text = _DOCTYPE.sub("", text)
    text = _CONDITIONAL.sub("", _OFFICE_TAG.sub("", text))
    text = _JSX_SPACE.sub(" ", text)
    if markdown:
        text = _HEADING.sub(lambda m: "\n" * (m.group(2) or "").count("\n") + "\f" + "#" * int(m.group(1)[1]) + " ",
                            text)

    depth = 0  # how many lists the tag stands in
    item_open = -1  # where the last list item's opening tag ended

    def tag(m: re.Match[str]) -> str:
        nonlocal depth, item_open
        name = m.group(1).lower()
        closing = m.group(0).startswith("</")
        if name in ("ol", "ul"):
            depth = max(0, depth - 1) if closing else depth + 1
        elif name == "li" and not closing and markdown:
            # a list item becomes a Markdown bullet, indented by its depth, so it is read as an item
            # of its list with the lead-in of the item it is nested in (see segment)
            item_open = m.end()
            return "\f" + "  " * max(0, depth - 1) + "- "
        elif name in ("p", "div") and not closing and item_open >= 0 and not m.string[item_open:m.start()].strip():
            # the item's text in a paragraph of its own ("<li><p>Register using accurate information.</p></li>", as
            # many editors write it): the text is the item's, not a paragraph after an empty bullet
            item_open = -1
            return ""
        return "\f" if name in _BLOCK_NAMES else ""

    # a link keeps where it leads, as a Markdown link does (see link_text)
    text = _ANCHOR.sub(lambda m: link_text(m.group(3), m.group(1) if m.group(1) is not None else m.group(2)), text)
    text = _TAG.sub(tag, text)
    if markdown:  # an item whose text starts on the next line (JSX pages): the bullet goes to the text, the lines stay
        text = _BULLET_ALONE.sub(lambda m: "\f" + "\n" * m.group(0).count("\n") + m.group(1) + "- ", text)
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def _cut_spans(text: str, start: re.Pattern[str], closing, mark: str) -> str:
    """``text`` with each span from a match of ``start`` to the closing text ``closing(match)`` gives (and on to the next
    ">" after a closing tag) replaced by ``mark`` and the line breaks it spanned; found in one pass, so a comment or a
    script that never closes leaves the rest of the text as it is at no more cost than reading it."""
    lower = text.lower()
    out: list[str] = []
    at = 0
    while (m := start.search(text, at)) is not None:
        close = closing(m)
        end = lower.find(close, m.end())
        if end < 0:
            break
        end += len(close)
        if close.startswith("</"):
            gt = lower.find(">", end)
            if gt < 0 or lower[end:gt].strip():
                out.append(text[at:end])  # "</scripts" is not the closing tag: go on after it
                at = end
                continue
            end = gt + 1
        out.append(text[at:m.start()] + mark + "\n" * text.count("\n", m.start(), end))
        at = end
    out.append(text[at:])
    return "".join(out)
