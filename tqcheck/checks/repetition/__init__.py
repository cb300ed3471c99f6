"""Repetition and loops: words, phrases or sentences the MT system produced twice."""


def get_rules() -> list[type]:
    from tqcheck.checks.repetition.RP01 import DoubledWord

    return [DoubledWord]
