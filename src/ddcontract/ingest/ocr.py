"""OCR of scanned PDF pages: Tesseract through tesserocr, in process, offline.

``--ocr auto`` (the default when an engine is installed) reads a page by OCR only when it has no
usable text layer (fewer than :data:`MIN_PAGE_CHARS` characters of text and an image on it), so a
contract with typed clauses and a scanned signature page is read right; ``always`` reads every page
by OCR; ``never`` reads none (a scanned PDF is then refused with the message that says how to
install the engine).

A page is rendered by pdfium at :data:`DPI` (chosen by measuring accuracy against time:
docs/performance.md) in greyscale, specks removed, and recognised by Tesseract word by word, each
word with its box and confidence. The words make text lines (:func:`_lines`: a clause number that
Tesseract read as a column of its own goes back in front of its text, and is read again alone as
digits and full stops), and the lines become the same :class:`~ddcontract.ingest.pdf.Line` objects
the PDF text layer gives (their boxes in PDF points), so headers, footers, paragraphs, clause
numbers and sections are found the same way. A page askew by more than a degree (Tesseract's layout
analysis measures it) is levelled and read again, since lines rebuilt from skewed boxes mix up. A
page turned by 90, 180 or 270 degrees is found by Tesseract's orientation detection (OSD), run when
Tesseract finds most of the page's text running other than upright left to right, or reads it with
low confidence or almost no words, and the page is read again turned upright.

The language: ``--lang`` when given; else the language of the document's typed pages when it has
enough of them; else the first scanned page is read with ``eng+dan`` and its words decide (English
or Danish: one model reads faster and better than two); ``eng+dan`` when they do not.

One Tesseract instance per language and process, kept for the next pages and documents (a scan
worker loads it once). Tesseract runs on one thread (``OMP_THREAD_LIMIT=1``): a scan already runs
one worker per core. A page gets :data:`PAGE_SECONDS` (``--ocr-timeout``): a page that takes longer is
left out and named in a warning, and the rest of the document goes on.
"""

from __future__ import annotations

import math
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

MODES = ("auto", "always", "never")
DPI = 200
PAGE_SECONDS = 60.0
LOW_CONFIDENCE = 70.0  # a page whose mean word confidence is below this is named in a warning
MIN_PAGE_CHARS = 20  # a page with fewer characters of text has no usable text layer
_OSD_BELOW = 50.0  # a page read with a lower confidence (or almost no words) gets orientation detection
_DEFAULT_LANG = "eng+dan"
_TESS_LANG = {"en": "eng", "da": "dan"}

INSTALL = ("install Tesseract and its English and Danish data (Debian/Ubuntu: apt-get install tesseract-ocr "
           "tesseract-ocr-eng tesseract-ocr-dan) and the OCR extra (pip install 'ddcontract[ocr]')")

_TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                  "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata",
                  "/usr/local/share/tesseract-ocr/5/tessdata")


@dataclass(slots=True)
class OcrPage:
    """What OCR made of one page (numbered from 1)."""

    number: int
    lines: list  # ingest.pdf.Line, in PDF points
    confidence: float | None  # mean word confidence, 0-100; None when no word was read
    seconds: float
    rotated: int = 0  # degrees the page was turned to read it upright
    timed_out: bool = False


