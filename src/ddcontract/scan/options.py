"""The options of a scan, typed and frozen: built once by the command line, handed as they are to
every worker process (and to Dask workers), which build the check's options from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..policy import Policy

if TYPE_CHECKING:
    from ..check import CheckOptions
    from ..rules import Library


@dataclass(frozen=True)
class ScanOptions:
    rules: tuple[Path, ...] = ()  # rule folders loaded besides (or, with only_rules, instead of) the bundled ones
    only_rules: bool = False
    pdf_engine: str = "pdfium"
    language: str | None = None  # None: detect, per document and per section
    report_language: str | None = None  # None: each document's language
    policy: Policy = field(default_factory=Policy)
    max_pages: int | None = None  # None: the ingest default
    password: str | None = None  # tried on encrypted PDFs
    ocr: str | None = None  # auto, always, never; None: auto when an OCR engine is installed (in the worker)
    ocr_timeout: float | None = None  # seconds of OCR a page may take; None: ingest.ocr.PAGE_SECONDS
    model: bool = True  # the statistical model's second opinion (CheckOptions.model)

    def library(self) -> Library:
        from ..rules import load_library

        return load_library(list(self.rules), include_default=not self.only_rules)

    def check_options(self) -> CheckOptions:
        from ..check import CheckOptions

        return CheckOptions(pdf_engine=self.pdf_engine, language=self.language,
                            report_language=self.report_language, policy=self.policy,
                            max_pages=self.max_pages, password=self.password, ocr=self.ocr,
                            ocr_timeout=self.ocr_timeout, model=self.model)
