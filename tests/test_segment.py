"""Unit tests for ddcontract.segment: contract-aware sentence splitting and clause grouping."""

from __future__ import annotations

import pytest

from ddcontract.ingest.sections import assign_sections
from ddcontract.model import Block
from ddcontract.segment import clauses_of, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


# ---------------------------------------------------------------- split_sentences


def test_plain_sentences_are_split():
    assert sentences("The Supplier shall notify. The Customer shall pay! Is that clear? Yes.") == [
        "The Supplier shall notify.", "The Customer shall pay!", "Is that clear?", "Yes."]


# Each text has a full stop followed by a space and a capital or digit, which would end a sentence
# were it not an abbreviation.
@pytest.mark.parametrize("text", [
    "Use strong controls, e.g. MFA and encryption, at all times.",
    "Personal data, i.e. Customer Data and logs, is kept in the EEA.",
    "The Supplier, Acme Inc. Denmark, shall notify the Customer.",
    "The fees are set out in Schedule No. 5 of this Agreement.",
    "Data shall be hosted in the U.S. Government cloud region only.",
    "The obligations in Sec. 4.2 apply to both parties.",
    "Signed by J. Smith on behalf of the Supplier.",
    "Send notices to Dr. Jones at the registered office.",
    # the rupee abbreviated before its amount
    "The Company is not liable for direct damages that exceed Rs. 10,000/- in total.",
])
def test_abbreviation_does_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_sentence_after_abbreviation_sentence_is_still_split():
    assert sentences("Use controls, e.g. MFA. The Customer shall pay.") == [
        "Use controls, e.g. MFA.", "The Customer shall pay."]


@pytest.mark.parametrize(("text", "expected"), [
    ("Forsikringen dækker mindst 10 mio. kr. Leverandørens samlede ansvar er begrænset til 2 mio. kr.",
     ["Forsikringen dækker mindst 10 mio. kr.", "Leverandørens samlede ansvar er begrænset til 2 mio. kr."]),
    ("Gebyret er 250 kr. Beløbet opkræves forud.", ["Gebyret er 250 kr.", "Beløbet opkræves forud."]),
    ("Loftet er 3 mio. Kunden kan ikke kræve mere.", ["Loftet er 3 mio.", "Kunden kan ikke kræve mere."]),
    # a figure or a currency code after the abbreviation belongs to the same amount
    ("Ansvaret er begrænset til kr. 500.000 pr. år.", ["Ansvaret er begrænset til kr. 500.000 pr. år."]),
    ("Dækningen udgør 2 mio. DKK pr. skade.", ["Dækningen udgør 2 mio. DKK pr. skade."]),
])
def test_an_amount_ends_its_sentence_before_a_capitalised_word(text, expected):
    assert sentences(text) == expected


def test_decimal_amount_does_not_end_a_sentence():
    assert sentences("The cap is EUR 2.5 million. It applies per year.") == [
        "The cap is EUR 2.5 million.", "It applies per year."]


def test_clause_number_is_not_a_sentence_end():
    assert sentences("12. Term This Agreement runs for two years. It renews automatically.") == [
        "12. Term This Agreement runs for two years.", "It renews automatically."]


@pytest.mark.parametrize("number", ["9.1.", "3.2.1.", "IV.", "a."])
def test_other_leading_numbers_are_not_sentence_ends(number):
    text = f"{number} The Supplier shall keep logs. The Customer shall pay."
    assert sentences(text) == [f"{number} The Supplier shall keep logs.", "The Customer shall pay."]


def test_inline_list_stays_one_sentence():
    text = ("The Supplier shall: (a) encrypt data at rest; (b) apply security patches; and (c) keep "
            "audit logs. The Customer shall pay.")
    got = sentences(text)
    assert got[0] == ("The Supplier shall: (a) encrypt data at rest; (b) apply security patches; and (c) "
                      "keep audit logs.")
    assert got[1] == "The Customer shall pay."


def test_spans_are_trimmed_and_index_the_input():
    text = "  First sentence.   Second sentence.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First sentence.", "Second sentence."]


def test_very_long_run_is_cut_at_semicolons():
    item = "the Supplier shall keep records of every access to the systems"
    text = "; ".join([item] * 60) + "."
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= 1500 for s, e in spans)
    assert all(text[e - 1] == ";" for s, e in spans[:-1])
    # nothing lost but the separating whitespace
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_closing_quote_stays_with_its_sentence():
    assert sentences('The notice reads "Stop." Then the Supplier acts.') == [
        'The notice reads "Stop."', "Then the Supplier acts."]


# ---------------------------------------------------------------- clauses_of


