from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Table, Words
from tqcheck.rule import Rule

_DATA = "bilingual/chinese-names.yml"


class ChineseNameSpelling(Rule):
    """A Chinese person's name of the source spelled wrongly in the translation.

    What it does: finds the person names of each Chinese source segment (jieba's part-of-speech tag
    for names, kept when the name starts with a surname of ``rules/data/bilingual/chinese-names.yml``),
    spells them in pinyin with pypinyin (马祚波: Ma Zuobo) and looks at the aligned English segment.
    Reported: the given name split into syllables ("Ma Zuo Bo"), run into the surname ("Mazuobo"),
    the given name put first ("Zuobo Ma"), and the surname followed by another pinyin given name
    that is not in the source ("Ma Zhuobo"). A name the translation spells correctly in a
    neighbouring segment is not reported. Wade-Giles spellings (Taiwan and Hong Kong names: "Kuo
    Tai-ming") are accepted when the ``romanizations`` option lists ``wade-giles``. A two-character
    name run into one word is left alone (it is often part of a company's name: 凌空, "Lingkong").
    Opt-in (``--select BI10``): on the dev MQM set raters did not mark what it found.
    Why it matters: a Chinese name with its syllables split or reordered is read as another name by
    readers, search engines and the person's own organisation; a changed given name is another person.
    Example:
        flag: source: 记者马祚波报道。 target: Reporter Ma Zuo Bo reports.
        flag: source: 国务院副总理何立峰出席会议。 target: Vice Premier Lifeng He attended the meeting.
        flag: source: 记者马祚波报道。 target: Reporter Ma Zhuobo reports.
        okay: source: 记者马祚波报道。 target: Reporter Ma Zuobo reports.
        okay: source: 国务院副总理何立峰出席会议。 target: Vice Premier He Lifeng attended the meeting.
        flag: source: 郭台铭发表讲话。 target: Kuo Tai-ming gave a speech.
    """

    code = "BI10"
    name = "bilingual.chinese-names"
    category = "Locale convention/Name format"
    severity = Severity.MINOR
    needs_source = True
    source_langs = frozenset({"zh"})
    #: Opt-in: on the dev MQM set (zh-en with sources) its few findings were not marked by raters.
    default_enabled = False

    surnames = Table(_DATA, "Chinese surnames and their spellings (the first is the suggestion).", values=str)
    romanizations = Words(_DATA, "Romanizations accepted: pinyin, and wade-giles for Taiwan and Hong Kong names.")
    surname_words = Words(_DATA, "English words spelled like a surname (He, You): never read as another "
                          "rendering of a name.")

    @cached_property
    def _surnames(self):
        return {k: tuple(v.split()) for k, v in self.surnames.items()}

    def check(self, doc):
        from tqcheck.checks.bilingual.zhnames import source_names, target_words

        alignment = doc.alignment
        pairs = alignment.pairs
        wade_giles = "wade-giles" in self.romanizations
        words = [target_words(doc.text, *p.target_span) if p.target_span else [] for p in pairs]
        for i, pair in enumerate(pairs):
            if not pair.source_span or not pair.target_span:
                continue
            near = range(i, i + 1) if alignment.mode == "lines" else range(max(0, i - 1), min(len(pairs), i + 2))
            nearby = [w for j in near for w in words[j]]
            src = doc.source.text[slice(*pair.source_span)]
            for name in source_names(doc.source.text, *pair.source_span, self._surnames, wade_giles):
                if not wade_giles:
                    yield from self._wade_giles(doc, name, words[i])
                if not self._spelled(doc.text, name, nearby):
                    yield from self._misspelled(doc, name, words[i], src)

    @staticmethod
    def _spelled(text, name, words) -> bool:
        from tqcheck.checks.bilingual.zhnames import adjacent

        family, given = set(name.family), name.given_forms()
        return any(w.norm in family and adjacent(text, w, n) and n.norm in given for w, n in zip(words, words[1:]))

    def _wade_giles(self, doc, name, words):
        from tqcheck.checks.bilingual.zhnames import adjacent

        family, given = name.wade_giles
        if family in name.family and given in name.given_forms():
            return  # the same in both systems
        for w, n in zip(words, words[1:]):
            if w.norm == family and n.norm == given and adjacent(doc.text, w, n):
                yield self.finding(doc, w.start, n.end, f"'{doc.text[w.start:n.end]}' spells the source's {name.text} in "
                                   f"Wade-Giles; pinyin is '{name.suggestion}' (add wade-giles to the romanizations "
                                   "option for Taiwan and Hong Kong names).", name.suggestion)

    def _misspelled(self, doc, name, words, source_segment):
        from tqcheck.checks.bilingual.zhnames import adjacent, pinyin_like

        text = doc.text
        family, given, right = set(name.family), name.given_forms(), name.suggestion
        for k, w in enumerate(words):
            nxt = words[k + 1] if k + 1 < len(words) and adjacent(text, w, words[k + 1]) else None
            third = words[k + 2] if nxt and k + 2 < len(words) and adjacent(text, nxt, words[k + 2]) else None
            if w.norm in family and nxt and third and len(name.given) == 2 and \
                    nxt.norm in name.given[0] and third.norm in name.given[1]:
                yield self.finding(doc, w.start, third.end, f"'{text[w.start:third.end]}' splits the given name of "
                                   f"the source's {name.text}: '{right}'.", right)
                return
            if len(name.given) == 2 and w.norm in {f + g for f in family for g in given}:  # not 凌空 in "Lingkong"
                yield self.finding(doc, w.start, w.end, f"'{w.text}' runs the source's {name.text} into one word: "
                                   f"'{right}'.", right)
                return
            if nxt and w.norm in given and nxt.norm in family:
                yield self.finding(doc, w.start, nxt.end, f"'{text[w.start:nxt.end]}' puts the given name first; the "
                                   f"source's {name.text} is '{right}', family name first.", right)
                return
            if nxt and w.norm in family and w.text not in self.surname_words and "-" not in nxt.text \
                    and nxt.norm not in given and pinyin_like(nxt.norm) and not self._in_source(nxt.norm, source_segment):
                yield self.finding(doc, w.start, nxt.end, f"'{text[w.start:nxt.end]}' is not the source's "
                                   f"{name.text} ('{right}').", right, category="Accuracy/Mistranslation")
                return

    @staticmethod
    def _in_source(word: str, segment: str) -> bool:
        """*word* spells characters of the source segment (another name of it: 马云 beside 马祚波)."""
        from pypinyin import lazy_pinyin

        spelled = [s.replace("v", "u") for s in lazy_pinyin(segment)]
        return any("".join(spelled[i:i + n]) == word for n in (1, 2, 3) for i in range(len(spelled)))
