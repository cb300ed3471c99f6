from tqcheck.finding import Severity
from tqcheck.options import Table
from tqcheck.rule import Rule, lazy_compile
from tqcheck.text.locale_profile import base_language

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


class HalfWidthInCjk(Rule):
    """Half-width (ASCII) punctuation inside Chinese or Japanese text.

    What it does: flags , . ! ? : ; ( ) right after or before a Han or kana character and
    suggests the full-width mark (Chinese ，。！？：；（）, Japanese 、。; from
    ``rules/data/punctuation/typography.yml``). Decimals (3.5), times (10:30) and marks between
    Latin letters are left alone.
    Why it matters: CJK typography uses full-width punctuation; MT and text pasted from Latin
    layouts leave ASCII marks, the reverse of English, where a full-width mark is the error
    (the English rules never run on a Chinese or Japanese article).
    Example:
        flag: [zh] 他说,这是一个错误.
        okay: [zh] 他说，这是一个错误。价格为3.5元，时间10:30。
        flag: [ja] 彼は,それが間違いだと言った.
        okay: [ja] 彼は、それが間違いだと言った。
    """

    code = "PU18"
    name = "punctuation.half-width-in-cjk"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR
    target_langs = frozenset({"zh", "ja"})

    full_width = Table("punctuation/typography.yml", "Full-width marks replacing ASCII ones, per language.",
                       values={str: str})

    _pattern = lazy_compile(rf"(?<=[{_CJK}”」』\"])[,.!?:;()]|[,!?:;()](?=[{_CJK}])")

    def check(self, doc):
        marks = self.full_width.get(base_language(doc.lang))
        if not marks:
            return
        text = doc.text
        for m in self._pattern.finditer(text, doc.body_start):
            char, i = m.group(), m.start()
            after = text[i + 1] if i + 1 < len(text) else ""
            if char in ".:" and after.isdigit():
                continue
            if char in marks:
                yield self.finding(doc, i, i + 1, f"Half-width '{char}' in CJK text; use the full-width '{marks[char]}'.",
                                   marks[char], fixable=True)
