"""Render DOCX templates with docxtpl: the DPA and notification annex from deal data, the gap report
from a check result, and a user's own template with the same data.

Every template renders in a sandboxed Jinja environment (a template cannot reach Python internals)
with autoescape on (a value such as ``Smith & Sons <Nordic>`` comes out intact instead of breaking
the document's XML) and strict undefined variables (a misspelt variable is an error naming it, not
an empty gap in a contract). Output is written atomically (see :mod:`.output`), as DOCX or, when
its name ends in .pdf, as PDF through LibreOffice (see :mod:`.pdf`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..errors import DDContractError
from .output import OutputError, check_writable, write_atomic
from .pdf import document_format, save_pdf


class TemplateError(DDContractError):
    """A template cannot be found, read or rendered."""

    code = "TemplateError"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


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


def render_docx(template: Path, context: dict[str, Any], out: Path, force: bool = False) -> None:
    """Render ``template`` with ``context`` to ``out`` (sandboxed, autoescaped, strict): a DOCX, or a
    PDF when ``out`` ends in .pdf; any other name is an :class:`OutputError`."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import UndefinedError
    from jinja2.exceptions import SecurityError

    check_writable(out, force)
    kind = document_format(out)
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
        if kind == "pdf":
            write_atomic(out, lambda tmp: save_pdf(lambda docx: tpl.save(str(docx)), tmp, str(out)))
        else:
            write_atomic(out, lambda tmp: tpl.save(str(tmp)))
    except OSError as exc:
        raise OutputError(str(out), f"cannot be written ({exc.strerror})") from None
