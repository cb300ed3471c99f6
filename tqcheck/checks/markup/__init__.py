"""Markup leaked into article text: HTML tags and entities (the data-driven leaks are in rules/markup/)."""


def get_rules() -> list[type]:
    from tqcheck.checks.markup.MK03 import LeakedHtmlTag
    from tqcheck.checks.markup.MK04 import LeakedHtmlEntity

    return [LeakedHtmlTag, LeakedHtmlEntity]
