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
    language: str | None = None  # None: detect
    policy: Policy = field(default_factory=Policy)


def check_document(doc: Document, library: Library, options: CheckOptions) -> CheckResult:
    from .evaluate import evaluate
    from .match import match_clauses
    from .segment import clauses_of

    from .language import detect_language

    lang = options.language or detect_language(b.text for b in doc.blocks)
    if lang not in library.languages():
        doc.warnings.append(f"the clause library has no rules in language {lang!r}; using English rules")
        lang = "en"
    doc.language = lang
    clauses = clauses_of(doc.blocks)
    matches = match_clauses(clauses, library, lang)
    findings, flags = evaluate(matches, library, options.policy, lang)
    return CheckResult(document=doc, requirements=findings, flags=flags)


def check_file(path: str | Path, library: Library, options: CheckOptions | None = None) -> CheckResult:
    from .ingest import load_document

    options = options or CheckOptions()
    doc = load_document(path, pdf_engine=options.pdf_engine)
    return check_document(doc, library, options)
