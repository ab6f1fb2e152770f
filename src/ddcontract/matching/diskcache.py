"""The on-disk cache of compiled patterns: a rule file whose exact bytes were compiled before, by
this compiler, brings its compiled patterns from the cache folder, so a new process does not compile
them again (see :func:`ddcontract.rules.load_file`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cachedir import cache_dir
from ..errors import RuleError
from .compiler import Compiled, PatternError
from .compiler import compile_pattern as _compile
from .engine import Kind, Op, PatternToken

if TYPE_CHECKING:
    from ..rules import Rule

# patterns compiled in an earlier run, read back from the cache with their rule file
_PRECOMPILED: dict[tuple[str, str], Compiled] = {}


def compiled_pattern(pattern: str, lang: str) -> Compiled:
    """One pattern string (its word lists written out) as the engine's token sequences: from the
    disk cache when its rule file brought it, else from the compiler (:mod:`.compiler`).

    Loading the library validates every pattern and matching compiles them again: the compiler's
    memo makes the second time free. A rule file whose exact bytes were compiled before brings its
    compiled patterns from the disk cache, so a new process does not compile them again."""
    got = _PRECOMPILED.get((pattern, lang))
    return got if got is not None else _compile(pattern, lang)


def validate_patterns(rules: list[Rule], text: str, path: Path) -> None:
    """Compile every pattern of a rule file's ``rules`` (read from ``text``) once, to prove them valid,
    unless the cache holds this file's compiled patterns; then they are read from there."""
    marker = _validated_marker(text, path)
    if marker is not None and _read_compiled(marker):
        return
    compiled = compile_patterns(rules, path)
    if marker is not None:
        _write_compiled(marker, compiled)


def _validated_marker(text: str, path: Path) -> Path | None:
    """The cache file saying these exact rule-file bytes passed pattern validation with this
    pattern compiler and these spaCy and lookup tables, and holding the compiled patterns; None when
    there is no usable cache folder."""
    import hashlib

    compiler = _compiler_digest()
    if compiler is None:
        return None
    key = hashlib.sha256(text.encode("utf-8") + compiler).hexdigest()[:24]
    return cache_dir() / "validated" / f"{path.stem}-{key}.json"


@lru_cache(maxsize=1)
def _compiler_digest() -> bytes | None:
    """The pattern compiler's identity, read once per process: the sources of the matching package
    (compiler, engine, lemmatiser …), of the rule loader and of the currency words (``amounts.py``), ddcontract's version, and the versions of spaCy (its tokenizer splits pattern words) and of the lookup tables (they give
    the lemmas), read from their about.py files without importing them."""
    import hashlib
    import importlib.util

    from .. import __version__

    try:
        here = Path(__file__).parent
        # amounts.py holds the words a pattern's <CUR> stands for
        sources = [here.parent / "rules.py", here.parent / "amounts.py", *sorted(here.glob("*.py"))]
        parts = [*(p.read_bytes() for p in sources), __version__.encode()]
        for package in ("spacy", "spacy_lookups_data"):
            spec = importlib.util.find_spec(package)
            if spec is not None and spec.origin:
                parts.append(Path(spec.origin).with_name("about.py").read_bytes())
    except (OSError, ImportError, ValueError):
        return None
    return hashlib.sha256(b"\0".join(parts)).digest()


def _encode(compiled: dict[str, dict[str, Compiled]]) -> dict[str, Any]:
    """Compiled patterns as JSON data. A rule file's patterns share most of their tokens, so each
    distinct token is written once, in ``tokens`` (``[kind, values, op, gap]``, with the names of the
    kind and the operator), and a pattern is its sequences of token numbers: the file stays small and
    reading it makes each token object once."""
    numbers: dict[PatternToken, int] = {}
    patterns = {lang: {pattern: [[numbers.setdefault(tok, len(numbers)) for tok in seq] for seq in c]
                       for pattern, c in by_pattern.items()} for lang, by_pattern in compiled.items()}
    tokens = [[tok.kind.name, list(tok.values), tok.op.name, tok.gap] for tok in numbers]
    return {"compiled": patterns, "tokens": tokens}


def _decode(data: dict[str, Any]) -> dict[tuple[str, str], Compiled]:
    """:func:`_encode` undone, by (pattern, language); a KeyError, TypeError, ValueError or IndexError
    for data that is not its output."""
    tokens = []
    for kind, values, op, gap in data["tokens"]:
        if not (isinstance(values, list) and all(isinstance(v, str) for v in values) and type(gap) is int):
            raise TypeError("not a compiled pattern token")
        tokens.append(PatternToken(Kind[kind], tuple(values), Op[op], gap))
    out: dict[tuple[str, str], Compiled] = {}
    for lang, patterns in data["compiled"].items():
        for pattern, seqs in patterns.items():
            if not all(type(i) is int and i >= 0 for seq in seqs for i in seq):
                raise ValueError("not a token number")
            out[(pattern, lang)] = tuple(tuple(tokens[i] for i in seq) for seq in seqs)
    return out


def _read_compiled(marker: Path) -> bool:
    """Load the compiled patterns a marker holds; False when it is missing or unreadable."""
    import json

    try:
        found = _decode(json.loads(marker.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, AttributeError, TypeError, IndexError):
        return False
    _PRECOMPILED.update(found)
    return True


def _write_compiled(marker: Path, compiled: dict[str, dict[str, Compiled]]) -> None:
    import json

    from ..office.output import write_atomic

    try:  # a read-only cache only costs the time saved
        marker.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(_encode(compiled), ensure_ascii=False)
        write_atomic(marker, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        _prune_markers(marker)
    except OSError:
        pass


MARKERS_KEPT = 4  # per rule file: other versions of it, or of ddcontract, in use on this machine


def _prune_markers(marker: Path) -> None:
    """Drop the oldest cache files of the same rule file (each edit of it makes a new one)."""
    stem = marker.name.rsplit("-", 1)[0]
    older = sorted((p for p in marker.parent.glob(f"{stem}-*") if p != marker and p.name.rsplit("-", 1)[0] == stem),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for old in older[MARKERS_KEPT - 1:]:
        try:
            old.unlink()
        except OSError:
            pass


def compile_patterns(rules: list[Rule], path: Path) -> dict[str, dict[str, Compiled]]:
    """Every pattern of the rules compiled (language -> pattern -> compiled); patterns that do not
    compile are an error naming the file, the rule and the field of each (the first, and ``more``)."""
    compiled: dict[str, dict[str, Compiled]] = {}
    errors: list[RuleError] = []
    for rule in rules:
        for lang, block in rule.model.languages.items():
            for kind in ("patterns", "unless"):
                texts = rule.patterns(lang, unless=kind == "unless")
                for i, (pattern, text) in enumerate(zip(getattr(block, kind), texts)):
                    try:
                        compiled.setdefault(lang, {})[text] = _compile(text, lang)
                    except PatternError as exc:
                        lists = f" (its word lists written out: {text!r})" if text != pattern else ""
                        errors.append(RuleError(str(path), rule.id, f"languages.{lang}.{kind}[{i}]",
                                                f"{exc} in pattern {pattern!r}{lists}"))
    if errors:
        first = errors[0]
        raise RuleError(first.file, first.rule, first.field, first.problem, more=tuple(errors[1:]))
    return compiled
