"""Theme 5 (monitoring, logging, audit, review): the values it extracts, its policy setting, and its
columns in the scan summary. The rule examples and decision cases run in test_rule_examples.py and
test_decisions.py (``pytest -k DD-5``)."""

from __future__ import annotations

import pytest

from ddcontract.policy import Policy
from ddcontract.scan.summary import summary_rows
from ddcontract.values import extract_audit_triggers, extract_retention
from ddcontract.wording import policy_lines


@pytest.mark.parametrize(("text", "lang", "days"), [
    ("Access logs are kept for 12 months.", "en", 365),
    ("Loggen opbevares i 6 måneder.", "da", 183),
    ("Audit logs shall be retained for not less than one (1) year.", "en", 365),
    ("Logfilerne gemmes i mindst to år.", "da", 730),
    ("Event logs are deleted after ninety days.", "en", 90),
    ("Logs go to a central server; backups are kept for thirty (30) days.", "en", None),
    ("All access is logged.", "en", None),
])
def test_log_retention_in_days(text, lang, days):
    assert extract_retention(text, 0, lang).get("retention_days") == days


@pytest.mark.parametrize(("text", "lang", "triggers"), [
    ("The Customer may audit the Supplier once a year on 30 days' written notice.", "en", ["periodic", "on-request"]),
    ("After a Security Incident the Customer may inspect the systems at any time.", "en", ["on-request", "incident"]),
    ("Kunden kan efter et sikkerhedsbrud foretage revision.", "da", ["incident"]),
    ("Kunden kan på anmodning og årligt foretage revision.", "da", ["periodic", "on-request"]),
    ("The Processor shall allow audits, subject to reasonable notice, by the Controller.", "en", ["on-request"]),
    ("The Customer may audit the Supplier.", "en", []),
])
def test_audit_triggers(text, lang, triggers):
    assert extract_audit_triggers(text, 0, lang)["triggers"] == triggers


def test_the_policy_asks_for_all_theme_5_requirements_by_default_and_says_which():
    assert Policy().monitoring_required == ["DD-5.1", "DD-5.2", "DD-5.3", "DD-5.4"]
    lines = policy_lines(Policy(monitoring_required=["DD-5.3"]), None, "en")
    assert "Monitoring, logging, audit and review requirements asked for: DD-5.3 (Theme 5)" in lines
    assert any(line.endswith(": ingen (tema 5)") for line in policy_lines(Policy(monitoring_required=[]), None, "da"))


def test_scan_summary_has_theme_5_columns_and_joins_the_triggers():
    result = {"document": {"path": "a.pdf"}, "requirements": [
        {"id": "DD-5.2", "status": "met", "values": {"retention_days": 365}},
        {"id": "DD-5.3", "status": "weak", "values": {"triggers": ["periodic", "on-request"]}}], "flags": []}
    header, rows = summary_rows([result])
    row = dict(zip(header, rows[0]))
    assert row["DD-5.2"] == "met" and row["DD-5.2 retention_days"] == 365
    assert row["DD-5.3 triggers"] == "periodic; on-request"
    assert row["DD-5.1"] == "" and row["DD-5.4"] == ""
