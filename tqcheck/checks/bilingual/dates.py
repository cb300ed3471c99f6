"""Dates in running text as (day, month, year), None for a part that is not written.

Source dates: "05.05.2023", "3 марта 2023 года", "2023年5月4日", "5月4日", "8日"; target dates:
"March 5, 2023", "5 March 2023", "the 8th", "March". Month names come from BI01's ``months`` table
(``rules/data/bilingual/numbers.yml``), per language. Two dates are compared part by part (never as
sets of numbers, so "3 марта" and "March 5" differ although both have a 3 and a 5 in them).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.text.segment_words import DIGIT, may_hold, word_runs

_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)")
#: Chinese numerals in a date: 二〇二三年, 三月十日 (converted with cn2an).
_ZH_DIGITS = "0-9〇零一二三四五六七八九十"
#: "7月17和7月22日": after a month, the day may leave out its 日.
_ZH_DATE = re.compile(rf"(?:(?P<y>[0-9〇零一二三四五六七八九]{{4}})年)?"
                      rf"(?:(?P<m>[{_ZH_DIGITS}]{{1,3}})月(?:份)?(?:(?P<d>[{_ZH_DIGITS}]{{1,3}})(?:[日号]|(?![\d.万亿千百]))"
                      rf")?|(?P<d2>[{_ZH_DIGITS}]{{1,3}})[日号])")
#: "1至2月", "1-2月": the first month of a range of months.
_ZH_MONTH_RANGE = re.compile(rf"(?P<m>[{_ZH_DIGITS}]{{1,2}})(?=(?:至|到|-|—|–|～|~|、)[{_ZH_DIGITS}]{{1,2}}月)")
_ORDINAL = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    day: int | None
    month: int | None
    year: int | None

    @property
    def parts(self) -> dict[str, int]:
        return {k: v for k, v in (("day", self.day), ("month", self.month), ("year", self.year)) if v is not None}

    def covers(self, source: DateMention) -> bool:
        """This (target) date says what the *source* date says: the same day and month where the
        source has them; a year only compared where both have one (years are numbers too)."""
        for part in ("day", "month"):
            want = getattr(source, part)
            if want is not None and getattr(self, part) != want:
                return False
        return not (source.year and self.year and source.year != self.year)

    def conflicts(self, source: DateMention) -> bool:
        """Both have day and month, and they differ (a changed or swapped date)."""
        return (None not in (self.day, self.month, source.day, source.month)
                and (self.day, self.month) != (source.day, source.month))


def _valid(day: int | None, month: int | None) -> bool:
    return (day is None or 1 <= day <= 31) and (month is None or 1 <= month <= 12)


def _zh_int(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    import cn2an

    try:
        if all(c in "〇零一二三四五六七八九" for c in text):  # 二〇二三: digit by digit
            return int("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in text))
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None


class DateReader:
    """Built from BI01's month names: {language: {word: month}} (English names, Russian and
    Ukrainian genitive forms)."""

    def __init__(self, months: dict[str, dict[str, float]]) -> None:
        self.months = {lang: {k.lower(): int(v) for k, v in table.items()} for lang, table in months.items()}
        #: Every match of ``target_dates`` has a digit or one of these, whole, as a run of word
        #: characters (None if a name is not one run).
        self.target_month_runs = word_runs(self.months.get("en", {}))
        en = "|".join(sorted(map(re.escape, self.months.get("en", {})), key=len, reverse=True))
        self.target_dates = re.compile(
            rf"\b(?:(?P<m1>{en})\.?\s+{_ORDINAL.format('d1')}\b(?:,?\s+(?P<y1>\d{{4}})\b)?"
            rf"|{_ORDINAL.format('d2')}\s+(?:of\s+)?(?P<m2>{en})\b\.?(?:,?\s+(?P<y2>\d{{4}})\b)?"
            rf"|(?P<m3>{en})\b\.?(?:,?\s+(?P<y3>\d{{4}})\b)?"
            r"|(?<![\w.,])(?P<d4>\d{1,2})(?:st|nd|rd|th)\b)", re.IGNORECASE)
        self.slavic = {}
        for lang, table in self.months.items():
            if lang != "en" and table:
                names = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
                self.slavic[lang] = re.compile(
                    rf"(?<![\d.])(?P<d>\d{{1,2}})[ \u00a0](?P<m>{names})\b(?:[ \u00a0](?P<y>\d{{4}}))?", re.IGNORECASE)

    def source(self, text: str, start: int, end: int, lang: str | None) -> list[DateMention]:
        out = []
        if lang == "zh":
            for m in _ZH_DATE.finditer(text, start, end):
                d = m.group("d") or m.group("d2")
                day, month, year = _zh_int(d), _zh_int(m.group("m")), _zh_int(m.group("y"))
                if (d and day is None) or (m.group("m") and month is None) or not _valid(day, month):
                    continue
                out.append(DateMention(m.start(), m.end(), m.group(), day, month, year))
            for m in _ZH_MONTH_RANGE.finditer(text, start, end):
                month = _zh_int(m.group("m"))
                if month and _valid(None, month):
                    out.append(DateMention(m.start(), m.end(), m.group(), None, month, None))
            return sorted(out, key=lambda d: d.start)
        for m in _DMY.finditer(text, start, end):
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if _valid(day, month):
                out.append(DateMention(m.start(), m.end(), m.group(), day, month, year + (2000 if year < 100 else 0)))
        pattern = self.slavic.get(lang or "")
        if pattern:
            for m in pattern.finditer(text, start, end):
                day, month = int(m.group("d")), self.months[lang][m.group("m").lower()]
                if _valid(day, month):
                    out.append(DateMention(m.start(), m.end(), m.group(), day, month,
                                           int(m.group("y")) if m.group("y") else None))
        return sorted(out, key=lambda d: d.start)

    def target(self, text: str, start: int, end: int, words: frozenset[str] | None = None) -> list[DateMention]:
        """The dates in text[start:end], a segment whose lower-cased word runs are *words* (None:
        not known); none without a digit or a month name."""
        if not may_hold(words, self.target_month_runs) and DIGIT.search(text, start, end) is None:
            return []
        out = []
        months = self.months.get("en", {})
        for m in self.target_dates.finditer(text, start, end):
            g = m.groupdict()
            name = g["m1"] or g["m2"] or g["m3"]
            if name and name[0].islower() and name.lower() in {"may", "march", "mar", "jan", "dec", "sept", "sep"}:
                continue  # "may" the verb, "march" the noun
            if g["m3"] and len(name) <= 4 and name.lower() not in {"may", "june", "july"}:
                continue  # "Dec", "Mar" alone: an abbreviation needs its day
            day = g["d1"] or g["d2"] or g["d4"]
            year = g["y1"] or g["y2"] or g["y3"]
            month = months[name.lower()] if name else None
            day_n = int(day) if day else None
            if not _valid(day_n, month):
                continue
            out.append(DateMention(m.start(), m.end(), m.group(), day_n, month, int(year) if year else None))
        return out
