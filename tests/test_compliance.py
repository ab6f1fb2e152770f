"""Theme 7 end to end on small contracts of our own: the DPA (DD-7.1), its Art. 28(3) points each
with its own evidence (DD-7.2), certifications (DD-7.3), the policy's settings, and the traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.errors import PolicyError
from ddcontract.policy import load_policy
from ddcontract.scan.summary import summary_rows

THIN_EN = """1. Services
1.1 The Supplier provides the hosted booking service to the Customer.
2. Data
2.1 We comply with applicable data protection law.
2.2 Our privacy policy explains how we use information about visitors to our website.
3. Security
3.1 The Customer may request a copy of our ISO/IEC 27001:2022 certificate.
"""

PARTIAL_EN = """1. Processing
1.1 The Customer is the controller and the Supplier is the processor of the personal data processed under this Agreement.
1.2 The Supplier processes the personal data only on the Customer's documented instructions.
1.3 The Supplier shall implement appropriate technical and organisational measures to protect the personal data.
1.4 When the Agreement ends, the Supplier shall delete or return all personal data at the Customer's choice.
"""

PARTIAL_DA = """1. Behandling
1.1 Kunden er dataansvarlig, og Leverandøren er databehandler for de personoplysninger, der behandles under aftalen.
1.2 Leverandøren behandler alene personoplysningerne efter dokumenteret instruks fra Kunden.
1.3 Leverandøren må kun anvende en underdatabehandler med Kundens forudgående skriftlige godkendelse.
1.4 Leverandøren skal årligt fremsende en ISAE 3402 type 2-erklæring til Kunden.
"""


def _check(tmp_path: Path, text: str, library, policy=None, name: str = "contract.txt") -> dict:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    options = CheckOptions(policy=policy) if policy is not None else CheckOptions()
    result = check_file(path, library, options).as_json()
    return {f["id"]: f for f in result["requirements"]}


def test_no_processing_terms_points_to_the_dpa_and_says_there_is_no_personal_data(tmp_path, library):
    found = _check(tmp_path, THIN_EN, library)
    # "we comply with applicable data protection law" and a privacy policy are not a DPA
    assert found["DD-7.1"]["status"] == "missing"
    assert found["DD-7.2"]["status"] == "missing"
    assert "see DD-7.1" in found["DD-7.2"]["message"]
    assert "shows no processing of personal data" in found["DD-7.2"]["message"]
    assert "shows no processing of personal data" in found["DD-7.1"]["message"]
    # the policy asks for a DPA only where there is personal data: no gap, so no clause proposed
    assert found["DD-7.2"]["required"] is False and found["DD-7.2"]["suggestion"] == ""
    # asked for always, the suggestion gives the clause for every one of the eight points, (a) to (h)
    from ddcontract.policy import Policy

    always = _check(tmp_path, THIN_EN, library, Policy(dpa_only_with_personal_data=False))
    suggestion = always["DD-7.2"]["suggestion"]
    assert always["DD-7.2"]["required"] is True
    assert all(f"({letter})" in suggestion for letter in "abcdefgh")
    # a copy of the certificate on request still states a certification
    assert found["DD-7.3"]["status"] == "met" and found["DD-7.3"]["values"]["certifications"] == ["ISO 27001"]


def test_some_points_are_named_by_letter_and_only_the_missing_ones_are_proposed(tmp_path, library):
    found = _check(tmp_path, PARTIAL_EN, library)
    assert found["DD-7.1"]["status"] == "met" and found["DD-7.1"]["values"]["roles"] == ["controller", "processor"]
    f = found["DD-7.2"]
    assert f["status"] == "weak"
    assert f["values"]["elements"] == ["instructions", "security", "deletion-return"]
    assert [e["element"] for e in f["evidence"]] == f["values"]["elements"]
    assert [e["section"] for e in f["evidence"]] == ["1.2", "1.3", "1.4"]
    assert "(b) confidentiality of personnel" in f["message"] and "(h) information, audits" in f["message"]
    assert "shows no processing of personal data" not in f["message"]
    for letter in "bdefh":
        assert f"({letter})" in f["suggestion"]
    for letter in "acg":
        assert f"({letter})" not in f["suggestion"]


def test_danish_points_certification_and_report_language(tmp_path, library):
    found = _check(tmp_path, PARTIAL_DA, library)
    assert found["DD-7.1"]["status"] == "met"
    f = found["DD-7.2"]
    assert f["values"]["elements"] == ["instructions", "subprocessors"]
    assert "mangler: b) fortrolighed" in f["message"]
    assert f["suggestion"].startswith("b) Leverandøren sikrer")
    assert found["DD-7.3"]["values"]["certifications"] == ["ISAE 3402"]


def test_policy_requires_named_certifications(tmp_path, library):
    policy_file = tmp_path / "policy.yaml"
    policy_file.write_text("required_certifications: [ISO 27001]\ndpa_only_with_personal_data: false\n",
                           encoding="utf-8")
    policy = load_policy(policy_file)
    found = _check(tmp_path, PARTIAL_DA, library, policy)
    assert found["DD-7.3"]["status"] == "weak"
    assert "Politikken kræver også ISO 27001" in found["DD-7.3"]["message"]
    thin = _check(tmp_path, THIN_EN, library, policy, "thin.txt")
    assert thin["DD-7.3"]["status"] == "met"
    assert "shows no processing of personal data" not in thin["DD-7.1"]["message"]


def test_an_unknown_certification_in_the_policy_is_refused_with_its_line(tmp_path):
    policy_file = tmp_path / "policy.yaml"
    policy_file.write_text("notification_max_hours: 48\nrequired_certifications: [ISO 9001]\n", encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        load_policy(policy_file)
    assert any(":2:" in line and "required_certifications" in line for line in err.value.lines())


def test_scan_summary_lists_roles_points_and_certifications_in_one_cell(tmp_path, library):
    path = tmp_path / "c.txt"
    path.write_text(PARTIAL_EN, encoding="utf-8")
    result = check_file(path, library, CheckOptions()).as_json()
    header, rows = summary_rows([result])
    row = dict(zip(header, rows[0]))
    assert row["DD-7.2"] == "weak"
    assert row["DD-7.2 elements"] == "instructions; security; deletion-return"
    assert row["DD-7.1 roles"] == "controller; processor"
    assert row["DD-7.3 certifications"] == ""


@pytest.mark.parametrize(("lang", "heading", "points"), [
    ("en", "Theme 7 – Compliance and regulatory obligations", "Points of Art. 28(3)"),
    ("da", "Tema 7 – Compliance og lovgivningsmæssige forpligtelser", "Punkter i art. 28, stk. 3"),
])
def test_gap_report_has_the_theme_7_table_in_both_languages(tmp_path, lang, heading, points):
    import docx
    from typer.testing import CliRunner

    from ddcontract.cli import app

    path = tmp_path / "c.txt"
    path.write_text(PARTIAL_EN, encoding="utf-8")
    out = tmp_path / "gap.docx"
    result = CliRunner().invoke(app, ["check", str(path), "--report", str(out), "--report-lang", lang])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert heading in text
    assert "DD-7.1" in cells and "DD-7.2" in cells and "DD-7.3" in cells
    assert points in cells
