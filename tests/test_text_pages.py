"""Text converted from a PDF, its pages separated by form feeds: the running header and footer of every page is
no heading, and a date at a line's start is no clause number. The examples are written for this project."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.ingest import load_document
from ddcontract.ingest.sections import split_number
from ddcontract.ingest.textutil import drop_page_furniture, script_data

FOOTER = {
    "en": "{pad}Release 3.2\n{pad}14 March 2025\n{pad}Page {n} of 3\n",
    "da": "{pad}Udgave 3.2\n{pad}14. marts 2025\n{pad}Side {n} af 3\n",
}
PAGES = {
    "en": [
        "Hosting Terms\n\n1.   Scope\n\n     These terms govern the hosting service.\n\n",
        "4.   Liability\n\n4.1  Limits\n\n     The total liability of the Provider under these terms shall not\n"
        "     exceed EUR 50,000 in any calendar year.\n\n",
        "4.2  Exclusions\n\n     Neither party is liable for indirect loss.\n\n",
    ],
    "da": [
        "Hostingvilkår\n\n1.   Omfang\n\n     Disse vilkår gælder for hostingydelsen.\n\n",
        "4.   Ansvar\n\n4.1  Grænser\n\n     Leverandørens samlede ansvar efter disse vilkår kan ikke\n"
        "     overstige 50.000 kr. i et kalenderår.\n\n",
        "4.2  Undtagelser\n\n     Ingen af parterne er ansvarlig for indirekte tab.\n\n",
    ],
}


def _paged(lang: str) -> str:
    return "\f".join(body + FOOTER[lang].format(pad=" " * 60, n=n) for n, body in enumerate(PAGES[lang], 1))


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_lines_repeated_at_each_pages_foot_are_dropped_and_the_line_numbers_kept(lang: str):
    text = _paged(lang)
    cleaned = drop_page_furniture(text)
    assert cleaned.count("\n") == text.count("\n") and cleaned.count("\f") == text.count("\f")
    for furniture in ("Release 3.2", "Udgave 3.2", "14 March 2025", "14. marts 2025", "of 3", "af 3"):
        assert furniture not in cleaned
    assert "EUR 50,000" in cleaned or "50.000 kr." in cleaned


def test_two_pages_are_too_few_to_tell_a_footer_from_text():
    text = "1. Scope\n\nThese terms apply.\nRelease 1\f2. Fees\n\nFees are due monthly.\nRelease 1"
    assert drop_page_furniture(text) == text


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_clause_is_cited_with_its_own_heading_not_the_footer(tmp_path: Path, library, lang: str):
    path = tmp_path / "terms.txt"
    path.write_text(_paged(lang), encoding="utf-8")
    headings = {b.section: b.heading for b in load_document(path).blocks if b.section}
    assert headings["4.1"].endswith(("Limits", "Grænser")), headings
    assert not any(h and ("Release" in h or "Udgave" in h or "2025" in h) for h in headings.values())
    cap = next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == "DD-4.6")
    assert cap.status == "met" and cap.evidence[0].section == "4.1"


@pytest.mark.parametrize("line", ["06 July 2026", "14. marts 2025", "3 Sept. 2024", "1 maj 2023 gælder"])
def test_a_date_at_a_lines_start_is_no_clause_number(line: str):
    assert split_number(line) == (None, line)


@pytest.mark.parametrize("line, number", [("4 Marketing 2024", "4"), ("3 March", "3"), ("5. Markedsføring", "5")])
def test_a_clause_whose_title_starts_like_a_month_keeps_its_number(line: str, number: str):
    assert split_number(line)[0] == number


SCRIPT_TERMS = {
    "en": ("export const terms = [\n  {\n    heading: `Liability`,\n  },\n  {\n    terms: `9.1 Neither party is liable for "
           "indirect loss.`,\n  },\n  {\n    terms: `9.2 The Host's total liability under these terms shall not exceed "
           "EUR 5,000.\\nThis cap applies per year.`,\n  },\n  {\n    terms: `9.3 Nothing limits liability for fraud.`,\n  },\n"
           "  {\n    terms: `10.1 These terms are governed by Danish law.`,\n  },\n];\n"),
    "da": ("export const vilkaar = [\n  {\n    overskrift: `Ansvar`,\n  },\n  {\n    tekst: `9.1 Ingen af parterne hæfter "
           "for indirekte tab.`,\n  },\n  {\n    tekst: `9.2 Værtens samlede ansvar efter disse vilkår kan ikke overstige "
           "50.000 kr.\\nLoftet gælder pr. år.`,\n  },\n  {\n    tekst: `9.3 Intet begrænser ansvaret for svig.`,\n  },\n"
           "  {\n    tekst: `10.1 Vilkårene er underlagt dansk ret.`,\n  },\n];\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_terms_kept_as_data_in_a_script_are_read_clause_by_clause(tmp_path: Path, library, lang: str):
    """A web page that keeps its terms as strings in an array of objects: each string is a clause of its own, so the cap
    is cited at 9.2 with its amount, not run together with every other clause."""
    path = tmp_path / "terms.md"
    path.write_text(SCRIPT_TERMS[lang], encoding="utf-8")
    cleaned = script_data(SCRIPT_TERMS[lang])
    assert cleaned.count("\n") == SCRIPT_TERMS[lang].count("\n") and "`" not in cleaned and "{" not in cleaned
    sections = [b.section for b in load_document(path).blocks if b.text.strip()]
    assert {"9.1", "9.2", "9.3", "10.1"} <= set(sections)
    cap = next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == "DD-4.6")
    assert cap.status == "met" and cap.values["amount"] in (5000, 50000) and cap.evidence[0].section == "9.2", cap


def test_ordinary_markdown_with_a_few_colons_is_not_script_data():
    text = "# Terms\n\nNote: read this.\nScope: all users.\n\n- a\n- b\n"
    assert script_data(text) == text


# the same kind of page as a formatter writes it: tabs, a string wrapped onto the line after its key, strings of their own
# in an array, fields that only say how the page is built, and no blank lines
PRETTIER_TERMS = (
    "export const terms = {\n\ttitle: 'Forretningsbetingelser',\n\tsections: [\n\t\t{\n\t\t\ttype: 'section',\n"
    "\t\t\theading: '6. Ansvar',\n\t\t\tbody:\n\t\t\t\t'Vores samlede ansvar over for klienten kan ikke overstige "
    "honoraret for den pågældende sag.',\n\t\t},\n\t\t{\n\t\t\theading: '7. Kontakt',\n\t\t\tlines: [\n"
    "\t\t\t\t'Skriv til os, hvis du har spørgsmål til en faktura.',\n\t\t\t\t'Telefon: 70 00 00 00',\n\t\t\t],\n"
    "\t\t},\n\t],\n};\n")


def test_terms_kept_as_formatted_script_data_are_read_string_by_string(tmp_path: Path, library):
    """Each string is a paragraph of its own (a key with its string on the next line, strings alone in an array), the
    headings head their clauses, and "type: 'section'" is no text."""
    path = tmp_path / "betingelser.md"
    path.write_text(PRETTIER_TERMS, encoding="utf-8")
    texts = [b.text for b in load_document(path).blocks if b.text.strip()]
    assert "section" not in texts and "6. Ansvar" in texts and "Telefon: 70 00 00 00" in texts
    assert all("'" not in t and "{" not in t for t in texts)
    cap = next(f for f in check_file(path, library, CheckOptions(language="da")).requirements if f.id == "DD-4.6")
    assert cap.status == "met" and cap.evidence[0].section == "6"
