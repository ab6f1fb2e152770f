"""Batch scans of contract archives: ``ddcontract scan PATH... --out DIR``.

Files are found, hashed and deduplicated in the parent process; worker processes (each loading the
rule library once) check them and return only the result's JSON object, which the parent appends to
``DIR/results.jsonl`` as one line, flushed as soon as the document is done. A scan that is killed
leaves at most one incomplete last line, which ``--resume`` cuts off before it continues with the
documents whose content hash has no line yet. At the end, ``DIR/summary.csv`` and
``DIR/summary.xlsx`` are written from the JSON lines (atomically).
"""

from __future__ import annotations

import csv
import fnmatch
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DDContractError
from .ingest import SUFFIXES

RESULTS = "results.jsonl"
SUMMARY_CSV = "summary.csv"
SUMMARY_XLSX = "summary.xlsx"
HASH_CHUNK = 1 << 20


class ScanError(DDContractError):
    """The scan itself cannot run (bad output folder, unreadable results file)."""


@dataclass(slots=True)
class ScanFile:
    path: Path
    sha256: str
    size: int


@dataclass
class Inventory:
    files: list[ScanFile] = field(default_factory=list)
    duplicates: list[tuple[Path, Path]] = field(default_factory=list)  # (skipped, same content as)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)


def file_hash(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _matches(rel: str, patterns: list[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def walk(paths: Iterable[Path], include: list[str] | None = None, exclude: list[str] | None = None) -> Iterator[Path]:
    """Contract files under ``paths`` (PDF, DOCX, TXT, MD), in a stable order. ``include`` and
    ``exclude`` are globs matched against the path relative to the folder given, or the file name."""
    include, exclude = include or [], exclude or []
    for root in paths:
        if root.is_file():
            yield root
            continue
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in filenames:
                p = Path(dirpath) / name
                rel = p.relative_to(root).as_posix()
                if name.startswith(".") or p.suffix.lower() not in SUFFIXES:
                    if not (include and _matches(rel, include)):
                        continue
                if include and not _matches(rel, include):
                    continue
                if exclude and _matches(rel, exclude):
                    continue
                found.append(p)
        yield from sorted(found)


def inventory(paths: Iterable[Path], include: list[str] | None = None, exclude: list[str] | None = None) -> Inventory:
    inv = Inventory()
    seen: dict[str, Path] = {}
    for p in walk(paths, include, exclude):
        try:
            digest, size = file_hash(p)
        except OSError as exc:
            inv.unreadable.append((p, exc.strerror or str(exc)))
            continue
        if digest in seen:
            inv.duplicates.append((p, seen[digest]))
            continue
        seen[digest] = p
        inv.files.append(ScanFile(p, digest, size))
    return inv


# --------------------------------------------------------------------------- results file


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


# --------------------------------------------------------------------------- workers

_LIBRARY = None
_OPTIONS = None
_WORKER_OPTIONS: dict[str, Any] | None = None


def _init_worker(options: dict[str, Any]) -> None:
    global _LIBRARY, _OPTIONS
    from .check import CheckOptions
    from .policy import Policy
    from .rules import load_library

    _LIBRARY = load_library([Path(r) for r in options.get("rules") or []], include_default=not options.get("only_rules"))
    _OPTIONS = CheckOptions(pdf_engine=options.get("pdf_engine", "pdfium"), language=options.get("language"),
                            report_language=options.get("report_language"),
                            policy=Policy.model_validate(options.get("policy") or {}),
                            max_pages=options.get("max_pages"), password=options.get("password"))


def _init_pool_worker(options: dict[str, Any]) -> None:
    """A local scan worker: no cyclic collection while it loads the pipeline (see gcpolicy)."""
    from . import gcpolicy

    gcpolicy.hold()
    _init_worker(options)


def check_bytes(name: str, data: bytes, sha256: str, options: dict[str, Any]) -> dict[str, Any]:
    """Check a file sent as bytes (a Dask worker, which may not see the client's disk). The worker
    loads the library once per process and per options; the file goes to a private temporary
    folder under its own name, so format detection and messages are as in a local scan."""
    import tempfile

    global _WORKER_OPTIONS
    if _LIBRARY is None or _WORKER_OPTIONS != options:
        _init_worker(options)
        _WORKER_OPTIONS = options
    with tempfile.TemporaryDirectory(prefix="ddcontract-") as tmp:
        local = Path(tmp) / Path(name).name
        local.write_bytes(data)
        obj = check_one(str(local), sha256, len(data))
    obj["document"]["path"] = name
    return obj


def check_one(path: str, sha256: str, size: int) -> dict[str, Any]:
    """Check one file in a worker; the result's JSON object, or an error object. Never raises."""
    from .check import check_file
    from .ingest import detect_format

    doc = {"path": path, "sha256": sha256, "bytes": size}
    try:
        result = check_file(path, _LIBRARY, _OPTIONS).as_json()
        result["document"].update(doc)
        return result
    except DDContractError as exc:
        code, message = type(exc).__name__, getattr(exc, "cause", None) or exc.one_line()
    except MemoryError:
        code, message = "MemoryError", "the document is too large to process in memory"
    except Exception as exc:  # a library failing on a malformed file
        code, message = "UnreadableFile", f"cannot be read ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})"
    try:
        with open(path, "rb") as fh:
            doc["format"] = detect_format(Path(path), fh.read(8))
    except Exception:  # the format of a file that failed is only a hint
        doc["format"] = None
    return error_line(doc, code, message)


def error_line(document: dict[str, Any], code: str, message: str) -> dict[str, Any]:
    """The results line of a document that could not be checked."""
    return {"schema": "ddcontract/check/v1", "document": document, "error": {"code": code, "message": message}}


# --------------------------------------------------------------------------- summary


def summary_rows(results: Iterable[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """One row per document: path, language, pages, error, then each requirement's status and the
    key values (notice hours, cap amount and currency), then the raised flags."""
    from .catalogue import FLAGS, REQUIREMENTS

    header = ["path", "format", "language", "pages", "error"]
    for req in REQUIREMENTS:
        header.append(req.id)
        if req.id == "DD-8.1":
            header.append("DD-8.1 hours")
        if req.id == "DD-4.6":
            header += ["DD-4.6 amount", "DD-4.6 currency", "DD-4.6 formula"]
        if req.id == "DD-6.1":
            header += ["DD-6.1 amount", "DD-6.1 currency"]
    header += [f.id for f in FLAGS]
    rows = []
    for obj in results:
        doc = obj.get("document", {})
        err = obj.get("error")
        row: list[Any] = [doc.get("path"), doc.get("format"), doc.get("language"), doc.get("pages"),
                          f"{err['code']}: {err['message']}" if err else ""]
        by_id = {f["id"]: f for f in obj.get("requirements", [])}
        raised = {f["id"] for f in obj.get("flags", [])}
        for req in REQUIREMENTS:
            f = by_id.get(req.id, {})
            vals = f.get("values", {})
            row.append(f.get("status", ""))
            if req.id == "DD-8.1":
                row.append(vals.get("hours"))
            if req.id == "DD-4.6":
                row += [vals.get("amount"), vals.get("currency"), vals.get("formula")]
            if req.id == "DD-6.1":
                row += [vals.get("amount"), vals.get("currency")]
        row += [("yes" if f.id in raised else "") if not err else "" for f in FLAGS]
        rows.append(row)
    return header, rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula ("=HYPERLINK(…)" in a file name or a
    contract's text) gets a leading apostrophe, which spreadsheets show as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    from .office.output import write_atomic

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else neutralise_formula(v) for v in row])
    data = buf.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 CSV with a BOM correctly
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


Progress = Callable[[str, dict[str, Any] | None], None]


@dataclass
class ScanReport:
    checked: int = 0
    failed: int = 0
    resumed: int = 0
    pages: int = 0
    duplicates: int = 0
    failed_total: int = 0  # documents with an error in the results, earlier runs of a resumed scan included


def run_scan(inv: Inventory, out_dir: Path, options: dict[str, Any], workers: int, resume: bool,
             progress: Progress | None = None, scheduler: str | None = None) -> ScanReport:
    """Check every file of ``inv`` not already in ``out_dir/results.jsonl``; append each result as
    it finishes; then write the summary. ``progress(event, obj)`` is called once with "planned"
    ({"files", "bytes"}: what is left to check), then per document ("done" or "failed")."""
    from . import gcpolicy

    gcpolicy.release()  # this process only hands out files and writes results: collect as usual
    results_path = out_dir / RESULTS
    done = read_results(results_path, repair=True) if resume else {}
    report = ScanReport(duplicates=len(inv.duplicates))
    todo = [f for f in inv.files if f.sha256 not in done]
    report.resumed = len(inv.files) - len(todo)
    unreadable = [(path, why) for path, why in inv.unreadable if f"path:{path}" not in done]
    if progress:
        progress("planned", {"files": len(todo) + len(unreadable), "bytes": sum(f.size for f in todo)})
    writer = ResultWriter(results_path)
    try:
        for path, why in unreadable:  # found but not even hashable: recorded like any failure
            obj = error_line({"path": str(path), "sha256": None}, "InputError", f"cannot be read ({why})")
            writer.write(obj)
            report.failed += 1
            if progress:
                progress("failed", obj)
        if todo and scheduler:
            _execute_dask(todo, options, scheduler, writer, report, progress)
        elif todo:
            _execute(todo, options, workers, writer, report, progress)
    finally:
        writer.close()
    final = read_results(results_path)
    report.failed_total = sum(1 for obj in final.values() if "error" in obj)
    header, rows = summary_rows(sorted(final.values(), key=lambda o: o["document"].get("path") or ""))
    write_csv(out_dir / SUMMARY_CSV, header, rows)
    from .report.xlsx import write_xlsx

    write_xlsx(out_dir / SUMMARY_XLSX, header, rows)
    return report


def _record(obj: dict[str, Any], writer: ResultWriter, report: ScanReport, progress: Progress | None) -> None:
    writer.write(obj)
    if "error" in obj:
        report.failed += 1
    else:
        report.checked += 1
        report.pages += obj["document"].get("pages") or 0
    if progress:
        progress("failed" if "error" in obj else "done", obj)


def _execute(todo: list[ScanFile], options: dict[str, Any], workers: int, writer: ResultWriter,
             report: ScanReport, progress: Progress | None) -> None:
    """Run the checks in a process pool, a bounded number in flight so memory stays flat however
    large the archive. When a worker dies (killed, out of memory, a crash in a PDF library), the
    pool cannot tell which document did it: the documents it still held are checked again one at
    a time in a pool of their own, so only the culprit is recorded as failed, and a new pool takes
    the rest of the queue.

    The largest files go first (taken off the end of the queue), so that the last ones, which
    decide when the scan ends, are small and keep every worker busy to the end."""
    queue = sorted(todo, key=lambda f: (f.size, str(f.path)))
    first = True
    while queue:
        suspects = _run_pool(queue, options, workers, max(2, workers * 4), writer, report, progress,
                             _load_summary_writer if first else None)
        first = False
        for f in suspects:
            if _run_pool([f], options, 1, 1, writer, report, progress):
                _record(_error(f, "WorkerDied", "the worker process checking this file stopped (killed, out "
                               "of memory, or a crash while reading the file)"), writer, report, progress)


def _error(f: ScanFile, code: str, message: str) -> dict[str, Any]:
    return error_line({"path": str(f.path), "sha256": f.sha256, "bytes": f.size}, code, message)


def _load_summary_writer() -> None:
    """Import what writing the summary needs (openpyxl takes 0.15 s) while the workers start."""
    import openpyxl  # noqa: F401


def _run_pool(queue: list[ScanFile], options: dict[str, Any], workers: int, in_flight_max: int,
              writer: ResultWriter, report: ScanReport, progress: Progress | None,
              meanwhile: Callable[[], None] | None = None) -> list[ScanFile]:
    """Take files off the end of ``queue`` until it is empty or the pool breaks; return the files
    the broken pool still held (empty when it did not break). ``meanwhile`` runs once the first
    files are handed out."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    lost: list[ScanFile] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_pool_worker, initargs=(options,)) as pool:
        running: dict[Any, ScanFile] = {}
        while queue or running:
            while queue and len(running) < in_flight_max and not lost:
                f = queue.pop()
                running[pool.submit(check_one, str(f.path), f.sha256, f.size)] = f
            if meanwhile is not None:
                meanwhile()
                meanwhile = None
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                f = running.pop(fut)
                try:
                    obj = fut.result()
                except BrokenProcessPool:
                    lost.append(f)
                    continue
                _record(obj, writer, report, progress)
            if lost:
                # the other documents in flight: a result that came back before the pool broke is
                # kept; the rest went down with the pool
                for fut, f in running.items():
                    try:
                        obj = fut.result(timeout=0)
                    except Exception:
                        lost.append(f)
                        continue
                    _record(obj, writer, report, progress)
                break
    return lost


def _check_reachable(address: str) -> None:
    """Fail at once, not after the client's retries, when nothing listens at a tcp:// address."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or not parts.port:
        raise ScanError(f"{address}: not a scheduler address (expected tcp://HOST:PORT)")
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=10).close()
    except OSError as exc:
        raise ScanError(f"cannot reach the Dask scheduler at {address} ({exc.strerror or exc})") from None


def _execute_dask(todo: list[ScanFile], options: dict[str, Any], scheduler: str, writer: ResultWriter,
                  report: ScanReport, progress: Progress | None) -> None:
    """The same scan on a Dask distributed cluster: the client reads each file and sends its bytes
    (workers need not share a disk), a bounded number in flight; results come back to the client,
    which writes them exactly as a local scan does."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ScanError("--executor dask needs the optional extra: pip install 'ddcontract[dask]'") from None
    _check_reachable(scheduler)
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise ScanError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        in_flight_max = max(4, n_workers * 4)
        queue = list(reversed(todo))
        by_future: dict[Any, ScanFile] = {}

        def submit(f: ScanFile) -> Any:
            fut = client.submit(check_bytes, str(f.path), f.path.read_bytes(), f.sha256, options,
                                key=f"ddcontract-{f.sha256}", pure=False)
            by_future[fut] = f
            return fut

        started = []
        while queue and len(started) < in_flight_max:
            started.append(submit(queue.pop()))
        pool = as_completed(started)
        for fut in pool:
            f = by_future.pop(fut)
            try:
                obj = fut.result()
            except Exception as exc:  # the task or its worker failed
                obj = _error(f, "WorkerFailed", f"the Dask worker failed ({type(exc).__name__}: {exc})")
            _record(obj, writer, report, progress)
            fut.release()
            if queue:
                pool.add(submit(queue.pop()))
    finally:
        client.close()
