#!/usr/bin/env python3
"""How many wordings of each requirement the check recognises, one sentence at a time.

The phrasing probes (``benchmarks/phrasing-probes/<set>/<lang>/DD-x.yaml``) are short contract sentences written for
this project by helper sessions that never saw the rules: for each requirement, ``positive`` sentences that address it
on their own (at least "weak" by the catalogue's definitions) and ``negative`` ones that use the same words but do
not. Each sentence is checked alone, as the only paragraph of a text under a neutral heading, so what is measured
is the rules' and the model's reach over wordings, not the reading of documents. Sets whose README says they were
studied have had rules changed for their misses; a set measured before any change says so too.

The value probes (``benchmarks/value-probes/<set>/<lang>.yaml``) are short passages, written the same way, that state
a breach-notification deadline (DD-8.1, ``hours``) or a liability cap (DD-4.6, ``amount`` and ``currency``), each
with the value a lawyer reads from it (``null`` where the convention gives none: a vague deadline, one toward the
authority only, a cap that is a fee formula only). Each passage is checked alone and its values compared.

    python scripts/probe_accuracy.py                     # every set, per language and requirement
    python scripts/probe_accuracy.py --set first --misses   # one set, with each sentence read wrongly
    python scripts/probe_accuracy.py --lang da
    python scripts/probe_accuracy.py --values            # the value probes instead
    python scripts/probe_accuracy.py --values --set a --misses

The clause probes (``benchmarks/clause-probes/<set>/<lang>.yaml``) are short clauses — a heading and a few
paragraphs or list items — where a requirement is addressed only when the context is read (the subject in the heading,
the verb in a lead-in, a term defined before, the channel in the next sentence), or, as negatives, clauses with the
same context words that do not address it. Each clause is checked as a text of its own.

    python scripts/probe_accuracy.py --clauses [--set a] [--lang da] [--misses]

Exit code 0 (a measurement, not a test); 2 when a probe file is missing or malformed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

from ddcontract.testing.scoring import value_right

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "benchmarks" / "phrasing-probes"
VALUE_PROBES = ROOT / "benchmarks" / "value-probes"
VALUE_KEYS = {"DD-8.1": ("hours",), "DD-4.6": ("amount", "currency")}
CLAUSE_PROBES = ROOT / "benchmarks" / "clause-probes"
_HEADING = {"en": "1. Terms", "da": "1. Vilkår"}


def load_probes(folder: Path) -> dict[str, dict[str, list[str]]]:
    """{requirement: {"positive": [...], "negative": [...]}} from one language folder."""
    out: dict[str, dict[str, list[str]]] = {}
    for path in sorted(folder.glob("DD-*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict) or not all(isinstance(s, str) for k in ("positive", "negative")
                                                  for s in data.get(k) or []):
            raise ValueError(f"{path}: expected 'positive:' and 'negative:' lists of sentences")
        out[path.stem] = {k: list(data.get(k) or []) for k in ("positive", "negative")}
    return out


def load_value_probes(path: Path) -> dict[str, list[dict]]:
    """{requirement: [{"text": ..., "hours": ...}, ...]} from one language file of a value-probe set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or set(data) - set(VALUE_KEYS):
        raise ValueError(f"{path}: expected lists under {', '.join(VALUE_KEYS)}")
    for req, items in data.items():
        for item in items or []:
            if (not isinstance(item, dict) or not isinstance(item.get("text"), str)
                    or set(item) != {"text", *VALUE_KEYS[req]}):
                raise ValueError(f"{path}: {req}: each item needs 'text' and {', '.join(VALUE_KEYS[req])}: {item!r}")
            for key in VALUE_KEYS[req]:
                want = item[key]
                if not (want is None or (key == "currency" and isinstance(want, str))
                        or (key != "currency" and isinstance(want, (int, float)) and not isinstance(want, bool))):
                    raise ValueError(f"{path}: {req}: {key} {want!r} is not a value")
    return {req: list(items or []) for req, items in data.items()}


