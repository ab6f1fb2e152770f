"""Plain text and Markdown: paragraphs separated by blank lines; hard-wrapped lines rejoined; HTML
inside the text taken as markup (:mod:`.html`) and zero-width characters dropped."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Block, Document
from ..amounts import NUMBER_WORD_DA
from .sections import BULLET_GLYPHS, assign_sections, is_list_item, split_number, starts_stk
from .html import strip_html
from .jsx import jsx_page
from .textutil import drop_invisible, drop_page_furniture, join_lines, link_text, script_data

_MD_HEADING = re.compile(r"^#{1,6}\s+")
# Kramdown's attribute lists, which style the element before them: "{: .govuk-heading-m}", "{:.panel.warning}",
# "(https://…){: rel="nofollow"}": markup, not text
_KRAMDOWN_ATTRIBUTES = re.compile(r"\{:[^{}\n]*\}")
_MD_HEADING_LINE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+[^\n\f]*?(?=\r?$)", re.MULTILINE)
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
# a blockquote's markers ("> 5.3.1 you …", "> > …"), which Markdown contracts use to indent sub-clauses
_MD_QUOTE = re.compile(r"^\s*(?:>\s?)+")
# ![alt](src) and [text](target "title") / [text](<target>); the words are kept (see link_text)
_MD_IMAGE = re.compile(r"!\[([^\]]{0,1000})\]\([^)]{0,2000}\)")
# (bounded: a "[x](" that never closes must not be tried against the rest of a long line from every "[")
_MD_LINK = re.compile(r"\[([^\]]{1,1000})\]\(\s*(<[^>]{0,2000}>|[^)\s\[]{0,2000})(?:\s+\"[^\"]{0,500}\")?\s*\)")
# a link reference definition ("[Acceptable Use Policy]: /legal/acceptable-use"): where a link goes, not text
_MD_LINK_DEFINITION = re.compile(r"^[ \t]{0,3}\[([^\]\n]{1,200})\]:[ \t]*<?\S+>?(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$",
                                 re.MULTILINE)
# a reference link: "[the policy][aup]", "[Acceptable Use Policy][]"; a shortcut "[Acceptable Use Policy]" only where the
# label is defined
_MD_REFERENCE_LINK = re.compile(r"(?<![\]!\\])\[([^\[\]\n]{1,200})\](?:\[([^\[\]\n]{0,200})\])?(?![(:\[])")
# YAML front matter: "---" on the first line, the block's end at the next "---" or "..." line
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*\r?\n){0,200}?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
# CommonMark: a backslash before ASCII punctuation makes it a literal character ("\$149", "\*not
# emphasis\*"); a backslash at a line's end is a hard line break
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_HARD_BREAK = re.compile(r"\\$")
_ESCAPED = 0xE000  # escaped characters wait in the private use area while the markup is read
# Markdown escaped a second time, as some converters write it: "\### 1.9 Heading\", "\*\*Goal:\*\*",
# blank lines holding a lone backslash
_TWICE_MARKS = re.compile(r"^\\#|\\\*\\\*|^\\-\s", re.MULTILINE)
_RULE_LINE = re.compile(r"^(?:([=\-~^*#+_])\1{2,}|(?:[-*_]\s+){2,}[-*_])$")
_MAX_RULED_HEADING = 120
# the most words a table cell beside a heading may have and still be navigation ("Back to top")
_NAV_CELL_WORDS = 4
_PAGE_MARK = re.compile(r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-|\d{1,3})\s*$", re.IGNORECASE)


def read_text(path: Path, max_bytes: int) -> Document:
    raw = path.read_bytes()[: max_bytes + 1]
    if len(raw) > max_bytes:
        raise InputError(str(path), f"file is larger than the limit of {max_bytes // 1_000_000} MB")
    text = decode_text(raw, str(path))
    fmt = "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"
    text = jsx_page(script_data(text), markdown=fmt == "md")
    if fmt == "md":  # front matter is data about the page, not text: its lines stay, empty
        text = _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        text = unescape_twice(text)
        text = reference_links(text)
        text = lone_markers(text)
        text = auto_numbered_lists(text)
    else:
        text = drop_page_furniture(text)
    text = drop_invisible(strip_html(text, markdown=fmt == "md"))
    if fmt == "md":  # a "#" heading is one line, also where the paragraph below follows without a blank line
        text = _MD_HEADING_LINE.sub(lambda m: f"\f{m.group(0)}\f", _KRAMDOWN_ATTRIBUTES.sub("", text))
    text = join_lone_numbers(text)
    blocks = list(assign_sections(_blocks(text, markdown=fmt == "md")))
    if not any(b.text.strip() for b in blocks):
        raise InputError(str(path), "the file contains no text")
    return Document(path=str(path), format=fmt, blocks=blocks, pages=None)


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the start of a file without a byte-order mark reads as UTF-16 text: nearly
    every other byte is zero, on one side, as Latin script in UTF-16 is. None otherwise (binary content)."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even = sum(1 for i in range(0, 2 * pairs, 2) if head[i] == 0)
    odd = sum(1 for i in range(1, 2 * pairs, 2) if head[i] == 0)
    if odd >= 0.7 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.7 * pairs and odd == 0:
        return "utf-16-be"
    return None


def decode_text(raw: bytes, name: str) -> str:
    """A text file's characters: UTF-8 (with or without a byte-order mark), UTF-16 (as Word's and Notepad's
    "Unicode" text is saved, with or without its mark) or else Windows-1252. A zero byte in the first 4 KB of
    anything else is binary content."""
    encoding = None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif b"\x00" in raw[:4096]:
        encoding = _utf16_without_bom(raw[:4096])
        if encoding is None:
            raise InputError(name, "not a text file (binary content)")
    if encoding:
        try:
            return raw[: len(raw) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            raise InputError(name, "cannot decode the text (broken UTF-16)") from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(name, "cannot decode the text (not UTF-8, UTF-16 or Windows-1252)")  # pragma: no cover


def reference_links(text: str) -> str:
    """Markdown's reference links read as their words: the definitions ("[label]: target") are blank lines, and
    "[words][label]", "[words][]" and "[label]" where the label is defined are their words. Line numbers stay the
    same; brackets that link nowhere ("[Customer Name]", "[*****]") stay."""
    labels = {m.group(1).strip().casefold() for m in _MD_LINK_DEFINITION.finditer(text)}
    if not labels:
        return text
    text = _MD_LINK_DEFINITION.sub("", text)

    def words(m: re.Match) -> str:
        label = m.group(2) if m.group(2) else m.group(1)
        return m.group(1) if label.strip().casefold() in labels else m.group(0)

    return _MD_REFERENCE_LINK.sub(words, text)


def unescape_twice(text: str) -> str:
    """Markdown that a converter escaped once more (most lines end in a backslash, headings and bold
    are escaped: "\\### 1.9 Heading\\") read as the Markdown it was: the hard breaks dropped (a
    line that is only a backslash is blank) and one level of escapes removed. Markdown that merely
    uses a few escapes is left alone. Line numbers stay the same."""
    lines = text.split("\n")
    filled = [ln for ln in lines if ln.strip()]
    breaks = sum(1 for ln in filled if _MD_HARD_BREAK.search(ln.rstrip(" \r")))
    if not filled or breaks < 0.3 * len(filled) or len(_TWICE_MARKS.findall(text)) < 3:
        return text
    out = []
    for ln in lines:
        ln = _MD_HARD_BREAK.sub("", ln.rstrip(" \r"))
        out.append(_MD_ESCAPE.sub(r"\1", ln))
    return "\n".join(out)


_LONE_MARKER = re.compile(r"([ \t]*)([*+-])[ \t]*")


def lone_markers(text: str) -> str:
    """A Markdown list item whose marker stands alone on its line, its words on the next lines ("*     " over
    "    i. If any of the following incidents happen, you must notify us …"): the marker is moved onto the first line
    of its words, at the marker's own indentation, so the item is read as one. A "-" right under a line of text
    underlines a heading and is left alone. Line numbers stay the same."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = _LONE_MARKER.fullmatch(line)
        if not m or (i and lines[i - 1].strip() and m.group(2) == "-"):
            continue
        nxt = next((j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()), None)
        if nxt is None or _LONE_MARKER.fullmatch(lines[nxt]) or _MD_LIST.match(lines[nxt].lstrip()):
            continue
        lines[nxt] = f"{m.group(1)}{m.group(2)} {lines[nxt].strip()}"
        lines[i] = ""
    return "\n".join(lines)


