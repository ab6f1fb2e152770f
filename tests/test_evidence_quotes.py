"""The quotes a finding shows: a list's lead-in is quoted once. When one rule takes the lead-in alone
("Når du bruger appen, må du ikke:") and another the lead-in with an item, the lead-in alone says
nothing the fuller quote does not, so it is not shown twice (a Danish gap report did)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file

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
