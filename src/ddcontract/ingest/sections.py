"""Section numbers and headings, shared by every ingest format.

A block keeps the number of the clause it belongs to ("9.1", "Section 12", "§ 5", "Schedule 3")
and that clause's heading, so evidence can point at it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Block

# "Schedule 3", "Annex A", "Appendix 2", "Exhibit B", "Bilag 1" (Danish annex), "Schedule IV"; the
# identifier is case-sensitive so that "Annex on notification" is a title, not "Annex on"
_ANNEX = re.compile(
    r"^(?P<num>(?:schedule|annex|appendix|exhibit|attachment|addendum|bilag)\s+"
    r"(?-i:\d{1,3}[A-Za-z]?|[IVX]{1,5}|[A-Z]\d{0,2}))\b[\s.:–—-]*",
    re.IGNORECASE)
# "Section 12", "Clause 4.2", "Article 7", "§ 5", "§5.1", "Punkt 3" (Danish)
_NAMED = re.compile(
    r"^(?P<num>(?:section|clause|article|sec\.|art\.|punkt|pkt\.)\s*\d+(?:\.\d+)*|§\s*\d+(?:\.\d+)*)"
    r"(?:\.(?!\d))?(?:\s*[:–—-])?(?:\s+(?=(?-i:[A-ZÆØÅ(\"“]))|\s*$)",
    re.IGNORECASE)
# "9.1 ", "12. ", "3.2.1. ", "4) " — a number at the start followed by text; a clause inserted between two
# others keeps a capital letter in its first part ("5B.3", "12A.1"), never alone ("3D Printing" is no number)
_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:[A-Z](?=\.\d))?(?:\.\d{1,2}){0,3})(?:\.(?!\d)|\))?\s+(?=[A-ZÆØÅ(\"“'§])")
# "A.1 ", "H.2 ", "C.3.1 " — clauses numbered under lettered sections ("A. Hvad abonnementet går ud på" … "O. Tvister");
# the lettered title alone ("H. Den digitale nøgle") is a number only on a heading line (``lettered_heading``): in a
# paragraph "A. Jensen" is a name and "A. The Supplier shall …" an item of a lettered list
_LETTERED = re.compile(r"^(?P<num>[A-Z]\.\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?=[A-ZÆØÅ(\"“'§])")
_LETTER_TITLE = re.compile(r"^(?P<num>[A-Z])\.\s+(?=[A-ZÆØÅ][a-zæøå])")
# "(a)", "a)", "(iv)" — list items stay in the clause above them
_STK = re.compile(r"^stk\.\s*(\d{1,2})\b\.?", re.IGNORECASE)
_ITEM = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+")

_MAX_HEADING_CHARS = 90


# what each of the three starts with; a line that starts otherwise has no number (most lines)
_MAYBE_NUMBER = re.compile(r"\d|§|schedule|annex|appendix|exhibit|attachment|addendum|bilag|section|clause|"
                           r"article|sec\.|art\.|punkt|pkt\.", re.IGNORECASE)


def split_number(text: str) -> tuple[str | None, str]:
    """Split a leading clause number off a block's text: ("9.1", rest) or (None, text)."""
    if not _MAYBE_NUMBER.match(text):
        if m := _LETTERED.match(text):
            return m.group("num"), text[m.end():]
        return None, text
    for regex in (_ANNEX, _NAMED, _NUMBERED):
        m = regex.match(text)
        if m:
            num = " ".join(m.group("num").split())
            if regex is _NUMBERED and _looks_like_amount_or_date(text, m):
                continue
            # a reference in lower case at a line's start continues the sentence above it ("… opsiges efter dette |
            # punkt 16."): clauses are numbered "Section 16", "Punkt 16", "SECTION 16"
            if regex is _NAMED and num[0].islower():
                return None, text
            if regex is _NAMED and num.startswith("§"):
                num = "§ " + num[1:].strip()
            return num, text[m.end():]
    return None, text


_MONTH = re.compile(r"(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch|ts)?|apr(?:il)?|may|maj|jun[ie]?|jul[iy]?|aug(?:ust)?|"
                    r"sep(?:t|tember)?|o[ck]t(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{4}\b", re.IGNORECASE)


def lettered_heading(text: str) -> tuple[str | None, str]:
    """A heading's letter, as ("H", "Den digitale nøgle …") for "H. Den digitale nøgle …", or (None, text)."""
    m = _LETTER_TITLE.match(text)
    return (m.group("num"), text[m.end():]) if m else (None, text)


def paragraph_of(section: str) -> str:
    """The Danish "§" a cited paragraph belongs to: "§ 9" for "§ 9, stk. 3" (and for "§ 9" itself)."""
    return section.split(",")[0]


