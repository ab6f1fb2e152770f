"""Match: run the clause library's patterns over each sentence of each clause (a match never
spans two sentences), drop a rule's hits in a sentence that also matches one of its ``unless``
patterns, and extract the rule's values from the match's window (sentence, list or clause).
"""

from __future__ import annotations

import functools
import re

from collections.abc import Callable, Iterable
from typing import Any

from ..ingest.sections import paragraph_of
from ..model import Clause, Match, Sentence, TermUse
from ..rules import Library, Rule
from ..terms import DefinedTerm, Reading, declared_dollar, defined_amounts, defined_periods, reader_for, with_periods
from ..values import EXTRACTOR_FUNCS
from .xref import blank_titles


def match_clauses(clauses: list[Clause], library: Library, lang: str) -> list[Match]:
    matcher = library.matcher(lang)
    rules = {r.id: r for r in library.rules if r.lang(lang) is not None}
    reader = reader_for(clauses, lang)
    # the sums the contract defines, read once and only when a cap names none (most contracts never ask)
    amounts = functools.cache(lambda: defined_amounts(clauses, lang))
    periods = functools.cache(lambda: defined_periods(clauses, lang))  # "'Notification Period' means 48 hours"
    dollar = functools.cache(lambda: declared_dollar(clauses))  # "All amounts are in New Zealand dollars"
    cache = matcher.hits
    hits: dict[int, list[tuple[str, int, int, str]]] = {}
    readings: dict[int, Reading] = {}
    todo = []
    units = []
    for clause in clauses:
        for sentence in clause.sentences:
            if sentence.kind == "definition":
                continue
            reading = reader.read(sentence) if reader else None
            if reading is not None:
                readings[id(sentence)] = reading
            text, lead = rule_text(sentence, reading)
            found = cache.get((text, lead))
            if found is not None:
                hits[id(sentence)] = found
            else:
                todo.append((clause, sentence, text, lead))
    for (clause, sentence, text, lead), pieces in zip(todo, matcher.pieces_of(t[2] for t in todo)):
        keys = matcher.candidates(pieces)
        if keys:
            units.append((clause, sentence, text, lead, keys, pieces))
        else:
            hits[id(sentence)] = []
    for clause, sentence, text, lead, keys, pieces in units:
        toks = matcher.tokens(text, pieces)
        found = _sentence_hits(lead, toks, matcher, rules, keys, text[:lead].rstrip().endswith("?")) if len(toks) else []
        hits[id(sentence)] = found
        if len(cache) >= HIT_CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[(text, lead)] = found
    out: list[Match] = []
    vetoed = _vetoed_headings(clauses, hits)
    for clause in clauses:
        below = _vetoed_under_heading(clause, hits, matcher)
        for sentence in clause.sentences:
            reading = readings.get(id(sentence))
            for rule_id, c0, c1, kind in hits.get(id(sentence), ()):
                if kind == VETO or (sentence.kind == "heading" and (
                        rule_id in below or (vetoed and vetoed_parent(clause.section, rule_id, vetoed)))):
                    continue
                if heading_ok(rules[rule_id], clause, lang, reader.heading if reader else None):
                    terms = reading.terms_in(c0, c1) if reading else []
                    if reading:
                        c0, c1 = reading.original(c0), reading.original(c1, end=True)
                    out.append(_make_match(rules[rule_id], clause, sentence, c0, c1,
                                           matcher.texts[f"{rule_id}#{kind}"], lang, terms, amounts, dollar, periods))
    return in_company(out, rules)


def rule_text(sentence: Sentence, reading: Reading | None) -> tuple[str, int]:
    """The sentence as the rules read it (defined terms understood, cross-references' titles blank) and the
    length of its lead-in there."""
    text, lead = (reading.text, reading.lead) if reading else (sentence.text, sentence.lead)
    return blank_asides(blank_titles(text), lead), lead


# an aside in brackets: a few words, no number, no address, no nested bracket, no list marker
_ASIDE = re.compile(r"\((?![a-zA-Z]\)|[ivxIVX]{1,4}\))[^()\d@]{12,160}\)")


