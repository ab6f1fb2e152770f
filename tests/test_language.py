"""Language detection per document and per section, and the report's two languages."""

import re

from ddcontract.i18n import fmt_amount, texts, tr
from ddcontract.langs import LANGUAGES
from ddcontract.language import SAMPLE_CHARS, detect_language, document_languages, section_languages

DA = ("Leverandøren skal underrette Kunden om ethvert sikkerhedsbrud, og Kunden kan ophæve aftalen, "
      "hvis Leverandøren ikke overholder sine forpligtelser efter denne aftale.")
EN = ("The Supplier shall notify the Customer of any security incident and the Customer may terminate "
      "this Agreement if the Supplier is in breach of any of its obligations.")


def test_document_language():
    assert detect_language([DA, DA]) == "da"
    assert detect_language([EN]) == "en"
    assert detect_language([""]) == "en"


def test_a_short_danish_text_reads_danish_by_its_letters():
    """Few function words (\"for\" is one in both languages): the words spelt with æ, ø, å decide."""
    assert detect_language(["Leverandøren fraskriver sig ethvert ansvar for indirekte tab."]) == "da"
    assert detect_language(["Købers brug af tjenesten må ikke være ulovlig."]) == "da"
    # an English clause naming a Danish street and town stays English
    assert detect_language(["The notice shall be sent to the Supplier at Nørregade 7, 8000 Århus, Denmark."]) == "en"
    assert section_languages([EN, "Contact: Søren Østergaard, Vesterbrogade 2, København.", EN], "en") == ["en"] * 3


def test_an_english_annex_in_a_danish_contract():
    clauses = [DA, DA, "Bilag 2", "Annex 2 – Security Incident Notification", EN, EN, "12.1", DA]
    assert section_languages(clauses, "da") == ["da", "da", "da", "da", "en", "en", "en", "da"]


def test_a_danish_annex_in_an_english_contract():
    assert section_languages([EN, DA, EN], "en") == ["en", "da", "en"]


def test_document_languages_agree_with_detecting_each_way():
    """document_languages reads each clause once; it must say what detect_language (over the
    blocks) and section_languages (over the clauses) say, also past detect_language's sample."""
    clauses = [DA, DA, "Bilag 2", "Annex 2", EN, EN, "12.1", DA]
    for blocks, clause_texts in [(clauses, clauses), ([EN] * 3 + [DA] * 4, [" ".join([EN] * 3), DA, DA, DA, DA]),
                                 ([EN] * (SAMPLE_CHARS // len(EN) + 1) + [DA] * (SAMPLE_CHARS // len(DA) * 3),
                                  [EN, DA])]:
        lang = detect_language(blocks)
        assert document_languages(blocks, clause_texts) == (lang, section_languages(clause_texts, lang))
    long_english_then_danish = [EN] * (SAMPLE_CHARS // len(EN) + 1) + [DA] * (SAMPLE_CHARS // len(DA) * 3)
    assert document_languages(long_english_then_danish, [EN])[0] == "en"  # only the sample decides


def test_every_report_text_exists_in_every_language_with_the_same_placeholders():
    """The shared labels and every requirement family's texts, read as tr reads them."""
    english = texts("en")
    for lang in LANGUAGES:
        table = texts(lang)
        for key, text in english.items():
            if key.startswith("name."):
                continue
            assert key in table, (lang, key)
            assert set(re.findall(r"\{(\w+)", text)) == set(re.findall(r"\{(\w+)", table[key])), (lang, key)
        assert {k for k in set(table) - set(english)} == {k for k in set(table) - set(english) if k.startswith("name.")}


def test_the_families_texts_are_in_the_table():
    assert tr("en", "cap.met") == "A maximum is stated."
    assert tr("da", "deadline.none") == "Der er en pligt til at underrette, men ingen frist."
    assert tr("da", "name.deletion") == "sletning"
    assert tr("xx", "status.weak") == "weak"  # an unknown language reads English


def test_amounts_are_written_the_report_languages_way():
    assert fmt_amount(2_000_000, "EUR", "en") == "EUR 2,000,000"
    assert fmt_amount(2_000_000, "DKK", "da") == "DKK 2.000.000"
    assert fmt_amount(1500.5, "DKK", "da") == "DKK 1.500,50"
    assert tr("da", "deadline.within", limit="72", unit_note="") == "Inden for politikkens maksimum på 72 timer."
