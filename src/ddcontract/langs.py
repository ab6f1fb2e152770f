"""The languages ddcontract reads and writes, in one place.

Every language here has rules in the clause library, report texts, requirement titles and messages,
templates, and spaCy's lookup lemmas. Adding one means adding all of those; the code takes its list
from :data:`LANGUAGES`.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("en", "da")

# each language's name, written in each report language
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"en": "English", "da": "Danish"},
    "da": {"en": "engelsk", "da": "dansk"},
}


def check_language(value: str) -> str:
    """``value`` when it is a known language; a ValueError naming the known ones otherwise."""
    if value not in LANGUAGES:
        raise ValueError(f"unknown language {value!r}; known: {', '.join(LANGUAGES)}")
    return value
