#!/usr/bin/env python3
"""Speed and memory of ddcontract. Prints its figures; quote them in docs/performance.md.

Each measurement runs in a fresh Python process, so its peak memory (max RSS) is its own.

  python scripts/benchmark.py              # all measurements
  python scripts/benchmark.py --quick      # skip the slow pdfplumber measurement

Measured:
  startup      `ddcontract --help` (heavy libraries must not load)
  check-pdf    `check` on a sample PDF, end to end (includes loading spaCy and the rules)
  ingest-NNN   PDF text extraction of a NNN-page PDF made by repeating the samples' pages,
               with the pdfium engine and (unless --quick) the pdfplumber engine
  lang-20      `check` on a 20-page English PDF and a 20-page Danish PDF (each made by repeating
               the English or the Danish samples' pages), wall time of the whole command; each
               once with an empty cache (the one-time making of the English word-join lexicon and
               of the Danish lemma selection) and once with it warm
  corpus       `check` of every CUAD development contract in one process (when the corpus exists)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "cuad-dev" / "txt"

_CHILD = r"""
import json, resource, sys, time
task, arg = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
from ddcontract import gcpolicy
gcpolicy.hold()  # as the command line does (see ddcontract.gcpolicy)
out = {}
if task == "check":
    from ddcontract.check import check_file
    from ddcontract.rules import load_library
    r = check_file(arg, load_library())
    out["requirements"] = len(r.requirements)
elif task.startswith("ingest:"):
    from ddcontract.ingest import load_document
    d = load_document(arg, pdf_engine=task.split(":", 1)[1])
    out["pages"] = d.pages; out["blocks"] = len(d.blocks)
elif task == "corpus":
    from pathlib import Path
    from ddcontract.check import CheckOptions, check_document
    from ddcontract.ingest import load_document
    from ddcontract.rules import load_library
    lib = load_library()
    files = sorted(Path(arg).glob("*.txt"))
    chars = 0
    t1 = time.perf_counter()
    for f in files:
        d = load_document(f)
        chars += sum(len(b.text) for b in d.blocks)
        check_document(d, lib, CheckOptions(language="en"))
    out["files"] = len(files); out["chars"] = chars
    out["files_per_s"] = round(len(files) / (time.perf_counter() - t1), 1)
out["seconds"] = round(time.perf_counter() - t0, 3)
out["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps(out))
gcpolicy.at_exit()
"""


def child(task: str, arg: str, env: dict | None = None) -> dict:
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", _CHILD, task, arg], capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})})
    out = json.loads(res.stdout.strip().splitlines()[-1])
    out["wall"] = round(time.perf_counter() - t0, 3)
    return out


def english_pdfs() -> list[Path]:
    return [p for p in sorted(SAMPLES.glob("*.pdf")) if not p.name.startswith("da_")]


def danish_pdfs() -> list[Path]:
    return sorted(SAMPLES.glob("da_*.pdf"))


def make_big_pdf(pages: int, dest: Path, sources: list[Path] | None = None) -> Path:
    import pypdfium2 as pdfium

    sources = sources or english_pdfs()
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        for src in sources:
            doc = pdfium.PdfDocument(str(src))
            n = min(len(doc), pages - len(out))
            out.import_pages(doc, list(range(n)))
            doc.close()
            if len(out) >= pages:
                break
    out.save(str(dest))
    return dest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="skip the pdfplumber measurement")
    ap.add_argument("--pages", type=int, default=200, help="pages of the large PDF (default 200)")
    args = ap.parse_args()
    # ddcontract's modules as bytecode, as a normal install has them (pip compiles them, and Python
    # writes them on first use unless PYTHONDONTWRITEBYTECODE is set, as on the project's machine)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "ddcontract")], check=False)
    rows: list[tuple[str, dict]] = []

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ddcontract", "--help"], capture_output=True, check=True)
    rows.append(("startup (--help)", {"seconds": round(time.perf_counter() - t0, 3)}))

    pdfs = english_pdfs()
    if pdfs:
        rows.append((f"check {pdfs[0].name}", child("check", str(pdfs[0]))))
        with tempfile.TemporaryDirectory() as tmp:
            if danish_pdfs():
                en20 = make_big_pdf(20, Path(tmp) / "en20.pdf", pdfs)
                da20 = make_big_pdf(20, Path(tmp) / "da20.pdf", danish_pdfs())
                cache = {"DDCONTRACT_CACHE": str(Path(tmp) / "cache")}
                rows.append(("check 20-page English PDF, cold cache", child("check", str(en20), cache)))
                rows.append(("check 20-page English PDF, warm cache", child("check", str(en20), cache)))
                rows.append(("check 20-page Danish PDF, cold cache", child("check", str(da20), cache)))
                rows.append(("check 20-page Danish PDF, warm cache", child("check", str(da20), cache)))
            big = make_big_pdf(args.pages, Path(tmp) / "big.pdf")
            rows.append((f"ingest {args.pages}-page PDF, pdfium", child("ingest:pdfium", str(big))))
            if not args.quick:
                rows.append((f"ingest {args.pages}-page PDF, pdfplumber", child("ingest:pdfplumber", str(big))))
            rows.append((f"check {args.pages}-page PDF", child("check", str(big))))
    if CORPUS.is_dir():
        rows.append(("check all CUAD dev contracts", child("corpus", str(CORPUS))))

    print(f"ddcontract benchmark — python {sys.version.split()[0]}")
    for name, r in rows:
        extra = ", ".join(f"{k} {v}" for k, v in r.items() if k not in ("seconds", "max_rss_mb"))
        extra = extra.replace("wall ", "command wall s ")
        rss = f"{r['max_rss_mb']:>7.1f} MB" if "max_rss_mb" in r else " " * 10
        print(f"{name:<40} {r['seconds']:>8.2f} s  {rss}  {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