def blank_asides(text: str, lead: int) -> str:
    """``text`` with the asides in brackets of its lead-in blanked out (the same length), when it is a list item
    read after its lead-in: "You shall not do (or permit any third party to do) any of the following, in whole or in
    part (collectively, the "License Restrictions"): (i) … distribute …" reaches its items with its subject, verb and
    "not" as near as a lead-in without asides would. The lead-in read on its own keeps them."""
    if not lead or "(" not in text[:lead]:
        return text
    return _ASIDE.sub(lambda m: " " * len(m.group()), text[:lead]) + text[lead:]


VETO = "veto"  # the kind of a hit entry saying that the rule's ``unless`` vetoed its hit in the sentence


def _vetoed_headings(clauses: list[Clause], hits: dict[int, list[tuple[str, int, int, str]]]) -> set[tuple[str, str]]:
    """(section, rule) for each numbered heading in which an ``unless`` vetoed the rule's hit."""
    out: set[tuple[str, str]] = set()
    for clause in clauses:
        if not clause.section:
            continue
        for sentence in clause.sentences:
            if sentence.kind == "heading":
                out.update((clause.section, rule_id) for rule_id, _, _, kind in hits.get(id(sentence), ()) if kind == VETO)
    return out


def _vetoed_under_heading(clause: Clause, hits: dict[int, list[tuple[str, int, int, str]]], matcher) -> set[str]:
    """The rules that hit a run-in title and whose ``unless`` matches a sentence of its paragraph (see
    :func:`title_vetoes`)."""
    rules = {rule_id for sentence in clause.sentences if sentence.kind == "heading"
             for rule_id, _, _, kind in hits.get(id(sentence), ()) if kind != VETO}
    return set(title_vetoes(clause, rules, matcher)) if rules else set()


def title_vetoes(clause: Clause, rule_ids: set[str], matcher) -> dict[str, str]:
    """For each of the rules whose ``unless`` matches a sentence in the paragraph of the clause's run-in title, the
    key of that ``unless`` pattern: the title is read in that sentence's sense ("2. Authorized Use. The data shared …
    shall be used for no purpose other than the Services" is about the supplier's use of the data, not about how
    the customer may use the service)."""
    keys = [k for k in matcher.unless if k.rpartition("#")[0] in rule_ids]
    paragraphs = {s.anchor for s in clause.sentences if s.kind == "heading"}
    body = [s.text for s in clause.sentences if s.kind not in ("heading", "definition") and s.anchor in paragraphs]
    out: dict[str, str] = {}
    for text, pieces in zip(body, matcher.pieces_of(body)) if keys and body else ():
        toks = matcher.tokens(text, pieces)
        for key, _, _ in matcher(toks, keys, 0) if len(toks) else ():
            out.setdefault(key.rpartition("#")[0], key)
    return out


def vetoed_parent(section: str | None, rule_id: str, vetoed: set[tuple[str, str]]) -> str | None:
    """The section of the heading above a heading numbered ``section`` in which the rule was vetoed, or
    None: a sub-heading is read in its parent's sense ("1.3.2 Specific Permitted Uses" under "1.3
    Permitted Uses and Disclosures of PHI" is about the business associate's uses of health data, as its
    parent says, not about how the customer may use the service)."""
    parts = (section or "").split(".")
    return next((parent for n in range(1, len(parts)) if ((parent := ".".join(parts[:n])), rule_id) in vetoed), None)


def scope_of(clause: Clause) -> str | int:
    """The part of the contract a clause belongs to: its top-level section ("7" for 7.2, "§ 9" for "§ 9, stk. 3"), or
    else the clause itself (an unnumbered clause runs from one heading to the next)."""
    section = clause.section or ""
    if section[:1].isdigit():
        return section.split(".")[0]
    return paragraph_of(section) if section.startswith("§") else id(clause)


