"""``scripts/real_accuracy.py --agreement``: how far two independent labellings of the same texts agree (share and
Cohen's kappa, pooled over sets), and which labels they differ on. Label files of our own, written here."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, load_script


def _module():
    return load_script("real_accuracy")


def _write(path: Path, labels: dict[str, dict[str, object]], lang: str = "en") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for name, req in labels.items():
        lines += [f"{name}:", f"  lang: {lang}", "  req:"] + [f"    {rid}: {value}" for rid, value in req.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_labellings_pooled_over_sets_with_kappa_and_the_differences(tmp_path: Path, capsys) -> None:
    mod = _module()
    a1 = _write(tmp_path / "real-devA" / "labels.yaml",
                {"a.md": {"DD-4.1": 1, "DD-4.3": 1, "DD-4.7": 0, "DD-6.1": '"~"'}})
    b1 = _write(tmp_path / "real-devA" / "labels-second.yaml",
                {"a.md": {"DD-4.1": 1, "DD-4.3": 0, "DD-4.7": 0, "DD-6.1": 0}})
    a2 = _write(tmp_path / "real-devB" / "labels.yaml", {"b.md": {"DD-4.1": 0, "DD-4.3": 1}})
    b2 = _write(tmp_path / "real-devB" / "labels-second.yaml", {"b.md": {"DD-4.1": 0, "DD-4.3": 1}})
    assert mod.agreement([(a1, b1), (a2, b2)]) == 0
    out = capsys.readouterr().out
    # five labels both made ("~" is not a label): four agree; kappa = (0.8 - 0.48) / 0.52
    assert "two labellings of real-devA, real-devB" in out
    all_line = next(line for line in out.splitlines() if line.startswith("all"))
    assert all_line.split()[1:] == ["4/5", "0.800", "0.615"]
    assert "real-devA/a.md DD-4.3: 1 / 0" in out
    assert "DD-4.1" in out and "real-devB/b.md DD-4.3" not in out


def test_no_label_in_common_is_an_error(tmp_path: Path, capsys) -> None:
    mod = _module()
    a = _write(tmp_path / "real-devA" / "labels.yaml", {"a.md": {"DD-4.1": 1}})
    b = _write(tmp_path / "real-devA" / "labels-second.yaml", {"other.md": {"DD-4.1": 1}})
    assert mod.agreement([(a, b)]) == 2
    assert "no label in common" in capsys.readouterr().err


def test_every_benchmark_folder_with_labels_is_a_set_named_by_its_ordinal() -> None:
    mod = _module()
    assert [mod.ordinal(n) for n in (2, 3, 11, 12, 20, 21, 30, 45, 52, 70, 72)] == [
        "second", "third", "eleventh", "twelfth", "twentieth", "twenty-first", "thirtieth", "forty-fifth",
        "fifty-second", "seventieth", "seventy-second"]
    assert [mod.ordinal(n) for n in (100, 101, 112, 230)] == [
        "one hundredth", "one hundred and first", "one hundred and twelfth", "two hundred and thirtieth"]
    folders = {p.parent.name for p in (ROOT / "benchmarks").glob("real-dev*/labels.yaml")}
    assert {mod.SETS[k][1] for k in mod.SETS if k not in ("dev", "heldout")} == folders
    assert mod.SETS["dev45"][2] == "forty-fifth development set"
