"""One base error; the CLI turns every subclass into one line on stderr and exit code 2.

Every error has a stable ``code``: ``ddcontract scan`` writes it into ``results.jsonl`` (and the
summary's ``error`` column) for a document it could not check, so programs may rely on it. A code
is written here, not taken from the class name: renaming a class or raising a subclass of it does
not change the output. The codes:

================  =========================================================================
``InputError``     the document cannot be read: wrong type, corrupt, encrypted, scanned, too long
``MemoryError``    the document is too large to process in memory (:data:`MEMORY_ERROR`)
``UnreadableFile`` a library failed on a malformed file (:data:`UNREADABLE_FILE`)
``WorkerDied``     the worker process checking the file stopped: killed, out of memory, a crash
                   in a PDF library (:data:`WORKER_DIED`)
``WorkerFailed``   the Dask task or its worker failed (:data:`WORKER_FAILED`)
``RuleError``      a clause-library file is invalid
``PolicyError``    a policy file is invalid
``DealError``      a deal data file is invalid
``TemplateError``  a DOCX template cannot be found, read or rendered
``OutputError``    an output file cannot be written
``ScanError``      the scan itself cannot run (bad output folder, unreadable results file)
================  =========================================================================
"""

from __future__ import annotations

# the codes of failures that are not a DDContractError
MEMORY_ERROR = "MemoryError"
UNREADABLE_FILE = "UnreadableFile"
WORKER_DIED = "WorkerDied"
WORKER_FAILED = "WorkerFailed"

TOO_LARGE = "the document is too large to process in memory"


class DDContractError(Exception):
    """Base class of the errors ddcontract reports to the user (exit code 2)."""

    code = "DDContractError"

    def one_line(self) -> str:
        return " ".join(str(self).split())


class InputError(DDContractError):
    """A document cannot be read: wrong type, corrupt, encrypted, scanned, too large."""

    code = "InputError"

    def __init__(self, path: str, cause: str) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{path}: {cause}")


class RuleError(DDContractError):
    """A clause-library file is invalid. Names the file, the rule and the field."""

    code = "RuleError"

    def __init__(self, file: str, rule: str | None, field: str | None, problem: str) -> None:
        self.file, self.rule, self.field, self.problem = file, rule, field, problem
        where = file
        if rule:
            where += f": rule {rule!r}"
        if field:
            where += f": field {field!r}"
        super().__init__(f"{where}: {problem}")


class PolicyError(DDContractError):
    """A policy file is invalid."""

    code = "PolicyError"

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


class ScanError(DDContractError):
    """The scan itself cannot run (bad output folder, unreadable results file)."""

    code = "ScanError"


def failure(exc: Exception) -> tuple[str, str]:
    """The code and message of a document's check that raised ``exc``: a ddcontract error's own (its
    cause, without the path), or for a library failing on a malformed file "cannot be read
    (ExcType: message)", the exception's type and first 160 characters kept for the bug report."""
    if isinstance(exc, DDContractError):
        return exc.code, getattr(exc, "cause", None) or exc.one_line()
    if isinstance(exc, MemoryError):
        return MEMORY_ERROR, TOO_LARGE
    return UNREADABLE_FILE, f"cannot be read ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})"
