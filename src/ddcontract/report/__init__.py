"""Reports written from the same :class:`~ddcontract.model.CheckResult`: console text and JSON."""

from __future__ import annotations

import json
from typing import Any

from ..model import CheckResult


def to_json(result: CheckResult, explanation: Any = None) -> str:
    """The ``ddcontract/check/v1`` object; with an :class:`~ddcontract.explain.Explanation`, also an
    ``explain`` object (``check --explain``)."""
    obj = result.as_json()
    if explanation is not None:
        obj["explain"] = explanation.as_json()
    return json.dumps(obj, indent=2, ensure_ascii=False)
