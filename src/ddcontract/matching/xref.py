"""Cross-references: the title a contract gives in brackets after a reference to one of its own clauses
("… will survive, including sections 3 (Confidentiality), 5 (Limitation of Liability) and 7 (Ownership;
Customer Data)", "jf. pkt. 9 (Ophævelse)") names that clause; it says nothing in the sentence that cites it.

Matching reads such a title as blank: :func:`blank_titles` replaces its characters with spaces, so every
offset stays where it was and quotes are still taken from the document's own text. A title that names what was
breached ("claims arising from a breach of Section 6 (Information Security)") is kept: there it says which duties.
Where such a breach cites the clause by its number alone ("breaches its obligations under clause 8"), the reading
gives it the clause's title in brackets (:func:`title_edits`), so the rules see which duties as if it were written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Clause

# what a reference to a clause starts with, in English and Danish
_KIND = (r"(?:[Ss]ections?|SECTIONS?|[Cc]lauses?|CLAUSES?|[Aa]rticles?|ARTICLES?|[Pp]aragraphs?|[Ss]chedules?|"
         r"[Aa]nnex(?:es)?|[Aa]ppendi(?:x|ces)|[Ee]xhibits?|§§?|[Pp]kt\.|[Pp]unkt(?:erne)?|[Aa]fsnit|[Bb]ilag|"
         r"[Kk]apitel|[Aa]rtikel|[Bb]estemmelse(?:rne)?)")
# the clause's number: "7", "10.2", "5B", "9.1(b)"
_NUM = r"\d{1,3}(?:\.\d{1,3})*[A-Za-z]?(?:\([a-z0-9]{1,4}\))*"
# the title in brackets: it starts with a capital letter and is short ("(a)", "(thirty)" and "(the "Term")" are not
# titles)
_TITLE = r"\(\s*(?P<t>[A-ZÆØÅ][^()\n\"“”»«]{1,80}?)\s*\)"
_FIRST = re.compile(r"(?<![\w.])" + _KIND + r"\s+" + _NUM + r"\s*" + _TITLE)
# a breach of the clause cited, a few words before it: "breach of Section 6 (…)", "a breach of either party's
# obligations under Section 5 (…)", "breach by Distributor of Section 9.0 (…)", "misligholdelse af pkt. 9 (…)"
_BREACH_OF = re.compile(r"\b(?:breach(?:es|ed)?|violat(?:e|es|ed|ion|ions)|non-?compliance|default|fail(?:s|ed|ure)? to comply|"
                        r"misligholdelse|misligholder|overtrædelse|overtræder|brud|tilsidesætter|tilsidesættelse|"
                        r"tilsidesat)\b[^.;:]{0,50}$", re.IGNORECASE)
# what joins the references of a list, and the next references: ", 4 (Warranties; Disclaimer)", "and 9.7 (Notices)"
_JOINER = re.compile(r"\s*(?:,|;|&|\band\b|\bor\b|\bog\b|\beller\b)?\s*(?:(?:and|or|og|eller)\s+)?")
_NEXT = re.compile(r"\s*(?:,|;|&|\band\b|\bor\b|\bog\b|\beller\b)\s*(?:(?:and|or|og|eller)\s+)?" + _NUM + r"\s*" + _TITLE)


def blank_titles(text: str) -> str:
    """``text`` with the bracketed titles of its cross-references blanked out (the same length)."""
    if "(" not in text:
        return text
    spans: list[tuple[int, int]] = []
    run_end, keep = -1, False  # where the last list of references ended, and whether its titles were kept
    for m in _FIRST.finditer(text):
        # a reference that continues a list ("Section 9.0 (…), Section 11.0 (…)") shares the list's reading
        if not (run_end >= 0 and _JOINER.fullmatch(text, run_end, m.start())):
            keep = _BREACH_OF.search(text, max(0, m.start() - 60), m.start()) is not None
        titles = [m.span("t")]
        pos = m.end()
        while (n := _NEXT.match(text, pos)) is not None:
            titles.append(n.span("t"))
            pos = n.end()
        run_end = pos
        if not keep:
            spans.extend(titles)
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


# a bare reference to a clause of the contract, and one more joined to it: "obligations under clause 8 or 9", "sine
# forpligtelser efter pkt. 4 eller 5", "§ 8 og § 9"; not one that gives its title already
_BARE = re.compile(r"(?<![\w.])(?:[Ss]ections?|[Cc]lauses?|[Pp]kt\.|[Pp]unkt(?:erne)?|§§?)\s*(?P<a>\d{1,3}(?:\.\d{1,3})*)"
                   r"(?:\s*(?:,|or|and|eller|og)\s+(?:§\s*)?(?P<b>\d{1,3}(?:\.\d{1,3})*))?(?![\w.]*\s*\()(?![\d.]*\d)")


def section_titles(clauses: Iterable[Clause]) -> dict[str, str]:
    """Each numbered section's title, by its number ("8" → "Informationssikkerhed"; "§ 8" is "8")."""
    out: dict[str, str] = {}
    for clause in clauses:
        number = (clause.section or "").removeprefix("§").strip()
        if clause.heading and re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", number):
            out.setdefault(number, clause.heading.strip())
    return out


def title_edits(text: str, titles: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where a breach of duties is cited by a bare clause number ("tilsidesætter sine forpligtelser efter pkt. 4 eller
    5", "breaches its obligations under clause 8"), the reference read with the clauses' titles after it in brackets, as
    a contract that names them writes it: (start, end, words) for each. The rules then read what was breached."""
    out = []
    for m in _BARE.finditer(text):
        if not _BREACH_OF.search(text[max(0, m.start() - 60):m.start()]):
            continue
        names = [t for n in (m.group("a"), m.group("b")) if n and (t := titles.get(n) or titles.get(n.split(".")[0]))]
        if names:
            out.append((m.start(), m.end(), f"{m.group(0)} ({'; '.join(dict.fromkeys(names))})"))
    return out
