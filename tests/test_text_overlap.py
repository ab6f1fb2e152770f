"""Our texts (rule data, sample, markup and template sources, test data) share no run of ten words with a
real contract of a measuring set (``scripts/text_overlap.py``). The contracts are not stored in the repository:
the test runs where their texts have been built (``real_accuracy.py --set … --build``) and is skipped elsewhere."""

from __future__ import annotations

import pytest

from conftest import load_script


def _script():
    return load_script("text_overlap")


@pytest.mark.slow  # it depends on which sets are built on the machine: run with the benchmarks, ``-m slow``
def test_our_texts_repeat_no_real_contract(capsys):
    script = _script()
    if not script.contract_folders(cuad=False):
        pytest.skip("no real-contract texts built on this machine")
    code = script.main([])
    out = capsys.readouterr().out
    assert code == 0, out
