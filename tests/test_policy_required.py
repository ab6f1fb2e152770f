"""A requirement the policy does not ask for in a contract (a Theme 5 requirement it leaves out, a DPA
where the contract shows no personal data) is reported with its status and a message saying so, but
is no gap: no proposed clause, not among the gap report's most serious gaps, ignored by --fail-on."""

from __future__ import annotations

import json
from pathlib import Path

from ddcontract.cli import app
from ddcontract.report.docx import report_context

CONTRACT = """\
1. Services

1.1 The Supplier shall provide the hosting services described in the Order Form.

2. Fees

2.1 The Customer shall pay the fees within 30 days of the invoice date.
"""


def _check(runner, tmp_path: Path, *options: str) -> tuple[int, dict]:
    path = tmp_path / "contract.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json", *options])
    return result.exit_code, {f["id"]: f for f in json.loads(result.stdout)["requirements"]}


def test_a_theme_5_requirement_the_policy_leaves_out_is_no_gap(runner, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("monitoring_required: [DD-5.3]\n", encoding="utf-8")
    _, found = _check(runner, tmp_path, "--policy", str(policy))
    for rid in ("DD-5.1", "DD-5.2", "DD-5.4"):
        assert found[rid]["status"] == "missing" and found[rid]["required"] is False
        assert found[rid]["suggestion"] == ""
        assert "the policy does not require it" in found[rid]["message"]
    assert found["DD-5.3"]["required"] is True and found["DD-5.3"]["suggestion"]
    _, default = _check(runner, tmp_path)
    assert all(default[rid]["required"] for rid in ("DD-5.1", "DD-5.2", "DD-5.3", "DD-5.4"))


def test_a_dpa_is_not_asked_for_where_the_contract_shows_no_personal_data(runner, tmp_path):
    _, found = _check(runner, tmp_path)
    for rid in ("DD-7.1", "DD-7.2"):
        assert found[rid]["status"] == "missing" and found[rid]["required"] is False
        assert found[rid]["suggestion"] == ""
    policy = tmp_path / "policy.yaml"
    policy.write_text("dpa_only_with_personal_data: false\n", encoding="utf-8")
    _, always = _check(runner, tmp_path, "--policy", str(policy))
    assert always["DD-7.1"]["required"] is True and always["DD-7.1"]["suggestion"]


def test_fail_on_and_the_gap_report_skip_what_the_policy_does_not_ask_for(runner, tmp_path, library):
    from ddcontract.check import CheckOptions, check_file
    from ddcontract.policy import Policy

    policy = tmp_path / "policy.yaml"
    # a policy asking for nothing of Theme 5; the contract shows no personal data
    policy.write_text("monitoring_required: []\n", encoding="utf-8")
    path = tmp_path / "contract.txt"
    path.write_text(CONTRACT, encoding="utf-8")
    result = check_file(path, library, CheckOptions(policy=Policy(monitoring_required=[])))
    gaps = {row["id"] for row in report_context(result, Policy(monitoring_required=[]))["top_gaps"]}
    assert gaps and not gaps & {"DD-5.1", "DD-5.2", "DD-5.3", "DD-5.4", "DD-7.1", "DD-7.2"}
    suggested = {row["id"] for row in report_context(result, Policy(monitoring_required=[]))["suggestions"]}
    assert not suggested & {"DD-5.1", "DD-7.1", "DD-7.2"}
    from types import SimpleNamespace

    from ddcontract.cli import FailOn, _fails

    unasked = [f for f in result.requirements if not f.required]
    assert unasked and all(f.status == "missing" for f in unasked)
    assert not _fails(SimpleNamespace(requirements=unasked), FailOn("missing"))
    assert _fails(SimpleNamespace(requirements=result.requirements), FailOn("missing"))
