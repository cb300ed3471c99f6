"""``kind: glossary``: names and terms with a preferred form and rejected variants."""
from __future__ import annotations

import re

from tqcheck.kinds import YamlRule


def literal(text: str) -> str:
    """A regex for *text* as a whole word or phrase, any run of whitespace matching a space."""
    body = r"\s+".join(re.escape(part) for part in text.split())
    start = r"\b" if re.match(r"\w", text) else ""
    end = r"\b" if re.search(r"\w$", text) else ""
    return f"{start}{body}{end}"


class Glossary(YamlRule):
    """Flags rejected variants of a name or term and suggests the preferred form.

    Entry: ``{preferred: Kyiv, variants: [Kiev], note: ..., source: AP}``. Variants match as whole
    words, case-sensitively unless the rule sets ``ignorecase: true``.
    """

    kind = "glossary"
    entry_schema = {"preferred": (str, True), "variants": (list, True)}
    default_message = "Use '{suggestion}', not '{match}'."

    @classmethod
    def entry_regex(cls, entry: dict) -> str:
        return "|".join(literal(v) for v in sorted(entry["variants"], key=len, reverse=True))

    def render(self, entry: dict, match: str) -> tuple[str, str | None]:
        preferred = entry["preferred"]
        if self.ignorecase and match[:1].isupper() and preferred[:1].islower():
            preferred = preferred[:1].upper() + preferred[1:]
        message = self.message.format(match=match, suggestion=preferred, note=entry.get("note", ""))
        if entry.get("note") and "{note}" not in self.message:
            message = f"{message} {entry['note']}"
        return message, preferred
