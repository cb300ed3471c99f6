"""Python rule families, one rule per module (like sqlfluff). Each family lists its rules."""
from __future__ import annotations

FAMILIES = ("punctuation", "grammar", "repetition", "untranslated", "bilingual", "locale", "markup", "names", "style", "spelling")


def get_rules() -> list[type]:
    from importlib import import_module

    rules: list[type] = []
    for family in FAMILIES:
        rules.extend(import_module(f"tqcheck.checks.{family}").get_rules())
    return rules
