"""The ``ddcontract`` command line. Heavy libraries (spaCy, pdfium, lxml) are imported only inside
the commands, so ``ddcontract --help`` answers at once.

Exit codes: 0 done; 1 a requirement is at or below ``--fail-on``; 2 usage or input error (one line
on stderr naming the file and the cause).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .clihelp import Command as _Command, at_least as _at_least
from .cliocr import OCR_OPTION, OCR_TIMEOUT_OPTION, OcrMode, ocr_options
from .errors import DDContractError
from .assess import LEVELS
from .assess.cli import app as assess_app
from .langs import LANGUAGES

app = typer.Typer(
    name="ddcontract",
    help=(
        "Cybersecurity due diligence for customer contracts.\n\n"
        "Examples:\n\n"
        "  ddcontract check contract.pdf\n\n"
        "  ddcontract check dpa.docx --format json > dpa.json\n\n"
        "  ddcontract check contract.pdf --policy policy.yaml --fail-on missing\n\n"
        "  ddcontract check contract.pdf --report gap.docx\n\n"
        "  ddcontract compare our_draft.docx their_version.pdf\n\n"
        "  ddcontract init deal.yaml && ddcontract generate dpa --data deal.yaml -o dpa.docx\n\n"
        "  ddcontract rules list\n\n  ddcontract rules test notify-deadline"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List and test the clause library's rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
templates_app = typer.Typer(help="List the bundled DOCX templates.", no_args_is_help=True)
app.add_typer(templates_app, name="templates")
app.add_typer(assess_app, name="assess")


OutputFormat = Enum("OutputFormat", {s: s for s in ("console", "json")}, type=str)
FailOn = Enum("FailOn", {s: s for s in ("weak", "missing")}, type=str)
PdfEngine = Enum("PdfEngine", {s: s for s in ("pdfium", "pdfplumber")}, type=str)
Lang = Enum("Lang", {code: code for code in LANGUAGES}, type=str)  # a language ddcontract reads and writes
Profile = Enum("Profile", {level: level for level in LEVELS}, type=str)  # a risk level: its policy preset
Executor = Enum("Executor", {s: s for s in ("local", "dask")}, type=str)


class GeneratedDocument(str, Enum):
    dpa = "dpa"
    notification_annex = "notification-annex"


def _fail(message: str) -> None:
    typer.echo(f"ddcontract: error: {message}", err=True)
    raise typer.Exit(2)


def _fail_error(exc: DDContractError) -> None:
    """A ddcontract error on stderr, exit code 2: one line, or one line per problem when the error
    lists several (a policy or rule file with more than one invalid value)."""
    for line in exc.lines():
        typer.echo(f"ddcontract: error: {line}", err=True)
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

PasswordOption = typer.Option(None, "--password", metavar="SECRET", envvar="DDCONTRACT_PDF_PASSWORD",
                              help="Password of an encrypted PDF (or set DDCONTRACT_PDF_PASSWORD).")
NoModelOption = typer.Option(False, "--no-model", help="The rules alone: no second opinion from the statistical "
                             "model where no rule found a requirement (also off with --only-rules).")
ExplainOption = typer.Option(None, "--explain", metavar="ID", help="Also say why this requirement or flag got its "
                             "status: the sentences matched, vetoed, and nearly matched.")


@app.command(cls=_Command, short_help="Check one contract against every requirement and warning flag.")
def check(
    path: Path = typer.Argument(..., metavar="FILE", help="Contract or DPA: PDF, DOCX, TXT or MD."),
    fmt: OutputFormat = typer.Option(OutputFormat.console, "--format", "-f", help="console or json."),
    policy: Optional[Path] = typer.Option(None, "--policy", metavar="YAML",
                                          help="Policy overrides, e.g. notification_max_hours: 48."),
    profile: Optional[Profile] = typer.Option(None, "--profile", help="Use the policy of this risk level "
                                              "(low, medium, high) instead of --policy."),
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
    report: Optional[Path] = typer.Option(None, "--report", metavar="FILE",
                                          help="Also write the gap report (in --report-lang) to this file: .docx, "
                                               "or .pdf (converted by LibreOffice)."),
    report_template: Optional[Path] = typer.Option(None, "--report-template", metavar="DOCX",
                                                   help="Your own docxtpl template for --report."),
    redline: Optional[Path] = typer.Option(None, "--redline", metavar="DOCX", help="Also write the contract (a "
                                           "DOCX) with comments on its gaps and suggested clauses as tracked changes."),
    force: bool = typer.Option(False, "--force", help="Overwrite the --report or --redline file if it exists."),
    max_pages: int = typer.Option(2000, "--max-pages", metavar="N", callback=_at_least(1),
                                  help="Refuse PDFs with more than N pages."),
    password: Optional[str] = PasswordOption,
    explain: Optional[str] = ExplainOption,
    no_model: bool = NoModelOption,
    ocr: Optional[OcrMode] = OCR_OPTION, ocr_timeout: float = OCR_TIMEOUT_OPTION,
) -> None:
    """Check one contract against every contract requirement and warning flag of the procedure.

    Examples:

      ddcontract check samples/msa_provider.pdf

      ddcontract check samples/dpa.docx --format json

      ddcontract check contract.pdf --fail-on missing --profile high

      ddcontract check contract.pdf --report gap.docx

      ddcontract check contract.docx --redline redline.docx

      ddcontract check contract.pdf --explain ID
    """
    from .check import CheckOptions
    from .clioutput import check_one, show_check
    from .policy import load_policy

    _check_outputs(path, report, redline, force, report_lang)  # before the work, which a bad output would waste
    if explain is not None:
        _check_target(explain)
    try:
        options = CheckOptions(pdf_engine=pdf_engine.value, language=lang.value if lang else None,
                               report_language=report_lang.value if report_lang else None,
                               policy=load_policy(policy, profile and profile.value), max_pages=max_pages,
                               password=password, model=not (no_model or only_rules), **ocr_options(ocr, ocr_timeout))
        library = _library(rules, only_rules)
        result = check_one(path, library, options)
    except DDContractError as exc:
        _fail_error(exc)
        return
    explanation = None
    if explain is not None:
        from .explain import explain_result

        explanation = explain_result(result.document, result, library, options, explain)
    show_check(result, fmt.value == "json", no_color, explanation)
    if report is not None:
        _output("write_gap_report", result, report, options.policy, policy or (profile and f"--profile {profile.value}"),
                report_template, force)
    if redline is not None:
        _output("write_check_redline", result, redline)
    if fail_on is not None and _fails(result, fail_on):
        raise typer.Exit(1)


def _check_outputs(source: Path, report: Path | None, redline: Path | None, force: bool, lang) -> None:
    """The --report and --redline files can be written (and a redline's contract is a DOCX)."""
    from .clioutput import check_redline_output, check_report_output

    try:
        if report is not None:
            check_report_output(report, force)
        if redline is not None:
            check_redline_output(source, redline, force, lang.value if lang else None)
    except DDContractError as exc:
        _fail_error(exc)


def _check_target(target: str) -> None:
    """``--explain`` names a requirement or flag the catalogue knows."""
    from .requirements import BY_ID, FLAG_BY_ID

    if target not in BY_ID and target not in FLAG_BY_ID:
        _fail(f"--explain {target}: not a requirement or flag ID (known: {', '.join([*BY_ID, *FLAG_BY_ID])})")


def _output(writer: str, *args) -> None:
    """Write a document output with :mod:`ddcontract.clioutput`'s ``writer``; its line on stderr."""
    from . import clioutput

    try:
        typer.echo(getattr(clioutput, writer)(*args), err=True)
    except DDContractError as exc:
        _fail_error(exc)


def _fails(result, fail_on: FailOn) -> bool:
    """Is any requirement the policy asks for at or below ``fail_on``?"""
    from .model import STATUS_ORDER

    threshold = STATUS_ORDER[fail_on.value]
    return any(f.required and STATUS_ORDER[f.status] <= threshold for f in result.requirements)


@app.command(cls=_Command, short_help="Compare our draft with the customer's returned version.")
def compare(
    ours: Path = typer.Argument(..., metavar="OURS", help="Our version: PDF, DOCX, TXT or MD."),
    theirs: Path = typer.Argument(..., metavar="THEIRS", help="The customer's version: PDF, DOCX, TXT or MD."),
    fmt: OutputFormat = typer.Option(OutputFormat.console, "--format", "-f", help="console or json."),
    policy: Optional[Path] = typer.Option(None, "--policy", metavar="YAML", help="Policy overrides."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language of both versions (default: detect)."),
    report_lang: Optional[Lang] = typer.Option(None, "--report-lang", help="Language of the report (default: theirs)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 if theirs has one at or below this."),
    all_changes: bool = typer.Option(False, "--all-changes", help="Also list the changes that touch no requirement."),
    no_color: bool = typer.Option(False, "--no-color", help="Plain console output."),
    redline: Optional[Path] = typer.Option(None, "--redline", metavar="DOCX",
                                           help="Also write their version (a DOCX) with our counter-markup: each "
                                                "refused security clause put back as a tracked change."),
    force: bool = typer.Option(False, "--force", help="Overwrite the --redline file if it exists."),
) -> None:
    """Compare our version with the customer's: requirements ours → theirs, the changed clauses that
    touch them as a word diff, and the flag raised when they refuse security clauses.

    Example: ddcontract compare our_draft.docx their_version.pdf --format json

    Example: ddcontract compare our_draft.docx their_version.docx --redline answer.docx
    """
    from .compare import compare_paths
    from .report.comparison import show_comparison

    _check_outputs(theirs, None, redline, force, report_lang)
    try:
        result = compare_paths(ours, theirs, policy, lang.value if lang else None,
                               report_lang.value if report_lang else None)
    except DDContractError as exc:
        _fail_error(exc)
        return
    show_comparison(result, fmt is OutputFormat.json, no_color, all_changes)
    if redline is not None:
        _output("write_compare_redline", result, redline)
    if fail_on is not None and _fails(result.theirs, fail_on):
        raise typer.Exit(1)


@rules_app.command("list", cls=_Command, short_help="List every rule and the requirement or flag it serves.")
def rules_list(rules: Optional[list[Path]] = RulesOption, only_rules: bool = OnlyRulesOption) -> None:
    """List every rule: its ID, the requirement or flag it serves, its signal and languages."""
    try:
        library = _library(rules, only_rules)
    except DDContractError as exc:
        _fail_error(exc)
        return
    from .ruletest import listing

    typer.echo(listing(library))


@rules_app.command("test", cls=_Command, short_help="Run the rules' example sentences; exit 1 if any fails.")
def rules_test(
    target: Optional[str] = typer.Argument(None, metavar="ID",
                                           help="A requirement or flag ID, or a rule id (as `ddcontract rules list` shows them)."),
    rules: Optional[list[Path]] = RulesOption,
    only_rules: bool = OnlyRulesOption,
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Only the examples in this language."),
) -> None:
    """Run the rules' positive and negative example sentences; exit 1 if any fails."""
    from .ruletest import failures, iter_cases

    try:
        library = _library(rules, only_rules)
    except DDContractError as exc:
        _fail_error(exc)
        return
    cases = [c for c in iter_cases(library, target) if lang is None or c.lang == lang.value]
    if not cases:
        what = f"rule matching {target!r}" if target else "rule"
        _fail(f"no {what} has examples{' in ' + lang.value if lang else ''} (try `ddcontract rules list`)")
    failed = failures(cases, library)
    for line in failed:
        typer.echo(line)
    typer.echo(f"{len(cases) - len(failed)} passed, {len(failed)} failed")
    if failed:
        raise typer.Exit(1)


@app.command(cls=_Command, short_help="Write an example deal data file to edit for generate.")
def init(
    path: Path = typer.Argument(Path("deal.yaml"), metavar="FILE", help="Where to write the example deal data."),
    lang: Lang = typer.Option(Lang("en"), "--lang", help="Language of the example and its comments."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
) -> None:
    """Write a commented example deal data file for `ddcontract generate`.

    Examples:

      ddcontract init deal.yaml

      ddcontract init aftale.yaml --lang da
    """
    from .generate import example_data
    from .office.output import check_writable, write_atomic

    try:
        check_writable(path, force)
        text = example_data(lang.value).read_bytes()
        write_atomic(path, lambda tmp: tmp.write_bytes(text))
    except DDContractError as exc:
        _fail_error(exc)
    except OSError as exc:
        _fail(f"{path}: cannot be written ({exc.strerror})")
    typer.echo(f"wrote {path}: edit it, then run `ddcontract generate dpa --data {path} -o dpa.docx`", err=True)


@app.command(cls=_Command, short_help="Write a DPA or a breach-notification annex (DOCX) from deal data.")
def generate(
    document: GeneratedDocument = typer.Argument(..., metavar="DOCUMENT", help="dpa or notification-annex."),
    data: Path = typer.Option(..., "--data", "-d", metavar="YAML", help="Deal data (see `ddcontract init`)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE",
                                       help="Where to write the document: .docx, or .pdf (converted by LibreOffice)."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language of the document (default: the data's `language`)."),
    template: Optional[Path] = typer.Option(None, "--template", metavar="DOCX",
                                            help="Render your own docxtpl template with the same data."),
    check_only: bool = typer.Option(False, "--check", help="Only validate the data; write nothing."),
    force: bool = typer.Option(False, "--force", help="Overwrite the output if it exists."),
    allow_mixed: bool = typer.Option(False, "--allow-mixed-language",
                                     help="Use the text there is where the data lacks the document's language."),
) -> None:
    """Generate a DPA or a breach-notification annex as DOCX (or PDF) from deal data.

    The data is validated first: every problem is listed with its line, and nothing is written.
    Prose in the data (descriptions, the governing law, roles …) is taken in the document's
    language ({en: …, da: …}); a document whose language some text lacks is refused unless
    --allow-mixed-language is given.

    Examples:

      ddcontract generate dpa --data deal.yaml -o dpa.docx

      ddcontract generate notification-annex --data deal.yaml -o annex.docx --lang da

      ddcontract generate dpa --data deal.yaml --template our_dpa.docx -o dpa.docx
    """
    from .deal import DealError, load_deal, missing_texts, template_context
    from .generate import bundled_template
    from .office.template import render_docx

    try:
        deal = load_deal(data)
    except DealError as exc:
        _fail_error(exc)
    language = lang.value if lang else deal.language
    mixed = missing_texts(deal, language)
    if mixed and not allow_mixed:
        _fail(f"{data}: {mixed}; give them per language ({{{deal.language}: …, {language}: …}}), "
              "or pass --allow-mixed-language to use the text there is")
    if check_only:
        typer.echo(f"{data}: valid deal data", err=True)
        return
    if out is None:
        _fail("--out is required (where to write the document), e.g. -o dpa.docx")
    if mixed:
        typer.echo(f"ddcontract: warning: {data}: {mixed}; the text there is was used (--allow-mixed-language)",
                   err=True)
    try:
        tpl = template or bundled_template(document.value, language)
        render_docx(tpl, template_context(deal, language), out, force=force)
    except DDContractError as exc:
        _fail_error(exc)
    typer.echo(f"wrote {out}", err=True)


@app.command(cls=_Command, short_help="Check all contracts in folders in parallel; write a summary.")
def scan(
    paths: list[Path] = typer.Argument(..., metavar="PATH...", help="Folders (searched recursively) or files."),
    out: Path = typer.Option(..., "--out", "-o", metavar="DIR", help="Folder for results.jsonl, summary.csv and summary.xlsx."),
    workers: int = typer.Option(0, "--workers", "-j", metavar="N", show_default=False, callback=_at_least(0),
                                help="Worker processes; 0 (the default) starts one per CPU."),
    include: Optional[list[str]] = typer.Option(None, "--include", metavar="GLOB", help="Only files matching (repeatable)."),
    exclude: Optional[list[str]] = typer.Option(None, "--exclude", metavar="GLOB", help="Skip files matching (repeatable)."),
    include_readme: bool = typer.Option(False, "--include-readme",
                                        help="Also check files named README, CHANGELOG or LICENSE (any extension), "
                                             "which a scan skips as a folder's documentation."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted scan in DIR."),
    force: bool = typer.Option(False, "--force", help="Start over, replacing the results in DIR."),
    policy: Optional[Path] = typer.Option(None, "--policy", metavar="YAML", help="Policy overrides."),
    rules: Optional[list[Path]] = RulesOption,
    only_rules: bool = OnlyRulesOption,
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Document language for every file (default: detect)."),
    report_lang: Optional[Lang] = typer.Option(None, "--report-lang", help="Language of the messages."),
    pdf_engine: PdfEngine = typer.Option(PdfEngine.pdfium, "--pdf-engine", help="pdfium (default) or pdfplumber."),
    executor: Executor = typer.Option(Executor.local, "--executor",
                                      help="local (a process pool) or dask (a Dask distributed cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                            help="The Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --executor dask)."),
    max_pages: int = typer.Option(2000, "--max-pages", metavar="N", callback=_at_least(1),
                                  help="Record PDFs with more than N pages as errors."),
    password: Optional[str] = typer.Option(None, "--password", metavar="SECRET", envvar="DDCONTRACT_PDF_PASSWORD",
                                           help="Password tried on encrypted PDFs (or set DDCONTRACT_PDF_PASSWORD)."),
    no_model: bool = NoModelOption,
    ocr: Optional[OcrMode] = OCR_OPTION, ocr_timeout: float = OCR_TIMEOUT_OPTION,
) -> None:
    """Check every contract under PATH... in parallel; write DIR/results.jsonl, summary.csv and summary.xlsx.

    One JSON line per document (the `check --format json` object, or an error), written as each
    document finishes. Exit code 0: all read; 1: some files could not be read; 2: usage error.

    Examples:

      ddcontract scan contracts/ --out scan/

      ddcontract scan contracts/ --out scan/ --resume

      ddcontract scan a/ b/ --out scan/ --exclude '*draft*' --workers 2

      ddcontract scan contracts/ --out scan/ --executor dask --scheduler tcp://scheduler:8786
    """
    from .policy import load_policy
    from .scan.options import ScanOptions
    from .scan.run import scan as run

    if (executor is Executor.dask) != (scheduler is not None):
        _fail("--executor dask and --scheduler ADDRESS go together")
    try:
        options = ScanOptions(rules=tuple(rules or ()), only_rules=only_rules, pdf_engine=pdf_engine.value,
                              language=lang.value if lang else None,
                              report_language=report_lang.value if report_lang else None,
                              policy=load_policy(policy), max_pages=max_pages, password=password,
                              model=not (no_model or only_rules), **ocr_options(ocr, ocr_timeout))
        _library(rules, only_rules)  # a bad rule library fails here, once, not in every worker
        code = run(paths, out, options, workers=workers, include=include, exclude=exclude, resume=resume,
                   force=force, scheduler=scheduler, include_readme=include_readme)
    except DDContractError as exc:
        _fail_error(exc)
        return
    if code:
        raise typer.Exit(code)


@templates_app.command("list", cls=_Command, short_help="List the bundled templates, their languages and files.")
def templates_list() -> None:
    """List the bundled templates, their languages and files."""
    from .generate import templates_listing

    try:
        typer.echo(templates_listing())
    except DDContractError as exc:
        _fail_error(exc)


def main() -> None:
    from . import gcpolicy

    gcpolicy.hold()
    try:
        app()
    finally:
        gcpolicy.at_exit()


if __name__ == "__main__":  # pragma: no cover
    main()
