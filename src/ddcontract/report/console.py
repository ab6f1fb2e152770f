"""The readable console report: one section per theme, status in colour, evidence with page and
section, extracted values, then the warning flags and a one-line summary."""

from __future__ import annotations

from typing import Any

from ..catalogue import THEMES
from ..model import CheckResult, Evidence

_STYLE = {"met": "bold green", "weak": "bold yellow", "missing": "bold red"}
_MARK = {"met": "✔ met    ", "weak": "▲ weak   ", "missing": "✘ missing"}
_QUOTE_CHARS = 240


def _where(ev: Evidence) -> str:
    parts = []
    if ev.page is not None:
        parts.append(f"p. {ev.page}")
    if ev.section:
        parts.append(ev.section if not ev.section[0].isdigit() else f"§ {ev.section}")
    if ev.heading:
        parts.append(ev.heading)
    return ", ".join(parts) or "location unknown"


def _quote(text: str) -> str:
    t = " ".join(text.split())
    return t if len(t) <= _QUOTE_CHARS else t[: _QUOTE_CHARS - 1].rsplit(" ", 1)[0] + " …"


def _values(values: dict[str, Any]) -> str:
    shown = []
    for k, v in values.items():
        if v is None or v == [] or (k == "vague" and v is False):
            continue
        if isinstance(v, list):
            v = ", ".join(map(str, v))
        elif isinstance(v, float) and v.is_integer():
            v = int(v)
        if k == "amount" and isinstance(v, (int, float)):
            v = f"{v:,}"
        shown.append(f"{k}={v}")
    return "  ".join(shown)


def render(result: CheckResult, console) -> None:
    from rich.markup import escape
    from rich.text import Text

    doc = result.document
    pages = f", {doc.pages} pages" if doc.pages else ""
    console.print(Text(f"ddcontract check — {doc.path}", style="bold"))
    console.print(Text(f"format {doc.format}{pages}, language {doc.language}", style="dim"))
    for warning in doc.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
    for theme, name in THEMES.items():
        console.print()
        console.print(Text(f"Theme {theme} — {name}", style="bold underline"))
        for f in (f for f in result.requirements if f.theme == theme):
            line = Text()
            line.append(_MARK[f.status], style=_STYLE[f.status])
            line.append(f"  {f.id}  {f.title}", style="bold")
            console.print(line)
            if f.message:
                console.print(f"      {escape(f.message)}", highlight=False)
            vals = _values(f.values)
            if vals and f.status != "missing":
                console.print(Text(f"      values: {vals}", style="cyan"))
            for ev in f.evidence[:2]:
                console.print(Text(f"      “{_quote(ev.text)}”", style="italic"))
                console.print(Text(f"        — {_where(ev)}", style="dim"))
            if f.suggestion and f.status != "met":
                console.print(Text(f"      suggested clause: {_quote(f.suggestion)}", style="green dim"))
    console.print()
    console.print(Text("Warning flags", style="bold underline"))
    if not result.flags:
        console.print(Text("  none raised (WF-2, WF-3 checked; WF-1 needs a markup comparison)", style="dim"))
    for flag in result.flags:
        console.print(Text(f"⚑ {flag.id}  {flag.title}", style="bold magenta"))
        for ev in flag.evidence[:3]:
            console.print(Text(f"      “{_quote(ev.text)}”", style="italic"))
            console.print(Text(f"        — {_where(ev)}", style="dim"))
    counts = {s: sum(1 for f in result.requirements if f.status == s) for s in ("met", "weak", "missing")}
    console.print()
    summary = Text("Summary: ")
    for s in ("met", "weak", "missing"):
        summary.append(f"{counts[s]} {s}", style=_STYLE[s])
        summary.append("  ")
    summary.append(f"{len(result.flags)} flag(s)", style="bold magenta" if result.flags else "dim")
    console.print(summary)