def in_company(matches: list[Match], rules: dict[str, Rule]) -> list[Match]:
    """Drop the matches of a rule with ``together_with`` where none of those rules matches in the same
    part of the contract ("Such notice shall be given within 24 hours" is a breach-notice deadline
    only beside a duty to notify a breach)."""
    if not any(rules[m.rule_id].model.together_with for m in matches):
        return matches
    present = where_matched(m for m in matches if not rules[m.rule_id].model.together_with)
    return [m for m in matches if not alone(rules[m.rule_id], m.clause, present)]


def where_matched(matches: Iterable[Match]) -> set[tuple[str | int, str]]:
    """(part of the contract, rule) for each match, as :func:`alone` looks them up."""
    return {(scope_of(m.clause), m.rule_id) for m in matches}


def alone(rule: Rule, clause: Clause, present: set[tuple[str | int, str]]) -> bool:
    """Whether a rule that counts only beside others (``together_with``) has none of them in the
    clause's part of the contract."""
    needs = rule.model.together_with
    return bool(needs) and not any((scope_of(clause), other) in present for other in needs)


# Contracts repeat themselves: the same clause comes back in every contract made from one template.
# A sentence's hits depend only on its text (and the lead-in it was matched with), so they are kept
# per process; the values are still read from each sentence's own clause.
HIT_CACHE_SIZE = 50_000


def _sentence_hits(lead: int, toks, matcher, rules: dict[str, Rule], keys: list[str],
                   asked: bool = False) -> list[tuple[str, int, int, str]]:
    """Each rule's shortest hit in the sentence (read with its lead-in of ``lead`` characters), in
    reading order: (rule, start, end, kind), with character offsets in the text matched; a rule whose
    ``unless`` pattern matches here has none, but is listed after the hits as (rule, -1, -1, VETO).
    A hit inside the lead-in alone is not one: that is reported on the lead-in sentence itself. When the
    lead-in is a question the sentence answers (``asked``), an ``unless`` is read in the answer only: the
    question is no statement to veto ("Hvad må du ikke? Du må ikke …")."""
    best: dict[str, tuple[int, int, str]] = {}  # rule -> shortest hit (chars in the sentence)
    blocked: set[str] = set()
    idx, length = toks.idx, toks.length
    unless = matcher.unless
    found = matcher(toks, [k for k in keys if k not in unless], lead_end(lead, toks))
    # an unless pattern only matters for a rule that has a hit here: run those alone
    hit_rules = {key.rpartition("#")[0] for key, _, _ in found}
    vetoes = [k for k in keys if k in unless and k.rpartition("#")[0] in hit_rules]
    if vetoes:
        found += matcher(toks, vetoes, 0, lead_end(lead, toks) if asked else 0)
    for key, start, end in found:
        rule_id, _, kind = key.rpartition("#")
        rule = rules.get(rule_id)
        if rule is None:
            continue
        if kind.startswith("u"):
            blocked.add(rule_id)
            continue
        c0 = idx[start]
        c1 = idx[end - 1] + length[end - 1]
        prev = best.get(rule_id)
        if prev is None or (c1 - c0) < (prev[1] - prev[0]):
            best[rule_id] = (c0, c1, kind)
    kept = [(rule_id, c0, c1, kind) for rule_id, (c0, c1, kind) in sorted(best.items(), key=lambda kv: kv[1][0])
            if rule_id not in blocked]
    return kept + [(rule_id, -1, -1, VETO) for rule_id in sorted(blocked & best.keys())]


def lead_end(lead: int, toks) -> int:
    """The first token a hit may end at: after the lead-in of ``lead`` characters a list item is read
    with (0 without one)."""
    if not lead:
        return 0
    idx, length = toks.idx, toks.length
    return next((i + 1 for i in range(len(idx)) if idx[i] + length[i] > lead), len(idx) + 1)


def heading_ok(rule: Rule, clause: Clause, lang: str, read: Callable[[str], str] | None = None) -> bool:
    """Whether the clause's heading has one of the words the rule's ``heading_any`` asks for (True
    when it asks for none); ``read``: how the document's defined terms read in a heading."""
    block = rule.lang(lang)
    words = block.heading_any if block else []
    if not words:
        return True
    # a subsection is read under the sections it is part of: "9.2 Notification Obligations" under "9. Data Breach
    # Notification" is in a breach clause
    parents = next((b.parent_heading for b in clause.blocks if b.parent_heading), None)
    heading = " / ".join(h for h in (clause.heading, parents) if h)
    heading = (read(heading) if read else heading).lower()
    return any(w.lower() in heading for w in words)


