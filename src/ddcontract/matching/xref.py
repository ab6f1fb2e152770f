"""Cross-references: the title a contract gives in brackets after a reference to one of its own clauses
("… will survive, including sections 3 (Confidentiality), 5 (Limitation of Liability) and 7 (Ownership;
Customer Data)", "jf. pkt. 9 (Ophævelse)") names that clause; it says nothing in the sentence that cites it.

Matching reads such a title as blank: :func:`blank_titles` replaces its characters with spaces, so every
offset stays where it was and quotes are still taken from the document's own text. A title that names what was
breached ("claims arising from a breach of Section 6 (Information Security)") is kept: there it says which duties.
"""

from __future__ import annotations

import re

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
                        r"misligholdelse|misligholder|overtrædelse|overtræder|brud)\b[^.;:]{0,50}$", re.IGNORECASE)
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
