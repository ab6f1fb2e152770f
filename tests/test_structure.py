"""The shape of the code, kept as docs/architecture.md draws it: small modules and functions, the
requirement IDs written only in the requirements' home, the stages importing only downstream."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "ddcontract"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
_ID = re.compile(r"\b(?:DD|WF|Q)-\d")


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_no_module_is_over_500_lines():
    long = {str(p.relative_to(SRC)): n for p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines()))
            > MAX_MODULE_LINES}
    assert not long, long


def test_no_function_is_over_80_lines():
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                if node.end_lineno - start + 1 > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({node.end_lineno - start + 1})")
    assert not long, long


def test_requirement_ids_are_written_in_the_requirements_home_only():
    home = SRC / "requirements"
    found = [f"{p.relative_to(SRC)}:{i}: {line.strip()}" for p in _modules() if home not in p.parents
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if _ID.search(line)]
    assert not found, found


def test_the_requirements_home_does_not_reach_into_later_stages():
    """Families declare; they do not import the wording, the reports, the scan or the CLI."""
    later = {"wording", "report", "scan", "cli", "check", "decide", "office", "generate"}
    for path in (SRC / "requirements").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level >= 2 and node.module:
                assert node.module.split(".")[0] not in later, f"{path.name} imports {node.module}"
