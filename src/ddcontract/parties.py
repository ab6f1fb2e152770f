"""The parties a contract names in its opening: companies with a legal form ("Nordhavn Energi A/S",
"BRIGHTWATER CLOUD SOLUTIONS LIMITED", "Vantaro Data Services GmbH") and the role the contract
defines for each ("Customer", "Leverandøren", "den Dataansvarlige").

Only the opening is read (the blocks before the first numbered clause, at most :data:`OPENING_CHARS`
characters): that is where contracts introduce their parties, and later mentions are sub-processors,
insurers or examples. A contract that names no company there gets no parties, not a guess.
"""

from __future__ import annotations

import re

from .model import Document, Party

OPENING_CHARS = 4000
MAX_PARTIES = 4

_FORMS = (r"A/S|ApS|I/S|P/S|K/S|IVS|A\.m\.b\.A\.|AMBA|F\.m\.b\.A\.|Ltd\.?|Limited|LLP|LLC|L\.L\.C\.|Inc\.?|"
          r"plc|GmbH|AG|AB|ASA|AS|Oyj|Oy|B\.V\.|BV|N\.V\.|NV|S\.A\.S\.|SAS|S\.A\.|SA|S\.r\.l\.|SE|"
          r"Corp\.?|Corporation|Company|Co\.|LIMITED|LTD\.?|INC\.?|CORPORATION|COMPANY|PLC|GMBH|APS")
# one to six capitalised words (or all-caps words, "&", "of", "og") ending in a legal form
_WORD = r"(?:[A-ZÆØÅ0-9][\w'’.\-]*|&|of|and|og|for|de|la)"
_NAME = re.compile(rf"(?<![\w/])((?:[A-ZÆØÅ][\w'’.\-]*[ \t]+)(?:{_WORD}[ \t]+){{0,5}}?(?:{_FORMS}))(?![\w/])")
_ROLE = re.compile(r"\(\s*(?:the|hereinafter|herefter|i det følgende|i det følgende benævnt)?\s*"
                   r"[\"“”„'‘’]\s*([^\"“”„'‘’()]{2,40}?)\s*[\"“”„'‘’]")
_CLAUSE_NUMBER = re.compile(r"(\d+)(\.\d+)*\.?$")


def opening_text(doc: Document) -> str:
    parts: list[str] = []
    size = 0
    for block in doc.blocks:
        m = _CLAUSE_NUMBER.match(block.section or "")
        if m and int(m.group(1)) >= 3:  # parties are introduced before clause 3 or never
            break
        parts.append(block.text)
        size += len(block.text) + 1
        if size >= OPENING_CHARS:
            break
    return "\n".join(parts)[:OPENING_CHARS]


def _tidy(name: str) -> str:
    """One line, no stray punctuation; "HALDEN CARE SERVICES ApS" -> "Halden Care Services ApS"."""
    words = " ".join(name.split()).strip(" ,;:").split()
    forms = [bool(re.fullmatch(_FORMS, w)) for w in words]
    plain = [w for w, f in zip(words, forms) if not f]
    if sum(w.isupper() and len(w) > 1 for w in plain) * 2 > len(plain):
        # acronyms ("IT") and mixed-case forms ("GmbH", "A/S") stay; "LIMITED" -> "Limited"
        words = [w.capitalize() if w.isupper() and w.isalpha() and len(w) > 2 and not (f and len(w) <= 4)
                 else w for w, f in zip(words, forms)]
    return " ".join(words)


def find_parties(doc: Document) -> list[Party]:
    """The companies the opening names, in order, each with the role defined right after it (in the
    same paragraph) when there is one. A company named twice keeps the first role it is given."""
    text = opening_text(doc)
    roles: dict[str, str | None] = {}
    names: dict[str, str] = {}
    order: list[str] = []
    hits = list(_NAME.finditer(text))
    for i, m in enumerate(hits):
        name = re.sub(r"^(?:Between|Mellem|And|Og|By|Af|Parties|Parterne)\s+", "", _tidy(m.group(1)))
        if len(name) < 4:
            continue
        key = name.casefold()
        line_end = text.find("\n", m.end())
        end = min(hits[i + 1].start() if i + 1 < len(hits) else len(text),
                  line_end if line_end >= 0 else len(text), m.end() + 300)
        role_m = _ROLE.search(text, m.end(), end)
        if key not in names:
            names[key] = name
            order.append(key)
        if roles.get(key) is None:
            roles[key] = role_m.group(1).strip() if role_m else None
    # a company given a role is a party; one only mentioned (a title line) is not, when others have roles
    with_role = [k for k in order if roles[k]]
    keys = with_role if with_role else order
    return [Party(names[k], roles[k]) for k in keys[:MAX_PARTIES]]
