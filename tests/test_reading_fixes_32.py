"""Reading fixes of the thirty-second round, for terms published as React (Next.js) page sources.

- A list the page writes as an array of strings it maps to list items ("{[" … "].map((item, i) => (") is read as that
  list, with the lead-in above it; before, each string was a loose paragraph and the last one ended in
  "].map((item, i) => (", so a use rule in it was quoted with the code and read without its lead-in.
- The page's ``metadata`` (the summary a search engine shows) is not read as a clause: a description naming
  "sletning" as a topic was taken for a deletion rule.
- The lines that show a part of the page on a condition ("{company ? (", ") : (", ") : null}") are code.

The pages are written for this test."""

from __future__ import annotations

from pathlib import Path

from ddcontract.check import CheckOptions, check_file
from ddcontract.ingest import load_document

DA_PAGE = '''import Link from "next/link";

const description =
  "Vilkår for brug af Ravnholt Booking — betaling, ansvar, sletning af data og opsigelse.";

export const metadata = {
  title: "Vilkår",
  description,
  alternates: { canonical: "/vilkaar" },
};

export default function Vilkaar({ company }) {
  return (
    <main className="mx-auto max-w-3xl">
      <h2 className="text-xl font-bold">4. Kundens pligter</h2>
      <p className="mb-4">Kunden må ikke:</p>
      <ul className="space-y-2">
        {[
          "dele sit login med personer uden for virksomheden",
          "bruge bookingsystemet til at sende reklamer til andre brugere",
          "forsøge at skaffe sig adgang til andre kunders kalendere",
        ].map((item, i) => (
          <li key={i} className="flex gap-3">
            <span>{item}</span>
          </li>
        ))}
      </ul>
      <h2 className="text-xl font-bold">5. Underleverandører</h2>
      <ul>
        {[
          ["Nordhost ApS", "Danmark", "Drift af servere"],
          ["Postkassen A/S", "Danmark", "Udsendelse af e-mails"],
        ].map(([name, land, opgave]) => (
          <li key={name}>{name}, {land}: {opgave}</li>
        ))}
      </ul>
      {company ? (
        <p>Aftalen er indgået med {company.name}.</p>
      ) : (
        <p>Log ind for at se, hvem aftalen er indgået med.</p>
      )}
      {company.cvr ? (
        <p>CVR {company.cvr}</p>
      ) : null}
    </main>
  );
}
'''

EN_PAGE = '''export const metadata = { title: "Terms", description: "How Lindqvist Notes stores, shares and deletes your data." };

export default function Terms() {
  return (
    <section>
      <h2>3. Your obligations</h2>
      <p>When using the service you agree:</p>
      <ul>
        {[
          "not to use the notes service to store material that is unlawful",
          "not to resell access to the service to anyone outside your team",
        ].map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
'''