@dataclass(slots=True)
class OcrReport:
    """The OCR of one document: which pages, their confidence, the engine and the language used."""

    mode: str
    engine: str
    languages: str
    pages: list[OcrPage] = field(default_factory=list)

    @property
    def numbers(self) -> list[int]:
        return [p.number for p in self.pages if not p.timed_out]

    def mean_confidence(self) -> float | None:
        confs = [p.confidence for p in self.pages if p.confidence is not None]
        return round(sum(confs) / len(confs), 1) if confs else None

    def low(self) -> list[OcrPage]:
        return [p for p in self.pages if p.confidence is not None and p.confidence < LOW_CONFIDENCE]

    def timed_out(self) -> list[int]:
        return [p.number for p in self.pages if p.timed_out]

    def warnings(self) -> list[str]:
        """The pages to check by eye: read with low confidence, or not read in the time allowed."""
        out = []
        for p in self.low():
            out.append(f"page {p.number} was read by OCR with low confidence (mean {p.confidence:.0f} of 100): "
                       "check its text against the scan")
        instead = "its text layer, if it has one, is read instead" if self.mode == "always" else "it is left out"
        for n in self.timed_out():
            out.append(f"page {n} was not read by OCR within the time allowed per page; {instead} "
                       "(raise --ocr-timeout to read it)")
        return out

    def as_json(self) -> dict:
        return {"pages": self.numbers, "engine": self.engine, "languages": self.languages,
                "mean_confidence": self.mean_confidence(),
                "page_confidence": {str(p.number): (round(p.confidence, 1) if p.confidence is not None else None)
                                    for p in self.pages if not p.timed_out},
                "low_confidence_pages": [p.number for p in self.low()],
                "timed_out_pages": self.timed_out()}


def tessdata_dir() -> str | None:
    """The folder of Tesseract's language data with English or Danish in it, or None."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    candidates = ([prefix, os.path.join(prefix, "tessdata")] if prefix else []) + list(_TESSDATA_DIRS)
    for d in candidates:
        if d and any((Path(d) / f"{code}.traineddata").exists() for code in ("eng", "dan")):
            return d
    return None


TESSDATA = None  # a folder of language data to use instead of looking for one (tessdata_dir)


def unavailable() -> str | None:
    """Why OCR cannot run here (one phrase), or None when it can."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # before Tesseract starts its threads
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return "no OCR engine is installed"
    if (TESSDATA or tessdata_dir()) is None:
        return "Tesseract's language data (eng, dan) is not installed"
    return None


def languages_installed() -> set[str]:
    d = TESSDATA or tessdata_dir()
    if d is None:
        return set()
    return {p.stem for p in Path(d).glob("*.traineddata")}


def tess_languages(lang: str | None) -> str:
    """Tesseract's language string for a ddcontract language (or the default, both)."""
    installed = languages_installed()
    if lang in _TESS_LANG and _TESS_LANG[lang] in installed:
        return _TESS_LANG[lang]
    both = [code for code in _DEFAULT_LANG.split("+") if code in installed]
    return "+".join(both) or "eng"


# ---------------------------------------------------------------- the engine, one per process

_APIS: dict[str, object] = {}


def _api(languages: str):
    """A Tesseract instance for ``languages``, made once per process."""
    api = _APIS.get(languages)
    if api is None:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        import tesserocr

        api = tesserocr.PyTessBaseAPI(path=TESSDATA or tessdata_dir(), lang=languages,
                                      psm=tesserocr.PSM.AUTO)
        _APIS[languages] = api
    return api


def engine_name() -> str:
    import tesserocr

    return "tesseract " + tesserocr.tesseract_version().split()[1]


