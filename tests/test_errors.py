"""Error codes are written, not derived from class names: ``scan`` writes them into results.jsonl,
so renaming a class or raising a subclass must not change them. And the message of a document a
library fails on is built once, for ``check`` and ``scan`` alike."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import ddcontract
from ddcontract import errors
from ddcontract.cli import app
from ddcontract.errors import DDContractError, InputError, failure

from conftest import SAMPLES

# today's codes: each was the class name when the codes were introduced, and stays
CODES = {
    "DDContractError": "DDContractError", "InputError": "InputError", "RuleError": "RuleError",
    "PolicyError": "PolicyError", "DealError": "DealError", "TemplateError": "TemplateError",
    "OutputError": "OutputError", "ScanError": "ScanError",
    "DataFileError": "DataFileError", "AnswersError": "AnswersError", "QuestionnaireError": "QuestionnaireError",
    "RiskProfileError": "RiskProfileError", "FindingsError": "FindingsError", "DecisionError": "DecisionError",
}


def _all_subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_all_subclasses(sub)]
    return out


def test_every_error_class_of_the_package_writes_its_own_code():
    for mod in pkgutil.walk_packages(ddcontract.__path__, "ddcontract."):
        if not mod.name.endswith("__main__"):
            importlib.import_module(mod.name)
    classes = [c for c in [DDContractError, *_all_subclasses(DDContractError)] if c.__module__.startswith("ddcontract.")]
    assert {c.__name__: c.__dict__.get("code") for c in classes} == CODES


def test_the_other_failures_have_named_codes():
    assert (errors.MEMORY_ERROR, errors.UNREADABLE_FILE, errors.WORKER_DIED, errors.WORKER_FAILED) == (
        "MemoryError", "UnreadableFile", "WorkerDied", "WorkerFailed")


def test_a_renamed_or_subclassed_error_keeps_its_code(tmp_path, monkeypatch):
    """The scan's results line carries the code of the error, whatever the class is called."""
    import ddcontract.check
    from ddcontract.scan import worker

    class EncryptedPdfError(InputError):  # a subclass a later change might add
        pass

    Renamed = type("DocumentUnreadable", (InputError,), {})  # or InputError renamed

    for cls in (EncryptedPdfError, Renamed):
        def fail(path, library, options, cls=cls):
            raise cls(str(path), "the document is encrypted")

        monkeypatch.setattr(ddcontract.check, "check_file", fail)
        obj = worker.check_one(str(SAMPLES / "dpa.pdf"), "0" * 64, 1)
        assert obj["error"] == {"code": "InputError", "message": "the document is encrypted"}
        assert obj["document"]["format"] == "pdf"


@pytest.mark.parametrize("exc, code, message", [
    (MemoryError(), "MemoryError", "the document is too large to process in memory"),
    (RuntimeError("broken\n   xref  table"), "UnreadableFile", "cannot be read (RuntimeError: broken xref table)"),
    (ValueError("x" * 300), "UnreadableFile", f"cannot be read (ValueError: {'x' * 160})"),
    (InputError("a.pdf", "the file is empty"), "InputError", "the file is empty"),
])
def test_failure_gives_code_and_message(exc, code, message):
    assert failure(exc) == (code, message)


def test_check_and_scan_word_a_library_failure_alike(runner, tmp_path, monkeypatch):
    import ddcontract.check
    from ddcontract.scan import worker

    def fail(path, library, options):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(ddcontract.check, "check_file", fail)
    path = SAMPLES / "dpa.pdf"
    run = runner.invoke(app, ["check", str(path)])
    assert run.exit_code == 2
    assert run.stderr == f"ddcontract: error: {path}: cannot be read (ZeroDivisionError: division by zero)\n"
    obj = worker.check_one(str(path), "0" * 64, 1)
    assert obj["error"] == {"code": "UnreadableFile", "message": "cannot be read (ZeroDivisionError: division by zero)"}
