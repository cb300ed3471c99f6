from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Table, Words
from tqcheck.rule import Rule

_DATA = "bilingual/numbers.yml"
_BY_LANGUAGE = {str: (int, float)}  # language -> {word: value}


class NumberMismatch(Rule):
    """A number, date, amount or percentage of the source is missing or changed in the translation.

    What it does: reads the numbers of each source segment and of the target segment aligned with it,
    normalising spelling and scale ("3,5 млн" = "3.5 million" = "3,500,000"; "05.05.2023" = "May 5,
    2023"; "15:00" = "3 p.m."; "5" = "five"). A source number no target number matches is reported:
    as changed (on the target's unmatched number) when the target has an unmatched number in digits,
    else as missing (on the target segment). With sentence alignment the neighbouring segments are
    searched too, so a number moved to the next sentence is not reported.
    Why it matters: a wrong figure or date is a major accuracy error that reads fluently, so readers
    and fluency-minded editors miss it.
    Example:
        flag: source: Выручка выросла на 15% и составила 3,5 млн рублей. target: Revenue grew by 50% to 3.5 million roubles.
        flag: source: Встреча прошла 5 мая 2023 года в Минске. target: The meeting took place in Minsk.
        okay: source: Выручка выросла на 15% и составила 3,5 млн рублей. target: Revenue grew by 15% to 3.5 million roubles.
        okay: source: Встреча прошла 05.05.2023 в 15:00. target: The meeting took place on May 5, 2023 at 3 p.m.
        okay: source: В 2 школах учатся 1 500 детей. target: Two schools teach 1,500 children.
    """

    code = "BI01"
    name = "bilingual.numbers"
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR
    needs_source = True

    source_scales = Table(_DATA, "Scale words after a source number, per language (млн, 万).", values=_BY_LANGUAGE)
    target_scales = Table(_DATA, "English scale words (million, bn).", values=_BY_LANGUAGE)
    number_words = Table(_DATA, "Words an English translation may write for a number (five, dozen).", values=_BY_LANGUAGE)
    months = Table(_DATA, "Month names and their numbers.", values=_BY_LANGUAGE)
    compound_tens = Words(_DATA, "English tens that take a unit after a hyphen (twenty-one).")
    compound_units = Words(_DATA, "The units that follow them.")
    approximators = Words(_DATA, "Characters between a Chinese number and its scale (余, 多).")
    decade_endings = Words(_DATA, "Endings after a decade in digits (20-х: the 1920s).")

    @cached_property
    def reader(self):
        """Built on the first check: a run without sources never needs it."""
        from tqcheck.checks.bilingual.numbers import NumberReader

        return NumberReader(self.source_scales, self.target_scales, self.number_words, self.months,
                            self.compound_tens, self.compound_units, self.approximators, self.decade_endings)

    def check(self, doc):
        source, alignment = doc.source, doc.alignment
        pairs = alignment.pairs
        targets = [self.reader.target(doc.text, *p.target_span) if p.target_span else [] for p in pairs]
        for i, pair in enumerate(pairs):
            if not pair.source_span or not pair.target_span:
                continue  # a segment with no counterpart at all is BI04's
            here = targets[i]
            nearby = here if alignment.mode == "lines" else [m for t in targets[max(0, i - 1):i + 2] for m in t]
            found = set().union(*(m.values for m in nearby)) if nearby else set()
            mentions = self.reader.source(source.text, *pair.source_span, doc.source_lang)
            missing = [m for m in mentions if not m.values & found]
            if not missing:
                continue
            source_values = set().union(*(m.values for m in mentions))
            extra = [m for m in here if m.digits and not m.values & source_values]
            for src, tgt in zip(missing, extra):
                yield self.finding(doc, tgt.start, tgt.end,
                                   f"Number '{tgt.text}' does not match the source, which has '{src.text}'.",
                                   _plain(src.text), source_span=(src.start, src.end))
            dropped = missing[len(extra):]
            if dropped:
                listed = ", ".join(f"'{m.text}'" for m in dropped)
                verb = "is" if len(dropped) == 1 else "are"
                yield self.finding(doc, *pair.target_span, f"The source's {listed} {verb} missing from this segment.",
                                   category="Accuracy/Omission", source_span=(dropped[0].start, dropped[-1].end))


def _plain(text: str) -> str | None:
    """The source number as English writes it, when that is unambiguous (digits, one decimal comma)."""
    if text.isdigit():
        return text
    head, sep, tail = text.partition(",")
    return f"{head}.{tail}" if sep and head.isdigit() and tail.isdigit() and len(tail) != 3 else None
