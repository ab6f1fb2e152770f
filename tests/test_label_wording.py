"""``scripts/label_wording.py``: how the labels of the real sets treat a class of wording (texts labelled addressed and
missing that contain it). Labels and texts of our own, written here."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import load_script


def test_counts_texts_with_the_wording_per_label_and_lists_them(tmp_path: Path, monkeypatch) -> None:
    mod = load_script("label_wording")
    texts = tmp_path / "cache" / "real-devX"
    texts.mkdir(parents=True)
    (texts / "a.md").write_text("Butikken påtager sig ikke ansvar for farver på skærmen.\n", encoding="utf-8")
    (texts / "b.md").write_text("Sælger er ansvarlig for levering.\n", encoding="utf-8")
    (texts / "c.md").write_text("Vi har intet ansvar for pakker, der står ved døren.\n", encoding="utf-8")
    (texts / "d.md").write_text("Vi er ikke ansvarlige for links.\n", encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text(
        "a.md:\n  lang: da\n  req:\n    DD-4.6: 1\n"
        "b.md:\n  lang: da\n  req:\n    DD-4.6: 0\n"
        "c.md:\n  lang: da\n  req:\n    DD-4.6: 0\n"
        "d.md:\n  lang: en\n  req:\n    DD-4.6: 0\n"  # another language: not counted
        "e.md:\n  lang: da\n  req:\n    DD-4.6: 1\n",  # not built: not counted
        encoding="utf-8")
    monkeypatch.setitem(mod.real_accuracy.SETS, "devX", (labels, "real-devX", "a set of our own"))
    monkeypatch.setattr(mod.real_accuracy, "default_texts", lambda folder: tmp_path / "cache" / folder)
    counts, hits = mod.scan("DD-4.6", "da", re.compile(r"(ikke|intet)\s+ansvar\w*\s+for", re.I), ["devX"])
    assert counts == {1: [0, 1], 0: [1, 1]}
    assert [(label, name) for label, _, name, _ in hits] == [(1, "a.md"), (0, "c.md")]
