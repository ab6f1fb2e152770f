"""The readable console report: one section per theme, status in colour, evidence with page and
section, extracted values, then the warning flags and a one-line summary."""

from __future__ import annotations

import textwrap

from ..requirements import THEMES
from ..i18n import name, names, tr
from ..wording import refusal_head
from ..model import STATUS_ORDER, CheckResult
from .text import quote as _quote
from .text import EMPTY_SIDE as _EMPTY
from .text import revision_line, shown_revisions
from .text import values_prose as _values
from .text import ocr_line
from .text import where as _where

_STYLE = {"met": "bold green", "weak": "bold yellow", "missing": "bold red"}
_SYMBOL = {"met": "✔", "weak": "▲", "missing": "✘"}
def _mark(status: str, lang: str) -> str:
    names = [tr(lang, f"status.{s}") for s in _SYMBOL]
    return f"{_SYMBOL[status]} {tr(lang, 'status.' + status):<{max(map(len, names))}}"


def render(result: CheckResult, console) -> None:
    from rich.markup import escape
    from rich.text import Text

    doc = result.document
    lang = result.report_language
    pages = tr(lang, "label.pages", pages=doc.pages) if doc.pages else ""
    language = result.language
    if len(result.section_languages) > 1:
        language += " (" + ", ".join(f"{k}: {v}" for k, v in result.section_languages.items()) + ")"
    console.print(Text(f"ddcontract check — {doc.path}", style="bold"))
    console.print(Text(tr(lang, "label.format", format=doc.format, pages=pages, language=language), style="dim"))
    if doc.ocr is not None and doc.ocr.numbers:
        console.print(Text(ocr_line(doc.ocr, lang), style="dim"))
    for warning in result.warnings:
        console.print(Text(f"{tr(lang, 'label.warning')}: {warning}", style="yellow"))
    for theme in THEMES:
        console.print()
        console.print(Text(f"{tr(lang, 'label.theme')} {theme.number} — {theme.title(lang)}", style="bold underline"))
        for f in (f for f in result.requirements if f.theme == theme.number):
            line = Text()
            line.append(_mark(f.status, lang), style=_STYLE[f.status])
            line.append(f"  {f.id}  {f.title}", style="bold")
            console.print(line)
            if f.message:
                console.print(f"      {escape(f.message)}", highlight=False)
            vals = _values(f.values, lang, f.id)
            if vals and f.status != "missing":
                console.print(Text(f"      {tr(lang, 'label.values')}: {vals}", style="cyan"))
            for ev in (f.evidence if f.evidence and f.evidence[0].element else f.evidence[:2]):
                said = tr(lang, 'label.quoted', text=_quote(ev.text))
                console.print(Text(f"      {name(lang, ev.element) + ': ' if ev.element else ''}{said}", style="italic"))
                console.print(Text(f"        — {_where(ev, lang)}", style="dim"))
            if f.suggestion and f.status != "met":
                console.print(Text(f"      {tr(lang, 'label.suggestion')}: {_quote(f.suggestion)}", style="green dim"))
                if f.fallback:
                    console.print(Text(f"      {tr(lang, 'label.fallback')}: {_quote(f.fallback)}", style="green dim"))
    if result.markup is not None:
        render_markup(result, console)
    console.print()
    console.print(Text(tr(lang, "label.flags"), style="bold underline"))
    if not result.flags:
        console.print(Text(f"  {tr(lang, 'label.no_flags' if result.markup is None else 'label.no_flags_markup')}",
                           style="dim"))
    render_flags(result.flags, lang, console)
    if result.markup is None:  # the refusal flag shows only in changes: say it was not checked
        for line in textwrap.wrap(tr(lang, "label.flags_unchecked"), width=max(console.width - 3, 40)):
            console.print(Text(f"  {line}", style="dim"))
    counts = {s: sum(1 for f in result.requirements if f.status == s) for s in ("met", "weak", "missing")}
    console.print()
    summary = Text(f"{tr(lang, 'label.summary')}: ")
    for s in ("met", "weak", "missing"):
        summary.append(f"{counts[s]} {tr(lang, 'status.' + s)}", style=_STYLE[s])
        summary.append("  ")
    count = "label.flag_count_one" if len(result.flags) == 1 else "label.flag_count"
    summary.append(f"{len(result.flags)} {tr(lang, count)}", style="bold magenta" if result.flags else "dim")
    console.print(summary)


