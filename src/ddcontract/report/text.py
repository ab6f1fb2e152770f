"""Text pieces shared by the reports: where a quote is, a shortened quote, and extracted values."""

from __future__ import annotations

from typing import Any

from ..i18n import fmt_amount, fmt_date, fmt_number, has_text, name, names, tr
from ..model import Evidence, Revision

QUOTE_CHARS = 240


def where(ev: Evidence, lang: str = "en") -> str:
    """Where a quote stands ("page 3, § 5.1, Notice"), and the defined terms its match was read
    through ("“Occurrence” read as security incident (defined in § 1.1)")."""
    out = _place(ev.page, ev.section, ev.heading, lang) or tr(lang, "label.unknown_place")
    for t in ev.terms:
        defined = _place(t.page, t.section, None, lang) or tr(lang, "label.unknown_place")
        out += " · " + tr(lang, "label.term_read", term=t.term, read_as=t.read_as, where=defined)
    if ev.ocr:
        out += " · " + tr(lang, "label.ocr")
    return out


def ocr_line(ocr, lang: str) -> str:
    """Which pages were read by OCR and how sure it was: "read by OCR: p. 1–3, 7 (mean confidence 93 of 100)"."""
    return tr(lang, "label.ocr_pages", pages=f"{tr(lang, 'label.page')} {page_ranges(ocr.numbers)}",
              confidence=fmt_number(round(ocr.mean_confidence() or 0), lang))


def page_ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] as "1–3, 7"."""
    out: list[str] = []
    start = prev = None
    for n in sorted(numbers):
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            out.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    if start is not None:
        out.append(str(start) if start == prev else f"{start}–{prev}")
    return ", ".join(out)


def _place(page: int | None, section: str | None, heading: str | None, lang: str) -> str:
    parts = []
    if page is not None:
        parts.append(f"{tr(lang, 'label.page')} {page}")
    if section:
        parts.append(section if not section[0].isdigit() else f"{tr(lang, 'label.section')} {section}")
    if heading:
        parts.append(heading)
    return ", ".join(parts)


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[: limit - 1].rsplit(" ", 1)[0] + " …"


def values_prose(values: dict[str, Any], lang: str, requirement: str = "") -> str:
    """The values for a reader, in the report's language, for the console and the gap report: "Notice
    deadline: 24 hours · Stated in: days" (empty when none). Keys are worded by the families' ``vkey.*``
    texts (``vkey.<requirement>.<key>`` first, for a key two requirements use differently), identifiers
    (insurance types, channels, units …) by their ``name.*`` texts."""
    shown = []
    amount = values.get("amount")
    for k, v in values.items():
        if v is None or v == [] or v == "" or (k == "vague" and v is False) or k == "currency":
            continue
        if k == "amount" and isinstance(amount, (int, float)):
            v = fmt_amount(amount, values.get("currency"), lang)
        elif k == "vague":
            v = tr(lang, "value.yes")
        elif k == "hours" and isinstance(v, (int, float)):
            v = tr(lang, "value.hours", hours=fmt_number(v, lang))
        elif isinstance(v, list):
            v = names(lang, [str(x) for x in v])
        elif isinstance(v, bool):
            v = tr(lang, "value.yes" if v else "value.no")
        elif isinstance(v, (int, float)):
            v = fmt_number(v, lang)
        else:
            v = name(lang, str(v))
        key = f"vkey.{requirement}.{k}" if has_text(f"vkey.{requirement}.{k}") else f"vkey.{k}"
        shown.append(f"{tr(lang, key) if has_text(key) else k}: {v}")
    return " · ".join(shown)



# what a side of a changed clause reads when it has no text: not there before, deleted after
EMPTY_SIDE = {"markup.before": "markup.absent", "markup.after": "markup.gone"}


def shown_revisions(revisions) -> list[Revision]:
    """The changes worth a line: those with words (a paragraph mark's change goes with them)."""
    return [r for r in revisions if r.text] or list(revisions)


def revision_line(rev: Revision, lang: str) -> str:
    """A tracked change as a reader meets it: "deleted by Maria Lund, 18 November 2026: “EUR 2,000,000”"."""
    when = fmt_date(rev.date.date(), lang) if rev.date else tr(lang, "markup.no_date")
    said = tr(lang, "markup.by", kind=tr(lang, f"markup.kind.{rev.kind}"),
              author=rev.author or tr(lang, "markup.unknown_author"), date=when)
    return f"{said}: {tr(lang, 'label.quoted', text=quote(rev.text, 160))}" if rev.text else said
