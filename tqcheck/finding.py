"""Value objects every rule, the engine and the reporters share: severity, MQM category, finding."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """MQM severity; the value is the MQM-Core penalty weight."""

    MINOR = 1
    MAJOR = 5
    CRITICAL = 25

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use minor, major or critical)") from None

    def __str__(self) -> str:
        return self.name.lower()


#: The MQM top-level dimensions tqcheck reports under. A category is written
#: "Dimension/Subcategory", e.g. "Terminology/Wrong term".
DIMENSIONS = ("Accuracy", "Fluency", "Terminology", "Style", "Locale convention")


def check_category(category: str) -> str:
    """Return *category* if it names an MQM dimension (optionally with a subcategory), else raise."""
    dimension, _, sub = category.partition("/")
    if dimension not in DIMENSIONS or (category.count("/") and not sub.strip()):
        raise ValueError(
            f"unknown MQM category {category!r} (use one of {', '.join(DIMENSIONS)}, optionally '/Subcategory')"
        )
    return category


@dataclass(frozen=True, slots=True)
class Finding:
    """One flagged span of an article.

    ``start``/``end`` are 0-based, end-exclusive character offsets into the decoded text;
    ``line``/``column`` are 1-based and filled in by the engine, never by rules.
    """

    code: str
    name: str
    category: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    line: int = 0
    column: int = 0
    fixable: bool = field(default=False, compare=False)
    #: Id of the translation unit (XLIFF, PO, TMX) the finding is in; None for articles.
    unit: str | None = None
    #: Bilingual rules also point into the source: the source text the finding is about.
    source_start: int | None = None
    source_end: int | None = None

    @property
    def dimension(self) -> str:
        return self.category.partition("/")[0]

    def sort_key(self) -> tuple:
        return (self.start, self.end, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            **({"unit": self.unit} if self.unit is not None else {}),
            **({"source_start": self.source_start, "source_end": self.source_end}
               if self.source_start is not None else {}),
        }
