"""Which OCR engine and which rendering resolution: accuracy against time on scanned sample pages.

    python benchmarks/ocr_engines.py [--pages N]

Makes image-only PDFs of samples/msa_provider.pdf and samples/da_kundevilkaar.pdf (200 dpi,
slight rotation, noise, JPEG: ddcontract.testing.scanned), renders their pages with pdfium at each
resolution, reads them with tesserocr (Tesseract's C++ API in process, the model loaded once) and
with pytesseract (the tesseract program, once per page), and compares the words with the typed
PDF's text (word error rate, from difflib). One thread per Tesseract (OMP_THREAD_LIMIT=1), as in a
scan worker.

When the ocrmypdf module can be imported, OCRmyPDF is measured as well, as a user would call it:
ocrmypdf.ocr() on the same scanned PDFs (cut to the pages measured), force_ocr, no optimisation,
a plain PDF out (no PDF/A), jobs=1 and jobs=2; the output's text layer is read with pdfium and
compared in the same way. Its seconds are the whole call per page (it rasterises the page at the
image's own resolution, runs the `tesseract` program and writes a new PDF), not recognition alone.
The figures are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def wer(ref: str, hyp: str) -> float:
    a, b = words(ref), words(hyp)
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    same = sum(m.size for m in sm.get_matching_blocks())
    return 1 - same / max(1, len(a))


def missed(ref: str, hyp: str) -> float:
    """The share of the reference's words (as a bag) that the OCR text lacks: order-blind."""
    from collections import Counter

    a, b = Counter(words(ref)), Counter(words(hyp))
    return sum((a - b).values()) / max(1, sum(a.values()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=3, help="pages per sample")
    ap.add_argument("--dpi", type=int, nargs="*", default=[150, 200, 300])
    ap.add_argument("--scan-dpi", type=int, default=200, help="resolution of the scans made")
    ap.add_argument("--shrink", type=float, default=1.0,
                    help="print the scans this much smaller (1.4: 10-point text becomes 7-point small print)")
    ap.add_argument("--noise", type=float, default=0.01, help="share of pixels speckled in the scans")
    ap.add_argument("--engines", nargs="*", default=["tesserocr", "pytesseract"])
    ap.add_argument("--ocrmypdf-jobs", type=int, nargs="*", default=[1, 2],
                    help="OCRmyPDF's jobs settings to measure (none: skip OCRmyPDF)")
    args = ap.parse_args()
    import pypdfium2 as pdfium

    from ddcontract.ingest.ocr import tessdata_dir

    tmp = Path(tempfile.mkdtemp(prefix="ocr-engines-"))
    cases = []
    for name, lang in (("msa_provider", "eng"), ("da_kundevilkaar", "dan")):
        typed = ROOT / "samples" / f"{name}.pdf"
        from ddcontract.testing.scanned import save_pdf, scanned_pages

        scan = save_pdf(scanned_pages(typed, dpi=args.scan_dpi, noise=args.noise), tmp / f"{name}.pdf",
                        dpi=round(args.scan_dpi * args.shrink))
        doc = pdfium.PdfDocument(str(typed))
        refs = [doc[i].get_textpage().get_text_range() for i in range(min(args.pages, len(doc)))]
        cases.append((name, lang, scan, refs))
    import tesserocr

    if "pytesseract" in args.engines:
        try:
            import pytesseract
        except ImportError:
            print("pytesseract skipped: not installed (pip install pytesseract)")
            args.engines = [e for e in args.engines if e != "pytesseract"]

    print(f"scans at {args.scan_dpi} dpi, shrunk {args.shrink}, noise {args.noise}, {args.pages} pages of each sample")
    print(f"{'engine':12} {'dpi':>4} {'lang':8} {'s/page':>7} {'WER':>6} {'missed':>6}")
    for dpi in args.dpi:
        for lang_mode in ("doc", "eng+dan"):
            for engine in args.engines:
                total_t = 0.0
                errs = []
                miss = []
                n = 0
                for name, lang, scan, refs in cases:
                    use = lang if lang_mode == "doc" else "eng+dan"
                    api = tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang=use) if engine == "tesserocr" else None
                    pdf = pdfium.PdfDocument(str(scan))
                    for i, ref in enumerate(refs):
                        img = pdf[i].render(scale=dpi / 72, grayscale=True).to_pil()
                        t = time.perf_counter()
                        if api is not None:
                            api.SetImage(img)
                            text = api.GetUTF8Text()
                        else:
                            text = pytesseract.image_to_string(img, lang=use)
                        total_t += time.perf_counter() - t
                        errs.append(wer(ref, text))
                        miss.append(missed(ref, text))
                        n += 1
                    if api is not None:
                        api.End()
                print(f"{engine:12} {dpi:>4} {lang_mode:8} {total_t / n:7.2f} {sum(errs) / len(errs):6.3f} {sum(miss) / len(miss):6.3f}", flush=True)
    if args.ocrmypdf_jobs:
        measure_ocrmypdf(cases, args.ocrmypdf_jobs, tmp)


def measure_ocrmypdf(cases, jobs_settings: list[int], tmp: Path) -> None:
    """OCRmyPDF on the scanned PDFs, its text layer read back with pdfium; one table row per setting."""
    try:
        import ocrmypdf
    except ImportError as e:
        print(f"ocrmypdf: skipped, the module cannot be imported ({e})")
        return
    import pypdfium2 as pdfium

    # the scans cut to the pages measured, so that the time per page is the time of those pages
    cut = []
    for name, lang, scan, refs in cases:
        src = pdfium.PdfDocument(str(scan))
        dst = pdfium.PdfDocument.new()
        dst.import_pages(src, list(range(len(refs))))
        path = tmp / f"{name}-cut.pdf"
        dst.save(str(path))
        cut.append((name, lang, path, refs))
    label = "ocrmypdf/j{}"
    for lang_mode in ("doc", "eng+dan"):
        for jobs in jobs_settings:
            total_t = 0.0
            errs = []
            miss = []
            n = 0
            for name, lang, scan, refs in cut:
                use = [lang] if lang_mode == "doc" else ["eng", "dan"]
                out = tmp / f"{name}-ocrmypdf-{lang_mode}-{jobs}.pdf"
                t = time.perf_counter()
                ocrmypdf.ocr(scan, out, language=use, force_ocr=True, optimize=0, output_type="pdf",
                             jobs=jobs, progress_bar=False)
                total_t += time.perf_counter() - t
                pdf = pdfium.PdfDocument(str(out))
                for i, ref in enumerate(refs):
                    text = pdf[i].get_textpage().get_text_range()
                    errs.append(wer(ref, text))
                    miss.append(missed(ref, text))
                    n += 1
            print(f"{label.format(jobs):12} {'img':>4} {lang_mode:8} {total_t / n:7.2f} {sum(errs) / len(errs):6.3f} {sum(miss) / len(miss):6.3f}", flush=True)


if __name__ == "__main__":
    main()
