"""Property-based tests (hypothesis) over ingest, segmentation and value extraction.

Properties: reading any bytes under a contract file name either gives a Document or raises an
InputError naming the file — never another exception; value extraction on any text returns values
of the documented types, quickly; segmentation keeps every sentence inside its clause. Each run is
bounded (120 examples per property, derandomised, and a deadline per example), so it is part of the
normal test run; `DDCONTRACT_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py` searches longer.

Inputs that once failed are kept in tests/data/fuzz/ (one file per case; the name gives the file
type) and replayed by test_regressions, so a fixed bug stays fixed even though hypothesis' own
example database is not part of the repository. To keep a new failure: write its bytes there.
"""

from __future__ import annotations

import io
import string
import zipfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ddcontract.errors import InputError  # noqa: E402
from ddcontract.ingest import load_document  # noqa: E402
from ddcontract.values import EXTRACTOR_FUNCS  # noqa: E402

REGRESSIONS = Path(__file__).resolve().parent / "data" / "fuzz"
BOUNDED = settings(max_examples=int(__import__("os").environ.get("DDCONTRACT_FUZZ_EXAMPLES", "120")), deadline=2000, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

CONTRACT_WORDS = ["shall", "notify", "within", "24", "twenty-four", "(24)", "hours", "days", "EUR", "DKK", "kr.",
                  "1,000,000", "1.000.000", "mio.", "Supplier", "Customer", "Leverandøren", "Kunden", "senest",
                  "timer", "liability", "cap", "fees", "paid", "12", "months", "insurance", "cyber", "email",
                  "telephone", "portal", "underrette", "sikkerhedshændelse", ";", ",", ".", "(a)", "–", "§",
                  "\u00ad", "\ufffe", "\x00", "\u202e", "𝟚𝟜", "٢٤"]
contract_text = st.lists(st.one_of(st.sampled_from(CONTRACT_WORDS), st.text(max_size=12)), max_size=60).map(" ".join)


def _check_read(path: Path) -> None:
    try:
        doc = load_document(path)
    except InputError as exc:
        assert exc.path == str(path)
        assert "\n" not in exc.one_line()
        return
    assert doc.blocks and all(isinstance(b.text, str) and b.text for b in doc.blocks)


@BOUNDED
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".pdf", ".docx", ".txt", ".md"]))
@example(data=b"%PDF-1.7\n", suffix=".pdf")
@example(data=b"PK\x03\x04", suffix=".docx")
@example(data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", suffix=".docx")
@example(data="Kontrakt \u00e6\u00f8\u00e5".encode("utf-16"), suffix=".txt")
def test_any_bytes_give_a_document_or_an_input_error(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    _check_read(path)


def _docx_bytes(xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


xml_text = st.text(alphabet=string.printable + "æøå<>&\"'", max_size=300)


@BOUNDED
@given(body=xml_text)
@example(body="<w:p><w:r><w:t>1. Scope</w:t></w:r></w:p>")
def test_any_document_xml_gives_a_document_or_an_input_error(tmp_path_factory, body):
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    path = tmp_path_factory.mktemp("fuzz") / "input.docx"
    path.write_bytes(_docx_bytes(f"<w:document {ns}><w:body>{body}</w:body></w:document>"))
    _check_read(path)


@BOUNDED
@given(text=contract_text, lang=st.sampled_from(["en", "da"]), anchor=st.integers(min_value=0, max_value=400))
@example(text="within twenty-four (24) hours", lang="en", anchor=0)
@example(text="senest 24 timer efter", lang="da", anchor=0)
def test_value_extraction_never_fails_and_keeps_its_types(text, lang, anchor):
    for name, extract in EXTRACTOR_FUNCS.items():
        values = extract(text, min(anchor, len(text)), lang)
        assert isinstance(values, dict), name
        hours = values.get("hours")
        assert hours is None or (isinstance(hours, (int, float)) and hours >= 0), (name, hours)
        amount = values.get("amount")
        assert amount is None or (isinstance(amount, (int, float)) and amount >= 0), (name, amount)
        currency = values.get("currency")
        assert currency is None or (isinstance(currency, str) and len(currency) == 3), (name, currency)
        for key in ("types", "channels", "elements"):
            assert isinstance(values.get(key, []), list), (name, key)


@BOUNDED
@given(text=st.lists(contract_text, min_size=1, max_size=8).map("\n\n".join))
def test_segmentation_keeps_sentences_inside_their_clause(text):
    from ddcontract.ingest.sections import assign_sections
    from ddcontract.ingest.text import _blocks
    from ddcontract.segment import clauses_of

    for clause in clauses_of(list(assign_sections(_blocks(text, markdown=False)))):
        for s in clause.sentences:
            assert 0 <= s.start <= s.end <= len(clause.text)
            assert s.text.strip()


def _regression_files() -> list[Path]:
    return sorted(p for p in REGRESSIONS.glob("*") if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("case", _regression_files(), ids=lambda p: p.name)
def test_regressions(tmp_path, case):
    path = tmp_path / f"input{case.suffix}"
    path.write_bytes(case.read_bytes())
    _check_read(path)
