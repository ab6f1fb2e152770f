"""Decisions that several requirements share: met when every aspect is covered (weak when some
are), and met when the contract names at least one item of a list (channels)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import Names, note
from ..model import Match
from .base import Decision, Requirement

if TYPE_CHECKING:
    from ..policy import Policy


def decide_aspects(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when the matches cover every one of ``req.aspects``, weak when they cover some; the
    aspects found are listed under the requirement's list value, in the requirement's order."""
    key = req.list_key() or "aspects"
    wanted = set(req.aspects)
    found = {a for m in matches for a in m.values.get(key, []) if a in wanted}
    covered = [a for a in req.aspects if a in found]
    if not covered:
        return Decision("missing", values={key: []})
    chosen = [m for m in matches if set(m.values.get(key, [])) & wanted]
    # the quotes shown first cover each aspect found once (in the contract's order), then the others: three
    # sentences on subprocessors do not crowd out the one sentence on where the data is stored
    at = sorted({next(i for i, m in enumerate(chosen) if a in m.values.get(key, [])) for a in covered})
    chosen = [chosen[i] for i in at] + [m for i, m in enumerate(chosen) if i not in at]
    lacking = [a for a in req.aspects if a not in found]
    if not lacking:
        return Decision("met", chosen, {key: covered}, (note("aspects.all", found=Names(req.aspects, joined=True)),), lead=False)
    return Decision("weak", chosen, {key: covered},
                    (note("aspects.some", found=Names(tuple(covered), joined=True),
                          lacking=Names(tuple(lacking), joined=True)),), lead=False)


def decide_listed(req: Requirement, matches: list[Match], policy: Policy) -> Decision:
    """Met when some match names an item of the requirement's list value (e.g. a channel); the items
    are listed in the order the contract names them."""
    key = req.list_key() or "items"
    items: list[str] = []
    for m in matches:
        for x in m.values.get(key, []):
            if x not in items:
                items.append(x)
    if not items:
        return Decision("missing", values={key: []})
    return Decision("met", [m for m in matches if m.values.get(key)], {key: items})
