"""The command line's OCR options (``--ocr``, ``--ocr-timeout`` on ``check`` and ``scan``), kept
apart from ``cli.py``: the options, and the check that OCR asked for can run."""

from __future__ import annotations

from enum import Enum
from typing import Any

import typer

from .clihelp import at_least

OcrMode = Enum("OcrMode", {s: s for s in ("auto", "always", "never")}, type=str)

OCR_OPTION = typer.Option(None, "--ocr", show_default=False,
                          help="Read scanned PDF pages by OCR (Tesseract): auto (pages without a text layer; the "
                               "default when Tesseract is installed), always (every page), never.")
OCR_TIMEOUT_OPTION = typer.Option(60.0, "--ocr-timeout", metavar="SECONDS", callback=at_least(0),
                                  help="OCR time a page may take; a page over it is left out and named "
                                       "(0: no limit).")


def ocr_options(ocr: Any, timeout: float) -> dict[str, Any]:
    """``--ocr`` and ``--ocr-timeout`` as the check's options take them. Exit code 2, one line, when
    OCR is asked for (auto or always) and no engine is installed."""
    mode = ocr.value if ocr is not None else None
    if mode in ("auto", "always"):
        from .ingest.ocr import INSTALL, unavailable

        why = unavailable()
        if why is not None:
            typer.echo(f"ddcontract: error: --ocr {mode}: {why}; {INSTALL}", err=True)
            raise typer.Exit(2)
    return {"ocr": mode, "ocr_timeout": timeout}