def _blocks(*texts: str) -> list[Block]:
    return list(assign_sections([Block(text=t, page=1) for t in texts]))


def test_blocks_with_the_same_section_form_one_clause():
    clauses = clauses_of([
        Block("9.1 The Supplier shall keep logs.", page=3, section="9.1"),
        Block("The logs are kept for a year.", page=3, section="9.1"),
        Block("9.2 The Customer shall pay.", page=4, section="9.2"),
    ])
    assert [c.section for c in clauses] == ["9.1", "9.2"]
    first = clauses[0]
    assert first.text == "9.1 The Supplier shall keep logs.\nThe logs are kept for a year."
    assert first.block_starts == [0, len("9.1 The Supplier shall keep logs.") + 1]
    assert [s.text for s in first.sentences] == ["9.1 The Supplier shall keep logs.", "The logs are kept for a year."]
    assert all(s.section == "9.1" for s in first.sentences)


def test_a_heading_starts_a_new_clause_even_without_a_section():
    clauses = clauses_of([
        Block("Some preamble text.", section=None),
        Block("BACKGROUND", section=None, kind="heading"),
        Block("The parties wish to cooperate.", section=None),
    ])
    assert [c.text for c in clauses] == ["Some preamble text.", "BACKGROUND\nThe parties wish to cooperate."]


def test_empty_blocks_are_skipped():
    clauses = clauses_of([Block("  ", section="1"), Block("Text.", section="1"), Block("", section="2")])
    assert len(clauses) == 1
    assert clauses[0].text == "Text."


def test_sentence_offsets_point_into_the_clause_text():
    clauses = clauses_of(_blocks("5. Fees", "5.1 The Customer shall pay. Interest accrues.", "More text here."))
    got = [(c.section, c.text[s.start:s.end]) for c in clauses for s in c.sentences]
    assert got == [("5", "5. Fees"), ("5.1", "5.1 The Customer shall pay."), ("5.1", "Interest accrues."),
                   ("5.1", "More text here.")]
    assert all(c.text[s.start:s.end] == s.text for c in clauses for s in c.sentences)


def test_pages_follow_the_blocks():
    clauses = clauses_of([Block("First block.", page=4, section="7"), Block("Second block.", page=5, section="7")])
    clause = clauses[0]
    assert [s.page for s in clause.sentences] == [4, 5]
    assert clause.page_at(0) == 4
    assert clause.page_at(clause.text.index("Second")) == 5


def test_list_items_after_a_lead_in_carry_the_lead_in():
    lead_in = "12.1 Neither party shall be liable for any:"
    clauses = clauses_of(_blocks("12. Limitation of Liability", lead_in, "(a) loss of profits;", "(b) indirect loss."))
    clause = next(c for c in clauses if c.section == "12.1")
    lead, first, second = clause.sentences
    assert lead.text == lead_in and lead.lead == 0
    assert first.text == f"{lead_in} (a) loss of profits;"
    assert second.text == f"{lead_in} (b) indirect loss."
    for item in (first, second):
        assert item.lead == len(lead_in) + 1
        assert item.text[:item.lead - 1] == lead_in
        assert item.text.startswith(lead_in)
        # the offsets point at the item itself in the clause text
        assert clause.text[item.start:item.end] == item.text[item.lead:]


def test_dash_items_after_a_lead_in_carry_the_lead_in():
    clause = clauses_of([Block("The Supplier shall not —", section="4"), Block("- mine data;", section="4")])[0]
    assert clause.sentences[1].text == "The Supplier shall not — - mine data;"
    assert clause.sentences[1].lead > 0


@pytest.mark.parametrize("lead, items", [
    ("Det er ikke tilladt", ("1) at bruge robotter til at hente priser fra appen, eller", "2) at videresælge adgangen.")),
    ("It is not permitted for any member", ("(a) to resell tickets bought through the app;", "(b) to copy the timetable.")),
])
def test_items_in_the_infinitive_carry_the_unfinished_heading_above_them(lead, items):
    """A lead-in with no colon that the reader took for a short heading ("Stk. 2. Det er ikke tilladt") and items that
    go on with "at"/"to": each item is read with it."""
    blocks = [Block(f"Stk. 2. {lead}", section="7", kind="heading"), *(Block(item, section="7") for item in items)]
    sentences = [s for s in clauses_of(blocks)[0].sentences if s.lead]
    assert [s.text for s in sentences] == [f"{lead} {item}" for item in items]


