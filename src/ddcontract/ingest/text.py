"""Plain text and Markdown: paragraphs separated by blank lines; hard-wrapped lines rejoined."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import Block, Document
from .sections import assign_sections, is_list_item, split_number
from .textutil import join_lines

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_PAGE_MARK = re.compile(r"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-|\d{1,3})\s*$", re.IGNORECASE)


def read_text(path: Path, max_bytes: int) -> Document:
    raw = path.read_bytes()[: max_bytes + 1]
    if len(raw) > max_bytes:
        raise InputError(str(path), f"file is larger than the limit of {max_bytes // 1_000_000} MB")
    if b"\x00" in raw[:4096]:
        raise InputError(str(path), "not a text file (binary content)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise InputError(str(path), "cannot decode the text (not UTF-8 or Windows-1252)")
    fmt = "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"
    blocks = list(assign_sections(_blocks(text, markdown=fmt == "md")))
    if not any(b.text.strip() for b in blocks):
        raise InputError(str(path), "the file contains no text")
    return Document(path=str(path), format=fmt, blocks=blocks, pages=None)


def _blocks(text: str, markdown: bool) -> list[Block]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    blocks: list[Block] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.split("\n")]
        lines = [ln for ln in lines if ln and not _PAGE_MARK.match(ln)]
        if not lines:
            continue
        for group in _split_numbered_lines(lines, markdown):
            first = group[0]
            kind = "paragraph"
            if markdown and _MD_HEADING.match(first):
                group = [_MD_HEADING.sub("", first)] + group[1:]
                kind = "heading"
            if markdown:
                group = [_strip_md(ln) for ln in group]
            if markdown and all(ln.startswith("|") for ln in group):
                for row in group:
                    if re.fullmatch(r"[|\s:-]+", row):
                        continue
                    cells = [c.strip() for c in row.strip("|").split("|")]
                    blocks.append(Block(text=" | ".join(c for c in cells if c), kind="table-row"))
                continue
            blocks.append(Block(text=join_lines(group), kind=kind))
    return blocks


def _split_numbered_lines(lines: list[str], markdown: bool) -> list[list[str]]:
    """A paragraph whose lines start new numbered clauses or list items is split at them."""
    groups: list[list[str]] = [[lines[0]]]
    for line in lines[1:]:
        starts_new = (split_number(line)[0] is not None or is_list_item(line)
                      or (markdown and (_MD_HEADING.match(line) or _MD_LIST.match(line)
                                        or line.startswith("|"))))
        if starts_new:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _strip_md(line: str) -> str:
    line = re.sub(r"^\s*[-*+]\s+", "", line)
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
    line = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", line)
    return line
