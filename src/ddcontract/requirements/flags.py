"""The warning flags: WF-2 and WF-3 raised when one of their rules matches; WF-1 (the customer
refuses security clauses) raised from a markup or a returned version (:mod:`ddcontract.markup`),
never from a contract read alone.

:data:`EXCLUSIONS` are the inserted words that expressly exclude a security clause (WF-1's second
ground): per topic, the requirement concerned where the catalogue checks one, and the expressions
per language (regular expressions over the lower-cased text, a sentence at most).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .base import Family, Flag

FLAGS = (
    Flag("WF-1", {"en": "The customer refuses security clauses", "da": "Kunden afviser sikkerhedsklausuler"}),
    Flag("WF-2", {"en": "Exceptions from basic security practices",
                  "da": "Undtagelser fra grundlæggende sikkerhedspraksis"}),
    Flag("WF-3", {"en": "Deep system access without oversight", "da": "Dyb systemadgang uden tilsyn"}),
)
REFUSAL = FLAGS[0]  # raised from changes, not by rules: ddcontract.markup
RULE_FLAGS = FLAGS[1:]  # raised when one of their rules matches


@dataclass(frozen=True, slots=True)
class Exclusion:
    """Words that, inserted, expressly exclude a security clause: ``topic`` names what is excluded,
    ``requirement`` the requirement concerned (None: one the catalogue has, but the check not yet)."""

    topic: str
    requirement: str | None
    patterns: Mapping[str, tuple[str, ...]]  # language -> regular expressions
    # language -> expressions that, in the same sentence, make it no exclusion (a carve-out)
    unless: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


_S = r"[^.;]{0,80}?"  # a stretch of the same sentence
EXCLUSIONS = (
    Exclusion("dpa", None, {  # DD-7.1 when Theme 7 is checked
        "en": (rf"\bno{_S}data processing (?:agreement|addendum|terms){_S}\b(?:required|necessary|needed|apply|"
               rf"be (?:entered|concluded|signed))",
               rf"\bnot{_S}\b(?:required|obliged|obligated|need){_S}data processing (?:agreement|addendum)",
               r"\bdata processing (?:agreement|addendum)[^.;]{0,40}\b(?:shall|will) not (?:apply|be required)"),
        "da": (rf"\bingen{_S}databehandleraftale", rf"\bikke{_S}\b(?:krav|pligt|forpligte\w*|nødvendig\w*)"
               rf"{_S}databehandleraftale", rf"databehandleraftale{_S}\b(?:kræves|er) ikke")}),
    Exclusion("liability", "DD-4.6", {
        "en": (rf"\bliability\b{_S}\b(?:unlimited|uncapped|not (?:be )?(?:limited|capped))",
               r"\bno (?:limitation|cap|limit|maximum) (?:on|of|to) [^.;]{0,30}liability",
               rf"\blimitations? of liability{_S}\b(?:shall|will) not apply"),
        "da": (rf"\b\w*ansvar\w*\b{_S}\bubegrænse\w*", rf"\bubegrænse\w*{_S}\b\w*ansvar",
               rf"\bansvarsbegrænsning\w*{_S}\b(?:gælder|finder) ikke", r"\bingen ansvarsbegrænsning")},
        # the usual carve-outs (death, personal injury, fraud, wilful misconduct) keep the limitation
        unless={"en": (r"\bdeath\b", r"\bpersonal injury", r"\bfraud", r"\bwil+ful (?:misconduct|default)",
                       r"\bgross negligence"),
                "da": (r"\bdødsfald", r"\bpersonskade", r"\bsvig\b", r"\bforsæt", r"\bgrov uagtsomhed")}),
    Exclusion("notification", "DD-8.1", {
        "en": (r"\bno (?:obligation|duty|requirement) (?:whatsoever )?to (?:notify|inform|report|give notice)",
               r"\bnot (?:be )?(?:required|obliged|obligated|bound) to (?:notify|inform|report|give notice)",
               r"\bnot have any (?:obligation|duty) to (?:notify|inform|report)"),
        "da": (r"\bingen (?:pligt|forpligtelse) til at (?:underrette|informere|orientere|give (?:meddelelse|besked)"
               r"|meddele|anmelde)",
               r"\bikke (?:forpligtet|forpligtiget|pligt) til at (?:underrette|informere|orientere|meddele|give)")}),
    Exclusion("insurance", "DD-6.1", {
        "en": (r"\bno (?:obligation|duty|requirement) to (?:maintain|hold|take out|carry|obtain)[^.;]{0,30}insurance",
               r"\bnot (?:be )?(?:required|obliged|obligated) to (?:maintain|hold|take out|carry|obtain)"
               r"[^.;]{0,30}insurance"),
        "da": (r"\bingen (?:pligt|forpligtelse) til at (?:tegne|have|opretholde)[^.;]{0,30}forsikring",
               r"\bikke (?:forpligtet|forpligtiget) til at (?:tegne|have|opretholde)[^.;]{0,30}forsikring")}),
    Exclusion("security", None, {
        "en": (rf"\b(?:security|data protection) (?:obligations|requirements|measures|clauses?|provisions)"
               rf"{_S}\b(?:shall|will|do|does) not apply",
               r"\bno (?:information )?security (?:obligations|requirements|measures) (?:shall|will) apply"),
        "da": (rf"\bsikkerhed\w*(?:krav|foranstaltninger|forpligtelser|bestemmelser)\w*{_S}\b(?:gælder|finder) ikke",)}),
)

TEXTS = {
    "en": {"label.no_flags": "none raised (WF-2 and WF-3 were checked)",
           "label.no_flags_markup": "none raised (WF-1 in the tracked changes, WF-2 and WF-3 were checked)",
           "label.flags_unchecked": "WF-1 (the customer refuses security clauses) is not checked: it shows in what "
                                    "the customer strikes out or rewrites in a draft, so it needs two versions "
                                    "compared: check their markup with tracked changes, or run "
                                    "`ddcontract compare OURS THEIRS` on a clean returned version.",
           "compare.title": "ddcontract compare — {ours} → {theirs}",
           "compare.side": "{side}: format {format}{pages}, language {language}",
           "compare.ours": "ours", "compare.theirs": "theirs",
           "compare.requirements": "Requirements: ours → theirs",
           "compare.changes": "Changed clauses that touch a requirement",
           "compare.other_changes": "Other changed clauses",
           "compare.counts": "Changed clauses: {changes} ({security} touching a requirement, {other} not); "
                             "renumbered or moved unchanged: {moved}.",
           "compare.hidden": "{other} changed clauses touch no requirement (--all-changes lists them).",
           "compare.hidden.one": "1 changed clause touches no requirement (--all-changes lists it).",
           "compare.none": "The versions have the same clauses.",
           "compare.kind.changed": "changed", "compare.kind.inserted": "inserted", "compare.kind.deleted": "deleted",
           "compare.touches": "touches",
           "compare.no_flags": "none raised (WF-1 between the versions, WF-2 and WF-3 were checked)",
           "compare.summary": "{weakened} weakened, {strengthened} strengthened",
           "markup.title": "Changed by the markup",
           "markup.revisions": "{changes} by {authors}; the report above is the text they propose.",
           "markup.changes.one": "1 tracked change", "markup.changes.many": "{count} tracked changes",
           "markup.none_changed": "No requirement changes status: the tracked changes leave every requirement "
                                  "as it was.",
           "markup.weakened": "weakened",
           "markup.strengthened": "strengthened",
           "markup.same": "same status, other values",
           "markup.before": "before",
           "markup.after": "after",
           "markup.gone": "(deleted)",
           "markup.absent": "(not in the text)",
           "markup.by": "{kind} by {author}, {date}",
           "markup.unknown_author": "an unnamed author",
           "markup.no_date": "no date",
           "markup.kind.insertion": "inserted", "markup.kind.deletion": "deleted",
           "markup.kind.move-from": "moved away", "markup.kind.move-to": "moved here",
           "markup.kind.paragraph-mark-insertion": "paragraph split",
           "markup.kind.paragraph-mark-deletion": "paragraphs joined",
           "markup.kind.row-insertion": "row inserted", "markup.kind.row-deletion": "row deleted",
           "markup.kind.cell-insertion": "cell inserted", "markup.kind.cell-deletion": "cell deleted",
           "markup.refusal.weakened": "{requirement}: {before} → {after}",
           "markup.refusal.excluded": "inserted clause excludes {topic}",
           "markup.topic.dpa": "a data processing agreement",
           "markup.topic.liability": "the limitation of liability",
           "markup.topic.notification": "breach notification",
           "markup.topic.insurance": "the insurance duty",
           "markup.topic.security": "security obligations",
           "markup.flag.weakened.one": "delete or weaken 1 security requirement",
           "markup.flag.weakened.many": "delete or weaken {count} security requirements",
           "markup.flag.excluded.one": "insert 1 clause that excludes one",
           "markup.flag.excluded.many": "insert {count} clauses that exclude one",
           "markup.flag": "The changes {parts}."},
    "da": {"label.no_flags": "ingen (WF-2 og WF-3 er kontrolleret)",
           "label.no_flags_markup": "ingen (WF-1 i de registrerede ændringer, WF-2 og WF-3 er kontrolleret)",
           "label.flags_unchecked": "WF-1 (kunden afviser sikkerhedsklausuler) kontrolleres ikke: det ses af, hvad "
                                    "kunden stryger eller omskriver i et udkast, så det kræver, at to versioner "
                                    "sammenlignes: kontrollér kundens udgave med registrerede ændringer, eller kør "
                                    "`ddcontract compare VORES DERES` på en ren returneret version.",
           "compare.title": "ddcontract compare — {ours} → {theirs}",
           "compare.side": "{side}: format {format}{pages}, sprog {language}",
           "compare.ours": "vores", "compare.theirs": "deres",
           "compare.requirements": "Krav: vores → deres",
           "compare.changes": "Ændrede bestemmelser, der berører et krav",
           "compare.other_changes": "Andre ændrede bestemmelser",
           "compare.counts": "Ændrede bestemmelser: {changes} ({security} berører et krav, {other} ikke); "
                             "omnummereret eller flyttet uændret: {moved}.",
           "compare.hidden": "{other} ændrede bestemmelser berører intet krav (--all-changes viser dem).",
           "compare.hidden.one": "1 ændret bestemmelse berører intet krav (--all-changes viser den).",
           "compare.none": "Versionerne har de samme bestemmelser.",
           "compare.kind.changed": "ændret", "compare.kind.inserted": "indsat", "compare.kind.deleted": "slettet",
           "compare.touches": "berører",
           "compare.no_flags": "ingen (WF-1 mellem versionerne, WF-2 og WF-3 er kontrolleret)",
           "compare.summary": "{weakened} svækket, {strengthened} styrket",
           "markup.title": "Ændret af markeringerne",
           "markup.revisions": "{changes} af {authors}; rapporten ovenfor gælder teksten, som de foreslår.",
           "markup.changes.one": "1 registreret ændring", "markup.changes.many": "{count} registrerede ændringer",
           "markup.none_changed": "Intet krav skifter status: de registrerede ændringer lader alle krav være, "
                                  "som de var.",
           "markup.weakened": "svækket",
           "markup.strengthened": "styrket",
           "markup.same": "samme status, andre værdier",
           "markup.before": "før",
           "markup.after": "efter",
           "markup.gone": "(slettet)",
           "markup.absent": "(fandtes ikke)",
           "markup.by": "{kind} af {author}, {date}",
           "markup.unknown_author": "en unavngiven forfatter",
           "markup.no_date": "uden dato",
           "markup.kind.insertion": "indsat", "markup.kind.deletion": "slettet",
           "markup.kind.move-from": "flyttet herfra", "markup.kind.move-to": "flyttet hertil",
           "markup.kind.paragraph-mark-insertion": "afsnit delt",
           "markup.kind.paragraph-mark-deletion": "afsnit sammenføjet",
           "markup.kind.row-insertion": "række indsat", "markup.kind.row-deletion": "række slettet",
           "markup.kind.cell-insertion": "celle indsat", "markup.kind.cell-deletion": "celle slettet",
           "markup.refusal.weakened": "{requirement}: {before} → {after}",
           "markup.refusal.excluded": "indsat bestemmelse udelukker {topic}",
           "markup.topic.dpa": "en databehandleraftale",
           "markup.topic.liability": "ansvarsbegrænsningen",
           "markup.topic.notification": "underretning om sikkerhedsbrud",
           "markup.topic.insurance": "forsikringspligten",
           "markup.topic.security": "sikkerhedsforpligtelser",
           "markup.flag.weakened.one": "sletter eller svækker 1 sikkerhedskrav",
           "markup.flag.weakened.many": "sletter eller svækker {count} sikkerhedskrav",
           "markup.flag.excluded.one": "indsætter 1 bestemmelse, der udelukker et",
           "markup.flag.excluded.many": "indsætter {count} bestemmelser, der udelukker et",
           "markup.flag": "Ændringerne {parts}."},
}

FAMILY = Family("flags", None, flags=FLAGS, texts=TEXTS)
