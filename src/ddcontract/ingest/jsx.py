"""Pages kept as a React component's source (a site's ``page.tsx`` saved as text): the terms stand between JSX tags
and lines of code. Read as text, the code became sentences and headings ("</LegalSection>", "{items.map((p) => (" read
as a clause's heading), and the clause titles kept in a component's ``title="3. Betaling"`` were lost, so a rule
asking for a heading found none.

:func:`jsx_page` reads such a page as its text: a component tag (``<LegalSection …>``, ``</Section>``, a fragment
``<>``) ends a paragraph, and its title attribute (``title``, ``heading``, ``label``) is a heading; a JSX comment
(``{/* 1. Parter */}``) is a note for developers, not text; a component named as an item (``<LegalListItem>``) is an
item of a list, read with its lead-in; and the lines that are only code (imports, declarations,
``return (``, a line of closing brackets) are blank. Only a page that imports modules and uses component tags is
read so (or a page whose HTML tags carry JSX's ``className=``); every line stays where it was, so line numbers in evidence
remain the file's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from .html import tag_attrs
from .textutil import unescape

# a component tag: a capitalised name, as HTML never has ("<LegalSection id="x" title="1. Sælger">", "</Section>")
# (bounded: a tag has a few attributes of some length, so a "<" that never closes costs little to try; an attribute name
# holds no "<", so one tag is never read across the next)
_ATTR = r"""(?:\s+[^\s"'<>/={}]{1,60}(?:\s*=\s*(?:"[^"<>]{0,400}"|'[^'<>]{0,400}'|\{[^{}<>]{0,400}\}|[^\s"'<>]{1,200}))?)"""
_COMPONENT = re.compile(rf"<(/?)([A-Z][\w.]{{0,60}})({_ATTR}{{0,40}})\s*(/?)>")
_FRAGMENT = re.compile(r"</?>")
# HTML tags written in JSX ("<section className={styles.terms}>", "<p className=\"lead\">"): a page of JSX whatever it
# imports (HTML itself says class=)
_JSX_CLASS = re.compile(r"<[a-z][a-z0-9]{0,10}\s[^<>]{0,200}?\bclassName\s*=")
# … or an HTML tag given an expression for its style or an event handler ("<div style={{", "<button onClick={"), which
# HTML writes as a string
_JSX_EXPRESSION_ATTR = re.compile(r"<[a-z][a-z0-9]{0,10}\s[^<>]{0,200}?\b(?:style|on[A-Z][a-z]{2,20})\s*=\s*\{")
_ITEM = re.compile(r"(?:Item|Li)$")
_TITLE = re.compile(r"""\b(?:title|heading|label)\s*=\s*(?:"([^"]+)"|'([^']+)'|\{\s*["'`]([^"'`{}]+)["'`]\s*\})""")
_COMMENT_START = re.compile(r"\{\s*/\*|^[ \t]*/\*", re.MULTILINE)
# a line comment of the code around the JSX ("// the 0 tier is no discount"), the start of a comment, and an import
# over several lines
_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*$", re.MULTILINE)
_LONG_IMPORT = re.compile(r"""^[ \t]*import\s+(?:type\s+)?\{[^{}]{0,4000}\}\s*from\s*['"][^'"]{1,400}['"];?[ \t]*$""",
                          re.MULTILINE)
# a component the file exports ("export default function DpaContent() {", "export const Terms = () => (")
_EXPORTED_COMPONENT = re.compile(r"^[ \t]*export\s+(?:default\s+)?(?:async\s+)?(?:function\s+[A-Z]\w*\s*\(|const\s+[A-Z]\w*\s*(?::[^=\n]{1,80})?=)",
                                 re.MULTILINE)
_IMPORT = re.compile(r"""^\s*import\s.+\sfrom\s+['"][^'"]+['"];?\s*$""", re.MULTILINE)
# a component given its clauses as data in a prop: sections={[{"heading": "1. Generelt", "content": [{"type": "p",
# "text": "…"}]}, …]}
_DATA_PROP = re.compile(r"\b[A-Za-z_][\w]{0,60}\s*=\s*\{\s*\[")
_HEADING_KEYS = frozenset(("heading", "title", "label", "overskrift", "titel"))
_TEXT_KEYS = frozenset(("text", "content", "body", "paragraph", "description", "tekst", "indhold", "items", "lines",
                        "points", "bullets", "children"))
_MAX_DATA = 2_000_000
# lines that are only code
_CODE = re.compile(
    r"""^\s*(?:['"]use\s+(?:client|server|strict)['"];?"""
    r"""|import\s.*\bfrom\s+['"][^'"]+['"];?|import\s+['"][^'"]+['"];?"""
    r"""|export\s+(?:default\s+)?(?:async\s+)?(?:function|const|let|var|type|interface|class|enum)\b.*"""
    r"""|(?:const|let|var)\s+[\w{}\[\], ]+(?::\s*[^=]+)?=.*"""
    r"""|(?:type|interface|enum)\s+\w+\s*(?:=|\{|<|extends\b).*"""
    r"""|(?:async\s+)?function\s+\w+\s*\([^)]*\)\s*(?::\s*[^{]+)?\{?\s*"""
    r"""|return\s*\(?\s*(?:<>)?\s*"""
    # a small component that returns one element around what it is given: "return <h2 …>{children}</h2>;"
    r"""|return\s*<[A-Za-z][^<>]*>\s*\{[\w.]+\}\s*</[A-Za-z][\w.]*>\s*;?"""
    # a list rendered from data, and a line that only shows a value kept elsewhere: "{items.map((item, i) => (",
    # "<li key={i}>{item}</li>" (the words are not in the file)
    r"""|\{[\w.]+\.map\(.*"""
    r"""|(?:<[A-Za-z][^<>]*>\s*)*\{[\w.]+\}\s*(?:</[A-Za-z][\w.]*>\s*)*"""
    # what a page shows on a condition: "{company ? (", "{l === "da" ? (", "{block.heading && (", then ") : (", ") : null}"
    r"""|\{?\s*[\w.?!]+(?:\s*(?:===|!==|==|!=)\s*(?:"[^"\n]*"|'[^'\n]*'|[\w.]+))?(?:\s*&&\s*[\w.?!]+)*\s*(?:\?|&&)\s*\(\s*"""
    r"""|\)\s*:\s*(?:null|undefined|\()?\s*\}?\s*"""
    r"""|[)\]}>;,\s]+)$""")


# a tag whose attributes run over several lines, as JSX writes a style object or an event handler ("<div style={{" …
# "}}>", "onClick={() => navigate('/')}"), with the attributes an HTML tag may have (a style object over
# several lines is longer than one on a line)
_MULTILINE_TAG = re.compile(rf"<[A-Za-z][\w.]{{0,60}}{tag_attrs(expression=1000)}>")


def _one_line_tags(text: str) -> str:
    """Each tag that runs over several lines put on its last line, its line breaks before it (the file keeps its lines,
    and the tag stays beside the text it holds), so that blanking the lines of code cannot take a tag's closing "}}>"
    away and leave the rest of it as text."""
    def join(m: re.Match[str]) -> str:
        tag = m.group(0)
        breaks = tag.count("\n")
        return tag if not breaks else "\n" * breaks + " ".join(tag.split())

    return _MULTILINE_TAG.sub(join, text) if "{" in text else text


# a list written in the page as an array of strings it maps to list items: "{[" alone on its line, one string (or one
# array of strings, a table's row) per line, then "].map((item, i) => (" (script_data may already have taken the quotes
# off, leaving the string behind a form feed)
_ARRAY_OPEN = re.compile(r"^\s*\{\s*\[\s*$")
_ARRAY_MAP = re.compile(r"^\s*\]\s*\.\s*map\s*\(.*$", re.MULTILINE)
_ARRAY_STRING = re.compile(r"""^\s*(?:([`"'])(.+)\1|\f\s*([^\s`"'\[\]{}<>][^\[\]{}<>]*?))\s*,?\s*$""")
_ARRAY_ROW = re.compile(r"""^\s*\[\s*((?:(["'])[^"'\n]*\2\s*,\s*)*(["'])[^"'\n]*\3)\s*,?\s*\]\s*,?\s*$""")
_ROW_CELL = re.compile(r"""(["'])([^"'\n]*)\1""")
_MAX_ARRAY_LINES = 400


def _mapped_arrays(text: str, markdown: bool) -> str:
    """Each array of strings the page maps to list items read as that list: one item per string ("- " in Markdown),
    a row of strings as its cells joined by a dash, and the lines that open the array and map it blank, so the last
    item does not end in "].map((item, i) => (". The items are the lines above the "].map(" line up to the "{[" that
    opens the array (or the blank line script_data left of it); an array holding anything else is left as it is.
    The file's lines are kept."""
    if not _ARRAY_MAP.search(text):
        return text
    lines = text.split("\n")
    for j, line in enumerate(lines):
        if not _ARRAY_MAP.match(line):
            continue
        items: list[tuple[int, str]] = []
        i = j - 1
        while i >= 0 and j - i <= _MAX_ARRAY_LINES and lines[i].strip() and not _ARRAY_OPEN.match(lines[i]):
            row = _ARRAY_ROW.match(lines[i])
            m = None if row else _ARRAY_STRING.match(lines[i])
            if row:
                items.append((i, " – ".join(" ".join(c.group(2).split()) for c in _ROW_CELL.finditer(row.group(1)))))
            elif m:
                items.append((i, " ".join((m.group(2) or m.group(3)).split())))
            else:
                break
            i -= 1
        if not items or i < 0 or (lines[i].strip() and not _ARRAY_OPEN.match(lines[i])):
            continue
        lines[i] = lines[j] = ""
        for k, words in items:
            lines[k] = "\f" + ("- " if markdown else "") + words
    return "\n".join(lines)


# a Next.js page's metadata (its title and description for search engines and the browser tab), not its text
_METADATA = re.compile(r"^[ \t]*export\s+const\s+metadata\b[^=\n]{0,80}=\s*\{", re.MULTILINE)
_SHORTHAND = re.compile(r"^\s*([A-Za-z_$][\w$]*)\s*,?\s*$|:\s*([A-Za-z_$][\w$]*)\s*,?\s*$", re.MULTILINE)


def _drop_metadata(text: str) -> str:
    """The page's ``metadata`` object blank, and the constants it takes its title and description from when their
    string stands on the line after the name ("const description =" / "  \"Aftale om …\";"): a search engine's
    summary of the page is no clause of it (it named "sletning" and "sikkerhed" as topics). The lines are kept."""
    m = _METADATA.search(text)
    if m is None:
        return text
    end = _closing(text, m.end() - 1)
    if end is None:
        return text
    block = text[m.start():end + 1]
    names = {a or b for a, b in _SHORTHAND.findall(block)}
    text = text[:m.start()] + "\n" * block.count("\n") + text[end + 1:]
    for name in names:
        declared = re.compile(rf"^([ \t]*(?:export\s+)?const\s+{re.escape(name)}\s*(?::[^=\n]*)?=[ \t]*\n)"
                              rf"([ \t]*(?:\"[^\"\n]*\"|'[^'\n]*'|`[^`\n]*`)[ \t]*;?[ \t]*)$", re.MULTILINE)
        text = declared.sub(lambda d: d.group(1), text, count=1)
    return text


def jsx_page(text: str, markdown: bool = True) -> str:
    """``text`` as the text a React page shows, when it is one (see the module); else ``text`` itself. A title becomes
    a Markdown heading ("# 3. Betaling") in Markdown, a paragraph of its own in plain text."""
    if "<" not in text or not ((("import" in text and _IMPORT.search(text))
                                 # a component file needs no import where JSX compiles without React in scope
                                 or ("export" in text and _EXPORTED_COMPONENT.search(text)))
                                and (_COMPONENT.search(text) or _DATA_PROP.search(text)
                                     or _JSX_EXPRESSION_ATTR.search(text)
                                     or ("].map" in text and _ARRAY_MAP.search(text)))
                               or ("className=" in text and _JSX_CLASS.search(text))):
        return text
    text = _drop_comments(text)
    text = _drop_metadata(text)
    # (the data first: putting a tag on one line would run the strings of its array prop into one)
    text = _data_props(text, markdown)
    text = _one_line_tags(text)
    text = _mapped_arrays(text, markdown)
    for pattern in (_LINE_COMMENT, _LONG_IMPORT):
        text = pattern.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = "\n".join("" if _CODE.match(line) else line for line in text.split("\n"))

    def tag(m: re.Match[str]) -> str:
        lines = "\n" * m.group(0).count("\n")
        if _ITEM.search(m.group(2)) and not m.group(1) and not m.group(4):
            # a list item of its own ("<LegalListItem>"), as an HTML <li> is: read with the lead-in above the list
            return "\f" + lines + ("- " if markdown else "")
        title = None if m.group(1) else _TITLE.search(m.group(3))
        if title:
            words = next(g for g in title.groups() if g)
            return f"\f{lines}{'# ' if markdown else ''}{' '.join(words.split())}\f"
        return "\f" + lines

    text = _COMPONENT.sub(tag, text)
    return _FRAGMENT.sub("\f", text)


def _drop_comments(text: str) -> str:
    """``text`` without its JSX comments (``{/* … */}``) and the block comments that start a line (``/** … */``), each
    kept as the line breaks it spanned; one pass, so a comment that never closes costs no more than the text."""
    out: list[str] = []
    at = 0
    while (m := _COMMENT_START.search(text, at)) is not None:
        end = text.find("*/", m.end())
        if end < 0:
            break
        end += 2
        if m.group(0).startswith("{"):
            brace = re.match(r"\s*\}", text[end:end + 200])
            if brace is None:  # not a JSX comment after all: keep it as it is
                out.append(text[at:end])
                at = end
                continue
            end += brace.end()
        out.append(text[at:m.start()])
        out.append("\n" * text.count("\n", m.start(), end))
        at = end
    out.append(text[at:])
    return "".join(out)


def _data_props(text: str, markdown: bool) -> str:
    """Each prop whose value is an array of objects holding the page's clauses (valid JSON), taken out of its tag and
    written after the tag as the text it shows: a heading key's string a heading, a text key's strings paragraphs;
    the line breaks the prop spanned are kept. A prop that is no such data is left as it is."""
    out: list[str] = []
    at = 0
    for m in _DATA_PROP.finditer(text):
        if m.start() < at:
            continue
        start = m.end() - 1  # the "["
        end = _closing(text, start)
        if end is None:
            break  # it never closes, and nor will any after it: the rest is read as it is
        brace = re.match(r"\s*\}", text[end + 1:end + 200])
        if brace is None:
            continue
        try:
            shown = list(_shown(json.loads(text[start:end + 1]), markdown))
        except ValueError:
            strings = _string_array(text[start:end + 1])
            shown = [("- " if markdown else "") + item for item in strings] if strings else []
        if not shown:
            continue
        close = end + 1 + brace.end()
        tag_end = text.find(">", close)
        if tag_end < 0:
            continue
        lines = "\n" * text.count("\n", m.start(), close)
        out.append(text[at:m.start()] + lines + text[close:tag_end + 1] + "\f" + "\f".join(shown) + "\f")
        at = tag_end + 1
    out.append(text[at:])
    return "".join(out)


# a JavaScript array of strings, or of rows of strings: quoted strings (a template string without "${"), brackets and commas
# (or a string script_data has already taken out of its quotes: the line's words after a form feed)
_JS_TOKEN = re.compile(r"""\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\$]|\\.|\$(?!\{))*)`"""
                       r"""|\f[ \t]*([^\n\f]*[^\s\f])[ \t]*(?=\n|$)|([\[\],]))""")


def _string_array(source: str) -> list[str] | None:
    """The items a prop's array of strings shows ("items={['Encryption at rest.', …]}"), or of rows of strings as a
    table does ("rows={[['Duration', 'For the term …'], …]}": a row's cells joined by a dash); None when the array
    holds anything else (objects, names, calls), which is then read as it was."""
    items: list[str] = []
    row: list[str] | None = None
    depth = 0
    at = 0
    while at < len(source):
        m = _JS_TOKEN.match(source, at)
        if m is None:
            return None if source[at:].strip() else (items or None)
        at = m.end()
        mark = m.group(5)
        if mark == "[":
            depth += 1
            if depth == 2:
                row = []
            elif depth > 2:
                return None
        elif mark == "]":
            if depth == 2 and row is not None:
                if row:
                    items.append(" – ".join(row))
                row = None
            depth -= 1
        elif mark is None:
            value = next(g for g in m.groups()[:4] if g is not None)
            words = " ".join((value if m.group(4) else unescape(value)).split())
            if not words or depth == 0:
                return None
            (row if depth == 2 and row is not None else items).append(words)
    return items or None


def _closing(text: str, start: int) -> int | None:
    """Where the bracket at ``start`` closes, past the strings inside it (bounded)."""
    depth = 0
    quote = None
    i = start
    limit = min(len(text), start + _MAX_DATA)
    while i < limit:
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c == '"':
            quote = c
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _shown(data: object, markdown: bool) -> Iterator[str]:
    """The strings a page shows from its data, in order: headings and paragraphs."""
    if isinstance(data, list):
        for item in data:
            yield from _shown(item, markdown)
    elif isinstance(data, dict):
        for key, value in data.items():
            k = str(key).lower()
            if k in _HEADING_KEYS and isinstance(value, str) and value.strip():
                yield ("# " if markdown else "") + " ".join(value.split())
            elif k in _TEXT_KEYS:
                if isinstance(value, str) and value.strip():
                    yield " ".join(value.split())
                else:
                    yield from _shown(value, markdown)
    elif isinstance(data, str) and data.strip():
        yield " ".join(data.split())

