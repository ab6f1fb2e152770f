"""What runs in a worker process: the rule library and the check's options, loaded once per process,
and the check of one file, which never raises (a failure is the document's error line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import failure
from .options import ScanOptions
from .results import error_line

_LIBRARY = None
_OPTIONS = None
_WORKER_OPTIONS: ScanOptions | None = None


def _init_worker(options: ScanOptions) -> None:
    global _LIBRARY, _OPTIONS
    _LIBRARY = options.library()
    _OPTIONS = options.check_options()


def init_pool_worker(options: ScanOptions) -> None:
    """A local scan worker: no cyclic collection while it loads the pipeline (see gcpolicy)."""
    from .. import gcpolicy

    gcpolicy.hold()
    _init_worker(options)


def check_bytes(name: str, data: bytes, sha256: str, options: ScanOptions) -> dict[str, Any]:
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
    from ..check import check_file
    from ..ingest import detect_format

    doc = {"path": path, "sha256": sha256, "bytes": size}
    try:
        result = check_file(path, _LIBRARY, _OPTIONS).as_json()
        result["document"].update(doc)
        return result
    except Exception as exc:  # a ddcontract error, or a library failing on a malformed file
        code, message = failure(exc)
    try:
        with open(path, "rb") as fh:
            doc["format"] = detect_format(Path(path), fh.read(8))
    except Exception:  # the format of a file that failed is only a hint
        doc["format"] = None
    return error_line(doc, code, message)
