"""Word's list numbering and paragraph styles, as the DOCX reader needs them: the label a numbered
paragraph shows ("8.2", "(a)"), computed from ``word/numbering.xml``, and the style chain that can
carry a paragraph's numbering or outline level (``word/styles.xml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W

# ---------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractId -> ilvl -> value

    @classmethod
    def parse(cls, root) -> Numbering:
        n = cls()
        if root is None:
            return n
        for ab in root.iter(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in ab.iter(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl", "0"))
                level = _Level()
                for child in lvl:
                    val = child.get(_W + "val")
                    if child.tag == _W + "start" and val and val.isdigit():
                        level.start = int(val)
                    elif child.tag == _W + "numFmt" and val:
                        level.fmt = val
                    elif child.tag == _W + "lvlText" and val is not None:
                        level.text = val
                levels[ilvl] = level
            n.abstract[ab.get(_W + "abstractNumId", "")] = levels
        for num in root.iter(_W + "num"):
            num_id = num.get(_W + "numId", "")
            ref = num.find(_W + "abstractNumId")
            if ref is not None:
                n.num_to_abstract[num_id] = ref.get(_W + "val", "")
            for ov in num.iter(_W + "lvlOverride"):
                so = ov.find(_W + "startOverride")
                if so is not None and (so.get(_W + "val") or "").isdigit():
                    n.overrides.setdefault(num_id, {})[int(ov.get(_W + "ilvl", "0"))] = int(so.get(_W + "val"))
        return n

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list counter and return the formatted label ("8.2", "(a)")."""
        if num_id in ("", "0") or num_id not in self.num_to_abstract:
            return None
        abstract_id = self.num_to_abstract[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):
            return None
        overrides = self.overrides.get(num_id, {})
        # a w:num with a start override is a restarted list: it counts on its own
        counters = self.counters.setdefault(f"num:{num_id}" if overrides else abstract_id, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = overrides.get(ilvl, level.start)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def render(match: re.Match[str]) -> str:
            lv = int(match.group(1)) - 1
            lvl = levels.get(lv, _Level())
            value = counters.get(lv, overrides.get(lv, lvl.start))
            return _format_number(value, lvl.fmt)

        return re.sub(r"%(\d)", render, level.text).strip()


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        v = value
        while v > 0:
            v, r = divmod(v - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(value)
        return s if fmt == "upperRoman" else s.lower()
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for n, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                   (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= n:
            out += sym
            value -= n
    return out


# ---------------------------------------------------------------- styles


@dataclass
class Style:
    name: str = ""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None


def parse_styles(root) -> dict[str, Style]:
    styles: dict[str, Style] = {}
    if root is None:
        return styles
    for st in root.iter(_W + "style"):
        s = Style()
        name = st.find(_W + "name")
        s.name = (name.get(_W + "val") if name is not None else "") or ""
        based = st.find(_W + "basedOn")
        s.based_on = based.get(_W + "val") if based is not None else None
        ppr = st.find(_W + "pPr")
        if ppr is not None:
            s.num_id, s.ilvl = num_pr(ppr)
            ol = ppr.find(_W + "outlineLvl")
            if ol is not None and (ol.get(_W + "val") or "").isdigit():
                s.outline = int(ol.get(_W + "val"))
        styles[st.get(_W + "styleId", "")] = s
    return styles


def num_pr(ppr) -> tuple[str | None, int | None]:
    numpr = ppr.find(_W + "numPr")
    if numpr is None:
        return None, None
    nid = numpr.find(_W + "numId")
    lvl = numpr.find(_W + "ilvl")
    num_id = nid.get(_W + "val") if nid is not None else None
    ilvl = int(lvl.get(_W + "val", "0")) if lvl is not None and (lvl.get(_W + "val") or "0").isdigit() else None
    return num_id, ilvl
