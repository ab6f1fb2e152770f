"""What a scan will check: the contract files under the paths given, in a stable order, hashed, with
duplicates (the same content under another name) and unreadable files set aside, and a folder's
README, CHANGELOG and LICENSE files (documentation, not contracts) skipped unless asked for."""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import SUFFIXES

HASH_CHUNK = 1 << 20
# A file of a folder named so (any extension, any case) is the folder's documentation, not a contract.
DOC_NAMES = frozenset({"readme", "changelog", "license", "licence"})


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
    skipped: list[Path] = field(default_factory=list)  # README, CHANGELOG, LICENSE files not checked


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


def is_folder_doc(path: Path) -> bool:
    """README.md, readme.txt, CHANGELOG, LICENSE.txt …: a folder's documentation."""
    return path.name.split(".", 1)[0].lower() in DOC_NAMES


def walk(paths: Iterable[Path], include: list[str] | None = None, exclude: list[str] | None = None,
         skipped: list[Path] | None = None, include_readme: bool = False) -> Iterator[Path]:
    """Contract files under ``paths`` (PDF, DOCX, TXT, MD), in a stable order. ``include`` and
    ``exclude`` are globs matched against the path relative to the folder given, or the file name.
    A folder's README, CHANGELOG and LICENSE files are left out (and added to ``skipped``) unless
    ``include_readme``; a file named in ``paths`` is always checked."""
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
                if not include_readme and is_folder_doc(p):
                    if skipped is not None:
                        skipped.append(p)
                    continue
                found.append(p)
        yield from sorted(found)


def inventory(paths: Iterable[Path], include: list[str] | None = None, exclude: list[str] | None = None,
              include_readme: bool = False) -> Inventory:
    inv = Inventory()
    seen: dict[str, Path] = {}
    for p in walk(paths, include, exclude, inv.skipped, include_readme):
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
    inv.skipped.sort()
    return inv
