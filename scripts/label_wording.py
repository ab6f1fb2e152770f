#!/usr/bin/env python3
"""How the labels of the real-contract sets treat a class of wording: a label convention read off the labels.

For one requirement and language, and a class of wording given as a regular expression, count the built texts labelled
addressed (``1``) and missing (``0``) that contain the wording, and list the ones labelled missing that do (and, with
``--all``, every text that does). Where every text with the wording is labelled addressed and the check still reports
some of them missing, the rules are narrower than the labellers' convention: a class to widen on the evidence of all the
sets rather than one text's sentence (``docs/accuracy.md``, "Twenty-ninth round").

    python scripts/label_wording.py DD-4.6 da 'ikke[^.\\n]{0,30}\\bansvar\\w*\\s+for' --set dev,dev2,dev3
    python scripts/label_wording.py DD-4.7 en 'be held (liable|responsible) for' --set dev,dev2 --all

Only the texts already built are read (``scripts/real_accuracy.py --set S --build MIRROR_ROOT``). Name only studied
sets: the never-read and held-out sets' labels and texts are not to be read (see the README's list of sets). No check is
run; exit code 0, or 2 for an unknown set or a bad expression.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import real_accuracy  # noqa: E402 (the sets, their labels and text folders)


def scan(req: str, lang: str, wording: re.Pattern[str], sets: list[str]) -> tuple[dict[int, list[int]], list[tuple]]:
    """{label: [texts without the wording, texts with it]} and (label, set, file, first hit) for each text with it."""
    counts = {0: [0, 0], 1: [0, 0]}
    hits = []
    for w in sets:
        source, folder, _ = real_accuracy.SETS[w]
        texts = real_accuracy.default_texts(folder)
        for name, entry in (yaml.safe_load(source.read_text(encoding="utf-8")) or {}).items():
            if not isinstance(entry, dict) or entry.get("lang") != lang or not (texts / name).is_file():
                continue
            label = (entry.get("req") or {}).get(req)
            if label not in (0, 1):
                continue
            found = wording.search((texts / name).read_text(encoding="utf-8", errors="replace"))
            counts[label][found is not None] += 1
            if found:
                hits.append((label, w, name, found.group(0)))
    return counts, hits


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("requirement", help="e.g. DD-4.6")
    ap.add_argument("lang", choices=["en", "da"])
    ap.add_argument("wording", help="a regular expression (case-insensitive) for the class of wording")
    ap.add_argument("--set", dest="which", required=True, help="studied sets, comma-separated (dev,dev2,…)")
    ap.add_argument("--all", action="store_true", help="list every text with the wording, not only those labelled missing")
    args = ap.parse_args()
    which = [w for w in args.which.split(",") if w]
    unknown = [w for w in which if w not in real_accuracy.SETS]
    if unknown:
        print(f"label_wording: unknown set {', '.join(unknown)}", file=sys.stderr)
        return 2
    try:
        wording = re.compile(args.wording, re.IGNORECASE)
    except re.error as exc:
        print(f"label_wording: the expression does not compile: {exc}", file=sys.stderr)
        return 2
    counts, hits = scan(args.requirement, args.lang, wording, which)
    for label, w, name, text in hits:
        if args.all or label == 0:
            print(f"  labelled {'addressed' if label else 'missing'}: {w}/{name}: {' '.join(text.split())[:160]}")
    print(f"{args.requirement} {args.lang}: labelled addressed {counts[1][1]} with the wording, {counts[1][0]} without; "
          f"labelled missing {counts[0][1]} with it, {counts[0][0]} without")
    return 0


if __name__ == "__main__":
    sys.exit(main())
