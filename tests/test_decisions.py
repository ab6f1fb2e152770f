"""Every requirement's decision cases (declared with the requirement, in its family module), one
test each: matches in, status, values and words out (``pytest -k DD-4.6``)."""

from __future__ import annotations

import pytest

from ddcontract.decide import decide_one
from ddcontract.i18n import Names, Note, Num, word
from ddcontract.model import Clause, Match, Sentence
from ddcontract.policy import Policy
from ddcontract.requirements import FAMILIES, REQUIREMENTS, SETTINGS, Case, Hit, Requirement
from ddcontract.requirements.base import decide_present

CASES = [(req, case) for req in REQUIREMENTS for case in req.cases]


def _match(req: Requirement, hit: Hit, index: int) -> Match:
    number = hit.sentence if hit.sentence is not None else 1000 + index
    text = f"Sentence {number} of the case."
    sentence = Sentence(text=text, clause_index=number, start=0, end=len(text), page=1, section=hit.section)
    clause = Clause(section=hit.section, heading=None, blocks=[], text=text, block_starts=[0], sentences=[sentence])
    return Match(rule_id=f"case-rule-{index}", requirement=req.id, signal=hit.signal, clause=clause,
                 sentence=sentence, matched=text, pattern="case", values=dict(hit.values))


def _said(notes: tuple[Note, ...], lang: str) -> str:
    return "".join(n.word(lang) for n in notes)


@pytest.mark.parametrize("req, case", CASES, ids=[f"{r.id}_{c.name}" for r, c in CASES])
def test_decision_case(req: Requirement, case: Case):
    matches = [_match(req, hit, i) for i, hit in enumerate(case.hits)]
    decided = decide_one(req, matches, Policy(**case.policy))
    decision = decided.decision
    assert decision.status == case.status
    for key, want in case.values.items():
        assert decided.values.get(key) == want, key
    assert set(decided.values) >= set(req.values), "every value key of the requirement is reported"
    assert _said(decision.notes, "en") == case.message
    if case.message_da is not None:
        assert _said(decision.notes, "da") == case.message_da
    if case.evidence is not None:
        assert len(decision.evidence) == case.evidence
    assert all(m in matches for m in decision.evidence), "evidence is only what was matched"


def test_every_requirement_with_its_own_decision_has_cases():
    """A requirement decided by more than 'any match means met' shows its decision in cases, and
    every status a case family can reach is reached somewhere."""
    for req in REQUIREMENTS:
        if req.decide is not decide_present or req.values:
            assert req.cases, f"{req.id} has no decision cases"
    reached = {c.status for r in REQUIREMENTS for c in r.cases}
    assert reached == {"met", "weak", "missing"}


def test_case_names_are_unique_per_requirement():
    for req in REQUIREMENTS:
        names = [c.name for c in req.cases]
        assert len(names) == len(set(names)), req.id


def test_case_policies_name_real_settings():
    known = {s.name for s in SETTINGS}
    for req, case in CASES:
        assert set(case.policy) <= known, (req.id, case.name)


def test_every_family_speaks_every_language_it_declares_texts_in():
    for family in FAMILIES:
        english = {k for k in family.texts.get("en", {}) if not k.startswith("name.")}
        for lang, table in family.texts.items():
            assert english <= set(table), (family.name, lang, english - set(table))
        for req in family.requirements:
            assert set(req.titles) == {"en", "da"}, req.id


def test_phrases_are_worded_per_language():
    assert word(Num(36.5), "da") == "36,5" and word(Num(36.5), "en") == "36.5"
    assert word(Names(("deletion", "storage")), "da") == "sletning, opbevaring"
    assert word(Note("cap.kind.time"), "da") == "en frist for at rejse krav"
    assert word("plain", "da") == "plain"


def test_the_first_quotes_of_an_aspect_requirement_cover_each_aspect_found():
    """Three sentences on transfers before the one on storage: the storage sentence is among the first quotes, so a
    report that shows the first few proves every aspect it claims."""
    req = next(r for r in REQUIREMENTS if r.aspects == ("storage", "transfer", "deletion"))
    hits = [Hit(values={"aspects": ["transfer"]}, sentence=n) for n in (1, 2, 3)]
    hits += [Hit(values={"aspects": ["storage"]}, sentence=4), Hit(values={"aspects": ["deletion"]}, sentence=5)]
    matches = [_match(req, hit, i) for i, hit in enumerate(hits)]
    evidence = decide_one(req, matches, Policy()).decision.evidence
    assert [m.sentence.clause_index for m in evidence[:3]] == [1, 4, 5]
    assert sorted(m.sentence.clause_index for m in evidence) == [1, 2, 3, 4, 5]
