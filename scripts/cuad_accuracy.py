#!/usr/bin/env python3
"""Precision and recall of ddcontract on the CUAD development contracts.

A contract counts as "addressed" when the requirement's status is met or weak:
  DD-4.6 against CUAD's "Cap on Liability"; DD-6.1 against "Insurance"; DD-5.3 against "Audit Rights".
CUAD's labels are per contract (Yes/No), so this is a per-contract measurement.

Usage: python scripts/cuad_accuracy.py [--corpus DIR] [--errors] [--json]
Reads ../shared/corpus/cuad-dev/ by default; exits 0 with a note when the corpus is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "cuad-dev"
PAIRS = {"DD-4.6": "Cap on Liability", "DD-6.1": "Insurance", "DD-5.3": "Audit Rights"}


def measure(corpus: Path, limit: int | None = None, model: bool = True) -> dict:
    from ddcontract.check import CheckOptions, check_document
    from ddcontract.ingest import load_document
    from ddcontract.rules import load_library

    csv.field_size_limit(sys.maxsize)
    library = load_library()
    options = CheckOptions(language="en", model=model)
    with (corpus / "labels.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if limit:
        rows = rows[:limit]
    counts = {rid: {"tp": 0, "fp": 0, "fn": 0, "tn": 0, "fp_files": [], "fn_files": []} for rid in PAIRS}
    started = time.perf_counter()
    for row in rows:
        doc = load_document(corpus / "txt" / row["file"])
        result = check_document(doc, library, options)
        status = {f.id: f.status for f in result.requirements}
        for rid, category in PAIRS.items():
            predicted = status[rid] in ("met", "weak")
            actual = row[category].strip().lower() == "yes"
            c = counts[rid]
            key = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}[(predicted, actual)]
            c[key] += 1
            if key in ("fp", "fn"):
                c[f"{key}_files"].append(row["file"])
    elapsed = time.perf_counter() - started
    report = {"contracts": len(rows), "seconds": round(elapsed, 1), "requirements": {}}
    for rid, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        report["requirements"][rid] = {"cuad_category": PAIRS[rid], "precision": round(p, 3), "recall": round(r, 3),
                                       **{k: c[k] for k in ("tp", "fp", "fn", "tn")},
                                       "false_positives": c["fp_files"], "false_negatives": c["fn_files"]}
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--errors", action="store_true", help="list the false positives and negatives")
    ap.add_argument("--json", action="store_true", help="print the full report as JSON")
    ap.add_argument("--limit", type=int, default=None, help="only the first N contracts")
    ap.add_argument("--no-model", action="store_true", help="the rules alone, without the statistical model")
    args = ap.parse_args()
    if not (args.corpus / "labels.csv").is_file():
        print(f"corpus not found at {args.corpus}; nothing measured")
        return 0
    report = measure(args.corpus, args.limit, model=not args.no_model)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"CUAD dev: {report['contracts']} contracts in {report['seconds']} s")
    for rid, r in report["requirements"].items():
        print(f"{rid} vs {r['cuad_category']:<16} precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
              f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}, tn {r['tn']})")
        if args.errors:
            for f in r["false_positives"]:
                print(f"   FP  {f}")
            for f in r["false_negatives"]:
                print(f"   FN  {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
