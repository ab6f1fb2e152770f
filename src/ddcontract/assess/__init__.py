"""The due-diligence assessment of a customer: the questionnaire and its answers, the risk profile,
and the policy the risk level selects. Staged like the contract check, each stage a typed hand-off:

    questionnaire/questions.yaml ─► questions.py ─► Questionnaire
    answers (YAML or XLSX)       ─► answers.py (workbook.py for XLSX) ─► Answers (unknown = None)
    questionnaire/risk_profile.yaml ─► risk.py ─► RiskProfile; evaluate(Answers) ─► RiskResult
    RiskResult.level             ─► policy.profile_policy ─► Policy (policies/<level>.yaml)

``form.py`` and ``workbook.py`` write the blank forms (``ddcontract assess init``); ``cli.py`` holds
the ``assess`` commands. Question IDs are written only in the data files, never in this code.
"""

from __future__ import annotations

from pathlib import Path

# the risk levels, lowest first; the policy presets in policies/ are named after them
LEVELS: tuple[str, ...] = ("low", "medium", "high")


def data_dir(name: str) -> Path:
    """A bundled data folder (``questionnaire``): inside the installed package, or at the repository root."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / name, here.parent.parent / name):
        if candidate.is_dir():
            return candidate
    return here / name  # missing: the loader says so, naming this path
