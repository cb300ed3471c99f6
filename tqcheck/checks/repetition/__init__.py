"""Repetition and loops: words, phrases or sentences the MT system produced twice."""


def get_rules() -> list[type]:
    from tqcheck.checks.repetition.RP01 import DoubledWord
    from tqcheck.checks.repetition.RP02 import RepeatedSentence
    from tqcheck.checks.repetition.RP03 import PhraseLoop
    from tqcheck.checks.repetition.RP04 import WordLoop

    return [DoubledWord, RepeatedSentence, PhraseLoop, WordLoop]