def _blocks(tmp_path: Path, text: str, name: str = "vilkaar.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, [b for b in load_document(path).blocks if b.text.strip()]


def test_a_mapped_array_is_read_as_list_items_without_the_code(tmp_path: Path):
    _, blocks = _blocks(tmp_path, DA_PAGE)
    texts = [b.text for b in blocks]
    items = [b for b in blocks if b.kind == "list-item"]
    assert [b.text for b in items][:3] == [
        "dele sit login med personer uden for virksomheden",
        "bruge bookingsystemet til at sende reklamer til andre brugere",
        "forsøge at skaffe sig adgang til andre kunders kalendere"]
    assert "Nordhost ApS – Danmark – Drift af servere" in texts  # a row's cells, in order
    assert not any(".map(" in t or "{[" in t or "].map" in t for t in texts)


def test_the_metadata_and_the_conditions_are_not_read(tmp_path: Path):
    _, blocks = _blocks(tmp_path, DA_PAGE)
    texts = " ".join(b.text for b in blocks)
    assert "sletning af data" not in texts and "canonical" not in texts and "description" not in texts
    assert "? (" not in texts and ") : (" not in texts and ") : null" not in texts
    # what the page shows on either side of the condition is still read
    assert "Log ind for at se, hvem aftalen er indgået med." in texts


def test_a_use_rule_in_a_mapped_list_rests_on_the_item_read_with_its_lead_in(tmp_path: Path, library):
    path, _ = _blocks(tmp_path, DA_PAGE)
    result = check_file(path, library, CheckOptions(language="da"))
    use = next(f for f in result.requirements if f.id == "DD-4.4")
    assert use.status == "met"
    assert any("reklamer til andre brugere" in ev.text and ".map" not in ev.text for ev in use.evidence)
    # the description's "sletning af data" was the only word of deletion: no deletion rule is found
    assert next(f for f in result.requirements if f.id == "DD-4.3").status == "missing"


def test_the_english_page_reads_the_same_way(tmp_path: Path, library):
    path, blocks = _blocks(tmp_path, EN_PAGE, "terms.md")
    assert [b.text for b in blocks if b.kind == "list-item"] == [
        "not to use the notes service to store material that is unlawful",
        "not to resell access to the service to anyone outside your team"]
    result = check_file(path, library, CheckOptions(language="en"))
    status = {f.id: f.status for f in result.requirements}
    assert status["DD-4.4"] == "met" and status["DD-4.3"] == "missing"


# a component given its list as a prop of strings, or of rows of strings (a table)
PROP_PAGE = '''import { Sec, P, UL, Rows } from "@/components/legal";

export default function Dpa() {
  return (
    <main>
      <Sec title="6. Notice of a Security Incident">
        <P>Hollandt Cloud will tell the Customer of a Security Incident within 30 hours. The notice will include:</P>
        <UL items={[
          'the nature of the incident and the categories of data affected, where known;',
          'its likely consequences for the Customer;',
          "the measures taken so far, and those planned.",
        ]} />
      </Sec>
      <Sec title="7. Sub-processors">
        <Rows rows={[
          ['Kestrel Hosting Ltd', 'Ireland', 'Servers and backups'],
          ['Mailwise BV', 'Netherlands', 'Sending notices by e-mail'],
        ]} />
      </Sec>
    </main>
  );
}
'''


def test_a_list_given_as_a_prop_of_strings_is_read_as_its_items(tmp_path: Path, library):
    path, blocks = _blocks(tmp_path, PROP_PAGE, "dpa.md")
    items = [b.text for b in blocks if b.kind == "list-item"]
    assert items == ["the nature of the incident and the categories of data affected, where known;",
                     "its likely consequences for the Customer;",
                     "the measures taken so far, and those planned.",
                     "Kestrel Hosting Ltd – Ireland – Servers and backups",
                     "Mailwise BV – Netherlands – Sending notices by e-mail"]
    assert not any("items={" in b.text or "rows={" in b.text for b in blocks)
    content = next(f for f in check_file(path, library, CheckOptions(language="en")).requirements if f.id == "DD-8.3")
    assert content.status == "met"
    assert all("items={" not in ev.text for ev in content.evidence)


# a list item whose text an editor put in a paragraph of its own
LI_PAGE_EN = """<h2>4. Using the archive</h2>
<p><strong>When you use the archive, you must:</strong></p>
<ul>
<li><p>Keep your contact details up to date.</p></li>
<li>
  <p>Not use the archive to send advertising to other members.</p>
</li>
</ul>
"""

LI_PAGE_DA = """<h2>4. Brug af arkivet</h2>
<p>Når du bruger arkivet, skal du:</p>
<ol>
<li><p>holde dine kontaktoplysninger opdaterede,</p></li>
<li><p>undlade at bruge arkivet til at sende reklamer til andre medlemmer.</p></li>
</ol>
"""


def test_a_list_item_held_in_a_paragraph_is_read_as_the_item(tmp_path: Path, library):
    for text, lang, words in ((LI_PAGE_EN, "en", "Not use the archive to send advertising to other members."),
                              (LI_PAGE_DA, "da", "undlade at bruge arkivet til at sende reklamer til andre medlemmer.")):
        path, blocks = _blocks(tmp_path, text, f"page_{lang}.md")
        items = [b.text for b in blocks if b.kind == "list-item"]
        assert words in items and len(items) == 2
        assert not any(b.text.strip() in ("-", "") for b in blocks)
