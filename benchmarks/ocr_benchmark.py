#!/usr/bin/env python3
"""OCR speed: pages/s read by OCR in `check` and in `scan`. Prints its figures; quote them in
docs/performance.md.

    python benchmarks/ocr_benchmark.py               # all seven sample PDFs scanned (44 pages)
    python benchmarks/ocr_benchmark.py --samples 2   # a quicker run

The scanned PDFs (made once, kept in a temporary folder) are the sample PDFs as image-only PDFs:
each page rendered at 200 dpi, turned slightly, speckled, JPEG-compressed
(ddcontract.testing.scanned), as the OCR tests make them.

Measured, each in its own process (wall time, start-up included; peak memory = the largest max
RSS among the processes):
  check            `ddcontract check FILE --format json` on each scanned PDF, one after the other
                   (one core: Tesseract runs on one thread)
  check, typed     the same on the typed PDFs, for the cost OCR adds
  scan             `ddcontract scan` over the scanned PDFs with --workers 1 and with all cores
  scan, mixed      `ddcontract scan` over the typed PDFs plus a copy of each with its last page
                   scanned (a signed contract): what --ocr auto costs an archive of mostly typed pages
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _run(args: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "ddcontract", *args], capture_output=True, text=True)
    return time.perf_counter() - t, proc


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", type=int, default=7, help="how many sample PDFs (largest first)")
    args = ap.parse_args()
    from ddcontract.ingest.ocr import engine_name, unavailable
    from ddcontract.testing.scanned import make_mixed, make_scanned

    why = unavailable()
    if why:
        sys.exit(f"ocr_benchmark: {why}")
    typed = sorted(SAMPLES.glob("*.pdf"), key=lambda p: (-_pages(p), p.name))[: args.samples]
    tmp = Path(tempfile.mkdtemp(prefix="ocr-bench-"))
    scanned_dir, mixed_dir = tmp / "scanned", tmp / "mixed"
    scanned_dir.mkdir()
    mixed_dir.mkdir()
    for pdf in typed:
        make_scanned(pdf, scanned_dir / pdf.name)
        shutil.copy(pdf, mixed_dir / pdf.name)
        make_mixed(pdf, mixed_dir / f"signed_{pdf.name}", [_pages(pdf) - 1])
    pages = sum(_pages(p) for p in typed)
    print(f"{engine_name()}, {os.cpu_count()} cores; {len(typed)} PDFs, {pages} pages")

    seconds = 0.0
    confidence = []
    for pdf in sorted(scanned_dir.glob("*.pdf")):
        s, proc = _run(["check", str(pdf), "--format", "json"])
        seconds += s
        doc = json.loads(proc.stdout)["document"]
        confidence.append(doc["ocr"]["mean_confidence"])
    typed_s = sum(_run(["check", str(pdf), "--format", "json"])[0] for pdf in typed)
    print(f"check, scanned, one by one: {seconds:.1f} s, {pages / seconds:.2f} pages/s "
          f"({seconds / pages:.2f} s a page; typed PDFs {typed_s:.1f} s); mean confidence "
          f"{min(confidence):.1f}-{max(confidence):.1f}; peak {_peak_mb():.0f} MB")

    for workers in (1, os.cpu_count() or 1):
        out = tmp / f"scan-{workers}"
        s, proc = _run(["scan", str(scanned_dir), "--out", str(out), "--workers", str(workers)])
        assert proc.returncode == 0, proc.stderr
        print(f"scan, scanned, --workers {workers}: {s:.1f} s, {pages / s:.2f} pages/s; peak {_peak_mb():.0f} MB")

    mixed_pages = 2 * pages
    for mode in ("never", "auto"):
        out = tmp / f"mixed-{mode}"
        s, proc = _run(["scan", str(mixed_dir), "--out", str(out), "--ocr", mode])
        failed = proc.returncode != 0
        print(f"scan, typed + signed copies ({len(typed) * 2} PDFs, {mixed_pages} pages, {len(typed)} scanned), "
              f"--ocr {mode}: {s:.1f} s, {mixed_pages / s:.1f} pages/s{' (the signed copies fail)' if failed else ''}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
