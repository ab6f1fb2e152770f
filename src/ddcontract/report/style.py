"""The colours of the reports, in one place: a status looks the same in the gap report (DOCX) and in
the scan summary (XLSX). Hex RGB without "#", as both python-docx and openpyxl take them."""

from __future__ import annotations

# a status cell: light fill, dark text of the same hue (Excel's "good / neutral / bad" styles)
STATUS_FILL = {"met": "C6EFCE", "weak": "FFEB9C", "missing": "FFC7CE"}
STATUS_FONT = {"met": "006100", "weak": "7F6000", "missing": "9C0006"}
# a status as a bar in a chart: stronger, to read at a glance
STATUS_BAR = {"met": "63BE7B", "weak": "FFD966", "missing": "F8696B"}
# a raised warning flag
FLAG_FILL = "F4CCCC"
FLAG_FONT = "9C0006"
# a table's header row
HEADER_FILL = "1F3864"
HEADER_FONT = "FFFFFF"
