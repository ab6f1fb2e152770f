"""The check pipeline: ingest -> segment -> match (with values) -> evaluate -> CheckResult."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import CheckResult, Document
from .policy import Policy
from .rules import Library


@dataclass
class CheckOptions:
    pdf_engine: str = "pdfium"
    language: str | None = None  # None: detect, per document and per section
    report_language: str | None = None  # None: the document's language
    policy: Policy = field(default_factory=Policy)
    max_pages: int | None = None  # None: the ingest default (MAX_PAGES)
    password: str | None = None  # for encrypted PDFs


def check_document(doc: Document, library: Library, options: CheckOptions) -> CheckResult:
    from .evaluate import evaluate
    from .matching.match import match_clauses
    from .segment import clauses_of

    from .i18n import tr
    from .language import document_languages
    from .parties import find_parties

    clauses = clauses_of(doc.blocks)
    if options.language:
        lang = options.language
        per_clause = [lang] * len(clauses)
    else:
        lang, per_clause = document_languages([b.text for b in doc.blocks], [c.text for c in clauses])
    doc.language = lang
    report_lang = options.report_language or lang
    doc.parties = [p.as_json() for p in find_parties(doc)]
    available = library.languages()
    matches = []
    for code in dict.fromkeys(per_clause):
        group = [c for c, c_lang in zip(clauses, per_clause) if c_lang == code]
        use = code if code in available else "en"
        if use != code:
            doc.warnings.append(tr(report_lang, "lang.no_rules", lang=code))
        doc.languages[code] = len(group)
        matches.extend(match_clauses(group, library, use))
    matches.sort(key=lambda m: (m.sentence.clause_index, m.sentence.start))
    findings, flags = evaluate(matches, library, options.policy, report_lang)
    return CheckResult(document=doc, requirements=findings, flags=flags, report_language=report_lang)


def check_file(path: str | Path, library: Library, options: CheckOptions | None = None) -> CheckResult:
    from .ingest import load_document

    options = options or CheckOptions()
    from .ingest import MAX_PAGES

    doc = load_document(path, pdf_engine=options.pdf_engine, max_pages=options.max_pages or MAX_PAGES,
                        password=options.password)
    return check_document(doc, library, options)

