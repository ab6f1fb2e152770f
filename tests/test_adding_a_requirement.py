"""Adding a requirement touches its family's module and its rules, nothing else.

The worked example of docs/architecture.md, done for real on a copy of the package: a requirement
with a value (hours) and a policy threshold is appended to the notification family's module, and a
rule for it to the family's rule file. Then, without another change anywhere, the requirement is
checked, shown in the JSON and on the console, decided against its policy setting (which
``policy.yaml`` accepts and the gap report lists), and given its scan-summary column.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

NEW_REQUIREMENT = '''

# ---- added by tests/test_adding_a_requirement.py (the worked example of docs/architecture.md)


def decide_final_report(req, matches, policy):
    timed = [m for m in matches if m.values.get("hours") is not None]
    if not timed:
        return MISSING
    best = min(timed, key=lambda m: m.values["hours"])
    hours = best.values["hours"]
    status = "met" if hours <= policy.final_report_max_hours else "weak"
    return Decision(status, [best], {"hours": hours},
                    (note("final.within" if status == "met" else "final.late", limit=Num(policy.final_report_max_hours)),))


REQUIREMENTS = REQUIREMENTS + (
    Requirement("DD-8.99", 8, {"en": "Final incident report", "da": "Endelig hændelsesrapport"}, priority=105,
                decide=decide_final_report, values={"hours": None}, summary=("hours",),
                settings=(Setting("final_report_max_hours", float, Field(720, gt=0),
                                  "the longest time for the final incident report, in hours",
                                  lambda policy: note("report.policy.final", hours=Num(policy.final_report_max_hours))),),
                cases=(Case("in-time", (Hit(values={"hours": 240}),), "met", {"hours": 240},
                            "Within the policy maximum of 720 hours."),)),
)
TEXTS["en"].update({"final.within": "Within the policy maximum of {limit} hours.",
                    "final.late": "Later than the policy maximum of {limit} hours.",
                    "report.policy.final": "Final incident report within {hours} hours"})
TEXTS["da"].update({"final.within": "Inden for politikkens maksimum på {limit} timer.",
                    "final.late": "Senere end politikkens maksimum på {limit} timer.",
                    "report.policy.final": "Endelig hændelsesrapport inden for {hours} timer"})
FAMILY = Family(FAMILY.name, FAMILY.theme, REQUIREMENTS, texts=TEXTS)
'''

NEW_RULE = {
    "id": "final-incident-report",
    "requirement": "DD-8.99",
    "extract": ["deadline"],
    "message": "A final report is due: {hours} hours.",
    "suggestion": "The notifying party shall deliver a final report on the incident within thirty (30) days.",
    "languages": {"en": {
        "patterns": ["final report ~12 within <NUM>"],
        "examples": {"positive": [{"text": "A final report on the breach shall follow within 10 days.",
                                   "values": {"hours": 240}}],
                     "negative": ["Each party shall keep its own reports."]},
    }},
}

SCRIPT = r'''
import io, json, sys
from pathlib import Path
from rich.console import Console
from ddcontract.check import CheckOptions, check_file
from ddcontract.policy import load_policy
from ddcontract.report.console import render
from ddcontract.rules import load_library
from ddcontract.ruletest import iter_cases, run_case
from ddcontract.scan.summary import summary_rows
from ddcontract.wording import policy_lines

contract, policy_file = Path(sys.argv[1]), Path(sys.argv[2])
library = load_library()
plain = check_file(contract, library, CheckOptions()).as_json()
strict_policy = load_policy(policy_file)
strict = check_file(contract, library, CheckOptions(policy=strict_policy))
out = io.StringIO()
render(strict, Console(file=out, no_color=True, width=200))
print(json.dumps({
    "plain": [f for f in plain["requirements"] if f["id"] == "DD-8.99"],
    "strict": [f.as_json() for f in strict.requirements if f.id == "DD-8.99"],
    "console": out.getvalue(),
    "policy_lines": policy_lines(strict_policy, str(policy_file), "da"),
    "summary_header": summary_rows([plain])[0],
    "summary_row": summary_rows([plain])[1][0],
    "examples": [run_case(c, library).ok for c in iter_cases(library, "DD-8.99")],
}))
'''


def test_a_requirement_with_a_value_and_a_threshold_needs_only_its_family_and_rules(tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "clause_library", copy / "clause_library")
    shutil.copytree(ROOT / "templates", copy / "templates")
    family = copy / "src" / "ddcontract" / "requirements" / "notification.py"
    family.write_text(family.read_text(encoding="utf-8") + NEW_REQUIREMENT, encoding="utf-8")
    rules = copy / "clause_library" / "notification.yaml"
    data = yaml.safe_load(rules.read_text(encoding="utf-8"))
    data["rules"].append(NEW_RULE)
    rules.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    contract = tmp_path / "contract.txt"
    contract.write_text("1. Incidents\n1.1 The Supplier shall notify the Customer of any Security Incident within "
                        "24 hours. A final report on the incident shall follow within 10 days.\n", encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text("final_report_max_hours: 100\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "DDCONTRACT_CACHE": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(contract), str(policy)], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)

    [plain] = got["plain"]
    assert plain["status"] == "met" and plain["values"] == {"hours": 240}, plain
    assert plain["message"] == "A final report is due: 240 hours. Within the policy maximum of 720 hours."
    [strict] = got["strict"]
    assert strict["status"] == "weak"
    assert strict["message"].endswith("Later than the policy maximum of 100 hours.")
    assert "within thirty (30) days" in strict["suggestion"]
    assert "DD-8.99  Final incident report" in got["console"]
    assert "Endelig hændelsesrapport inden for 100 timer" in got["policy_lines"]
    header, row = got["summary_header"], got["summary_row"]
    assert header[header.index("DD-8.99"):header.index("DD-8.99") + 2] == ["DD-8.99", "DD-8.99 hours"]
    assert row[header.index("DD-8.99 hours")] == 240
    assert got["examples"] == [True, True]
