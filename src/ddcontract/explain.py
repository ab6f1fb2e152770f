"""Why a requirement got its status: ``ddcontract check FILE --explain ID``.

Legal asks "why missing?" first, and a rule writer needs the same answer. For one requirement (or
flag) the explanation lists, from the document as the check read it:

- the sentences its rules matched (rule, pattern, the words matched), and which of them the
  decision rests on;
- matches that did not count: vetoed by one of the rule's ``unless`` patterns, a sub-heading under a
  heading where one vetoed the rule, or in a clause whose heading lacks the words the rule asks for
  (``heading_any``), or, for a requirement decided by the aspects its matches name (storage, transfer and
  deletion; a notice's elements), a match whose window names none of them;
- the nearest misses: sentences that hold a pattern's most telling word and all its other required
  words but one, with the word they lack (or, when none is lacking, that the words are there but not
  in the pattern's order or within its gaps). Words are shown as the rule writes them ("data",
  ``=word`` for an exact form, ``*ending`` for a Danish compound's ending).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from collections.abc import Callable
from typing import Any

from .check import CheckOptions, CheckResult
from .model import Clause, Document, Sentence
from .rules import Library, Rule
from .matching.match import rule_text
from .terms import Reading, reader_for

MAX_NEAR = 3


@dataclass(slots=True)
class Seen:
    """One sentence a rule's pattern matched, and what became of the match."""

    rule: str
    pattern: str
    matched: str
    text: str
    section: str | None
    page: int | None
    outcome: str  # "evidence" | "matched" | "vetoed" | "parent" | "title" | "heading" | "alone" | "names"
    # the veto's pattern, the heading words asked for, the rules it needs beside it, or (outcome "names") the
    # aspects the requirement counts, none of which the match's window names
    why: str = ""


@dataclass(slots=True)
class NearMiss:
    rule: str
    pattern: str
    text: str
    section: str | None
    page: int | None
    lacking: list[str]  # required words the sentence does not have; empty: all there, not in order


@dataclass(slots=True)
class Explanation:
    id: str
    status: str | None  # None for a flag that was not raised
    message: str
    rules: list[str]
    seen: list[Seen] = field(default_factory=list)
    near: list[NearMiss] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "message": self.message, "rules": self.rules,
                "matches": [asdict(s) for s in self.seen], "near_misses": [asdict(n) for n in self.near]}


def _atom_word(atom: tuple[str, str], written: dict[tuple[str, str], str] | None = None) -> str:
    """A required word as the rule writes it ("data"), or else as the matcher compares it ("datum")."""
    if written and atom in written:
        return written[atom]
    kind, value = atom
    return {"LEMMA": value, "LOWER": f"={value}", "SUFFIX": f"*{value}"}.get(kind, value)


def _written_words(matcher: Any, key: str, lang: str) -> dict[tuple[str, str], str]:
    """The pattern ``key``'s words as its rule writes them, by the atom the matcher compares: the
    lemma "datum" is shown as the "data" the rule wrote."""
    from .matching.nlp import pattern_lemma

    out: dict[tuple[str, str], str] = {}
    for part in matcher.texts[key].split():
        for alt in part.rstrip("?").split("|"):
            if not alt or alt.startswith(("~", "<")):
                continue
            if alt.startswith("="):
                atom = ("LOWER", alt[1:].lower())
            elif alt.startswith("*"):
                atom = ("SUFFIX", pattern_lemma(alt[1:].lower(), lang))
            else:
                atom = ("LEMMA", matcher.lemmatizer.lemma(pattern_lemma(alt, lang)))
            out.setdefault(atom, alt)
    return out


