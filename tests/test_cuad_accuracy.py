"""Precision/recall on the CUAD development contracts (slow; skipped when the corpus is absent).

Run with: python -m pytest -m slow tests/test_cuad_accuracy.py
"""

from __future__ import annotations

import pytest

from conftest import CORPUS, load_script

pytestmark = pytest.mark.slow


@pytest.mark.skipif(not (CORPUS / "labels.csv").is_file(), reason="CUAD corpus not present")
def test_cuad_cap_and_insurance_meet_targets():
    report = load_script("cuad_accuracy").measure(CORPUS)
    for rid in ("DD-4.6", "DD-6.1", "DD-5.3"):
        r = report["requirements"][rid]
        assert r["precision"] >= 0.90, (rid, r)
        assert r["recall"] >= 0.85, (rid, r)
