"""Numbers in Chinese text, read with cn2an: Arabic and Chinese numerals, 万/亿 scales ("400万" is
4 000 000, "两千三百" 2 300), percentages ("百分之五十", "8.9%"), 成 (tenths: "三成" is 30%),
decades ("80年代" is the 1980s), centuries ("19世纪": the 1800s), ordinals ("第三"); ranges ("3至5") are two numbers.

Precision first: a Chinese numeral that is also part of a word is not read as a number ("一些",
"统一", "万一", "千万", "四川"): a lone numeral character counts only before a classifier (the
``chinese-classifiers`` of ``rules/data/bilingual/numbers.yml``: 三个, 两国) or after 第; a bare scale
("上百", "数千", and any numeral after a ``vague-prefixes`` character: "几十万") or a run of digits with no unit ("三四" is "three or four") is vague and skipped.
Approximators ("余", "多": "500余万" is over 5 million) are dropped from the value.
"""
from __future__ import annotations

import re

from tqcheck.checks.bilingual.mention import Mention, key

_DIGITS = "〇零一二两三四五六七八九"
_UNITS = "十百千万亿萬億"
_NUMBER = re.compile(
    rf"(?P<ord>第)?(?P<pct>百分之)?"
    rf"(?P<num>(?<![\d.,A-Za-z])\d+(?:,\d{{3}})*(?:\.\d+)?(?![\d.,]\d)(?:[余多]?[{_UNITS}]+)?"
    rf"|[{_DIGITS}{_UNITS}]+(?:点[{_DIGITS}]+)?(?:[余多][{_UNITS}]+)?)"
    r"(?P<after>年代|世纪|成|%|％)?")


class ChineseNumbers:
    def __init__(self, classifiers: tuple[str, ...], approximators: tuple[str, ...], vague: tuple[str, ...]) -> None:
        self.vague = frozenset(vague)
        self.classifiers = tuple(sorted(classifiers, key=len, reverse=True))
        self.approximators = "".join(approximators)

    def read(self, text: str, start: int, end: int) -> list[Mention]:
        import cn2an

        out = []
        for m in _NUMBER.finditer(text, start, end):
            raw = m.group("num")
            chinese = not raw[0].isdigit()
            if chinese and not self._counts(raw, text, m.end("num"), bool(m.group("ord") or m.group("pct"))):
                continue
            if m.start() > 0 and text[m.start() - 1] in self.vague:
                continue  # 几十万, 数百, 上千万: an amount, not a number
            plain = raw.replace(",", "").translate({ord(c): None for c in self.approximators})
            try:
                value = float(cn2an.cn2an(plain, "smart"))
            except (ValueError, KeyError, TypeError):
                continue
            values = {value}
            after = m.group("after")
            if after == "年代" and value < 100:  # "80年代": the 1980s (or the 2080s, the '80s)
                values |= {1900 + value, 2000 + value}
            elif after == "世纪":  # "19世纪": the 19th century, the 1800s
                values.add((value - 1) * 100)
            elif after == "成":  # "三成": 30 per cent
                values.add(value * 10)
            values.discard(float("nan"))
            start_at = m.start("pct") if m.group("pct") else m.start("num")
            firm = not chinese or len(raw) > 1 or bool(m.group("pct"))  # 国内第一: "the best in China"
            out.append(Mention(start_at, m.end(), text[start_at:m.end()], frozenset(key(v) for v in values),
                               firm=firm))
        return out

    def _counts(self, raw: str, text: str, end: int, marked: bool) -> bool:
        """Whether a run of Chinese numerals is a number here, not part of a word or a vague amount."""
        core = raw.split("点")[0]
        if core[0] in "百千万亿萬億" or core == "十":
            return False  # 上百, 数千, 千万 (also "must"), 万一
        if not any(c in _UNITS for c in core) and len(core) > 1:
            return False  # 三四 (three or four), 九一八 (a name), 二〇二三 is a year (a date's)
        if len(core) == 1 and not marked:
            return core != "一" and text.startswith(self.classifiers, end)
        return True