def misses_shown(args: argparse.Namespace, probe_set: Path) -> bool:
    """Whether ``--misses`` lists this set's misses: a held-out set (a ``HELD_OUT`` file in its folder) lists them only
    when ``--set`` names it, so that listing the studied sets' misses never prints a held-out set's sentences."""
    if not args.misses:
        return False
    if (probe_set / "HELD_OUT").exists() and not args.set:
        print("  (held out: its misses are not listed; name it with --set to list them)")
        return False
    return True


class ProbeFileError(Exception):
    """A probe set or file that is missing or malformed; the message names it."""


def language_files(base: Path, args: argparse.Namespace, load, suffix: str = ".yaml"):
    """(set, language, loaded probes) for each ``<set>/<lang><suffix>`` under ``base`` (a file, or with ``suffix`` ""
    the phrasing probes' folder) that ``--set`` and ``--lang`` select, loaded by ``load``; :class:`ProbeFileError`
    when a set is missing or a file malformed."""
    sets = [base / args.set] if args.set else sorted(p for p in base.iterdir() if p.is_dir())
    if not sets or not all(p.is_dir() for p in sets):
        raise ProbeFileError(f"no probe set at {sets[0] if sets else base}")
    for probe_set in sets:
        for lang in ("en", "da"):
            path = probe_set / f"{lang}{suffix}"
            if (args.lang and lang != args.lang) or not path.exists():
                continue
            try:
                yield probe_set, lang, load(path)
            except (ValueError, yaml.YAMLError) as exc:
                raise ProbeFileError(str(exc)) from exc


def measure_phrasing(args: argparse.Namespace, library, check_file, CheckOptions, text: Path) -> None:
    for probe_set, lang, probes in language_files(PROBES, args, load_probes, suffix=""):
        options = CheckOptions(language=lang)
        print(f"\n{probe_set.name} / {lang}        positives found   negatives quiet")
        show = misses_shown(args, probe_set)
        totals = [0, 0, 0, 0]
        for req, kinds in probes.items():
            right = {"positive": 0, "negative": 0}
            for kind, sentences in kinds.items():
                for sentence in sentences:
                    text.write_text(f"{_HEADING[lang]}\n\n{sentence}\n", encoding="utf-8")
                    finding = next(f for f in check_file(text, library, options).requirements if f.id == req)
                    addressed = finding.status in ("met", "weak")
                    if addressed == (kind == "positive"):
                        right[kind] += 1
                    elif show:
                        rules = ",".join(sorted({str(e.rule) for e in finding.evidence})) or "-"
                        print(f"  miss {req} {kind} [{finding.status} {rules}] {sentence}")
            pos, neg = len(kinds["positive"]), len(kinds["negative"])
            totals = [totals[0] + right["positive"], totals[1] + pos, totals[2] + right["negative"], totals[3] + neg]
            print(f"  {req:<8}               {right['positive']:>3}/{pos:<3}          {right['negative']:>3}/{neg:<3}")
        print(f"  all                    {totals[0]:>3}/{totals[1]:<3} ({totals[0] / max(totals[1], 1):.0%})"
              f"    {totals[2]:>3}/{totals[3]:<3} ({totals[2] / max(totals[3], 1):.0%})")


def measure_values(args: argparse.Namespace, library, check_file, CheckOptions, text: Path) -> None:
    for probe_set, lang, probes in language_files(VALUE_PROBES, args, load_value_probes):
        options = CheckOptions(language=lang)
        print(f"\n{probe_set.name} / {lang}        passages read right   (a value given / none given)")
        show = misses_shown(args, probe_set)
        total = [0, 0]
        for req, items in probes.items():
            right = {True: [0, 0], False: [0, 0]}
            for item in items:
                text.write_text(f"{_HEADING[lang]}\n\n{item['text']}\n", encoding="utf-8")
                finding = next(f for f in check_file(text, library, options).requirements if f.id == req)
                keys = VALUE_KEYS[req]
                ok = all(value_right(item[k], finding.values.get(k)) for k in keys)
                given = item[keys[0]] is not None
                right[given][0] += ok
                right[given][1] += 1
                if not ok and show:
                    got = ", ".join(f"{k}={finding.values.get(k)!r}" for k in keys)
                    want = ", ".join(f"{k}={item[k]!r}" for k in keys)
                    print(f"  miss {req} [{finding.status}; {got}; want {want}] {item['text']}")
            n_right = right[True][0] + right[False][0]
            n = right[True][1] + right[False][1]
            total = [total[0] + n_right, total[1] + n]
            print(f"  {req:<8}               {n_right:>3}/{n:<3}               "
                  f"({right[True][0]}/{right[True][1]} / {right[False][0]}/{right[False][1]})")
        print(f"  all                    {total[0]:>3}/{total[1]:<3} ({total[0] / max(total[1], 1):.0%})")


