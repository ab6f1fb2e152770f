"""Reading real drafting: HTML inside Markdown, zero-width characters, Danish abbreviations.

Each class of wording found on published contracts gets its own examples here, written for this
project (none is taken from those contracts)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.ingest import load_document
from ddcontract.ingest.html import strip_html
from ddcontract.ingest.textutil import drop_invisible, link_text
from ddcontract.segment import clauses_of, split_sentences

# --------------------------------------------------------------------------- HTML in Markdown

HTML_MD = """\
# Hosting Terms

1. <span class="heading_2" id="4">Security Incidents</span>
    1. <span class="heading_3" id="4.1">Notice.</span>  The <span class="term">Supplier</span> will notify the \
<span class="term">Customer</span> of any Security Incident within 24 hours &amp; describe it.

<ol style="list-style: none"><li>The Customer may terminate this Agreement.</li><li>Fees stay due.</li></ol>

Prices are shown as <NUM> in the order form where a < b.
"""


def _blocks(path: Path) -> list:
    return load_document(path).blocks


def _finding(tmp_path: Path, library, text: str, requirement: str, name: str = "terms.md", lang: str | None = None):
    """The finding for one requirement when ``text`` is checked as the file ``name``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements if f.id == requirement)


def test_html_tags_in_markdown_are_markup_not_text(tmp_path: Path):
    path = tmp_path / "terms.md"
    path.write_text(HTML_MD, encoding="utf-8")
    texts = [b.text for b in _blocks(path)]
    assert not any("<span" in t or "</li>" in t or "class=" in t for t in texts), texts
    assert any("will notify the Customer of any Security Incident within 24 hours & describe it" in t for t in texts)
    # a list item of an HTML list is a block of its own
    assert "The Customer may terminate this Agreement." in texts and "Fees stay due." in texts
    # what only looks like a tag stays
    assert any("<NUM>" in t and "a < b" in t for t in texts)


def test_html_in_markdown_keeps_the_files_line_numbers(tmp_path: Path):
    path = tmp_path / "terms.md"
    path.write_text(HTML_MD, encoding="utf-8")
    anchors = {b.text: b.anchor for b in _blocks(path)}
    lines = HTML_MD.splitlines()
    for text, anchor in anchors.items():
        line = int(anchor.removeprefix("line").split(":")[0])
        first_word = text.split()[0].strip(".")
        assert first_word in strip_html(lines[line - 1]) or first_word in lines[line - 1], (text, anchor)


def test_html_in_markdown_reaches_the_findings_and_quotes_clean(tmp_path: Path, library):
    path = tmp_path / "terms.md"
    path.write_text(HTML_MD, encoding="utf-8")
    result = check_file(path, library, CheckOptions())
    deadline = next(f for f in result.requirements if f.id == "DD-8.1")
    assert deadline.status == "met" and deadline.values["hours"] == 24
    assert all("<" not in e.text for f in result.requirements for e in f.evidence)


def test_html_headings_entities_and_comments():
    text = "<h2>Data Protection</h2>\nThe Processor keeps &quot;logs&quot;<!-- drafting note\nsecond line -->.\n"
    got = strip_html(text, markdown=True)
    assert got.count("\n") == text.count("\n")  # no line of the file lost or added
    assert "\f## Data Protection\f" in got and 'keeps "logs"' in got and "drafting" not in got
    assert strip_html("Pay <Customer Name> EUR 5 < 10", markdown=True) == "Pay <Customer Name> EUR 5 < 10"