def test_items_that_stand_alone_do_not_take_a_heading_as_lead_in():
    blocks = [Block("Priser og betaling i butikken", section="4", kind="heading"),
              Block("1) Priserne er inkl. moms.", section="4"), Block("2) at betale sker ved levering.", section="4")]
    assert [s.lead for s in clauses_of(blocks)[0].sentences][-2:] == [0, 0]


def test_list_items_without_a_lead_in_stand_alone():
    clause = clauses_of([Block("The Supplier shall keep logs.", section="3"),
                         Block("(a) loss of profits;", section="3")])[0]
    assert [(s.text, s.lead) for s in clause.sentences] == [
        ("The Supplier shall keep logs.", 0), ("(a) loss of profits;", 0)]


def test_a_plain_paragraph_ends_the_lead_in():
    clause = clauses_of([
        Block("The Supplier shall:", section="3"),
        Block("(a) keep logs;", section="3"),
        Block("The Customer shall pay.", section="3"),
        Block("(b) later item", section="3"),
    ])[0]
    assert [s.lead > 0 for s in clause.sentences] == [False, True, False, False]
    assert clause.sentences[-1].text == "(b) later item"


def test_a_bullet_glyph_after_a_full_stop_starts_a_sentence():
    """A PDF's list run into one paragraph: the bullet glyph before the capital does not hide the boundary."""
    from ddcontract.segment import split_sentences

    text = "Users must choose a strong password. ● Users should tell the team of new contact details. ▪ Brugere skal."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Users must choose a strong password.", "● Users should tell the team of new contact details.",
        "▪ Brugere skal."]


@pytest.mark.parametrize("text, sentences", [
    # sentences a page's markup ran together, with no space after the full stop
    ("Vi gemmer dine data i Danmark.Vi kan lukke din konto, hvis du bryder vilkårene.",
     ["Vi gemmer dine data i Danmark.", "Vi kan lukke din konto, hvis du bryder vilkårene."]),
    ("We keep your data in Ireland.You may not resell the service.",
     ["We keep your data in Ireland.", "You may not resell the service."]),
    # not an abbreviation, a domain or an amount
    ("Se bl.a.Vilkår for brug på www.example.dk.", ["Se bl.a.Vilkår for brug på www.example.dk."]),
    ("The cap is EUR 2.5 million.", ["The cap is EUR 2.5 million."]),
])
def test_a_full_stop_without_a_space_between_words_ends_a_sentence(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


@pytest.mark.parametrize("blocks, answer", [
    ([Block("How quickly will you tell us about a breach?", kind="heading"),
      Block("Within one working day of confirming it. Updates follow as we learn more.")],
     "How quickly will you tell us about a breach? Within one working day of confirming it."),
    ([Block("Hvor ligger mine oplysninger? Hos en dansk hostingudbyder i Aarhus. Vi flytter dem ikke ud af EU.")],
     "Hvor ligger mine oplysninger? Hos en dansk hostingudbyder i Aarhus."),
])
def test_an_answer_is_read_after_its_question(blocks, answer):
    """Terms written as questions and answers: the answer's first sentence is read with the question as its lead-in
    (a heading or a run-in question); the sentences after it stand alone."""
    sentences = clauses_of(blocks)[0].sentences
    read = [s for s in sentences if s.lead]
    assert [s.text for s in read] == [answer]
    assert sentences[-1].lead == 0


def test_a_question_after_a_question_is_no_answer():
    sentences = clauses_of([Block("Kan jeg opsige? Kan jeg fortryde? Ja, inden for 14 dage.")])[0].sentences
    assert [s.lead > 0 for s in sentences] == [False, False, True]
    assert sentences[-1].text == "Kan jeg fortryde? Ja, inden for 14 dage."


# ---------------------------------------------------------------- lettered sections


def test_lettered_sections_are_numbers_of_their_clauses():
    """Terms split into sections A, B, C … with clauses "A.1", "H.2" under them are cited by those labels, in either
    language; a letter alone is a number only on a heading line, so a name or a lettered list item is not one."""
    blocks = list(assign_sections([
        Block("C. Betaling og levering", page=1, kind="heading"),
        Block("C.1 Ydelsen betales månedsvis forud.", page=1),
        Block("C.2 Leveringstiden er fem hverdage.", page=1),
        Block("D. Security", page=1, kind="heading"),
        Block("D.1 The Supplier keeps the platform patched.", page=1),
        Block("A. Jensen signs for the Customer.", page=1),
    ]))
    assert [b.section for b in blocks] == ["C", "C.1", "C.2", "D", "D.1", "D.1"]
    assert [b.heading for b in blocks[:3]] == ["Betaling og levering"] * 3
    assert blocks[4].heading == "Security"
    assert blocks[5].text == "A. Jensen signs for the Customer."