def _recognise(img, languages: str, timeout: float,
               upright: bool = False) -> tuple[list[tuple[str, tuple, float]], float | None, bool]:
    """Text lines (text, box in pixels, confidence), the mean word confidence (None when no word was
    read, and when Tesseract found the text running sideways or upside down: the page needs turning),
    and whether it timed out. ``upright``: take the text as it runs, turned or not."""
    from tesserocr import RIL, iterate_level

    started = time.monotonic()
    api = _api(languages)
    api.SetImage(despeckle(img))
    ok = api.Recognize(timeout=int(timeout * 1000)) if timeout > 0 else api.Recognize()
    if not ok:
        api.Clear()
        return [], None, True
    found: list[list[tuple[str, tuple, float]]] = []  # Tesseract's text lines, each its words
    confs = []
    ri = api.GetIterator()
    if ri is not None and not upright and _turned(ri):
        api.Clear()
        return [], None, False
    ri = api.GetIterator()
    skew = _skew(ri) if ri is not None and not upright else 0.0
    if abs(skew) > _SKEW_LIMIT:  # read it again levelled: lines rebuilt from skewed boxes mix up
        api.Clear()
        left = max(0.001, timeout - (time.monotonic() - started)) if timeout > 0 else 0
        return _recognise(img.rotate(math.degrees(skew), resample=_BICUBIC, expand=False, fillcolor=255),
                          languages, left, upright=True)
    ri = api.GetIterator()
    if ri is not None:
        for r in iterate_level(ri, RIL.WORD):
            if r.IsAtBeginningOf(RIL.TEXTLINE) or not found:
                found.append([])
            text = (r.GetUTF8Text(RIL.WORD) or "").strip()
            box = r.BoundingBox(RIL.WORD)
            if not text or not box:
                continue
            conf = r.Confidence(RIL.WORD)
            if not any(ch.isalnum() for ch in text) and conf < _NOISE_CONF:
                continue  # a speck read as punctuation
            confs.append(conf)
            found[-1].append((text, box, conf))
    api.Clear()
    lines = _lines(w for w in found if w)
    return [_reread_number(img, line) for line in lines], (sum(confs) / len(confs) if confs else None), False


_NOISE_CONF = 60.0
_SKEW_LIMIT = math.radians(1.0)  # a page more askew than this is levelled and read again
_BICUBIC = 3  # PIL.Image.BICUBIC


