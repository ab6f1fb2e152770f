"""The word lists of a rule file (``words:``) and the references to them (``@name`` in a pattern),
checked as :func:`ddcontract.rules.load_file` reads the file; the problems go to its collector."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .langs import LANGUAGES

if TYPE_CHECKING:
    from .rules import Rule


def word_lists(data: Any, found: Any) -> dict[str, dict[str, str]]:
    """The file's named word lists (``words:``), checked: language -> name -> alternatives."""
    from .matching.compiler import WORD_LIST_NAME, PatternError, parse_word_list

    if not isinstance(data, dict):
        found.add(None, "words", "a mapping of languages to named word lists, e.g. {da: {notify: 'underrette|meddele'}}")
        return {}
    out: dict[str, dict[str, str]] = {}
    for lang, lists in data.items():
        where = f"words.{lang}"
        if lang not in LANGUAGES:
            found.add(None, where, f"unknown language {lang!r}; known: {', '.join(LANGUAGES)}", ("words", lang))
            continue
        if not isinstance(lists, dict) or not lists:
            found.add(None, where, "a mapping of list names to words, e.g. {notify: 'a|b|c'}", ("words", lang))
            continue
        out[lang] = {}
        for name, text in lists.items():
            loc = ("words", lang, name)
            found.bad_lists.add((lang, name))
            if not isinstance(name, str) or not WORD_LIST_NAME.fullmatch(name):
                found.add(None, f"{where}.{name}", "a list name is lower-case letters, digits and '_', starting "
                          "with a letter", loc)
            elif not isinstance(text, str):
                found.add(None, f"{where}.{name}", "a list is one string of alternatives, e.g. "
                          "'underrette|meddele|*underretning'", loc)
            else:
                try:
                    out[lang][name] = parse_word_list(text)
                    found.bad_lists.discard((lang, name))
                except PatternError as exc:
                    found.add(None, f"{where}.{name}", str(exc), loc)
    return out


def check_references(rules: list[Rule], words: dict[str, dict[str, str]], found: Any,
                      all_rules: bool = True) -> set[str]:
    """Every ``@name`` in a pattern names a list of the file in the pattern's language, and (when
    ``rules`` are ``all_rules`` of the file, not only its valid ones) every list is used. Gives the
    IDs of the rules that name a list the file lacks."""
    from .matching.compiler import word_list_references

    used: set[tuple[str, str]] = set()
    unresolved: set[str] = set()
    for rule in rules:
        for lang, block in rule.model.languages.items():
            lists = words.get(lang, {})
            for kind in ("patterns", "unless"):
                for i, pattern in enumerate(getattr(block, kind)):
                    for name in word_list_references(pattern):
                        if name not in lists:
                            unresolved.add(rule.id)
                            if (lang, name) in found.bad_lists:
                                continue  # the list itself is the problem, reported as such
                            known = ", ".join(sorted(lists)) or "none"
                            found.add(rule.id, f"languages.{lang}.{kind}[{i}]",
                                      f"unknown word list '@{name}' (this file's {lang} lists: {known})")
                        used.add((lang, name))
    for lang, lists in words.items() if all_rules else ():
        for name in lists:
            if (lang, name) not in used:
                found.add(None, f"words.{lang}.{name}", f"the list is not used by any {lang} pattern",
                          ("words", lang, name))
    return unresolved
