"""The phrasing probes (benchmarks/phrasing-probes/) are well-formed: each file is a catalogue requirement with lists of
sentences, and the measuring script reads them and refuses a malformed file."""

from __future__ import annotations

import pytest

from conftest import ROOT, load_script
from ddcontract.requirements import BY_ID


def _script():
    return load_script("probe_accuracy")


FOLDERS = sorted(p for p in (ROOT / "benchmarks" / "phrasing-probes").glob("*/*") if p.is_dir())


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: f"{p.parent.name}-{p.name}")
def test_every_probe_file_is_a_requirement_with_positive_and_negative_sentences(folder):
    assert folder.name in ("en", "da")
    probes = _script().load_probes(folder)
    assert probes, folder
    for req, kinds in probes.items():
        assert req in BY_ID, req
        assert kinds["positive"] and kinds["negative"], req
        for sentence in kinds["positive"] + kinds["negative"]:
            assert len(sentence.split()) >= 5, sentence


def test_a_malformed_probe_file_is_refused(tmp_path):
    (tmp_path / "DD-4.7.yaml").write_text("positive:\n  - {not: a sentence}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="DD-4.7.yaml"):
        _script().load_probes(tmp_path)
