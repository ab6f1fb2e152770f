"""The words of the assessment's forms and console output, per language (the questions' own texts
are in the questionnaire's data)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "form.title": "Due-diligence questionnaire: the customer's answers (written by `ddcontract assess init`).",
        "form.how": ("Answer each question after its colon. Leave an answer blank when it is not known: it is "
                     "reported as unknown, never guessed. The answers each question allows are listed above it; "
                     "a choice may be written as its ID or its label."),
        "form.multiple": "Several choices: a list, e.g. [personal, financial].",
        "form.note": 'A note beside an answer: {answer: partly, note: "only production is logged"}.',
        "form.text": "Text over several lines: write | after the colon and the lines below it, indented.",
        "form.check": "Check the answers and see the customer's risk level: ddcontract assess risk {path}",
        "meta.language": "the language of the answers file (en or da)",
        "meta.customer": "the customer's name",
        "meta.assessed_by": "who answered: name and role",
        "meta.date": "the date of the answers, YYYY-MM-DD",
        "label.customer": "Customer",
        "label.assessed_by": "Answered by",
        "label.date": "Date",
        "theme": "Theme {number}",
        "type.choice": "One of",
        "type.multiple": "Any of (several separated by commas)",
        "type.multiple_yaml": "Any of (a list)",
        "type.yes-no": "One of",
        "type.yes-no-partly": "One of",
        "type.number": "A number",
        "type.number_range": "A number from {min} to {max}",
        "type.text": "Free text",
        "type.date": "A date, YYYY-MM-DD",
        "sheet.instructions": "Instructions",
        "sheet.questions": "Questionnaire",
        "col.id": "ID",
        "col.theme": "Theme",
        "col.question": "Question",
        "col.help": "Help",
        "col.allowed": "Allowed answers",
        "col.answer": "Answer",
        "col.note": "Note",
        "xlsx.title": "Cybersecurity due diligence: questionnaire for a new customer",
        "xlsx.intro": ("Before we start working together, we assess how our cooperation may expose either of us to "
                       "cyber risk. Please answer the questions on the sheet \u201cQuestionnaire\u201d."),
        "xlsx.how1": "Write each answer in the column \u201cAnswer\u201d; only that column and \u201cNote\u201d can be edited.",
        "xlsx.how2": "Where a cell has a drop-down list, choose one of its answers.",
        "xlsx.how3": "Where several answers are allowed, separate them with commas, e.g. \u201cAPI integration, Network connection\u201d.",
        "xlsx.how4": "Numbers are plain numbers; dates are written YYYY-MM-DD.",
        "xlsx.how5": "Leave an answer blank when you do not know it: it is noted as unknown, never guessed.",
        "xlsx.how6": "Use \u201cNote\u201d for anything an answer needs said: amounts, names, exceptions.",
        "xlsx.return": "Return the filled workbook to your contact. Thank you.",
        "xlsx.number_error": "Write a number from {min} to {max}.",
        "xlsx.choice_error": "Choose one of the answers in the list.",
        "xlsx.date_error": "Write a date, YYYY-MM-DD.",
        "risk.level": "Risk level: {level}",
        "risk.none": "No rule of the risk profile raised the level; the default is {level}.",
        "risk.reasons": "Why:",
        "risk.undecided": "Undecided: answering these could raise the level",
        "risk.unknown": "Unknown answers: {count} of {total}",
        "risk.policy": "Contracts are checked against the {level} policy: ddcontract check CONTRACT --profile {level_id}",
        "level.low": "low", "level.medium": "medium", "level.high": "high",
    },
    "da": {
        "form.title": "Due diligence-spørgeskema: kundens svar (skrevet af `ddcontract assess init`).",
        "form.how": ("Skriv svaret på hvert spørgsmål efter dets kolon. Lad et svar stå tomt, når det ikke er "
                     "kendt: det noteres som ukendt og gættes aldrig. De svar, hvert spørgsmål tillader, står over "
                     "det; et valg kan skrives med sit ID eller sin tekst."),
        "form.multiple": "Flere valg: en liste, f.eks. [personal, financial].",
        "form.note": 'En bemærkning til et svar: {answer: partly, note: "kun produktion logges"}.',
        "form.text": "Tekst over flere linjer: skriv | efter kolon og linjerne under, indrykket.",
        "form.check": "Kontrollér svarene og se kundens risikoniveau: ddcontract assess risk {path}",
        "meta.language": "svarfilens sprog (en eller da)",
        "meta.customer": "kundens navn",
        "meta.assessed_by": "hvem der har svaret: navn og rolle",
        "meta.date": "datoen for svarene, ÅÅÅÅ-MM-DD",
        "label.customer": "Kunde",
        "label.assessed_by": "Besvaret af",
        "label.date": "Dato",
        "theme": "Tema {number}",
        "type.choice": "Et af",
        "type.multiple": "Et eller flere af (adskilt med komma)",
        "type.multiple_yaml": "Et eller flere af (en liste)",
        "type.yes-no": "Et af",
        "type.yes-no-partly": "Et af",
        "type.number": "Et tal",
        "type.number_range": "Et tal fra {min} til {max}",
        "type.text": "Fri tekst",
        "type.date": "En dato, ÅÅÅÅ-MM-DD",
        "sheet.instructions": "Vejledning",
        "sheet.questions": "Spørgeskema",
        "col.id": "ID",
        "col.theme": "Tema",
        "col.question": "Spørgsmål",
        "col.help": "Hjælp",
        "col.allowed": "Tilladte svar",
        "col.answer": "Svar",
        "col.note": "Bemærkning",
        "xlsx.title": "Due diligence for cybersikkerhed: spørgeskema til en ny kunde",
        "xlsx.intro": ("Før vi begynder at arbejde sammen, vurderer vi, hvordan samarbejdet kan udsætte os hver især "
                       "for cyberrisici. Besvar venligst spørgsmålene på arket \u201cSpørgeskema\u201d."),
        "xlsx.how1": "Skriv hvert svar i kolonnen \u201cSvar\u201d; kun den og \u201cBemærkning\u201d kan redigeres.",
        "xlsx.how2": "Hvor en celle har en rulleliste, så vælg et af dens svar.",
        "xlsx.how3": "Hvor flere svar er tilladt, så adskil dem med komma, f.eks. \u201cAPI-integration, Netværksforbindelse\u201d.",
        "xlsx.how4": "Tal skrives som tal; datoer skrives ÅÅÅÅ-MM-DD.",
        "xlsx.how5": "Lad et svar stå tomt, når du ikke kender det: det noteres som ukendt og gættes aldrig.",
        "xlsx.how6": "Brug \u201cBemærkning\u201d til det, et svar kræver uddybet: beløb, navne, undtagelser.",
        "xlsx.return": "Send det udfyldte regneark tilbage til din kontaktperson. Tak.",
        "xlsx.number_error": "Skriv et tal fra {min} til {max}.",
        "xlsx.choice_error": "Vælg et af svarene på listen.",
        "xlsx.date_error": "Skriv en dato, ÅÅÅÅ-MM-DD.",
        "risk.level": "Risikoniveau: {level}",
        "risk.none": "Ingen regel i risikoprofilen hævede niveauet; standarden er {level}.",
        "risk.reasons": "Hvorfor:",
        "risk.undecided": "Uafklaret: svar på disse kan hæve niveauet",
        "risk.unknown": "Ukendte svar: {count} af {total}",
        "risk.policy": "Kontrakter kontrolleres mod politikken for {level}: ddcontract check KONTRAKT --profile {level_id}",
        "level.low": "lav", "level.medium": "middel", "level.high": "høj",
    },
}

META_KEYS = ("customer", "assessed_by", "date")


def t(lang: str, key: str, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``values`` filled in."""
    text = TEXTS[lang][key]
    return text.format(**values) if values else text


def all_languages(key: str) -> set[str]:
    """The text ``key`` in every language (a reader accepts a workbook in any of them)."""
    return {texts[key] for texts in TEXTS.values()}
