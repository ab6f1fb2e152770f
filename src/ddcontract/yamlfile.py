"""The YAML files a user hands the command line (``--policy``, ``--rules``): read safely, and every
problem placed on its line.

:func:`read_yaml` gives the file's text and data, or a :class:`YamlProblem` — the file cannot be
read, is not UTF-8 text, is not valid YAML, or holds a value YAML itself cannot build (a date such
as ``2026-13-01``) — with the line where that is known. :func:`line_of` finds the line of a field
(a path of keys and list indexes, as pydantic reports it) in the composed document, so a loader can
say each invalid value's line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import yaml

MAX_BYTES = 5_000_000  # a policy is a few lines; the bundled rule files are under 100 kB each


class YamlProblem(Exception):
    """Why a YAML file cannot be read, and the line (1-based) where known."""

    def __init__(self, cause: str, line: int | None = None) -> None:
        super().__init__(cause)
        self.cause, self.line = cause, line


def read_text(path: Path, max_bytes: int = MAX_BYTES, kind: str = "YAML file", missing: str = "") -> str:
    """The text of the file ``path`` (UTF-8, at most ``max_bytes``); a :class:`YamlProblem` naming the
    cause when it cannot be read. ``kind`` names what the file should be ("deal data file"), ``missing``
    is a hint for a file that is not there."""
    try:
        if path.is_dir():
            raise YamlProblem(f"is a directory, not a {kind}")
        if path.stat().st_size > max_bytes:
            size = f"{max_bytes // 1_000_000} MB" if max_bytes >= 1_000_000 else f"{max_bytes // 1000} kB"
            raise YamlProblem(f"larger than {size}; is this the right {kind}?")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise YamlProblem(f"no such file{missing}") from None
    except OSError as exc:
        raise YamlProblem(f"cannot be read ({exc.strerror})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlProblem("not UTF-8 text", raw[:exc.start].count(b"\n") + 1) from None


def read_yaml(path: Path, loader: Any = yaml.SafeLoader, max_bytes: int = MAX_BYTES) -> tuple[str, Any]:
    """The text and data of the YAML file ``path``; a :class:`YamlProblem` when it cannot be read."""
    text = read_text(path, max_bytes)
    try:
        return text, yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader, always)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "cannot be parsed"
        raise YamlProblem(f"not valid YAML: {problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"not valid YAML: {exc}") from None
    except (ValueError, TypeError, OverflowError) as exc:  # a scalar YAML resolves but cannot build
        line, value = _unbuildable(text, loader)
        what = f" {value!r}" if value is not None else ""
        raise YamlProblem(f"not a valid value{what} ({exc})", line) from None


def _unbuildable(text: str, loader: Any) -> tuple[int | None, str | None]:
    """The line and text of the first scalar the loader cannot build (e.g. the date 2026-13-01)."""
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None, None
    builder = yaml.SafeLoader("")
    for node in _scalars(root):
        try:
            builder.construct_object(node, deep=True)
        except Exception:  # noqa: BLE001 (whatever the constructor raises: this is the value)
            return node.start_mark.line + 1, node.value
    return None, None


def _scalars(node: yaml.Node | None) -> Iterable[yaml.ScalarNode]:
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, yaml.ScalarNode):
            yield n
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(reversed(n.value))
        elif isinstance(n, yaml.MappingNode):
            stack.extend(x for pair in reversed(n.value) for x in reversed(pair))


def compose(text: str, loader: Any = yaml.SafeLoader) -> yaml.Node | None:
    """The document's node tree (for :func:`line_of`); None when there is none."""
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None


def line_of(root: yaml.Node | None, loc: Iterable[Any]) -> int | None:
    """The line of the field at ``loc`` (the line of its key, or of a list item's start); for a field
    that is not there, the line of the deepest part of ``loc`` that is (line 1 for the top)."""
    line = 1 if root is not None else None
    node = root
    for key in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                    child, line = v, k.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            child = node.value[key]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


def field_loc(field: str) -> tuple[Any, ...]:
    """``"languages.en.patterns[1]"`` as the path ``("languages", "en", "patterns", 1)``."""
    loc: list[Any] = []
    for part in field.replace("[", ".[").split("."):
        if part.startswith("[") and part.endswith("]") and part[1:-1].isdigit():
            loc.append(int(part[1:-1]))
        elif part.isdigit():
            loc.append(int(part))
        elif part:
            loc.append(part)
    return tuple(loc)
