from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "cuad-dev"


@pytest.fixture(scope="session")
def library():
    from ddcontract.rules import load_library

    return load_library()


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()


def finding_in(tmp_path: Path, library, text: str, lang: str, req: str, model: bool = True,
               name: str = "contract.txt"):
    """The check's finding for requirement ``req`` on ``text``, written to ``tmp_path / name`` and read in ``lang``."""
    from ddcontract.check import CheckOptions, check_file

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return next(f for f in check_file(path, library, CheckOptions(language=lang, model=model)).requirements
                if f.id == req)


def load_script(name: str):
    """A script of ``scripts/`` imported as a module (registered in ``sys.modules``, so its dataclasses work)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def docx_text(path: Path) -> str:
    """All the text of a DOCX: body paragraphs, table cells, headers and footers."""
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    parts.extend(p.text for s in d.sections for p in (*s.header.paragraphs, *s.footer.paragraphs))
    return "\n".join(parts)


# A valid English rule for DD-8.1, the starting point of the tests that write rule files.
EXAMPLE_RULE: dict[str, Any] = {
    "id": "my-deadline",
    "requirement": "DD-8.1",
    "signal": "deadline",
    "extract": ["deadline"],
    "message": "Deadline: {stated}.",
    "suggestion": "Notify within 24 hours.",
    "languages": {"en": {
        "patterns": ["notify ~5 incident"],
        "examples": {
            "positive": [{"text": "The Supplier shall notify the Customer of an incident within 24 hours.",
                          "values": {"hours": 24}}],
            "negative": ["The Supplier shall pay the invoice."],
        },
    }},
}


def libreoffice_pdfs(docs: list[Path], outdir: Path, timeout: int = 300) -> list[Path]:
    """The PDFs LibreOffice makes of ``docs`` (one run for all, with a profile of its own in ``outdir``),
    in the same order: opening the documents as a user's LibreOffice would."""
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{outdir}/profile",
                    "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)],
                   check=True, capture_output=True, timeout=timeout)
    return [outdir / (d.stem + ".pdf") for d in docs]


def cli_errors(result) -> list[str]:
    """The problems a command printed on stderr, without the prefix; asserts exit code 2, no traceback and
    nothing on stdout."""
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert all(line.startswith("ddcontract: error: ") for line in lines), result.stderr
    return [line.removeprefix("ddcontract: error: ") for line in lines]


_RESOLVE_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(src As String, dst As String, what As String)
  Dim noArgs()
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, load())
  Dim helper As Object
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  helper.executeDispatch(doc.CurrentController.Frame, &quot;.uno:&quot; &amp; what &amp; &quot;AllTrackedChanges&quot;, &quot;&quot;, 0, noArgs())
  Dim props(0) As New com.sun.star.beans.PropertyValue
  props(0).Name = &quot;FilterName&quot;
  props(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(dst), props())
  doc.close(True)
End Sub
</script:module>"""


def libreoffice_resolve(src: Path, outdir: Path, what: str) -> Path:
    """``src`` with every tracked change accepted (``what`` "Accept") or rejected ("Reject") by LibreOffice,
    through a Basic macro put in a profile of the test's own (the document is loaded hidden: a visible one
    with comments makes the headless macro fail); skips when LibreOffice is missing or cannot run it."""
    import shutil

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = outdir / "profile"
    run = ["soffice", "--headless", f"-env:UserInstallation=file://{profile}"]
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.exists():  # a first run creates the profile and its Standard Basic library
        subprocess.run([*run, "--convert-to", "pdf", "--outdir", str(outdir), str(src)], check=True,
                       capture_output=True, timeout=300)
        module.write_text(_RESOLVE_MACRO, encoding="utf-8")
    dst = outdir / f"{src.stem}.{what.lower()}.docx"
    subprocess.run([*run, f'macro:///Standard.Module1.Resolve("{src}","{dst}","{what}")'], check=False,
                   capture_output=True, timeout=300)
    if not dst.exists():
        pytest.skip("LibreOffice could not run the macro that resolves the tracked changes")
    return dst


@pytest.fixture(scope="module")
def ours_dir(tmp_path_factory) -> Path:
    """Our drafts: every sample markup with its changes rejected (<name>_ours.docx)."""
    import sys

    out = tmp_path_factory.mktemp("ours")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_markups.py"),
                    "--ours", "--out", str(out)], check=True, capture_output=True)
    return out
