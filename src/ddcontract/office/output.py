"""Output files written atomically: to a temporary file beside the target, then renamed, so a failed
write leaves nothing behind and never a half-written file. Used by every writer (generated DOCX and
PDF, gap report, scan summaries, ``init``) and by the caches (compiled patterns, Danish lemmas).

The file ends with the permissions a plain write would have given it: a new file 0666 less the
umask (and whatever a folder's default ACL adds: the temporary file is created the way ``open``
creates one, not with ``mkstemp``'s private 0600), a replaced file its old mode."""

from __future__ import annotations

import os
import secrets
import stat
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
    """Call ``write(tmp_path)`` and rename the result onto ``out``; nothing is left on failure. The
    result has the mode a plain write would have had (see the module's docs)."""
    tmp, mode = _create_temporary(out)
    try:
        write(tmp)
        try:
            mode = stat.S_IMODE(os.stat(out).st_mode)  # a replaced file keeps its mode
        except (FileNotFoundError, NotADirectoryError):
            pass
        os.chmod(tmp, mode)  # also when ``write`` replaced the file rather than writing into it
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _create_temporary(out: Path) -> tuple[Path, int]:
    """A new empty file beside ``out``, created as ``open(..., "w")`` would create ``out`` (mode 0666
    less the umask), and that mode."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        tmp = out.parent / f".{out.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        try:
            return tmp, stat.S_IMODE(os.fstat(fd).st_mode)
        finally:
            os.close(fd)
    raise FileExistsError(f"no unused temporary file name beside {out}")
