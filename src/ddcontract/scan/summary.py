"""The scan's summaries: one row per document (path, language, pages, error, each requirement's status
and key values, the raised flags), as ``DIR/summary.csv`` and ``DIR/summary.xlsx``, both written
atomically from the results lines."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..office.output import write_atomic

SUMMARY_CSV = "summary.csv"
SUMMARY_XLSX = "summary.xlsx"


def summary_rows(results: Iterable[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """One row per document: path, language, pages, error, the pages read by OCR (how many; empty
    when none), then each requirement's status followed by its summary values (e.g. notice hours,
    cap amount and currency), then the raised flags."""
    from ..requirements import FLAGS, REQUIREMENTS

    header = ["path", "format", "language", "pages", "error", "ocr pages"]
    for req in REQUIREMENTS:
        header += [req.id, *(f"{req.id} {key}" for key in req.summary)]
    header += [f.id for f in FLAGS]
    rows = []
    for obj in results:
        doc = obj.get("document", {})
        err = obj.get("error")
        row: list[Any] = [doc.get("path"), doc.get("format"), doc.get("language"), doc.get("pages"),
                          f"{err['code']}: {err['message']}" if err else "",
                          len((doc.get("ocr") or {}).get("pages") or []) or None]
        by_id = {f["id"]: f for f in obj.get("requirements", [])}
        raised = {f["id"] for f in obj.get("flags", [])}
        for req in REQUIREMENTS:
            f = by_id.get(req.id, {})
            vals = f.get("values", {})
            row += [f.get("status", ""), *(_cell(vals.get(key)) for key in req.summary)]
        row += [("yes" if f.id in raised else "") if not err else "" for f in FLAGS]
        rows.append(row)
    return header, rows


def _cell(value: Any) -> Any:
    """A summary value as one cell: a list (audit triggers, roles, certifications, the points of Art. 28(3))
    as "a; b"."""
    return "; ".join(str(v) for v in value) if isinstance(value, list) else value


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula ("=HYPERLINK(…)" in a file name or a
    contract's text) gets a leading apostrophe, which spreadsheets show as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else neutralise_formula(v) for v in row])
    data = buf.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 CSV with a BOM correctly
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


def write_summaries(out_dir: Path, results: Iterable[dict[str, Any]]) -> None:
    """``summary.csv`` and ``summary.xlsx`` in ``out_dir``, the documents in the order of their paths."""
    from ..report.xlsx import write_xlsx

    header, rows = summary_rows(sorted(results, key=lambda o: o["document"].get("path") or ""))
    write_csv(out_dir / SUMMARY_CSV, header, rows)
    write_xlsx(out_dir / SUMMARY_XLSX, header, rows)
