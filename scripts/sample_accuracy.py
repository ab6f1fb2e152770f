#!/usr/bin/env python3
"""Accuracy per language on the bundled samples (and any other folder of contracts with expected files).

For every ``<name>.json`` in the expected folder, each document ``<name>.pdf|.docx|.md|.txt`` beside
it is checked, and the result compared with the reviewer's expected statuses, values, evidence
sections and warning flags; "addressed" (met or weak against missing) is also scored as precision and
recall, the measure scripts/real_accuracy.py uses on real contracts. Figures are grouped by the document's language (as detected).

Usage:
    python scripts/sample_accuracy.py                       # samples/ and samples/expected/
    python scripts/sample_accuracy.py --errors              # list every difference
    python scripts/sample_accuracy.py --docs DIR --expected DIR
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ddcontract.check import CheckOptions, check_file  # noqa: E402
from ddcontract.testing.expected import compare  # noqa: E402
from ddcontract.rules import load_library  # noqa: E402


def _prf(s: dict[str, int]) -> str:
    """Precision/recall/F1 of "addressed" (met or weak) against missing, as scripts/real_accuracy.py counts it."""
    p = s["tp"] / max(1, s["tp"] + s["fp"])
    r = s["tp"] / max(1, s["tp"] + s["fn"])
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.2f}/{r:.2f} ({f:.2f}; tp {s['tp']} fp {s['fp']} fn {s['fn']})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, default=ROOT / "samples")
    ap.add_argument("--expected", type=Path, default=None, help="default: DOCS/expected")
    ap.add_argument("--errors", action="store_true", help="list every difference")
    args = ap.parse_args()
    expected_dir = args.expected or args.docs / "expected"
    library = load_library()
    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[str] = []
    t0 = time.perf_counter()
    for exp_file in sorted(expected_dir.glob("*.json")):
        expected = json.loads(exp_file.read_text(encoding="utf-8"))
        for doc in sorted(args.docs.glob(exp_file.stem + ".*")):
            if doc.suffix not in (".pdf", ".docx", ".md", ".txt"):
                continue
            got = check_file(doc, library, CheckOptions()).as_json()
            lang = got["document"]["language"]
            diffs = compare(expected, got)
            s = stats[lang]
            s["documents"] += 1
            n = len(expected["requirements"])
            wrong_status = {d.requirement for d in diffs if d.kind == "status"}
            wrong_detail = {d.requirement for d in diffs if d.kind in ("value", "section")} - wrong_status
            s["decisions"] += n
            s["status_ok"] += n - len(wrong_status)
            with_values = [r for r, w in expected["requirements"].items() if w.get("values") and r not in wrong_status]
            s["values"] += len(with_values)
            s["values_ok"] += len([r for r in with_values
                                   if not any(d.requirement == r and d.kind == "value" for d in diffs)])
            s["flags_ok"] += not any(d.kind == "flags" for d in diffs)
            s["exact_documents"] += not diffs
            s["detail_wrong"] += len(wrong_detail)
            by_id = {r["id"]: r["status"] for r in got["requirements"]}
            for rid, want in expected["requirements"].items():
                said = by_id.get(rid, "missing") != "missing"
                meant = want["status"] != "missing"
                s["tp" if said and meant else "fp" if said else "fn" if meant else "tn"] += 1
            errors += [f"{doc.name}: {d.message}" for d in diffs]
    took = time.perf_counter() - t0
    print(f"sample accuracy — {args.docs} ({took:.1f} s)")
    print(f"{'language':<9} {'documents':>9} {'statuses right':>16} {'values right':>14} {'flags right':>12} "
          f"{'exactly right':>14}  addressed P/R (F1)")
    for lang, s in sorted(stats.items()):
        print(f"{lang:<9} {s['documents']:>9} {s['status_ok']:>7}/{s['decisions']:<4} {s['status_ok'] / s['decisions']:>4.0%}"
              f" {s['values_ok']:>6}/{s['values']:<3} {s['values_ok'] / max(1, s['values']):>4.0%}"
              f" {s['flags_ok']:>5}/{s['documents']:<3}{'':>3} {s['exact_documents']:>6}/{s['documents']:<6} {_prf(s)}")
    if args.errors and errors:
        print("\ndifferences:")
        for e in errors:
            print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
