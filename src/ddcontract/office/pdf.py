"""A rendered document as PDF: the DOCX is saved into a temporary folder and converted there by
LibreOffice (``soffice --headless --convert-to pdf``), then written to the output atomically.

The output's name decides its format: ``.docx`` a Word document, ``.pdf`` a PDF (LibreOffice must be
installed), anything else is refused, so a file's content never contradicts its name. Each
conversion runs LibreOffice with a user profile of its own in the temporary folder, so a LibreOffice
the user has open (which would otherwise take the job over and silently write nothing) or a home
folder that cannot be written does not matter.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from .output import OutputError

FORMATS = (".docx", ".pdf")
CONVERT_TIMEOUT = 300  # seconds: a long gap report converts in a few
_SOFFICE = ("soffice", "libreoffice")
_MACOS_SOFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


def find_soffice() -> str | None:
    """The LibreOffice executable, or None when LibreOffice is not installed."""
    for name in _SOFFICE:
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "darwin" and Path(_MACOS_SOFFICE).is_file():
        return _MACOS_SOFFICE
    return None


def document_format(out: Path) -> str:
    """``"docx"`` or ``"pdf"``, as ``out``'s name asks; an :class:`OutputError` for any other name,
    or for a PDF when LibreOffice is not installed."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        given = f"'{out.suffix}'" if out.suffix else "no suffix"
        raise OutputError(str(out), f"the file name must end in .docx or .pdf (it has {given})")
    if suffix == ".pdf" and find_soffice() is None:
        raise OutputError(str(out), "writing a PDF needs LibreOffice (soffice), which is not installed: "
                                    "install it, or name the file .docx")
    return suffix[1:]


def save_pdf(save_docx: Callable[[Path], None], pdf: Path, name: str) -> None:
    """Write the document that ``save_docx(path)`` saves as DOCX to ``pdf``, converted by LibreOffice;
    ``name`` (the output's) is what an error names."""
    soffice = find_soffice()
    if soffice is None:
        raise OutputError(name, "writing a PDF needs LibreOffice (soffice), which is not installed")
    with tempfile.TemporaryDirectory(prefix="ddcontract-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        save_docx(source)
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(work / "out"), str(source)]
        try:
            run = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=CONVERT_TIMEOUT,
                                 cwd=folder)
        except subprocess.TimeoutExpired:
            raise OutputError(name, f"LibreOffice did not convert it to PDF within {CONVERT_TIMEOUT} s") from None
        except OSError as exc:
            raise OutputError(name, f"LibreOffice ({soffice}) cannot be run: {exc.strerror}") from None
        result = work / "out" / "document.pdf"
        if run.returncode != 0 or not result.is_file() or not result.read_bytes()[:5] == b"%PDF-":
            said = (run.stderr or run.stdout).decode("utf-8", "replace").strip().splitlines()
            why = f": {said[-1][:200]}" if said else f" (exit code {run.returncode})"
            raise OutputError(name, f"LibreOffice could not convert it to PDF{why}")
        shutil.copyfile(result, pdf)
