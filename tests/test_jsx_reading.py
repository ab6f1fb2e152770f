"""A page kept as a React component's source, read as the text it shows (``ingest/jsx.py``): component titles are
headings, list-item components are items read with their lead-in, code and developer comments are not text, and every
line stays where it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddcontract.check import CheckOptions, check_file
from ddcontract.ingest import load_document
from ddcontract.ingest.jsx import jsx_page

PAGE = '''"use client";
import { Section, Item } from "@/components/legal";
import Link from "next/link";

/** Terms page. Keep in step with the pricing page. */
export default function TermsPage() {
  const updated = "1 May";
  return (
    <>
      <Section id="use" title="4. Use of the booking system">
        {/* 4. Use */}
        <p>It may only be used by members to reserve courts for their own games.</p>
      </Section>
      <Section id="ending" title="9. Ending your membership">
        <p>The club may end your membership if you:</p>
        <Item>break the house rules more than once;</Item>
        <Item>fail to pay the fee after a reminder.</Item>
      </Section>
    </>
  );
}
'''


def _blocks(tmp_path: Path, text: str, name: str = "page.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path).blocks


def test_titles_are_headings_and_code_is_not_text(tmp_path: Path):
    blocks = _blocks(tmp_path, PAGE)
    texts = [b.text for b in blocks]
    assert not any(w in t for t in texts for w in ("import", "export", "return", "const", "/*", "</", "{/*"))
    use = next(b for b in blocks if b.text.startswith("It may only"))
    assert use.heading == "Use of the booking system" and use.section == "4"
    # the file's line numbers stay in the anchors
    assert use.anchor == f"line{PAGE.splitlines().index(next(ln for ln in PAGE.splitlines() if 'It may only' in ln)) + 1}"


def test_a_list_item_component_is_an_item_with_its_lead_in(tmp_path: Path, library):
    path = tmp_path / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    result = check_file(path, library, CheckOptions(language="en"))
    finding = next(f for f in result.requirements if f.id == "DD-4.7")
    assert finding.status in ("met", "weak")
    assert "end your membership" in finding.evidence[0].text and "break the house rules" in finding.evidence[0].text
    use = next(f for f in result.requirements if f.id == "DD-4.4")
    assert use.status in ("met", "weak") and use.evidence[0].rule == "acceptable-use-under-heading"


@pytest.mark.parametrize("text", [
    # no import: a Markdown page whose prose mentions imports and a placeholder in angle brackets
    "# Terms\n\nThe Customer may import data from <Customer System> into the Service.\n",
    # an import but no component tag: a code sample in documentation
    "import os from 'os';\n\nThe export function returns the data.\n",
])
def test_a_page_that_is_not_jsx_is_left_alone(text: str):
    assert jsx_page(text) == text


@pytest.mark.parametrize("tail", [
    "{/* a comment that never closes " * 2000,
    "/* a code comment that never closes\n" * 2000,
    "<Card title=\"x\" " + "a=\"1\" " * 5000,
    "<Box a b c d " * 3000,
])
def test_tags_and_comments_that_never_close_are_left_as_text_and_keep_the_lines(tail: str):
    """Hostile or broken pages: a comment or a tag that never closes is read as it stands (and quickly: the patterns
    are bounded and comments are found in one pass), every line where it was."""
    text = "import x from 'y';\n<Section title=\"1. Terms\">\nThe text.\n" + tail + "\nThe end.\n"
    out = jsx_page(text)
    assert out.count("\n") == text.count("\n")
    assert "The end." in out and "# 1. Terms" in out


PAGE_WITHOUT_IMPORTS = '''export default function Vilkaar() {
  return (
    <main className={styles.page}>
      <section style={{ marginTop: 24 }}>
        <h2 className={styles.title}>8. Ansvar</h2>
        <p className={`lead ${styles.text}`}>Vores samlede ansvar kan aldrig overstige 10.000 kr.</p>
      </section>
    </main>
  );
}
'''


def test_html_tags_written_in_jsx_are_read_without_imports(tmp_path: Path):
    """A page of HTML tags with JSX's className= and expression attributes (style={{ … }}) is read as its text even
    when it imports nothing: the code lines are blank and no tag or brace is left in a paragraph."""
    path = tmp_path / "vilkaar.md"
    path.write_text(PAGE_WITHOUT_IMPORTS, encoding="utf-8")
    texts = [b.text for b in load_document(path).blocks]
    assert texts == ["8. Ansvar", "Vores samlede ansvar kan aldrig overstige 10.000 kr."]


PAGE_WITH_ARROW = '''<div style={{ maxWidth: '800px', margin: '0 auto' }}>
<button onClick={() => navigate('/')} style={{ background: 'none', border: 0 }}>Back</button>
<h2 style={{ fontSize: '22px' }}>8. Liability</h2>
<p style={{ lineHeight: 1.6 }}>Our total liability shall not exceed the fees paid in the last 12 months.</p>
</div>
'''


def test_a_jsx_attribute_holding_an_arrow_function_is_part_of_its_tag(tmp_path: Path):
    """An event handler written as an arrow function (onClick={() => navigate('/')}) does not end its tag at the "=>":
    no code is left in the text, in either language's pages."""
    path = tmp_path / "terms.md"
    path.write_text(PAGE_WITH_ARROW, encoding="utf-8")
    texts = [b.text for b in load_document(path).blocks]
    assert texts == ["Back", "8. Liability", "Our total liability shall not exceed the fees paid in the last 12 months."]
    path.write_text(PAGE_WITH_ARROW.replace("Back", "Tilbage").replace("8. Liability", "8. Ansvar").replace(
        "Our total liability shall not exceed the fees paid in the last 12 months.",
        "Vores samlede ansvar kan aldrig overstige det beløb, du har betalt de seneste 12 måneder."), encoding="utf-8")
    assert not any("=>" in b.text or "{" in b.text for b in load_document(path).blocks)


