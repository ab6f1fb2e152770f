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
