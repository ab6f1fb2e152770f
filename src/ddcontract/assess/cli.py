"""The ``ddcontract assess`` commands: ``init`` writes the questionnaire to fill in (YAML, and a
workbook for the customer), ``risk`` reads the answers and says the customer's risk level, ``run``
the whole assessment with the contracts and its report (:mod:`.run`). Only
typer is imported here; the work's modules are imported inside the commands."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..clihelp import Command as _Command
from ..errors import DDContractError
from ..langs import LANGUAGES

app = typer.Typer(help="Assess a new customer: the questionnaire, its answers, the customer's risk level and "
                       "the due-diligence assessment with its contracts.",
                  short_help="Assess a new customer: questionnaire, risk, due-diligence report.", no_args_is_help=True)
Lang = Enum("Lang", {code: code for code in LANGUAGES}, type=str)
Format = Enum("Format", {s: s for s in ("console", "json")}, type=str)


def _fail_error(exc: DDContractError) -> None:
    for line in exc.lines():
        typer.echo(f"ddcontract: error: {line}", err=True)
    raise typer.Exit(2)


@app.command(cls=_Command, short_help="Write the questionnaire to fill in: YAML, and a workbook with --xlsx.")
def init(
    path: Path = typer.Argument(Path("customer.yaml"), metavar="FILE", help="Where to write the answers file (YAML)."),
    lang: Lang = typer.Option(Lang("en"), "--lang", help="Language of the questions and comments."),
    xlsx: Optional[Path] = typer.Option(None, "--xlsx", metavar="XLSX",
                                        help="Also write the questionnaire as a workbook to send to the customer."),
    force: bool = typer.Option(False, "--force", help="Overwrite the files if they exist."),
) -> None:
    """Write a commented answers file: every question of the procedure with its help and the answers
    it allows, the answers blank. A blank answer is reported as unknown, never guessed.

    Examples:

      ddcontract assess init customer.yaml

      ddcontract assess init kunde.yaml --lang da --xlsx spoergeskema.xlsx
    """
    from ..office.output import check_writable, write_atomic
    from .form import answers_form
    from .questions import load_questionnaire

    try:
        for out in (path, xlsx):
            if out is not None:
                check_writable(out, force)
        if xlsx is not None and xlsx.suffix.lower() != ".xlsx":
            raise DDContractError(f"{xlsx}: the workbook's name ends in .xlsx")
        questionnaire = load_questionnaire()
        text = answers_form(questionnaire, lang.value, path.name).encode("utf-8")
        if xlsx is not None:
            from .workbook import write_workbook

            write_workbook(questionnaire, lang.value, xlsx)
        write_atomic(path, lambda tmp: tmp.write_bytes(text))
    except DDContractError as exc:
        _fail_error(exc)
    except OSError as exc:
        typer.echo(f"ddcontract: error: {exc.filename}: cannot be written ({exc.strerror})", err=True)
        raise typer.Exit(2) from None
    if xlsx is not None:
        typer.echo(f"wrote {xlsx}: send it to the customer", err=True)
    typer.echo(f"wrote {path}: fill it in, then run `ddcontract assess run {path} --contract CONTRACT`", err=True)


@app.command(cls=_Command, short_help="Read the answers and say the customer's risk level and why.")
def risk(
    answers_path: Path = typer.Argument(..., metavar="ANSWERS", help="The answers: YAML (assess init) or a filled workbook."),
    risk_profile: Optional[Path] = typer.Option(None, "--risk-profile", metavar="YAML",
                                                help="Your own risk profile instead of the bundled one."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language of the output (default: the answers')."),
    fmt: Format = typer.Option(Format.console, "--format", "-f", help="console or json."),
) -> None:
    """Read the answers (every problem listed with its line or cell, exit 2) and say the customer's
    risk level: the rules that raised it with the answers they rest on, the rules that unknown answers
    leave undecided, and the policy that contracts are then checked against.

    Examples:

      ddcontract assess risk customer.yaml

      ddcontract assess risk filled_questionnaire.xlsx --format json
    """
    from .answers import read_answers
    from .questions import load_questionnaire
    from .risk import load_risk_profile
    from .show import risk_json, risk_lines

    try:
        questionnaire = load_questionnaire()
        profile = load_risk_profile(risk_profile, questionnaire)
        answers = read_answers(answers_path, questionnaire)
    except DDContractError as exc:
        _fail_error(exc)
        return
    language = lang.value if lang else answers.language or "en"
    result = profile.evaluate(answers)
    if fmt is Format.json:
        typer.echo(risk_json(result, answers, language))
    else:
        typer.echo("\n".join(risk_lines(result, answers, language)))


@app.command(cls=_Command, short_help="The whole assessment: answers, risk, contracts, recommendation, report.")
def run(
    answers_path: Path = typer.Argument(..., metavar="ANSWERS", help="The answers: YAML (assess init) or a filled workbook."),
    contract: Optional[list[Path]] = typer.Option(None, "--contract", metavar="FILE",
                                                  help="A contract or DPA (PDF, DOCX, TXT, MD); repeat for a "
                                                       "contract and its DPA, read as one agreement."),
    report: Optional[Path] = typer.Option(None, "--report", metavar="FILE",
                                          help="Also write the due-diligence report: .docx, or .pdf (LibreOffice)."),
    fmt: Format = typer.Option(Format.console, "--format", "-f", help="console or json."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Language of the output and the report "
                                        "(default: the answers')."),
    risk_profile: Optional[Path] = typer.Option(None, "--risk-profile", metavar="YAML",
                                                help="Your own risk profile instead of the bundled one."),
    findings: Optional[Path] = typer.Option(None, "--findings", metavar="YAML",
                                            help="Your own rules for the answers' findings and flags."),
    decision: Optional[Path] = typer.Option(None, "--decision", metavar="YAML",
                                            help="Your own recommendation rules and review intervals."),
    force: bool = typer.Option(False, "--force", help="Overwrite the --report file if it exists."),
) -> None:
    """Run the due-diligence procedure for one customer: the findings of the answers, the risk level
    and why, the contract(s) checked against that level's policy (a contract and its DPA read as one
    agreement), every theme 1-8 with questions and requirements side by side, the warning flags, a
    recommendation (proceed, proceed with conditions, escalate) with its reasons, the open items, and
    when to review the customer again.

    Examples:

      ddcontract assess run customer.yaml --contract contract.pdf --contract dpa.docx

      ddcontract assess run samples/assess/saas_medium.yaml --contract samples/msa_provider.pdf --contract samples/dpa.docx --report dd.docx

      ddcontract assess run kunde.xlsx --contract kontrakt.pdf --format json
    """
    from ..clioutput import check_one
    from ..office.output import check_writable
    from ..rules import load_library
    from .answers import read_answers
    from .decision import load_decision
    from .findings import load_findings
    from .questions import load_questionnaire
    from .risk import load_risk_profile
    from .run import run_assessment
    from .runshow import lines, to_json

    try:
        if report is not None:
            from ..office.pdf import document_format

            check_writable(report, force)
            document_format(report)
        questionnaire = load_questionnaire()
        profile = load_risk_profile(risk_profile, questionnaire)
        finding_rules = load_findings(findings, questionnaire)
        decision_rules = load_decision(decision, questionnaire)
        answers = read_answers(answers_path, questionnaire)
        language = lang.value if lang else answers.language or "en"
        library = load_library([], include_default=True)
        assessment = run_assessment(answers, list(contract or []), lang=language, profile=profile,
                                    finding_rules=finding_rules, decision=decision_rules, library=library,
                                    check=check_one)
        if fmt is Format.json:
            typer.echo(to_json(assessment))
        else:
            typer.echo("\n".join(lines(assessment)))
        if report is not None:
            from .runreport import write_assessment_report

            write_assessment_report(assessment, report, force=force)
            typer.echo(f"wrote {report}", err=True)
    except DDContractError as exc:
        _fail_error(exc)
