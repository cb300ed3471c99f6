"""Inline suppressions in Markdown/HTML articles, and sidecar ignore files for any article.

In a Markdown or HTML article, an HTML comment switches rules off and on again::

    <!-- tqcheck: disable=TE01,CQ01 -- quoting a 2014 statement -->
    ... findings of TE01 and CQ01 here are suppressed ...
    <!-- tqcheck: enable=TE01,CQ01 -->

    A sentence about Kiev. <!-- tqcheck: disable-line=TE01 -- historical name -->
    <!-- tqcheck: disable-next-line=TE01 -->

``disable`` / ``enable`` without ``=CODES`` (or with ``ALL``) mean every rule; the text after
`` -- `` is the reason. A plain-text article (or any other) can have a sidecar file named
``<article>.tqignore`` beside it, one suppression per line, scoped to the whole file, a quoted
span or a line::

    # comment
    MK02 -- the editor's note is intended        (every MK02 finding in the article)
    TE01 Kiev -- the 1990s name                  (TE01 findings in the text "Kiev", anywhere)
    TE01 "Kiev Nights festival" -- its name      (TE01 findings inside that text, anywhere)
    line 12: TE01 -- a quoted statement          (TE01 findings on line 12 of the article file)
    lines 3-5: TE01 Kiev                         (TE01 findings in "Kiev" on lines 3 to 5)

A text matches wherever it occurs, whatever its case and spacing between words, as whole words;
quotes let it hold `` -- ``. A suppression that suppresses nothing is reported as a warning (only
for rules that ran).
"""
from __future__ import annotations

import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqcheck.document import Document
from tqcheck.finding import Finding
from tqcheck.rule import lazy_compile  # only Markdown, HTML and sidecars need these

SIDECAR_SUFFIX = ".tqignore"

_COMMENT = lazy_compile(r"<!--\s*tqcheck\s*:(?P<body>.*?)-->", re.DOTALL)
_DIRECTIVE = lazy_compile(
    r"\s*(?P<action>disable-next-line|disable-line|disable|enable)"
    r"(?:\s*=\s*(?P<codes>[A-Za-z0-9_,\s]*?))?\s*(?:--\s*(?P<reason>.*?))?\s*$", re.DOTALL)
_SIDECAR_LINE = lazy_compile(
    r"(?:lines?\s+(?P<first>\d+)(?:\s*-\s*(?P<last>\d+))?\s*:\s*)?"
    r"(?P<codes>[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)"
    r"(?:\s+(?!--)(?P<text>\"[^\"]*\"|'[^']*'|.*?))?\s*(?:(?:^|\s)--\s*(?P<reason>.*))?$")
# Markdown code, where a directive is an example, not a directive.
_MD_CODE = lazy_compile(r"(?ms)^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$|`[^`\n]+`")
_CODE = lazy_compile(r"^(?:ALL|[A-Z]{2}\d{2})$")


class SidecarError(Exception):
    """A malformed sidecar file; the message is ``file:line: problem``."""


@dataclass
class Directive:
    """One suppression and the span of the article it covers (offsets into ``Document.raw``)."""

    label: str                      # the directive as written, for messages
    where: str                      # "line 12" or "a.txt.tqignore:3"
    codes: frozenset[str]           # empty: every rule
    start: int = 0
    end: int = 1 << 62
    #: Sidecar: only findings on these lines of the article file (first, last).
    lines: tuple[int, int] | None = None
    #: Sidecar: only findings inside one of these spans (the occurrences of its text).
    spans: tuple[tuple[int, int], ...] | None = None
    reason: str | None = None
    used: int = field(default=0, compare=False)

    def covers(self, finding: Finding) -> bool:
        return ((not self.codes or finding.code in self.codes) and self.start <= finding.start < self.end
                and (self.lines is None or self.lines[0] <= finding.line <= self.lines[1])
                and (self.spans is None or any(a <= finding.start and finding.end <= b for a, b in self.spans)))


@dataclass(frozen=True)
class Suppressed:
    finding: Finding
    reason: str | None
    where: str

    def to_dict(self) -> dict:
        return {**self.finding.to_dict(), "reason": self.reason, "suppressed_by": self.where}


def _codes(raw: str | None) -> frozenset[str]:
    codes = frozenset(c.strip().upper() for c in (raw or "").split(",") if c.strip())
    return frozenset() if "ALL" in codes else codes


