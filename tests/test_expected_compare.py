"""The comparison with a reviewer's expected results places evidence by its clause number, or by its heading when the
clause has no number (unnumbered Markdown headings)."""

from __future__ import annotations

from ddcontract.testing.expected import compare


def _result(evidence):
    return {"requirements": [{"id": "DD-4.6", "status": "weak", "message": "", "values": {},
                              "evidence": evidence}], "flags": []}


def test_an_unnumbered_clause_is_placed_by_its_heading():
    expected = {"requirements": {"DD-4.6": {"status": "weak", "section": "Vores ansvar"}}}
    assert compare(expected, _result([{"section": None, "heading": "Vores ansvar"}])) == []
    wrong = compare(expected, _result([{"section": None, "heading": "Betaling"}]))
    assert [d.kind for d in wrong] == ["section"]


def test_a_numbered_clause_is_placed_by_its_number_not_its_heading():
    expected = {"requirements": {"DD-4.6": {"status": "weak", "section": "9.2"}}}
    assert compare(expected, _result([{"section": "9.2", "heading": "Ansvar"}])) == []
    assert [d.kind for d in compare(expected, _result([{"section": "9.3", "heading": "9.2"}]))] == ["section"]
