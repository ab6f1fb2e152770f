"""Reading fixes of the thirty-first round: text saved as UTF-16 ("Unicode text" from Word or Notepad), a page Word
saved as HTML, a template string that runs over several lines in a page's script data, and a React component file
that imports nothing. Each is read as the words a reader sees, and a finding rests on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.errors import InputError
from ddcontract.ingest import load_document

def _read(tmp_path: Path, text: str, name: str = "terms.md") -> tuple[Path, list[str]]:
    """The file written, and the texts of its blocks as read."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, [b.text for b in load_document(path).blocks if b.text.strip()]


def _finding(path: Path, library, lang: str, requirement: str):
    return next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == requirement)


DA_TEXT = """# Databehandleraftale

1. Brud på persondatasikkerheden

Databehandleren underretter Kunden om ethvert brud på persondatasikkerheden senest 24 timer efter, at bruddet er
konstateret.

2. Ophør

Ved ophør sletter Databehandleren alle personoplysninger, medmindre loven kræver opbevaring.
"""

EN_TEXT = """# Data processing terms

1. Breach notice

The Processor shall notify the Customer of any personal data breach within 36 hours after becoming aware of it.
"""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_utf16_text_reads_as_its_utf8_twin(tmp_path: Path, encoding: str, suffix: str):
    utf8 = tmp_path / f"utf8{suffix}"
    utf8.write_text(DA_TEXT, encoding="utf-8")
    wide = tmp_path / f"wide{suffix}"
    wide.write_bytes(DA_TEXT.encode(encoding))  # "utf-16" writes the byte-order mark; the other two do not
    assert [b.text for b in load_document(wide).blocks] == [b.text for b in load_document(utf8).blocks]


@pytest.mark.parametrize(("text", "lang", "hours"), [(DA_TEXT, "da", 24), (EN_TEXT, "en", 36)])
def test_a_deadline_in_utf16_text_is_found_with_its_hours(tmp_path: Path, library, text: str, lang: str, hours: int):
    path = tmp_path / "dpa.txt"
    path.write_bytes(text.encode("utf-16"))
    result = check_file(path, library, CheckOptions(language=lang))
    finding = next(f for f in result.requirements if f.id == "DD-8.1")
    assert finding.status in ("met", "weak") and finding.values["hours"] == hours


def test_binary_content_is_still_refused(tmp_path: Path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary content"):
        load_document(path)


def test_broken_utf16_is_one_error(tmp_path: Path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "Kunden".encode("utf-16-le") + b"\x00\xd8\x41\x00")  # a lone surrogate
    with pytest.raises(InputError, match="UTF-16"):
        load_document(path)


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<body lang=DA>
<p class=MsoNormal><b>Vilkår for klubbens bookingportal<o:p></o:p></b></p>
<p class=MsoListParagraph><![if !supportLists]>1.<![endif]>Medlemmet må ikke bruge portalen til ulovlige formål.<o:p></o:p></p>
<p class=MsoNormal><st1:City w:st="on">Odense</st1:City>, 1. maj<o:p>&nbsp;</o:p></p>
</body>
</html>
"""


def test_a_page_word_saved_as_html_reads_without_its_office_markup(tmp_path: Path, library):
    path, texts = _read(tmp_path, WORD_HTML)
    assert not any(mark in t for t in texts for mark in ("<", ">", "o:p", "endif", "st1:"))
    assert any(t.endswith("Medlemmet må ikke bruge portalen til ulovlige formål.") for t in texts)
    assert any(t.startswith("Odense") for t in texts)
    use = _finding(path, library, "da", "DD-4.4")
    assert use.status == "met" and "<" not in use.evidence[0].text


SCRIPT_DATA = """const sections = [
  {
    title: '4. Sikkerhed',
    body: `Klubben beskytter medlemsdata med kryptering.

Ved mistanke om misbrug skal du straks kontakte klubben på sikkerhed@klubben.example.`,
  },
  {
    title: '5. Betaling',
    body: `Kontingentet betales forud for hvert kvartal.`,
  },
  {
    title: '6. Ophør',
    body: `Medlemskabet kan opsiges med en måneds varsel.
Indbetalt kontingent refunderes ikke.`,
  },
  {
    title: '7. Kontakt',
    body: 'Spørgsmål sendes til kontoret.',
  },
];
"""


def test_a_template_string_over_several_lines_ends_without_its_backquote(tmp_path: Path, library):
    path, texts = _read(tmp_path, SCRIPT_DATA)
    assert not any("`" in t for t in texts)
    assert any(t.endswith("sikkerhed@klubben.example.") for t in texts)
    assert any(t.endswith("Indbetalt kontingent refunderes ikke.") for t in texts)
    notice = _finding(path, library, "da", "DD-8.1")
    assert notice.status == "weak" and notice.evidence[0].text.endswith("sikkerhed@klubben.example.")


COMPONENT = """function Heading({ children }: { children: React.ReactNode }) {
  return <h2 style={{ fontSize: "18px", margin: 0 }}>{children}</h2>;
}

function Items({ items }: { items: string[] }) {
  return (
    <ul style={{ listStyle: "none", padding: 0 }}>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

export default function DpaContent() {
  return (
    <div style={{ maxWidth: "720px" }}>
      <Heading>7. Security incidents</Heading>
      <p>
        The Host shall notify the Club of any personal data breach without undue delay and in any event within
        48 hours after becoming aware of it.
      </p>
    </div>
  );
}
"""


def test_a_component_file_without_imports_is_read_as_the_page_it_shows(tmp_path: Path, library):
    path, texts = _read(tmp_path, COMPONENT, "DpaContent.tsx.md")
    assert not any(code in t for t in texts for code in ("function", "return", "style=", "=>", "<"))
    notice = _finding(path, library, "en", "DD-8.1")
    assert notice.status in ("met", "weak") and notice.values["hours"] == 48
    assert notice.evidence[0].text.startswith("The Host shall notify")


FLAT_JSON = r"""{
  "hero_title": "Vilk\u00e5r for klubbens portal",
  "hero_lead": "Her finder du de vilk\u00e5r, der g\u00e6lder, n\u00e5r du bruger portalen.",
  "s1_title": "1) Brug af portalen",
  "s1_html": "<p>Portalen m\u00e5 kun bruges til klubbens aktiviteter.</p><ul class=\"club-list\"><li>Du m\u00e5 ikke dele dit login med andre.</li></ul>",
  "s2_title": "2) Ansvar",
  "s2_html": "<p class=\"muted\">Klubbens samlede ansvar kan ikke overstige 5.000 kr. pr. medlem.</p>",
  "contact": "Sp\u00f8rgsm\u00e5l sendes til kontoret."
}
"""


def test_a_flat_json_file_of_page_texts_reads_as_its_texts(tmp_path: Path, library):
    path, texts = _read(tmp_path, FLAT_JSON)
    # no keys, quotes, escapes or tags: each field is a text of its own
    assert not any(mark in t for t in texts for mark in ('":', "\\u", '\\"', "<", "class="))
    assert "Portalen må kun bruges til klubbens aktiviteter." in texts
    assert "Klubbens samlede ansvar kan ikke overstige 5.000 kr. pr. medlem." in texts
    cap = _finding(path, library, "da", "DD-4.6")
    assert cap.status == "met" and (cap.values["amount"], cap.values["currency"]) == (5000, "DKK")
    assert cap.evidence[0].text == "Klubbens samlede ansvar kan ikke overstige 5.000 kr. pr. medlem."