def inline_directives(doc: Document) -> tuple[list[Directive], list[str]]:
    """The directives in the HTML comments of a Markdown/HTML article, and warnings about bad ones."""
    if doc.format not in ("markdown", "html"):
        return [], []
    code_spans = [m.span() for m in _MD_CODE.finditer(doc.raw)] if doc.format == "markdown" else []
    directives, warnings = [], []
    open_regions: list[Directive] = []
    line_starts = doc.line_starts
    for m in _COMMENT.finditer(doc.raw):
        if any(a <= m.start() < b for a, b in code_spans):
            continue
        line = doc.line_col(m.start())[0]
        d = _DIRECTIVE.fullmatch(m.group("body"))
        label = " ".join(m.group("body").split())
        written = [c.strip().upper() for c in (d.group("codes") or "").split(",") if c.strip()] if d else []
        if not d or not all(_CODE.match(c) for c in written):
            warnings.append(f"line {line}: cannot read the suppression '{label}' "
                            "(use disable/enable/disable-line/disable-next-line[=CODE,...] [-- reason])")
            continue
        action, codes, reason = d.group("action"), _codes(d.group("codes")), (d.group("reason") or "").strip() or None
        if action == "disable":
            # One region per code, so that enable=TE01 ends TE01's region only.
            for code in sorted(codes) or [None]:
                region_label = label if len(codes) < 2 else f"{label} ({code})"
                open_regions.append(Directive(region_label, f"line {line}", frozenset([code] if code else []),
                                              start=m.end(), reason=reason))
        elif action == "enable":
            for region in [r for r in open_regions if not codes or not r.codes or r.codes & codes]:
                region.end = m.start()
                directives.append(region)
                open_regions.remove(region)
        else:
            last_line = doc.line_col(m.end())[0]
            first = line if action == "disable-line" else last_line + 1
            end_line = last_line if action == "disable-line" else last_line + 1
            if first - 1 >= len(line_starts):
                continue
            start = line_starts[first - 1]
            end = line_starts[end_line] if end_line < len(line_starts) else len(doc.raw)
            directives.append(Directive(label, f"line {line}", codes, start=start, end=end, reason=reason))
    for region in open_regions:
        region.end = len(doc.raw)
        directives.append(region)
    return directives, warnings


def sidecar_path(article: str | Path) -> Path:
    return Path(f"{article}{SIDECAR_SUFFIX}")


def read_sidecar(doc: Document) -> list[Directive]:
    """The directives of the article's sidecar ignore file ([] when there is none), their texts
    found in *doc*."""
    if not os.path.isfile(f"{doc.path}{SIDECAR_SUFFIX}"):  # the usual case, asked of every article
        return []
    path = sidecar_path(doc.path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SidecarError(f"{path}: cannot read: {exc}") from None
    directives = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _SIDECAR_LINE.fullmatch(line)
        codes = {c.strip().upper() for c in m.group("codes").split(",")} if m else set()
        text = (m.group("text") or "").strip() if m else ""
        first, last = (int(m.group("first")), int(m.group("last") or m.group("first"))) if m and m.group("first") \
            else (1, 1)
        quoted = text.startswith(('"', "'"))
        if not m or not all(_CODE.match(c) for c in codes) or not 1 <= first <= last or quoted and (
                len(text) < 2 or text[-1] != text[0]):
            raise SidecarError(f"{path}:{number}: expected '[line N[-M]:] CODE[,CODE] [text or \"quoted text\"] "
                               f"[-- reason]', got {line!r}")
        if quoted:
            text = text[1:-1]
        directives.append(Directive(
            line.split(" --")[0].strip(), f"{path.name}:{number}", _codes(",".join(codes)),
            lines=(first, last) if m.group("first") else None,
            spans=_occurrences(doc, text) if text.strip() else None,
            reason=(m.group("reason") or "").strip() or None))
    return directives


def _occurrences(doc: Document, text: str) -> tuple[tuple[int, int], ...]:
    """Where *text* occurs in the article: as whole words, in any case, any spacing between words."""
    words = text.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    pattern = (r"(?<!\w)" if re.match(r"\w", words[0]) else "") + pattern + (r"(?!\w)" if re.search(r"\w$", words[-1]) else "")
    return tuple(m.span() for m in re.finditer(pattern, doc.raw, re.IGNORECASE))


def apply(findings: Sequence[Finding], directives: Sequence[Directive], ran: Collection[str],
          known: Collection[str]) -> tuple[list[Finding], list[Suppressed], list[str]]:
    """Split *findings* into kept and suppressed; warn about directives that suppressed nothing.

    *ran* are the codes of the rules that ran (a directive for a rule that did not run is not
    reported as unused); *known* are every rule code the registry has.
    """
    kept, suppressed = [], []
    for f in findings:
        by = next((d for d in directives if d.covers(f)), None)
        if by is None:
            kept.append(f)
        else:
            by.used += 1
            suppressed.append(Suppressed(f, by.reason, by.where))
    warnings = []
    for d in directives:
        unknown = sorted(c for c in d.codes if c not in known)
        if unknown:
            warnings.append(f"{d.where}: suppression '{d.label}' names unknown rule code {', '.join(unknown)}")
        elif not d.used and (not d.codes or d.codes & set(ran)):
            warnings.append(f"{d.where}: suppression '{d.label}' suppressed nothing")
    return kept, suppressed, warnings
