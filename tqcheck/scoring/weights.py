"""Score weights: what a finding costs by severity and MQM category, the presets (MQM-Core, WMT)
and custom weights from a config table."""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tqcheck.finding import Finding, Severity


@dataclass(frozen=True)
class CategoryWeight:
    """A weight for findings of one MQM category (and optionally one severity).

    ``category`` matches a finding's category exactly, any subcategory of it
    (``Fluency`` matches ``Fluency/Punctuation``), or its last part (``Non-translation``
    matches ``Accuracy/Non-translation``).
    """

    category: str
    weight: float
    severity: Severity | None = None

    def matches(self, finding: Finding) -> bool:
        if self.severity is not None and finding.severity != self.severity:
            return False
        cat = finding.category
        return cat == self.category or cat.startswith(self.category + "/") or cat.endswith("/" + self.category)


@dataclass(frozen=True)
class Weights:
    """Severity multipliers plus category-specific exceptions (the first matching one wins)."""

    name: str
    minor: float = 1.0
    major: float = 5.0
    critical: float = 25.0
    categories: tuple[CategoryWeight, ...] = ()

    def of(self, finding: Finding) -> float:
        for special in self.categories:
            if special.matches(finding):
                return special.weight
        return {Severity.MINOR: self.minor, Severity.MAJOR: self.major, Severity.CRITICAL: self.critical}[finding.severity]

    @property
    def digest(self) -> str:
        parts = [f"{self.minor!r},{self.major!r},{self.critical!r}"]
        parts += [f"{c.category}|{c.severity}|{c.weight!r}" for c in self.categories]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:8]

    @property
    def label(self) -> str:
        """Preset name, or ``custom@<hash>`` for weights that differ from every preset."""
        preset = PRESETS.get(self.name)
        return self.name if preset == self else f"custom@{self.digest}"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.label, "minor": self.minor, "major": self.major, "critical": self.critical,
                "categories": [{"category": c.category, "severity": str(c.severity) if c.severity else None,
                                "weight": c.weight} for c in self.categories]}


PRESETS: dict[str, Weights] = {
    # The MQM-Core scorecard's severity multipliers.
    "mqm-core": Weights("mqm-core"),
    # Freitag et al. (2021), "Experts, errors, and context", the weights WMT's MQM annotations use:
    # major 5, minor 1, minor Fluency/Punctuation 0.1, Non-translation 25. That scheme has no
    # critical severity; tqcheck counts a critical finding like a non-translation (25).
    "wmt": Weights("wmt", categories=(CategoryWeight("Fluency/Punctuation", 0.1, Severity.MINOR),
                                      CategoryWeight("Non-translation", 25.0))),
}


def weights_from_table(table: Mapping[str, Any], where: str) -> Weights:
    """Build weights from a config table: ``preset``, ``minor``/``major``/``critical``, ``categories``.

    Raises ValueError with a message naming *where* when the table is malformed.
    """
    allowed = {"preset", "minor", "major", "critical", "categories"}
    for key in table:
        if key not in allowed:
            raise ValueError(f"{where}: unknown key {key!r} in [weights] (allowed: {', '.join(sorted(allowed))})")
    base = preset(str(table.get("preset", "mqm-core")), where)

    def number(value: Any, what: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ValueError(f"{where}: weights: {what} must be a number >= 0, not {value!r}")
        return float(value)

    categories = base.categories
    if "categories" in table:
        items = table["categories"]
        if not isinstance(items, list):
            raise ValueError(f"{where}: weights.categories must be a list of {{category, weight, severity}} tables")
        categories = []
        for item in items:
            if not isinstance(item, dict) or "category" not in item or "weight" not in item or set(item) - {"category", "weight", "severity"}:
                raise ValueError(f"{where}: weights.categories entries need 'category' and 'weight' (and optionally 'severity')")
            severity = Severity.parse(item["severity"]) if item.get("severity") else None
            categories.append(CategoryWeight(str(item["category"]), number(item["weight"], "a category weight"), severity))
        categories = tuple(categories)
    return Weights(base.name, minor=number(table.get("minor", base.minor), "minor"),
                   major=number(table.get("major", base.major), "major"),
                   critical=number(table.get("critical", base.critical), "critical"), categories=categories)


def preset(name: str, where: str = "weights") -> Weights:
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"{where}: unknown weights preset {name!r} (use {', '.join(PRESETS)})") from None
