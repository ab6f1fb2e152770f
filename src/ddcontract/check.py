"""The check pipeline: ingest -> segment -> match (with values) -> decide -> word -> CheckResult.

A DOCX with tracked changes is checked on both sides (:func:`check_markup`): the result is the
side the changes propose, with what they change (:mod:`ddcontract.markup`) in ``CheckResult.markup``.

The document stays as it was read; what the check finds about it (its language and the language of
each clause, its parties, warnings) goes into the :class:`~ddcontract.model.CheckResult`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import CheckResult, Clause, Document, Match
from .policy import Policy
from .rules import Library


@dataclass
class CheckOptions:
    pdf_engine: str = "pdfium"
    language: str | None = None  # None: detect, per document and per section
    report_language: str | None = None  # None: the document's language
    policy: Any = field(default_factory=Policy)
    max_pages: int | None = None  # None: the ingest default (MAX_PAGES)
    password: str | None = None  # for encrypted PDFs
    ocr: str | None = None  # auto, always, never (a PDF's scanned pages); None: auto when an OCR engine is installed
    ocr_timeout: float | None = None  # seconds of OCR a page may take; None: ingest.ocr.PAGE_SECONDS
    model: bool = True  # the statistical model's second opinion where no rule found a requirement (matching.statistical)


@dataclass
class _Languages:
    document: str
    per_clause: list[str]


def clause_languages(doc: Document, clauses: list[Clause], options: CheckOptions) -> _Languages:
    """The document's language and each clause's (the options may fix one for all).

    A document written in a language ddcontract does not read (Norwegian, German, …) is refused with an
    InputError rather than checked with rules that cannot match it: every requirement would read "missing"."""
    from .errors import InputError
    from .language import document_languages, other_language

    if options.language:
        return _Languages(options.language, [options.language] * len(clauses))
    blocks = [b.text for b in doc.blocks]
    other = other_language(blocks)
    if other:
        raise InputError(doc.path, f"the text is written in {other}; ddcontract reads English and Danish "
                                   "(pass --lang en or --lang da to check it anyway)")
    lang, per_clause = document_languages(blocks, [c.text for c in clauses])
    return _Languages(lang, per_clause)


def _match(clauses: list[Clause], langs: _Languages, library: Library, report_lang: str,
           section_languages: dict[str, int], warnings: list[str]) -> list[Match]:
    """Each clause matched with the rules of its language (English where the library has none)."""
    from .i18n import tr
    from .matching.match import match_clauses

    available = library.languages()
    matches: list[Match] = []
    for code in dict.fromkeys(langs.per_clause):
        group = [c for c, c_lang in zip(clauses, langs.per_clause) if c_lang == code]
        use = code if code in available else "en"
        if use != code:
            warnings.append(tr(report_lang, "lang.no_rules", lang=code))
        section_languages[code] = len(group)
        matches.extend(match_clauses(group, library, use))
    matches.sort(key=lambda m: (m.sentence.clause_index, m.sentence.start))
    return matches


def check_document(doc: Document, library: Library, options: CheckOptions) -> CheckResult:
    from .capref import resolve_insurance_caps
    from .decide import decide
    from .parties import find_parties
    from .segment import clauses_of
    from .wording import word_all

    clauses = clauses_of(doc.blocks)
    langs = clause_languages(doc, clauses, options)
    report_lang = options.report_language or langs.document
    result = CheckResult(document=doc, requirements=[], flags=[], report_language=report_lang,
                         language=langs.document, parties=find_parties(doc), warnings=list(doc.warnings))
    matches = _match(clauses, langs, library, report_lang, result.section_languages, result.warnings)
    resolve_insurance_caps(matches, clauses, langs.per_clause)
    decided, raised = decide(matches, options.policy)
    if options.model:
        from .matching.statistical import second_opinion

        second_opinion(decided, clauses, langs.per_clause, library)
    result.requirements, result.flags = word_all(decided, raised, library, options.policy, report_lang)
    if doc.ocr is not None:
        _mark_ocr(result)
    return result


def _mark_ocr(result: CheckResult) -> None:
    """Evidence quoted from a block read by OCR says so (``Evidence.ocr``)."""
    read = {b.anchor for b in result.document.blocks if b.ocr}
    for finding in [*result.requirements, *result.flags]:
        for ev in finding.evidence:
            ev.ocr = ev.anchor in read


def check_markup(before: Document, after: Document, library: Library, options: CheckOptions) -> CheckResult:
    """A tracked-change document checked on both sides: the result of the text the changes propose,
    with what they change (``result.markup``) and the refusal flag (``requirements.REFUSAL``) among
    the flags when they refuse security clauses. The side before the changes is read in the same report language."""
    from dataclasses import replace

    from .markup import compare_results
    from .model import Markup
    from .requirements import FLAGS
    from .wording import word_refusals

    result = check_document(after, library, options)
    if not before.blocks:  # written entirely as insertions: nothing was there before
        result.markup = Markup(after.revisions, [], [])
        return result
    earlier = check_document(before, library, replace(options, report_language=result.report_language))
    result.markup = compare_results(earlier, result, after.revisions)
    if result.markup.refusals:
        flags = result.flags + [word_refusals(result.markup.refusals, result.report_language)]
        order = {f.id: i for i, f in enumerate(FLAGS)}
        result.flags = sorted(flags, key=lambda f: order.get(f.id, len(order)))
    return result


def check_file(path: str | Path, library: Library, options: CheckOptions | None = None) -> CheckResult:
    from .ingest import MAX_PAGES, load_sides

    options = options or CheckOptions()
    before, doc = load_sides(path, pdf_engine=options.pdf_engine, max_pages=options.max_pages or MAX_PAGES,
                             password=options.password, ocr=options.ocr, ocr_lang=options.language,
                             ocr_timeout=options.ocr_timeout)
    if not doc.revisions:
        return check_document(doc, library, options)
    return check_markup(before, doc, library, options)