def _items_after(clause: Clause, sentence: Sentence, lead_in: str, lead: int | None = None) -> list[str]:
    """The items (their own words) of the sentences right after ``sentence`` that are read with ``lead_in`` as their
    lead-in (of ``lead`` characters, when given): an inline list's items after its lead-in sentence, or the rest of the
    list an item read with its lead-in is one of."""
    at = next((i for i, s in enumerate(clause.sentences) if s is sentence), None)
    items = []
    for later in clause.sentences[at + 1:] if at is not None else ():
        if not later.lead or (lead is not None and later.lead != lead) or not later.text.startswith(lead_in):
            break
        items.append(later.text[later.lead:])
    return items


def window_text(rule: Rule, clause: Clause, sentence: Sentence, start: int = 0) -> str:
    """The text values are read from: the sentence, or the sentence with the list that follows
    it, or the whole clause. Offsets into the sentence stay valid in the returned text. ``start``: where the match
    begins in the sentence (a match that begins in a list item's lead-in reads the rest of the list too)."""
    window = rule.model.window
    if window == "sentence" or sentence.lead:
        # the lead-in of an inline list ("… in excess of the greater of (1) $100 or (2) the amounts paid …") holds its
        # values in its items: they follow it, read on their own; an item read after its lead-in ("The notice states: a)
        # what happened; b) which data are affected; …") is one of a list, whose other items follow it
        later = (_items_after(clause, sentence, sentence.text[:sentence.lead], sentence.lead)
                 if window == "list" and 0 < sentence.lead and start < sentence.lead else [])
        return " ".join([sentence.text, *_items_after(clause, sentence, sentence.text), *later])
    if window == "clause":
        return sentence.text + "\n" + clause.text[sentence.end:] 
    from ..ingest.sections import is_list_item, starts_with_bullet

    block_idx = max(i for i, st in enumerate(clause.block_starts) if st <= sentence.start)
    end = clause.block_starts[block_idx] + len(clause.blocks[block_idx].text)
    for i in range(block_idx + 1, len(clause.blocks)):
        blk = clause.blocks[i]
        if is_list_item(blk.text) or starts_with_bullet(blk.text) or blk.kind in ("table-row", "list-item"):
            end = clause.block_starts[i] + len(blk.text)
        else:
            break
    return sentence.text + clause.text[sentence.end:end]


_BARE_DOLLAR = re.compile(r"(?<![A-Za-z$])\$")
_US_DOLLAR = re.compile(r"\bUS\s?\$|\bUSD\b|\bU\.S\.|\bUS\s+dollars|\bUnited\s+States\s+dollars", re.IGNORECASE)


# a term is the cap when the liability is limited to it: "shall not exceed the Liability Cap", "er begrænset til
# Ansvarsbeløbet" (not a sum defined for something else that the sentence names: "… beyond the Deductible")
_CAPPED_AT = (r"(?:exceed|exceeds|exceeding|limited\s+to|capped\s+at|up\s+to|maximum\s+of|in\s+excess\s+of|greater\s+of|"
              r"lesser\s+of|higher\s+of|lower\s+of|equal\s+to|overstige|overstiger|overskride|overskrider|begrænset\s+til|"
              r"op\s+til|højst|maksimalt|svarende\s+til|"
              # "will be more than the Liability Cap", "hæfter for mere end Ansvarsloftet"
              r"(?:more|greater|higher)\s+than|(?:mere|større|højere)\s+end)\W+(?:[\wæøå]+\W+){0,4}?")


