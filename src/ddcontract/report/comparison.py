"""The console report of ``compare``: the two versions, every requirement ours → theirs, the
changed clauses that touch a requirement as a word diff ([-deleted-]{+inserted+}, coloured), the
other changes counted (listed with ``--all-changes``), and the warning flags with the refusals of security clauses."""

from __future__ import annotations

from ..i18n import tr
from ..model import Evidence
from .console import _STYLE, _mark, render_flags
from .text import where as _where

_DIFF_STYLE = {"=": "", "-": "red strike", "+": "green underline"}


def _side(cmp_side, key: str, lang: str, console) -> None:
    from rich.text import Text

    doc = cmp_side.document
    pages = tr(lang, "label.pages", pages=doc.pages) if doc.pages else ""
    console.print(Text(tr(lang, "compare.side", side=tr(lang, key), format=doc.format, pages=pages,
                          language=cmp_side.language), style="dim"))


def _diff_line(change, console) -> None:
    from rich.text import Text

    from ..compare import word_diff

    line = Text("      ")
    pieces = word_diff(change.before.text if change.before else "", change.after.text if change.after else "")
    for n, (op, words) in enumerate(pieces):
        if n:
            line.append(" ")
        shown = words if op == "=" else f"[-{words}-]" if op == "-" else f"{{+{words}+}}"
        line.append(shown, style=_DIFF_STYLE[op])
    console.print(line)


def _render_change(change, lang: str, console) -> None:
    from rich.text import Text

    where = change.after or change.before
    sections = " → ".join(dict.fromkeys(c.section for c in (change.before, change.after) if c and c.section))
    place = _where(Evidence(text="", page=where.blocks[0].page if where.blocks else None,
                            section=sections or None, heading=where.heading), lang)
    head = Text(f"  • {tr(lang, 'compare.kind.' + change.kind)} — {place}", style="bold")
    touched = change.requirements + [tr(lang, "markup.topic." + t) for t in change.excludes]
    if touched:
        head.append(f"  ({tr(lang, 'compare.touches')} {', '.join(touched)})", style="cyan")
    console.print(head)
    _diff_line(change, console)


def render_comparison(cmp, console, all_changes: bool = False) -> None:
    from rich.text import Text

    from ..compare import trend

    lang = cmp.theirs.report_language
    console.print(Text(tr(lang, "compare.title", ours=cmp.ours.document.path, theirs=cmp.theirs.document.path),
                       style="bold"))
    _side(cmp.ours, "compare.ours", lang, console)
    _side(cmp.theirs, "compare.theirs", lang, console)
    console.print()
    console.print(Text(tr(lang, "compare.requirements"), style="bold underline"))
    was = {f.id: f for f in cmp.ours.requirements}
    moved = {"weakened": 0, "strengthened": 0}
    for f in cmp.theirs.requirements:
        then = was[f.id]
        way = trend(then.status, f.status)
        line = Text("  ")
        line.append(_mark(then.status, lang), style=_STYLE[then.status])
        line.append(" → ")
        line.append(_mark(f.status, lang), style=_STYLE[f.status])
        line.append(f"  {f.id}  {f.title}", style="bold" if way != "same" else "")
        if way != "same":
            moved[way] += 1
            line.append(f"  ({tr(lang, 'markup.' + way)})", style="bold red" if way == "weakened" else "green")
        console.print(line)
    security, other = cmp.security_changes(), [c for c in cmp.changes if not (c.requirements or c.excludes)]
    console.print()
    console.print(Text(tr(lang, "compare.changes"), style="bold underline"))
    if not cmp.changes:
        console.print(Text(f"  {tr(lang, 'compare.none')}", style="dim"))
    for change in security:
        _render_change(change, lang, console)
    if other and all_changes:
        console.print()
        console.print(Text(tr(lang, "compare.other_changes"), style="bold underline"))
        for change in other:
            _render_change(change, lang, console)
    elif other:
        console.print(Text(f"  {tr(lang, 'compare.hidden.one' if len(other) == 1 else 'compare.hidden', other=len(other))}", style="dim"))
    console.print(Text(f"  {tr(lang, 'compare.counts', changes=len(cmp.changes), security=len(security), other=len(other), moved=len(cmp.alignment.moved))}",
                       style="dim"))
    _render_flags(cmp, lang, console, moved)


def _render_flags(cmp, lang: str, console, moved: dict[str, int]) -> None:
    from rich.text import Text

    console.print()
    console.print(Text(tr(lang, "label.flags"), style="bold underline"))
    if not cmp.theirs.flags:
        console.print(Text(f"  {tr(lang, 'compare.no_flags')}", style="dim"))
    render_flags(cmp.theirs.flags, lang, console)
    console.print()
    summary = Text(f"{tr(lang, 'label.summary')}: {tr(lang, 'compare.summary', **moved)}  ")
    count = "label.flag_count_one" if len(cmp.theirs.flags) == 1 else "label.flag_count"
    summary.append(f"{len(cmp.theirs.flags)} {tr(lang, count)}", style="bold magenta" if cmp.theirs.flags else "dim")
    console.print(summary)


def show_comparison(cmp, as_json: bool, no_color: bool, all_changes: bool) -> None:
    """``compare``'s output on stdout: the ``ddcontract/compare/v1`` JSON, or the console report."""
    if as_json:
        import json
        import sys

        sys.stdout.write(json.dumps(cmp.as_json(all_changes), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console

    render_comparison(cmp, Console(no_color=no_color, highlight=False, soft_wrap=False), all_changes)