# a clause number alone on its line ("1.8.4", "12."), the clause's words in the next paragraph: web pages set the
# number and the text in elements of their own
_LONE_NUMBER = re.compile(r"^[ \t]*(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)[ \t]*\n(?:[ \t]*\n)+[ \t]*(?=[^\W\d_]|[(\"“])",
                          re.MULTILINE)


def join_lone_numbers(text: str) -> str:
    """A clause number on a line of its own is put in front of the paragraph it numbers ("1.8.4" | "" | "Using any
    data mining …" becomes "1.8.4 Using any data mining …"), so the reader sees a numbered clause and a list
    under a lead-in ("1.8 … the following actions are prohibited:") reaches its items. The newlines stay, before
    the joined line, so later lines keep their numbers."""
    return _LONE_NUMBER.sub(lambda m: "\n" * m.group(0).count("\n") + m.group(1) + " ", text)


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """The paragraphs (text between blank lines; a form feed ends one too), each with the number of
    the line it starts on in the file (from 1; lines end at CR, LF or CRLF, not at a form feed)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # each form feed becomes a paragraph break of two newlines, which are not lines of the file
    feeds = [m.start() + i for i, m in enumerate(re.finditer("\f", text))]
    text = text.replace("\f", "\n\n")
    pos = newlines = 0
    # text copied out of a PDF with a blank line after every line ("the Client undertakes to immediately inform" | "" |
    # "OVHcloud of any loss …"): one blank line is a line break there, two or more end the paragraph
    breaks = _PARAGRAPH_BREAK_DOUBLE_SPACED if _double_spaced(text) else _PARAGRAPH_BREAK
    for sep in [*breaks.finditer(text), None]:
        end = sep.start() if sep else len(text)
        yield 1 + newlines - 2 * bisect_left(feeds, pos), text[pos:end]
        if sep:
            newlines += text.count("\n", pos, sep.end())
            pos = sep.end()


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_PARAGRAPH_BREAK_DOUBLE_SPACED = re.compile(r"\n(?:[ \t]*\n){2,}")
_ENDS_SENTENCE = re.compile(r"[.!?:;)\]\"”’*]\s*$")


def _double_spaced(text: str) -> bool:
    """Whether the text has a blank line after nearly every line and many of its lines stop in the middle of a
    sentence: a page's lines, each followed by an empty one, as text copied out of a PDF often comes. Paragraphs
    there are set apart by two or more blank lines."""
    lines = text.split("\n")
    gaps = {0: 0, 1: 0, 2: 0}  # blank lines between two lines of text: none, one, more
    mid_sentence = single = 0
    last: str | None = None
    blanks = 0
    for line in lines:
        if not line.strip():
            blanks += 1
            continue
        if last is not None:
            gaps[min(blanks, 2)] += 1
            if blanks == 1:
                single += 1
                mid_sentence += not _ENDS_SENTENCE.search(last)
        last, blanks = line, 0
    total = sum(gaps.values())
    return (total >= 20 and gaps[0] < 0.1 * total and gaps[1] >= 0.5 * total and gaps[2] >= 3
            and mid_sentence >= 0.4 * single)


_ORDERED_LINE = re.compile(r"([ \t]*)(\d{1,3})([.)][ \t]+)(?=\S)")


def auto_numbered_lists(text: str) -> str:
    """Markdown renders an ordered list whose items are all written "1." as 1, 2, 3 …; such a list's items are given the
    numbers they are shown with, so the clauses of a contract written that way ("1. *Termination:* …" for every clause)
    are not all read as clause 1, and the items of such a list nested in a numbered item are numbered under it ("2.1",
    "2.2" under "2."). A list ends at a line no deeper than its items that is not one of them (a heading, a paragraph)
    and does not go on with the line above; a list numbered by hand ("1.", "2.") keeps its numbers, and so does a list of
    one item. Line numbers do not change."""
    if "1." not in text and "1)" not in text:
        return text
    lines = text.split("\n")
    found: list[dict] = []  # every list: its indent, its items' lines and numbers, and the item it is nested in
    open_lists: list[dict] = []
    after_blank = True
    for i, line in enumerate(lines):
        if not line.strip():
            after_blank = True
            continue
        indent = _indent(line)
        m = _ORDERED_LINE.match(line)
        if not m and not after_blank:
            continue  # a line that goes on with the one above (a wrapped item) ends no list
        after_blank = False
        while open_lists and (open_lists[-1]["indent"] > indent or (open_lists[-1]["indent"] == indent and not m)):
            open_lists.pop()
        if not m:
            continue
        if open_lists and open_lists[-1]["indent"] == indent:
            open_lists[-1]["items"].append((i, m.group(2)))
        else:
            parent = (open_lists[-1], len(open_lists[-1]["items"]) - 1) if open_lists else None
            open_lists.append({"indent": indent, "items": [(i, m.group(2))], "parent": parent})
            found.append(open_lists[-1])
    for lst in found:  # outer lists first: a nested list's labels follow its item's
        auto = len(lst["items"]) > 1 and all(number == "1" for _, number in lst["items"])
        above = lst["parent"][0]["labels"][lst["parent"][1]] if lst["parent"] else None
        lst["labels"] = [(f"{above}.{j}" if above else str(j)) if auto else number
                         for j, (_, number) in enumerate(lst["items"], start=1)]
        for (line_no, number), label in zip(lst["items"], lst["labels"]):
            if label != number:
                m = _ORDERED_LINE.match(lines[line_no])
                lines[line_no] = f"{m.group(1)}{label}{m.group(3)}{lines[line_no][m.end():]}"
    return "\n".join(lines)


def _blocks(text: str, markdown: bool) -> list[Block]:
    blocks: list[Block] = []
    taken: dict[int, int] = {}  # line -> blocks that start on it (more than one after a form feed)

    def anchor(line: int) -> str:
        taken[line] = taken.get(line, 0) + 1
        return f"line{line}" if taken[line] == 1 else f"line{line}:{taken[line]}"

    for start, para in _paragraphs(text):
        lines = para.split("\n")
        if markdown:
            lines = [_MD_QUOTE.sub("", ln) for ln in lines]
        numbered = [(start + i, ln.strip(), _indent(ln)) for i, ln in enumerate(lines)]
        numbered = [(n, ln, ind) for n, ln, ind in numbered if ln and not _PAGE_MARK.match(ln)]
        # a line of one repeated mark underlines (or overlines) a heading, or is a break between parts:
        # "Terms of Service" over "================", Markdown's "Title" over "-----", a "* * *"
        ruled = [item for item in numbered if not _RULE_LINE.match(item[1])]
        if len(ruled) != len(numbered):
            underlined = any(_RULE_LINE.match(ln) and ln[0] != "_" for _, ln, _ in numbered)  # not a signature line
            if len(ruled) == 1 and underlined and len(ruled[0][1]) <= _MAX_RULED_HEADING:
                blocks.append(Block(text=_strip_md(ruled[0][1]) if markdown else ruled[0][1], kind="heading",
                                    anchor=anchor(ruled[0][0])))
                continue
            numbered = ruled
        if not numbered:
            continue
        for at, group in _split_numbered_lines([ln for _, ln, _ in numbered], markdown):
            first = group[0]
            kind = "list-item" if markdown and (_MD_BULLET.match(first) or _nested_ordered(first, numbered[at][2], blocks))\
                else "paragraph"
            # a nested bullet is indented further than the item it belongs to
            level = 1 + numbered[at][2] if kind == "list-item" else 0
            if markdown and _MD_HEADING.match(first):
                group = [_MD_HEADING.sub("", first)] + group[1:]
                kind = "heading"
            if markdown:
                group = _strip_md_lines(group)
            if markdown and all(ln.startswith("|") for ln in group):
                for i, row in enumerate(group):
                    if re.fullmatch(r"[|\s:-]+", row):
                        continue
                    cells = [c.strip() for c in row.strip("|").split("|")]
                    # a heading laid out in a table row beside navigation, as some saved pages have it:
                    # "| ### 11\. TERM AND TERMINATION | [Back to top](#index) |" is the heading of what follows
                    if cells and _MD_HEADING.match(cells[0]) and all(len(c.split()) <= _NAV_CELL_WORDS for c in cells[1:]):
                        blocks.append(Block(text=_MD_HEADING.sub("", cells[0]), kind="heading",
                                            anchor=anchor(numbered[at + i][0])))
                        continue
                    blocks.append(Block(text=" | ".join(c for c in cells if c), kind="table-row",
                                        anchor=anchor(numbered[at + i][0])))
                continue
            blocks.append(Block(text=join_lines(group), kind=kind, anchor=anchor(numbered[at][0]), level=level))
    return blocks


_MD_ORDERED = re.compile(r"^(\d{1,2})[.)]\s+\S")


def _nested_ordered(line: str, indent: int, blocks: list[Block]) -> bool:
    """An indented numbered line under a bullet or a lead-in ("- Customer shall not:" over "  1. Rent, lease …") is
    an item of a nested list, not clause 1 of the contract; so is an ordered list under a lead-in in a clause that a
    numbered heading opened ("### 4.5 Breach" … "Within 24 hours:" over "1. Notify Customer by email", "2. …"):
    clause numbers do not run backwards."""
    if not blocks or not (m := _MD_ORDERED.match(line)):
        return False
    before = blocks[-1]
    if indent >= 2:
        return before.kind == "list-item" or before.text.rstrip().endswith(":")
    number = int(m.group(1))
    if before.kind == "list-item":
        # the next item of an ordered list already taken as one: "2." after "1. …"
        previous = _MD_ORDERED.match(before.text)
        return previous is not None and int(previous.group(1)) == number - 1
    return number == 1 and before.text.rstrip().endswith(":") and _under_numbered_heading(blocks)


def _under_numbered_heading(blocks: list[Block]) -> bool:
    """Whether the last heading above is numbered ("### 4.5 Data Breach Notification")."""
    heading = next((b for b in reversed(blocks) if b.kind == "heading"), None)
    return heading is not None and split_number(heading.text)[0] is not None


def _indent(line: str) -> int:
    """The columns of white space a line starts with (a tab counts four)."""
    line = line.expandtabs(4)
    return len(line) - len(line.lstrip(" "))


# a number in figures in brackets after the same number in words, wrapped onto its own line ("the **twelve" over
# "(12) months** before the claim", "tolv | (12) måneder")
_NUMBER_IN_FIGURES = re.compile(r"\(\d{1,4}\)\W*\s")
_ENDS_IN_NUMBER_WORD = re.compile(r"\b(?:" + NUMBER_WORD_DA + r"|hundred|hundrede|thousand|tusind)[*_\s]*$", re.IGNORECASE)


# a line of plain text that starts with a bullet and a space ("- Det er ikke tilladt …", "• Customer Data …") is an item
# of its own, as Markdown's bullets are: a wrapped line starts with a word, not with a dash and a space
_TEXT_BULLET = re.compile(r"^[" + re.escape(BULLET_GLYPHS) + r"*]\s+\S")


_LEAD_IN_LINE = re.compile(r"^\s*[A-ZÆØÅ][^.:;!?]{2,80}:\s*$")
# a line that is a label and its value ("Underretning af Kunden ved sikkerhedsbrud: 24 timer fra konstatering",
# "Liability cap: EUR 1,000,000"): a run of such lines is a list without bullets, one entry a line
_LABEL_LINE = re.compile(r"^\s*[A-ZÆØÅ][^.:;!?|]{1,70}:\s+\S[^|]{0,100}$")


def _split_numbered_lines(lines: list[str], markdown: bool) -> list[tuple[int, list[str]]]:
    """A paragraph whose lines start new numbered clauses or list items is split at them; each
    group with the index of its first line."""
    groups: list[tuple[int, list[str]]] = [(0, [lines[0]])]
    for i, line in enumerate(lines[1:], start=1):
        starts_new = (split_number(line)[0] is not None or is_list_item(line) or bool(_TEXT_BULLET.match(line))
                      or starts_stk(line)
                      or (markdown and (_MD_HEADING.match(line) or _MD_LIST.match(line)
                                        or line.startswith("|"))))
        # a lead-in of its own after a finished line ("- bruge den til private formål." over "Du må ikke:"), not the
        # wrapped end of the item above it
        starts_new = starts_new or bool(_LEAD_IN_LINE.match(line) and lines[i - 1].rstrip()[-1:] in ".;!?")
        # an entry of a run of label lines, one below the other ("Responstid: 2 timer" over "Underretning ved brud: 24 timer")
        starts_new = starts_new or bool(_LABEL_LINE.match(line) and _LABEL_LINE.match(lines[i - 1]))
        if starts_new and _NUMBER_IN_FIGURES.match(line) and _ENDS_IN_NUMBER_WORD.search(lines[i - 1]):
            starts_new = False  # "… in the twelve | (12) months before …": the figures of the word above, wrapped
        if starts_new:
            groups.append((i, [line]))
        else:
            groups[-1][1].append(line)
    return groups


def _strip_md_lines(lines: list[str]) -> list[str]:
    """Each line without its Markdown; bold that a line break cuts in two ("the **twelve" over "(12) months**
    before") is dropped from both lines."""
    lines = [_strip_md(ln) for ln in lines]
    for i in range(len(lines) - 1):
        for mark in ("**", "__"):
            if lines[i].count(mark) % 2 and lines[i + 1].count(mark) % 2:
                head, _, tail = lines[i].rpartition(mark)
                lines[i] = head + tail
                lines[i + 1] = lines[i + 1].replace(mark, "", 1)
    return lines


def _strip_md(line: str) -> str:
    line = _MD_HARD_BREAK.sub("", line)
    if "\\" in line:
        line = _MD_ESCAPE.sub(lambda m: chr(_ESCAPED + ord(m.group(1))), line)
    line = re.sub(r"^\s*[-*+]\s+", "", line)
    if "](" in line:
        line = _MD_IMAGE.sub(lambda m: m.group(1), line)
        line = _MD_LINK.sub(lambda m: link_text(m.group(1), m.group(2)), line)
    # (emphasis spans are bounded: "_a _a _a …" on a long line must not be tried to its end from every mark)
    line = re.sub(r"(\*\*|__)(.{1,400}?)\1", r"\2", line)
    # `inline code`: a name set in code font ("`HOST` is liable for …") is the name
    line = re.sub(r"(?<!`)`([^`\n]+)`(?!`)", r"\1", line)
    line = re.sub(r"(?<![\w*])\*(?!\s)(.{1,400}?)(?<!\s)\*(?![\w*])", r"\1", line)
    # _emphasis_, but not the underscores inside a name such as data_export_v2
    line = re.sub(r"(?<![\w_])_(?![\s_])(.{1,400}?)(?<![\s_])_(?![\w_])", r"\1", line)
    return _ESCAPED_CHAR.sub(lambda m: chr(ord(m.group(0)) - _ESCAPED), line)


_ESCAPED_CHAR = re.compile(f"[{chr(_ESCAPED + 0x21)}-{chr(_ESCAPED + 0x7E)}]")
