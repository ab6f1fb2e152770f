#!/usr/bin/env python3
"""Per-element precision and recall of DD-7.2 (GDPR Art. 28(3)(a)-(h)) on the six DPAs of the
real-contract development set, against the labels in ``benchmarks/dpa-elements/labels.yaml``
(labelled by reading each DPA in full, before the rules were run on them).

    python ../shared/corpus/real-dev/build.py MIRROR_ROOT ~/.cache/ddcontract/real-dev   # once
    python scripts/dpa_elements_accuracy.py            # per element, per language, overall
    python scripts/dpa_elements_accuracy.py --errors   # also every wrong element, with its evidence
    python scripts/dpa_elements_accuracy.py --texts DIR

An element counts as found when DD-7.2's ``elements`` lists it (its evidence is the quote whose
``element`` names it). Exit code 0 (a measurement, not a
test); 2 when the labels or the texts are missing.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from ddcontract.testing.scoring import Tally, language_rows

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "dpa-elements" / "labels.yaml"
ELEMENTS = ("instructions", "confidentiality", "security", "subprocessors", "data-subject-rights",
            "assistance", "deletion-return", "audits")
LETTERS = dict(zip(ELEMENTS, "abcdefgh"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=None, help="the built texts (default: the cache's real-dev)")
    ap.add_argument("--errors", action="store_true", help="list every wrong element with its evidence")
    args = ap.parse_args()
    if not LABELS.is_file():
        print(f"no labels at {LABELS}", file=sys.stderr)
        return 2
    import yaml

    from ddcontract.cachedir import cache_dir
    from ddcontract.check import CheckOptions, check_file
    from ddcontract.rules import load_library

    texts = args.texts or cache_dir() / "real-dev"
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    absent = [name for name in labels if not (texts / name).is_file()]
    if absent:
        print(f"{texts}: {len(absent)} texts missing (see ../shared/corpus/real-dev/build.py): {', '.join(absent)}",
              file=sys.stderr)
        return 2
    library = load_library()
    by_element: dict[str, Tally] = defaultdict(Tally)
    by_lang: dict[str, Tally] = defaultdict(Tally)
    errors: list[str] = []
    for name, entry in labels.items():
        result = check_file(texts / name, library, CheckOptions()).as_json()
        finding = next(f for f in result["requirements"] if f["id"] == "DD-7.2")
        quoted = {ev.get("element"): ev for ev in finding["evidence"]}
        found = {e: quoted.get(e, {"text": "", "section": None}) for e in finding["values"].get("elements") or []}
        for element in ELEMENTS:
            label = bool(entry["elements"][element])
            got = element in found
            by_element[element].add(label, got)
            by_lang[entry["language"]].add(label, got)
            if label != got:
                if got:
                    ev = found[element]
                    where = f"§ {ev.get('section')} “{' '.join(ev['text'].split())[:200]}”"
                else:
                    where = "(not found)"
                errors.append(f"  {name} ({LETTERS[element]}) {element}: "
                              f"{'false present' if got else 'false absent'}\n      {where}")
    header = f"{'':22} precision recall    F1   tp  fp  fn  tn"
    print(f"DD-7.2 Art. 28(3) elements on {len(labels)} DPAs of the real-contract development set\n\n{header}")
    for element in ELEMENTS:
        print(f"{'(' + LETTERS[element] + ') ' + element:22} {by_element[element].row()}")
    print()
    print("\n".join(language_rows(by_lang, 22)))
    if args.errors:
        print(f"\n{len(errors)} errors:")
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
