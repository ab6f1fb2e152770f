"""The progress of a scan on stderr: a bar that follows bytes (the largest files are checked first)
on a terminal, one line per document otherwise; and the closing line. Pages are counted where a
document has them (PDF, a DOCX that records them), documents where it has not (TXT, Markdown)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from .results import RESULTS, ScanReport
from .summary import SUMMARY_CSV, SUMMARY_XLSX


def echo(message: str) -> None:
    click.echo(message, err=True)


class Display:
    """A :data:`~.results.Progress` callback that shows what a scan does."""

    def __init__(self, total: int, started: float) -> None:
        self.started = started
        self.n = self.pages = self.failed = 0
        self.total = total
        self.bar = None
        if sys.stderr.isatty():
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("scan"), BarColumn(), TextColumn("{task.fields[files]}"),
                                TextColumn("{task.fields[rate]}"), TextColumn("{task.fields[failed]}"),
                                TimeRemainingColumn(), transient=False)
            self.task = self.bar.add_task("scan", total=None, files="", rate="", failed="")
            self.bar.start()

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, event: str, obj: dict[str, Any] | None) -> None:
        if event == "planned":  # what is left to check (a resumed scan has done part of it)
            self.total = obj["files"]
            if self.bar is not None:
                self.bar.update(self.task, total=max(obj["bytes"], 1), files=f"0/{obj['files']} files")
            return
        self.n += 1
        doc = obj["document"]
        pages = doc.get("pages") or 0  # None: a format without pages (TXT, MD, a DOCX that does not record them)
        self.pages += pages
        if event == "failed":
            self.failed += 1
        elapsed = max(time.monotonic() - self.started, 1e-6)
        if self.bar is not None:
            rate = f"{rate_of(self.n, elapsed)} documents/s"
            if self.pages:
                rate += f", {rate_of(self.pages, elapsed)} pages/s"
            self.bar.update(self.task, advance=doc.get("bytes") or 0, files=f"{self.n}/{self.total} files",
                            rate=rate, failed=f"{self.failed} failed" if self.failed else "")
            if event == "failed":
                self.bar.console.print(f"failed: {doc['path']}: {obj['error']['message']}")
        elif event == "failed":
            echo(f"[{self.n}/{self.total}] failed {doc['path']}: {obj['error']['message']}")
        elif pages:
            by_ocr = len((doc.get("ocr") or {}).get("pages") or [])
            echo(f"[{self.n}/{self.total}] done {doc['path']} ({plural(pages, 'page')}"
                 f"{f', {by_ocr} read by OCR' if by_ocr else ''}, {rate_of(self.pages, elapsed)} pages/s)")
        else:
            echo(f"[{self.n}/{self.total}] done {doc['path']} ({rate_of(self.n, elapsed)} documents/s)")


def plural(n: int, word: str) -> str:
    """"1 page", "5 pages"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def rate_of(count: int, seconds: float) -> str:
    """A rate per second, to one decimal below 10 ("0.4", "12")."""
    rate = count / seconds
    return f"{rate:.1f}" if rate < 10 else f"{rate:.0f}"


def folder_docs(n: int) -> str:
    """"3 README, CHANGELOG and LICENSE files", "1 README, CHANGELOG or LICENSE file"."""
    return f"{n} README, CHANGELOG and LICENSE files" if n != 1 else "1 README, CHANGELOG or LICENSE file"


def pages_read(report: ScanReport) -> str:
    """" (45 pages)", " (45 pages in the 8 documents with pages)", or nothing when none had pages."""
    if not report.pages:
        return ""
    if report.paged == report.checked:
        return f" ({plural(report.pages, 'page')})"
    return f" ({plural(report.pages, 'page')} in the {plural(report.paged, 'document')} with pages)"


def closing_line(report: ScanReport, out: Path, elapsed: float) -> str:
    return (f"scanned {plural(report.checked + report.failed, 'file')} in {elapsed:.1f} s{pages_read(report)}"
            f"{f', {report.resumed} already done' if report.resumed else ''}"
            f"{f', {report.duplicates} duplicates skipped' if report.duplicates else ''}"
            f"{f', {folder_docs(report.skipped)} skipped' if report.skipped else ''}; "
            f"{report.failed_total} could not be read. Results: {out / RESULTS}, {out / SUMMARY_CSV}, "
            f"{out / SUMMARY_XLSX}")
