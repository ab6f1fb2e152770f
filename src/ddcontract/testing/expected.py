"""Compare a check result with a reviewer's expected results (``samples/expected/<name>.json``).

Used by the end-to-end tests and by ``scripts/sample_accuracy.py``. An expected file gives, per
requirement, the status a careful reviewer assigns, optionally the values and the section where
the main evidence is, and the warning flags raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Difference:
    requirement: str  # a requirement's ID, or "flags"
    kind: str  # "status" | "value" | "section" | "flags"
    message: str


def _same_value(have: Any, want: Any, key: str) -> bool:
    if key == "formula" and isinstance(want, bool):
        return bool(have) == want
    if isinstance(want, list):
        return sorted(have or []) == sorted(want)
    if isinstance(want, (int, float)) and not isinstance(want, bool) and have is not None:
        return abs(float(have) - float(want)) < 1e-6
    return have == want


def compare(expected: dict[str, Any], got: dict[str, Any]) -> list[Difference]:
    by_id = {r["id"]: r for r in got["requirements"]}
    out: list[Difference] = []
    for rid, want in expected["requirements"].items():
        r = by_id[rid]
        if r["status"] != want["status"]:
            out.append(Difference(rid, "status", f"{rid}: status {r['status']} != expected {want['status']} "
                                               f"({r['message']})"))
            continue
        for key, value in want.get("values", {}).items():
            have = r["values"].get(key)
            if not _same_value(have, value, key):
                out.append(Difference(rid, "value", f"{rid}: {key} = {have!r}, expected {value!r}"))
        if want.get("section") and r["status"] != "missing":
            sections = [e["section"] for e in r["evidence"]]
            if want["section"] not in sections:
                out.append(Difference(rid, "section", f"{rid}: evidence sections {sections}, "
                                                      f"expected {want['section']}"))
    flags = sorted(f["id"] for f in got["flags"])
    if flags != sorted(expected.get("flags", [])):
        out.append(Difference("flags", "flags", f"flags {flags} != expected {sorted(expected.get('flags', []))}"))
    return out
