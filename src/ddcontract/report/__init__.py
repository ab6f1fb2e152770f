"""Reports written from the same :class:`~ddcontract.model.CheckResult`: console text and JSON."""

from __future__ import annotations

import json

from ..model import CheckResult


def to_json(result: CheckResult) -> str:
    return json.dumps(result.as_json(), indent=2, ensure_ascii=False)
