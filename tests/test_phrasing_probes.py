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


def _run_on(folder, setting, flag, monkeypatch, capsys) -> str:
    """The measuring script's output on the probe sets under ``folder`` (``--misses`` on)."""
    script = _script()
    monkeypatch.setattr(script, setting, folder)
    monkeypatch.setattr("sys.argv", ["probe_accuracy.py", flag, "--misses"])
    assert script.main() == 0
    return capsys.readouterr().out


VALUE_FILES = sorted((ROOT / "benchmarks" / "value-probes").glob("*/*.yaml"))


@pytest.mark.parametrize("path", VALUE_FILES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_value_probe_names_the_value_a_lawyer_reads(path):
    assert path.stem in ("en", "da")
    probes = _script().load_value_probes(path)
    assert set(probes) == {"DD-8.1", "DD-4.6"}, path
    for req, items in probes.items():
        assert len(items) >= 20, req
        given = [i for i in items if i[_script().VALUE_KEYS[req][0]] is not None]
        assert given and len(given) < len(items), f"{req}: both passages with a value and without one"
        for item in items:
            assert len(item["text"].split()) >= 5, item["text"]  # a table row ("Ansvarsloft | DKK 1 mio.") is short
            if req == "DD-4.6":
                assert (item["amount"] is None) == (item["currency"] is None), item["text"]


def test_value_probe_sets_exist_for_both_languages():
    assert {p.stem for p in VALUE_FILES} == {"en", "da"} and len({p.parent for p in VALUE_FILES}) >= 2


@pytest.mark.parametrize("content, message", [
    ("DD-8.1:\n  - {text: a b c d e f g h, hours: twelve}\n", "is not a value"),
    ("DD-8.1:\n  - {text: a b c d e f g h}\n", "needs 'text' and hours"),
    ("DD-4.3:\n  - {text: a b c d e f g h, hours: 1}\n", "expected lists"),
    ("DD-4.6:\n  - {text: a b c d e f g h, amount: 5, currency: 7}\n", "is not a value"),
])
def test_a_malformed_value_probe_file_is_refused(tmp_path, content, message):
    path = tmp_path / "en.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        _script().load_value_probes(path)


def test_the_value_probes_are_read_by_the_check(tmp_path, capsys, monkeypatch):
    """The measuring script runs the check on each passage and compares its values: a right and a wrong label."""
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "en.yaml").write_text(
        'DD-8.1:\n'
        '  - {text: "The Supplier shall notify the Customer of any Security Incident within 48 hours.", hours: 48}\n'
        '  - {text: "The Supplier shall notify the Customer of any Security Incident within 48 hours.", hours: 24}\n'
        'DD-4.6:\n'
        '  - {text: "The Supplier\'s aggregate liability shall not exceed EUR 25,000.", amount: 25000, currency: EUR}\n',
        encoding="utf-8")
    out = _run_on(tmp_path, "VALUE_PROBES", "--values", monkeypatch, capsys)
    rows = {line.split()[0]: line.split()[1] for line in out.splitlines() if line.startswith("  DD-")}
    assert rows == {"DD-8.1": "1/2", "DD-4.6": "1/1"}
    assert "miss DD-8.1 [met; hours=48; want hours=24]" in out


CLAUSE_FILES = sorted((ROOT / "benchmarks" / "clause-probes").glob("*/*.yaml"))


