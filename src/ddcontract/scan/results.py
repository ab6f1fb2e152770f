"""``DIR/results.jsonl``: one JSON line per document, appended as each is done, read back to resume a
scan and to write the summaries; and the tally of what a scan did."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ScanError

RESULTS = "results.jsonl"
SCHEMA = "ddcontract/check/v1"

Progress = Callable[[str, dict[str, Any] | None], None]


def read_results(path: Path, repair: bool = False) -> dict[str, dict[str, Any]]:
    """The results already in ``results.jsonl``, by content hash. With ``repair``, an incomplete or
    invalid last line (a scan killed while writing) is cut off the file."""
    done: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return done
    data = path.read_bytes()
    good_end = 0
    pos = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        if nl < 0:
            break  # no newline: the last line was cut off
        line = data[pos:nl]
        try:
            obj = json.loads(line)
            digest = obj["document"]["sha256"] or "path:" + obj["document"]["path"]
        except (ValueError, KeyError, TypeError):
            if nl + 1 < len(data):
                line_no = data.count(b"\n", 0, pos) + 1
                raise ScanError(f"{path}: line {line_no} is not a result line; "
                                "is this a ddcontract results file?") from None
            break
        done[digest] = obj
        pos = good_end = nl + 1
    if repair and good_end < len(data):
        with path.open("r+b") as fh:
            fh.truncate(good_end)
    return done


class ResultWriter:
    """Appends one JSON line per document; each line goes out in one write and is flushed."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, obj: dict[str, Any]) -> None:
        line = (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        view = memoryview(line)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        os.fsync(self.fd)

    def close(self) -> None:
        os.close(self.fd)


def error_line(document: dict[str, Any], code: str, message: str) -> dict[str, Any]:
    """The results line of a document that could not be checked (``code``: see :mod:`ddcontract.errors`)."""
    return {"schema": SCHEMA, "document": document, "error": {"code": code, "message": message}}


@dataclass
class ScanReport:
    checked: int = 0
    failed: int = 0
    resumed: int = 0
    pages: int = 0
    paged: int = 0  # checked documents with pages (TXT and Markdown have none, a DOCX may not record them)
    duplicates: int = 0
    skipped: int = 0  # README, CHANGELOG and LICENSE files not checked
    failed_total: int = 0  # documents with an error in the results, earlier runs of a resumed scan included


@dataclass
class Recorder:
    """Where each document's line goes: the results file, the tally and the progress callback."""

    writer: ResultWriter
    report: ScanReport
    progress: Progress | None = None

    def record(self, obj: dict[str, Any]) -> None:
        self.writer.write(obj)
        if "error" in obj:
            self.report.failed += 1
        else:
            self.report.checked += 1
            pages = obj["document"].get("pages") or 0
            self.report.pages += pages
            self.report.paged += 1 if pages else 0
        if self.progress:
            self.progress("failed" if "error" in obj else "done", obj)