def render_markup(result: CheckResult, console) -> None:
    """The part "changed by the markup": who changed what, and each requirement whose status or
    values the changes move, with its status before and after and the changes behind it."""
    from rich.text import Text

    from ..requirements import BY_ID

    lang, markup = result.report_language, result.markup
    now = {f.id: f for f in result.requirements}
    console.print()
    console.print(Text(tr(lang, "markup.title"), style="bold underline"))
    authors = ", ".join(markup.authors()) or tr(lang, "markup.unknown_author")
    n = len(markup.revisions)
    changes = tr(lang, "markup.changes.one" if n == 1 else "markup.changes.many", count=n)
    console.print(Text(f"  {tr(lang, 'markup.revisions', changes=changes, authors=authors)}", style="dim"))
    if not any(c.before.status != now[c.id].status for c in markup.changes):
        console.print(Text(f"  {tr(lang, 'markup.none_changed')}", style="dim"))
    for change in markup.changes:
        before, after = change.before.status, now[change.id].status
        trend = ("markup.same" if before == after else "markup.weakened"
                 if STATUS_ORDER[after] < STATUS_ORDER[before] else "markup.strengthened")
        line = Text("  ")
        line.append(f"{change.id}  {BY_ID[change.id].title(lang)}: ", style="bold")
        line.append(tr(lang, f"status.{before}"), style=_STYLE[before])
        line.append(" → ")
        line.append(tr(lang, f"status.{after}"), style=_STYLE[after])
        line.append(f"  ({tr(lang, trend)})", style="bold red" if trend == "markup.weakened" else "dim")
        console.print(line)
        for ev in change.before.evidence[:1]:
            said = tr(lang, "label.quoted", text=_quote(ev.text))
            console.print(Text(f"      {tr(lang, 'markup.before')}: {said} — {_where(ev, lang)}", style="italic"))
        for rev in shown_revisions(change.revisions)[:4]:
            console.print(Text(f"      {revision_line(rev, lang)}", style="dim"))


def _render_refusals(flag, lang: str, console) -> None:
    """The refusal flag: each refusal with the requirement, the text before and after, the clause,
    who changed it and when."""
    from rich.text import Text

    from ..model import Evidence

    console.print(f"      {flag.message}", highlight=False, markup=False)
    for r in flag.refusals:
        head = refusal_head(r, lang)
        where = _where(Evidence(text="", page=r.page, section=r.section, heading=r.heading), lang)
        console.print(Text(f"    • {head} — {where}", style="bold"))
        for key, text in (("markup.before", r.before), ("markup.after", r.after)):
            said = tr(lang, "label.quoted", text=_quote(text)) if text else tr(lang, _EMPTY[key])
            console.print(Text(f"      {tr(lang, key)}: {said}", style="italic"))
        for rev in shown_revisions(r.revisions)[:4]:
            console.print(Text(f"      {revision_line(rev, lang)}", style="dim"))



def render_flags(flags, lang: str, console) -> None:
    """Each raised flag: its ID and title, then the changes that refuse security clauses, or up to three quotes."""
    from rich.text import Text

    for flag in flags:
        console.print(Text(f"⚑ {flag.id}  {flag.title}", style="bold magenta"))
        if flag.refusals:
            _render_refusals(flag, lang, console)
            continue
        for ev in flag.evidence[:3]:
            console.print(Text(f"      {tr(lang, 'label.quoted', text=_quote(ev.text))}", style="italic"))
            console.print(Text(f"        — {_where(ev, lang)}", style="dim"))

_OUTCOME = {
    "en": {"evidence": "decides", "matched": "matched", "vetoed": "vetoed by unless",
           "parent": "under a heading vetoed in §", "title": "its paragraph is vetoed by unless",
           "heading": "heading lacks", "alone": "counts only beside", "names": "names none of"},
    "da": {"evidence": "afgør", "matched": "fundet", "vetoed": "afvist af unless",
           "parent": "under en overskrift afvist i pkt.", "title": "afsnittet under den afvises af unless",
           "heading": "overskriften mangler",
           "alone": "tæller kun ved siden af", "names": "nævner intet af"},
}


def render_explanation(explanation, lang: str, console) -> None:
    """``check --explain ID``: the sentences the requirement's rules matched and what became of them,
    then the nearest misses with the words they lack."""
    from rich.text import Text

    words = _OUTCOME.get(lang, _OUTCOME["en"])
    status = tr(lang, f"status.{explanation.status}") if explanation.status in _STYLE else (explanation.status or "—")
    console.print()
    console.print(Text(f"{tr(lang, 'explain.title')} {explanation.id}: {status}", style="bold underline"))
    if explanation.message:
        console.print(f"  {explanation.message}", highlight=False, markup=False)
    console.print(Text(f"  {tr(lang, 'explain.rules')}: {', '.join(explanation.rules) or '—'}", style="dim"))
    if not explanation.seen:
        console.print(Text(f"  {tr(lang, 'explain.no_match')}", style="yellow"))
    for seen in explanation.seen:
        why = seen.why
        if seen.outcome == "names":  # aspect IDs, named in the report's language
            why = names(lang, why.split(", "))
        why = f" {why}" if seen.outcome == "parent" else f" ({why})" if why else ""
        console.print(Text(f"  [{words[seen.outcome]}{why}] {seen.rule}: {tr(lang, 'label.quoted', text=seen.matched)}", style="bold"))
        console.print(Text(f"      {_quote(seen.text)}", style="italic"))
        console.print(Text(f"        — {_where_of(seen, lang)}", style="dim"))
    if explanation.near:
        console.print(Text(f"  {tr(lang, 'explain.near')}:", style="bold"))
    for near in explanation.near:
        lacking = ", ".join(near.lacking) if near.lacking else tr(lang, "explain.order")
        console.print(Text(f"  {near.rule}: {tr(lang, 'explain.lacks')} {lacking}", style="yellow"))
        console.print(Text(f"      {_quote(near.text)}", style="italic"))
        console.print(Text(f"        — {_where_of(near, lang)}", style="dim"))


def _where_of(item, lang: str) -> str:
    from ..model import Evidence

    return _where(Evidence(text=item.text, page=item.page, section=item.section), lang)
