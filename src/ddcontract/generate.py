"""Render DOCX templates with docxtpl: the DPA and notification annex from deal data, the gap report
from a check result, and a user's own template with the same data.

Every template renders in a sandboxed Jinja environment (a template cannot reach Python internals)
with autoescape on (a value such as ``Smith & Sons <Nordic>`` comes out intact instead of breaking
the document's XML) and strict undefined variables (a misspelt variable is an error naming it, not
an empty gap in a contract). Output is written atomically: to a temporary file beside the target,
then renamed, so a failed render leaves nothing behind and never a half-written file.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DDContractError


class TemplateError(DDContractError):
    """A template cannot be found, read or rendered."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


class OutputError(DDContractError):
    """An output file cannot be written."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


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


def jinja_env():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _open_template(path: Path):
    from docxtpl import DocxTemplate

    if not path.exists():
        raise TemplateError(str(path), "no such file")
    if path.is_dir():
        raise TemplateError(str(path), "is a directory, not a DOCX template")
    if not zipfile.is_zipfile(path):
        raise TemplateError(str(path), "not a DOCX file (a Word template saved as .docx is needed)")
    try:
        with zipfile.ZipFile(path) as z:
            if "word/document.xml" not in z.namelist():
                raise TemplateError(str(path), "not a Word document (no word/document.xml)")
        return DocxTemplate(str(path))
    except TemplateError:
        raise
    except Exception as exc:  # python-docx on a damaged package
        raise TemplateError(str(path), f"cannot be opened ({type(exc).__name__}: {exc})") from None


def undeclared_variables(path: Path, context: dict[str, Any] | None = None) -> set[str]:
    """Top-level variables the template uses that ``context`` lacks (all of them without one)."""
    tpl = _open_template(path)
    return tpl.get_undeclared_template_variables(jinja_env(), context=context)


def check_writable(out: Path, force: bool) -> None:
    if out.exists() and not force:
        raise OutputError(str(out), "already exists (use --force to overwrite it)")
    if out.exists() and out.is_dir():
        raise OutputError(str(out), "is a directory")
    if not out.parent.exists():
        raise OutputError(str(out), f"the folder {out.parent} does not exist")


def write_atomic(out: Path, write) -> None:
    """Call ``write(tmp_path)`` and rename the result onto ``out``; nothing is left on failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def render_docx(template: Path, context: dict[str, Any], out: Path, force: bool = False) -> None:
    """Render ``template`` with ``context`` to ``out`` (sandboxed, autoescaped, strict)."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import UndefinedError
    from jinja2.exceptions import SecurityError

    check_writable(out, force)
    tpl = _open_template(template)
    try:
        tpl.render(context, jinja_env(), autoescape=True)
    except UndefinedError as exc:
        raise TemplateError(str(template), f"uses a variable the data does not have: {exc.message}") from None
    except SecurityError as exc:
        raise TemplateError(str(template), f"tried something a template may not do: {exc}") from None
    except JinjaError as exc:
        line = f" (template line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise TemplateError(str(template), f"template syntax error: {exc.message}{line}") from None
    try:
        write_atomic(out, lambda tmp: tpl.save(str(tmp)))
    except OSError as exc:
        raise OutputError(str(out), f"cannot be written ({exc.strerror})") from None
