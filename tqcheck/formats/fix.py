"""Safe autofix: apply the suggestions of fixable findings to an article's text. Pure: no I/O.

Only findings a rule marks ``fixable`` (glossary names, typography) are applied, and only when
their suggestion is a plain replacement on one line. Fixes are applied in passes (a fix can make
another one possible) until a pass finds nothing more to fix, so running the fix again finds
nothing: it is idempotent. An article with two fixes that overlap or conflict is left untouched
as a whole and the conflict is reported: which one is right is the editor's call. Reading and
writing files is ``tqcheck.formats.rewrite``.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tqcheck.finding import Finding

#: Passes after which fixes that keep producing new fixes are given up (the article is left as it was).
MAX_PASSES = 10
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement`` (a fixable finding's suggestion)."""

    start: int
    end: int
    replacement: str
    finding: Finding = field(compare=False)


@dataclass(frozen=True)
class Conflict:
    """Two fixes that touch the same text differently."""

    first: Edit
    second: Edit

    def describe(self, line_col: Callable[[int], tuple[int, int]]) -> str:
        parts = []
        for e in (self.first, self.second):
            line, col = line_col(e.start)
            parts.append(f"{e.finding.code} at {line}:{col} ({e.finding.text!r} -> {e.replacement!r})")
        return " and ".join(parts) + " overlap"


@dataclass
class FixResult:
    """What fixing one article found: the new text, the edits applied, or why nothing was."""

    original: str
    text: str
    applied: list[Edit] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    #: Set when the article is left untouched: conflicts, or fixes that never settle.
    problem: str | None = None

    @property
    def changed(self) -> bool:
        return self.problem is None and self.text != self.original


def edits_for(findings: Sequence[Finding]) -> list[Edit]:
    """The safe edits among *findings*: fixable, with a one-line suggestion that changes something."""
    edits = {}
    for f in findings:
        if not f.fixable or f.suggestion is None or f.suggestion == f.text:
            continue
        if "\n" in f.suggestion or "\r" in f.suggestion:
            continue  # a fix never adds line breaks (it would mix the file's line-ending style)
        edits.setdefault((f.start, f.end, f.suggestion), Edit(f.start, f.end, f.suggestion, f))
    return sorted(edits.values(), key=lambda e: (e.start, e.end, e.replacement))


def conflicts_in(edits: Sequence[Edit]) -> list[Conflict]:
    """Pairs of edits that overlap, or that insert at the same place (their order would be a guess)."""
    found = []
    for i, a in enumerate(edits):
        for b in edits[i + 1:]:
            if b.start > a.end or (b.start == a.end and a.start < a.end and b.start < b.end):
                break  # sorted by start: later edits start later still (touching replacements are fine)
            found.append(Conflict(a, b))
    return found


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """*text* with non-overlapping *edits* applied (offsets are into *text*)."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out += [text[pos:e.start], e.replacement]
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def fix_text(text: str, check: Callable[[str], Sequence[Finding]], line_col: Callable[[str, int], tuple[int, int]],
             max_passes: int = MAX_PASSES) -> FixResult:
    """Apply the safe fixes that *check* finds in *text*, pass after pass, until none is left.

    *check* returns the (unsuppressed) findings of a text; *line_col* locates an offset in a text,
    for messages. Any conflict, in any pass, leaves the text as it was.
    """
    result = FixResult(text, text)
    current = text
    for _ in range(max_passes):
        edits = edits_for(check(current))
        if not edits:
            result.text = current
            return result
        conflicts = conflicts_in(edits)
        if conflicts:
            result.conflicts = conflicts
            where = current
            described = "; ".join(c.describe(lambda offset: line_col(where, offset)) for c in conflicts[:3])
            more = f" (and {len(conflicts) - 3} more)" if len(conflicts) > 3 else ""
            result.problem = f"conflicting fixes, file left unchanged: {described}{more}"
            return result
        result.applied.extend(edits)
        current = apply_edits(current, edits)
    result.problem = f"fixes did not settle after {max_passes} passes, file left unchanged"
    return result


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of the article's text (line endings kept; a last line without one is marked)."""
    def lines(text: str) -> list[str]:
        found = _LINE.findall(text)
        if found and not found[-1].endswith(("\n", "\r")):
            found[-1] += "\n\\ No newline at end of file\n"
        return found

    return "".join(difflib.unified_diff(lines(old), lines(new), path, path))
