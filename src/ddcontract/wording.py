"""Word: a decision made once, said in a report language.

Everything a finding says is put together here: the deciding rule's message with the values filled
in (:func:`render_message`), the decision's notes, the generic "nothing addresses this" message,
the clause text to propose with the policy's values in its ``{placeholders}``
(:func:`fill_suggestion`) — for a requirement with aspects, the clauses for just the aspects the
contract lacks — with the playbook's fallback position beside it where the rule gives one, and the
evidence to quote. Also the policy's settings as the gap report lists
them (:func:`policy_lines`).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .decide import Decided, Raised
from .i18n import fmt_amount, join_and, names, tr, word
from .model import Evidence, Finding, FlagFinding, Match, Refusal
from .requirements import PLACEHOLDERS, REFUSAL, SETTINGS, Requirement
from .rules import Library, Rule

MAX_EVIDENCE = 3
MAX_FLAG_EVIDENCE = 5

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render_message(template: str, values: dict[str, Any], lang: str = "en") -> str:
    """Fill a rule message's ``{name}`` placeholders; values that were not found read "not stated"."""
    values = dict(values)
    if values.get("amount") is not None:
        values["money"] = fmt_amount(values["amount"], values.get("currency"), lang)
    else:
        values["money"] = tr(lang, "value.no_amount")

    def repl(m: re.Match[str]) -> str:
        v = values.get(m.group(1))
        if v is None or v == [] or v == "":
            return tr(lang, "value.not_stated")
        if isinstance(v, bool):
            return tr(lang, "value.yes" if v else "value.no")
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if isinstance(v, (int, float)) and m.group(1) == "amount":
            return fmt_amount(v, None, lang)
        if isinstance(v, (int, float)) and lang == "da":
            return str(v).replace(".", ",")
        if isinstance(v, list):
            return names(lang, [str(x) for x in v])
        return str(v)

    return _PLACEHOLDER.sub(repl, template)


def fill_suggestion(text: str, policy: Any, lang: str) -> str:
    """Suggested clause text with the policy's values in place of the requirements' placeholders
    (``{notice_deadline}``, ``{insurance_minimum}`` …); other braces are left as they are. A
    placeholder the policy leaves without a value (``{notice_deadline_max}`` when the maximum is the
    suggested deadline: no room for a fallback) makes the whole text "": it is not offered."""
    empty = False

    def repl(m: re.Match[str]) -> str:
        nonlocal empty
        phrase = PLACEHOLDERS.get(m.group(1))
        if phrase is None:
            return m.group(0)
        value = phrase(policy)
        empty = empty or value is None
        return "" if value is None else word(value, lang)

    filled = _PLACEHOLDER.sub(repl, text)
    return "" if empty else filled


def policy_lines(policy: Any, source: str | None, lang: str) -> list[str]:
    """Where the policy came from, then each setting as the requirement that owns it says it."""
    lines = [tr(lang, "report.policy.source", source=source or tr(lang, "report.policy.builtin"))]
    return lines + [s.line(policy).word(lang) for s in SETTINGS if s.line is not None]


def evidence(matches: list[Match], limit: int = MAX_EVIDENCE) -> list[Evidence]:
    """The sentences to quote, one per sentence, a clause's own sentences before its heading.

    A list's lead-in is quoted once: alone ("You must not:") it gives its place to a quote of the same
    clause that holds it with an item ("You must not: resell the service"), which says more, and it is
    not quoted again after one; the order of the quotes is kept (the first is the one the finding leads with)."""
    chosen: list[Match] = []
    seen: set[tuple[int, int]] = set()
    # a heading ("8. Data Location") says what a clause is about; the clause's own sentences say it
    for m in sorted(matches, key=lambda m: m.sentence.kind == "heading"):
        key = (m.sentence.clause_index, m.sentence.start)
        if key not in seen:
            seen.add(key)
            chosen.append(m)
    out: list[Evidence] = []
    quoted: set[int] = set()
    for i, m in enumerate(chosen):
        if len(out) >= limit:
            break
        if i in quoted:
            continue
        with_item = [j for j, o in enumerate(chosen) if _quotes_lead_in_of(o, m)]
        if any(j in quoted for j in with_item):
            continue  # already quoted with an item
        shown = with_item[0] if with_item else i
        quoted.add(shown)
        out.append(chosen[shown].evidence())
    return out


def _quotes_lead_in_of(o: Match, m: Match) -> bool:
    """Whether ``o`` quotes, with one of its items, the list lead-in that ``m`` quotes alone."""
    return (o is not m and o.sentence.clause_index == m.sentence.clause_index and o.sentence.lead > 0
            and o.sentence.text[:o.sentence.lead].strip() == m.sentence.text.strip())


def rule_ids(matches: list[Match]) -> list[str]:
    return list(dict.fromkeys(m.rule_id for m in matches))


def _primary_rule(library: Library, req: Requirement, lang: str) -> Rule | None:
    """The rule whose suggested clause a weak or missing requirement proposes: a rule of its main
    signal, written in the language where there is one."""
    rules = [r for r in library.for_target(req.id) if r.lang(lang) is not None] or library.for_target(req.id)
    main = [r for r in rules if r.model.signal == req.signals[0]]
    return (main or rules or [None])[0]


