"""Rejoining lines that a PDF or a hard-wrapped text file broke; invisible characters and ligatures; hyperlinks."""

from __future__ import annotations

import re

SOFT_HYPHENS = ("\u00ad", "\x02")
# characters with no width that break words apart for a reader that sees them ("af \u200b\u200bbruddet"):
# zero-width space, non-joiner, joiner, word joiner, a byte-order mark inside the text, and the bidirectional
# controls some PDF exports put around every line and word (left-to-right and right-to-left marks, embeddings,
# overrides and isolates: "\u202dmonitoring\u202c")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c"
                                   "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
# typographic ligatures that text copied out of a PDF keeps as one character ("notiﬁcation", "aﬀects"): written out,
# so the words are the words the rules know
LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
_READABLE = {**INVISIBLE, **LIGATURES}


def drop_invisible(text: str) -> str:
    """``text`` without zero-width characters and with ligatures written out (every reader passes its text through
    this)."""
    return text.translate(_READABLE) if not text.isascii() else text


_ABSOLUTE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MAILTO = re.compile(r"mailto:([^?\s]+)", re.IGNORECASE)


def link_text(text: str, target: str) -> str:
    """A hyperlink as the contract's text: its words, followed by where it leads when that is a web or
    e-mail address ("notify us (https://example.com/contact)"). A contract that says "notify us" over
    a link to its contact page names that page as the way to notify; a relative or in-page link says
    nothing a reader of the text could follow, and only its words are kept."""
    text, target = text.strip(), target.strip().strip("<>")
    mail = _MAILTO.match(target)
    if mail:
        target = mail.group(1)
    elif not _ABSOLUTE.fullmatch(target):
        return text
    if not text:
        return target
    if target.lower() in text.lower():
        return text
    return f"{text} ({target})"
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def _is_word(word: str) -> bool:
    from ..matching.nlp import is_known_word

    # English word list only: the Danish lemma table is half a million entries (issue: Danish
    # support loads only what it needs); a Danish hyphenated break keeps its hyphen.
    return is_known_word(word, "en")


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph into one string.

    - a soft hyphen at a line end (U+00AD, or pdfium's marker U+0002) joins the word halves;
    - a hard hyphen at a line end joins without the hyphen when the halves make a known word
      ("notifi-" + "cation"), and keeps it otherwise ("third-" + "party");
    - every other break becomes one space.
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if "  " in line or "\t" in line or not line.isascii():  # else there is nothing to tidy
            line = _SPACES.sub(" ", line)
        if not line:
            continue
        if not out:
            out = line
            continue
        if out.endswith(SOFT_HYPHENS):
            out = out.rstrip("".join(SOFT_HYPHENS)) + line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            left = re.search(r"([A-Za-z]+)-$", out)
            right = re.match(r"[a-z]+", line)
            if left and right and _is_word(left.group(1) + right.group(0)):
                out = out[:-1] + line
            else:
                out += line
        else:
            out += " " + line
    for mark in SOFT_HYPHENS:
        out = out.replace(mark, "")
    return out


PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:page|side|s\.)\s*\d+(?:\s*(?:of|af|/)\s*\d+)?|[-–—]?\s*\d{1,4}\s*[-–—]?|\d+\s*/\s*\d+)\s*$",
    re.IGNORECASE)
DIGITS = re.compile(r"\d+")


def furniture_key(line: str) -> str:
    """A line's key for finding the lines repeated on most pages (a header, a footer): lower case, its spaces and its
    numbers ("Page 4 of 9") alike."""
    return DIGITS.sub("#", " ".join(line.lower().split()))