def _skew(ri) -> float:
    """How far the page's text lines are askew, in radians counter-clockwise (the median over its
    blocks, from Tesseract's layout analysis)."""
    from tesserocr import RIL, iterate_level

    angles = sorted(r.Orientation()[3] for r in iterate_level(ri, RIL.BLOCK))
    return angles[len(angles) // 2] if angles else 0.0


def _turned(ri) -> bool:
    """Most of the page's blocks run other than left to right, upright (a page turned sideways or
    upside down)."""
    from tesserocr import RIL, iterate_level

    ways = [r.Orientation()[:2] for r in iterate_level(ri, RIL.BLOCK)]
    return sum(1 for o, d in ways if o != 0 or d != 0) * 2 > len(ways) if ways else False


def _lines(textlines) -> list[tuple[str, tuple, float]]:
    """Tesseract's text lines joined where they stand side by side on one line of the page: a clause
    number that Tesseract read as a column of its own goes back in front of its text. Lines whose
    horizontal extents overlap are never joined (two lines of a paragraph, even on a skewed page)."""
    items = []
    for words in textlines:
        x0 = min(b[0] for _, b, _ in words)
        y0 = min(b[1] for _, b, _ in words)
        x1 = max(b[2] for _, b, _ in words)
        y1 = max(b[3] for _, b, _ in words)
        items.append([(x0, y0, x1, y1), words])
    items.sort(key=lambda it: (it[0][1] + it[0][3]) / 2)
    rows: list[list] = []  # each: [box, [items]]
    for box, words in items:
        mid = (box[1] + box[3]) / 2
        for row in reversed(rows[-4:]):
            rb = row[0]
            if rb[1] <= mid <= rb[3] or box[1] <= (rb[1] + rb[3]) / 2 <= box[3]:
                if all(b[2] <= box[0] or box[2] <= b[0] for b, _ in row[1]):
                    row[1].append((box, words))
                    row[0] = (min(rb[0], box[0]), min(rb[1], box[1]), max(rb[2], box[2]), max(rb[3], box[3]))
                    break
        else:
            rows.append([box, [(box, words)]])
    out = []
    for box, parts in rows:
        parts.sort(key=lambda p: p[0][0])
        words = [w for _, ws in parts for w in ws]
        text = " ".join(t for t, _, _ in words)
        conf = sum(c for _, _, c in words) / len(words)
        out.append((text, box, conf, _lone_first(words)))
    out.sort(key=lambda ln: ln[1][1])
    return out


def _lone_first(words):
    """The line's first word when it stands apart, short, well left of the rest (a hanging clause number)."""
    if len(words) < 2:
        return None
    (first, a, _), (_, b, _) = words[0], words[1]
    height = max(1, a[3] - a[1])
    return words[0] if len(first) <= 6 and b[0] - a[2] > 1.2 * height else None


_LIST_MARK = re.compile(r"^\(?(?:[a-zA-Z]|[ivxIVX]+|\d+)\)$|^[•·▪◦–-]$")
_CLAUSE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?$")


def _reread_number(img, line) -> tuple[str, tuple, float]:
    """A clause number standing apart at the start of a line (a hanging indent) is read again as one
    line of digits and full stops, from a few crops around it, the surest reading kept: read with
    its line, "7.1" easily becomes "Gok" or "72"."""
    text, box, conf, lone = line
    if lone is None or _CLAUSE_NUMBER.match(lone[0]) and "." in lone[0] and lone[2] >= 80 or _LIST_MARK.match(lone[0]):
        return text, box, conf
    word, (x0, y0, x1, y1), _ = lone
    api = _APIS.get("digits")
    if api is None:
        import tesserocr

        api = tesserocr.PyTessBaseAPI(path=TESSDATA or tessdata_dir(), lang="eng", psm=tesserocr.PSM.SINGLE_LINE)
        api.SetVariable("tessedit_char_whitelist", "0123456789.")
        _APIS["digits"] = api
    clean = despeckle(img.crop((max(0, x0 - 30), max(0, y0 - 20), x1 + 30, y1 + 20)))
    best, best_conf = None, 60
    for padx, pady, scale in ((7, 7, 1), (12, 6, 2), (20, 10, 1)):
        crop = clean.crop((30 - padx, 20 - pady, 30 + x1 - x0 + padx, 20 + y1 - y0 + pady))
        if scale != 1:
            crop = crop.resize((crop.width * scale, crop.height * scale))
        api.SetImage(crop)
        again = (api.GetUTF8Text() or "").strip()
        sure = api.MeanTextConf()
        if _CLAUSE_NUMBER.match(again) and ("." in again or "." not in word) and sure > best_conf:
            best, best_conf = again, sure
    api.Clear()
    if best is not None:
        text = best + text[len(word):]
    return text, box, conf


def _orientation(img) -> int:
    """The clockwise degrees the page is turned by (0, 90, 180, 270), by Tesseract's OSD; 0 when unsure."""
    if "osd" not in languages_installed():
        return 0
    api = _APIS.get("osd")
    if api is None:
        import tesserocr

        api = tesserocr.PyTessBaseAPI(path=TESSDATA or tessdata_dir(), lang="osd", psm=tesserocr.PSM.OSD_ONLY)
        _APIS["osd"] = api
    api.SetImage(despeckle(img))
    found = api.DetectOrientationScript()
    api.Clear()
    if not found or found.get("orient_conf", 0) < 2.0:
        return 0
    return int(found.get("orient_deg", 0)) % 360


MAX_PIXELS = 40_000_000  # a page is rendered at a lower resolution rather than larger (40 MB in grey)


def render(page, dpi: int = DPI):
    """The page as a greyscale PIL image at ``dpi``, or at the resolution that keeps it within
    MAX_PIXELS (a huge page in a hostile or odd PDF must not take the worker's memory)."""
    width, height = page.get_size()
    scale = min(dpi / 72, 0.999 * (MAX_PIXELS / max(1.0, width * height)) ** 0.5)
    return page.render(scale=scale, grayscale=True).to_pil().convert("L")


def despeckle(img):
    """Specks removed (a 3x3 median filter): a scanner's dust and noise, which Tesseract reads as
    stray punctuation. It can take a small full stop too, so clause numbers are read again from the
    image as scanned (:func:`_reread_number`)."""
    from PIL import ImageFilter

    return img.filter(ImageFilter.MedianFilter(3))


def read_page(page, number: int, languages: str, dpi: int = DPI, timeout: float = PAGE_SECONDS) -> OcrPage:
    """OCR one pdfium page: its text lines as ``Line``s in PDF points, with the page's confidence."""
    from .pdf import Line
    from .textutil import drop_invisible

    started = time.monotonic()
    img = render(page, dpi)
    lines, conf, timed_out = _recognise(img, languages, timeout)
    rotated = 0
    if not timed_out and (conf is None or conf < _OSD_BELOW or len(lines) < 3):
        turn = _orientation(img)
        left = timeout - (time.monotonic() - started) if timeout > 0 else 0
        if timeout > 0 and left <= 0:
            timed_out = not lines
        elif turn:
            turned = img.rotate(turn, expand=True)  # PIL turns counter-clockwise: upright again
            again, conf2, out2 = _recognise(turned, languages, left, upright=True)
            if not out2 and (conf2 or 0) > (conf or 0):
                img, lines, conf, rotated = turned, again, conf2, turn
        elif not lines:  # Tesseract saw it turned, OSD is not sure: read it as it stands
            lines, conf, timed_out = _recognise(img, languages, left, upright=True)
    scale = (page.get_height() if not rotated % 180 else page.get_width()) / img.height
    height = page.get_height() if not rotated % 180 else page.get_width()
    out = [Line(text=drop_invisible(text), top=box[1] * scale, bottom=box[3] * scale, x0=box[0] * scale,
                page_height=height) for text, box, _ in lines]
    return OcrPage(number=number, lines=out, confidence=conf, seconds=time.monotonic() - started,
                   rotated=rotated, timed_out=timed_out)


def needs_ocr(page, lines: list) -> bool:
    """No usable text layer: fewer than MIN_PAGE_CHARS characters of text, and an image to read."""
    if sum(len(ln.text.strip()) for ln in lines) >= MIN_PAGE_CHARS:
        return False
    import pypdfium2.raw as pdfium_c

    return any(obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2))


