"""The scan summary as an Excel workbook (``DIR/summary.xlsx``).

Sheet "Contracts": one row per document, one column per requirement (its status) plus the key
values (notice hours, cap amount and currency, cyber cover), the raised flags and any error; the
header row is frozen, every column has a filter, and statuses are coloured by conditional
formatting (so the colours follow when someone edits a cell). Sheet "Requirements": how many
documents meet, are weak in or miss each requirement, with a stacked bar chart of the counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..requirements import FLAGS, REQUIREMENTS
from .style import FLAG_FILL, FLAG_FONT, HEADER_FILL, HEADER_FONT, STATUS_BAR, STATUS_FILL, STATUS_FONT

COLUMN_WIDTHS = {"path": 48, "format": 8, "language": 9, "pages": 7, "error": 40}


def write_xlsx(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    """Write the workbook atomically (a temporary file renamed onto ``path``)."""
    from ..office.output import write_atomic

    write_atomic(path, lambda tmp: _build(header, rows).save(tmp))


def _build(header: list[str], rows: list[list[Any]]):
    from openpyxl import Workbook

    wb = Workbook()
    _contracts_sheet(wb.active, header, rows)
    counts = wb.create_sheet("Requirements")
    _requirements_sheet(counts, header, rows)
    counts.add_chart(_chart(counts), "H2")
    return wb


def _style_header(row) -> None:
    from openpyxl.styles import Font, PatternFill

    for cell in row:
        cell.font = Font(bold=True, color=HEADER_FONT)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)


def _contracts_sheet(ws, header: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    ws.title = "Contracts"
    ws.append(header)
    for row in rows:
        ws.append(["" if v is None else v for v in row])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # text that starts with "=" is text here, never a formula
                cell.data_type = "s"
    _style_header(ws[1])
    for cell in ws[1]:
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "B2"
    last_row = max(len(rows) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last_row}"
    status_cols = [i + 1 for i, h in enumerate(header) if h in {r.id for r in REQUIREMENTS}]
    for col in status_cols:
        for status, fill in STATUS_FILL.items():
            _colour_when(ws, col, last_row, status, fill, STATUS_FONT[status])
        ws.column_dimensions[get_column_letter(col)].width = 9
    flag_cols = [i + 1 for i, h in enumerate(header) if h in {f.id for f in FLAGS}]
    for col in flag_cols:
        _colour_when(ws, col, last_row, "yes", FLAG_FILL, FLAG_FONT, bold=True)
        ws.column_dimensions[get_column_letter(col)].width = 7
    for i, h in enumerate(header, 1):
        if h in COLUMN_WIDTHS:
            ws.column_dimensions[get_column_letter(i)].width = COLUMN_WIDTHS[h]
        elif i not in status_cols and i not in flag_cols:
            ws.column_dimensions[get_column_letter(i)].width = 13


def _colour_when(ws, col: int, last_row: int, value: str, fill: str, font: str, bold: bool = False) -> None:
    """Conditional formatting: the column's cells equal to ``value`` get ``fill`` and ``font``
    colours (so the colours follow when someone edits a cell)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(col)
    font_style = Font(bold=True, color=font) if bold else Font(color=font)
    ws.conditional_formatting.add(f"{letter}2:{letter}{last_row}",
                                  CellIsRule(operator="equal", formula=[f'"{value}"'],
                                             fill=PatternFill("solid", bgColor=fill), font=font_style))


def _requirements_sheet(counts, header: list[str], rows: list[list[Any]]) -> None:
    counts.append(["requirement", "title", "met", "weak", "missing", "not read"])
    _style_header(counts[1])
    index = {h: i for i, h in enumerate(header)}
    err_col = index.get("error")
    for req in REQUIREMENTS:
        col = index[req.id]
        values = [r[col] for r in rows]
        not_read = sum(1 for r in rows if err_col is not None and r[err_col])
        counts.append([req.id, req.title("en"), values.count("met"), values.count("weak"), values.count("missing"),
                       not_read])
    counts.freeze_panes = "A2"
    counts.column_dimensions["A"].width = 12
    counts.column_dimensions["B"].width = 58
    for letter in "CDEF":
        counts.column_dimensions[letter].width = 10


def _chart(counts):
    """A stacked bar per requirement: how many documents meet, are weak in or miss it."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "Documents per requirement"
    chart.y_axis.title = "documents"
    n = len(REQUIREMENTS)
    chart.add_data(Reference(counts, min_col=3, max_col=5, min_row=1, max_row=n + 1), titles_from_data=True)
    chart.set_categories(Reference(counts, min_col=1, min_row=2, max_row=n + 1))
    for series, status in zip(chart.series, ("met", "weak", "missing")):
        series.graphicalProperties.solidFill = STATUS_BAR[status]
        series.graphicalProperties.line.solidFill = series.graphicalProperties.solidFill
    chart.height = 11
    chart.width = 22
    return chart
