#!/usr/bin/env python3
"""Our own texts against the real contracts we measure on: every run of N or more words in a row
(default 10) that a text written for this project shares with a contract of a measuring set.

Everything in the repository is written for this project; the real contracts are for measuring only.
A rule example, a suggested clause or a sample that repeats a contract's sentence breaks that, and
also makes the measurement flatter (the rule has then seen the sentence it is measured on). Our texts:

- every string in the YAML data (``clause_library/``, ``questionnaire/``, ``policies/``, ``templates/``, ``training/``):
  rule examples, suggested clauses and fallbacks, messages, questions, the model's training sentences;
- the sources of the bundled samples and markups (``scripts/sample_sources/``, ``scripts/markup_sources/``),
  of the DOCX templates (``templates/src/``), the test data (``tests/data/``) and any text or Markdown sample.

The contracts: the texts built for the real sets (``real_accuracy.py --set … --build``, in the cache
folder), the texts under ``../shared/corpus/real-dev/`` when built there, and with ``--cuad`` the
CUAD-dev texts. Sets whose texts are not built are skipped (the script says so).

    python scripts/text_overlap.py            # runs of 10 words or more
    python scripts/text_overlap.py --words 8 --cuad

Runs inside a phrase listed in ``scripts/text_overlap_allowed.txt`` are not reported: names of laws
("Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016 …"), which
are facts a contract cites, not sentences taken from one. Nothing else belongs in that list.

Exit code 1 when a run is found, 0 when none, 2 when no contract text is available.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

_WORD = re.compile(r"\w+")
_DATA_DIRS = ("clause_library", "questionnaire", "policies", "templates", "training", "benchmarks/phrasing-probes",
              "benchmarks/value-probes", "benchmarks/clause-probes")
_SOURCE_DIRS = ("scripts/sample_sources", "scripts/markup_sources", "templates/src", "tests/data", "samples")
ALLOWED = ROOT / "scripts" / "text_overlap_allowed.txt"


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def our_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every text written for this project that could repeat a contract."""
    for folder in _DATA_DIRS:
        for path in sorted((ROOT / folder).rglob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for text in _strings(data):
                if len(words(text)) >= 6:
                    yield str(path.relative_to(ROOT)), text
    for folder in _SOURCE_DIRS:
        for path in sorted(p for p in (ROOT / folder).rglob("*") if p.suffix in (".txt", ".md")):
            for para in path.read_text(encoding="utf-8").split("\n\n"):
                yield str(path.relative_to(ROOT)), para


def contract_folders(cuad: bool) -> list[Path]:
    from ddcontract.cachedir import cache_dir

    folders = sorted(p for p in cache_dir().glob("real-*") if p.is_dir())
    shared = ROOT.parent / "shared" / "corpus"
    folders += [p for p in (shared / "real-dev" / "texts",) if p.is_dir()]
    if cuad:
        folders += [p for p in (shared / "cuad-dev" / "txt",) if p.is_dir()]
    return folders


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=10, help="shortest run of words reported (default 10)")
    ap.add_argument("--cuad", action="store_true", help="also the CUAD-dev contracts")
    args = ap.parse_args(argv)
    n = args.words
    folders = contract_folders(args.cuad)
    if not folders:
        print("no contract texts built (run real_accuracy.py --set … --build first): nothing compared", file=sys.stderr)
        return 2
    grams: dict[int, str] = {}  # hash of an n-word run -> the contract it is in
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.suffix.lower() == ".pdf":
                continue
            w = words(path.read_text(encoding="utf-8", errors="ignore"))
            for i in range(len(w) - n + 1):
                grams.setdefault(hash(tuple(w[i:i + n])), f"{folder.name}/{path.name}")
    allowed = set()
    if ALLOWED.is_file():
        for line in ALLOWED.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                w = words(line)
                allowed.update(hash(tuple(w[i:i + n])) for i in range(len(w) - n + 1))
    grams = {k: v for k, v in grams.items() if k not in allowed}
    print(f"compared with {len(grams):,} runs of {n} words from: {', '.join(f.name for f in folders)}")
    found = 0
    for where, text in our_texts():
        w = words(text)
        hits = [i for i in range(len(w) - n + 1) if hash(tuple(w[i:i + n])) in grams]
        if hits:
            found += 1
            contract = grams[hash(tuple(w[hits[0]:hits[0] + n]))]
            run = " ".join(w[hits[0]:hits[-1] + n])
            print(f"{where} ~ {contract}: “{run[:160]}”")
    print(f"{found} text(s) share a run of {n} or more words with a contract")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
