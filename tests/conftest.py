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
