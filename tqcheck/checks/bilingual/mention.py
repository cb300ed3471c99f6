"""A number mention of a source or target segment and the values it can stand for (numbers.py, chinese.py)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    values: frozenset[float]
    #: Written in digits (only digit mentions count as a "changed" number in the target).
    digits: bool = True
    #: Reported when missing (a lone Chinese numeral, as in "两国", is often not translated as a number:
    #: "bilateral"; it only counts when the target has another number in its place).
    firm: bool = True


def key(v: float) -> float:
    return float(f"{v:.6g}")
