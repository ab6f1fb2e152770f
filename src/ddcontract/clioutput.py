"""The command line's document outputs: the gap report (``check --report``) and the redlines
(``check --redline``, ``compare --redline``). Each output is checked before the work (its folder
exists, it does not unless ``--force``, its name has a suffix we write, a redline's input is a DOCX),
so an output that cannot be written costs nothing; errors are :class:`DDContractError` for the CLI to
print in one line."""

from __future__ import annotations

from pathlib import Path

from .errors import DDContractError, InputError


def check_report_output(out: Path, force: bool) -> None:
    """A DOCX or PDF output can be written: its folder exists, it does not (or ``force``), its name
    ends in .docx or .pdf, and LibreOffice is there for a PDF."""
    from .office.output import check_writable
    from .office.pdf import document_format

    check_writable(out, force)
    document_format(out)


def check_redline_output(source: Path, out: Path, force: bool, lang: str | None) -> None:
    """A redline of ``source`` can be written to ``out``: ``source`` is a DOCX (read from its first
    bytes, as the reader does), ``out`` ends in .docx, is not ``source`` and can be written."""
    from .i18n import tr
    from .ingest import detect_format
    from .office.output import OutputError, check_writable

    try:
        with source.open("rb") as fh:
            fmt = detect_format(source, fh.read(8))
    except OSError:
        return  # the check reports a file it cannot read
    if fmt != "docx":
        raise InputError(str(source), tr(lang or "en", "redline.needs_docx", format=fmt.upper()))
    if out.suffix.lower() != ".docx":
        raise OutputError(str(out), "a redline is a Word document: give the output a name ending in .docx")
    if out.exists() and source.exists() and out.resolve() == source.resolve():
        raise OutputError(str(out), "is the contract itself: write the redline to another file")
    check_writable(out, force)


def show_check(result, as_json: bool, no_color: bool, explanation=None) -> None:
    """A check's result on stdout: as JSON, or the console report (with ``--explain``'s explanation)."""
    import sys

    if as_json:
        from .report import to_json

        sys.stdout.write(to_json(result, explanation) + "\n")
        return
    from rich.console import Console

    from .report.console import render, render_explanation

    console = Console(no_color=no_color, highlight=False, soft_wrap=False)
    render(result, console)
    if explanation is not None:
        render_explanation(explanation, result.report_language, console)


def write_gap_report(result, report: Path, policy, policy_file: Path | str | None, template: Path | None,
                     force: bool) -> str:
    """The gap report written to ``report``; the line saying so."""
    from .report.docx import write_report

    write_report(result, report, policy, str(policy_file) if policy_file else None, template=template,
                 force=force)
    return f"wrote {report}"


def write_check_redline(result, out: Path) -> str:
    """The redline of a check written to ``out``; the line saying what it holds."""
    from .report.redline import write_check_redline as write

    return write(result, out).line(out)


def write_compare_redline(comparison, out: Path) -> str:
    """The counter-markup of a comparison written to ``out``; the line saying what it holds."""
    from .report.redline_compare import write_compare_redline as write

    return write(comparison, out).line(out)


__all__ = ["DDContractError", "check_redline_output", "check_report_output", "show_check", "write_check_redline",
           "write_compare_redline", "write_gap_report"]


def check_one(path: Path, library, options):
    """One contract's check; any failure of a library on a malformed file as an InputError (one line, exit 2)."""
    from .check import check_file
    from .errors import failure

    try:
        return check_file(path, library, options)
    except DDContractError:
        raise
    except Exception as exc:  # a library failing on a malformed file: still one line, exit 2
        raise InputError(str(path), failure(exc)[1]) from None