def _lacking(matcher: Any, key: str, have: set, lang: str = "en") -> tuple[int, int, list[str]] | None:
    """For the pattern ``key``'s alternative nearest to the sentence: how many of its required words
    the sentence lacks, how many it requires, and which it lacks (as the rule writes them); None when
    no alternative has its most selective required word (the one the index files it under) in the
    sentence."""
    best: tuple[int, int, list[str]] | None = None
    written: dict[tuple[str, str], str] | None = None
    for musts, anys in matcher.required_atoms.get(key, []):
        groups = [frozenset({a}) for a in musts] + list(anys)
        if not groups or have.isdisjoint(min(groups, key=len)):
            continue  # the pattern's most telling word ("insurance", "mutual") is not there: not near
        if written is None:
            written = _written_words(matcher, key, lang)
        missing = sorted(_atom_word(a, written) for a in musts - have)
        missing += ["|".join(dict.fromkeys(sorted(_atom_word(a, written) for a in atoms)))
                    for atoms in anys if have.isdisjoint(atoms)]
        total = len(musts) + len(anys)
        if total and (best is None or len(missing) < best[0]):
            best = (len(missing), total, missing)
    return best


def _is_near(lack: tuple[int, int, list[str]] | None) -> bool:
    """All the required words but one (a word or one of a set of alternatives) are there, or all of
    them are, out of order or too far apart."""
    return lack is not None and lack[0] <= 1 and lack[0] < lack[1]


def _sentence_record(rule: Rule, key: str, matcher: Any, sentence: Sentence, matched: str, outcome: str,
                     why: str = "") -> Seen:
    return Seen(rule.id, matcher.texts[key], matched, sentence.text, sentence.section, sentence.page, outcome, why)


def _explain_sentence(rules: list[Rule], keys: dict[str, list[str]], matcher: Any, clause: Clause,
                      sentence: Sentence, lang: str, evidence: set[tuple[str | None, str | None, str]],
                      out: Explanation, near: list[tuple[int, NearMiss]], pieces: list,
                      reading: Reading | None, present: set, vetoed: set[tuple[str, str]],
                      read_heading: Callable[[str], str] | None = None) -> None:
    from .matching.match import alone, heading_ok, lead_end, title_vetoes, vetoed_parent

    text, lead = rule_text(sentence, reading)
    toks = matcher.tokens(text, pieces)
    if not len(toks):
        return
    all_keys = [k for r in rules for k in keys[r.id]]
    found = matcher(toks, all_keys, lead_end(lead, toks))
    hit_keys = {k for k, _, _ in found}
    have = set().union(*[p.atoms for p in pieces]) if pieces else set()
    for rule in rules:
        unless = [k for k in keys[rule.id] if k in matcher.unless and k in hit_keys]
        first = next(((k, s, e) for k, s, e in found if k.startswith(rule.id + "#p")), None)
        if first is not None:
            key, s, e = first
            c0, c1 = toks.idx[s], toks.idx[e - 1] + toks.length[e - 1]
            if reading:
                c0, c1 = reading.original(c0), reading.original(c1, end=True)
            matched = sentence.text[c0:c1]
            if unless:
                out.seen.append(_sentence_record(rule, key, matcher, sentence, matched, "vetoed",
                                                 matcher.texts[unless[0]]))
                if sentence.kind == "heading" and clause.section:
                    vetoed.add((clause.section, rule.id))
            elif sentence.kind == "heading" and (parent := vetoed_parent(clause.section, rule.id, vetoed)):
                out.seen.append(_sentence_record(rule, key, matcher, sentence, matched, "parent", parent))
            elif sentence.kind == "heading" and (veto := title_vetoes(clause, {rule.id}, matcher).get(rule.id)):
                out.seen.append(_sentence_record(rule, key, matcher, sentence, matched, "title", matcher.texts[veto]))
            elif not heading_ok(rule, clause, lang, read_heading):
                out.seen.append(_sentence_record(rule, key, matcher, sentence, matched, "heading",
                                                 ", ".join(rule.lang(lang).heading_any)))
            elif alone(rule, clause, present):
                out.seen.append(_sentence_record(rule, key, matcher, sentence, matched, "alone",
                                                 ", ".join(rule.model.together_with)))
            elif (rule.id, sentence.section, sentence.text) in evidence:
                out.seen.append(_sentence_record(rule, key, matcher, sentence, matched, "evidence"))
            elif lacking := _names_none(rule, clause, sentence, lang):
                out.seen.append(_sentence_record(rule, key, matcher, sentence, matched, "names", lacking))
            else:
                out.seen.append(_sentence_record(rule, key, matcher, sentence, matched, "matched"))
            continue
        lacks = [(lack, key) for key in keys[rule.id] if key not in matcher.unless
                 and _is_near(lack := _lacking(matcher, key, have, lang))]
        if lacks:  # the rule's nearest pattern for this sentence
            (missing, _, words), key = min(lacks, key=lambda item: item[0][0])
            near.append((missing, NearMiss(rule.id, matcher.texts[key], sentence.text, sentence.section,
                                           sentence.page, words)))


