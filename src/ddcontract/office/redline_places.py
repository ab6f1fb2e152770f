"""Where a suggested clause goes in a customer's contract: the contract's numbered sections, and the
section a requirement's clause belongs to.

The data is ``templates/redline_places.yaml`` (documented there): per requirement ID its topics in
order of preference, and per topic the words that, found in a section's heading, say the section is
about it (English and Danish alike: a Danish contract may have English headings) and the title of the
new clause added at the end when no section is. The sections are read from the document's blocks: a
run of consecutive blocks with the same top-level number and heading ("7", "Security Incidents"),
as :func:`sections` finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Block

_TOP = re.compile(r"^(\d+)(?:[.\s]|$)")


@dataclass(slots=True)
class Section:
    """A top-level section of the contract as read: its number ("7"), heading and blocks."""

    number: str
    heading: str
    blocks: list[Block]

    @property
    def head(self) -> Block:
        """The block that opens it: its heading, or its first clause when it has no heading of its own."""
        return self.blocks[0]

    @property
    def last(self) -> Block:
        return self.blocks[-1]

    def body(self) -> list[Block]:
        """Its clauses: the blocks after a heading that are neither headings nor table rows."""
        return [b for b in self.blocks if b.kind not in ("heading", "table-row")]


def top_number(section: str | None) -> str | None:
    """The top-level number of a section number ("7" of "7.2"); None for an annex's ("Bilag 1, 2")."""
    m = _TOP.match(section or "")
    return m.group(1) if m else None


def sections(blocks: list[Block]) -> list[Section]:
    """The numbered top-level sections, in order: consecutive blocks with the same top-level number and
    heading (a signature line read as a heading under the last clause's number starts a run of its own,
    which is not a section: it has no number of its own)."""
    out: list[Section] = []
    current: Section | None = None
    for b in blocks:
        number = top_number(b.section)
        if current is not None and number == current.number and (b.heading or "") == current.heading:
            current.blocks.append(b)
            continue
        current = None
        opens = b.kind == "heading" and b.section == number or b.kind != "heading"
        if number is not None and opens and not any(s.number == number for s in out):
            current = Section(number, b.heading or "", [b])
            out.append(current)
    return out


@lru_cache(maxsize=1)
def places() -> dict[str, Any]:
    """The data of ``templates/redline_places.yaml``."""
    import yaml

    from ..generate import templates_dir

    return yaml.safe_load((templates_dir() / "redline_places.yaml").read_text(encoding="utf-8"))


def topics(requirement: str) -> list[str]:
    data = places()
    return list(data["requirements"].get(requirement) or data["default"])


def heading_words(topic: str) -> list[str]:
    """The words of a topic's headings, in every language, longest first."""
    words = {w.lower() for ws in places()["topics"][topic]["headings"].values() for w in ws}
    return sorted(words, key=len, reverse=True)


def title(topic: str, lang: str) -> str:
    titles = places()["topics"][topic]["title"]
    return titles.get(lang) or titles["en"]


def section_for(requirement: str, found: list[Section]) -> Section | None:
    """The section the requirement's clause belongs to: the first whose heading is about its first topic,
    else its second …; None when no section is about any of them."""
    for topic in topics(requirement):
        words = heading_words(topic)
        for s in found:
            heading = s.heading.lower()
            if any(word in heading for word in words):
                return s
    return None


def section_of(block_anchor: str | None, found: list[Section]) -> Section | None:
    """The section holding the block with that anchor."""
    for s in found:
        if any(b.anchor == block_anchor for b in s.blocks):
            return s
    return None


def clause_end(anchor: str | None, blocks: list[Block]) -> Block | None:
    """The last block of the clause holding the block with that anchor: the consecutive blocks with its
    section number (a clause's list items, its table)."""
    at = next((i for i, b in enumerate(blocks) if b.anchor == anchor), None)
    if at is None:
        return None
    section = blocks[at].section
    end = at
    while section and end + 1 < len(blocks) and blocks[end + 1].section == section \
            and blocks[end + 1].kind != "heading":
        end += 1
    return blocks[end]
