#!/usr/bin/env python3
"""Accuracy on the real-contract development set (``../shared/corpus/real-dev/``): published terms,
SaaS agreements and DPAs, English and Danish, labelled against the requirement catalogue by people
who did not write the rules.

    python ../shared/corpus/real-dev/build.py MIRROR_ROOT ~/.cache/ddcontract/real-dev   # once
    python scripts/real_accuracy.py                   # per language and per requirement
    python scripts/real_accuracy.py --errors          # also every wrong status, with its evidence
    python scripts/real_accuracy.py --texts DIR       # texts built elsewhere

A requirement counts as "addressed" when ddcontract reports it ``met`` or ``weak``; a label ``1`` is
addressed, ``0`` missing, ``~`` not scored. Labelled values (notice hours, cap amount) are compared
too. Exit code 0 (a measurement, not a test); 2 when the labels or the texts are missing.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT.parent / "shared" / "corpus" / "real-dev" / "labels.yaml"


def default_texts() -> Path:
    from ddcontract.cachedir import cache_dir

    return cache_dir() / "real-dev"


def _value_right(want: object, got: object) -> bool:
    if want is None or got is None:
        return want is got
    return abs(float(want) - float(got)) < 1e-6  # type: ignore[arg-type]


class Tally:
    """Addressed/missing counts of one group (a language, a requirement)."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, label: bool, got: bool) -> None:
        if label and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif label:
            self.fn += 1
        else:
            self.tn += 1

    def row(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return f"{p:9.2f} {r:6.2f} {f1:5.2f} {self.tp:4d} {self.fp:3d} {self.fn:3d} {self.tn:3d}"


def _evidence(finding: dict) -> str:
    if not finding["evidence"]:
        return "      (no evidence)"
    ev = finding["evidence"][0]
    text = " ".join(ev["text"].split())
    return f"      § {ev['section']} [{ev['rule']}] “{text[:220]}{'…' if len(text) > 220 else ''}”"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=None, help="the built texts (default: the cache's real-dev)")
    ap.add_argument("--errors", action="store_true", help="list every wrong status and value with its evidence")
    args = ap.parse_args()
    if not LABELS.is_file():
        print(f"no labels at {LABELS}: nothing measured", file=sys.stderr)
        return 2
    import yaml

    from ddcontract.check import CheckOptions, check_file
    from ddcontract.rules import load_library

    texts = args.texts or default_texts()
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    absent = [name for name in labels if not (texts / name).is_file()]
    if absent:
        print(f"{texts}: {len(absent)} texts missing (build them with real-dev/build.py): {', '.join(absent)}",
              file=sys.stderr)
        return 2
    library = load_library()
    by_lang: dict[str, Tally] = defaultdict(Tally)
    by_req: dict[tuple[str, str], Tally] = defaultdict(Tally)
    values_right = values_total = 0
    errors: list[str] = []
    for name, entry in labels.items():
        result = check_file(texts / name, library, CheckOptions()).as_json()
        found = {f["id"]: f for f in result["requirements"]}
        for rid, label in entry["req"].items():
            if label not in (0, 1):
                continue
            got = found[rid]["status"] != "missing"
            by_lang[entry["lang"]].add(bool(label), got)
            by_req[(entry["lang"], rid)].add(bool(label), got)
            if bool(label) != got:
                kind = "false missing" if label else "false addressed"
                errors.append(f"  {name} {rid}: {kind} ({found[rid]['status']})\n{_evidence(found[rid])}")
        for rid, want in (entry.get("values") or {}).items():
            for key, value in want.items():
                values_total += 1
                have = found[rid]["values"].get(key)
                if _value_right(value, have):
                    values_right += 1
                else:
                    errors.append(f"  {name} {rid}: {key} = {have!r}, labelled {value!r}\n{_evidence(found[rid])}")
    header = f"{'':14} precision recall    F1   tp  fp  fn  tn"
    print(f"real-contract development set: {len(labels)} contracts\n\n{header}")
    for lang in sorted(by_lang):
        print(f"{lang:14} {by_lang[lang].row()}")
    total = Tally()
    for t in by_lang.values():
        total.tp, total.fp, total.fn, total.tn = total.tp + t.tp, total.fp + t.fp, total.fn + t.fn, total.tn + t.tn
    print(f"{'all':14} {total.row()}\n\n{header}")
    for (lang, rid), t in sorted(by_req.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"{rid + ' ' + lang:14} {t.row()}")
    print(f"\nlabelled values right: {values_right}/{values_total}")
    if args.errors:
        print(f"\n{len(errors)} errors:")
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
