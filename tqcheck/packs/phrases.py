"""``kind: phrases``: fixed phrases (calques, unidiomatic turns) with an idiomatic suggestion."""
from __future__ import annotations

from tqcheck.packs.kinds import YamlRule


class Phrases(YamlRule):
    """Flags each listed phrase, case-insensitively unless ``ignorecase: false``.

    Entry: ``{phrase: on the fact of, suggestion: into, note: calque of Russian "по факту"}``.
    """

    kind = "phrases"
    entry_schema = {"phrase": (str, True), "suggestion": (str, False)}
    default_message = "'{match}' is a calque; consider '{suggestion}'."
    default_ignorecase = True

    literal = True

    @classmethod
    def entry_literals(cls, entry: dict) -> list[str]:
        return [entry["phrase"]]

    def render(self, entry: dict, match: str) -> tuple[str, str | None]:
        suggestion = entry.get("suggestion")
        own = entry.get("message")
        if own and (suggestion or "{suggestion}" not in own):
            template = own
        else:
            template = self.message if suggestion else "'{match}' reads as a calque.{note}"
        note = entry.get("note", "")
        message = template.format(match=match, suggestion=suggestion, note=f" {note}" if note else "")
        if note and "{note}" not in template:
            message = f"{message} {note}"
        return message, suggestion
