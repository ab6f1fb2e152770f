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
            # (a clause without a number is placed by its heading: "## Vores ansvar" in a Markdown text)
            sections = [e["section"] if e.get("section") is not None else e.get("heading") for e in r["evidence"]]
            if want["section"] not in sections:
                out.append(Difference(rid, "section", f"{rid}: evidence sections {sections}, "
                                                      f"expected {want['section']}"))
    flags = sorted(f["id"] for f in got["flags"])
    if flags != sorted(expected.get("flags", [])):
        out.append(Difference("flags", "flags", f"flags {flags} != expected {sorted(expected.get('flags', []))}"))
    if "markup" in expected:
        out.extend(compare_markup(expected["markup"], got))
    return out


def compare_markup(want: dict[str, Any], got: dict[str, Any]) -> list[Difference]:
    """A markup's expected changes: the tracked changes (count, authors), the status before them of
    each requirement they move (every other requirement keeps its status), and the refusals behind
    the refusal flag as (kind, topic) pairs."""
    out: list[Difference] = []
    revisions = got["document"].get("revisions") or {}
    if (revisions.get("count"), revisions.get("authors")) != (want["revisions"], want["authors"]):
        out.append(Difference("markup", "revisions", f"revisions {revisions} != expected {want['revisions']} by "
                                                     f"{want['authors']}"))
    for r in got["requirements"]:
        before = r.get("before", {}).get("status", r["status"])
        expected_before = want["before"].get(r["id"], r["status"])
        if before != expected_before:
            out.append(Difference(r["id"], "before", f"{r['id']}: status before the changes {before} != "
                                                     f"expected {expected_before}"))
    changes = [c for f in got["flags"] for c in f.get("changes", [])]
    refusals = sorted([c["kind"], c["topic"]] for c in changes)
    if refusals != sorted(want["refusals"]):
        out.append(Difference("flags", "refusals", f"refusals {refusals} != expected {sorted(want['refusals'])}"))
    return out