@pytest.mark.parametrize("path", CLAUSE_FILES, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_clause_probe_is_a_requirement_with_a_heading_and_paragraphs(path):
    """A clause of a few paragraphs, or (from the sixth set on) one paragraph of a real clause's length; the heading may
    be empty, as in published terms that have none."""
    assert path.stem in ("en", "da")
    clauses = _script().load_clause_probes(path)
    assert {c["addressed"] for c in clauses} == {True, False}, "positives and negatives"
    for clause in clauses:
        assert len(clause["text"].strip().splitlines()) >= 2 or len(clause["text"].split()) >= 20, clause["text"]


def test_clause_probe_sets_exist_for_both_languages():
    assert {p.stem for p in CLAUSE_FILES} == {"en", "da"} and len({p.parent for p in CLAUSE_FILES}) >= 2


@pytest.mark.parametrize("content", [
    "- {req: DD-8.1, addressed: maybe, heading: H, text: T}\n",
    "- {req: DD-9.9, addressed: true, heading: H, text: T}\n",
    "- {req: DD-8.1, addressed: true, heading: H}\n",
    "- {req: DD-8.1, addressed: true, heading: H, text: ' '}\n",
    "- {req: DD-8.1, addressed: true, heading: 3, text: T}\n",
    "{req: DD-8.1}\n",
])
def test_a_malformed_clause_probe_file_is_refused(tmp_path, content):
    path = tmp_path / "en.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="en.yaml"):
        _script().load_clause_probes(path)


@pytest.mark.parametrize("lang, content", [
    # the heading carries the subject: the deadline under a breach heading is found; the same words under a heading
    # about invoices are not a breach deadline
    ("en", '- req: DD-8.1\n  addressed: true\n  heading: "12. Security Incidents"\n  text: |\n'
           '    12.1 "Incident" means any unauthorised access to Customer Data.\n'
           '    12.2 The Supplier shall notify the Customer of an Incident within 24 hours of becoming aware of it.\n'
           '- req: DD-8.1\n  addressed: false\n  heading: "7. Invoices"\n  text: |\n'
           '    7.1 The Supplier invoices monthly in arrears.\n'
           '    7.2 The Customer shall notify the Supplier of any disputed invoice within 10 days of receipt.\n'),
    # published terms often have no headings: an empty heading is allowed, and the body is the whole text checked
    ("da", '- req: DD-8.1\n  addressed: true\n  heading: ""\n  text: |\n'
           '    Leverandøren giver Kunden besked om ethvert sikkerhedsbrud senest 24 timer efter at have opdaget det.\n'
           '- req: DD-8.1\n  addressed: false\n  heading: ""\n  text: |\n'
           '    Kunden skal betale fakturaen senest 14 dage efter, at den er modtaget.\n'),
])
def test_a_clause_is_read_with_its_heading_or_without_one(tmp_path, capsys, monkeypatch, lang, content):
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / f"{lang}.yaml").write_text(content, encoding="utf-8")
    out = _run_on(tmp_path, "CLAUSE_PROBES", "--clauses", monkeypatch, capsys)
    assert "miss" not in out
    rows = {line.split()[0]: line.split()[1:3] for line in out.splitlines() if line.startswith("  DD-")}
    assert rows == {"DD-8.1": ["1/1", "1/1"]}


def test_a_held_out_sets_misses_are_listed_only_when_it_is_named(tmp_path, capsys, monkeypatch):
    """``--misses`` over all sets does not print a held-out set's sentences (a ``HELD_OUT`` file in its folder), so
    that reading the studied sets' misses cannot leak a held-out set; naming it with ``--set`` lists them."""
    wrong = 'DD-8.1:\n  - {text: "The Supplier shall notify the Customer of any Security Incident within 48 hours.", hours: 24}\n'
    for name in ("studied", "kept"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "en.yaml").write_text(wrong, encoding="utf-8")
    (tmp_path / "kept" / "HELD_OUT").write_text("held out\n", encoding="utf-8")
    out = _run_on(tmp_path, "VALUE_PROBES", "--values", monkeypatch, capsys)
    assert out.count("miss DD-8.1") == 1 and "held out: its misses are not listed" in out
    script = _script()
    monkeypatch.setattr(script, "VALUE_PROBES", tmp_path)
    monkeypatch.setattr("sys.argv", ["probe_accuracy.py", "--values", "--misses", "--set", "kept"])
    assert script.main() == 0
    assert capsys.readouterr().out.count("miss DD-8.1") == 1


@pytest.mark.parametrize("base", ["phrasing-probes", "value-probes", "clause-probes"])
def test_held_out_sets_are_marked(base):
    """The sets the READMEs call held out carry the marker the script reads."""
    marked = {p.parent.name for p in (ROOT / "benchmarks" / base).glob("*/HELD_OUT")}
    assert marked, base