def _looks_like_amount_or_date(text: str, m: re.Match[str]) -> bool:
    rest = text[m.end():m.end() + 12].lower()
    # "30 days", "12 months", "2024 ..." are not clause numbers
    # "06 July 2026" or "1. januar 2025" on a page's header or footer is a date
    return bool(re.match(r"(?:days?|months?|years?|hours?|business|working|per\s?cent|%|x\b)", rest)) \
        or bool(_MONTH.match(text[m.end():m.end() + 12])) \
        or len(re.match(r"\d+", m.group("num")).group()) > 2


def starts_stk(text: str) -> bool:
    """A numbered paragraph of a Danish "§": "Stk. 2. Ønsker databehandleren …"."""
    return bool(_STK.match(text))


def is_list_item(text: str) -> bool:
    return bool(_ITEM.match(text))


# the glyphs a bulleted line starts with, as Word, PDFs and web pages write them ("●" and "▪" from Word's lists)
BULLET_GLYPHS = "-•–·▪◦‣●■∙⁃○"
_BULLETS = BULLET_GLYPHS + "*"


def starts_with_bullet(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and first in BULLET_GLYPHS


_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|https?://|www\.", re.IGNORECASE)
# a label line and its value, as a table written as lines has them: "Frist: Senest 24 timer efter konstatering",
# "Channel: telephone, then e-mail" (not a part's title with a colon: "Schedule 2: Security", "Bilag 4: Sikkerhed")
_LABEL_AND_VALUE = re.compile(
    r"^(?!(?:section|clause|article|schedule|annex|appendix|exhibit|attachment|part|chapter|bilag|appendiks|underbilag|"
    r"afsnit|kapitel|punkt|pkt|del)\b)[A-ZÆØÅ][\w'’-]*(?:\s+[\w'’-]+){0,2}:\s+\S", re.IGNORECASE)
_RUNS_ON = re.compile(r"[;,]\s*(?:or|and|og|eller|samt)$", re.IGNORECASE)
# a lettered or roman-numbered item whose text starts in lower case: "(b) breaches …", "iv) the …"
_LOWER_ITEM = re.compile(r"^\(?(?:[a-z]|[ivx]{1,5}|\d{1,3})\)\s+[a-zæøå]")


def looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation, e.g. "LIMITATION OF LIABILITY"."""
    t = text.strip()
    if not _title_shaped(t):
        return False
    if t[-1] in ".;,:" and not t.isupper():
        return False
    words = t.split()
    if len(words) > 12:
        return False
    letters = [c for c in t if c.isalpha()]
    if not letters:
        return False
    if t.isupper():
        return True
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= max(1, int(len(words) * 0.6))


# a run-in heading: "5. Reporting of Security Incidents. Business Associate will report …" (a short title, its
# full stop, then the clause's first sentence)
_RUN_IN = re.compile(r"^(?P<title>[A-ZÆØÅ][^.;:!?\n]{2,60}?)\.\s+(?=[A-ZÆØÅ\"“(])")


def run_in_heading(text: str) -> str | None:
    """The title a numbered paragraph starts with, as "Reporting of Security Incidents" in "Reporting of
    Security Incidents. Business Associate will …", or None."""
    m = _RUN_IN.match(text)
    if m is None:
        return None
    title = m.group("title").strip()
    words = title.split()
    if len(title) < 4 or len(words) > 8 or not looks_like_heading(title):
        return None
    if words[0].lower() in _DETERMINERS or any(w.lower() in _VERBS for w in words):
        return None  # "The Supplier shall notify the Customer." is a sentence, not a title
    return title


_DETERMINERS = frozenset("the a an this that these those each any all every no if when where either neither "
                         "such our your its their den det de en et denne dette disse hver enhver alle ingen hvis når".split())
_VERBS = frozenset("shall will must may can should would could is are was were be been has have had does do "
                   "skal vil må kan bør er var være har havde blev bliver".split())


def _title_shaped(t: str) -> bool:
    """What any title must be (``t`` stripped): short, not a bullet, not an item of a list that runs on, not a line of
    contact details."""
    if not t or len(t) > _MAX_HEADING_CHARS:
        return False
    if t[0] in _BULLETS:  # "- Nature of breach" is a list item, however short
        return False
    # an item of a list that runs on: "(b) breaches a Developer Obligation; or", "(ii) the Customer's data, and"
    if _RUNS_ON.search(t) or _LOWER_ITEM.match(t):
        return False
    # a line of contact details: "Breach reports: E-mail: soc@host.example, Phone: 70 00 00 00"; a label and its value
    return not _CONTACT.search(t) and not (_LABEL_AND_VALUE.match(t) and not t.isupper())


def sentence_case_title(text: str) -> bool:
    """A numbered line's text that is a title in sentence case, as Danish (and some English) drafting writes them:
    "Underretning om brud på persondatasikkerheden", "Ændringer af vilkårene; underretninger" — short, capitalised,
    without closing punctuation or a verb ("The Supplier shall notify the Customer" is a sentence);
    ``looks_like_heading`` wants most words capitalised, which such titles are not."""
    t = text.strip()
    words = t.split()
    # a title put as a question, as plain-language terms write them ("What you can't do", "Hvad må du ikke?", "How
    # much can I claim if something goes wrong?"): its verb is the question's, and it may end with a question mark
    asks = _asks(t)
    if not _title_shaped(t) or len(words) > (_MAX_QUESTION_WORDS if asks else _MAX_SENTENCE_CASE_WORDS) \
            or not t[0].isupper():
        return False
    if t[-1] in ".;,:!" or (t[-1] == "?" and not asks):
        return False
    # a run-in title and the clause's first words after it ("Underretningens indhold. Databehandleren oplyser i
    # underretningen" over a list) are a paragraph, not a title
    if _RUN_IN.match(t):
        return False
    return asks or not any(w.lower().strip("(),;") in _VERBS for w in words)


_MAX_SENTENCE_CASE_WORDS = 8
_MAX_QUESTION_WORDS = 10
_ASKS = frozenset("what how when where who why which hvad hvordan hvornår hvor hvem hvorfor hvilke hvilken hvilket".split())


def _asks(title: str) -> bool:
    """Whether a line starts with a question word ("What you can't do", "Hvad må du ikke?")."""
    words = title.split()
    return bool(words) and words[0].lower().strip("(),;") in _ASKS


_MAX_PLAIN_TITLE_WORDS = 10
_DUTY = frozenset(("shall", "must", "skal"))  # a duty stated is a sentence, however it is punctuated


def _titles_next(blocks: list[Block], i: int) -> bool:
    """An unnumbered paragraph in sentence case that stands over a paragraph of text ("Use of the booking system" over
    "It may only be used by members …"; "Brug af tjenesten" over its rules) is that paragraph's title, as plain-language
    terms write their headings; ``looks_like_heading`` wants most words capitalised. Not a line with a figure (a page
    footer, "Side 2 af 5", a date), and not one over another title or a list."""
    t = blocks[i].text.strip()
    if blocks[i].kind != "paragraph" or any(c.isdigit() for c in t) or not sentence_case_title(t):
        return False
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if nxt is not None and nxt.kind == "list-item" and _asks(t):
        return True  # a question over a list answers it item by item ("Hvad er ikke tilladt i chatten?" – "– Mobning …")
    return nxt is not None and nxt.kind == "paragraph" and _reads_as_text(nxt.text)


def _reads_as_text(text: str) -> bool:
    """Whether a line is text a title can stand over: it ends as a sentence or a lead-in does, or is longer than a
    title."""
    t = text.strip()
    return bool(t) and (t[-1] in ".:;)!?" or len(t.split()) > _MAX_PLAIN_TITLE_WORDS)


def _heads_subclauses(num: str, rest: str, numbered: list[tuple[str | None, str]], i: int) -> bool:
    """A short numbered line without closing punctuation whose next line is its own first sub-clause ("10. If there's a
    security problem" over "10.1 …", "7. How long we keep your data" over "7.1 …"), or a line of unnumbered text, is that
    clause's title, even in plain language with a verb, which ``sentence_case_title`` refuses."""
    t = rest.strip()
    if (not t or not _title_shaped(t) or t[-1] in ".;,:" or not t[0].isupper() or len(t.split()) > _MAX_PLAIN_TITLE_WORDS
            or _RUN_IN.match(t) or any(w.lower() in _DUTY for w in t.split())):
        return False
    following = numbered[i + 1][0] if i + 1 < len(numbered) else None
    if following is not None:
        return following.startswith(num.rstrip(".") + ".")
    # or over unnumbered text of its own ("4. Sådan må du bruge appen" over "Du må gerne: …")
    return i + 1 < len(numbered) and _reads_as_text(numbered[i + 1][1])


def _is_annex_heading(block: Block, num: str | None, rest: str) -> bool:
    return (num is not None and block.kind != "list-item" and _ANNEX.match(num) is not None
            and (block.kind == "heading" or looks_like_heading(rest)))


def _annex_key(num: str | None) -> str:
    return " ".join((num or "").lower().split())


def _number_of(block: Block) -> tuple[str | None, str]:
    """A block's clause number and the text after it: Word's own number, a number the text starts with, or a heading's
    letter ("H. Den digitale nøgle")."""
    if block.section is not None:
        return block.section, block.text
    num, rest = split_number(block.text)
    return lettered_heading(block.text) if num is None and block.kind == "heading" else (num, rest)


def assign_sections(blocks: Iterable[Block]) -> Iterator[Block]:
    """Give every block the section number and heading of the clause it belongs to.

    Blocks that already carry a section (from Word's automatic numbering) keep it.
    A numbered line that is only a heading ("12. LIMITATION OF LIABILITY") sets both.
    """
    section: str | None = None
    heading: str | None = None
    top_heading: str | None = None
    annex: tuple[str, str | None] | None = None  # ("Annex 2", "Security Incident Notification")
    blocks = list(blocks)
    numbered = [_number_of(b) for b in blocks]
    # where each annex's heading last stands: an earlier line with the same label ("Schedule 1: Data Processing
    # Agreement" in the list of the parts at the top) names the annex, it does not begin it
    heads = [_is_annex_heading(b, num, rest) for b, (num, rest) in zip(blocks, numbered)]
    # annex labels on consecutive lines, each a different one ("Bilag 1: Kontaktpersoner" … "Bilag 5: Databehandleraftale"
    # under "The agreement consists of:") are a list of the parts, even where an annex is not attached: none begins one
    in_list = [i for i in range(len(heads) - 1) if heads[i] and heads[i + 1]
               and _annex_key(numbered[i][0]) != _annex_key(numbered[i + 1][0])]
    for i in in_list:
        heads[i] = heads[i + 1] = False
    titles: dict[str, str] = {}  # each numbered section's heading, for the sections numbered under it
    last_annex = {_annex_key(num): i for i, ((num, _), head) in enumerate(zip(numbered, heads)) if head}
    for i, (block, (num, rest), annex_heading) in enumerate(zip(blocks, numbered, heads)):
        if block.kind == "list-item" and num is not None and (_ANNEX.match(num) or num.isdigit()):
            # "- Appendix A – Security Measures" in a list of the parts names the annex; "1. Rent, lease …" nested
            # under a bullet or a lead-in is an item of the clause above it, not clause 1
            num = None
        if annex_heading and last_annex[_annex_key(num)] > i:
            num, annex_heading = None, False
        if annex_heading:
            # an annex heading: the annex's own numbered paragraphs ("2. Channel. …") are
            # "Annex 2, 2", not clause 2 of the main agreement, and read under the annex's title
            annex = (num, rest.strip(" .:–—-") or None)
        elif num is not None and annex is not None and not _ANNEX.match(num):
            num = f"{annex[0]}, {num}"
        if num is None and section and section.startswith("§") and (stk := _STK.match(block.text)):
            # a numbered paragraph of a Danish "§" ("Stk. 3. Underretning sker telefonisk …") is cited as lawyers cite
            # it, "§ 9, stk. 3", under the paragraph's heading; the lines after it, up to the next "Stk." or "§", are its
            section = f"{paragraph_of(section)}, stk. {stk.group(1)}"
        if num is not None:
            section = num
            if (block.kind == "heading" or looks_like_heading(rest)
                    or (block.kind == "paragraph" and (sentence_case_title(rest) or _heads_subclauses(num, rest, numbered, i)))):
                heading = rest.strip() or heading
                top_heading = heading
                block.kind = "heading"
            elif "." in num and top_heading:
                heading = top_heading
            else:
                # "9.1 The Supplier shall ..." under the last heading; a plain "12 Text" starts anew
                heading = top_heading if "." in num else (annex[1] if annex else None)
            # a run-in title heads a top-level clause of the main text; a sub-clause ("9.3 Notification. …") and an
            # annex's paragraph ("2. Channel. …" under "Annex 2 – Security Incident Notification") keep the heading
            # above them, which says more about what they are part of
            if block.kind != "heading" and "." not in num and annex is None and (title := run_in_heading(rest)):
                heading = top_heading = title
        elif block.kind == "heading" or (block.kind not in ("table-row", "list-item") and (
                looks_like_heading(block.text) or _titles_next(blocks, i))):
            heading = block.text.strip()
            top_heading = heading
            block.kind = "heading"
        block.section = section
        block.heading = heading
        if num is not None and block.kind == "heading" and heading:
            titles[num] = heading
        block.parent_heading = _parent_headings(section, heading, titles)
        yield block


def _parent_headings(section: str | None, heading: str | None, titles: dict[str, str]) -> str | None:
    """The headings of the numbered sections ``section`` sits in, nearest first ("9.2" under "9. Data Breach
    Notification" → "Data Breach Notification"), leaving out one that is the block's own heading."""
    found = []
    while section and "." in section:
        section = section.rsplit(".", 1)[0]
        title = titles.get(section)
        if title and title != heading and title not in found:
            found.append(title)
    return " / ".join(found) or None
