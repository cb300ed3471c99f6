"""``kind: glossary``: names and terms with a preferred form and rejected variants."""
from __future__ import annotations

from tqcheck.packs.kinds import YamlRule


class Glossary(YamlRule):
    """Flags rejected variants of a name or term and suggests the preferred form.

    Entry: ``{preferred: Kyiv, variants: [Kiev], note: ..., source: AP}`` (and its own ``message``
    if the rule's does not fit it). Variants match as whole words, case-sensitively unless the rule
    sets ``ignorecase: true``.
    """

    kind = "glossary"
    entry_schema = {"preferred": (str, True), "variants": (list, True)}
    default_message = "Use '{suggestion}', not '{match}'."

    literal = True

    @classmethod
    def entry_literals(cls, entry: dict) -> list[str]:
        return entry["variants"]

    def render(self, entry: dict, match: str) -> tuple[str, str | None]:
        preferred = entry["preferred"]
        if self.ignorecase and match[:1].isupper() and preferred[:1].islower():
            preferred = preferred[:1].upper() + preferred[1:]
        template = entry.get("message", self.message)
        message = template.format(match=match, suggestion=preferred, note=entry.get("note", ""))
        if entry.get("note") and "{note}" not in template:
            message = f"{message} {entry['note']}"
        return message, preferred