def language_of(texts: list[str]) -> str | None:
    """English or Danish when the text says enough to tell, else None."""
    from ..language import decide, language_counts

    counts = language_counts(texts)
    if counts["en"] + counts["da"] < 15:
        return None
    lang = decide(counts, "")
    return lang or None


def ocr_pages(path: Path, pages: list[list], mode: str | None, password: str | None = None,
              lang: str | None = None, timeout: float | None = None) -> OcrReport | None:
    """Read by OCR the pages of ``pages`` (the lines of each page's text layer) that ``mode`` asks
    for, replacing their lines in place; the report, or None when no page was read by OCR (no
    engine, ``never``, or every page has its text)."""
    if mode == "never":
        return None
    always = mode == "always"
    timeout = PAGE_SECONDS if timeout is None else timeout
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path), password=password)
    try:
        todo = []
        for i, lines in enumerate(pages):
            if always:
                todo.append(i)
                continue
            if sum(len(ln.text.strip()) for ln in lines) >= MIN_PAGE_CHARS:
                continue
            page = pdf[i]
            if needs_ocr(page, lines):
                todo.append(i)
            page.close()
        if not todo or unavailable() is not None:
            return None
        typed = [ln.text for i, lines in enumerate(pages) if i not in todo for ln in lines]
        spoken = lang or language_of(typed)
        languages = tess_languages(spoken)
        report = OcrReport(mode="always" if always else "auto", engine=engine_name(), languages=languages)
        for i in todo:
            page = pdf[i]
            try:
                done = read_page(page, i + 1, languages, timeout=timeout)
            finally:
                page.close()
            report.pages.append(done)
            if not done.timed_out or not always:
                pages[i] = done.lines
            if spoken is None and not done.timed_out:  # the first page read tells the language of the rest
                spoken = language_of([ln.text for ln in done.lines])
                if spoken is not None:
                    languages = report.languages = tess_languages(spoken)
        return report
    finally:
        pdf.close()
