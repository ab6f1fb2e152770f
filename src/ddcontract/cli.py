"""The ``ddcontract`` command line. Heavy libraries (spaCy, pdfium, lxml) are imported only inside
the commands, so ``ddcontract --help`` answers at once.

Exit codes: 0 done; 1 a requirement is at or below ``--fail-on``; 2 usage or input error (one line
on stderr naming the file and the cause).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .errors import DDContractError

app = typer.Typer(
    name="ddcontract",
    help=(
        "Cybersecurity due diligence for customer contracts.\n\n"
        "Examples:\n\n"
        "  ddcontract check contract.pdf\n\n"
        "  ddcontract check dpa.docx --format json > dpa.json\n\n"
        "  ddcontract check contract.pdf --policy policy.yaml --fail-on missing\n\n"
        "  ddcontract rules list\n\n"
        "  ddcontract rules test DD-8.1"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List and test the clause library's rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


class OutputFormat(str, Enum):
    console = "console"
    json = "json"


class FailOn(str, Enum):
    weak = "weak"
    missing = "missing"


class PdfEngine(str, Enum):
    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


class Lang(str, Enum):
    en = "en"
    da = "da"


def _fail(message: str) -> None:
    typer.echo(f"ddcontract: error: {message}", err=True)
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ddcontract {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Cybersecurity due diligence for customer contracts."""


def _library(rules: list[Path] | None, only: bool = False):
    from .rules import load_library

    if only and not rules:
        raise typer.BadParameter("--only-rules needs --rules DIR")
    return load_library(list(rules or []), include_default=not only)


RulesOption = typer.Option(None, "--rules", metavar="DIR",
                           help="Also load the rule files (*.yaml) in DIR; may be repeated.")
OnlyRulesOption = typer.Option(False, "--only-rules",
                               help="Use only the --rules directories, not the bundled clause library.")


@app.command()
def check(
    path: Path = typer.Argument(..., metavar="FILE", help="Contract or DPA: PDF, DOCX, TXT or MD."),
    fmt: OutputFormat = typer.Option(OutputFormat.console, "--format", "-f", help="console or json."),
    policy: Optional[Path] = typer.Option(None, "--policy", metavar="YAML",
                                          help="Policy overrides, e.g. notification_max_hours: 48."),
    rules: Optional[list[Path]] = RulesOption,
    only_rules: bool = OnlyRulesOption,
    pdf_engine: PdfEngine = typer.Option(PdfEngine.pdfium, "--pdf-engine",
                                         help="pdfium (fast, default) or pdfplumber (layout analysis)."),
    lang: Optional[Lang] = typer.Option(None, "--lang",
                                        help="Document language for every section (default: detect per section)."),
    report_lang: Optional[Lang] = typer.Option(None, "--report-lang",
                                               help="Language of the report (default: the document's)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on",
                                             help="Exit 1 if any requirement is at or below this status."),
    no_color: bool = typer.Option(False, "--no-color", help="Plain console output."),
) -> None:
    """Check one contract against the requirements (DD-4.1 … DD-8.5) and warning flags.

    Examples:

      ddcontract check samples/msa_provider.pdf

      ddcontract check samples/dpa.docx --format json

      ddcontract check contract.pdf --fail-on missing

      ddcontract check kontrakt.pdf --report-lang en
    """
    from .check import CheckOptions, check_file
    from .errors import InputError
    from .policy import load_policy

    try:
        options = CheckOptions(pdf_engine=pdf_engine.value, language=lang.value if lang else None,
                               report_language=report_lang.value if report_lang else None,
                               policy=load_policy(policy))
        library = _library(rules, only_rules)
        try:
            result = check_file(path, library, options)
        except DDContractError:
            raise
        except MemoryError:
            raise InputError(str(path), "the document is too large to process in memory") from None
        except Exception as exc:  # a library failing on a malformed file: still one line, exit 2
            raise InputError(str(path), f"cannot be read ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})") from None
    except DDContractError as exc:
        _fail(exc.one_line())
        return
    if fmt is OutputFormat.json:
        from .report import to_json

        sys.stdout.write(to_json(result) + "\n")
    else:
        from rich.console import Console

        from .report.console import render

        render(result, Console(no_color=no_color, highlight=False, soft_wrap=False))
    if fail_on is not None:
        from .model import STATUS_ORDER

        threshold = STATUS_ORDER[fail_on.value]
        if any(STATUS_ORDER[f.status] <= threshold for f in result.requirements):
            raise typer.Exit(1)


@rules_app.command("list")
def rules_list(rules: Optional[list[Path]] = RulesOption, only_rules: bool = OnlyRulesOption) -> None:
    """List every rule: its ID, the requirement or flag it serves, its signal and languages."""
    try:
        library = _library(rules, only_rules)
    except DDContractError as exc:
        _fail(exc.one_line())
        return
    width = max(len(r.id) for r in library.rules)
    for r in sorted(library.rules, key=lambda r: (r.target, r.id)):
        langs = ",".join(sorted(r.model.languages))
        typer.echo(f"{r.target:<7} {r.id:<{width}}  {r.model.signal:<15} {langs:<6} {Path(r.file).name}")


@rules_app.command("test")
def rules_test(
    target: Optional[str] = typer.Argument(None, metavar="[ID]",
                                           help="A requirement (DD-8.1), flag (WF-2) or rule id."),
    rules: Optional[list[Path]] = RulesOption,
    only_rules: bool = OnlyRulesOption,
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Only the examples in this language."),
) -> None:
    """Run the rules' positive and negative example sentences; exit 1 if any fails."""
    from .ruletest import iter_cases, run_case

    try:
        library = _library(rules, only_rules)
    except DDContractError as exc:
        _fail(exc.one_line())
        return
    cases = [c for c in iter_cases(library, target) if lang is None or c.lang == lang.value]
    if not cases:
        what = f"rule matching {target!r}" if target else "rule"
        _fail(f"no {what} has examples{' in ' + lang.value if lang else ''} (try `ddcontract rules list`)")
    failed = 0
    for case in cases:
        res = run_case(case, library)
        if not res.ok:
            failed += 1
            typer.echo(f"FAIL {case.name}: {res.problem}\n     {case.text}")
    passed = len(cases) - failed
    typer.echo(f"{passed} passed, {failed} failed")
    if failed:
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
