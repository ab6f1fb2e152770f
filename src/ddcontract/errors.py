"""One base error; the CLI turns every subclass into one line on stderr and exit code 2.

Every error has a stable ``code``: ``ddcontract scan`` writes it into ``results.jsonl`` (and the
summary's ``error`` column) for a document it could not check, so programs may rely on it. A code
is written here, not taken from the class name: renaming a class or raising a subclass of it does
not change the output. The codes:

========================  =========================================================================
``InputError``            the document cannot be read: wrong type, corrupt, encrypted, scanned, too long, or in a
                          language ddcontract does not read (Norwegian, German …)
``MemoryError``           the document is too large to process in memory (:data:`MEMORY_ERROR`)
``UnreadableFile``        a library failed on a malformed file (:data:`UNREADABLE_FILE`)
``WorkerDied``            the worker process checking the file stopped: killed, out of memory, a crash
                          in a PDF library (:data:`WORKER_DIED`)
``WorkerFailed``          the Dask task or its worker failed (:data:`WORKER_FAILED`)
``RuleError``             a clause-library file is invalid
``PolicyError``           a policy file is invalid
``DealError``             a deal data file is invalid
``AnswersError``          a customer's answers file (YAML or workbook) is invalid or cannot be read
``QuestionnaireError``    the questionnaire file is invalid
``RiskProfileError``      a risk profile file is invalid
``FindingsError``         the rules of the answers' findings and flags are invalid (``assess run --findings``)
``DecisionError``         the recommendation rules are invalid (``assess run --decision``)
``DataFileError``         an assessment data file is invalid (the base of the five above)
``TemplateError``         a DOCX template cannot be found, read or rendered
``OutputError``           an output file cannot be written
``ScanError``             the scan itself cannot run (bad output folder, unreadable results file)
========================  =========================================================================
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

    def lines(self) -> list[str]:
        """The error as the command line prints it: one line, or one per problem."""
        return [self.one_line()]


def problem_line(path: str, line: int | None, text: str) -> str:
    """One problem of a file as one line: ``path:line: text`` (``path: text`` when the line is unknown)."""
    return " ".join((f"{path}:{line}: {text}" if line else f"{path}: {text}").split())


class FileProblems:
    """For an error about a file the user wrote (policy, deal data) that holds problems, each a text
    with its line where known: the error class lists them, one line each (mixed in before
    :class:`DDContractError`)."""

    path: str
    problems: list[tuple[int | None, str]]

    def __init__(self, path: str, problems: list[tuple[int | None, str]], message: str) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__(message)  # type: ignore[call-arg]

    def lines(self) -> list[str]:
        return [problem_line(self.path, line, text) for line, text in self.problems]


class InputError(DDContractError):
    """A document cannot be read: wrong type, corrupt, encrypted, scanned, too large."""

    code = "InputError"

    def __init__(self, path: str, cause: str) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{path}: {cause}")


class RuleError(DDContractError):
    """A clause-library file is invalid. Names the file, the line where known, the rule and the
    field; the attributes are the first problem's, ``more`` the file's other problems (RuleErrors),
    and :meth:`lines` lists them all, one line each."""

    code = "RuleError"

    def __init__(self, file: str, rule: str | None, field: str | None, problem: str, line: int | None = None,
                 more: tuple[RuleError, ...] = ()) -> None:
        self.file, self.rule, self.field, self.problem, self.line = file, rule, field, problem, line
        self.more = tuple(more)
        super().__init__(self.first_line() + (f" (and {len(self.more)} more problems)" if self.more else ""))

    def first_line(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.rule:
            where += f": rule {self.rule!r}"
        if self.field:
            where += f": field {self.field!r}"
        return " ".join(f"{where}: {self.problem}".split())

    def lines(self) -> list[str]:
        return [self.first_line(), *(m.first_line() for m in self.more)]


class PolicyError(FileProblems, DDContractError):
    """A policy file is invalid: every problem, each with its line where known (:meth:`lines`)."""

    code = "PolicyError"

    def __init__(self, path: str, problem: str | list[tuple[int | None, str]], line: int | None = None) -> None:
        problems = [(line, problem)] if isinstance(problem, str) else list(problem)
        first = problem_line(path, *problems[0])
        more = len(problems) - 1
        super().__init__(path, problems, first + (f" (and {more} more problems)" if more else ""))


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