def _names_none(rule: Rule, clause: Clause, sentence: Sentence, lang: str) -> str:
    """For a requirement decided by the aspects its matches name (storage, transfer and deletion; the elements of
    a notice): the aspects, when this match's window names none of them (so the match cannot
    count); otherwise ""."""
    from .matching.match import EXTRACTOR_FUNCS, window_text
    from .requirements import BY_ID

    req = BY_ID.get(rule.target)
    key = req.list_key() if req is not None and req.aspects else None
    if key is None:
        return ""
    text = window_text(rule, clause, sentence)
    named = set(rule.model.sets.get(key, []))
    for name in rule.model.extract:
        named.update(EXTRACTOR_FUNCS[name](text, 0, lang).get(key, []))
    return "" if named & set(req.aspects) else ", ".join(req.aspects)


def explain_result(doc: Document, result: CheckResult, library: Library, options: CheckOptions,
                   target: str) -> Explanation:
    """The explanation of ``target`` (a requirement or flag ID) for a document already checked."""
    from .check import clause_languages
    from .matching.match import match_clauses, where_matched
    from .segment import clauses_of

    finding = next((f for f in result.requirements if f.id == target), None)
    flag = next((f for f in result.flags if f.id == target), None)
    shown = finding or flag
    out = Explanation(target, finding.status if finding else ("raised" if flag else None),
                      shown.message if shown else "", [r.id for r in library.for_target(target)])
    evidence = {(e.rule, e.section, e.text) for e in (shown.evidence if shown else [])}
    clauses = clauses_of(doc.blocks)
    langs = clause_languages(doc, clauses, options)
    available = library.languages()
    near: list[tuple[int, NearMiss]] = []
    for code in dict.fromkeys(langs.per_clause):
        lang = code if code in available else "en"
        rules = [r for r in library.for_target(target) if r.lang(lang) is not None]
        if not rules:
            continue
        matcher = library.matcher(lang)
        keys = {r.id: [k for k in matcher.texts if k.rpartition("#")[0] == r.id] for r in rules}
        in_lang = [c for c, c_lang in zip(clauses, langs.per_clause) if c_lang == code]
        # where a rule that others need beside them matched (see RuleModel.together_with)
        needed = {o for r in rules for o in r.model.together_with}
        present = where_matched(m for m in match_clauses(in_lang, library, lang)
                                if m.rule_id in needed) if needed else set()
        reader = reader_for(in_lang, lang)
        group = [(c, s, reader.read(s) if reader else None) for c in in_lang
                 for s in c.sentences if s.kind != "definition"]
        texts = (rule_text(s, r)[0] for _, s, r in group)
        vetoed: set[tuple[str, str]] = set()  # (section, rule) of the headings an unless vetoed, filled in reading order
        for (clause, sentence, reading), pieces in zip(group, matcher.pieces_of(texts)):
            _explain_sentence(rules, keys, matcher, clause, sentence, lang, evidence, out, near, pieces, reading,
                              present, vetoed, reader.heading if reader else None)
    near.sort(key=lambda item: item[0])
    out.near = [n for _, n in near[:MAX_NEAR]]
    _model_evidence(out, shown.evidence if finding else [], target, options)
    return out


def _model_evidence(out: Explanation, evidence: list, target: str, options: CheckOptions) -> None:
    """The statistical model among the requirement's rules, where it is asked, and the sentence it found
    (its pattern says the score) as the evidence the status rests on."""
    from .matching.statistical import ASKED, MODEL_RULE

    if options.model and target in ASKED:
        out.rules.append(MODEL_RULE)
    for e in evidence:
        if e.rule == MODEL_RULE:
            out.seen.append(Seen(MODEL_RULE, e.pattern or "", e.matched or "", e.text, e.section, e.page, "evidence"))
