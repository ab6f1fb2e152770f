"""Evaluate: decide each requirement's status from its matches, against the policy.

Statuses follow ../shared/REQUIREMENTS.md. Every finding keeps the evidence (sentence, page,
section) and the IDs of the rules that produced it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .catalogue import FLAGS, REQUIREMENTS, VALUE_KEYS, Requirement
from .i18n import fmt_amount, fmt_number, names, tr
from .model import Evidence, Finding, FlagFinding, Match, Status
from .policy import Policy, fill_suggestion
from .rules import Library, render_message

MAX_EVIDENCE = 3


def evaluate(matches: list[Match], library: Library, policy: Policy, lang: str) -> tuple[list[Finding], list[FlagFinding]]:
    by_target: dict[str, list[Match]] = {}
    for m in matches:
        by_target.setdefault(m.requirement, []).append(m)
    findings = [_evaluate_one(req, by_target.get(req.id, []), library, policy, lang) for req in REQUIREMENTS]
    flags = []
    for flag in FLAGS:
        hits = by_target.get(flag.id, [])
        if not hits:
            continue
        rule = library.by_id(hits[0].rule_id)
        message = render_message(rule.message(lang), hits[0].values, lang) if rule else ""
        flags.append(FlagFinding(id=flag.id, title=flag.title_in(lang), evidence=_evidence(hits, limit=5),
                                 message=message, rules=_rule_ids(hits)))
    return findings, flags


def _evidence(matches: list[Match], limit: int = MAX_EVIDENCE) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    # a heading ("8. Data Location") says what a clause is about; the clause's own sentences say it
    for m in sorted(matches, key=lambda m: m.sentence.kind == "heading"):
        key = (m.sentence.clause_index, m.sentence.start)
        if key in seen:
            continue
        seen.add(key)
        out.append(m.evidence())
        if len(out) >= limit:
            break
    return out


def _rule_ids(matches: list[Match]) -> list[str]:
    return list(dict.fromkeys(m.rule_id for m in matches))


def _primary_rule(library: Library, req: Requirement, lang: str):
    rules = [r for r in library.for_target(req.id) if r.lang(lang) is not None] or library.for_target(req.id)
    main = [r for r in rules if r.model.signal == req.signals[0]]
    return (main or rules or [None])[0]


def _evaluate_one(req: Requirement, matches: list[Match], library: Library, policy: Policy,
                  lang: str) -> Finding:
    values: dict[str, Any] = {k: (list(v) if isinstance(v, list) else v) for k, v in VALUE_KEYS.get(req.id, {}).items()}
    primary = _primary_rule(library, req, lang)
    suggestion = fill_suggestion(primary.suggestion(lang), policy, lang) if primary else ""
    decide = _DECIDERS.get(req.id, _decide_present)
    status, message, chosen, extra = decide(req, matches, policy, values, lang)
    if chosen and (status != "missing" or extra.get("show_evidence")):
        lead_rule = library.by_id(chosen[0].rule_id)
        lead = render_message(lead_rule.message(lang), {**chosen[0].values, **values}, lang) if lead_rule else ""
        message = f"{lead} {message}".strip() if lead and not extra.get("no_lead") else message
    if req.aspects and status != "met":
        suggestion = _aspect_suggestions(req, library, values, lang, policy) or suggestion
    if status == "missing" and not message:
        title = req.title_in(lang)
        message = tr(lang, "missing.generic", title=title[:1].lower() + title[1:])
    return Finding(id=req.id, theme=req.theme, title=req.title_in(lang), status=status, values=values,
                   evidence=_evidence(chosen), message=message,
                   suggestion=suggestion if status != "met" else "", rules=_rule_ids(chosen))


def _aspect_suggestions(req: Requirement, library: Library, values: dict[str, Any], lang: str,
                        policy: Policy) -> str:
    """For a requirement met only when every aspect is covered: the clauses for the aspects the
    contract lacks (all of them when it is missing), each from the rule that sets that aspect."""
    key = next((k for k, v in VALUE_KEYS.get(req.id, {}).items() if isinstance(v, list)), None)
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


Decision = tuple[Status, str, list[Match], dict[str, Any]]


def _decide_present(req: Requirement, matches: list[Match], policy: Policy, values: dict[str, Any],
           lang: str = "en") -> Decision:
    if not matches:
        return "missing", "", [], {}
    for m in matches:
        for key, val in m.values.items():
            if key not in values and val is not None:
                values[key] = val
    return "met", "", matches, {}


def _decide_aspects(key: str) -> Callable[..., Decision]:
    def decide(req: Requirement, matches: list[Match], policy: Policy, values: dict[str, Any],
           lang: str = "en") -> Decision:
        found: list[str] = []
        for m in matches:
            for a in m.values.get(key, []):
                if a in req.aspects and a not in found:
                    found.append(a)
        values[key] = [a for a in req.aspects if a in found]
        chosen = [m for m in matches if set(m.values.get(key, [])) & set(req.aspects)]
        if not found:
            return "missing", "", [], {}
        lacking = [a for a in req.aspects if a not in found]
        if not lacking:
            return "met", tr(lang, "aspects.all", found=names(lang, list(req.aspects))), chosen, {"no_lead": True}
        return ("weak", tr(lang, "aspects.some", found=names(lang, values[key]), lacking=names(lang, lacking)),
                chosen, {"no_lead": True})

    return decide


def _decide_cap(req: Requirement, matches: list[Match], policy: Policy, values: dict[str, Any],
           lang: str = "en") -> Decision:
    unlimited = [m for m in matches if m.signal == "unlimited"]
    # "No limitation applies to X's liability, which covers indirect loss" limits nothing:
    # a sentence that declares liability unlimited cannot also count as a cap or an exclusion.
    open_sentences = {(m.sentence.clause_index, m.sentence.start) for m in unlimited}
    kept = [m for m in matches if m.signal == "unlimited"
            or (m.sentence.clause_index, m.sentence.start) not in open_sentences]
    caps = [m for m in kept if m.signal == "cap"]
    limits = [m for m in kept if m.signal in ("exclusion", "time-limit")]
    note = tr(lang, "cap.unlimited_note", section=unlimited[0].sentence.section or "?") if unlimited else ""
    with_value = [m for m in caps if m.values.get("amount") is not None or m.values.get("formula")]
    if with_value:
        best = sorted(with_value, key=lambda m: (m.values.get("amount") is None, not m.values.get("formula")))[0]
        values.update({k: best.values.get(k) for k in ("amount", "currency", "formula")})
        return "met", tr(lang, "cap.met") + note, [best] + [m for m in with_value if m is not best], {}
    if caps:
        if not policy.cap_requires_amount_or_formula:
            return "met", tr(lang, "cap.no_amount_ok") + note, caps, {}
        return ("weak", tr(lang, "cap.no_amount") + note,
                caps + limits, {})
    if limits:
        kinds = [tr(lang, k) for k in sorted({"cap.kind.exclusion" if m.signal == "exclusion" else "cap.kind.time"
                                               for m in limits})]
        return ("weak", tr(lang, "cap.limits_only", kinds=tr(lang, "cap.and").join(kinds)) + note,
                limits, {"no_lead": True})
    if unlimited:
        return ("missing", tr(lang, "cap.unlimited"), unlimited,
                {"show_evidence": True, "no_lead": True})
    return "missing", "", [], {}


def _decide_termination(req: Requirement, matches: list[Match], policy: Policy, values: dict[str, Any],
           lang: str = "en") -> Decision:
    security = [m for m in matches if m.signal == "security-breach"]
    if security:
        return "met", "", security, {}
    general = [m for m in matches if m.signal == "material-breach"]
    if general:
        return "weak", tr(lang, "term.general_only"), general, {"no_lead": True}
    return "missing", "", [], {}


def _decide_insurance(req: Requirement, matches: list[Match], policy: Policy, values: dict[str, Any],
           lang: str = "en") -> Decision:
    if not matches:
        return "missing", "", [], {}
    types: list[str] = []
    for m in matches:
        for t in m.values.get("types", []):
            if t not in types:
                types.append(t)
    values["types"] = types
    cyber = [m for m in matches if "cyber" in m.values.get("types", [])]
    ranked = sorted(cyber, key=lambda m: m.values.get("amount") is None) + [m for m in matches if m not in cyber]
    best = ranked[0]
    values["amount"] = best.values.get("amount")
    values["currency"] = best.values.get("currency")
    if not cyber:
        kinds = names(lang, types) if types else tr(lang, "ins.unspecified")
        return "weak", tr(lang, "ins.not_cyber", kinds=kinds), ranked, {"no_lead": True}
    if values["amount"] is None:
        return "weak", tr(lang, "ins.no_amount"), ranked, {"no_lead": True}
    minimum = policy.insurance_min_amount.get(values["currency"] or "")
    if minimum is not None and values["amount"] < minimum:
        return ("weak", tr(lang, "ins.below", amount=fmt_amount(values["amount"], values["currency"], lang),
                           minimum=fmt_amount(minimum, values["currency"], lang)), ranked, {})
    return "met", "", ranked, {}


def _decide_deadline(req: Requirement, matches: list[Match], policy: Policy, values: dict[str, Any],
           lang: str = "en") -> Decision:
    timed = [m for m in matches if m.values.get("hours") is not None]
    vague = [m for m in matches if m.values.get("vague")]
    limit = policy.notification_max_hours
    if timed:
        best = min(timed, key=lambda m: m.values["hours"])
        hours = best.values["hours"]
        values.update({"hours": hours, "vague": False})
        if best.values.get("unit"):
            values["unit"] = best.values["unit"]
        unit_note = tr(lang, "deadline.business_days") if best.values.get("unit") == "business days" else ""
        rest = [m for m in timed if m is not best]
        if hours <= limit:
            return ("met", tr(lang, "deadline.within", limit=fmt_number(limit, lang), unit_note=unit_note),
                    [best] + rest, {})
        return ("weak", tr(lang, "deadline.longer", hours=fmt_number(hours, lang), unit_note=unit_note,
                           limit=fmt_number(limit, lang)), [best] + rest, {})
    if vague:
        values.update({"hours": None, "vague": True})
        return "weak", tr(lang, "deadline.vague", limit=fmt_number(limit, lang)), vague, {}
    if matches:
        return ("missing", tr(lang, "deadline.none"), matches,
                {"show_evidence": True, "no_lead": True})
    return "missing", "", [], {}


def _decide_mutual(req: Requirement, matches: list[Match], policy: Policy, values: dict[str, Any],
           lang: str = "en") -> Decision:
    mutual = [m for m in matches if m.signal == "mutual"]
    if mutual:
        return "met", "", mutual, {}
    one_way = [m for m in matches if m.signal == "one-way"]
    duties = {(m.values.get("notifier"), m.values.get("recipient")): m for m in one_way
              if m.values.get("notifier") and m.values.get("recipient")}
    for (who, whom), m in duties.items():
        back = duties.get((whom, who))
        if back is not None:  # one clause each way: "Supplier notifies Customer", "Customer notifies Supplier"
            return ("met", tr(lang, "mutual.both", who=who, whom=whom),
                    [m, back], {"no_lead": True})
    if one_way:
        return ("missing", tr(lang, "mutual.one_way"),
                one_way, {"show_evidence": True, "no_lead": True})
    return "missing", "", [], {}


def _decide_channels(req: Requirement, matches: list[Match], policy: Policy, values: dict[str, Any],
           lang: str = "en") -> Decision:
    channels: list[str] = []
    chosen = []
    for m in matches:
        if m.values.get("channels"):
            chosen.append(m)
        for c in m.values.get("channels", []):
            if c not in channels:
                channels.append(c)
    values["channels"] = channels
    if channels:
        return "met", "", chosen, {}
    return "missing", "", [], {}


_DECIDERS: dict[str, Callable[..., Decision]] = {
    "DD-4.3": _decide_aspects("aspects"),
    "DD-4.5": _decide_aspects("aspects"),
    "DD-8.3": _decide_aspects("elements"),
    "DD-4.6": _decide_cap,
    "DD-4.7": _decide_termination,
    "DD-6.1": _decide_insurance,
    "DD-8.1": _decide_deadline,
    "DD-8.2": _decide_mutual,
    "DD-8.4": _decide_channels,
}
