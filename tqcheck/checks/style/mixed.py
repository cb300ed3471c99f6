"""What the ST rules share: the occurrences of forms of one choice, and which to flag."""
from __future__ import annotations

from collections.abc import Iterable


def off_style(found: Iterable[tuple[str, int, int]], chosen: str) -> tuple[list[tuple[str, int, int]], str | None]:
    """Of the occurrences (form, start, end) of a choice, the ones to flag and the form they
    should take: every other form than *chosen* when it is set, else, when the article mixes
    forms, those of the rarer forms (the first one used wins a tie)."""
    found = list(found)
    if chosen:
        return [f for f in found if f[0] != chosen], chosen
    counts: dict[str, int] = {}
    for form, _, _ in found:
        counts[form] = counts.get(form, 0) + 1
    if len(counts) < 2:
        return [], None
    common = max(counts, key=lambda form: (counts[form], -list(counts).index(form)))
    return [f for f in found if f[0] != common], common
