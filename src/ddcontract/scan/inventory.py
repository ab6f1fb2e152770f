"""What a scan will check: the contract files under the paths given, in a stable order, hashed, with
duplicates (the same content under another name) and unreadable files set aside."""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import SUFFIXES

HASH_CHUNK = 1 << 20


@dataclass(slots=True)
class ScanFile:
    path: Path
    sha256: str
    size: int


@dataclass
class Inventory:
    files: list[ScanFile] = field(default_factory=list)
    duplicates: list[tuple[Path, Path]] = field(default_factory=list)  # (skipped, same content as)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)


def file_hash(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _matches(rel: str, patterns: list[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def walk(paths: Iterable[Path], include: list[str] | None = None, exclude: list[str] | None = None) -> Iterator[Path]:
    """Contract files under ``paths`` (PDF, DOCX, TXT, MD), in a stable order. ``include`` and
    ``exclude`` are globs matched against the path relative to the folder given, or the file name."""
    include, exclude = include or [], exclude or []
    for root in paths:
        if root.is_file():
            yield root
            continue
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in filenames:
                p = Path(dirpath) / name
                rel = p.relative_to(root).as_posix()
                if name.startswith(".") or p.suffix.lower() not in SUFFIXES:
                    if not (include and _matches(rel, include)):
                        continue
                if include and not _matches(rel, include):
                    continue
                if exclude and _matches(rel, exclude):
                    continue
                found.append(p)
        yield from sorted(found)


def inventory(paths: Iterable[Path], include: list[str] | None = None, exclude: list[str] | None = None) -> Inventory:
    inv = Inventory()
    seen: dict[str, Path] = {}
    for p in walk(paths, include, exclude):
        try:
            digest, size = file_hash(p)
        except OSError as exc:
            inv.unreadable.append((p, exc.strerror or str(exc)))
            continue
        if digest in seen:
            inv.duplicates.append((p, seen[digest]))
            continue
        seen[digest] = p
        inv.files.append(ScanFile(p, digest, size))
    return inv