def load_clause_probes(path: Path) -> list[dict]:
    """[{"req", "addressed", "heading", "text"}, ...] from one language file of a clause-probe set; the heading may be
    empty (many published terms have none), the text may not."""
    from ddcontract.requirements import BY_ID

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of clauses")
    for item in data:
        if (not isinstance(item, dict) or set(item) != {"req", "addressed", "heading", "text"}
                or item["req"] not in BY_ID or not isinstance(item["addressed"], bool)
                or not isinstance(item["heading"], str) or not isinstance(item["text"], str) or not item["text"].strip()):
            raise ValueError(f"{path}: each clause needs req (a requirement), addressed (true/false), heading and "
                             f"text: {item!r}")
    return data


def measure_clauses(args: argparse.Namespace, library, check_file, CheckOptions, text: Path) -> None:
    for probe_set, lang, clauses in language_files(CLAUSE_PROBES, args, load_clause_probes):
        options = CheckOptions(language=lang)
        print(f"\n{probe_set.name} / {lang}        positives found   negatives quiet")
        show = misses_shown(args, probe_set)
        tally: dict[str, list[int]] = {}
        for item in clauses:
            heading = item["heading"].strip()
            text.write_text(f"{heading}\n\n{item['text'].strip()}\n" if heading else f"{item['text'].strip()}\n",
                            encoding="utf-8")
            finding = next(f for f in check_file(text, library, options).requirements if f.id == item["req"])
            found = finding.status in ("met", "weak")
            row = tally.setdefault(item["req"], [0, 0, 0, 0])
            k = 0 if item["addressed"] else 2
            row[k] += found == item["addressed"]
            row[k + 1] += 1
            if found != item["addressed"] and show:
                rules = ",".join(sorted({str(e.rule) for e in finding.evidence})) or "-"
                kind = "positive" if item["addressed"] else "negative"
                body = " | ".join(line.strip() for line in item["text"].strip().splitlines())
                print(f"  miss {item['req']} {kind} [{finding.status} {rules}] {item['heading'].strip()} || {body}")
        totals = [sum(r[i] for r in tally.values()) for i in range(4)]
        for req in sorted(tally):
            r = tally[req]
            print(f"  {req:<8}               {r[0]:>3}/{r[1]:<3}          {r[2]:>3}/{r[3]:<3}")
        print(f"  all                    {totals[0]:>3}/{totals[1]:<3} ({totals[0] / max(totals[1], 1):.0%})"
              f"    {totals[2]:>3}/{totals[3]:<3} ({totals[2] / max(totals[3], 1):.0%})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", help="one probe set (a folder under benchmarks/phrasing-probes)")
    ap.add_argument("--lang", choices=("en", "da"))
    ap.add_argument("--misses", action="store_true", help="list every sentence read wrongly")
    ap.add_argument("--values", action="store_true", help="the value probes (deadline hours, cap amount)")
    ap.add_argument("--clauses", action="store_true", help="the clause probes (requirements addressed through context)")
    args = ap.parse_args()

    from ddcontract.check import CheckOptions, check_file
    from ddcontract.rules import load_library

    measure = measure_clauses if args.clauses else measure_values if args.values else measure_phrasing
    try:
        with tempfile.TemporaryDirectory() as tmp:
            measure(args, load_library(), check_file, CheckOptions, Path(tmp) / "probe.txt")
    except ProbeFileError as exc:
        print(f"probe_accuracy: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