SAVED_PAGE = {
    "en": ("<!DOCTYPE html><html><head><title>Hosting Terms | Acme</title><meta name=\"description\" content=\"Acceptable "
           "Use Policy\"/>\n<style>p { color: red }</style></head><body>\n<nav><ul><li><a href=\"/aup\">Acceptable Use "
           "Policy</a></li><li><a href=\"/dpa\">Data Processing Agreement</a></li></ul></nav>\n<main><h1>Hosting Terms</h1>\n"
           "<p>1. The Host keeps the Customer's files in the European Union.</p></main>\n<script>var menu = [\"Acceptable "
           "Use Policy\"];</script></body></html>\n"),
    "da": ("<!DOCTYPE html><html><head><title>Hostingvilkår | Acme</title>\n<style>p { color: red }</style></head><body>\n"
           "<nav><ul><li><a href=\"/aup\">Politik for acceptabel brug</a></li><li><a href=\"/dpa\">Databehandleraftale</a>"
           "</li></ul></nav>\n<main><h1>Hostingvilkår</h1>\n<p>1. Værten opbevarer Kundens filer i EU.</p></main>\n"
           "<script>var menu = [\"Politik for acceptabel brug\"];</script></body></html>\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_saved_web_pages_head_scripts_and_menus_are_not_text(tmp_path: Path, library, lang: str):
    """A web page saved whole: its head, styles, scripts and navigation menu are no contract text, so a menu link
    named "Acceptable Use Policy" is no acceptable-use rule; the page's own text is read, on its own lines."""
    got = strip_html(SAVED_PAGE[lang], markdown=True)
    assert got.count("\n") == SAVED_PAGE[lang].count("\n")
    assert "<" not in got and "color" not in got and "menu" not in got and "Acme" not in got
    assert ("European Union" in got) if lang == "en" else ("i EU" in got)
    use = _finding(tmp_path, library, SAVED_PAGE[lang], "DD-4.4", name="page.md", lang=lang)
    assert use.status == "missing", use


def test_a_jsx_space_expression_is_a_space():
    # published terms kept as React pages: {' '} stands for a space between two inline elements
    text = "<p>Report a lost key to{' '}\n<a href=\"mailto:keys@club.example\">keys@club.example</a>{\" \"}today.</p>"
    got = strip_html(text, markdown=True)
    assert "{" not in got and "to \nkeys@club.example today." in got
    # braces that are not a space expression stay text
    assert strip_html("<p>Use {name} or {'x'}</p>") == "\fUse {name} or {'x'}\f"


JSX_NESTED_LISTS = """\
<ol>
  <li>
    <p>The Club and the Host agree that:</p>
    <ol>
      <li>
        the Host processes member data only to run the booking service; and
      </li>
    </ol>
  </li>
  <li>
    The Club will not use the booking service to process health data about its members.
  </li>
</ol>
"""


def test_a_jsx_list_item_whose_text_starts_on_the_next_line_is_still_an_item_of_its_own_list(tmp_path: Path):
    # pages written in JSX put each item's text on the line after its <li>: the bullet goes to the text, so the second
    # outer item is not read as a third item under the inner list's lead-in
    got = strip_html(JSX_NESTED_LISTS, markdown=True)
    assert got.count("\n") == JSX_NESTED_LISTS.count("\n")  # no line of the file lost or added
    lines = [line for line in got.replace("\f", "\n").split("\n") if line.strip()]
    assert "  - the Host processes member data only to run the booking service; and" in lines
    assert "- The Club will not use the booking service to process health data about its members." in lines
    path = tmp_path / "terms.md"
    path.write_text(JSX_NESTED_LISTS, encoding="utf-8")
    sentences = [s for c in clauses_of(_blocks(path)) for s in c.sentences]
    inner = next(s for s in sentences if "booking service; and" in s.text)
    outer = next(s for s in sentences if "health data" in s.text)
    assert inner.lead and inner.text.startswith("The Club and the Host agree that:"), inner
    assert not outer.lead and outer.text.startswith("The Club will not use"), outer


# --------------------------------------------------------------------------- invisible characters


def test_zero_width_characters_are_dropped():
    assert drop_invisible("arten af \u200b\u200bhændelsen og \u2060omfanget\ufeff") == "arten af hændelsen og omfanget"
    assert drop_invisible("plain ascii") == "plain ascii"


def _deadline_in(path: Path, library, heading: str, sentence: str, language: str):
    """DD-8.1 as checked in a contract of a heading and one sentence, written as ``path`` (.md, .txt or .docx)."""
    if path.suffix == ".docx":
        d = docx.Document()
        d.add_paragraph(heading)
        d.add_paragraph(sentence)
        d.save(str(path))
    else:
        path.write_text(f"{heading}\n\n{sentence}\n", encoding="utf-8")
    result = check_file(path, library, CheckOptions(language=language))
    return next(f for f in result.requirements if f.id == "DD-8.1")


# zero-width spaces inside Danish words; ligatures copied out of a PDF ("notiﬁcation", "aﬀects")
UNREADABLE = [
    ("da", "1. Sikkerhedsbrud", "Leverandøren skal underrette Kunden om ethvert sikker\u200bhedsbrud senest 24 ti\u200bmer "
     "efter, at Leverandøren er blevet opmærksom på det.", 24, "\u200b", "sikkerhedsbrud"),
    ("en", "1. Security Incidents", "The Host shall give the Club notiﬁcation of any Security Incident that aﬀects member "
     "data within 48 hours of becoming aware of it.", 48, "ﬁ", "notification"),
]


@pytest.mark.parametrize("suffix", [".md", ".txt", ".docx"])
@pytest.mark.parametrize(("language", "heading", "sentence", "hours", "unwanted", "word"), UNREADABLE)
def test_invisible_characters_and_ligatures_do_not_break_a_match(tmp_path: Path, library, suffix: str, language: str,
                                                                 heading: str, sentence: str, hours: int,
                                                                 unwanted: str, word: str):
    deadline = _deadline_in(tmp_path / f"contract{suffix}", library, heading, sentence, language)
    assert deadline.values["hours"] == hours, deadline
    assert unwanted not in deadline.evidence[0].text and word in deadline.evidence[0].text


def test_markdown_inline_code_around_a_name_is_markup(tmp_path: Path, library):
    # a party's name set in code font ("`HOST`") is the name: the backticks are not words between the rule's words
    path = tmp_path / "terms.md"
    path.write_text("## Liability\n\n1. `HOST` is liable to the Club for damage caused intentionally or by gross negligence. "
                    "The liability of `HOST` for damage caused by negligence unintentionally, or damage caused by an "
                    "auxiliary person(s), is excluded, as far as legally permissible.\n", encoding="utf-8")
    result = check_file(path, library, CheckOptions(language="en"))
    cap = next(f for f in result.requirements if f.id == "DD-4.6")
    assert cap.status == "weak", cap
    assert all("`" not in e.text for e in cap.evidence)


def test_ligatures_are_written_out():
    assert drop_invisible("notiﬁcation aﬀects ﬂow eﬃcient") == "notification affects flow efficient"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_bidirectional_controls_around_words_do_not_break_a_match(tmp_path: Path, library, suffix: str):
    """Some PDF exports put a left-to-right override before and a pop after every run of text; read as
    text they stick to the words ("\u202dnotify\u202c")."""
    words = "The Host shall notify the Customer of any Security Incident within 48 hours.".split()
    sentence = " ".join(f"\u202d{w}\u202c" for w in words)
    path = tmp_path / f"terms{suffix}"
    path.write_text(f"\u202d1. Security\u202c\n\n{sentence}\n", encoding="utf-8")
    deadline = next(f for f in check_file(path, library).requirements if f.id == "DD-8.1")
    assert deadline.status == "met" and deadline.values["hours"] == 48
    assert not set("\u202c\u202d") & set(deadline.evidence[0].text)


# --------------------------------------------------------------------------- Danish abbreviations


@pytest.mark.parametrize("text", [
    "Leverandøren har p.t. ingen underleverandører i tredjelande.",
    "Ansvaret er begrænset til 5 mio. Kr. pr. kalenderår.",
    "Kunden kan pga. Leverandørens forsinkelse ophæve aftalen.",
    "Reglerne i kap. 5 og afsn. 3 gælder for begge parter.",
    "Som nævnt i pkt. 4.2 og jf. Bilag 1 skal data slettes.",
    "Der gælder bl.a. Kundens egne politikker og fx. ISO 27001.",
])
def test_danish_abbreviations_do_not_end_a_sentence(text: str):
    whole = text + " Næste sætning."
    assert split_sentences(whole) == [(0, len(text)), (len(text) + 1, len(whole))]


# --------------------------------------------------------------------------- Markdown structure

PARTS_MD = """\
---
title: Master Hosting Terms
tags: [legal]
---

## Contents

- General Terms
- Schedule 2 – Service Levels
- Annex B – Security Controls

## Data Handling

The Host shall store Customer Files only in data centres in the European Union.

## Annex B – Security Controls

1. The Host encrypts Customer Files at rest.
"""


def test_a_list_of_the_parts_does_not_open_an_annex(tmp_path: Path):
    """A bullet naming an annex (a table of contents) is a list item; the clauses after it are not
    the annex's. The annex starts at its own heading."""
    path = tmp_path / "terms.md"
    path.write_text(PARTS_MD, encoding="utf-8")
    blocks = load_document(path).blocks
    by_text = {b.text: b for b in blocks}
    assert [b.kind for b in blocks if b.text == "Annex B – Security Controls"] == ["list-item", "heading"]
    assert by_text["The Host shall store Customer Files only in data centres in the European Union."].section is None
    assert by_text["1. The Host encrypts Customer Files at rest."].section == "Annex B, 1"


NAMED_PARTS = {
    "en": """# Hosting Terms

The schedules below form part of these Terms:

**Schedule 1: Data Processing Agreement**

### 1. The Service

1.1 The Host runs the Customer's applications on its platform.

### 2. Liability

2.1 The Host's total liability under these Terms is limited to EUR 5,000.

# Schedule 1 Data Processing Agreement

1. The Processor processes the personal data only on the Customer's instructions.
""",
    "da": """# Hostingvilkår

Følgende bilag er en del af vilkårene:

**Bilag 1: Databehandleraftale**

### 1. Ydelsen

1.1 Udbyderen driver Kundens applikationer på sin platform.

### 2. Ansvar

2.1 Udbyderens samlede ansvar efter disse vilkår er begrænset til 5.000 kr.

# Bilag 1 Databehandleraftale

1. Databehandleren behandler kun personoplysningerne efter Kundens instruks.
""",
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_an_annex_named_at_the_top_begins_at_its_own_heading(tmp_path: Path, lang: str):
    """A line naming an annex before the main text ("Schedule 1: Data Processing Agreement" as a paragraph,
    not a bullet) does not begin the annex when the annex's own heading comes later: the main text's clauses
    keep their numbers, and the annex's paragraphs are the annex's."""
    path = tmp_path / "terms.md"
    path.write_text(NAMED_PARTS[lang], encoding="utf-8")
    sections = [b.section for b in load_document(path).blocks if b.kind != "heading"]
    label = "Schedule 1" if lang == "en" else "Bilag 1"
    assert sections[-3:] == ["1.1", "2.1", f"{label}, 1"]


PARTS_NOT_ATTACHED = {
    "en": """SUPPLY AGREEMENT

Clause 1. Documents

The agreement consists of this document and these schedules:
Schedule 1: Contacts
Schedule 2: Prices
Schedule 3: Data Processing Agreement

Clause 2. Liability

The Supplier's total liability is limited to EUR 20,000.
""",
    "da": """LEVERANCEAFTALE

§ 1. Aftalegrundlag

Aftalen består af dette dokument og følgende bilag:
Bilag 1: Kontaktpersoner
Bilag 2: Priser
Bilag 3: Databehandleraftale

§ 2. Ansvar

Leverandørens samlede ansvar er begrænset til 150.000 kr.
""",
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_annex_labels_on_consecutive_lines_are_a_list_of_the_parts(tmp_path: Path, lang: str):
    """Annex labels on consecutive lines ("Bilag 1: Kontaktpersoner", "Bilag 2: Priser", "Bilag 3: Databehandleraftale")
    list the parts; where an annex is not attached, the last of them must not make every clause after it the annex's."""
    path = tmp_path / "terms.txt"
    path.write_text(PARTS_NOT_ATTACHED[lang], encoding="utf-8")
    last = [b for b in load_document(path).blocks if "20,000" in b.text or "150.000" in b.text][0]
    assert last.section == ("Clause 2" if lang == "en" else "§ 2"), last.section


def test_markdown_front_matter_is_not_text_and_keeps_the_line_numbers(tmp_path: Path):
    path = tmp_path / "terms.md"
    path.write_text(PARTS_MD, encoding="utf-8")
    blocks = load_document(path).blocks
    assert not any("title:" in b.text or b.text.startswith("---") for b in blocks)
    contents = next(b for b in blocks if b.text == "Contents")
    assert contents.anchor == "line6"


def test_a_bullet_is_read_with_its_lead_in(tmp_path: Path, library):
    path = tmp_path / "dpa.md"
    path.write_text("## Personal Data Breaches\n\nIn the event of a Personal Data Breach, the Processor shall:\n\n"
                    "- inform the Controller within 36 hours of becoming aware of it; and\n"
                    "- keep a record of the breach.\n", encoding="utf-8")
    result = check_file(path, library, CheckOptions())
    deadline = next(f for f in result.requirements if f.id == "DD-8.1")
    assert deadline.values["hours"] == 36, deadline


# --------------------------------------------------------------------------- a lead-in over numbered items

LEAD_IN_EN = """\
7. Use of the Platform

When using the Platform, the Customer shall not:

7.1 resell or sublicense access to the Platform to third parties;

7.2 run crawlers or other automated tools that extract data from the Platform.

8. Fees

8.1 Fees are due within 30 days.
"""

LEAD_IN_DA = """\
5. Brug af tjenesten

Når du bruger tjenesten, må du ikke:

5.1 Videresælge eller udleje adgangen til tjenesten til andre.

5.2 Bruge robotter eller andre automatiserede værktøjer til at hente data fra tjenesten.
"""


@pytest.mark.parametrize("text, lang", [(LEAD_IN_EN, "en"), (LEAD_IN_DA, "da")])
def test_numbered_items_are_read_with_the_lead_in_above_them(tmp_path: Path, library, text: str, lang: str):
    """"The Customer shall not:" over "7.1 resell …" (items that continue the sentence) or "5.1 Videresælge …"
    (numbered sub-clauses of their own): each item carries the subject and the "not"."""
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    result = check_file(path, library, CheckOptions(language=lang))
    restrictions = next(f for f in result.requirements if f.id == "DD-4.5")
    assert set(restrictions.values["aspects"]) >= {"redistribution", "automated-access"}, restrictions
    # each quote is an item read with its lead-in, not the lead-in alone
    assert all(("shall not:" in e.text or "må du ikke:" in e.text) and (" 7." in e.text or " 5." in e.text)
               for e in restrictions.evidence), [e.text for e in restrictions.evidence]
    fees = next(f for f in result.requirements if f.id == "DD-4.4")  # the lead-in does not leak past 7.x
    assert all(e.section != "8.1" for e in fees.evidence)


# --------------------------------------------------------------------------- Markdown: a numbered list nested in a bullet

NESTED_ORDERED_EN = """\
4.4. **Use Restrictions**
- The Member shall not (and shall not let anyone else):
  1. Copy or adapt the Portal.
  2. Lend, resell, share or pass on the Portal to anyone.
  3. Run scripts or bots against the Portal.

5. Fees
"""

NESTED_ORDERED_DA = """\
4.4. **Begrænsninger i brugen**
- Medlemmet må ikke:
  1. Kopiere eller tilpasse portalen.
  2. Udleje, videresælge eller videregive portalen til andre.
  3. Bruge robotter eller andre automatiserede værktøjer mod portalen.

5. Betaling
"""


@pytest.mark.parametrize("text, lang, lead", [(NESTED_ORDERED_EN, "en", "shall not"), (NESTED_ORDERED_DA, "da", "må ikke")])
def test_a_numbered_list_indented_under_a_bullet_is_read_with_its_lead_in(tmp_path: Path, library, text, lang, lead):
    """"- The Member shall not:" over "  1. Copy …": the indented numbers are the bullet's items (clause 4.4), not
    clauses 1, 2 and 3 of the contract, and each is read with the lead-in."""
    path = tmp_path / "terms.md"
    path.write_text(text, encoding="utf-8")
    blocks = _blocks(path)
    items = [b for b in blocks if b.text.startswith(("1. ", "2. ", "3. "))]
    assert [b.section for b in items] == ["4.4", "4.4", "4.4"], [(b.section, b.text) for b in blocks]
    restrictions = next(f for f in check_file(path, library, CheckOptions(language=lang)).requirements
                        if f.id == "DD-4.5")
    assert set(restrictions.values["aspects"]) >= {"redistribution", "automated-access"}, restrictions
    assert all(lead in e.text for e in restrictions.evidence), [e.text for e in restrictions.evidence]


ORDERED_UNDER_HEADING = {
    "en": "### 6.2 Security incidents\n\nIf the Host finds a security incident, it will:\n\n**Within 36 hours:**\n\n"
          "1. Notify the Customer by email to its named contact\n2. Give a first view of what happened\n\n"
          "### 6.3 Audits\n\nThe Club may audit once a year.\n",
    "da": "### 6.2 Sikkerhedshændelser\n\nHvis værten opdager en sikkerhedshændelse, vil den:\n\n**Inden for 36 timer:**\n\n"
          "1. Underrette kunden pr. e-mail til dennes navngivne kontaktperson\n2. Give et første billede af hændelsen\n\n"
          "### 6.3 Revision\n\nKlubben kan foretage revision én gang om året.\n",
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_an_ordered_list_under_a_lead_in_in_a_numbered_clause_is_its_items(tmp_path: Path, library, lang: str):
    """ "### 6.2 …" then "Within 36 hours:" over "1. Notify the Club by email", "2. …": clause numbers do not run back
    to 1 inside clause 6.2, so these are the lead-in's items (read with it), not clauses 1 and 2."""
    path = tmp_path / "dpa.md"
    path.write_text(ORDERED_UNDER_HEADING[lang], encoding="utf-8")
    items = [b for b in _blocks(path) if b.text[:2] in ("1.", "2.")]
    assert [(b.kind, b.section) for b in items] == [("list-item", "6.2"), ("list-item", "6.2")]
    deadline = _finding(tmp_path, library, ORDERED_UNDER_HEADING[lang], "DD-8.1", name="dpa.md", lang=lang)
    assert deadline.values["hours"] == 36, deadline


def test_clauses_numbered_after_a_preamble_lead_in_stay_clauses(tmp_path: Path):
    """Without a numbered heading above, "1. Scope" after "The parties agree as follows:" is clause 1."""
    path = tmp_path / "terms.md"
    path.write_text("# Hosting terms\n\nThe parties agree as follows:\n\n1. Scope. These terms govern the Portal.\n\n"
                    "2. Fees. Fees are due monthly.\n", encoding="utf-8")
    assert [b.section for b in _blocks(path)][-2:] == ["1", "2"]


CAPITAL_MARKERS = {
    "en": "9. LIABILITY\n\nIN NO EVENT SHALL THE HOST BE LIABLE TO THE MEMBER OR TO ANY OTHER PERSON FOR (A) ANY LOST "
          "PROFITS OR LOST BOOKINGS OF ANY KIND, OR (B) ANY AMOUNT WHICH, TAKEN TOGETHER, IS IN EXCESS OF EUR 750, OR (C) ANY "
          "EVENT BEYOND ITS CONTROL.\n",
    "da": "9. ANSVAR\n\nVÆRTEN ER UNDER INGEN OMSTÆNDIGHEDER ANSVARLIG OVER FOR MEDLEMMET FOR (A) TABT FORTJENESTE "
          "ELLER TABTE BOOKINGER AF NOGEN ART, ELLER (B) BELØB, DER SAMLET OVERSTIGER 5.000 KR., ELLER (C) FORHOLD "
          "UDEN FOR VÆRTENS KONTROL.\n",
}


@pytest.mark.parametrize("lang, amount, currency", [("en", 750, "EUR"), ("da", 5000, "DKK")])
def test_an_inline_list_in_capitals_is_read_item_by_item(tmp_path: Path, library, lang, amount, currency):
    """ "(A) … OR (B) ANY AMOUNT … IN EXCESS OF EUR 750, OR (C) …": capital markers make an inline list as "(a)" do,
    so the cap in item (B) is read with the lead-in's "LIABLE … FOR" and its amount is found."""
    cap = _finding(tmp_path, library, CAPITAL_MARKERS[lang], "DD-4.6", name="terms.txt", lang=lang)
    assert cap.status == "met", cap
    assert (cap.values["amount"], cap.values["currency"]) == (amount, currency), cap.values


def _double_spaced(paragraphs: list[list[str]]) -> str:
    """Lines each followed by a blank line, paragraphs set apart by three blank lines: text copied out of a PDF."""
    return "\n\n\n\n".join("\n\n".join(lines) for lines in paragraphs) + "\n"


DOUBLE_SPACED = {
    "en": _double_spaced([["General terms for the booking portal"],
                          ["1. Scope. These terms apply to every club that books courts"] + [
                              f"through the portal, line {n} of a long clause that goes on and on and"
                              for n in range(20)] + ["ends here."],
                          ["9. Liability. In no case shall the total aggregate liability of the Host to the",
                           "Club under this agreement, however it arises, exceed the fees paid by the Club",
                           "for the affected services in the six (6) months before the claim."],
                          ["10. Law. The laws of Denmark apply."]]),
    "da": _double_spaced([["Generelle vilkår for bookingportalen"],
                          ["1. Omfang. Vilkårene gælder for alle klubber, der booker baner"] + [
                              f"via portalen, linje {n} af et langt punkt, der bliver ved og ved og"
                              for n in range(20)] + ["slutter her."],
                          ["9. Ansvar. Værtens samlede ansvar over for klubben efter denne aftale kan",
                           "uanset grundlaget ikke overstige det vederlag, klubben har betalt for de",
                           "berørte ydelser i de seneste seks (6) måneder før kravet."],
                          ["10. Lovvalg. Dansk ret finder anvendelse."]]),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_lines_each_followed_by_a_blank_line_are_one_paragraph(tmp_path: Path, library, lang: str):
    """A page's lines, each followed by an empty line, with three blank lines between paragraphs: one blank line is a
    line break there, so the cap that runs over three lines is one sentence and is read as a cap with its formula."""
    path = tmp_path / "terms.txt"
    path.write_text(DOUBLE_SPACED[lang], encoding="utf-8")
    assert [b.section for b in _blocks(path)] == [None, "1", "9", "10"]
    cap = _finding(tmp_path, library, DOUBLE_SPACED[lang], "DD-4.6", name="terms.txt", lang=lang)
    assert cap.status == "met" and cap.values.get("formula"), cap


def test_ordinary_paragraphs_keep_their_blank_lines(tmp_path: Path):
    """Paragraphs that each end a sentence, one blank line apart, are not joined."""
    path = tmp_path / "terms.txt"
    path.write_text("\n\n".join(f"{n}. Clause {n} says one thing and ends." for n in range(1, 30)) + "\n",
                    encoding="utf-8")
    assert len(_blocks(path)) == 29


INLINE_LEAD_VALUES = {
    "en": "9. Liability\n\nThe Host's liability shall not exceed the greater of (1) EUR 300 or (2) the fees paid in the "
          "last six months.\n",
    "da": "9. Ansvar\n\nVærtens ansvar kan ikke overstige det højeste af (1) 2.000 kr. eller (2) vederlaget for de "
          "seneste seks måneder.\n",
}


@pytest.mark.parametrize("lang, amount, currency", [("en", 300, "EUR"), ("da", 2000, "DKK")])
def test_the_values_of_an_inline_lists_lead_in_are_read_from_its_items(tmp_path: Path, library, lang, amount,
                                                                      currency):
    """ "… shall not exceed the greater of (1) EUR 300 or (2) the fees …": the rule matches the lead-in, and the amount
    and the formula it names are in the items after it."""
    cap = _finding(tmp_path, library, INLINE_LEAD_VALUES[lang], "DD-4.6", name="terms.txt", lang=lang)
    assert (cap.values["amount"], cap.values["currency"]) == (amount, currency), cap.values


LONE_MARKERS = {
    "en": "## 6. Security\n\n*     \n    **b. Breach reporting**\n\n    *     \n        i. The Host shall notify the Club "
          "of any security breach within 36 hours.\n\nTitle\n-\n",
    "da": "## 6. Sikkerhed\n\n*     \n    **b. Indberetning af brud**\n\n    *     \n        i. Værten skal underrette "
          "klubben om ethvert sikkerhedsbrud senest 36 timer efter, at det er opdaget.\n\nTitel\n-\n",
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_list_marker_alone_on_its_line_marks_the_words_below_it(tmp_path: Path, library, lang: str):
    """ "*     " over "    i. The Host shall notify …": the item's words follow its marker on the next line. They are read
    as one list item in the clause, not as a stray "*" paragraph and a clause of their own; a "-" under a line of
    text still underlines a heading."""
    path = tmp_path / "terms.md"
    path.write_text(LONE_MARKERS[lang], encoding="utf-8")
    blocks = _blocks(path)
    assert not any(b.text.strip() in ("*", "-") for b in blocks), [b.text for b in blocks]
    items = [b for b in blocks if b.kind == "list-item"]
    assert len(items) == 2 and all(b.section == "6" for b in items), [(b.kind, b.section, b.text) for b in blocks]
    assert items[1].level > items[0].level
    deadline = _finding(tmp_path, library, LONE_MARKERS[lang], "DD-8.1", lang=lang)
    assert deadline.values["hours"] == 36, deadline


def test_a_numbered_clause_after_a_plain_paragraph_stays_a_clause(tmp_path: Path):
    """Indentation alone does not make an item: "  2. Fees" after a paragraph that ends in a full stop is clause 2."""
    path = tmp_path / "terms.md"
    path.write_text("1. Scope\n\nThese terms govern the Portal.\n\n  2. Fees\n\nFees are due monthly.\n",
                    encoding="utf-8")
    assert [b.section for b in _blocks(path)][-2:] == ["2", "2"]


# --------------------------------------------------------------------------- items without markers under a lead-in

UNMARKED_EN = """\
6. Acceptable use

You must not use the Portal to:

break the law or anyone's rights;

resell the Portal or make it available to third parties as your own service;

run bots, scrapers or other automated tools against the Portal.

7. Fees
"""

UNMARKED_DA = """\
6. Brug af portalen

Du må ikke bruge portalen til at:

bryde loven eller andres rettigheder;

videresælge portalen eller stille den til rådighed for tredjemand som din egen tjeneste;

køre robotter eller andre automatiserede værktøjer mod portalen.

7. Betaling
"""


@pytest.mark.parametrize("text, lang, lead", [(UNMARKED_EN, "en", "must not"), (UNMARKED_DA, "da", "må ikke")])
def test_unmarked_items_in_lower_case_are_read_with_the_lead_in(tmp_path: Path, library, text, lang, lead):
    """"You must not use the Portal to:" over paragraphs in lower case that end in ";" (no bullet, no number): each is
    an item of the list and carries the "not"."""
    restrictions = _finding(tmp_path, library, text, "DD-4.5", name="terms.txt", lang=lang)
    assert "redistribution" in restrictions.values["aspects"], restrictions
    assert all(lead in e.text for e in restrictions.evidence), [e.text for e in restrictions.evidence]


GROUPED_EN = """\
## 5. Use of the portal

### 5.2 What members may not do

Members agree not to:

#### Unlawful use
- Break any law that applies to them
- Publish content they have no right to

#### Abuse of the portal
- Run bots or other automated tools against the portal
- Resell the portal as their own service

## 6. Fees

Fees are due monthly.
"""

GROUPED_DA = """\
## 5. Brug af portalen

### 5.2 Hvad medlemmer ikke må

Medlemmer må ikke:

#### Ulovlig brug
- Bryde en lov, der gælder for dem
- Offentliggøre indhold, de ikke har ret til

#### Misbrug af portalen
- Køre robotter eller andre automatiserede værktøjer mod portalen
- Videresælge portalen som deres egen tjeneste

## 6. Betaling

Betaling sker månedligt.
"""


@pytest.mark.parametrize("text, lang, lead", [(GROUPED_EN, "en", "agree not to"), (GROUPED_DA, "da", "må ikke")])
def test_a_lead_in_reaches_the_items_of_each_group_under_it(tmp_path: Path, library, text, lang, lead):
    """"Members agree not to:" over lists split into groups under small headings of their own ("#### Abuse of the
    portal"): every item of every group is read with the lead-in, so the "not" reaches it."""
    restrictions = _finding(tmp_path, library, text, "DD-4.5", lang=lang)
    assert {"automated-access", "redistribution"} <= set(restrictions.values["aspects"]), restrictions
    assert all(lead in e.text for e in restrictions.evidence), [e.text for e in restrictions.evidence]


def test_a_group_heading_after_a_lead_in_that_is_not_a_list_ends_the_carry(tmp_path: Path):
    """A heading whose body is a paragraph is a clause of its own: the lead-in above does not reach it."""
    path = tmp_path / "terms.md"
    path.write_text("Members agree not to:\n\n#### Abuse\n- Resell the portal\n\n#### Fees\nResell credits are paid "
                    "monthly.\n", encoding="utf-8")
    clauses = clauses_of(_blocks(path))
    texts = [s.text for c in clauses for s in c.sentences if s.kind == "text"]
    assert "Members agree not to: Resell the portal" in texts
    assert "Resell credits are paid monthly." in texts


def test_a_paragraph_in_lower_case_that_ends_a_sentence_is_no_item():
    """Only a paragraph that ends as a list item does (";" or ","): "as follows:" over a paragraph that ends in a full
    stop is not read with the lead-in."""
    from ddcontract.ingest.sections import assign_sections
    from ddcontract.model import Block
    blocks = list(assign_sections([Block(text="The parties agree as follows:"),
                                   Block(text="the price list in Annex 2 applies to every order.")]))
    sentences = [s.text for c in clauses_of(blocks) for s in c.sentences]
    assert "the price list in Annex 2 applies to every order." in sentences, sentences


# --------------------------------------------------------------------------- nested lists

NESTED_MD = """\
## Breaches of these terms

- The Reseller shall tell the Vendor at once when it learns of a breach.
- The Vendor may end this agreement with immediate effect where:
  - the Reseller commits a serious breach of the security schedule; or
  - the Reseller becomes insolvent.
- The Reseller keeps its records for five years.
"""

NESTED_HTML_DA = """\
## Misligholdelse

<ol>
  <li>Forhandleren skal straks give Leverandøren besked om enhver misligholdelse.</li>
  <li>Leverandøren kan ophæve aftalen med øjeblikkelig virkning, hvis:</li>
  <ol>
    <li>forhandleren groft misligholder sikkerhedsbilaget, eller</li>
    <li>forhandleren går konkurs.</li>
  </ol>
  <li>Forhandleren opbevarer sine regnskaber i fem år.</li>
</ol>
"""


@pytest.mark.parametrize("text, lang, lead, item, sibling", [
    (NESTED_MD, "en", "may end this agreement with immediate effect where:", "the Reseller commits a serious breach",
     "The Reseller keeps its records"),
    (NESTED_HTML_DA, "da", "kan ophæve aftalen med øjeblikkelig virkning, hvis:", "forhandleren groft misligholder",
     "Forhandleren opbevarer sine regnskaber"),
])
def test_a_nested_list_is_read_with_the_item_that_introduces_it(tmp_path: Path, library, text: str, lang: str,
                                                                 lead: str, item: str, sibling: str):
    """An item ending in a colon over a nested list (Markdown indentation, or an HTML list inside a list):
    each nested item is read with it; the next item of the outer list is not."""
    path = tmp_path / "terms.md"
    path.write_text(text, encoding="utf-8")
    levels = {b.text[:20]: b.level for b in _blocks(path) if b.kind == "list-item"}
    assert sorted(set(levels.values())) == [1, 3], levels
    result = check_file(path, library, CheckOptions(language=lang))
    termination = next(f for f in result.requirements if f.id == "DD-4.7")
    assert termination.status in ("met", "weak"), termination
    assert any(lead in e.text and item in e.text for e in termination.evidence), [e.text for e in termination.evidence]
    from ddcontract.segment import clauses_of
    read = [s.text for c in clauses_of(_blocks(path)) for s in c.sentences]
    assert any(s.startswith(sibling) for s in read), read  # the outer list's next item stands alone


# --------------------------------------------------------------------------- hyperlinks

LINKS_MD = """\
# Account terms

1. You must promptly [tell Northwind](https://northwind.example/contact) if you learn of any unauthorized \
access to your workspace.
2. Questions about invoices go to [billing](mailto:billing@northwind.example?subject=Invoice).
3. See our [privacy notice](/legal/privacy "Privacy") and ![the logo](img/logo.png) on the cover.
"""


def test_a_link_keeps_its_words_and_where_it_leads():
    assert link_text("tell us", "https://a.example/contact") == "tell us (https://a.example/contact)"
    assert link_text("write to us", "mailto:sec@a.example?subject=x") == "write to us (sec@a.example)"
    assert link_text("https://a.example", "https://a.example") == "https://a.example"
    # a relative or in-page link says nothing a reader of the text could follow
    assert link_text("privacy notice", "/legal/privacy") == "privacy notice"
    assert link_text("clause 4", "#clause-4") == "clause 4"


def test_markdown_emphasis_is_not_text(tmp_path: Path):
    path = tmp_path / "terms.md"
    path.write_text("# Terms\n\n_Provider_ agrees to keep **Customer Data** in *encrypted* form; see "
                    "the file data_export_v2 and __Schedule 2__.\n", encoding="utf-8")
    texts = [b.text for b in _blocks(path)]
    assert "Provider agrees to keep Customer Data in encrypted form; see the file data_export_v2 and Schedule 2." \
        in texts, texts


def test_markdown_and_html_links_read_as_text_with_their_address(tmp_path: Path):
    path = tmp_path / "terms.md"
    path.write_text(LINKS_MD, encoding="utf-8")
    texts = [b.text for b in _blocks(path)]
    assert any("promptly tell Northwind (https://northwind.example/contact) if you learn" in t for t in texts), texts
    assert any("go to billing (billing@northwind.example)." in t for t in texts), texts
    assert any("See our privacy notice and the logo on the cover." in t for t in texts), texts
    assert not any("](" in t for t in texts)
    html = '<p>Report it <a class="x" href="https://n.example/report">here</a> or <a href="#top">above</a>.</p>'
    assert strip_html(html).strip("\f") == "Report it here (https://n.example/report) or above."


@pytest.mark.parametrize("text, lang", [
    ("1. You must promptly [tell Northwind](https://northwind.example/contact) if you learn of any unauthorized "
     "access to your workspace.\n", "en"),
    ("1. Opdager du uautoriseret adgang til dit arbejdsområde, skal du straks "
     "[give Nordvind besked](https://nordvind.example/kontakt).\n", "da"),
])
def test_a_linked_contact_page_is_a_notification_channel(tmp_path: Path, library, text: str, lang: str):
    path = tmp_path / "terms.md"
    path.write_text("# Terms\n\n" + text, encoding="utf-8")
    result = check_file(path, library, CheckOptions())
    channel = next(f for f in result.requirements if f.id == "DD-8.4")
    assert channel.status == "met" and channel.values["channels"] == ["web"]
    assert "(https://" in channel.evidence[0].text


def _docx_with_link(path: Path, before: str, words: str, target: str, after: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    paragraph = document.add_paragraph(before)
    r_id = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = words
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    paragraph.add_run(after)
    document.save(str(path))


def test_a_word_hyperlink_keeps_its_address(tmp_path: Path, library):
    path = tmp_path / "terms.docx"
    _docx_with_link(path, "If you learn of any unauthorised access to your account, ", "tell us",
                    "https://northwind.example/contact", " at once.")
    texts = [b.text for b in _blocks(path)]
    assert texts == ["If you learn of any unauthorised access to your account, tell us "
                     "(https://northwind.example/contact) at once."]
    result = check_file(path, library, CheckOptions())
    channel = next(f for f in result.requirements if f.id == "DD-8.4")
    assert channel.status == "met" and channel.values["channels"] == ["web"]


# --------------------------------------------------------------------------- definitions without quotes

@pytest.mark.parametrize("text, kind", [
    ("Insolvent means: having debts that exceed its assets.", "definition"),
    ("- Security Event means any unauthorised access to the Member's files.", "definition"),
    ("3.2 Cap on Liability means the amount set out in the Order Form.", "definition"),
    ("Persondata betyder enhver form for information om en identificeret fysisk person.", "definition"),
    # a term that ends in a common noun
    ("Abuse Reporting page means the page describing how anyone can report misuse, at https://x.example/abuse.", "definition"),
    ("Sikkerheds Kontakt person betyder den person, Kunden udpeger.", "definition"),
    # a plural mark and a colon after the term, as a bold term in a numbered list leaves it
    ("10. Member(s): means the people a Club lets use the booking service, wherever they log in.", "definition"),
    ("4. Bruger(e): betyder de personer, Klubben giver adgang til bookingtjenesten.", "definition"),
    ("Notice by email means a notice sent to the security contact.", "text"),
    # a time word defined is a deadline
    ('"Without undue delay" means that the Host sends the notice within 36 hours.', "text"),
    ("“Uden unødig forsinkelse” betyder, at værten sender underretningen senest 36 timer efter.", "text"),
    ("This means that the Member's liability shall not exceed EUR 10,000.", "text"),
    ("The Member's liability shall not exceed EUR 10,000.", "text"),
])
def test_a_definition_without_quotes_states_no_obligation(text: str, kind: str):
    """Markdown leaves "**Security Event** means …" without its bold; plain drafting writes no quotes.
    A definition says what a word means, not what applies, and is not matched as a clause."""
    from ddcontract.model import Block
    from ddcontract.segment import clauses_of

    [clause] = clauses_of([Block(text=text)])
    assert clause.sentences[0].kind == kind


# --------------------------------------------------------------------------- Markdown backslash escapes

ESCAPED_TWICE = "\\\n".join([
    "\\# Hosting Schedule",
    "",
    "\\## 3. Incidents",
    "",
    "\\*\\*3.1 Notice\\*\\*",
    "",
    "\\- \\*\\*Confirmed data breaches:\\*\\* the Host notifies the Member within 48 hours",
    "\\- \\*\\*Fees:\\*\\* \\$20 per month, billed \\<monthly\\>",
    "",
    "The Member may use the \\_admin\\_ console.",
]) + "\n"


def test_markdown_escaped_twice_is_read_as_the_markdown_it_was(tmp_path: Path, library):
    path = tmp_path / "schedule.md"
    path.write_text(ESCAPED_TWICE, encoding="utf-8")
    blocks = _blocks(path)
    texts = [b.text for b in blocks]
    assert texts[:2] == ["Hosting Schedule", "3. Incidents"]
    assert [b.kind for b in blocks[:2]] == ["heading", "heading"]
    assert "Confirmed data breaches: the Host notifies the Member within 48 hours" in texts
    assert "Fees: $20 per month, billed <monthly>" in texts
    assert "The Member may use the admin console." in texts
    assert all("\\" not in t for t in texts)
    # the lines keep their numbers: the list item stands on line 7
    assert next(b.anchor for b in blocks if b.text.startswith("Confirmed")) == "line7"
    found = {f.id: f for f in check_file(path, library, CheckOptions()).requirements}
    assert found["DD-8.1"].values["hours"] == 48


def test_markdown_escapes_are_literal_characters(tmp_path: Path):
    path = tmp_path / "terms.md"
    path.write_text("Prices start at \\$149 \\*per seat\\*, see clause 4\\.2.\\\nThe \\# sign and a \\\\ stay.\n",
                    encoding="utf-8")
    (block,) = _blocks(path)
    assert block.text == "Prices start at $149 *per seat*, see clause 4.2. The # sign and a \\ stay."
    # a few escapes do not make a file "escaped twice": its headings stay headings
    path.write_text("# Terms\n\nA price of \\$5.\\\nNext line.\n", encoding="utf-8")
    assert [(b.kind, b.text) for b in _blocks(path)] == [("heading", "Terms"), ("paragraph", "A price of $5. Next line.")]


# --------------------------------------------------------------------------- underlined headings

RULED = """\
====================
Conditions of Use
====================

By logging in you accept the conditions below.

Security
--------

You must report any suspected security incident to the operators at once.

* * *

_____________________________
Signed for the Operator
"""


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_underlined_headings_and_rules_are_not_text(tmp_path: Path, suffix: str):
    path = tmp_path / f"conditions{suffix}"
    path.write_text(RULED, encoding="utf-8")
    blocks = _blocks(path)
    assert [(b.kind, b.text) for b in blocks[:4]] == [
        ("heading", "Conditions of Use"),
        ("paragraph", "By logging in you accept the conditions below."),
        ("heading", "Security"),
        ("paragraph", "You must report any suspected security incident to the operators at once."),
    ]
    # the signature line is dropped; the words under it stay
    assert [b.text for b in blocks[4:]] == ["Signed for the Operator"]
    assert blocks[3].heading == "Security"
    assert blocks[2].anchor == "line7"


def test_a_short_bulleted_line_is_a_list_item_not_a_heading():
    from ddcontract.ingest.sections import assign_sections, looks_like_heading
    from ddcontract.model import Block

    lines = ["8.2 The notice shall give:", "- Nature of Breach", "• Records Affected", "– Steps Taken"]
    blocks = list(assign_sections([Block(text=t) for t in lines]))  # as a PDF's or a rule example's lines
    assert [b.kind for b in blocks] == ["paragraph"] * 4
    assert {b.section for b in blocks} == {"8.2"} and {b.heading for b in blocks} == {None}
    assert looks_like_heading("Nature of Breach")  # the same words without the bullet may head a clause


def test_a_numbered_lead_in_run_into_the_paragraph_before_reaches_its_items(tmp_path: Path, library):
    # 6.2 introduces its items but stands inside the paragraph of 6.1.2, as converted contracts often have it,
    # and the whole list hangs from "6.1 … may be terminated;" (a semicolon where a colon belongs)
    path = tmp_path / "maintenance.md"
    path.write_text(
        "6.1 This contract may be terminated;\n\n"
        "6.1.1 by the Client on 30 days' written notice before a renewal date,\n\n"
        "6.1.2 by the Contractor on 42 days' notice, refunding any fee paid in advance. 6.1.3 at once by either "
        "party on written notice to the other if the other:\n\n"
        "6.1.3.1 fails to pay any sum due under this contract;\n\n"
        "6.1.3.2 commits a material breach of this contract and does not remedy it within 14 days.\n",
        encoding="utf-8")
    found = {f.id: f for f in check_file(path, library, CheckOptions()).requirements}
    assert found["DD-4.7"].status == "weak"
    quote = found["DD-4.7"].evidence[0].text
    assert quote.startswith("6.1 This contract may be terminated; 6.1.3 at once by either party")
    assert quote.endswith("6.1.3.2 commits a material breach of this contract and does not remedy it within 14 days.")


@pytest.mark.parametrize("text, title", [
    ("5. Reporting of Security Incidents. Business Associate will report each incident.", "Reporting of Security Incidents"),
    ("7. Confidentiality. Each party keeps the other's information secret.", "Confidentiality"),
    ("8. Sikkerhedsbrud. Leverandøren underretter Kunden.", "Sikkerhedsbrud"),
    ("9. The Supplier shall notify the Customer. It does so in writing.", None),
    ("10. Either party may terminate. It gives notice first.", None),
])
def test_a_run_in_title_is_the_clauses_heading(text: str, title: str | None):
    """A numbered paragraph that opens with a short title and a full stop ("5. Reporting of Security
    Incidents. Business Associate will …") is headed by that title, so rules that look at the clause's
    heading see it; a first sentence that is a sentence is not a title."""
    from ddcontract.ingest.sections import assign_sections
    from ddcontract.model import Block

    block = next(assign_sections([Block(text=text)]))
    assert block.section == text.split(".")[0]
    assert block.heading == title


def test_a_run_in_title_does_not_replace_the_heading_of_an_annex_or_a_clause_above():
    from ddcontract.ingest.sections import assign_sections
    from ddcontract.model import Block

    blocks = list(assign_sections([Block(text=t) for t in (
        "Annex 2 – Security Incident Notification", "2. Channel. The notice is sent by email.",
        "9. Security", "9.3 Notification. The Supplier notifies the Customer.")]))
    assert blocks[1].heading == "Security Incident Notification"
    assert blocks[3].heading == "Security"


def test_a_breach_deadline_under_a_run_in_title(tmp_path: Path, library):
    path = tmp_path / "baa.txt"
    path.write_text("6. Reporting of Breaches. The Business Associate will report to the Covered Entity any "
                    "Breach of Unsecured PHI it discovers. The Business Associate will make such report without "
                    "unreasonable delay, and in no case later than four (4) hours after discovery.\n", encoding="utf-8")
    finding = next(f for f in check_file(path, library, CheckOptions()).requirements if f.id == "DD-8.1")
    assert finding.status != "missing" and finding.values["hours"] == 4


@pytest.mark.parametrize("text, lang", [
    ("11. Term and Termination\n\n11.3 This Agreement may be terminated:\n\n11.3.1 by the Host on written notice if "
     "the Member:\n\n(a) fails to pay an invoice within 30 days; or\n\n(b) breaches a Member Obligation; or\n\n"
     "(c) commits a material breach of this Agreement that is not remedied within 7 days.\n", "en"),
    ("11. Ophør\n\n11.3 Aftalen kan ophæves:\n\n11.3.1 af Udbyderen ved skriftligt varsel, hvis Medlemmet:\n\n"
     "(a) ikke betaler en faktura inden 30 dage; eller\n\n(b) overtræder Medlemmets Forpligtelser; eller\n\n"
     "(c) væsentligt misligholder aftalen og ikke afhjælper det inden 7 dage.\n", "da"),
])
def test_a_short_list_item_that_runs_on_is_no_heading(tmp_path: Path, library, text: str, lang: str):
    """"(b) breaches a Member Obligation; or" is short and has capitals, but it is an item that runs on: it
    heads nothing, and the items after it are still read with the list's lead-in."""
    path = tmp_path / "terms.md"
    path.write_text(text, encoding="utf-8")
    blocks = load_document(path).blocks
    assert not [b.text for b in blocks if b.kind == "heading" and b.text.startswith("(")]
    termination = next(f for f in check_file(path, library).requirements if f.id == "DD-4.7")
    assert termination.status == "weak"
    assert "(c)" in termination.evidence[0].text


@pytest.mark.parametrize("text, lang", [
    ("Notification(s) of any data security incident(s) will be delivered to the email address the Customer gave.",
     "en"),
    ("Underretning om sikkerhedshændelse(r) sendes pr. e-mail til Kundens kontaktperson.", "da"),
])
def test_a_plural_marker_in_parentheses_keeps_the_word(tmp_path: Path, library, text: str, lang: str):
    """"incident(s)" is the word "incident" with a plural marker, not a word of its own."""
    path = tmp_path / "terms.txt"
    path.write_text(f"1. Security\n\n{text}\n", encoding="utf-8")
    channel = next(f for f in check_file(path, library).requirements if f.id == "DD-8.4")
    assert channel.status == "met" and channel.values["channels"] == ["email"]


@pytest.mark.parametrize("text, lang, aspects", [
    ("3. Restrictions\n\n3.1 The Customer shall not (a) reverse engineer the Platform or attempt to derive its source "
     "code, (b) get round any security, access or usage limit of the Platform, (c) use automated means such as "
     "scrapers, crawlers or bots to reach or extract data beyond what the Platform's own functions offer, (d) use the "
     "Platform for unlawful content, or (e) resell, rent out or otherwise make the Platform available to any third "
     "party.\n", "en", ["automated-access", "redistribution"]),
    ("3. Begrænsninger\n\n3.1 Kunden må ikke (a) foretage reverse engineering af Platformen eller forsøge at udlede "
     "dens kildekode, (b) omgå sikkerheds-, adgangs- eller brugsbegrænsninger, (c) bruge automatiserede metoder som "
     "scraping eller robotter til at tilgå eller udtrække data ud over Platformens egne funktioner, (d) bruge "
     "Platformen til ulovligt indhold, eller (e) videresælge, udleje eller stille Platformen til rådighed for "
     "tredjemand.\n", "da", ["automated-access", "redistribution"]),
])
def test_an_inline_list_is_read_item_by_item_after_its_lead_in(tmp_path: Path, library, text, lang, aspects):
    """"shall not (a) …, (b) …, … (e) resell …": each item is read after the lead-in, so the "not" reaches the
    fifth item as it reaches the first, and the quote is the lead-in with the one item that matched."""
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    found = next(f for f in check_file(path, library).requirements if f.id == "DD-4.5")
    assert [a for a in aspects if a in found.values["aspects"]] == aspects
    quotes = [e.text for e in found.evidence]
    assert any("(e)" in q and "(d)" not in q for q in quotes), quotes


def test_a_definitions_parts_are_not_split():
    from ddcontract.model import Block
    from ddcontract.segment import clauses_of

    text = '"Loss" means any (a) cost, (b) expense, (c) liability or (d) penalty, including legal fees.'
    clause = clauses_of([Block(text=text, page=None, section="1")])[0]
    assert [(s.text, s.kind) for s in clause.sentences] == [(text, "definition")]


@pytest.mark.parametrize("text, lang", [
    ("3. Use of the Platform\n\n3.5 When using the Platform, you must not do anything unlawful or inappropriate, "
     "including:\n\n   1. anything that breaks any law;\n\n   2. tampering with the Platform;\n\n"
     "   3. using data mining, robots or screen scraping tools on the Platform; or\n\n"
     "   4. helping a third party to do any of the above.\n", "en"),
    ("3. Brug af Platformen\n\n3.5 Når du bruger Platformen, må du ikke gøre noget ulovligt eller upassende, "
     "herunder:\n\n   1. noget, der bryder loven;\n\n   2. ændre i Platformen;\n\n"
     "   3. bruge datamining, robotter eller scraping på Platformen; eller\n\n"
     "   4. hjælpe tredjemand med noget af ovenstående.\n", "da"),
])
def test_numbered_items_in_lower_case_are_read_with_the_lead_in(tmp_path: Path, library, text: str, lang: str):
    """A nested list numbered "1.", "2." … whose items start in lower case continues the lead-in above it ("… must not
    do anything …, including:"), whatever the numbers are."""
    path = tmp_path / "terms.md"
    path.write_text(text, encoding="utf-8")
    found = next(f for f in check_file(path, library).requirements if f.id == "DD-4.5")
    assert "automated-access" in found.values["aspects"]
    assert any(e.text.rstrip().endswith("på Platformen; eller") or "scraping tools" in e.text for e in found.evidence)


@pytest.mark.parametrize("text, lang", [
    ("2. Restrictions\n\n2.1 Except as this Agreement allows, the Customer will not, and will not let anyone else: use "
     "the Software for any purpose other than the one in clause 1; give any unlicensed person access to the Software "
     "by any means; use the Software for timesharing or service bureau purposes; copy the documentation.\n", "en"),
    ("2. Begrænsninger\n\n2.1 Medmindre aftalen tillader det, må Kunden ikke selv eller gennem andre: bruge "
     "Softwaren til andet end formålet i punkt 1; give personer uden licens adgang til Softwaren på nogen måde; "
     "videresælge adgangen til Softwaren til tredjemand; kopiere dokumentationen.\n", "da"),
])
def test_a_list_in_semicolons_after_a_colon_is_read_item_by_item(tmp_path: Path, library, text: str, lang: str):
    """"will not …: use …; give …; use … for timesharing …; copy …": each item is read after the lead-in."""
    found = _finding(tmp_path, library, text, "DD-4.5", name="licence.txt")
    assert "redistribution" in found.values["aspects"]
    assert all(e.text.count(";") <= 1 for e in found.evidence), [e.text for e in found.evidence]


@pytest.mark.parametrize("text", [
    '"Standard Contractual Clauses" mean the clauses the European Commission adopted for transfers to third countries.',
    '“Sub-processors” refer to the processors the Processor engages.',
    '"Processing" - any operation on personal data, such as storage or deletion.',
    '“Standard Contractual Clauses”:',
])
def test_a_plural_term_defined_with_mean_is_a_definition(text: str):
    from ddcontract.segment import _is_definition

    assert _is_definition(text)


# --------------------------------------------------------------------------- tables of contents


@pytest.mark.parametrize("contents, lang", [
    ("CONTENTS 1. Definitions 2 2. Services 3 3. Security of Client Data 4 4. Term and Termination for Breach 6 "
     "5. Liability 7", "en"),
    ("Article 7 Term 7.1 Initial Term 12 7.2 Renewal 12 7.3 Termination for Material Breach 13 "
     "7.4 Termination for Security Breach 13 7.5 Effect of Termination 14", "en"),
    ("Indholdsfortegnelse 1. Definitioner 2 2. Ydelsen 3 3. Ophævelse ved sikkerhedsbrud 5 4. Ansvar 6", "da"),
])
def test_a_table_of_contents_is_no_evidence(tmp_path: Path, library, contents: str, lang: str):
    # a table of contents run into one paragraph names clauses but says nothing: no finding may rest on it
    body = ("The Supplier will host the platform for the Client." if lang == "en"
            else "Leverandøren driver platformen for Kunden.")
    path = tmp_path / "contract.txt"
    path.write_text(f"{contents}\n\n{body}\n", encoding="utf-8")
    result = check_file(path, library, CheckOptions(language=lang))
    assert next(f for f in result.requirements if f.id == "DD-4.7").status == "missing"
    assert not any(e.text.startswith(contents[:12]) for f in result.requirements for e in f.evidence)


@pytest.mark.parametrize("text, contents", [
    ("Termination 9.1 Termination for Cause 21 9.2 Termination for Convenience 21 9.3 Effect 22 9.4 Survival 22",
     True),
    ("The Supplier shall comply with clauses 4.1 Security, 4.2 Access, 4.3 Deletion and 4.4 Logging.", False),
    ("Clauses 5 Security, 6 Confidentiality, 7 Data Protection and 8 Liability survive termination.", False),
    ("9.1 Termination for Cause. Either party may terminate if the other party materially breaches 9.2 or 9.3.",
     False),
    ("Bilag 1 Ydelsen 2 Bilag 2 Sikkerhed 4 Bilag 3 Databehandling 7 Bilag 4 Priser 9", True),
    ("Indhold 1. Parterne 2. Ydelsen 3. Sikkerhed 4. Ophør", True),
])
def test_what_reads_as_a_table_of_contents(text: str, contents: bool):
    from ddcontract.segment import is_contents
    assert is_contents(text) is contents


# --------------------------------------------------------------------------- a list's closing line, blockquotes, 5B.3


@pytest.mark.parametrize("text, lang", [
    ("# Terms\n\n7A.2 If at any time:\n\n> 7A.2.1 a court orders you to hand over the Club's records; or\n\n"
     "> 7A.2.2 you have reason to think someone has gained unauthorised access to your member account;\n\n"
     "you must tell the Club immediately and help it limit the harm.\n", "en"),
    ("# Vilkår\n\n7A.2 Hvis:\n\n> 7A.2.1 en domstol pålægger dig at udlevere foreningens protokoller; eller\n\n"
     "> 7A.2.2 du har grund til at tro, at nogen har skaffet sig uautoriseret adgang til din medlemskonto,\n\n"
     "skal du straks give foreningen besked og hjælpe med at begrænse skaden.\n", "da"),
])
def test_the_line_that_closes_a_list_is_read_with_each_item(tmp_path: Path, library, text: str, lang: str):
    # the duty comes after the items it applies to; the items are quoted in Markdown and numbered "7A.2.x"
    deadline = _finding(tmp_path, library, text, "DD-8.1", lang=lang)
    assert deadline.status == "weak" and deadline.values["vague"] is True
    quote = deadline.evidence[0]
    assert quote.section == "7A.2" and "7A.2.2" in quote.text and ">" not in quote.text
    # the item about a court order is read with the same closing line, but it is no incident
    assert all("7A.2.1" not in e.text for e in deadline.evidence)


def test_a_clause_number_with_a_letter():
    from ddcontract.ingest.sections import split_number
    assert split_number("5B.3 In the event:") == ("5B.3", "In the event:")
    assert split_number("12A.1 The Supplier shall") == ("12A.1", "The Supplier shall")
    assert split_number("3D Printing is charged extra.") == (None, "3D Printing is charged extra.")
    assert split_number("2024 The year") == (None, "2024 The year")


# --------------------------------------------------------------------------- headings: Markdown, contact lines, run-in titles


def test_a_markdown_heading_is_one_line_even_without_a_blank_line_below(tmp_path: Path):
    path = tmp_path / "terms.md"
    path.write_text("# Terms\n\n## Use\nYou may use the service for your club's own bookings.\nMore words.\n",
                    encoding="utf-8")
    blocks = _blocks(path)
    assert [(b.kind, b.text, b.anchor) for b in blocks] == [
        ("heading", "Terms", "line1"), ("heading", "Use", "line3"),
        ("paragraph", "You may use the service for your club's own bookings. More words.", "line4")]


@pytest.mark.parametrize("text, lang", [
    ("9. Security Incident Notification\n\nFor incident reports: Email: soc@host.example, Phone: 70 00 00 00\n", "en"),
    ("9. Underretning om sikkerhedsbrud\n\nIndberetning af brud: E-mail: brud@vaert.example, Telefon: 70 00 00 00\n",
     "da"),
])
def test_a_line_of_contact_details_is_no_heading(tmp_path: Path, library, text: str, lang: str):
    channel = _finding(tmp_path, library, text, "DD-8.4", name="annex.txt", lang=lang)
    assert [b.kind for b in _blocks(tmp_path / "annex.txt")] == ["heading", "paragraph"]
    assert channel.status == "met" and set(channel.values["channels"]) == {"email", "phone"}
    assert channel.evidence[0].section == "9"


@pytest.mark.parametrize("text, lang", [
    ("1. Scope. The Host runs the booking platform for the Club.\n\n2. Authorized Use. The member records shared "
     "under this Agreement shall be used for no purpose other than running the platform.\n", "en"),
    ("1. Omfang. Værten driver bookingplatformen for Klubben.\n\n2. Tilladt brug. Medlemsdata, der deles efter denne "
     "aftale, må kun anvendes til at drive platformen.\n", "da"),
])
def test_a_run_in_title_is_read_in_the_sense_of_its_paragraph(tmp_path: Path, library, text: str, lang: str):
    # "Authorized Use" as a title over the supplier's purpose limitation is no rule on the customer's use
    use = _finding(tmp_path, library, text, "DD-4.4", name="dpa.txt", lang=lang)
    assert use.status == "missing", [e.text for e in use.evidence]


@pytest.mark.parametrize("lead, filler, item, lang", [
    ("The Member will not, and will not let anyone else:",
     "use the booking software for the {n}th kind of event that clause 1 does not list",
     "resell access to the booking software to third parties", "en"),
    ("Medlemmet må ikke selv eller gennem andre:",
     "bruge bookingsoftwaren til den {n}. slags arrangement, som punkt 1 ikke nævner",
     "videresælge adgangen til bookingsoftwaren til tredjemand", "da"),
])
def test_a_list_in_semicolons_too_long_for_one_sentence_is_still_read_item_by_item(tmp_path: Path, library, lead: str,
                                                                                  filler: str, item: str, lang: str):
    # a sentence over 1,500 characters is cut at its last semicolon before that length: the part before the cut still
    # ends in a semicolon, which closes the last item rather than opening an empty one
    items = [filler.format(n=n) for n in range(5, 25)]
    items.insert(10, item)
    text = f"2.1 {lead} " + "; ".join(items) + "; or harm other members.\n"
    assert len(text) > 1500
    found = _finding(tmp_path, library, text, "DD-4.5", name="rules.txt", lang=lang)
    assert "redistribution" in found.values["aspects"]
    assert all(e.text.count(";") <= 1 for e in found.evidence), [e.text for e in found.evidence]


@pytest.mark.parametrize("text, lang", [
    ("3. Restrictions. Members will not (a) lend their login to anyone; (b) change the club's documents; (c) harvest "
     "information about other members without their consent; or (d) use the booking data in a way that (i) breaks "
     "the law, or (ii) harms other members.\n", "en"),
    ("3. Begrænsninger. Medlemmer må ikke (a) låne deres login ud; (b) ændre klubbens dokumenter; (c) indsamle "
     "oplysninger om andre medlemmer uden deres samtykke; eller (d) bruge bookingdata på en måde, der (i) er "
     "ulovlig, eller (ii) skader andre medlemmer.\n", "da"),
])
def test_an_inline_list_with_a_list_nested_in_an_item_is_read_item_by_item(tmp_path: Path, library, text: str,
                                                                         lang: str):
    # (i) and (ii) belong to item (d): they do not stop (a) … (d) from being read as the outer list
    found = _finding(tmp_path, library, text, "DD-4.5", name="rules.txt", lang=lang)
    assert "data-mining" in found.values["aspects"]
    assert any("(c)" in e.text and "(b)" not in e.text for e in found.evidence), [e.text for e in found.evidence]


@pytest.mark.parametrize("text, lang", [
    ("1. Services. The Host runs the booking platform for the Club.\n\n12. Survival. Sections 5 (Ownership of Club "
     "Data), 8 (Limitation of Liability) and 9 (Termination for Security Breach) survive the end of this Agreement.\n",
     "en"),
    ("1. Ydelsen. Leverandøren driver bookingplatformen for Klubben.\n\n12. Ophør. Punkt 5 (Ejendomsret til Klubbens "
     "data), 8 (Ansvarsbegrænsning) og 9 (Ophævelse ved sikkerhedsbrud) gælder fortsat efter Aftalens ophør.\n", "da"),
])
def test_the_title_of_a_cross_reference_is_no_evidence(tmp_path: Path, library, text: str, lang: str):
    # "Sections 5 (Ownership of Club Data), …" names clauses; the sentence that cites them allocates nothing
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    result = check_file(path, library, CheckOptions(language=lang))
    assert [f.id for f in result.requirements if f.status != "missing"] == []


@pytest.mark.parametrize("text, blanked", [
    ("sections 3 (Confidentiality), 7 (Ownership; Client Data) and 9.5 (Disputes) survive",
     ["Confidentiality", "Ownership; Client Data", "Disputes"]),
    ("jf. pkt. 9 (Ophævelse) og 10 (Ansvar)", ["Ophævelse", "Ansvar"]),
    ("under Section 10.2(b) (Termination for Cause), the Client may", ["Termination for Cause"]),
    ("within thirty (30) days", []),
    ("as set out in Section 7 (a) and Section 4 (the \"Term\")", []),
    ("the Customer owns its data (Section 5 applies)", []),
    # a title that names what was breached says which duties: it is kept, for the whole list
    ("claims arising from a breach of Section 3 (Confidentiality) or Section 9.5 (Disputes)", []),
    ("ved misligholdelse af pkt. 9 (Ophævelse) og 10 (Ansvar)", []),
])
def test_which_brackets_are_a_cross_references_title(text: str, blanked: list[str]):
    from ddcontract.matching.xref import blank_titles
    out = blank_titles(text)
    assert len(out) == len(text)
    assert [w for w in ("Confidentiality", "Ownership; Client Data", "Disputes", "Ophævelse", "Ansvar",
                        "Termination for Cause", "thirty", '"Term"', "data") if w in text and w not in out] == blanked


def test_markdown_reference_links_are_read_as_their_words(tmp_path: Path):
    # "[Acceptable Use Policy]: /legal/aup" says where a link goes: no text, no evidence; the links read as their words
    path = tmp_path / "terms.md"
    path.write_text("# Terms\n\nYou must follow the [Acceptable Use Policy] and [our service levels][sla]. Fill in "
                    "[Customer Name] below.\n\n[Acceptable Use Policy]: /legal/acceptable-use\n"
                    "[sla]: https://example.org/sla \"Service levels\"\n", encoding="utf-8")
    texts = [b.text for b in _blocks(path)]
    assert texts == ["Terms", "You must follow the Acceptable Use Policy and our service levels. Fill in "
                     "[Customer Name] below."], texts


@pytest.mark.parametrize("text, joined", [
    ("16. Varighed\n16.1 Kontrakten gælder, indtil den opsiges efter dette\npunkt 16.\n16.2 Kunden kan opsige med 30 dages "
     "varsel.\n", "Kontrakten gælder, indtil den opsiges efter dette punkt 16."),
    ("16. Term\n16.1 This Agreement runs until it is ended under this\nsection 16.\n16.2 The Club may end it on 30 days' "
     "notice.\n", "This Agreement runs until it is ended under this section 16."),
])
def test_a_wrapped_reference_in_lower_case_continues_its_sentence(tmp_path: Path, text: str, joined: str):
    # "punkt 16." alone on a line is the end of the sentence above, not a clause of its own
    path = tmp_path / "contract.txt"
    path.write_text(text, encoding="utf-8")
    blocks = _blocks(path)
    assert any(joined in b.text and b.section == "16.1" for b in blocks), [(b.section, b.text) for b in blocks]
    assert not any(b.section in ("punkt 16", "section 16") for b in blocks)


@pytest.mark.parametrize("lead, item, lang", [
    ("The Member represents and undertakes that: ",
     "you will not use the booking service in a manner that infringes the privacy rights of any other member", "en"),
    ("Medlemmet indestår for og forpligter sig til, at: ",
     "du ikke vil bruge bookingtjenesten på en måde, der krænker andre medlemmers privatliv", "da"),
])
def test_an_inline_list_cut_for_length_keeps_its_lead_in_after_the_cut(tmp_path: Path, library, lead: str, item: str,
                                                                       lang: str):
    # a list too long for one sentence is cut at a semicolon; the items after the cut ("(ix)", "(x)" …) are still read
    # with the list's lead-in
    marks = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi"]
    filler = ("the organisation you act for is properly registered, in good standing and able to agree to these "
              "terms in every country where it books courts" if lang == "en" else
              "den organisation, du handler for, er korrekt registreret, har sine papirer i orden og kan indgå disse "
              "vilkår i alle de lande, hvor den booker baner til sine medlemmer")
    parts = [f"({m}) {filler}" for m in marks[:9]] + [f"(x) {item}", f"(xi) {filler}."]
    text = "4. Undertakings\n\n" + lead + "; ".join(parts) + "\n"
    assert len(text) > 1600
    path = tmp_path / "terms.txt"
    path.write_text(text, encoding="utf-8")
    sentences = [s for c in clauses_of(load_document(path).blocks) for s in c.sentences]
    tenth = next(s for s in sentences if "(x) " in s.text)
    assert tenth.text.startswith(lead.strip()) and tenth.text[tenth.lead:].startswith("(x)"), tenth.text[:120]
    found = _finding(tmp_path, library, text, "DD-4.4", name="terms2.txt", lang=lang)
    assert found.status != "missing"


@pytest.mark.parametrize("text, second", [
    ("The Club is not responsible for what members post on the portal. b. You keep your rights in your own content.",
     "b. You keep your rights in your own content."),
    ("Klubben er ikke ansvarlig for medlemmernes opslag. b. Du beholder rettighederne til dit eget indhold.",
     "b. Du beholder rettighederne til dit eget indhold."),
])
def test_a_lower_case_item_letter_after_a_full_stop_starts_a_sentence(text: str, second: str):
    # "… on the Service. b. You retain …": the item letter is lower case, the sentence after it is not the one before
    assert [text[a:b] for a, b in split_sentences(text)][-1] == second


@pytest.mark.parametrize("text, lang", [
    ("Contents\n\n4 Security of Club Data ........................................ 7\n\n"
     "5 Deletion and return of data ........................................ 9\n\n"
     "1. Services. The Host runs the booking platform for the Club.\n", "en"),
    ("Indhold\n\n4 Sikkerhed for Klubbens data ........................................ 7\n\n"
     "5 Sletning og tilbagelevering af oplysninger ........................................ 9\n\n"
     "1. Ydelsen. Værten driver bookingplatformen for Klubben.\n", "da"),
])
def test_a_table_of_contents_line_with_a_dot_leader_is_no_evidence(tmp_path: Path, library, text: str, lang: str):
    # each line of a table of contents on its own ("5 Deletion and return of data ....... 9") names a clause, no more
    assert _finding(tmp_path, library, text, "DD-4.3", name="contract.txt", lang=lang).status == "missing"


@pytest.mark.parametrize("text", [
    '• "Standard Contractual Clauses" or "SCCs" means the clauses for transfers of personal data to third countries.',
    '"Standardkontraktbestemmelser" eller "SCC" betyder bestemmelserne om overførsel af personoplysninger til tredjelande.',
])
def test_a_term_defined_under_two_names_is_a_definition(text: str):
    from ddcontract.segment import _is_definition
    assert _is_definition(text)


# words a PDF ran together at its line ends: the rules read them apart, the quote keeps them as written
RUN_TOGETHER = "9. Security\n\nThe Host shall notifythe Member of anySecurity Incident within 24 hours of becomingaware of it.\n"


def test_words_run_together_are_read_apart_and_quoted_as_written(tmp_path: Path, library, monkeypatch):
    """ "notifythe Member of anySecurity Incident": a function word run into its neighbour, as text copied out of
    a PDF has it; the rule reads "notify the Member of any Security Incident", the quote is the document's own."""
    deadline = _finding(tmp_path, library, RUN_TOGETHER, "DD-8.1", name="terms.txt", lang="en")
    assert deadline.status == "met" and deadline.values.get("hours") == 24, deadline
    assert any("notifythe Member of anySecurity Incident" in e.text for e in deadline.evidence), deadline.evidence
    # and it is the reading that finds it
    import ddcontract.terms

    monkeypatch.setattr(ddcontract.terms, "joins", lambda text, lang: [])
    assert _finding(tmp_path, library, RUN_TOGETHER, "DD-8.1", name="terms2.txt", lang="en").status == "missing"


def test_a_cap_in_capitals_with_its_words_run_together_is_read(tmp_path: Path, library):
    """ "THE HOST'S TOTALLIABILITY … EXCEED THEAMOUNT OF TWENTY EUROS": the cap and its amount are found."""
    text = ("12. LIABILITY\n\nIN NO EVENT SHALL THE HOST'S TOTALLIABILITY TO THE MEMBER FOR ALL DAMAGES (OTHER THAN AS\n"
            "THE LAW REQUIRES) EXCEED THEAMOUNT OF TWENTY EUROS (EUR 20.00).\n")
    cap = _finding(tmp_path, library, text, "DD-4.6", name="terms.txt", lang="en")
    assert cap.status == "met" and cap.values["amount"] == 20 and cap.values["currency"] == "EUR", cap
    assert "TOTALLIABILITY" in cap.evidence[0].text


@pytest.mark.parametrize("text, expected", [
    ("grants a right andlicense to use itsContent", [("andlicense", "and license"), ("itsContent", "its Content")]),
    ("THE TOTAL OF THETERMS, provided,however that", [("THETERMS", "THE TERMS"), (",", ", ")]),
    ("productsand services under thefollowing terms", [("productsand", "products and"), ("thefollowing", "the following")]),
    # words of their own, links, numbers and names stay as they are
    ("whichever is greater; AVAILABLE without notice; see https://x.example/a,b; 1,000 users; JavaScript, LinkedIn", []),
    ("if anybody else logs in, or anyplace else", []),
    # a word that says how much, run into the next in capitals; "TOTALLY" and "TOTALITY" are words of their own
    ("IN NO EVENT SHALL THE CLUB'S TOTALLIABILITY EXCEED TEN EUROS, TOTALLY OR IN ITS TOTALITY",
     [("TOTALLIABILITY", "TOTAL LIABILITY")]),
    # a file whose every line end lost its space: more function words run in, read apart by the frequency table
    ("the Club is notliable if a member doesn't meet itsobligations, given inwriting orcollection fails",
     [("notliable", "not liable"), ("itsobligations", "its obligations"), ("inwriting", "in writing"),
      ("orcollection", "or collection")]),
    # words the frequency table knows stay whole, however they look: legal compounds, code words, agent nouns
    ("as set out hereof and thereto; mailto links, onload handlers; incompletely filled; the subprocessor, the transferor",
     []),
])
def test_which_run_together_words_are_read_apart(text: str, expected: list):
    from ddcontract.wordjoins import joins

    assert [(text[a:b], words) for a, b, words in joins(text, "en")] == expected


def test_the_frequency_table_is_kept_small_in_the_cache(tmp_path: Path, monkeypatch):
    """What the word-join rule needs of spacy-lookups-data's million-word table is made once and kept in the cache
    folder; a second process reads it from there and reads a join the same way."""
    from ddcontract import wordjoins

    monkeypatch.setenv("DDCONTRACT_CACHE", str(tmp_path))
    wordjoins._lexicon.cache_clear()
    wordjoins._function_split.cache_clear()
    try:
        common, joinlike = wordjoins._lexicon()
        kept = list(tmp_path.glob("wordjoins-en-*.json"))
        assert len(kept) == 1 and kept[0].stat().st_size < 2_000_000
        assert "obligations" in common and "thereof" in joinlike and "itsobligations" not in joinlike
        wordjoins._lexicon.cache_clear()
        assert wordjoins._lexicon() == (common, joinlike)
        assert wordjoins.joins("itsobligations", "en") == [(0, 14, "its obligations")]
    finally:
        wordjoins._lexicon.cache_clear()
        wordjoins._function_split.cache_clear()


def test_danish_compounds_are_never_read_apart():
    """Danish writes compounds as one word ("databehandleraftalen", "sikkerhedsbruddet"): nothing is split."""
    from ddcontract.wordjoins import joins

    assert joins("Databehandleraftalen og sikkerhedsbruddet,jf. aftalen", "da") == []


FRESH_LIST = {
    "en": ("## Closing your account\n\nYou may close your account at any time. We may also close your account at once if:\n\n"
           "1. You are in breach of these terms.\n2. You have not logged in for three years.\n\n## Fees\n\nFees are monthly.\n"),
    "da": ("## Lukning af kontoen\n\nDu kan til enhver tid lukke din konto. Vi kan også lukke din konto straks, hvis:\n\n"
           "1. Du misligholder disse vilkår.\n2. Du ikke har logget ind i tre år.\n\n## Gebyrer\n\nGebyrer betales månedligt.\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_list_numbered_from_one_under_an_unnumbered_lead_in_is_its_items(tmp_path: Path, library, lang: str):
    """ "We may also close your account at once if:" over "1. … 2. …" in a clause without a number: the reader takes
    the items for clauses 1 and 2, and each is read with the lead-in, so the termination for breach is found."""
    path = tmp_path / "terms.md"
    path.write_text(FRESH_LIST[lang], encoding="utf-8")
    items = [c for c in clauses_of(_blocks(path)) if c.section in ("1", "2") and not c.heading]
    assert [c.sentences[0].lead > 0 for c in items] == [True, True]
    assert _finding(tmp_path, library, FRESH_LIST[lang], "DD-4.7", lang=lang).status != "missing"


TABLE_HEADINGS = {
    "en": ("| ### 7\\. DATA SECURITY | [Back to top](#index) |\n\n**7.1 Incidents.** The Host shall notify the Club "
           "of a Security Incident by email to the Club's security contact within 24 hours.\n\n"
           "| ### 8\\. ENDING THE CONTRACT | [Back to top](#index) |\n\n**8.1 Cancelling.** The Club may cancel the "
           "subscription by sending written notice to billing@host.example.\n"),
    "da": ("| ### 7\\. DATASIKKERHED | [Til toppen](#indhold) |\n\n**7.1 Hændelser.** Leverandøren skal underrette "
           "Klubben om et sikkerhedsbrud pr. e-mail til Klubbens sikkerhedskontakt inden 24 timer.\n\n"
           "| ### 8\\. AFTALENS OPHØR | [Til toppen](#indhold) |\n\n**8.1 Opsigelse.** Klubben kan opsige abonnementet "
           "ved at sende skriftlig meddelelse til faktura@vaert.example.\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_heading_laid_out_in_a_table_row_beside_navigation_is_a_heading(tmp_path: Path, library, lang: str):
    """Saved pages put a section's heading in a table row beside a "Back to top" link: the row is the heading of what
    follows, so a cancellation notice under "8. Ending the contract" is not read as part of the security clause above."""
    path = tmp_path / "terms.md"
    path.write_text(TABLE_HEADINGS[lang], encoding="utf-8")
    headings = [b.text for b in _blocks(path) if b.kind == "heading"]
    assert len(headings) == 2 and headings[1].endswith("ENDING THE CONTRACT" if lang == "en" else "AFTALENS OPHØR")
    finding = _finding(tmp_path, library, TABLE_HEADINGS[lang], "DD-8.4", lang=lang)
    assert finding.status != "missing"
    assert all((e.section or "").startswith("7") for e in finding.evidence)
    # a table row with real content in its other cells stays a table row
    path.write_text("| ### Fees | Paid monthly in advance by card or by bank transfer |\n", encoding="utf-8")
    assert [b.kind for b in _blocks(path)] == ["table-row"]


SUBSECTION_UNDER_BREACH = {
    "en": ("## 9. Data Breach Notification\n\n### 9.1 Detection\n\nThe Host monitors its systems around the clock.\n\n"
           "### 9.2 Duties toward the Club\n\n- Initial notification within 6 hours of a confirmed breach\n"),
    "da": ("## 9. Brud på persondatasikkerheden\n\n### 9.1 Opdagelse\n\nVærten overvåger sine systemer døgnet rundt.\n\n"
           "### 9.2 Pligter over for Klubben\n\n- Første underretning senest 6 timer efter et bekræftet brud\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_subsection_is_read_under_the_heading_of_its_section(tmp_path: Path, library, lang: str):
    """ "9.2 Duties toward the Club" under "9. Data Breach Notification": a rule that asks for a breach heading finds the
    deadline in the subsection's bullet, and the block knows the heading it sits under."""
    path = tmp_path / "dpa.md"
    path.write_text(SUBSECTION_UNDER_BREACH[lang], encoding="utf-8")
    bullet = next(b for b in _blocks(path) if "6" in b.text and b.kind == "list-item")
    assert bullet.heading == ("Duties toward the Club" if lang == "en" else "Pligter over for Klubben")
    assert bullet.parent_heading == ("Data Breach Notification" if lang == "en" else "Brud på persondatasikkerheden")
    finding = _finding(tmp_path, library, SUBSECTION_UNDER_BREACH[lang], "DD-8.1", name="dpa.md", lang=lang)
    assert finding.status == "met" and finding.values["hours"] == 6


SENTENCE_CASE_TITLES = {
    "en": ("8. Notification of a breach of security\n\nThe Host notifies the Club of any incident by telephone at once.\n\n"
           "9. Fees for the service\n\nThe Club pays monthly.\n"),
    "da": ("8. Underretning om brud på persondatasikkerheden\n\nVærten giver straks Klubben besked om enhver hændelse pr. "
           "telefon.\n\n9. Betaling for ydelsen\n\nKlubben betaler månedligt.\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_numbered_title_in_sentence_case_is_a_heading(tmp_path: Path, library, lang: str):
    """Plain text that numbers its titles in sentence case ("8. Underretning om brud på persondatasikkerheden"): the
    line is the heading of the paragraph below it, so a rule that asks for a breach heading reads that paragraph; a
    numbered line with a verb stays a sentence."""
    from ddcontract.ingest.sections import sentence_case_title

    path = tmp_path / "terms.txt"
    path.write_text(SENTENCE_CASE_TITLES[lang], encoding="utf-8")
    blocks = _blocks(path)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "heading", "paragraph"]
    assert blocks[1].heading == SENTENCE_CASE_TITLES[lang].split("\n")[0].split(" ", 1)[1]
    finding = _finding(tmp_path, library, SENTENCE_CASE_TITLES[lang], "DD-8.4", name="terms.txt", lang=lang)
    assert finding.status != "missing"
    assert not sentence_case_title("Kunden skal betale fakturaen senest 30 dage efter")
    assert not sentence_case_title("The Supplier shall notify the Customer")


ASIDES_IN_LEAD_IN = {
    "en": "3. Restrictions\n\n3.1 As a condition of the licence, the Customer shall not do (nor allow any affiliate, contractor or "
          "other third party to do) any of the things listed here, whether in whole or only in part (together called the "
          "\"Usage Limits\"): (i) resell, rent out, sublicense, redistribute or otherwise pass on the Platform; (ii) let an "
          "outside party log in to the Platform; (iii) alter the Platform.\n",
    "da": "3. Begrænsninger\n\n3.1 Som betingelse for licensen må Kunden ikke gøre (og ikke lade koncernselskaber, "
          "underleverandører eller andre tredjemænd gøre) noget af det, der står nedenfor, hverken helt eller blot delvist "
          "(samlet kaldet \"Brugsgrænserne\"): (i) videresælge, udleje, underlicensere, videredistribuere eller på anden "
          "måde give Platformen videre; (ii) lade udenforstående logge ind på Platformen; (iii) ændre Platformen.\n",
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_asides_in_a_lead_in_do_not_keep_its_not_from_the_items(tmp_path: Path, library, lang: str):
    """A lead-in with asides in brackets ("shall not do (nor allow … to do) any of the things …, whether in whole or in
    part (together called …): (i) … redistribute …") reaches its items as one without them would: the asides are
    blanked when an item is read after it. The quote is the contract's own words, asides and all."""
    found = _finding(tmp_path, library, ASIDES_IN_LEAD_IN[lang], "DD-4.5", name="terms.txt", lang=lang)
    assert found.status == "weak" and found.values["aspects"] == ["redistribution"], found
    assert "(" in found.evidence[0].text and ("affiliate" in found.evidence[0].text or "koncernselskaber" in found.evidence[0].text)


BARE_REFERENCE = {
    "en": ("# Hosting Agreement\n\n## 8. Information Security\n\n8.1 The Host keeps the platform patched and encrypts "
           "backups.\n\n## 12. Termination\n\n12.1 Either party may terminate on three months' notice.\n\n12.2 The Customer "
           "may terminate at once if the Host, despite a written warning, repeatedly breaches its obligations under clause "
           "8.\n"),
    "da": ("# Hostingaftale\n\n## 8. Informationssikkerhed\n\n8.1 Værten holder platformen opdateret og krypterer "
           "sikkerhedskopier.\n\n## 12. Ophør\n\n12.1 Hver part kan opsige aftalen med tre måneders varsel.\n\n12.2 Kunden "
           "kan hæve aftalen straks, hvis Værten trods skriftlig advarsel gentagne gange tilsidesætter sine forpligtelser "
           "efter pkt. 8.\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_breach_of_a_clause_cited_by_its_number_is_read_with_its_title(tmp_path: Path, library, lang: str):
    """"breaches its obligations under clause 8" where clause 8 is "Information Security" is a breach of security duties:
    the reference is read with the clause's title, as a contract that writes "clause 8 (Information Security)" says it;
    the quote keeps the contract's own words."""
    found = _finding(tmp_path, library, BARE_REFERENCE[lang], "DD-4.7", lang=lang)
    assert found.status == "met", found
    quote = found.evidence[0].text
    assert ("clause 8." in quote or "pkt. 8." in quote) and "Security)" not in quote and "sikkerhed)" not in quote


UNFINISHED_LEAD_IN = {
    "en": ("# Data Processing Terms\n\n**3. Contents of the notice.** In the notice the Processor describes\n\n"
           "a) what happened, when and how it was found;\nb) which kinds of data and which data subjects are affected; and\n"
           "c) what the Processor has done and intends to do to stop it.\n"),
    "da": ("# Databehandlervilkår\n\n**3. Underretningens indhold.** Databehandleren beskriver i underretningen\n\n"
           "a) hvad der er sket, hvornår og hvordan det blev opdaget;\nb) hvilke typer oplysninger og registrerede der er "
           "berørt; og\nc) hvad Databehandleren har gjort og agter at gøre for at stoppe bruddet.\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_list_finishes_the_unfinished_sentence_above_it(tmp_path: Path, library, lang: str):
    """A run-in title, then a sentence that stops without a full stop ("In the notice the Processor describes", "…
    beskriver i underretningen") over "a) …; b) …; c) …": the paragraph is no title, the sentence is the items' lead-in,
    and a match that begins in it reads the whole list for its values (all three elements of the notice)."""
    found = _finding(tmp_path, library, UNFINISHED_LEAD_IN[lang], "DD-8.3", lang=lang)
    assert found.status == "met", found
    assert sorted(found.values["elements"]) == ["affected", "description", "measures"], found.values


# a DPA's list of the processor's Art. 28(3) assistance duties under the breach clause: its lead-in names "the
# information available to us", which read as the breach notice's content (DD-8.3 weak on a real DPA)
ART28_ASSISTANCE = {
    "en": "6. Breaches\n\n6.1 We tell the Club of any personal data breach without undue delay.\n\n6.2 Taking into account "
          "the nature of the processing and any information available to us, we will:\n\n- Impact assessments.\n",
    "da": "6. Brud\n\n6.1 Vi underretter klubben om ethvert brud på persondatasikkerheden uden unødig forsinkelse.\n\n6.2 Under "
          "hensyntagen til behandlingens karakter og til de oplysninger, vi har adgang til, vil vi:\n\n"
          "- Konsekvensanalyser.\n",
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_processor_s_assistance_list_is_no_notice_content(tmp_path: Path, library, lang: str):
    assert _finding(tmp_path, library, ART28_ASSISTANCE[lang], "DD-8.1", lang=lang).status == "weak"  # the duty
    assert _finding(tmp_path, library, ART28_ASSISTANCE[lang], "DD-8.3", lang=lang).status == "missing"


# A web page sets a clause's number and its words in elements of their own: the number stands alone on its line, the
# words in the next paragraph. The number goes in front of its words, so the item of a lead-in list is read with it.
LONE_NUMBERS = {
    "en": ("## 4. Use of the Portal\n\n    4.2\n\n    The member agrees that the following acts are forbidden:\n\n"
           "    4.2.1\n\n    Sending unsolicited bulk messages to other members.\n\n    4.2.2\n\n"
           "    Using scrapers, bots or other automatic tools to copy member profiles.\n"),
    "da": ("## 4. Brug af portalen\n\n    4.2\n\n    Medlemmet accepterer, at følgende handlinger er forbudt:\n\n"
           "    4.2.1\n\n    At sende uopfordrede massebeskeder til andre medlemmer.\n\n    4.2.2\n\n"
           "    At bruge robotter, scrapere eller andre automatiske værktøjer til at kopiere medlemsprofiler.\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_clause_number_alone_on_its_line_numbers_the_next_paragraph(tmp_path: Path, library, lang: str):
    path = tmp_path / "terms.md"
    path.write_text(LONE_NUMBERS[lang], encoding="utf-8")
    blocks = [b for b in load_document(path).blocks if b.text.strip()]
    assert [b.section for b in blocks if "4.2." in (b.section or "")] == ["4.2.1", "4.2.2"]
    finding = _finding(tmp_path, library, LONE_NUMBERS[lang], "DD-4.5", lang=lang)
    assert finding.status in ("met", "weak")
    assert any(e.section == "4.2.2" for e in finding.evidence)


def test_a_number_alone_before_a_number_or_in_a_sentence_is_left_alone():
    from ddcontract.ingest.text import join_lone_numbers

    assert join_lone_numbers("Page 3\n\n12\n\nText here\n") == "Page 3\n\n12\n\nText here\n"
    assert join_lone_numbers("Version 1.5\n\nThe next paragraph\n") == "Version 1.5\n\nThe next paragraph\n"
    joined = join_lone_numbers("Intro\n\n7.1\n\nThe Supplier shall keep records.\n")
    assert joined.count("\n") == "Intro\n\n7.1\n\nThe Supplier shall keep records.\n".count("\n")
    assert "7.1 The Supplier shall keep records." in joined


# --------------------------------------------------------------------------- plain text: bullets, "Stk.", titles

PLAIN_BULLETS = {
    "en": "Annex 3 - Place of processing\n\n- Processing takes place at the Processor's office in Leeds.\n"
          "- The Processor shall not move the processing to a country outside the EEA without the Controller's "
          "prior written approval.\n",
    "da": "Bilag 3 – Behandlingssted\n\n- Behandlingen foregår på databehandlerens kontor i Vejle.\n"
          "- Databehandleren må ikke flytte behandlingen til et land uden for EU/EØS uden den dataansvarliges "
          "forudgående skriftlige godkendelse.\n",
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_bulleted_line_of_plain_text_is_an_item_of_its_own(tmp_path: Path, library, lang: str):
    path = tmp_path / "dpa.txt"
    path.write_text(PLAIN_BULLETS[lang], encoding="utf-8")
    items = [b.text for b in load_document(path).blocks if b.text.startswith("- ")]
    assert len(items) == 2, items
    finding = _finding(tmp_path, library, PLAIN_BULLETS[lang], "DD-4.3", name="dpa.txt", lang=lang)
    assert finding.status in ("met", "weak")
    # the quote is the bullet that says it, not both bullets run together
    assert all(e.text.count("- ") <= 1 for e in finding.evidence), finding.evidence


def test_a_wrapped_line_that_starts_with_a_word_stays_in_its_paragraph(tmp_path: Path):
    path = tmp_path / "terms.txt"
    path.write_text("5. Fees\n\nThe fees are due within 30 days of the invoice -\nlate payment carries interest.\n",
                    encoding="utf-8")
    assert [b.text for b in load_document(path).blocks][1].endswith("late payment carries interest.")


@pytest.mark.parametrize("text, parts", [
    ("The data stays in the EU. - It is never moved.", ["The data stays in the EU.", "- It is never moved."]),
    ("Data opbevares i EU. – De flyttes aldrig.", ["Data opbevares i EU.", "– De flyttes aldrig."]),
    # the letter of an annex ends a sentence; an initial does not
    ("Godkendte leverandører fremgår af bilag B. Nye skal varsles.", ["Godkendte leverandører fremgår af bilag B.",
                                                                      "Nye skal varsles."]),
    ("The list is in Schedule C. New ones need notice.", ["The list is in Schedule C.", "New ones need notice."]),
    ("Signed for the Supplier by J. Smith today.", ["Signed for the Supplier by J. Smith today."]),
])
def test_a_dash_after_a_full_stop_and_an_annex_letter_end_a_sentence(text: str, parts: list[str]):
    assert [text[a:b] for a, b in split_sentences(text)] == parts


def test_stk_lines_of_plain_text_are_paragraphs_of_their_own(tmp_path: Path):
    path = tmp_path / "vedtaegter.txt"
    path.write_text("§ 7 Underdatabehandlere\n\nStk. 1. Godkendte underdatabehandlere fremgår af bilag B.\n"
                    "Stk. 2. Nye underdatabehandlere skal varsles skriftligt 30 dage i forvejen.\n", encoding="utf-8")
    blocks = load_document(path).blocks
    assert [b.section for b in blocks] == ["§ 7", "§ 7, stk. 1", "§ 7, stk. 2"]


PLAIN_TITLES = {
    "en": ("10. If there is a security problem\n\n10.1 We protect your data, but no system is perfect.\n\n"
           "10.2 If someone gets into your account who should not, we will tell you within 48 hours of finding out.\n"),
    "da": ("10. Hvis uvedkommende får adgang\n\n10.1 Vi beskytter dine data, men intet system er helt sikkert.\n\n"
           "10.2 Sker det, giver vi dig besked inden for 48 timer efter, at vi har opdaget det.\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_plain_language_title_over_its_own_subclauses_is_their_heading(tmp_path: Path, library, lang: str):
    path = tmp_path / "terms.txt"
    path.write_text(PLAIN_TITLES[lang], encoding="utf-8")
    clauses = clauses_of(load_document(path).blocks)
    assert clauses[0].heading == PLAIN_TITLES[lang].split("\n")[0][4:]
    finding = _finding(tmp_path, library, PLAIN_TITLES[lang], "DD-8.1", name="terms.txt", lang=lang)
    assert finding.values["hours"] == 48, finding
    # a numbered sentence that states a duty is not a title, whatever follows it
    path.write_text("10. The Supplier shall keep records\n\n10.1 Records are kept for a year.\n", encoding="utf-8")
    assert load_document(path).blocks[0].kind != "heading"


REPORT_TERMS = {
    "en": ("16. Incident reporting\n\n16.1 After any Security Incident the Provider shall deliver an Incident Report to the "
           "Customer within 5 days.\n\n16.2 \"Incident Report\" means a written report that sets out the root cause, the "
           "systems and data affected, and the remedial actions taken and planned.\n"),
    "da": ("17. Rapportering\n\n17.1 Efter enhver sikkerhedshændelse sender Leverandøren Kunden en Hændelsesrapport inden for "
           "5 dage.\n\n17.2 »Hændelsesrapport« betyder en skriftlig rapport, der beskriver årsagen, de berørte systemer og "
           "data og de foranstaltninger, der er truffet.\n"),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_a_breach_report_defined_by_its_contents_states_the_contents(tmp_path: Path, library, lang: str):
    finding = _finding(tmp_path, library, REPORT_TERMS[lang], "DD-8.3", name="dpa.txt", lang=lang)
    assert finding.status in ("met", "weak"), finding
    assert {"affected", "measures"} <= set(finding.values["elements"])
    # an incident defined is still a definition, not a statement
    path = tmp_path / "defs.txt"
    path.write_text('1. Definitions\n\n1.1 "Security Incident" means any unauthorised access to Customer Data.\n',
                    encoding="utf-8")
    assert [s.kind for c in clauses_of(load_document(path).blocks) for s in c.sentences][-1] == "definition"


def test_a_page_kept_as_a_list_of_strings_ends_a_sentence_at_each_string():
    text = 'Aftalen udgør instruksen.", "Oplysningerne sælges ikke videre.", "Vi giver besked på mail.'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        'Aftalen udgør instruksen."', '"Oplysningerne sælges ikke videre."', '"Vi giver besked på mail.']
    # a quoted word with a comma after it in running prose is no such list
    prose = 'The form says "stop.", and the Supplier stops.'
    assert [prose[a:b] for a, b in split_sentences(prose)] == [prose]
