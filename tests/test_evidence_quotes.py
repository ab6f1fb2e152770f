"""The quotes a finding shows: a list's lead-in is quoted once. When one rule takes the lead-in alone
("Når du bruger appen, må du ikke:") and another the lead-in with an item, the lead-in alone says
nothing the fuller quote does not, so it is not shown twice (a Danish gap report did)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.model import Clause, Match, Sentence
from ddcontract.wording import evidence

DA = ("# Brugervilkår for Ruteplan\n\n## 4. Regler for brug\n\nNår du bruger Ruteplan, må du ikke:\n\n"
      "- sælge din adgang videre til andre;\n- forsøge at omgå adgangskontrollen eller teste vores sikkerhed.\n")
EN = ("# Terms of use for Routeplan\n\n## 4. Rules of use\n\nWhen you use Routeplan, you must not:\n\n"
      "- resell your access to anyone else;\n- use the app to send spam, or try to get around access control.\n")


@pytest.mark.parametrize("lang, text, lead_in", [
    ("da", DA, "Når du bruger Ruteplan, må du ikke:"),
    ("en", EN, "When you use Routeplan, you must not:"),
])
def test_a_lead_in_is_not_quoted_beside_itself_with_an_item(tmp_path: Path, library, lang: str, text: str,
                                                             lead_in: str):
    path = tmp_path / "terms.md"
    path.write_text(text, encoding="utf-8")
    finding = next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == "DD-4.4")
    quotes = [e.text for e in finding.evidence]
    assert finding.status != "missing"
    assert any(q.startswith(lead_in + " ") for q in quotes), quotes  # the lead-in with an item is quoted
    assert lead_in not in [q.strip() for q in quotes], quotes  # and not again alone


def _match(rule: str, text: str, start: int, lead: int = 0) -> Match:
    sentence = Sentence(text=text, clause_index=4, start=start, end=start + len(text), page=2, section="4", lead=lead)
    clause = Clause(section="4", heading=None, blocks=[], text=text, block_starts=[0], sentences=[sentence])
    return Match(rule_id=rule, requirement="DD-4.4", signal="acceptable-use", clause=clause, sentence=sentence,
                 matched=text, pattern="test")


LEAD = "Du må ikke:"
ALONE = _match("lead-in-rule", LEAD, 0)
WITH_ITEM = _match("item-rule", LEAD + " videresælge adgangen.", 12, lead=len(LEAD))
OTHER = _match("other-rule", "Appen er kun til privat brug.", 60)


@pytest.mark.parametrize("matches", [[ALONE, OTHER, WITH_ITEM], [WITH_ITEM, OTHER, ALONE], [OTHER, ALONE, WITH_ITEM]])
def test_the_lead_in_with_its_item_is_quoted_once_in_the_lead_ins_place(matches):
    """Whichever rule came first, the lead-in is quoted once, with its item, where it first stands."""
    quotes = [e.text for e in evidence(matches)]
    assert sorted(quotes) == sorted([WITH_ITEM.sentence.text, OTHER.sentence.text])
    first = next(m for m in matches if m is not OTHER)
    assert quotes.index(WITH_ITEM.sentence.text) == (0 if first is matches[0] else 1)
