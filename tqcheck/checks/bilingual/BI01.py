from functools import cached_property

from tqcheck.checks.bilingual.mention import key
from tqcheck.finding import Severity
from tqcheck.options import Table, Words
from tqcheck.rule import Rule
from tqcheck.text.segment_words import SegmentWords

_DATA = "bilingual/numbers.yml"
_BY_LANGUAGE = {str: (int, float)}  # language -> {word: value}


class NumberMismatch(Rule):
    """A number, date, amount or percentage of the source is missing or changed in the translation.

    What it does: reads the numbers of each source segment and of the target segment aligned with it,
    normalising spelling and scale ("3,5 млн" = "3.5 million" = "3,500,000"; "15:00" = "3 p.m.";
    "5" = "five"). Chinese numbers are read with cn2an: 万/亿 ("400万" = "4 million"), Chinese
    numerals ("两千三百"), percentages ("百分之五十"), 成 ("三成" = 30%), decades ("80年代" = the
    1980s), ordinals and ranges; a numeral inside a word ("一些", "四川") or a vague amount ("上千")
    is not a number. A source number no target number matches is reported: as changed (on the
    target's unmatched number) when the target has an unmatched number in digits, else as missing
    (on the target segment). Dates are compared as (day, month) pairs, never as loose numbers
    ("05.05.2023" = "May 5, 2023"; "3 марта" is not "March 5", "05.03" is not "May 3"): a changed or
    swapped date is reported on the target's date; a Chinese day without its month ("8日") may stay
    "the 8th", but a month the source article never names ("March 8") is reported. With sentence
    alignment the neighbouring segments are searched too, so a number moved to the next sentence is
    not reported.
    Why it matters: a wrong figure or date is a major accuracy error that reads fluently, so readers
    and fluency-minded editors miss it.
    Example:
        flag: source: Выручка выросла на 15% и составила 3,5 млн рублей. target: Revenue grew by 50% to 3.5 million roubles.
        flag: source: Встреча прошла 5 мая 2023 года в Минске. target: The meeting took place in Minsk.
        okay: source: Выручка выросла на 15% и составила 3,5 млн рублей. target: Revenue grew by 15% to 3.5 million roubles.
        okay: source: Встреча прошла 05.05.2023 в 15:00. target: The meeting took place on May 5, 2023 at 3 p.m.
        okay: source: В 2 школах учатся 1 500 детей. target: Two schools teach 1,500 children.
        flag: source: Встреча прошла 3 марта. target: The meeting took place on March 5.
        flag: source: 该市人口达四百万，比80年代增长了三成。 target: The city has 40 million people, 30% more than in the 1980s.
        okay: source: 该市人口达四百万，比80年代增长了三成。 target: The city has 4 million people, 30% more than in the 1980s.
        flag: source: 他8日表示。 target: He said on March 8.
        okay: source: 他8日表示。 target: He said on the 8th.
    """

    code = "BI01"
    name = "bilingual.numbers"
    category = "Accuracy/Mistranslation"
    severity = Severity.MAJOR
    needs_source = True

    source_scales = Table(_DATA, "Scale words after a source number, per language (млн, 万).", values=_BY_LANGUAGE)
    target_scales = Table(_DATA, "English scale words (million, bn).", values=_BY_LANGUAGE)
    number_words = Table(_DATA, "Words an English translation may write for a number (five, dozen).", values=_BY_LANGUAGE)
    months = Table(_DATA, "Month names and their numbers, per language (English; Russian and Ukrainian genitives).",
                   values=_BY_LANGUAGE)
    compound_tens = Words(_DATA, "English tens that take a unit after a hyphen (twenty-one).")
    compound_units = Words(_DATA, "The units that follow them.")
    approximators = Words(_DATA, "Characters between a Chinese number and its scale (余, 多).")
    decade_endings = Words(_DATA, "Endings after a decade in digits (20-х: the 1920s).")
    currency_codes = Words(_DATA, "Letters an English amount may start with, joined to its digits (RM476.5 billion).")
    vague_prefixes = Words(_DATA, "Chinese characters that make the numeral after them vague (几十万, 数百).")
    chinese_classifiers = Words(_DATA, "Chinese measure words a lone numeral character counts before (三个, 两国).")

    @cached_property
    def reader(self):
        """Built on the first check: a run without sources never needs it."""
        from tqcheck.checks.bilingual.numbers import NumberReader

        return NumberReader(self.source_scales, self.target_scales, self.number_words, self.compound_tens,
                            self.compound_units, self.approximators, self.decade_endings, self.chinese_classifiers,
                            self.currency_codes, self.vague_prefixes)

    @cached_property
    def dates(self):
        from tqcheck.checks.bilingual.dates import DateReader

        return DateReader(self.months)

    def check(self, doc):
        source, alignment = doc.source, doc.alignment
        pairs = alignment.pairs
        lang = doc.source_lang
        targets, target_dates = [], []
        runs = SegmentWords(doc.index)  # the segments' words tell the readers which patterns may match
        for p in pairs:
            dates, numbers = [], []
            if p.target_span:
                words = runs.lower_words(*p.target_span)
                dates = self.dates.target(doc.text, *p.target_span, words)
                numbers = self.reader.target(doc.text, *p.target_span, words)
            target_dates.append(dates)
            targets.append(_outside(numbers, [d for d in dates if d.month]))  # "16th" stays a number
        article_dates = self.dates.source(source.text, 0, len(source.text), lang)
        source_months = {d.month for d in article_dates if d.month}
        for i, pair in enumerate(pairs):
            if not pair.source_span or not pair.target_span:
                continue  # a segment with no counterpart at all is BI04's
            near = range(i, i + 1) if alignment.mode == "lines" else range(max(0, i - 1), min(len(pairs), i + 2))
            nearby = [m for j in near for m in targets[j]]
            found = set().union(*(m.values for m in nearby)) if nearby else set()
            dates = [d for d in article_dates if pair.source_span[0] <= d.start < pair.source_span[1]]
            mentions = _outside(self.reader.source(source.text, *pair.source_span, lang), dates)
            missing = [m for m in mentions if m.firm and not m.values & found]
            lost = []
            yield from self._dates(doc, dates, [d for j in near for d in target_dates[j]], target_dates[i],
                                   source_months, found, lost)
            if not missing and not lost:
                continue
            source_values = set().union(*(m.values for m in mentions))
            extra = [m for m in targets[i] if m.digits and not m.values & source_values]
            for src, tgt in zip(missing, extra):
                yield self.finding(doc, tgt.start, tgt.end,
                                   f"Number '{tgt.text}' does not match the source, which has '{src.text}'.",
                                   _plain(src.text), source_span=(src.start, src.end))
            dropped = sorted(missing[len(extra):] + lost, key=lambda m: m.start)
            if dropped:
                listed = ", ".join(f"'{m.text}'" for m in dropped)
                verb = "is" if len(dropped) == 1 else "are"
                yield self.finding(doc, *pair.target_span, f"The source's {listed} {verb} missing from this segment.",
                                   category="Accuracy/Omission", source_span=(dropped[0].start, dropped[-1].end))

    def _dates(self, doc, dates, nearby, here, source_months, found, lost):
        """Dates compared as (day, month): a changed or swapped one on the target's date; a month the
        source does not have ("8日" as "March 8" in an article whose source names no March); a date
        not there at all joins *lost* (the omission finding). A day may also be a bare number of the
        target (*found*), beside its month if the source has one ("the 10th and 11th", "July 17 and 22")."""
        used = set()
        for src in dates:
            if any(t.covers(src) for t in nearby) or (src.day and key(src.day) in found and (
                    src.month is None or any(t.month == src.month for t in nearby))):  # "July 17 and 22"
                continue
            wrong = [t for t in here if t.conflicts(src) and t not in used and not any(t.covers(s) for s in dates)]
            if wrong:
                used.add(wrong[0])
                yield self.finding(doc, wrong[0].start, wrong[0].end,
                                   f"Date '{wrong[0].text}' does not match the source, which has '{src.text}'.",
                                   source_span=(src.start, src.end))
            else:
                lost.append(src)
        for t in here:
            if t.day and t.month and t.month not in source_months and t not in used:
                src = next((s for s in dates if s.day == t.day and s.month is None), None)
                if src is not None:
                    yield self.finding(doc, t.start, t.end, f"The month of '{t.text}' is not in the source, "
                                       f"which has '{src.text}' (the day only).", source_span=(src.start, src.end))

def _plain(text: str) -> str | None:
    """The source number as English writes it, when that is unambiguous (digits, one decimal comma)."""
    if text.isdigit():
        return text
    head, sep, tail = text.partition(",")
    return f"{head}.{tail}" if sep and head.isdigit() and tail.isdigit() and len(tail) != 3 else None


def _outside(numbers: list, dates: list) -> list:
    """The number mentions not inside a date, but a date's year (a year is a number too)."""
    return [n for n in numbers if not any(d.start <= n.start < d.end and not (d.year and key(d.year) in n.values)
                                          for d in dates)]
