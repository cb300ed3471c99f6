from tqcheck.finding import Severity
from tqcheck.options import WordSet
from tqcheck.rule import Rule, lazy_compile

_DATA = "style/style.yml"
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# A lone digit: not part of a number, a date, a time, a score or a range.
_DIGIT = lazy_compile(r"(?<![\w.,:/%$€£–-])([1-9])(?![\w.,:/%–-]\d|[\w%°])(?! ?[-–/:] ?\d)")
_WORD_AFTER = lazy_compile(r" ?([^\s]+)")
_WORD_BEFORE = lazy_compile(r"(\S+) ?$")


class NumbersUnderTen(Rule):
    """A number under ten in figures where the house spells it out ("3 people": "three people").

    What it does: flags a lone digit 1-9 that is not a measurement, a percentage, a date, a
    time, a score, part of a range or a label ("Chapter 4", "5 percent", "3 km" are figures in
    every stylebook; the words are data). Off by default: stylebooks differ (AP and the Guardian
    spell out one to nine, Chicago up to one hundred); ``style = "ap"`` or "guardian" turns it on.
    Why it matters: a house style applied to every article; MT follows the source's digits.
    Example:
        flag: The fire destroyed 3 houses.
        okay: The fire destroyed three houses and 12 cars; 5 percent of the town, 3 km away, burned on May 4.
    """

    code = "ST03"
    name = "style.numbers-under-ten"
    category = "Style"
    severity = Severity.MINOR
    default_enabled = False

    figure_words = WordSet(_DATA, "Words after a digit that keep it in figures (percent, km, million).")
    figure_before = WordSet(_DATA, "Words before a digit that keep it in figures (Chapter, page).")
    months = WordSet("locale/months.yml", "Month names: a digit after one is a day (LC03's list).")

    def check(self, doc):
        text = doc.text
        for m in _DIGIT.finditer(text, doc.body_start):
            after = _WORD_AFTER.match(text, m.end())
            before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if after and (after.group(1).rstrip(".,;:)") in self.figure_words or after.group(1)[:1].isupper()):
                continue
            if before and (before.group(1).rstrip(",") in self.figure_before or before.group(1).rstrip(".") in self.months):
                continue
            word = _WORDS[int(m.group(1))]
            yield self.finding(doc, m.start(), m.end(), f"'{m.group(1)}': the house style spells out numbers under ten.",
                               word)
