"""Segment: blocks into clauses (by section number) and clauses into sentences.

A contract sentence is long and full of full stops that end nothing: "e.g.", "Inc.", "No. 5",
"Sec. 4.2", "U.S.", "EUR 2.5 million", "(a)" list markers after a colon. The splitter only cuts
at ". ! ?" followed by a space and a capital letter, a digit-led clause number or a quote, and not
after a known abbreviation or an initial. Semicolons and colons never end a sentence; an inline
"(a) …; (b) …" list, or a list that runs on in semicolons after a colon, is read as its lead-in, then
each item after the lead-in ("The Customer shall not (c) scrape the Service"), so the subject, the verb
and the "not" reach every item however long the list (a definition's parts stay the definition's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import accumulate

from .ingest.sections import is_list_item, split_number, starts_with_bullet
from .model import Block, Clause, Sentence
from .sentences import split_sentences

_MAX_LEAD_IN = 600
# '"Personal Data Breach" means …', '1.4 “Services” shall mean …': a definition states no obligation
_DEFINITION = re.compile(r'^\s*(?:[-•–*]\s+)?(?:\(?[0-9a-z.]{1,6}\)?\s+)?["“‘\'][^"”’\']{1,80}["”’\']\s*(?:\([^)]{0,40}\)\s*)?'
                         # a second name: '"Standard Contractual Clauses" or "SCCs" means …'
                         r'(?:(?:or|and|eller|og)\s+["“‘\'][^"”’\']{1,40}["”’\']\s*)?'
                         # "mean" and "refer to" after a plural term: '"Standard Contractual Clauses" mean …'; a dash or a
                         # colon in a list of definitions: '"Processing" - any operation …', '“Standard Contractual Clauses”:'
                         r'(?:(?:means|mean|shall mean|has the meaning|have the meaning|refers to|refer to|betyder|forstås)\b'
                         r'|[-–—:](?:\s|$))',
                         re.IGNORECASE)
# the same without quotes, as Markdown leaves a bold term ("**Customer Data** means …") and plain
# drafting writes it: a capitalised term of a few words, then "means"; or a term of two or more
# capitalised words and a common noun or two ("Abuse Reporting page means the page …")
_DEF_START = r"^\s*(?:[-•–*]\s+)?(?:\(?[0-9a-z.]{1,6}\)?\s+)?"
_NOT_A_TERM = r"(?!(?:This|That|It|Which|What|These|Those|Such|Each|Any|All|Det|Dette|Denne|Hvilket{the})\b)"
_CAPITALISED = r"[A-ZÆØÅ][\w’'-]*"
_MEANS = r"(?:means|shall mean|betyder)\b"
# a plural mark or a colon after the term: "10. User(s): means the natural person …"
_TERM_END = r"(?:\((?:s|es|er|e)\))?\s*:?\s+"
_PLAIN_DEFINITION = re.compile(_DEF_START + _NOT_A_TERM.format(the="") + _CAPITALISED
                               + r"(?:\s+(?:" + _CAPITALISED + r"|of|on|and|for|to|af|og|til|for)){0,5}" + _TERM_END + _MEANS)
_PLAIN_DEFINITION_TAIL = re.compile(_DEF_START + _NOT_A_TERM.format(the="|The") + _CAPITALISED
                                    + r"(?:\s+" + _CAPITALISED + r"){1,4}(?:\s+[a-zæøå][\w’'-]*){1,2}\s+" + _MEANS)
# "7.1 resell or sublicense …": a numbered line that continues a sentence (it starts in lower case)
_LOWER_NUMBERED_ITEM = re.compile(r"\s*\d{1,2}[A-Z]?(?:\.\d{1,2})+\.?\s+[a-zæøå]")
_LOWER_SINGLE_ITEM = re.compile(r"\s*\d{1,2}[.)]\s+[a-zæøå]")
_UNMARKED_ITEM = re.compile(r"\s*[a-zæøå][^\n]*[;,]\s*(?:and|or|og|eller)?\s*$", re.DOTALL)
# a line that closes the sentence of the list above it starts in lower case ("you shall notify us of the same")
_LOWER_START = re.compile(r"\s*[a-zæøå]")
_MAX_CLOSED_ITEMS = 12
# a sentence that introduces a list: "… for any:", "… the greater of", "shall not —"
_LEAD_IN = re.compile(r"(?::|—|–|-|\b(?:of|any|following|to|and|or|the|shall|must|will|not|af|til|om|at|og|eller|skal|"
                      r"ikke|følgende|herunder))\s*$", re.IGNORECASE)
# a sentence of a few words that stops without a full stop ("Databehandleren oplyser i underretningen" above "a) hvad der
# er sket; b) …"): the list below it finishes it
_UNFINISHED = re.compile(r"^\S+(?:\s+\S+){3,}[a-zæøåA-ZÆØÅ]$")
# an item that starts with an infinitive, so it cannot stand alone: "1) at bruge robotter …", "(b) to resell …"
_INFINITIVE_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|\(?[a-z]\)|\(\d{1,2}\))\s+(?:at|to)\s+[a-zæøå]")


# a table of contents run into one paragraph, as PDFs and filings give it: "11. TERMINATION 11.1 For Convenience
# 11.2 For Cause 11.3 …", "Termination 14.1 Termination for Cause 33 14.2 …": clause titles (with page numbers),
# one after another, that say nothing; a clause that quotes a few section numbers has verbs between them
_CONTENTS_ENTRY = re.compile(r"(?:^|\s)(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.)\s+(?=[A-ZÆØÅ])")
_CONTENTS_TITLE = re.compile(r"\s*(?:table\s+of\s+contents|contents|indholdsfortegnelse|indhold)\b", re.IGNORECASE)
_VERB = re.compile(r"\b(?:shall|will|must|may|agrees?|is|are|be|skal|kan|må|er|være)\b", re.IGNORECASE)
_MIN_CONTENTS_ENTRIES = 4
_MAX_WORDS_PER_ENTRY = 12


# a title and its page joined by a row of dots (a dot leader), as a table of contents writes each line
_DOT_LEADER = re.compile(r"(?:\.\s?){6,}\s*\d{0,4}|…{3,}\s*\d{0,4}")
_MAX_LEADER_LINE = 160  # the words of one entry


def is_contents(text: str) -> bool:
    """Whether a block is a table of contents: four or more numbered titles (two under a "Contents" title)
    with next to no verbs between them, not a sentence listing clauses ("clauses 5 Security, 6 Liability and
    7 Audit survive termination."), which separates them by commas and ends in a full stop."""
    leaders = len(_DOT_LEADER.findall(text))
    if leaders and len(_DOT_LEADER.sub(" ", text)) <= _MAX_LEADER_LINE * leaders:
        # lines of a table of contents: "11 Sletning og tilbagelevering af oplysninger ........ 14", one or run together
        return True
    entries = len(_CONTENTS_ENTRY.findall(text))
    needed = 2 if _CONTENTS_TITLE.match(text) else _MIN_CONTENTS_ENTRIES
    if entries < needed or len(text.split()) > _MAX_WORDS_PER_ENTRY * entries:
        return False
    if text.rstrip().endswith(".") and entries < 2 * _MIN_CONTENTS_ENTRIES:
        return False
    return len(_VERB.findall(text)) * 2 * _MIN_CONTENTS_ENTRIES <= entries and text.count(",") * 2 < entries


# a time word defined is a deadline, not a term: '"Without undue delay" means the notice is sent within 48 hours'
_TIME_TERM = re.compile(_DEF_START + r"[\"“‘']?(?:without\s+undue\s+delay|promptly|prompt|immediately|immediate|"
                        r"as\s+soon\s+as\s+(?:reasonably\s+)?(?:possible|practicable)|uden\s+unødig\s+forsinkelse|"
                        r"uden\s+ugrundet\s+ophold|straks|omgående|hurtigst\s+muligt)[\"”’']?\s", re.IGNORECASE)


# a breach notice or report defined by what it holds or how it goes is a statement of the notice's content (or channel),
# read as any sentence: '"Incident Report" means a written report that sets out the cause, the data affected …'
_NOTICE_TERM = re.compile(_DEF_START + r"[\"“‘'»]?(?:[\w-]+\s+){0,2}?(?:security\s+)?(?:incident|breach|hændelses|brud)"
                          r"\s*(?:report|notice|notification|rapport|underretning|meddelelse)(?:s|en|er)?[\"”’'«]?\s",
                          re.IGNORECASE)


# a definition that goes on to say what follows for the reader is a rule too: "Unlimited means normal household use, so
# you can't use the plan to run a call centre", "Fri brug betyder almindelig privat brug, så du må ikke …"
_DEFINITION_THEN_DUTY = re.compile(
    r"[,;]\s*(?:so|and\s+so|therefore|which\s+means(?:\s+that)?|så|og\s+derfor|hvilket\s+betyder(?:,?\s+at)?)\s+"
    r"(?:you|we|users?|members?|customers?|du|vi|brugeren|medlemmet|kunden)\s+"
    r"(?:can't|cannot|can\s+not|must|may|shall|should|will|won't|skal|må|kan\s+ikke|bør)\b", re.IGNORECASE)


def _is_definition(piece: str) -> bool:
    if _TIME_TERM.match(piece) or _NOTICE_TERM.match(piece) or _DEFINITION_THEN_DUTY.search(piece):
        return False
    return bool(_DEFINITION.match(piece) or _PLAIN_DEFINITION.match(piece) or _PLAIN_DEFINITION_TAIL.match(piece))


def clauses_of(blocks: Iterable[Block]) -> list[Clause]:
    """Group consecutive blocks that share a section number (a heading starts a new clause)."""
    clauses: list[Clause] = []
    current: list[Block] = []

    def flush() -> None:
        if current:
            clauses.append(_make_clause(list(current), len(clauses)))
            current.clear()

    for block in blocks:
        if not block.text.strip():
            continue
        if current and (block.section != current[-1].section or block.kind == "heading"):
            flush()
        current.append(block)
    flush()
    _carry_lead_ins(clauses)
    for clause in clauses:
        _answer_after_question(clause)
    return clauses


_MAX_QUESTION = 200  # a question a short answer is read with: one line of a FAQ, a heading or a bold run-in question


def _answer_after_question(clause: Clause) -> None:
    """Terms written as questions and answers ("How quickly will you tell us about a breach? Within one working day of
    confirming it.", "**Hvor ligger dine data?** Hos en dansk hostingudbyder."): the answer's first sentence is read
    after its question, as a list item after its lead-in, so the subject and the verb the question holds reach it."""
    sentences = clause.sentences
    for i in range(len(sentences) - 1):
        question, answer = sentences[i], sentences[i + 1]
        asked = question.text[question.lead:].strip()
        if (asked.endswith("?") and len(asked) <= _MAX_QUESTION and not answer.lead and answer.kind == "text"
                and not answer.text.rstrip().endswith("?")):
            sentences[i + 1] = replace(answer, text=f"{asked} {answer.text}", lead=len(asked) + 1)


def _carry_lead_ins(clauses: list[Clause]) -> None:
    """A clause that ends by introducing a list ("6 … you agree not to:") whose items are its own
    numbered sub-clauses ("6.1 …", "6.2 …"): each item's first sentence is read with that lead-in,
    as a lettered list item is, so the subject and the verb (and the "not") reach the item."""
    for i, clause in enumerate(clauses):
        if restarted := _restarted_list_lead(clause):
            _carry_into_fresh_list(clauses, i, restarted, first=2)  # item 1 is the clause's own last paragraph
            continue
        last = clause.blocks[-1].text.rstrip()
        if not last.endswith(":") or not clause.sentences or len(last) > _MAX_LEAD_IN:
            continue
        lead_in = clause.sentences[-1].text
        _carry_into_groups(clauses, i, lead_in)
        # (or in a numbered clause whose list starts again from 1: "1. Vilkår … Ved brud gælder følgende:" over "1. …",
        # "2. …", which the reader took for clauses 1, 2 again)
        if not clause.section or (i + 1 < len(clauses) and clauses[i + 1].section == "1"):
            _carry_into_fresh_list(clauses, i, lead_in)
            continue
        # the lead-in may be a numbered sub-clause of its own, run into the paragraph before it ("… if
        # already paid. 6.1.3 immediately by either party on notice if the other:"): its items are 6.1.3.x
        own = split_number(lead_in)[0]
        child = (own if own and own[:1].isdigit() else clause.section) + "."
        for item in clauses[i + 1:]:
            if not (item.section or "").startswith(child):
                break
            _read_first_with(item, lead_in)


def _read_first_with(item: Clause, lead_in: str) -> None:
    """An item clause's first sentence read after ``lead_in`` (unless it is read with a lead-in already)."""
    first = item.sentences[0] if item.sentences else None
    if first is not None and not first.lead and first.kind == "text":
        item.sentences[0] = replace(first, text=f"{lead_in} {first.text}", lead=len(lead_in) + 1)


_MAX_FRESH_ITEM = 400  # an item of a list numbered from 1 under an unnumbered lead-in is one short paragraph


def _carry_into_fresh_list(clauses: list[Clause], i: int, lead_in: str, first: int = 1) -> None:
    """A lead-in in an unnumbered clause ("We may also close your account at any time if:") over a list numbered
    from 1 that the reader took for clauses 1, 2, 3: each item's first sentence is read with the lead-in. The items
    are the clauses numbered 1, 2, … right after it whose first block is a short paragraph under no heading of its
    own; numbered clauses with titles after a preamble ("1. Scope. …" after "The parties agree as follows:") are
    not such items. ``first``: the number the first of those clauses has."""
    for k, item in enumerate(clauses[i + 1:], start=first):
        first_block = item.blocks[0]
        if (item.section != str(k) or item.heading or first_block.kind != "paragraph"
                or len(first_block.text) > _MAX_FRESH_ITEM):
            break
        _read_first_with(item, lead_in)


def _carry_into_groups(clauses: list[Clause], i: int, lead_in: str) -> None:
    """A lead-in whose list is split into groups under small headings of their own ("You agree not to:" then
    "#### Security Violations" with its bullets, "#### Resource Abuse" with its bullets): each item of each group is
    read with the lead-in. The groups are the clauses right after it, in the same section, that hold only a heading
    and list items."""
    section = clauses[i].section
    for group in clauses[i + 1:]:
        body = group.blocks[1:]
        if (group.section != section or group.blocks[0].kind != "heading" or not body
                or not all(b.kind == "list-item" or is_list_item(b.text) or starts_with_bullet(b.text) for b in body)):
            break
        for k, sentence in enumerate(group.sentences):
            if sentence.kind == "text" and not sentence.lead:
                group.sentences[k] = replace(sentence, text=f"{lead_in} {sentence.text}", lead=len(lead_in) + 1)


def _make_clause(blocks: list[Block], index: int) -> Clause:
    starts = list(accumulate((len(b.text) + 1 for b in blocks[:-1]), initial=0))  # where each block begins in text
    text = "\n".join(b.text for b in blocks)
    heading = next((b.heading for b in blocks if b.heading), None)
    clause = Clause(section=blocks[0].section, heading=heading, blocks=blocks, text=text, block_starts=starts)
    lead_in: str | None = None
    # a sentence before a numbered item that starts in lower case ("6.1 This agreement may be terminated;"
    # above "6.1.1 by either party …") is its lead-in whatever it ends with: the item continues it
    loose_lead: str | None = None
    # the items that introduce a nested list ("(c) … may terminate the contract where:" above
    # "(i) …", "(ii) …"), as (level, the sentence read with its own lead-in), outermost first
    item_leads: list[tuple[int, str]] = []
    # the items read with a lead-in ending in ":" so far, for the words that close their sentence below them
    closed_by: tuple[str, list[str]] | None = None
    items_level = 0  # how deep the first item read with the current lead-in sits (see _lead_in_reaches)
    for block, start in zip(blocks, starts):
        if is_contents(block.text):  # a table of contents is read as no sentence
            lead_in = loose_lead = None
            item_leads.clear()
            closed_by = None
            continue
        item = _is_item(block, lead_in)
        # "In the event: (a) …; or (b) you suspect unauthorised use …; | you shall immediately notify us of the same": the
        # line in lower case after the items ends each item's sentence, so its first sentence is read once per item
        closing = closed_by if not item and closed_by and _LOWER_START.match(block.text) else None
        if not item:
            lead_in = None
            item_leads.clear()
            closed_by = None
            items_level = 0
        # how deep the item sits: Markdown indentation or HTML nesting, else its number ("6.1.3.1" under "6.1.3")
        level = block.level or (_number_depth(block.text) if item else 0)
        if item and lead_in and not item_leads and block.level:
            lead_in, items_level = _lead_in_reaches(lead_in, block.level, items_level)
        while item_leads and item_leads[-1][0] >= level:
            item_leads.pop()  # back out of the lists this item is not nested in
        own_lead = lead_in
        if item and not lead_in and loose_lead and _continues(block.text, loose_lead):
            lead_in = own_lead = loose_lead
        if item and item_leads:
            lead_in = item_leads[-1][1]
        def add(before: str, s: int, e: int, kind: str) -> None:
            """The sentence block.text[s:e], read after ``before`` (its lead-in) when there is one."""
            clause.sentences.append(Sentence(text=f"{before} {block.text[s:e]}" if before else block.text[s:e],
                                             clause_index=index, start=start + s, end=start + e, page=block.page,
                                             section=block.section, lead=len(before) + 1 if before else 0, kind=kind,
                                             anchor=block.anchor))

        for what, s, e in _with_inline_items(block.text, split_sentences(block.text)):
            if what == "item":  # an inline list's item: s is its lead-in's span, e its own
                inline_lead = block.text[s[0]:s[1]]
                add(f"{lead_in} {inline_lead}" if item and lead_in else inline_lead, e[0], e[1], "text")
                continue
            # a run-in title is its block's first sentence
            kind = "heading" if block.kind == "heading" or (s == 0 and _is_run_in_title(block.text[:e], heading)) else what
            if closing:
                for own in closing[1]:
                    add(f"{closing[0]} {own}", s, e, kind)
                closing = None
                continue
            if item and lead_in and lead_in.rstrip().endswith(":") and e - s < _MAX_LEAD_IN:
                # the items of a list whose lead-in ends in ":" (not an inline list's), for a closing line below them
                if closed_by is None or closed_by[0] != lead_in:
                    closed_by = (lead_in, [])
                if len(closed_by[1]) < _MAX_CLOSED_ITEMS:
                    closed_by[1].append(block.text[s:e])
            # "(a) loss of profits" is read with its lead-in "neither party shall be liable for any:"
            add(lead_in if item and lead_in else "", s, e, kind)
        if not item:
            last = clause.sentences[-1].text if clause.sentences else ""
            lead_in = last if _opens_a_list(clause, block, last) else None
            loose_lead = last if len(last) < _MAX_LEAD_IN else None
        else:
            lead_in, loose_lead = own_lead, loose_lead if own_lead else None  # (an item read alone: none for the next)
            sentence = clause.sentences[-1] if clause.sentences else None
            last = sentence.text if sentence else ""
            if level and last.rstrip().endswith(":") and len(last) < _MAX_LEAD_IN:
                # its depth is its own number's ("6.1.3 … if the other:" inside item 6.1.2), not its lead-in's
                item_leads.append((_number_depth(last[sentence.lead:]) or level, last))
    return clause


def _continues(item: str, loose_lead: str) -> bool:
    """Whether a list item goes on with the short line above it that ends with no ":": a numbered item in lower case
    ("6.1.1 by either party …" under "6.1 This agreement may be terminated"), or an item in the infinitive under an
    unfinished line ("1) at bruge robotter …" under "Det er ikke tilladt", which the reader took for a short heading)."""
    return bool(_LOWER_NUMBERED_ITEM.match(item)
                or (_INFINITIVE_ITEM.match(item) and _UNFINISHED.match(loose_lead.strip())))


def _opens_a_list(clause: Clause, block: Block, last: str) -> bool:
    """Whether ``last``, the last sentence of a block that is no list item, is the lead-in of items below it: it ends
    as a lead-in does (":", "the following", "af") or stops, a sentence of a few words, without a full stop."""
    if len(last) >= _MAX_LEAD_IN:
        return False
    unfinished = (block.kind != "table-row" and bool(clause.sentences) and clause.sentences[-1].kind != "heading"
                  and bool(_UNFINISHED.match(last.strip())))
    return bool(_LEAD_IN.search(last)) or unfinished


def _lead_in_reaches(lead_in: str, level: int, items_level: int) -> tuple[str | None, int]:
    """The paragraph lead-in an item as deep as ``level`` (Markdown indentation, HTML nesting) is read with, when it
    is in that lead-in's list whose first item sat at ``items_level`` (0: this is the first), else None; and the
    level to remember. An item less deep than the first is not in the list: "2. … including:" over "1. …", "2. …",
    then "3. However, … confidential:" back at the outer level is 2.'s sibling, not its item."""
    if items_level and level < items_level:
        return None, items_level
    return lead_in, items_level or level


def _is_run_in_title(piece: str, heading: str | None) -> bool:
    """Whether a sentence is the run-in title that heads its clause ("2. Authorized Use." before "The data shared
    … shall be used …"): it is read as the clause's heading, not as a sentence of its own."""
    return bool(heading) and split_number(piece)[1].strip().rstrip(".:").strip() == heading


def _is_item(block: Block, lead_in: str | None) -> bool:
    after_colon = bool(lead_in and lead_in.rstrip().endswith(":"))
    return (is_list_item(block.text) or starts_with_bullet(block.text) or block.kind == "list-item"
            or bool(_LOWER_NUMBERED_ITEM.match(block.text))
            # "5. using data mining …" under "… must not do anything unlawful, including:": a numbered line
            # that starts in lower case after a lead-in continues it, whatever its number
            or (after_colon and bool(_LOWER_SINGLE_ITEM.match(block.text)))
            # an unmarked item: "You must not use the service to:" over "resell or provide the hosted service to third
            # parties;" (a paragraph in lower case that ends as a list item does)
            or (after_colon and len(block.text) < _MAX_LEAD_IN and bool(_UNMARKED_ITEM.match(block.text)))
            # "1. …" again inside clause 1 ("1. Vilkår" … "Ved brud gælder følgende:" over "1. Databehandleren …"): the
            # clause's own number cannot start it a second time, so a list numbered from 1 starts under the lead-in
            or (after_colon and block.section == "1" and bool(_RESTART_ITEM.match(block.text))
                and len(block.text) <= _MAX_FRESH_ITEM))


_RESTART_ITEM = re.compile(r"1[.)]\s+\S")


def _restarted_list_lead(clause: Clause) -> str | None:
    """The lead-in of a list numbered from 1 that starts inside clause 1 (see _is_item), when the clause ends with its first
    item: the items after it were taken for clauses 2, 3, …"""
    last = clause.sentences[-1] if clause.sentences else None
    if (clause.section == "1" and last is not None and last.lead and _RESTART_ITEM.match(clause.blocks[-1].text)
            and len(clause.blocks) > 1):
        return last.text[:last.lead - 1]
    return None


# an inline list's markers: "(a)", "(b)" …, "(i)", "(ii)" …, "(1)", "(2)" … after a space, before a word
# capitals too, as contracts in capitals write them: "(A) ANY INDIRECT … OR (B) ANY AMOUNT … IN EXCESS OF …"
_INLINE_MARK = re.compile(r"(?:(?<=\s)|^)\((?P<m>[a-zA-Z]|[ivxIVX]{1,5}|\d{1,2})\)\s+(?=\S)")
_MARK_SEQUENCES = ([chr(ord("a") + k) for k in range(26)],
                   ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"],
                   [str(k) for k in range(1, 100)])


def _outer_marks(found: list[re.Match[str]], after: tuple[list[str], int] | None = None) -> list[re.Match[str]]:
    """The markers of the outer list, in order from its first: (a), (b), (c) … or (i), (ii) … or (1), (2) …; a list
    nested in an item ("(e) use the data in a manner that (i) …, (ii) …") stays inside that item. With ``after`` (a
    sequence and how many of its markers came before), the list continues one cut off above: "(viii)", "(ix)" …"""
    if after is not None:
        seq, done = after
        if not found or done >= len(seq) or _mark(found[0]) != seq[done]:
            return []
    else:
        seq = next((q for q in _MARK_SEQUENCES if found and _mark(found[0]) == q[0]), None)
        done = 0
    if seq is None:
        return []
    out: list[re.Match[str]] = []
    for m in found:
        mark = _mark(m)
        if done + len(out) < len(seq) and mark == seq[done + len(out)]:
            out.append(m)
        elif mark in seq and mark not in _MARK_SEQUENCES[1]:
            # the outer list's own kind out of order ("clauses (a) and (b)"): not a list read here; "(i)" after "(d)" is
            # the first of a nested roman list, not the letter i
            return []
    return out


def _mark(m: re.Match[str]) -> str:
    """An inline list marker's letter, numeral or number, in lower case ("(B)" is the second item as "(b)" is)."""
    return m.group("m").lower()


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """The span ``a:b`` without the white space at either end."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _with_inline_items(text: str, spans: list[tuple[int, int]]) -> list[tuple]:
    """The sentences of a block as ``(kind, start, end)``: ``("definition" | "text", s, e)`` for a sentence read
    as it is, and for each sentence that holds an inline list ("The Customer shall not: (a) resell the Service;
    (b) scrape it; or (c) …", or items that run on in semicolons after a colon) its lead-in on its own, then one
    ``("item", lead span, item span)`` per item. Each item is read after the lead-in, so its subject, verb and
    "not" reach it, however long the list."""
    out: list[tuple] = []
    # an inline list whose sentence was cut for length (at a semicolon, see split_sentences): its lead-in, its markers'
    # sequence and how many of them came so far, so the rest of the list is read with the same lead-in
    open_list: tuple[tuple[int, int], list[str], int] | None = None
    for s, e in spans:
        # a definition's parts stay its own ('"Loss" means any (a) … (b) …'): a definition states no obligation
        if _is_definition(text[s:e]):
            out.append(("definition", s, e))
            open_list = None
            continue
        marks = list(_INLINE_MARK.finditer(text, s, e))
        before = s - 1
        while before >= 0 and text[before].isspace():
            before -= 1
        cut_above = open_list is not None and before >= 0 and text[before] == ";"
        rest = _outer_marks(marks, open_list[1:]) if cut_above and marks and marks[0].start() == s else []
        if rest:
            lead = open_list[0]
            ends = [m.start() for m in rest[1:]] + [e]
            out.extend(("item", lead, _trimmed(text, m.start(), end)) for m, end in zip(rest, ends))
            open_list = (lead, open_list[1], open_list[2] + len(rest))
            continue
        open_list = None
        found = _outer_marks(marks)
        if len(found) >= 2 and found[0].start() - s >= 12:
            lead = _trimmed(text, s, found[0].start())
            ends = [m.start() for m in found[1:]] + [e]
            items = [_trimmed(text, m.start(), end) for m, end in zip(found, ends)]
            seq = next(q for q in _MARK_SEQUENCES if q[0] == _mark(found[0]))
            open_list = (lead, seq, len(found))
        else:
            lead, items = _semicolon_items(text, s, e)
        if not items or lead[1] - s > _MAX_LEAD_IN:
            out.append(("text", s, e))
            open_list = None
            continue
        out.append(("text", *lead))
        out.extend(("item", lead, item) for item in items)
    return out


def _semicolon_items(text: str, s: int, e: int) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """A sentence whose lead-in ends in a colon and whose list runs on in semicolons ("Customer will not …
    to: use …; use … for timesharing …; copy …"): the lead-in's span and the items' spans; no items for any
    other sentence."""
    colon = text.find(":", s, e)
    # a semicolon that ends the sentence ("…; or" cut off before the next item) ends the last item, it makes no empty one
    last = _trimmed(text, s, e)[1] - 1
    cuts = [i for i in range(colon + 1, last) if text[i] == ";"] if colon - s >= 12 else []
    if len(cuts) < 2:
        return (s, e), []
    bounds = [colon + 1, *[c + 1 for c in cuts], e]
    items = [_trimmed(text, a, b) for a, b in zip(bounds, bounds[1:])]
    if any(b - a < 10 for a, b in items):
        return (s, e), []
    return (s, colon + 1), items


def _number_depth(text: str) -> int:
    """How many levels a numbered item's number has ("6.1.3.1 fails to pay" → 4), 0 without a number."""
    m = _ITEM_NUMBER.match(text)
    return m.group(1).count(".") + 1 if m else 0


_ITEM_NUMBER = re.compile(r"\s*(\d{1,2}[A-Z]?(?:\.\d{1,2})+)\.?\s")
