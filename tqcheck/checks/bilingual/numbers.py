"""Numbers in running text, normalised to the values they can stand for ("3,5 млн" -> 3.5e6).

A mention keeps every value its spelling allows: Russian "3,500" is 3.5 (decimal comma) or 3500
(grouping); "3,5 млн" is 3 500 000, as are "3.5 million" and "3,500,000".
Two mentions agree when their value sets meet. Values are compared rounded to 6 significant digits.
"""
from __future__ import annotations

import re

from tqcheck.checks.bilingual.mention import Mention, key
from tqcheck.text.segment_words import DIGIT, may_hold, word_runs

_SPACE = "[ \u00a0\u202f\u2009]"
_DATE_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")


def _values(integer: str, sep: str | None, frac: str | None, decimal_seps: str, group_seps: str) -> set[float]:
    digits = re.sub(_SPACE, "", integer)
    values = set()
    if "," in digits or "." in digits:  # grouped with , or . ("35,000" / "35.000")
        values.add(float(re.sub(r"[,.]", "", digits)))
        seps = re.findall(r"[,.]", digits)
        if len(seps) == 1 and seps[0] in decimal_seps:  # or a decimal: Russian "3,500" is 3.5
            values.add(float(digits.replace(seps[0], ".")))
    else:
        values.add(float(digits))
    if sep and frac:
        base = float(re.sub(r"[,.]", "", digits))
        if sep in decimal_seps:
            values = {base + float("0." + frac)}
        if sep in group_seps and len(frac) == 3:
            values.add(base * 1000 + float(frac))
    return values


