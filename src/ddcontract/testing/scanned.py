"""Image-only PDFs made from typed ones, as a scanner would give them: for the OCR tests and the
OCR benchmark (``benchmarks/ocr_benchmark.py``).

Each page is rendered by pdfium at ``dpi``, turned to grey, rotated by a small angle (a sheet fed
slightly askew), given speckle noise, JPEG-compressed, and saved back into a PDF that holds only
the images (Pillow writes a multi-page PDF). Deterministic for a given ``seed``.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from pathlib import Path


def scanned_pages(pdf: str | Path, dpi: int = 200, angle: float = 0.8, noise: float = 0.01,
                  quality: int = 70, seed: int = 7, pages: Sequence[int] | None = None) -> list:
    """The pages (all, or those numbered from 0 in ``pages``) as degraded greyscale PIL images."""
    import pypdfium2 as pdfium
    from PIL import Image

    rnd = random.Random(seed)
    doc = pdfium.PdfDocument(str(pdf))
    out = []
    try:
        for i in (range(len(doc)) if pages is None else pages):
            page = doc[i]
            img = page.render(scale=dpi / 72).to_pil().convert("L")
            page.close()
            turn = angle * (1 if i % 2 == 0 else -1) * (0.6 + 0.4 * rnd.random())
            img = img.rotate(turn, resample=Image.BICUBIC, expand=False, fillcolor=255)
            img = _speckle(img, noise, rnd)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=quality)
            buf.seek(0)
            jpeg = Image.open(buf)
            jpeg.load()
            jpeg.info["dpi"] = (dpi, dpi)
            out.append(jpeg)
    finally:
        doc.close()
    return out


def _speckle(img, amount: float, rnd: random.Random):
    """Salt-and-pepper noise on ``amount`` of the pixels, and a faint grey cast."""
    w, h = img.size
    px = img.load()
    for _ in range(int(w * h * amount)):
        x, y = rnd.randrange(w), rnd.randrange(h)
        px[x, y] = 0 if rnd.random() < 0.5 else 255
    return img.point(lambda v: min(245, v + 10) if v > 128 else v)


def save_pdf(images: list, out, dpi: int = 200):
    """The images as one image-only PDF, written to a path or a binary file object."""
    first, rest = images[0], images[1:]
    first.save(out if hasattr(out, "write") else str(out), "PDF", save_all=True, append_images=rest,
               resolution=float(dpi))
    return out


def make_scanned(pdf: str | Path, out: str | Path, dpi: int = 200, **kwargs) -> Path:
    """``pdf`` as an image-only PDF at ``out``."""
    return save_pdf(scanned_pages(pdf, dpi=dpi, **kwargs), out, dpi)


def make_mixed(pdf: str | Path, out: str | Path, scanned: Sequence[int], dpi: int = 200, **kwargs) -> Path:
    """``pdf`` with the pages numbered (from 0) in ``scanned`` replaced by their scans, the others kept
    as typed text: a signed contract whose signature page (or any page) was scanned."""
    import pypdfium2 as pdfium

    images = dict(zip(scanned, scanned_pages(pdf, dpi=dpi, pages=scanned, **kwargs)))
    src = pdfium.PdfDocument(str(pdf))
    dst = pdfium.PdfDocument.new()
    try:
        for i in range(len(src)):
            if i in images:
                buf = io.BytesIO()
                save_pdf([images[i]], buf, dpi)
                one = pdfium.PdfDocument(buf.getvalue())
                dst.import_pages(one)
                one.close()
            else:
                dst.import_pages(src, [i])
        dst.save(str(out))
    finally:
        src.close()
        dst.close()
    return Path(out)
