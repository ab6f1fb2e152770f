"""The bundled DOCX templates: which there are (:data:`TEMPLATES`), where they live, and the example
deal data ``ddcontract init`` writes. Rendering them is :mod:`ddcontract.office.template`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .office.template import TemplateError


@dataclass(frozen=True)
class TemplateInfo:
    name: str          # "dpa", "notification-annex", "gap-report"
    file: str          # file name in templates/, without the language suffix
    description: str


TEMPLATES: tuple[TemplateInfo, ...] = (
    TemplateInfo("dpa", "dpa", "Data processing agreement (GDPR Art. 28(3), Art. 33(2)) with the breach-"
                 "notification terms of Theme 8"),
    TemplateInfo("notification-annex", "notification_annex", "Annex on the mutual notification of security "
                 "incidents: deadline, content, channels, recipients, escalation"),
    TemplateInfo("gap-report", "gap_report", "The gap report `check --report` writes (data: a check result)"),
    TemplateInfo("assessment-report", "assessment_report", "The due-diligence report `assess run --report` writes "
                 "(data: an assessment)"),
)


def templates_dir() -> Path:
    """``templates/`` inside the installed package, or at the repository root."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if (candidate / "deal.example.en.yaml").is_file():
            return candidate
    raise TemplateError(str(here / "templates"), "the bundled templates are missing")


def bundled_template(name: str, lang: str) -> Path:
    """The bundled template file for ``name`` ("dpa", "notification-annex", "gap-report")."""
    info = next((t for t in TEMPLATES if t.name == name), None)
    if info is None:
        raise TemplateError(name, f"no such template (known: {', '.join(t.name for t in TEMPLATES)})")
    path = templates_dir() / f"{info.file}.{lang}.docx"
    if not path.is_file():
        raise TemplateError(str(path), f"the bundled template is missing for language {lang!r}")
    return path


def example_data(lang: str) -> Path:
    return templates_dir() / f"deal.example.{lang}.yaml"


def templates_listing() -> str:
    """The bundled templates, their languages and files (``ddcontract templates list``)."""
    folder = templates_dir()
    lines = []
    for t in TEMPLATES:
        langs = sorted(p.name.split(".")[-2] for p in folder.glob(f"{t.file}.*.docx"))
        lines.append(f"{t.name:<19} {','.join(langs):<6} {t.description}")
    return "\n".join(lines) + f"\n\nfolder: {folder}\nexample data: ddcontract init deal.yaml [--lang da]"
