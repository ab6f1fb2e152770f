"""The questionnaire as an Excel workbook to send to a customer (``assess init --xlsx``), and the
filled workbook read back (:func:`read_workbook`).

The workbook has an instructions sheet and a questionnaire sheet: a header row, three rows about
the answers (customer, who answered, date), then one row per question — ID, theme, question, help,
the answers allowed, the answer, a note. Everything is locked (sheet protection, no password: it
guards against slips, not people) except the answer and note cells. A choice's answer cell has a
drop-down list of its labels (kept on a hidden sheet), a number's cell accepts only numbers in the
question's bounds, a date's cell only dates.

A workbook to read is a file from outside: before openpyxl opens it, it must be a zip of at most
:data:`MAX_ENTRIES` parts, none inflating past :data:`MAX_PART_BYTES` or by more than
:data:`MAX_RATIO` times, none with a DTD or more than :data:`MAX_TAGS` tags; only the first :data:`MAX_ROWS` rows are read. Anything
else is one line, exit 2 (:class:`AnswersError`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..office.output import write_atomic
from .answers import AnswersError, Answers, Collector
from .form import allowed
from .questions import Question, Questionnaire
from .texts import META_KEYS, TEXTS, all_languages, t

MAX_FILE_BYTES = 10_000_000   # a filled questionnaire is ~20 kB
MAX_ENTRIES = 1_000           # parts in the zip (Excel writes a dozen or two)
MAX_PART_BYTES = 20_000_000   # one part, inflated
MAX_TOTAL_BYTES = 50_000_000  # all parts, inflated
MAX_RATIO = 100               # inflated / compressed size of a part over 1 MB
MAX_TAGS = 1_000_000          # XML tags in one part (a filled questionnaire's sheet has a few thousand)
MAX_ROWS = 1_000              # rows of the questionnaire sheet read
MAX_SHEETS = 50
COLUMNS = ("id", "theme", "question", "help", "allowed", "answer", "note")
WIDTHS = {"id": 12, "theme": 24, "question": 60, "help": 48, "allowed": 36, "answer": 30, "note": 36}
LINE_HEIGHT = 15  # points per line of wrapped text (11-point Calibri)
ANSWER_FILL = "FFF8DC"  # the cells to fill in: a pale yellow
LISTS = "lists"  # the hidden sheet of drop-down values


def _letter(key: str) -> str:
    return "ABCDEFG"[COLUMNS.index(key)]


# --------------------------------------------------------------------------- writing


def write_workbook(questionnaire: Questionnaire, lang: str, out: Path) -> None:
    """Write the blank questionnaire workbook in ``lang`` to ``out`` (atomically)."""
    write_atomic(out, lambda tmp: _build(questionnaire, lang).save(tmp))


def _build(questionnaire: Questionnaire, lang: str):
    from openpyxl import Workbook

    wb = Workbook()
    _instructions(wb.active, lang)
    ws = wb.create_sheet(t(lang, "sheet.questions"))
    lists = wb.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    lists.protection.sheet = True
    _questions(ws, lists, questionnaire, lang)
    return wb


def _instructions(ws, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    ws.title = t(lang, "sheet.instructions")
    ws.column_dimensions["A"].width = 100
    lines = ["xlsx.title", "", "xlsx.intro", "", *(f"xlsx.how{i}" for i in range(1, 7)), "", "xlsx.return"]
    for row, key in enumerate(lines, 1):
        cell = ws.cell(row=row, column=1, value=t(lang, key) if key else None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if key == "xlsx.title":
            cell.font = Font(bold=True, size=14)
            ws.row_dimensions[row].height = 24
        elif key:
            ws.row_dimensions[row].height = LINE_HEIGHT * _lines(cell.value, 100)
    _printable(ws)
    ws.protection.sheet = True


def _lines(text: object, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` characters wide (an estimate: a
    spreadsheet does not grow a row to its wrapped text when the file is written by a program)."""
    import math

    return max(1, sum(math.ceil(max(len(part), 1) / (width * 1.2)) for part in str(text or "").split("\n")))