class NumberReader:
    """Finds number mentions; built once per rule from its options (``rules/data/bilingual/numbers.yml``):
    scale words per source language, English scale words and number words (each a
    table of language -> {word: value}), the number words joined by a hyphen (twenty-one), the
    approximators that may stand before a source scale, the endings after a decade and the
    Chinese classifiers after a numeral (Chinese sources are read by ``chinese.py``, with cn2an); dates
    are ``dates.py``'s."""

    def __init__(self, source_scales: dict, target_scales: dict, number_words: dict,
                 compound_tens: tuple[str, ...], compound_units: tuple[str, ...], approximators: tuple[str, ...],
                 decade_endings: tuple[str, ...], classifiers: tuple[str, ...],
                 currency_codes: tuple[str, ...] = (), vague: tuple[str, ...] = ()) -> None:
        from tqcheck.checks.bilingual.chinese import ChineseNumbers

        self.source_scales = {lang: {k.lower(): float(v) for k, v in table.items()}
                              for lang, table in source_scales.items()}
        self.target_scales = {k.lower(): float(v) for k, v in target_scales["en"].items()}
        self.words = {k.lower(): float(v) for k, v in number_words["en"].items()}
        all_source = sorted({w for t in self.source_scales.values() for w in t}, key=len, reverse=True)
        number = rf"(?<![\d.,A-Za-zА-Яа-яЁёІіЇїЄєҐґＡ-Ｚａ-ｚ])(?P<int>\d{{1,3}}(?:(?:{_SPACE}|,|\.)\d{{3}})+(?!\d)|\d+)(?:(?P<sep>[.,])(?P<frac>\d+))?"
        approximate = "|".join(map(re.escape, approximators))
        self.source_number = re.compile(
            number + rf"(?:{_SPACE}?(?:{approximate})?(?P<scale>{'|'.join(map(re.escape, all_source))})[а-яёіїєґ]*(?![A-Za-zÀ-ž]))?",
            re.IGNORECASE)  # "5 militares" is not 5 mil
        self.decade = re.compile(rf"-(?:{'|'.join(map(re.escape, decade_endings))})\b")
        scales = sorted(self.target_scales, key=len, reverse=True)
        words = "|".join(map(re.escape, (w for w in scales if len(w) > 1)))
        letters = "|".join(map(re.escape, (w for w in scales if len(w) == 1)))  # "$5m", never "100 m"
        prefixes = "".join(f"(?<={re.escape(p)})|" for p in currency_codes)  # "RM476.5 billion"
        self.target_number = re.compile(
            rf"(?:{prefixes}(?<![\w.,]))(?P<int>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)(?:(?P<sep>\.)(?P<frac>\d+))?"
            rf"(?:(?:{_SPACE}?-?(?P<scale>{words})|(?P<letter>{letters}))\b)?",
            re.IGNORECASE)
        self.target_word = re.compile(
            rf"\b(?:(?P<tens>{'|'.join(map(re.escape, compound_tens))})-(?P<ones>{'|'.join(map(re.escape, compound_units))})"
            rf"|(?P<word>{'|'.join(sorted(self.words, key=len, reverse=True))}))\b", re.IGNORECASE)
        self.chinese = ChineseNumbers(classifiers, approximators, vague)
        #: Every match of ``target_word`` is one of these, whole, as a run of word characters
        #: (None if a word is not one run: "a dozen" in a house list).
        self.target_word_runs = word_runs({*self.words, *(t.lower() for t in compound_tens)})

    # -- source side --------------------------------------------------------------------------
    def source(self, text: str, start: int, end: int, lang: str | None) -> list[Mention]:
        if lang != "zh" and DIGIT.search(text, start, end) is None:
            return []  # Chinese numerals aside, every mention below has a digit
        scales = self.source_scales.get(lang or "", {})
        out, taken = [], []
        for m in _DATE_DMY.finditer(text, start, end):  # the day and month are the date's (dates.py)
            value = float(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
            out.append(Mention(m.start(3), m.end(3), m.group(3), frozenset({key(value), key(float(m.group(3)))})))
            taken.append(m.span())
        for m in _TIME.finditer(text, start, end):
            hour = int(m.group(1))
            out.append(Mention(m.start(), m.end(), m.group(), frozenset({float(hour), float(hour % 12 or 12)})))
            taken.append(m.span())
        if lang == "zh":
            numbers = self.chinese.read(text, start, end)
            out.extend(n for n in numbers if not any(a <= n.start < b for a, b in taken))
            return sorted(out, key=lambda x: x.start)
        for m in self.source_number.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in taken):
                continue
            values = _values(m.group("int"), m.group("sep"), m.group("frac"), ",.", "")
            if m.group("scale"):  # "3,5 млн" is 3 500 000, never 3.5
                scale = scales.get(m.group("scale").lower(), 1.0)
                values = {v * scale for v in values}
            if self.decade.match(text, m.end()) and len(m.group()) == 2 and m.group().endswith("0"):
                values |= {1900 + float(m.group()), 2000 + float(m.group())}  # "20-х" = the 1920s
            out.append(Mention(m.start(), m.end(), m.group(), frozenset(key(v) for v in values)))
        return sorted(out, key=lambda x: x.start)

    # -- target side (English) ---------------------------------------------------------------
    def target(self, text: str, start: int, end: int, words: frozenset[str] | None = None) -> list[Mention]:
        """The mentions in text[start:end], a segment whose lower-cased word runs are *words* (None:
        not known). Its patterns run only where they may match: the number patterns, which start
        with lookbehinds and are slow to rule out position by position, where there is a digit;
        the number words where one of them is a word of the segment."""
        out, taken = [], []
        digits = DIGIT.search(text, start, end) is not None
        for m in _TIME.finditer(text, start, end) if digits else ():
            hour, clock = int(m.group(1)), float(m.group().replace(":", "."))  # "3:45" is also "3.45"
            out.append(Mention(m.start(), m.end(), m.group(), frozenset({float(hour), float(hour % 12 or 12), clock})))
            taken.append(m.span())
        for m in self.target_number.finditer(text, start, end) if digits else ():
            if any(a <= m.start() < b for a, b in taken):
                continue
            values = _values(m.group("int"), m.group("sep"), m.group("frac"), ".", "")
            if m.group("scale") or m.group("letter"):
                scale = self.target_scales[(m.group("scale") or m.group("letter")).lower()]
                # a one-letter scale may be a unit: "$5m" is 5 million, "100m" may be 100 metres
                values = {v * scale for v in values} | (values if m.group("letter") else set())
            out.append(Mention(m.start(), m.end(), m.group(), frozenset(key(v) for v in values)))
        for m in self.target_word.finditer(text, start, end) if may_hold(words, self.target_word_runs) else ():
            if m.group("tens"):
                value = self.words[m.group("tens").lower()] + self.words[m.group("ones").lower()]
            else:
                value = self.words[m.group("word").lower()]
            out.append(Mention(m.start(), m.end(), m.group(), frozenset({key(value)}), digits=False))
        # "2.5 million": the scale word also multiplies a preceding digit mention (already done);
        # "a million" / "one million": a word number followed by a scale.
        return sorted(out, key=lambda x: x.start)
