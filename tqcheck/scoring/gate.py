"""The CI gate: when an article fails a run (``--fail-on``, ``--fail-under``, ``--max-findings``).

Only the findings left after suppression and the baseline count. When none of the three
conditions is configured, the gate is ``fail-on minor``: any finding fails.
"""
from __future__ import annotations

from dataclasses import dataclass

from tqcheck.finding import Severity
from tqcheck.scoring.summary import ArticleSummary, format_number


@dataclass(frozen=True)
class Verdict:
    passed: bool
    reasons: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"passed": self.passed, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class Gate:
    fail_on: Severity | None = None
    fail_under: float | None = None
    max_findings: int | None = None

    @property
    def effective_fail_on(self) -> Severity | None:
        if self.fail_on is None and self.fail_under is None and self.max_findings is None:
            return Severity.MINOR
        return self.fail_on

    def judge(self, result, summary: ArticleSummary | None) -> Verdict:
        """The verdict on one article; an unreadable article always fails."""
        if result.error:
            return Verdict(False, (f"not checked: {result.error}",))
        reasons = []
        fail_on = self.effective_fail_on
        if fail_on is not None:
            failing = [f for f in result.findings if f.severity >= fail_on]
            if failing:
                n = len(failing)
                reasons.append(f"{n} finding{'s' if n != 1 else ''} at or above {fail_on} (fail-on {fail_on})")
        if self.fail_under is not None and summary is not None and summary.score < self.fail_under:
            reasons.append(f"score {summary.score:.2f} is under {format_number(self.fail_under)} (fail-under)")
        if self.max_findings is not None and len(result.findings) > self.max_findings:
            reasons.append(f"{len(result.findings)} findings, more than {self.max_findings} (max-findings)")
        return Verdict(not reasons, tuple(reasons))

    def describe(self) -> str:
        parts = []
        if self.effective_fail_on is not None:
            parts.append(f"fail-on {self.effective_fail_on}")
        if self.fail_under is not None:
            parts.append(f"fail-under {format_number(self.fail_under)}")
        if self.max_findings is not None:
            parts.append(f"max-findings {self.max_findings}")
        return ", ".join(parts)
