"""``scripts/real_accuracy.py --build``: a label's ``part`` takes one entry out of a file that keeps a whole site's pages
in one JavaScript object (a file of our own, written here)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import load_script

PAGES = """export const pages = {
  about: {
    title: 'Om os',
    body: `<p>Vi sælger brugte cykler.</p>`,
  },
  terms: {
    title: 'Vilkår',
    body: `
      <p>Sælger kan ophæve aftalen ved væsentlig misligholdelse. ${icon}</p>
    `,
  },
  "privacy": {
    title: 'Privatliv',
    body: `<p>Vi gemmer dine data i EU.</p>`,
  },
};
"""


def _module():
    return load_script("real_accuracy")


def test_cut_part_takes_one_entry_with_its_braces():
    cut = _module().cut_part(PAGES.encode("utf-8"), "terms").decode("utf-8")
    assert cut.lstrip().startswith("terms: {") and cut.rstrip().endswith("}")
    assert "ophæve aftalen" in cut and "Om os" not in cut and "Privatliv" not in cut
    assert "Privatliv" in _module().cut_part(PAGES.encode("utf-8"), "privacy").decode("utf-8")


def test_cut_part_is_none_for_an_entry_that_is_not_there_or_not_closed():
    mod = _module()
    assert mod.cut_part(PAGES.encode("utf-8"), "cookies") is None
    assert mod.cut_part(b"const pages = { terms: { title: 'x'", "terms") is None


def test_cut_part_takes_a_template_string_of_its_own():
    source = ("const intro = `Velkommen`;\nexport const vilkaar = `1. Generelt\nKunden kan ophæve aftalen ved "
              "misligholdelse, jf. \\`pkt. 4\\`.`;\nconst cookies = `Cookies`;\n")
    cut = _module().cut_part(source.encode("utf-8"), "vilkaar").decode("utf-8")
    assert cut.startswith("export const vilkaar = `") and cut.endswith("pkt. 4\\`.`")
    assert "Velkommen" not in cut and "Cookies" not in cut
    assert _module().cut_part(b"const vilkaar = `never closed", "vilkaar") is None


def test_cut_part_takes_a_typed_constant_object():
    source = ("export const privacy: LegalDocument = {\n  title: 'Privatliv',\n};\n"
              "export const tradeTerms: LegalDocument = {\n  title: 'Handelsbetingelser',\n"
              "  sections: [{ body: 'Kunden kan ophæve aftalen.' }],\n};\n")
    cut = _module().cut_part(source.encode("utf-8"), "tradeTerms").decode("utf-8")
    assert cut.startswith("export const tradeTerms") and cut.endswith("}") and "ophæve" in cut and "Privatliv" not in cut


def test_build_writes_only_the_named_part(tmp_path: Path):
    repo = tmp_path / "mirror" / "acme+site" / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "pages.js").write_text(PAGES, encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["add", "pages.js"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "pages"], check=True)
    commit = subprocess.run(git + ["rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    labels = {"da_terms.md": {"lang": "da", "req": {}, "source": f"acme/site pages.js@{commit}", "part": "terms"},
              "da_gone.md": {"lang": "da", "req": {}, "source": f"acme/site pages.js@{commit}", "part": "cookies"}}
    out = tmp_path / "texts"
    assert _module().build(labels, tmp_path / "mirror", out) == 2  # one part is not in the file
    text = (out / "da_terms.md").read_text(encoding="utf-8")
    assert "ophæve aftalen" in text and "Om os" not in text
    assert not (out / "da_gone.md").exists()
