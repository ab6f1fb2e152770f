"""The Dask executor: the same scan on a Dask distributed cluster (``--executor dask``)."""

from __future__ import annotations

from typing import Any

from ..errors import WORKER_FAILED, ScanError
from .inventory import ScanFile
from .options import ScanOptions
from .pool import file_error
from .results import Recorder
from .worker import check_bytes


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


def execute(todo: list[ScanFile], options: ScanOptions, scheduler: str, recorder: Recorder) -> None:
    """The client reads each file and sends its bytes (workers need not share a disk), a bounded
    number in flight; results come back to the client, which writes them exactly as a local scan
    does. The options go to the workers as they are (a pickled :class:`ScanOptions`)."""
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
                obj = file_error(f, WORKER_FAILED, f"the Dask worker failed ({type(exc).__name__}: {exc})")
            recorder.record(obj)
            fut.release()
            if queue:
                pool.add(submit(queue.pop()))
    finally:
        client.close()
