"""A scan from start to end: :func:`scan` as the command runs it (the output folder, ``--resume``
and ``--force``, the progress and the closing line), :func:`run_scan` for the checking itself."""

from __future__ import annotations

import os
import time
from pathlib import Path

from ..errors import InputError, ScanError
from .display import Display, closing_line, echo, folder_docs
from .inventory import Inventory, inventory
from .options import ScanOptions
from .results import RESULTS, Progress, Recorder, ResultWriter, ScanReport, error_line, read_results
from .summary import write_summaries

INTERRUPTED = 130  # the exit code of a scan stopped with Ctrl-C


def scan(paths: list[Path], out: Path, options: ScanOptions, *, workers: int = 0,
         include: list[str] | None = None, exclude: list[str] | None = None, resume: bool = False,
         force: bool = False, scheduler: str | None = None, include_readme: bool = False) -> int:
    """Check every contract under ``paths`` into ``out``, showing the progress on stderr. The exit
    code: 0 all read, 1 some files could not be read, 130 interrupted; a ScanError when the scan
    cannot run. A folder's README, CHANGELOG and LICENSE files are skipped unless ``include_readme``."""
    for p in paths:
        if not p.exists():
            raise ScanError(f"{p}: no such file or folder")
    results = prepare_output(out, resume, force)
    inv = inventory(paths, include, exclude, include_readme)
    if inv.skipped:
        echo(f"skipped {folder_docs(len(inv.skipped))} (--include-readme checks {'it' if len(inv.skipped) == 1 else 'them'})")
    for dup, first in inv.duplicates:
        echo(f"skipped duplicate: {dup} (same content as {first})")
    started = time.monotonic()
    display = Display(len(inv.files) + len(inv.unreadable), started)
    try:
        report = run_scan(inv, out, options, workers or os.cpu_count() or 1, resume, display, scheduler=scheduler)
    except KeyboardInterrupt:
        echo(f"interrupted: the results so far are in {results}; continue with --resume")
        return INTERRUPTED
    finally:
        display.stop()
    echo(closing_line(report, out, time.monotonic() - started))
    return 1 if report.failed_total else 0


def prepare_output(out: Path, resume: bool, force: bool) -> Path:
    """The output folder made, and its results file: kept with ``resume``, removed with ``force``,
    refused when it holds results and neither is given."""
    if out.exists() and not out.is_dir():
        raise ScanError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    results = out / RESULTS
    if results.exists() and results.stat().st_size and not (resume or force):
        raise ScanError(f"{results}: a scan is already there (use --resume to continue it or --force to start over)")
    if force and not resume and results.exists():
        results.unlink()
    return results


def run_scan(inv: Inventory, out_dir: Path, options: ScanOptions, workers: int, resume: bool,
             progress: Progress | None = None, scheduler: str | None = None) -> ScanReport:
    """Check every file of ``inv`` not already in ``out_dir/results.jsonl``; append each result as
    it finishes; then write the summary. ``progress(event, obj)`` is called once with "planned"
    ({"files", "bytes"}: what is left to check), then per document ("done" or "failed")."""
    from .. import gcpolicy

    gcpolicy.release()  # this process only hands out files and writes results: collect as usual
    results_path = out_dir / RESULTS
    done = read_results(results_path, repair=True) if resume else {}
    report = ScanReport(duplicates=len(inv.duplicates), skipped=len(inv.skipped))
    todo = [f for f in inv.files if f.sha256 not in done]
    report.resumed = len(inv.files) - len(todo)
    unreadable = [(path, why) for path, why in inv.unreadable if f"path:{path}" not in done]
    if progress:
        progress("planned", {"files": len(todo) + len(unreadable), "bytes": sum(f.size for f in todo)})
    recorder = Recorder(ResultWriter(results_path), report, progress)
    try:
        for path, why in unreadable:  # found but not even hashable: recorded like any failure
            recorder.record(error_line({"path": str(path), "sha256": None}, InputError.code, f"cannot be read ({why})"))
        if todo and scheduler:
            from . import cluster

            cluster.execute(todo, options, scheduler, recorder)
        elif todo:
            from . import pool

            pool.execute(todo, options, workers, recorder)
    finally:
        recorder.writer.close()
    final = read_results(results_path)
    report.failed_total = sum(1 for obj in final.values() if "error" in obj)
    write_summaries(out_dir, final.values())
    return report