def _printable(ws) -> None:
    """Printed landscape, as wide as the page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _questions(ws, lists, questionnaire: Questionnaire, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    from ..report.style import HEADER_FILL, HEADER_FONT

    ws.append([t(lang, f"col.{key}") for key in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True, color=HEADER_FONT)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for key in META_KEYS:
        ws.append([key, None, t(lang, f"label.{key}"), t(lang, f"meta.{key}")])
    for q in questionnaire.questions:
        theme = f"{q.theme}. {questionnaire.themes[q.theme][lang]}"
        ws.append([q.id, theme, q.text[lang], q.help[lang], allowed(q, lang, yaml_form=False)])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.column_letter in (_letter("answer"), _letter("note")):
                cell.protection = Protection(locked=False)
                cell.fill = PatternFill("solid", fgColor=ANSWER_FILL)
        ws.row_dimensions[row[0].row].height = LINE_HEIGHT * max(
            _lines(cell.value, WIDTHS[COLUMNS[cell.column - 1]]) for cell in row)
    date_row = 2 + META_KEYS.index("date")
    ws[f"{_letter('answer')}{date_row}"].number_format = "yyyy-mm-dd"
    for index, q in enumerate(questionnaire.questions):
        _validate(ws, lists, q, f"{_letter('answer')}{2 + len(META_KEYS) + index}", index + 1, lang)
    for key, width in WIDTHS.items():
        ws.column_dimensions[_letter(key)].width = width
    ws.freeze_panes = "C2"
    ws.print_title_rows = "1:1"
    _printable(ws)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and heights may still be changed
    ws.protection.formatRows = False


def _validate(ws, lists, question: Question, ref: str, column: int, lang: str) -> None:
    """The answer cell ``ref`` takes only what ``question`` allows: a drop-down list of its choices
    (their labels, in column ``column`` of the hidden sheet), a number within bounds, a date."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    if question.type == "multiple" or question.type == "text":
        return  # several choices are written separated by commas; text is free
    if question.options:
        col = get_column_letter(column)
        for row, choice in enumerate(question.options, 1):
            lists.cell(row=row, column=column, value=choice.label(lang))
        dv = DataValidation(type="list", formula1=f"{LISTS}!${col}$1:${col}${len(question.options)}",
                            allow_blank=True, error=t(lang, "xlsx.choice_error"))
    elif question.type == "number":
        low = question.min if question.min is not None else -1e15
        high = question.max if question.max is not None else 1e15
        dv = DataValidation(type="decimal", operator="between", formula1=f"{low:g}", formula2=f"{high:g}",
                            allow_blank=True, error=t(lang, "xlsx.number_error", min=f"{low:g}", max=f"{high:g}"))
    else:  # a date
        dv = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                            error=t(lang, "xlsx.date_error"))
        ws[ref].number_format = "yyyy-mm-dd"
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    dv.add(ref)


# --------------------------------------------------------------------------- reading


def read_workbook(path: Path, questionnaire: Questionnaire) -> Answers:
    """The answers in a filled workbook; an :class:`AnswersError` lists every problem with its cell,
    or says in one line why the file cannot be read as a workbook."""
    source = str(path)
    _check_zip(path)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 (a malformed workbook: whatever openpyxl raises)
        raise AnswersError(source, [(None, f"cannot be read as a workbook ({type(exc).__name__}: "
                                           f"{' '.join(str(exc).split())[:160]})")]) from None
    try:
        return _read(wb, source, questionnaire)
    except AnswersError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise AnswersError(source, [(None, f"cannot be read as a workbook ({type(exc).__name__}: "
                                           f"{' '.join(str(exc).split())[:160]})")]) from None
    finally:
        wb.close()


def _fail(path: Path, cause: str) -> AnswersError:
    return AnswersError(str(path), [(None, cause)])


