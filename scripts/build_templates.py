#!/usr/bin/env python3
"""Build the DOCX templates in templates/ from their text sources in templates/src/.

Usage:
    python scripts/build_templates.py            # build every templates/src/*.txt
    python scripts/build_templates.py dpa.da     # build some
    python scripts/build_templates.py --check    # exit 1 if a committed template differs from its source

A source is named <template>.<lang>.txt (dpa.en.txt, notification_annex.da.txt, gap_report.en.txt)
and becomes templates/<template>.<lang>.docx. The source format is the sample format of
scripts/build_samples.py (clauses, Word numbering, tables, header and footer), with docxtpl's tags
written in the text: ``{{ controller.name }}`` inline, ``J {%p for s in items %}`` as a paragraph of
its own, ``ROW {%tr for s in items %}`` as a table row of its own, ``{% cellbg colour %}`` at the
start of a table cell. The variables a template may use are documented in src/ddcontract/deal.py
(DPA, annex) and src/ddcontract/report/docx.py (gap report).

A page break in a source becomes "page break before" on the paragraph that follows it, and a table
followed by a heading gets no empty paragraph after it (and paragraphs keep widow and orphan
control): the length of a rendered document is not
known here, and a paragraph holding only a page break (or an empty one after a table) that falls at
the top of a page would leave that page blank.

The build is deterministic, so ``--check`` can compare bytes.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_samples import build_docx, parse_source  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
SRC = TEMPLATES / "src"


def sources(names: list[str]) -> list[Path]:
    if not names:
        return sorted(SRC.glob("*.txt"))
    out = []
    for n in names:
        p = SRC / (n if n.endswith(".txt") else n + ".txt")
        if not p.exists():
            raise SystemExit(f"no template source {p}")
        out.append(p)
    return out


def build(src_path: Path, out_dir: Path) -> Path:
    src = parse_source(src_path)
    src.meta.setdefault("comments", "Template written for the ddcontract project.")
    src.meta.setdefault("category", "template")
    out = out_dir / (src_path.stem + ".docx")
    build_docx(src, out, breaks_before=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--check", action="store_true", help="compare with the committed templates")
    args = ap.parse_args(argv)
    if args.check:
        stale = []
        with tempfile.TemporaryDirectory() as tmp:
            for p in sources(args.names):
                built = build(p, Path(tmp))
                committed = TEMPLATES / built.name
                if not committed.exists() or committed.read_bytes() != built.read_bytes():
                    stale.append(committed.name)
        for name in stale:
            print(f"templates/{name} is out of date: run python scripts/build_templates.py", file=sys.stderr)
        return 1 if stale else 0
    for p in sources(args.names):
        print(build(p, TEMPLATES).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
