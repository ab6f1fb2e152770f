#!/usr/bin/env python3
"""Complete check results of many files, saved and compared: the guard for changes that must not
change any result (speed work, refactoring).

    python scripts/results_snapshot.py save before.json            # before the change
    python scripts/results_snapshot.py compare before.json         # after it: every difference

The files: the bundled samples, tests/data (the held-out Danish contracts), the CUAD development
contracts in ../shared/corpus/cuad-dev/txt when present, and any folders given with --dir (for
example the benchmark archive, ~/.cache/ddcontract/bench-archive-v2-300/real). Per file it keeps
each requirement's status, values and evidence (quoted text and rule) and each raised flag with its
evidence; an unreadable file keeps its error. Exit code 1 when compare finds a difference.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "cuad-dev" / "txt"
SUFFIXES = {".pdf", ".docx", ".txt", ".md"}


def files(extra: list[Path]) -> list[Path]:
    found = sorted((ROOT / "samples").glob("*")) + sorted((ROOT / "tests" / "data" / "da_heldout").rglob("*"))
    if CORPUS.is_dir():
        found += sorted(CORPUS.glob("*.txt"))
    for folder in extra:
        found += sorted(folder.rglob("*"))
    return [p for p in found if p.suffix in SUFFIXES and p.name != "README.md"]


def snapshot(paths: list[Path]) -> dict[str, object]:
    from ddcontract import gcpolicy
    from ddcontract.check import CheckOptions, check_file
    from ddcontract.errors import DDContractError
    from ddcontract.rules import load_library

    gcpolicy.hold()  # as the command line runs
    library = load_library()
    out: dict[str, object] = {}
    for path in paths:
        try:
            r = check_file(path, library, CheckOptions()).as_json()
        except DDContractError as exc:
            out[str(path)] = {"error": exc.one_line()}
            continue
        out[str(path)] = json.loads(json.dumps({
            "requirements": [[x["id"], x["status"], x["values"], [[e["text"], e["rule"]] for e in x["evidence"]]]
                             for x in r["requirements"]],
            "flags": [[x["id"], [e["text"] for e in x["evidence"]]] for x in r["flags"]],
        }))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("--dir", type=Path, action="append", default=[], help="also every contract file in DIR")
    args = ap.parse_args()
    paths = files(args.dir)
    now = snapshot(paths)
    if args.action == "save":
        args.snapshot.write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"{len(now)} files saved to {args.snapshot}")
        return 0
    before = json.loads(args.snapshot.read_text(encoding="utf-8"))
    differ = 0
    for name in sorted(set(before) | set(now)):
        if before.get(name) == now.get(name):
            continue
        differ += 1
        print(f"{name}:")
        was, got = before.get(name), now.get(name)
        if not isinstance(was, dict) or not isinstance(got, dict) or "error" in was or "error" in got:
            print(f"  was {str(was)[:300]}\n  now {str(got)[:300]}")
            continue
        for a, b in zip(was["requirements"], got["requirements"]):
            if a != b:
                print(f"  was {str(a)[:300]}\n  now {str(b)[:300]}")
        if was["flags"] != got["flags"]:
            print(f"  flags was {was['flags']}\n  flags now {got['flags']}")
    print(f"{len(now)} files compared, {differ} with differences")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