def _check_zip(path: Path) -> None:
    """Refuse, in one line, what is not a workbook of a questionnaire's size (see the module's docs)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except OSError as exc:
        raise _fail(path, f"cannot be read ({exc.strerror})") from None
    if path.is_dir():
        raise _fail(path, "is a directory, not a workbook")
    if size > MAX_FILE_BYTES:
        raise _fail(path, f"larger than {MAX_FILE_BYTES // 1_000_000} MB; a questionnaire workbook is far smaller")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise _fail(path, f"the zip holds more than {MAX_ENTRIES:,} files; no questionnaire does (a zip bomb?)")
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES or (
                        info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
                    raise _fail(path, f"{info.filename} inflates to {info.file_size:,} bytes, more than a "
                                      "questionnaire workbook holds (a zip bomb?)")
                if info.filename.endswith((".xml", ".rels")):
                    _no_dtd(zf, info, path)
    except zipfile.BadZipFile:
        raise _fail(path, "not a valid XLSX workbook (not a zip archive): the file is damaged or not a "
                          "workbook") from None
    except (OSError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise _fail(path, f"cannot be read as a workbook ({type(exc).__name__}: {exc})") from None


def _no_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """A workbook part declares no DTD: entities (a billion laughs, an external file) are refused unread."""
    with zf.open(info) as fh:
        data = fh.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise _fail(path, f"{info.filename} inflates to more than {MAX_PART_BYTES // 1_000_000} MB (a zip bomb?)")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _fail(path, f"{info.filename} declares a DTD; a workbook part never does")
    if data.count(b"<") > MAX_TAGS:
        raise _fail(path, f"{info.filename} has more than {MAX_TAGS:,} XML tags; no questionnaire has (a bomb?)")


def _read(wb, source: str, questionnaire: Questionnaire) -> Answers:
    titles = all_languages("sheet.questions")
    if len(wb.sheetnames) > MAX_SHEETS:
        raise AnswersError(source, [(None, f"more than {MAX_SHEETS} sheets; not a questionnaire workbook")])
    name = next((n for n in wb.sheetnames if n in titles), None)
    if name is None:
        raise AnswersError(source, [(None, f"no sheet named {' or '.join(sorted(titles))}: is this the workbook "
                                           "`ddcontract assess init --xlsx` wrote?")])
    rows = wb[name].iter_rows(min_row=1, max_row=MAX_ROWS + 1, max_col=len(COLUMNS), values_only=True)
    header = next(rows, None) or ()
    where = _columns(header)
    if where is None:
        raise AnswersError(source, [(None, f"{name}: the first row names no {' or '.join(sorted(all_languages('col.answer')))} "
                                           "column: is this the workbook `ddcontract assess init --xlsx` wrote?")])
    found = Collector(questionnaire)
    found.meta["language"] = next((lang for lang in TEXTS if t(lang, "sheet.questions") == name), None)
    for number, row in enumerate(rows, 2):
        if number > MAX_ROWS:
            raise AnswersError(source, [(None, f"{name}: more than {MAX_ROWS:,} rows; not a questionnaire")])
        _row(found, name, number, row, where)
    return found.result(source)


def _columns(header: tuple[Any, ...]) -> dict[str, int] | None:
    """The columns of the ID, the answer and the note, by their headers (in any language)."""
    cells = [str(v).strip() if v is not None else "" for v in header]
    found = {}
    for key in ("id", "answer", "note"):
        names = all_languages(f"col.{key}")
        found[key] = next((i for i, v in enumerate(cells) if v in names), -1)
    return found if found["id"] >= 0 and found["answer"] >= 0 else None


def _row(found: Collector, sheet: str, number: int, row: tuple[Any, ...], where: dict[str, int]) -> None:
    def cell(key: str) -> Any:
        index = where[key]
        return row[index] if 0 <= index < len(row) else None

    key = cell("id")
    if key is None or (isinstance(key, str) and not key.strip()):
        return
    key = str(key).strip()
    ref = f"{sheet}!{'ABCDEFG'[where['answer']]}{number}"
    if key in META_KEYS:
        found.metadata(key, cell("answer"), None, f"{ref}: ")
    else:
        found.answer(key, cell("answer"), cell("note"), ref)