PAGE_WITH_STYLE_OBJECTS = '''import { useNavigate } from 'react-router-dom';

export default function Terms() {
  const navigate = useNavigate();
  return (
    <div style={{
      minHeight: '100vh',
      fontFamily: 'Inter, sans-serif'
    }}>
      <button
        onClick={() => navigate('/')}
        style={{
          border: 'none'
        }}
      >
        Tilbage
      </button>
      <h1 style={{
        fontSize: '32px'
      }}>
        Handelsbetingelser
      </h1>
      <h2 style={{ fontSize: '22px' }}>8. Ansvar</h2>
      <p style={{ lineHeight: 1.6 }}>Vores samlede ansvar kan aldrig overstige det beløb, du har betalt.</p>
    </div>
  );
}
'''


@pytest.mark.parametrize("swap", [False, True])
def test_tags_whose_style_objects_run_over_several_lines_are_tags(tmp_path: Path, swap: bool):
    """A page that imports its router and styles its HTML tags with objects over several lines ("<div style={{" …
    "}}>"): the tags are tags, not text, the code lines are blank, a title written on the line after its "<h1>" is the
    heading's text (no "#" left in it), and the file keeps its lines; the same in English."""
    page = PAGE_WITH_STYLE_OBJECTS
    if swap:
        page = (page.replace("Tilbage", "Back").replace("Handelsbetingelser", "Terms of sale")
                .replace("8. Ansvar", "8. Liability")
                .replace("Vores samlede ansvar kan aldrig overstige det beløb, du har betalt.",
                         "Our total liability shall never exceed the amount you have paid."))
    path = tmp_path / "terms.md"
    path.write_text(page, encoding="utf-8")
    blocks = load_document(path).blocks
    texts = [b.text for b in blocks]
    assert texts[1:] == (["Terms of sale", "8. Liability", "Our total liability shall never exceed the amount you have paid."]
                         if swap else ["Handelsbetingelser", "8. Ansvar",
                                       "Vores samlede ansvar kan aldrig overstige det beløb, du har betalt."])
    assert blocks[1].kind == "heading"
    assert not any(ch in t for t in texts for ch in "{}<>#")


PAGE_WITH_DATA = '''import Terms from "@/components/Terms";

export default function Page() {
  return (
    <div className="wrap"><Terms
        title="Handelsbetingelser"
        sections={[{"heading":"5. Ansvar","content":[{"type":"p","text":"Vores ansvar kan aldrig overstige prisen for din ordre."}]},{"heading":"6. Brug","content":[{"type":"p","text":"Du må kun bruge appen til private formål."}]}]}
      /></div>
  );
}
'''


def test_clauses_given_as_data_in_a_prop_are_read(tmp_path: Path, library):
    """A component given its clauses as JSON in a prop (sections={[{"heading": …, "content": […]}]}): the headings head
    their clauses and the texts are paragraphs; the line count stays the file's."""
    path = tmp_path / "betingelser.md"
    path.write_text(PAGE_WITH_DATA, encoding="utf-8")
    assert jsx_page(PAGE_WITH_DATA).count("\n") == PAGE_WITH_DATA.count("\n")
    blocks = [(b.text, b.section) for b in load_document(path).blocks if b.text.strip()]
    assert ("Vores ansvar kan aldrig overstige prisen for din ordre.", "5") in blocks
    assert all("{" not in t and '"' not in t for t, _ in blocks)
    found = {f.id: f for f in check_file(path, library, CheckOptions(language="da")).requirements}
    assert found["DD-4.6"].status == "met" and found["DD-4.4"].status == "met"


def test_data_props_that_never_close_cost_little():
    import time
    text = 'import X from "y";\n<X a={[' + '{"text":"a b", ' * 20000
    started = time.perf_counter()
    assert jsx_page(text * 3)
    assert time.perf_counter() - started < 2
