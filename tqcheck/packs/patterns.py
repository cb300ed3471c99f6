"""``kind: patterns``: regular expressions, each with its own message and optional suggestion."""
from __future__ import annotations

from tqcheck.packs.kinds import YamlRule


class Patterns(YamlRule):
    """Flags each match of a listed regular expression.

    Entry: ``{pattern: '\\bdate\\s+\\d{4}-\\d{2}-\\d{2}', message: ..., suggestion: ...}``. A
    pattern may use groups but not numbered back-references (entries share one alternation).
    """

    kind = "patterns"
    entry_schema = {"pattern": (str, True), "message": (str, False), "suggestion": (str, False)}

    @classmethod
    def entry_regex(cls, entry: dict) -> str:
        return entry["pattern"]

    def render(self, entry: dict, match: str) -> tuple[str, str | None]:
        template = entry.get("message", self.message)
        message = template.format(match=match, suggestion=entry.get("suggestion"), note=entry.get("note", ""))
        return message, entry.get("suggestion")
