"""Markup that never closes — an HTML comment, a script, a link, a tag with many attributes, a Markdown link or
emphasis — is left as it stands and every line stays where it was; the readers find such spans in one pass or with
bounded patterns (``ingest/html.py``, ``ingest/text.py``), so a broken or hostile page costs no more than reading it
(pages of 300 KB had taken from seconds to minutes)."""

from __future__ import annotations

import pytest

from ddcontract.ingest.html import strip_html


@pytest.mark.parametrize("tail", [
    "<!-- a comment that never closes " * 3000,
    "<script>var a = 1; " * 3000,
    '<a href="https://example.org/terms">a link that never closes ' * 3000,
    "<span a b c d " * 3000,
])
def test_markup_that_never_closes_is_left_as_it_stands(tail: str):
    text = "<p>The Supplier shall notify the Customer.</p>\n" + tail + "\nThe end.\n"
    out = strip_html(text, markdown=True)
    assert out.count("\n") == text.count("\n")
    assert "The Supplier shall notify the Customer." in out and "The end." in out


def test_closed_comments_scripts_and_links_still_go():
    text = ("<head><title>Terms</title></head><!-- note\nfor us --><p>See <a href='https://x.dk/vilkaar'>vilkår</a>"
            "</p><SCRIPT type='x'>if (a<b) {}</SCRIPT ><p>After</p>\n")
    out = strip_html(text, markdown=True)
    assert "note" not in out and "if (a" not in out and "Terms" not in out
    assert "vilkår" in out and "After" in out and out.count("\n") == text.count("\n")


@pytest.mark.parametrize("line", [
    "[x](" * 5000,          # a link that never closes, from every "["
    "_a " * 5000,           # emphasis marks that never close
    "**a " * 5000,
])
def test_markdown_that_never_closes_is_read_as_it_stands(tmp_path, line: str):
    from ddcontract.ingest import load_document

    path = tmp_path / "terms.md"
    path.write_text("The Supplier shall notify the Customer.\n\n" + line + "\n\nThe end.\n", encoding="utf-8")
    texts = [b.text for b in load_document(path).blocks]
    assert texts[0] == "The Supplier shall notify the Customer." and texts[-1] == "The end."
