#!/usr/bin/env python3
"""Accuracy on real published contracts (terms of service, SaaS agreements and DPAs, English and
Danish), labelled against the requirement catalogue by people who did not write the rules:

- the development set, ``../shared/corpus/real-dev/`` (the rules have been improved looking at its errors);
- the further development sets, ``benchmarks/real-dev2/`` … (each folder with a ``labels.yaml``; found when the script
  starts, so a new set needs only its folder): contracts from other repositories, labelled blind; each measured once
  before any rule was changed for it, then studied and tuned on like the first, except a set its README says was kept
  aside or not studied;
- the held-out set, ``benchmarks/real-heldout/labels.yaml`` (labelled blind; measured, never tuned on:
  a fix that only fits the development sets shows here).

    python ../shared/corpus/real-dev/build.py MIRROR_ROOT ~/.cache/ddcontract/real-dev   # once
    python scripts/real_accuracy.py                   # per language and per requirement
    python scripts/real_accuracy.py --errors          # also every wrong status, with its evidence
    python scripts/real_accuracy.py --no-model        # the rules alone (no statistical model)
    python scripts/real_accuracy.py --texts DIR       # texts built elsewhere
    python scripts/real_accuracy.py --set dev2 --build MIRROR_ROOT  # once: the second set's texts
    python scripts/real_accuracy.py --set dev2        # the second development set
    python scripts/real_accuracy.py --set dev,dev2,dev3   # several sets, pooled (errors named set/file)
    python scripts/real_accuracy.py --heldout --build MIRROR_ROOT   # once: the held-out texts
    python scripts/real_accuracy.py --heldout         # the held-out figures (same as --set heldout)
    python scripts/real_accuracy.py --set dev,dev2 --present-only   # only the texts built (some snapshots missing)
    python scripts/real_accuracy.py --agreement       # how far two independent labellings of the held-out set agree
    python scripts/real_accuracy.py --agreement --set dev60,dev62   # the same for sets with a labels-second.yaml, pooled

The texts are not stored (several carry no licence): each label names its source as
``owner/name path@commit``; ``--build`` takes them from git snapshots of those repositories
(``MIRROR_ROOT/<owner>+<name>/repo``, as the search tool's ``fetch`` leaves them). A PDF labelled
under a ``.pdf`` name is kept as the PDF and read by ddcontract; under a ``.txt`` name it goes
through ``pdftotext -layout`` first. A label with a ``part`` (an entry's key) takes only that entry of a
file that holds several texts (a site's pages kept in one JavaScript or JSON object).

A requirement counts as "addressed" when ddcontract reports it ``met`` or ``weak``; a label ``1`` is
addressed, ``0`` missing, ``~`` not scored. Labelled values (notice hours, cap amount) are compared
too. Exit code 0 (a measurement, not a test); 2 when the labels or the texts are missing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from ddcontract.testing.scoring import Tally, language_rows, value_right

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT.parent / "shared" / "corpus" / "real-dev" / "labels.yaml"
HELDOUT = ROOT / "benchmarks" / "real-heldout" / "labels.yaml"
_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_IRREGULAR = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
              "twelve": "twelfth"}


def ordinal(n: int) -> str:
    """An English ordinal in words, 1 … 999: "second", "twelfth", "forty-first", "seventieth", "one hundredth",
    "one hundred and second"."""
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" and {ordinal(rest)}" if rest else "th")
    tens, units = divmod(n, 10)
    cardinal = _UNITS[n] if n < 20 else _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    head, _, last = cardinal.rpartition("-")
    if last in _IRREGULAR:
        word = _IRREGULAR[last]
    elif last.endswith("y"):
        word = last[:-1] + "ieth"
    else:
        word = last + "th"
    return f"{head}-{word}" if head else word


def _numbered_sets() -> dict[str, tuple[Path, str, str]]:
    """The development sets after the first: every ``benchmarks/real-devN/`` with a ``labels.yaml``."""
    out = {}
    for folder in (ROOT / "benchmarks").glob("real-dev*"):
        number = folder.name.removeprefix("real-dev")
        if number.isdigit() and (folder / "labels.yaml").is_file():
            out[f"dev{number}"] = (folder / "labels.yaml", folder.name, f"{ordinal(int(number))} development set")
    return dict(sorted(out.items(), key=lambda item: int(item[0][3:])))


# each set: its labels, the cache folder its texts are built into, and its name in the output
SETS = {
    "dev": (LABELS, "real-dev", "development set"),
    **_numbered_sets(),
    "heldout": (HELDOUT, "real-heldout", "held-out set"),
}


def default_texts(folder: str) -> Path:
    from ddcontract.cachedir import cache_dir

    return cache_dir() / folder


def cut_part(data: bytes, part: str) -> bytes | None:
    """One entry of a file that holds several texts, named by the label's ``part``: from the line that opens the
    entry (``terms: {``, ``'terms': {``, ``"terms": {``) to the brace that closes it (braces counted as written; a
    page's HTML rarely holds one, and ``${…}`` holds a pair). Sites that keep every page in one JavaScript or JSON
    object need it: the whole file would give each label every page's words. None when no line opens such an entry
    or it is never closed. A constant of its own is an entry too: an object (``export const terms: Page = {``) to its
    closing brace, a template string (``const terms = `…` ``) to the closing backquote."""
    text = data.decode("utf-8", errors="replace")
    constant = r"^[ \t]*(?:export\s+)?(?:const|let|var)\s+" + re.escape(part)
    m = (re.search(r"^[ \t]*['\"]?" + re.escape(part) + r"['\"]?\s*:\s*\{", text, flags=re.M)
         # a typed constant of its own: "export const tradeTerms: LegalDocument = {"
         or re.search(constant + r"(?:\s*:\s*[\w.<>\[\], ]+)?\s*=\s*\{", text, flags=re.M))
    if not m:
        s = re.search(constant + r"\s*=\s*`", text, flags=re.M)
        end = re.compile(r"(?<!\\)`").search(text, s.end()) if s else None
        return text[s.start():end.end()].encode("utf-8") if end else None
    depth = 0
    for i in range(m.end() - 1, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[m.start():i + 1].encode("utf-8")
    return None


def build(labels: dict, mirror: Path, out: Path) -> int:
    """Write each labelled text, as published at its recorded commit, into ``out``."""
    import subprocess
    import tempfile

    out.mkdir(parents=True, exist_ok=True)
    missing = []
    for name, entry in labels.items():
        repo, rest = entry["source"].split(" ", 1)
        path, commit = rest.rsplit("@", 1)
        gitdir = mirror / repo.replace("/", "+") / "repo"
        shown = subprocess.run(["git", "-C", str(gitdir), "show", f"{commit}:{path}"], capture_output=True)
        if shown.returncode:
            missing.append(f"{name} (fetch {repo})")
            continue
        data = shown.stdout
        if entry.get("part"):
            data = cut_part(data, entry["part"])
            if data is None:
                missing.append(f"{name} (no entry {entry['part']!r} in {path})")
                continue
        # a PDF labelled under a .pdf name is read by ddcontract itself; under a .txt name, as pdftotext reads it
        if path.lower().endswith(".pdf") and not name.lower().endswith(".pdf"):
            with tempfile.TemporaryDirectory() as tmp:
                pdf = Path(tmp) / "source.pdf"
                pdf.write_bytes(data)
                data = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                                      capture_output=True).stdout
        (out / name).write_bytes(data)
    print(f"built {len(labels) - len(missing)}/{len(labels)} texts into {out}")
    for m in missing:
        print("  missing:", m, file=sys.stderr)
    return 2 if missing else 0


def _evidence(finding: dict) -> str:
    if not finding["evidence"]:
        return "      (no evidence)"
    ev = finding["evidence"][0]
    text = " ".join(ev["text"].split())
    return f"      § {ev['section']} [{ev['rule']}] “{text[:220]}{'…' if len(text) > 220 else ''}”"


def agreement(labellings: list[tuple[Path, Path]]) -> int:
    """Agreement of two labellings (1/0 labels both made) of one or more sets, pooled: overall, per language and
    per requirement, with Cohen's kappa, and every label they differ on."""
    import yaml

    pairs = []
    for first, second in labellings:
        a, b = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (first, second))
        prefix = f"{first.parent.name}/" if len(labellings) > 1 else ""
        pairs += [(prefix + name, rid, la, b[name]["req"].get(rid), entry["lang"]) for name, entry in a.items()
                  if name in b for rid, la in entry["req"].items()
                  if la in (0, 1) and b[name]["req"].get(rid) in (0, 1)]
    if not pairs:
        print("no label in common", file=sys.stderr)
        return 2

    def line(label: str, items: list) -> str:
        n = len(items)
        same = sum(1 for p in items if p[2] == p[3])
        pa, pb = sum(p[2] for p in items) / n, sum(p[3] for p in items) / n
        chance = pa * pb + (1 - pa) * (1 - pb)
        kappa = (same / n - chance) / (1 - chance) if chance < 1 else 1.0
        return f"{label:14} {same:4d}/{n:<4d} {same / n:6.3f} {kappa:7.3f}"

    names = ", ".join(first.parent.name for first, _ in labellings)
    print(f"two labellings of {names}: {labellings[0][0].name} and {labellings[0][1].name}\n")
    print(f"{'':14} {'agree':>9} {'share':>6} {'kappa':>7}")
    print(line("all", pairs))
    for lang in sorted({p[4] for p in pairs}):
        print(line(lang, [p for p in pairs if p[4] == lang]))
    for rid in sorted({p[1] for p in pairs}):
        print(line(rid, [p for p in pairs if p[1] == rid]))
    for name, rid, la, lb, _ in pairs:
        if la != lb:
            print(f"  {name} {rid}: {la} / {lb}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=None,
                    help="the built texts (default: the cache's real-dev or real-heldout)")
    ap.add_argument("--set", dest="which", default=None,
                    help="which labelled set (default: dev, the first development set); several, comma-separated "
                         f"(dev,dev2,dev3), are measured pooled. One of: {', '.join(sorted(SETS))}")
    ap.add_argument("--heldout", action="store_true", help="the held-out set (same as --set heldout)")
    ap.add_argument("--build", type=Path, metavar="MIRROR_ROOT", default=None,
                    help="first build the texts from git snapshots under MIRROR_ROOT")
    ap.add_argument("--errors", action="store_true", help="list every wrong status and value with its evidence")
    ap.add_argument("--present-only", action="store_true",
                    help="measure the texts that are built and name those that are not (when some snapshots cannot "
                         "be had); the figures are then not comparable with a full set's")
    ap.add_argument("--no-model", action="store_true",
                    help="the rules alone, without the statistical model's second opinion (matching.statistical)")
    ap.add_argument("--agreement", action="store_true",
                    help="only compare two independent labellings (labels.yaml and labels-second.yaml) of the held-out "
                         "set, or of the sets named with --set, pooled (no ddcontract run)")
    args = ap.parse_args()
    default = "heldout" if args.heldout or args.agreement else "dev"  # --agreement alone: the held-out set's two labellings
    which = [w.strip() for w in (args.which if args.which and not args.heldout else default).split(",") if w.strip()]
    if args.agreement:
        unknown = [w for w in which if w not in SETS]
        missing = [w for w in which if w not in unknown and not SETS[w][0].with_name("labels-second.yaml").is_file()]
        if unknown or missing:
            print(f"no second labelling for {', '.join(unknown + missing)} (labels-second.yaml beside labels.yaml)",
                  file=sys.stderr)
            return 2
        return agreement([(SETS[w][0], SETS[w][0].with_name("labels-second.yaml")) for w in which])
    unknown = [w for w in which if w not in SETS]
    if unknown or not which:
        print(f"unknown set {', '.join(unknown) or '(none)'}: choose from {', '.join(sorted(SETS))}", file=sys.stderr)
        return 2
    if len(which) > 1 and (args.texts or args.build):
        print("--texts and --build take one set at a time", file=sys.stderr)
        return 2
    import yaml

    from ddcontract.check import CheckOptions, check_file
    from ddcontract.rules import load_library

    sets = []
    for w in which:
        source, folder, set_name = SETS[w]
        if not source.is_file():
            print(f"no labels at {source}: nothing measured", file=sys.stderr)
            return 2
        texts = args.texts or default_texts(folder)
        labels = yaml.safe_load(source.read_text(encoding="utf-8"))
        if args.build is not None and build(labels, args.build, texts):
            return 2
        absent = [name for name in labels if not (texts / name).is_file()]
        if absent and args.present_only:
            print(f"{w}: {len(absent)} of {len(labels)} texts not built, left out: {', '.join(absent)}")
            labels = {name: entry for name, entry in labels.items() if name not in absent}
        elif absent:
            print(f"{texts}: {len(absent)} texts missing (build them with --build MIRROR_ROOT): {', '.join(absent)}",
                  file=sys.stderr)
            return 2
        sets.append((w, set_name, texts, labels))
    library = load_library()
    by_lang: dict[str, Tally] = defaultdict(Tally)
    by_req: dict[tuple[str, str], Tally] = defaultdict(Tally)
    values_right = values_total = 0
    errors: list[str] = []
    pooled = len(sets) > 1
    for w, _, texts, labels in sets:
        for name, entry in labels.items():
            shown = f"{w}/{name}" if pooled else name
            result = check_file(texts / name, library, CheckOptions(model=not args.no_model)).as_json()
            found = {f["id"]: f for f in result["requirements"]}
            for rid, label in entry["req"].items():
                if label not in (0, 1):
                    continue
                got = found[rid]["status"] != "missing"
                by_lang[entry["lang"]].add(bool(label), got)
                by_req[(entry["lang"], rid)].add(bool(label), got)
                if bool(label) != got:
                    kind = "false missing" if label else "false addressed"
                    errors.append(f"  {shown} {rid}: {kind} ({found[rid]['status']})\n{_evidence(found[rid])}")
            for rid, want in (entry.get("values") or {}).items():
                for key, value in want.items():
                    values_total += 1
                    have = found[rid]["values"].get(key)
                    if value_right(value, have):
                        values_right += 1
                    else:
                        errors.append(f"  {shown} {rid}: {key} = {have!r}, labelled {value!r}\n{_evidence(found[rid])}")
    set_name = sets[0][1] if not pooled else f"{len(sets)} sets pooled ({', '.join(w for w, *_ in sets)})"
    labels = {f"{w}/{n}": e for w, _, _, ls in sets for n, e in ls.items()}
    header = f"{'':14} precision recall    F1   tp  fp  fn  tn"
    print(f"real-contract {set_name}: {len(labels)} contracts\n\n{header}")
    print("\n".join(language_rows(by_lang, 14)) + f"\n\n{header}")
    for (lang, rid), t in sorted(by_req.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"{rid + ' ' + lang:14} {t.row()}")
    print(f"\nlabelled values right: {values_right}/{values_total}")
    if args.errors:
        print(f"\n{len(errors)} errors:")
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