def _aspect_suggestions(req: Requirement, library: Library, values: dict[str, Any], lang: str, policy: Any) -> str:
    """For a requirement met only when every aspect is covered: the clauses for the aspects the
    contract lacks (all of them when it is missing), each from the rule that sets that aspect."""
    key = req.list_key()
    if key is None:
        return ""
    found = values.get(key) or []
    texts: list[str] = []
    for aspect in req.aspects:
        if aspect in found:
            continue
        for rule in library.for_target(req.id):
            if aspect in (rule.model.sets or {}).get(key, []) and rule.suggestion(lang):
                text = fill_suggestion(rule.suggestion(lang), policy, lang)
                if text not in texts:
                    texts.append(text)
                break
    return " ".join(texts)


def _message(d: Decided, library: Library, lang: str) -> str:
    decision, req = d.decision, d.requirement
    message = "".join(n.word(lang) for n in decision.notes)
    chosen = decision.evidence
    if chosen and decision.lead and (decision.status != "missing" or decision.evidence_when_missing):
        lead_rule = library.by_id(chosen[0].rule_id)
        lead = render_message(lead_rule.message(lang), {**chosen[0].values, **d.values}, lang) if lead_rule else ""
        message = f"{lead} {message}".strip() if lead else message
    if decision.status == "missing" and not message:
        title = req.title(lang)
        message = tr(lang, "missing.generic", title=title[:1].lower() + title[1:])
    return message


def _suggestion(d: Decided, library: Library, policy: Any, lang: str) -> str:
    if d.decision.status == "met":
        return ""
    req = d.requirement
    if req.aspects:
        text = _aspect_suggestions(req, library, d.values, lang, policy)
        if text:
            return text
    primary = _primary_rule(library, req, lang)
    return fill_suggestion(primary.suggestion(lang), policy, lang) if primary else ""


def _fallback(d: Decided, library: Library, policy: Any, lang: str, suggestion: str) -> str:
    """The fallback position beside the suggested clause (the preferred one): the main rule's
    fallback with the policy's values; none when there is no suggestion or it would say the same."""
    if not suggestion:
        return ""
    primary = _primary_rule(library, d.requirement, lang)
    text = fill_suggestion(primary.fallback(lang), policy, lang) if primary else ""
    return "" if text.split() == suggestion.split() else text


def aspect_evidence(d: Decided) -> list[Evidence]:
    """One quote per aspect found, each naming its aspect (a requirement with ``evidence_per_aspect``)."""
    found = d.values.get(d.requirement.list_key() or "") or []
    return [dataclasses.replace(m.evidence(), element=aspect) for aspect, m in zip(found, d.decision.evidence)]


def word_finding(d: Decided, library: Library, policy: Any, lang: str) -> Finding:
    decision, req = d.decision, d.requirement
    shown = decision.evidence if decision.status != "missing" or decision.evidence_when_missing else []
    quoted = aspect_evidence(d) if req.evidence_per_aspect and shown else evidence(shown)
    suggestion = _suggestion(d, library, policy, lang) if decision.required else ""
    return Finding(id=req.id, theme=req.theme, title=req.title(lang), status=decision.status, values=d.values,
                   evidence=quoted, message=_message(d, library, lang), suggestion=suggestion,
                   rules=rule_ids(shown), required=decision.required,
                   fallback=_fallback(d, library, policy, lang, suggestion))


def word_flag(r: Raised, library: Library, lang: str) -> FlagFinding:
    first = r.matches[0]
    rule = library.by_id(first.rule_id)
    message = render_message(rule.message(lang), first.values, lang) if rule else ""
    return FlagFinding(id=r.flag.id, title=r.flag.title(lang), evidence=evidence(r.matches, MAX_FLAG_EVIDENCE),
                       message=message, rules=rule_ids(r.matches))


def word_all(decided: list[Decided], raised: list[Raised], library: Library, policy: Any,
             lang: str) -> tuple[list[Finding], list[FlagFinding]]:
    return ([word_finding(d, library, policy, lang) for d in decided],
            [word_flag(r, library, lang) for r in raised])


def refusal_head(r: Refusal, lang: str) -> str:
    """A refusal's line: the requirement's status before and after ("met → weak"), or the inserted
    clause and what it excludes, after the requirement's ID."""
    if r.kind == "weakened":
        return tr(lang, "markup.refusal.weakened", requirement=r.topic,
                  before=tr(lang, f"status.{r.status_before}"), after=tr(lang, f"status.{r.status_after}"))
    head = tr(lang, "markup.refusal.excluded", topic=tr(lang, f"markup.topic.{r.topic}"))
    return f"{r.requirement}: {head}" if r.requirement else head


def word_refusals(refusals: list[Refusal], lang: str) -> FlagFinding:
    """The refusal flag from the changes that refuse security clauses: one piece of evidence per
    change (the text after it, or before it when the clause is gone), the changes alongside."""
    shown = [Evidence(text=r.after or r.before, page=r.page, section=r.section, heading=r.heading,
                      anchor=r.anchor) for r in refusals]
    weakened = sum(1 for r in refusals if r.kind == "weakened")
    parts = [tr(lang, f"markup.flag.{kind}.{'one' if n == 1 else 'many'}", count=n)
             for kind, n in (("weakened", weakened), ("excluded", len(refusals) - weakened)) if n]
    message = tr(lang, "markup.flag", parts=join_and(parts, lang))
    return FlagFinding(id=REFUSAL.id, title=REFUSAL.title(lang), evidence=shown, message=message,
                       refusals=list(refusals))