def most_pages(pages: int) -> int:
    """On how many pages a line must stand, at a page's top or bottom, to be its header or footer."""
    return max(2, (pages + 1) // 2)


def drop_page_furniture(text: str, edge: int = 3) -> str:
    """Text a PDF was converted to, its pages separated by form feeds (as ``pdftotext`` writes it), without the
    page numbers and the lines repeated at the top or bottom of most pages ("Version 1.8 | 06 July 2026 | Page 4
    of 9"), which would otherwise read as a clause's heading. The lines are emptied, not removed, so the file's
    line numbers stay."""
    pages = [page.split("\n") for page in text.split("\f")]
    if len(pages) < 3:
        return text
    edges = []
    for lines in pages:
        filled = [i for i, ln in enumerate(lines) if ln.strip()]
        edges.append(sorted(set(filled[:edge] + filled[-edge:])))
    counts: dict[str, int] = {}
    for lines, at in zip(pages, edges):
        for k in {furniture_key(lines[i]) for i in at}:
            counts[k] = counts.get(k, 0) + 1
    threshold = most_pages(len(pages))
    for lines, at in zip(pages, edges):
        for i in at:
            if counts[furniture_key(lines[i])] >= threshold or PAGE_NUMBER.match(lines[i]):
                lines[i] = ""
    return "\f".join("\n".join(lines) for lines in pages)


_SCRIPT_BRACKETS = re.compile(r"^\s*[\[\]{}(),;]+\s*$")
# (a JSON file's keys are quoted: '"s11_html": "<p>Yoga …</p>",')
_SCRIPT_FIELD = re.compile(r"^(\s*)[\"']?([A-Za-z_$][\w$.-]*)[\"']?\s*:\s*([`\"'])(.*?)\3?\s*,?\s*$")
# what a double-quoted string escapes: quotes, slashes, a character by its code ("\u00e6"), line breaks and tabs
_STRING_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([\"\\/'])|([nrt]))")
# a string of its own in an array ("'Telefon: 70 00 00 00',"), and a key whose string the formatter put on the next line
_SCRIPT_STRING = re.compile(r"""^(\s*)([`"'])(.*)\2\s*,?\s*$""")
# a template string's end: the backquote that closes it, then only what closes the data around it ("`,", "`}", "`)")
_TEMPLATE_END = re.compile(r"(?<!\\)`[\s,;)\]}]*$")
_TEMPLATE_CLOSED = re.compile(r":\s*`(?:[^`\\]|\\.)*(?<!\\)`")
# a key alone on its line (its string on the next), or a key, quoted or not, that opens an object or an array
# ('"da": {', "sections: [")
_SCRIPT_KEY_ONLY = re.compile(r"^\s*(?:[A-Za-z_$][\w$]*\s*:|[\"']?[\w$.-]+[\"']?\s*:\s*[\[{(]+)\s*$")
# the declaration the data is kept in ("export const terms = {")
_SCRIPT_DECLARATION = re.compile(r"^\s*(?:export\s+)?(?:default\s+)?(?:const|let|var)\s+[\w$]+\s*(?::[^=]{1,200})?=\s*[\[{(]*\s*$")
# what says how a page is built, not what it says ("type: 'p'", "id: 'betaling'")
_SCRIPT_META_KEYS = frozenset("type id key slug href url icon variant classname style kind tag level lang locale version "
                              "date updated lastupdated anchor".split())
# an object written on one line, its fields side by side ("{ t: 'p', x: 'Vi kan lukke kontoen …' },"): a block of a page
# and the kind of block it is
_SCRIPT_INLINE = re.compile(r"^(\s*)\{\s*(.*?)\s*\}\s*,?\s*$")
_INLINE_FIELD = re.compile(r"""[\"']?([A-Za-z_$][\w$]*)[\"']?\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`)\s*(?:,|$)""")


def unescape(value: str) -> str:
    """A quoted string's words: its escapes undone ('<ul class=\\"list\\">' is '<ul class="list">', "\\u00e6" is "æ"),
    its line breaks and tabs as spaces."""
    def one(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        return m.group(2) if m.group(2) else " "

    return _STRING_ESCAPE.sub(one, value)


def _inline_words(line: str) -> str | None:
    """The words of an object written on one line ("{ t: 'p', x: 'Vi kan …' },"), its fields' strings without keys,
    quotes or the fields that only say what kind of block it is (a key of :data:`_SCRIPT_META_KEYS`, or a single word
    under a key of one or two letters: "t: 'p'"); None when the line is no such object."""
    m = _SCRIPT_INLINE.match(line)
    if not m or not m.group(2):
        return None
    found = list(_INLINE_FIELD.finditer(m.group(2)))
    if not found or sum(len(f.group(0)) for f in found) < len(m.group(2).rstrip(",")) - len(found):
        return None  # something else between the fields: code, a nested object, a call
    words = []
    for f in found:
        key, value = f.group(1), next(v for v in f.group(2, 3, 4) if v is not None)
        if " " not in value.strip() and (key.lower() in _SCRIPT_META_KEYS or len(key) <= 2):
            continue
        words.append(unescape(value) if f.group(4) is None else value.replace("\\n", " "))
    return m.group(1) + " ".join(words)


def script_data(text: str) -> str:
    """Terms kept as data in a web page's script, one clause per string in an array of objects
    ("{ terms: `13.5 … shall not exceed £40,000.` }, { terms: `13.6 …` }"): each string is read as a paragraph of its own,
    without its key and quotes, its escaped line breaks as spaces, and the lines holding only brackets as the blank
    lines between paragraphs; a string alone in an array is a paragraph too, a key whose string stands on the next line
    is blank, and a field that only says how the page is built ("type: 'p'") is blank. Text with fewer than five such
    strings and five such bracket lines is left as it is. The file's lines stay where they are."""
    if "{" not in text:  # no object in it: the usual case, decided without reading line by line
        return text
    lines = text.split("\n")
    fields = [_SCRIPT_FIELD.match(ln) for ln in lines]
    inline = [_inline_words(ln) for ln in lines]  # each line's one-line object, read once for the count and the text
    strings = sum(1 for ln, f, w in zip(lines, fields, inline) if f or w or _SCRIPT_STRING.match(ln))
    filled = sum(1 for ln in lines if ln.strip())
    # an array of objects has its bracket lines; a flat object (a JSON file of a page's texts) is nearly all fields
    objects = sum(1 for ln in lines if _SCRIPT_BRACKETS.match(ln)) >= 5
    flat = not objects and sum(1 for f in fields if f) >= max(5, 0.7 * filled)
    if strings < 5 or not (objects or flat) or not any(fields):
        return text
    out = []
    open_template = False  # inside a template string that went on past its field's line
    for line, m, words in zip(lines, fields, inline):
        if open_template:
            # its last line ends with the closing backquote (and what follows the string): the words stay, the
            # marks go ("Grænser kan justeres …`,")
            end = _TEMPLATE_END.search(line)
            if end:
                open_template = False
                out.append(line[:end.start()])
                continue
            if not m:
                out.append(line)
                continue
            open_template = False
        if _SCRIPT_BRACKETS.match(line) or _SCRIPT_KEY_ONLY.match(line) or _SCRIPT_DECLARATION.match(line):
            line = ""
        elif words is not None:
            line = words
        elif m:
            value = m.group(4)
            meta = m.group(2).lower() in _SCRIPT_META_KEYS and " " not in value
            open_template = m.group(3) == "`" and not _TEMPLATE_CLOSED.search(line)
            value = unescape(value) if m.group(3) in "\"'" else value.replace("\\n", " ")
            # (in a flat object each field is a text of its own: "hero_title", then "hero_subtitle")
            line = "" if meta else ("\f" if flat else "") + m.group(1) + value
        elif m := _SCRIPT_STRING.match(line):
            line = "\f" + m.group(1) + m.group(3).replace("\\n", " ")
        out.append(line)
    return "\n".join(out)
