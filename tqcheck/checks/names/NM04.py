import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

# The commonest mainland surnames in pinyin (Vietnamese, Korean and Cantonese romanisations such as
# Le, Kim, Chan, Ho are not pinyin and are not listed, so "Ho Chi Minh" is never matched).
PINYIN_SURNAMES = (
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song "
    "Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Du Ye Cheng Su Wei Ding Ren Shen Yao "
    "Lu Cui Zhong Tan Fan Jin Shi Liao Jia Xia Fu Fang Bai Zou Meng Xiong Qin Qiu Yin Xue Yan Duan Lei Hou Long "
    "Tao Gu Mao Hao Gong Shao Wan Qian Dai Kong Xiang Qi Bao Ou Zhan Geng Kang Niu Mu Che Ji Lan Rao"
).split()
# One pinyin syllable: optional initial, then a final.
_SYLLABLE = (r"(?:Zh|Ch|Sh|[BPMFDTNLGKHJQXRZCSYW])?(?:iang|iong|uang|ueng|iao|ian|ing|ang|eng|ong|uai|uan|ai|ei|ao|ou"
             r"|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u)")


def _by_first_letter(words: list[str]) -> str:
    r"""``\b(?:Wang|Wu|Li)`` as ``W(?<!\w.)(?:ang|u)|L(?<!\w.)(?:i)``: the same matches, but an
    alternation whose branches start with letters lets re jump between those letters in C."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?<!\\w.)(?:{'|'.join(rests)})" for first, rests in groups.items())


# The surname is followed by a space, so exactly one surname can span it: the order of the
# alternatives does not matter.
_SPLIT = lazy_compile(rf"({_by_first_letter(PINYIN_SURNAMES)}) ({_SYLLABLE}) ({_SYLLABLE})\b(?! [A-Z])")


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

    def check(self, doc):
        for m in _SPLIT.finditer(doc.text, doc.body_start):
            surname, first, second = m.groups()
            suggestion = f"{surname} {first}{second.lower()}"
            yield self.finding(doc, m.start(), m.end(),
                               f"Pinyin given names are one word: '{suggestion}', not '{m.group()}'.", suggestion)
