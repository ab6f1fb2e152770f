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

from ..catalogue import FLAGS, REQUIREMENTS

FILLS = {"met": "C6EFCE", "weak": "FFEB9C", "missing": "FFC7CE"}
FONTS = {"met": "006100", "weak": "7F6000", "missing": "9C0006"}
HEADER_FILL = "1F3864"


def write_xlsx(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    """Write the workbook atomically (a temporary file renamed onto ``path``)."""
    from ..office.output import write_atomic

    write_atomic(path, lambda tmp: _build(header, rows).save(tmp))


def _build(header: list[str], rows: list[list[Any]]):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Contracts"
    ws.append(header)
    for row in rows:
        ws.append(["" if v is None else v for v in row])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # text that starts with "=" is text here, never a formula
                cell.data_type = "s"
    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor=HEADER_FILL)
    for cell in ws[1]:
        cell.font = head_font
        cell.fill = head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "B2"
    last_col = get_column_letter(len(header))
    last_row = max(len(rows) + 1, 2)
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    status_cols = [i + 1 for i, h in enumerate(header) if h in {r.id for r in REQUIREMENTS}]
    for col in status_cols:
        letter = get_column_letter(col)
        rng = f"{letter}2:{letter}{last_row}"
        for status, fill in FILLS.items():
            ws.conditional_formatting.add(rng, CellIsRule(operator="equal", formula=[f'"{status}"'],
                                                          fill=PatternFill("solid", bgColor=fill),
                                                          font=Font(color=FONTS[status])))
        ws.column_dimensions[letter].width = 9
    flag_cols = [i + 1 for i, h in enumerate(header) if h in {f.id for f in FLAGS}]
    for col in flag_cols:
        letter = get_column_letter(col)
        ws.conditional_formatting.add(f"{letter}2:{letter}{last_row}",
                                      CellIsRule(operator="equal", formula=['"yes"'],
                                                 fill=PatternFill("solid", bgColor="F4CCCC"),
                                                 font=Font(bold=True, color="9C0006")))
        ws.column_dimensions[letter].width = 7
    widths = {"path": 48, "format": 8, "language": 9, "pages": 7, "error": 40}
    for i, h in enumerate(header, 1):
        if h in widths:
            ws.column_dimensions[get_column_letter(i)].width = widths[h]
        elif i not in status_cols and i not in flag_cols:
            ws.column_dimensions[get_column_letter(i)].width = 13

    counts = wb.create_sheet("Requirements")
    counts.append(["requirement", "title", "met", "weak", "missing", "not read"])
    for cell in counts[1]:
        cell.font = head_font
        cell.fill = head_fill
    index = {h: i for i, h in enumerate(header)}
    err_col = index.get("error")
    for req in REQUIREMENTS:
        col = index[req.id]
        values = [r[col] for r in rows]
        not_read = sum(1 for r in rows if err_col is not None and r[err_col])
        counts.append([req.id, req.title, values.count("met"), values.count("weak"), values.count("missing"),
                       not_read])
    counts.freeze_panes = "A2"
    counts.column_dimensions["A"].width = 12
    counts.column_dimensions["B"].width = 58
    for letter in "CDEF":
        counts.column_dimensions[letter].width = 10
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
        series.graphicalProperties.solidFill = {"met": "63BE7B", "weak": "FFD966", "missing": "F8696B"}[status]
        series.graphicalProperties.line.solidFill = series.graphicalProperties.solidFill
    chart.height = 11
    chart.width = 22
    counts.add_chart(chart, "H2")
    return wb
