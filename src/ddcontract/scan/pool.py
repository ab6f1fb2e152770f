"""The local executor: the checks in a process pool, a bounded number in flight, with a worker that
dies costing only the document it was checking."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import WORKER_DIED
from . import worker
from .inventory import ScanFile
from .options import ScanOptions
from .results import Recorder, error_line


def file_error(f: ScanFile, code: str, message: str) -> dict[str, Any]:
    """The error line of a file that a worker did not return a result for."""
    return error_line({"path": str(f.path), "sha256": f.sha256, "bytes": f.size}, code, message)


def execute(todo: list[ScanFile], options: ScanOptions, workers: int, recorder: Recorder) -> None:
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
        suspects = _run_pool(queue, options, workers, max(2, workers * 4), recorder,
                             _load_summary_writer if first else None)
        first = False
        for f in suspects:
            if _run_pool([f], options, 1, 1, recorder):
                recorder.record(file_error(f, WORKER_DIED, "the worker process checking this file stopped "
                                           "(killed, out of memory, or a crash while reading the file)"))


def _load_summary_writer() -> None:
    """Import what writing the summary needs (openpyxl takes 0.15 s) while the workers start."""
    import openpyxl  # noqa: F401


def _run_pool(queue: list[ScanFile], options: ScanOptions, workers: int, in_flight_max: int,
              recorder: Recorder, meanwhile: Callable[[], None] | None = None) -> list[ScanFile]:
    """Take files off the end of ``queue`` until it is empty or the pool breaks; return the files
    the broken pool still held (empty when it did not break). ``meanwhile`` runs once the first
    files are handed out."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    lost: list[ScanFile] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=worker.init_pool_worker,
                             initargs=(options,)) as pool:
        running: dict[Any, ScanFile] = {}
        while queue or running:
            while queue and len(running) < in_flight_max and not lost:
                f = queue.pop()
                running[pool.submit(worker.check_one, str(f.path), f.sha256, f.size)] = f
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
                recorder.record(obj)
            if lost:
                # the other documents in flight: a result that came back before the pool broke is
                # kept; the rest went down with the pool
                for fut, f in running.items():
                    try:
                        obj = fut.result(timeout=0)
                    except Exception:
                        lost.append(f)
                        continue
                    recorder.record(obj)
                break
    return lost
