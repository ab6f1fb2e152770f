#!/usr/bin/env python3
"""Complete check results of many files, saved and compared: the guard for changes that must not
change any result (speed work, refactoring).

    python scripts/results_snapshot.py save before.json            # before the change
    python scripts/results_snapshot.py compare before.json         # after it: every difference

The files: the bundled samples, tests/data (the held-out Danish contracts), the CUAD development
contracts in ../shared/corpus/cuad-dev/txt when present, and any folders given with --dir (for
example the benchmark archive, ~/.cache/ddcontract/bench-archive-v2-300/real). Per file it keeps
each requirement's status, values and evidence (quoted text and rule) and each raised flag with its
evidence; an unreadable file keeps its error. With ``--full`` it keeps everything a user sees instead:
the whole ``check --format json`` object in both report languages (messages, suggestions, titles,
document facts), the file's row of the scan summary, and the gap report's text. Exit code 1 when
compare finds a difference.
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


def _key(path: Path) -> str:
    """The file's name relative to the repository, so that two checkouts side by side compare."""
    import os

    return os.path.relpath(path, ROOT)


def _brief(r: dict) -> dict:
    return {
        "requirements": [[x["id"], x["status"], x["values"], [[e["text"], e["rule"]] for e in x["evidence"]]]
                         for x in r["requirements"]],
        "flags": [[x["id"], [e["text"] for e in x["evidence"]]] for x in r["flags"]],
    }


def _text_of(value: object) -> object:
    """A gap-report context value as plain data (rich text as its XML)."""
    if isinstance(value, dict):
        return {k: _text_of(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_text_of(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _full(path: Path, library, options_for) -> dict:
    """Everything a user sees of one file: the JSON in both report languages, the summary row and
    the gap report's variables."""
    import datetime as dt

    from ddcontract.check import check_file

    out: dict[str, object] = {}
    for lang in ("en", "da"):
        result = check_file(path, library, options_for(lang))
        r = result.as_json()
        out[f"json.{lang}"] = r
        gap = _text_of(_gap_context(result, dt.date(2026, 1, 1)))
        gap["doc"]["path"] = _key(path)
        out[f"gap.{lang}"] = gap
    out["summary"] = _summary_row({**out["json.en"], "document": {**out["json.en"]["document"], "path": _key(path)}})
    return out


def _gap_context(result, today):
    from ddcontract.policy import Policy
    from ddcontract.report.docx import report_context

    return report_context(result, Policy(), None, today=today)


def _summary_row(obj: dict) -> list:
    from ddcontract.scan.summary import summary_rows

    header, rows = summary_rows([obj])
    return [header, rows]


def snapshot(paths: list[Path], full: bool = False) -> dict[str, object]:
    from ddcontract import gcpolicy
    from ddcontract.check import CheckOptions, check_file
    from ddcontract.errors import DDContractError
    from ddcontract.rules import load_library

    gcpolicy.hold()  # as the command line runs
    library = load_library()
    out: dict[str, object] = {}
    for path in paths:
        try:
            if full:
                got = _full(path, library, lambda lang: CheckOptions(report_language=lang))
                for key in ("json.en", "json.da"):
                    got[key]["document"].pop("path", None)
            else:
                got = _brief(check_file(path, library, CheckOptions()).as_json())
        except DDContractError as exc:
            out[_key(path)] = {"error": exc.one_line()}
            continue
        out[_key(path)] = json.loads(json.dumps(got, ensure_ascii=False, default=str))
    return out


def _differences(was: dict, got: dict) -> None:
    if "requirements" in was:
        for a, b in zip(was["requirements"], got["requirements"]):
            if a != b:
                print(f"  was {str(a)[:300]}\n  now {str(b)[:300]}")
        if was["flags"] != got["flags"]:
            print(f"  flags was {was['flags']}\n  flags now {got['flags']}")
        return
    for key in sorted(set(was) | set(got)):
        if was.get(key) != got.get(key):
            a, b = json.dumps(was.get(key), ensure_ascii=False), json.dumps(got.get(key), ensure_ascii=False)
            i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            print(f"  {key} differs at character {i}:\n    was …{a[max(0, i - 120):i + 180]}\n"
                  f"    now …{b[max(0, i - 120):i + 180]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("--dir", type=Path, action="append", default=[], help="also every contract file in DIR")
    ap.add_argument("--full", action="store_true",
                    help="keep everything a user sees (both report languages, summary row, gap report text)")
    args = ap.parse_args()
    paths = files(args.dir)
    now = snapshot(paths, args.full)
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
        _differences(was, got)
    print(f"{len(now)} files compared, {differ} with differences")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
