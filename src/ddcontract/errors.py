"""One base error; the CLI turns every subclass into one line on stderr and exit code 2."""

from __future__ import annotations


class DDContractError(Exception):
    """Base class of the errors ddcontract reports to the user (exit code 2)."""

    def one_line(self) -> str:
        return " ".join(str(self).split())


class InputError(DDContractError):
    """A document cannot be read: wrong type, corrupt, encrypted, scanned, too large."""

    def __init__(self, path: str, cause: str) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{path}: {cause}")


class RuleError(DDContractError):
    """A clause-library file is invalid. Names the file, the rule and the field."""

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

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
