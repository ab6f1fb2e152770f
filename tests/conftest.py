from __future__ import annotations

from pathlib import Path

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
