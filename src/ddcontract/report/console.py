"""The readable console report: one section per theme, status in colour, evidence with page and
section, extracted values, then the warning flags and a one-line summary."""

from __future__ import annotations

from typing import Any

from ..catalogue import THEMES, theme_title
from ..i18n import fmt_amount, tr
from ..model import CheckResult, Evidence

_STYLE = {"met": "bold green", "weak": "bold yellow", "missing": "bold red"}
_SYMBOL = {"met": "✔", "weak": "▲", "missing": "✘"}
_QUOTE_CHARS = 240
_WORDS = {
    "en": {"theme": "Theme", "unknown": "location unknown", "values": "values", "suggested": "suggested clause",
           "none": "none raised (WF-2, WF-3 checked; WF-1 needs a markup comparison)", "summary": "Summary",
           "flags": "flag(s)", "warning": "warning"},
    "da": {"theme": "Tema", "unknown": "placering ukendt", "values": "værdier", "suggested": "forslag til bestemmelse",
           "none": "ingen (WF-2 og WF-3 er kontrolleret; WF-1 kræver en sammenligning af ændringer)",
           "summary": "Sammenfatning", "flags": "flag", "warning": "advarsel"},
}


def _mark(status: str, lang: str) -> str:
    names = [tr(lang, f"status.{s}") for s in _SYMBOL]
    return f"{_SYMBOL[status]} {tr(lang, 'status.' + status):<{max(map(len, names))}}"


def _where(ev: Evidence, lang: str = "en") -> str:
    parts = []
    if ev.page is not None:
        parts.append(f"{tr(lang, 'label.page')} {ev.page}")
    if ev.section:
        parts.append(ev.section if not ev.section[0].isdigit() else f"{tr(lang, 'label.section')} {ev.section}")
    if ev.heading:
        parts.append(ev.heading)
    return ", ".join(parts) or _WORDS.get(lang, _WORDS["en"])["unknown"]


def _quote(text: str) -> str:
    t = " ".join(text.split())
    return t if len(t) <= _QUOTE_CHARS else t[: _QUOTE_CHARS - 1].rsplit(" ", 1)[0] + " …"


def _values(values: dict[str, Any], lang: str = "en") -> str:
    shown = []
    for k, v in values.items():
        if v is None or v == [] or (k == "vague" and v is False):
            continue
        if isinstance(v, list):
            v = ", ".join(map(str, v))
        elif isinstance(v, float) and v.is_integer():
            v = int(v)
        if k == "amount" and isinstance(v, (int, float)):
            v = fmt_amount(v, None, lang)
        shown.append(f"{k}={v}")
    return "  ".join(shown)


def render(result: CheckResult, console) -> None:
    from rich.markup import escape
    from rich.text import Text

    doc = result.document
    lang = result.report_language
    w = _WORDS.get(lang, _WORDS["en"])
    pages = tr(lang, "label.pages", pages=doc.pages) if doc.pages else ""
    language = doc.language
    if len(doc.languages) > 1:
        language += " (" + ", ".join(f"{k}: {v}" for k, v in doc.languages.items()) + ")"
    console.print(Text(f"ddcontract check — {doc.path}", style="bold"))
    console.print(Text(tr(lang, "label.format", format=doc.format, pages=pages, language=language), style="dim"))
    for warning in doc.warnings:
        console.print(Text(f"{w['warning']}: {warning}", style="yellow"))
    for theme in THEMES:
        console.print()
        console.print(Text(f"{w['theme']} {theme} — {theme_title(theme, lang)}", style="bold underline"))
        for f in (f for f in result.requirements if f.theme == theme):
            line = Text()
            line.append(_mark(f.status, lang), style=_STYLE[f.status])
            line.append(f"  {f.id}  {f.title}", style="bold")
            console.print(line)
            if f.message:
                console.print(f"      {escape(f.message)}", highlight=False)
            vals = _values(f.values, lang)
            if vals and f.status != "missing":
                console.print(Text(f"      {w['values']}: {vals}", style="cyan"))
            for ev in f.evidence[:2]:
                console.print(Text(f"      “{_quote(ev.text)}”", style="italic"))
                console.print(Text(f"        — {_where(ev, lang)}", style="dim"))
            if f.suggestion and f.status != "met":
                console.print(Text(f"      {w['suggested']}: {_quote(f.suggestion)}", style="green dim"))
    console.print()
    console.print(Text(tr(lang, "label.flags"), style="bold underline"))
    if not result.flags:
        console.print(Text(f"  {w['none']}", style="dim"))
    for flag in result.flags:
        console.print(Text(f"⚑ {flag.id}  {flag.title}", style="bold magenta"))
        for ev in flag.evidence[:3]:
            console.print(Text(f"      “{_quote(ev.text)}”", style="italic"))
            console.print(Text(f"        — {_where(ev, lang)}", style="dim"))
    counts = {s: sum(1 for f in result.requirements if f.status == s) for s in ("met", "weak", "missing")}
    console.print()
    summary = Text(f"{w['summary']}: ")
    for s in ("met", "weak", "missing"):
        summary.append(f"{counts[s]} {tr(lang, 'status.' + s)}", style=_STYLE[s])
        summary.append("  ")
    summary.append(f"{len(result.flags)} {w['flags']}", style="bold magenta" if result.flags else "dim")
    console.print(summary)