# the sentence after a duty to notify that gives its deadline, about the notice itself: "Bliver Leverandøren opmærksom på
# et brud, skal Kunden have besked. Det skal ske hurtigst muligt og senest 24 timer efter …", "… you will hear from us.
# Within 48 hours of our discovering it.", "Under alle omstændigheder skal den være modtaget inden 36 timer"
_NOTICE_AGAIN = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:"
    # it starts with the deadline
    r"(?:within|no\s+later\s+than|not\s+later\s+than|at\s+the\s+latest|senest|inden\s+for|indenfor|inden)\b|"
    # or names the notice (a pronoun, or the notice itself) in its first words, with a verb of the notice going
    r"(?:[\wæøå]+\s+){0,4}?(?:it|this|such\s+notice|such\s+notification|the\s+notice|the\s+notification|notice|notification|"
    r"det|den|dette|underretningen|meddelelsen|orienteringen|varslingen|beskeden)\s+(?:[\wæøå]+\s+){0,3}?"
    r"(?:ske|sker|gives|sendes|modtages|modtaget|foreligge|be\s+given|be\s+made|be\s+sent|be\s+received|be\s+delivered|"
    r"take\s+place|takes\s+place|is\s+given|is\s+made|is\s+sent|happen|happens|arrive|arrives)\b)", re.IGNORECASE)


def _deadline_after(clause: Clause, sentence: Sentence) -> list[str]:
    """The next sentences of the clause (two at most, each about the notice: see _NOTICE_AGAIN) that may give the
    deadline of the notice this sentence requires ("Den gives, så snart bruddet er konstateret. Under alle
    omstændigheder skal den være modtaget inden 36 timer.")."""
    out: list[str] = []
    for after in [s for s in clause.sentences if s.start > sentence.start and s.kind == "text"][:2]:
        own = after.text[after.lead:]
        if not _NOTICE_AGAIN.match(own):
            break
        out.append(own)
    return out


def _make_match(rule: Rule, clause: Clause, sentence: Sentence, c0: int, c1: int, pattern: str,
                lang: str, terms: list[DefinedTerm],
                amounts: Callable[[], dict[str, tuple[dict, TermUse]]] | None = None,
                dollar: Callable[[], str | None] | None = None,
                periods: Callable[[], dict[str, tuple[str, TermUse]]] | None = None) -> Match:
    """The rule's match at characters ``c0:c1`` of the sentence, by ``pattern`` (its text with the word
    lists written out), with the values read from the rule's window; a sum named only by a term the contract
    defines as one ("shall not exceed the Liability Cap") is read from its definition, so is a deadline named only by a
    period the contract defines ("within the Notification Period"), and a bare "$" is the dollar the contract says its
    amounts are in."""
    text = window_text(rule, clause, sentence, c0)
    values: dict[str, Any] = {}
    for name in rule.model.extract:
        values.update(EXTRACTOR_FUNCS[name](text, c0, lang))
    if (dollar is not None and values.get("currency") == "USD" and _BARE_DOLLAR.search(text)
            and not _US_DOLLAR.search(text) and (code := dollar())):
        values["currency"] = code
    uses = [t.use(lang) for t in terms]
    if amounts is not None and "money" in rule.model.extract and values.get("amount") is None:
        for term, (money, use) in amounts().items():
            if re.search(_CAPPED_AT + rf"{re.escape(term)}(?!\w)", text, re.IGNORECASE):
                values.update(money)
                uses.append(use)
                break
    if (periods is not None and "deadline" in rule.model.extract and values.get("hours") is None
            and (read := with_periods(text, c0, periods(), lang))):
        found = EXTRACTOR_FUNCS["deadline"](read[0], read[1], lang)
        if found.get("hours") is not None:
            values.update(found)
            uses.extend(read[2])
    if "deadline" in rule.model.extract and values.get("hours") is None:
        for after in _deadline_after(clause, sentence):
            found = EXTRACTOR_FUNCS["deadline"](after, 0, lang)
            if found.get("hours") is not None:
                if not found.get("not_to_customer"):
                    values.update(found)
                break
    for key, items in rule.model.sets.items():
        have = values.get(key) or []
        values[key] = list(dict.fromkeys([*have, *items]))
    return Match(rule_id=rule.id, requirement=rule.target, signal=rule.model.signal, clause=clause,
                 sentence=sentence, matched=sentence.text[c0:c1], pattern=pattern, values=values,
                 terms=tuple(uses))
