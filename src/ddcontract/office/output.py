"""Output files written atomically: to a temporary file beside the target, then renamed, so a failed
write leaves nothing behind and never a half-written file. Used by every writer (generated DOCX,
gap report, scan summaries, ``init``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import DDContractError


class OutputError(DDContractError):
    """An output file cannot be written."""

    code = "OutputError"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


def check_writable(out: Path, force: bool) -> None:
    if out.exists() and not force:
        raise OutputError(str(out), "already exists (use --force to overwrite it)")
    if out.exists() and out.is_dir():
        raise OutputError(str(out), "is a directory")
    if not out.parent.exists():
        raise OutputError(str(out), f"the folder {out.parent} does not exist")


def write_atomic(out: Path, write) -> None:
    """Call ``write(tmp_path)`` and rename the result onto ``out``; nothing is left on failure."""
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
