import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, iter_matches, lazy_compile

_DATA = "names/pinyin.yml"


def _by_first_letter(words: tuple[str, ...]) -> str:
    r"""``\b(?:Wang|Wu|Li)`` as ``W(?<!\w.)(?:ang|u)|L(?<!\w.)(?:i)``: the same matches, but an
    alternation whose branches start with letters lets re jump between those letters in C."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?<!\\w.)(?:{'|'.join(rests)})" for first, rests in groups.items())


class SplitPinyinGivenName(Rule):
    """A Chinese given name split into capitalised syllables ("He Li Feng" for He Lifeng).

    What it does: flags a common pinyin surname followed by two capitalised pinyin syllables and no
    further capitalised word, and suggests joining the given name into one word.
    Why it matters: pinyin writes a two-character given name as one word (Xi Jinping, not Xi Jin
    Ping); MT that transliterates character by character splits it, and MQM raters mark it as a
    name-format error.
    Example:
        flag: The ceremony was attended by He Li Feng, who gave a speech.
        flag: Ma Zuo Bo said the plan would work.
        okay: The ceremony was attended by He Lifeng, who gave a speech.
        okay: Prime Minister Pham Minh Chinh met Ho Chi Minh City officials.
        okay: Kim Jong Un watched the launch.
    """

    code = "NM04"
    name = "names.split-pinyin-given-name"
    category = "Locale convention/Name format"
    severity = Severity.MINOR

    surnames = Words(_DATA, "Common pinyin surnames (Vietnamese, Korean and Cantonese forms left out).")
    initials = Words(_DATA, "The initials of a pinyin syllable.")
    finals = Words(_DATA, "The finals of a pinyin syllable, tried in this order.")

    @cached_property
    def _split(self):
        initials = [re.escape(i) for i in self.initials if len(i) > 1]
        letters = "".join(re.escape(i) for i in self.initials if len(i) == 1)
        syllable = f"(?:{'|'.join(initials + ([f'[{letters}]'] if letters else []))})?(?:{'|'.join(self.finals)})"
        # The surname is followed by a space, so exactly one surname can span it: the order of the
        # alternatives does not matter.
        return lazy_compile(rf"({_by_first_letter(self.surnames)}) ({syllable}) ({syllable})\b(?! [A-Z])")

    def check(self, doc):
        for m in iter_matches(self._split, doc):  # most articles have none of the surnames: not compiled
            surname, first, second = m.groups()
            suggestion = f"{surname} {first}{second.lower()}"
            yield self.finding(doc, m.start(), m.end(),
                               f"Pinyin given names are one word: '{suggestion}', not '{m.group()}'.", suggestion)
