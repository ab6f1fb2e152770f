"""Sentences: where one sentence of a block ends and the next begins.

A contract sentence is full of full stops that end nothing: "e.g.", "Inc.", "No. 5", "Sec. 4.2", "U.S.", Danish
"jf.", "pkt.", "bl.a.", "EUR 2.5 million". The splitter cuts only at ". ! ?" followed by a space and a capital
letter, a digit-led clause number, a quote or a bullet, and not after a known abbreviation or an initial (but an
annex's letter, "bilag B.", an amount's "kr." before a capitalised word, and a company form before a word that opens
sentences, "… Hollin Tech Inc. All rights reserved.", do end a sentence).
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset("""
e.g i.e etc inc ltd llc co corp no nos sec secs art arts cl para paras p pp vs v viz approx incl
excl esp fig min max dept est jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof st
u.s u.k e.u n.a s.a b.v a/s aps a.s gmbh ag plc pty cf ca av ref nr stk jf bl.a f.eks mv evt ca hhv
pkt ifm inkl ekskl kr jr sr pr dvs iht vedr osv tlf afs ang m.fl m.m o.l jfr
p.t pga mht vha iflg ift fx kap afsn mio mia jvf m.v bl.a o.a ovenn nedenn rs maks
""".split())

# a sentence ends before a capital, a number or a quote, also when a bullet glyph stands before it (a PDF's list
# run into one paragraph: "… their account. ● Users should inform …")
# (a lower-case item letter after a full stop starts a sentence too: "… on the Service. b. You retain your rights …")
# (a page kept as a list of strings in code ends a sentence at the quote, the comma and the next quote: '… instruksen.",
# "Oplysningerne bruges …')
# (a full stop with no space after it, between two words, ends a sentence too, as text run together by a page's markup
# has it: "… disse vilkår.Vi kan …"; not in "bl.a.", a domain or a number)
_BOUNDARY = re.compile(r"(?<=[.!?])(?P<close>[\"”’)]?)(?:(?:(?<=[\"”]),(?=\s+[\"“]))?\s+(?=(?:[•●▪◦‣⁃∙■]\s*|[-–*]\s+)?[\"“(]?[A-ZÆØÅ0-9]|(?:[a-z]|[ivx]{1,4})\.\s+[A-ZÆØÅ])"
                       r"|(?<=[a-zæøå]{3}\.)(?=[A-ZÆØÅ][a-zæøå]+\b))")
# the word that names a part of the contract before its letter: "Annex B.", "bilag B.", "Schedule C."
_LABELLED = re.compile(r"\b(?:annex|appendix|schedule|exhibit|attachment|bilag|appendiks)\s+[A-Za-z]\.$", re.IGNORECASE)
_LAST_WORD = re.compile(r"([A-Za-zÆØÅæøå./]+)\.[\"”)]?$")
_LIST_NUMBER = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Za-z]\.|[ivxIVX]{1,4}\.)")
_MAX_SENTENCE_CHARS = 1500


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one block."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start() + len(m.group("close"))
        if ((_is_abbreviation(text, cut) and not _ends_amount(text, cut) and not _ends_company(text, cut))
                or _is_list_number(text, start, cut)):
            continue
        spans.append((start, cut))
        start = m.end()
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e <= s:
            continue
        # very long runs (tables flattened into text, run-on ALL CAPS) are cut at semicolons
        while e - s > _MAX_SENTENCE_CHARS:
            cut = text.rfind(";", s, s + _MAX_SENTENCE_CHARS)
            cut = cut + 1 if cut > s else s + _MAX_SENTENCE_CHARS
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out


def _is_abbreviation(text: str, end: int) -> bool:
    """Does the full stop ending at ``end`` belong to an abbreviation or an initial?"""
    if text[end - 1:end] != "." and text[end - 2:end] not in ('."', ".”", ".)"):
        return False
    chunk = text[max(0, end - 20):end]
    m = _LAST_WORD.search(chunk)
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in ABBREVIATIONS:
        return True
    # an initial: "J. Smith", "a. the first item"; not the letter of an annex ("… fremgår af bilag B. Stk. 2 …"), nor
    # the letter that closes an amount ("… and (b) £500k. Neither party …")
    return (len(word) == 1 and word.isalpha() and not chunk[m.start(1) - 1:m.start(1)].isdigit()
            and not _LABELLED.search(text[max(0, end - 30):end]))


# an abbreviation that closes an amount ends its sentence when a capitalised word follows: "… mindst 10 mio. kr.
# Leverandørens samlede ansvar …" (not "kr. 500.000", "mio. DKK", "mio. Kr.", where the amount goes on)
_AMOUNT_END = re.compile(r"\d[\d.,]*\s*(?:mio|mia|mill)?\.?\s*kr\.$|\d[\d.,]*\s*(?:mio|mia|mill)\.$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[\"”’)]?\s+[\"“(]?(?!(?:Kr|Kroner|Euro|Dollars?|Mio|Mia)\b)[A-ZÆØÅ][a-zæøå]")


def _ends_amount(text: str, end: int) -> bool:
    return bool(_AMOUNT_END.search(text[max(0, end - 30):end]) and _NEXT_WORD.match(text, end))


# a company form that closes a name ends its sentence when a word that opens sentences follows: "… operated by Acme
# Inc. All rights reserved.", "… Nordlys ApS. Du kan …" (not "Acme Inc. Customer Support", "Co. Ltd.", "A/S. CVR")
_COMPANY_END = re.compile(r"\b(?:inc|ltd|llc|corp|co|plc|gmbh|ag|pty|a/s|aps)\.[\"”)]?$", re.IGNORECASE)
_OPENER = re.compile(r"[\"”’)]?\s+[\"“(]?(?:The|This|These|Those|That|Each|Either|Neither|If|In|Any|All|We|You|Our|"
                     r"Your|It|Such|No|Nothing|Notwithstanding|Upon|For|Unless|When|Where|Except|Subject|"
                     r"Kunden|Leverandøren|Aftalen|Parterne|Vi|Du|Hvis|Denne|Dette|Disse|Der|Det|Den|De|Ved|Alle|"
                     r"Enhver|Såfremt|Når|Ingen|Vores|Din|Dine|Jeres)\b(?![/.-])")


def _ends_company(text: str, end: int) -> bool:
    return bool(_COMPANY_END.search(text[max(0, end - 8):end]) and _OPENER.match(text, end))


def _is_list_number(text: str, start: int, end: int) -> bool:
    """A full stop after a bare clause number at the start ("12. Term") is not a sentence end."""
    return bool(_LIST_NUMBER.fullmatch(text[start:end]))
