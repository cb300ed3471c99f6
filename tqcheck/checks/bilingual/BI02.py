import re
from functools import cache, cached_property

from tqcheck.finding import Severity
from tqcheck.options import Entries, Table, Words
from tqcheck.rule import Rule
from tqcheck.text.prefilter import may_match

_CYRILLIC_NAME = re.compile(r"(?<![\w-])[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+(?:-[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+)?")
_LATIN_WORD = re.compile(r"(?<![\w-])[A-ZÀ-ÞŠŽČĆ][A-Za-zÀ-žʼ'’-]*")


class NameTransliteration(Rule):
    """A source name written in the translation in another transliteration, or left out.

    What it does: for Russian, Ukrainian and Chinese sources, looks up every name of the names glossary
    (``rules/data/bilingual/names.yml``) in each source segment: a wrong spelling listed there in the aligned
    target segment is reported with the English form as fix, and a name with no spelling at all in the
    segment (or its neighbours) as possibly missing. For other capitalised source words, a
    target word that spells the word by a non-English romanization (German, French or scientific, in
    ``rules/data/bilingual/translit-ru-other.yml``: Schoigu, Jewgenij, Šojgu) and by no English one (BGN/PCGN
    for Russian, the Ukrainian national system for Ukrainian, with their accepted simplifications) is
    reported with the English form. Exonyms and foreign names (Moscow, Washington) match no such system.
    Chinese names are checked through the glossary only (pinyin forms; Wade-Giles spellings as variants),
    as finding names in Chinese text needs a word segmenter; split pinyin given names are NM04's.
    Why it matters: one person under two spellings confuses readers and search; a name that vanished is
    an omission.
    Example:
        flag: source: Министр обороны Сергей Шойгу провел совещание. target: Defence Minister Sergei Schoigu held a meeting.
        flag: source: Губернатор Евгений Куйвашев подписал указ. target: Governor Jewgenij Kujwaschew signed a decree.
        flag: source: Зеленский провел переговоры в Киеве. target: The president held talks in Kyiv.
        okay: source: Министр обороны Сергей Шойгу провел совещание. target: Defence Minister Sergei Shoigu held a meeting.
        okay: source: Губернатор Евгений Куйвашев подписал указ. target: Governor Yevgeny Kuyvashev signed a decree.
        okay: source: Губернатор Москвы Собянин открыл станцию. target: Moscow Mayor Sobyanin opened the station.
        flag: source: 习近平会见了来访的客人。 target: Hsi Chin-ping met the visiting guests.
        okay: source: 习近平会见了来访的客人。 target: Xi Jinping met the visiting guests.
    """

    code = "BI02"
    name = "bilingual.names"
    category = "Locale convention/Name format"
    severity = Severity.MINOR
    needs_source = True
    source_langs = frozenset({"ru", "uk", "zh"})

    names = Entries("bilingual/names.yml", "Names whose English form is not (only) their romanization: "
                    "source forms, target, accept, variants.", key="target",
                    fields={"source": [str], "target": str, "accept": [str], "variants": [str]}, required=("source",))
    russian_romanization = Table("bilingual/translit-ru-bgn-pcgn.yml", "BGN/PCGN romanization of Russian "
                                 "with the spellings English news use.", values=object)
    ukrainian_romanization = Table("bilingual/translit-uk-national.yml", "Ukrainian national romanization (2010).",
                                   values=object)
    other_romanizations = Entries("bilingual/translit-ru-other.yml", "Romanizations that are not English usage "
                                  "(German, French, scientific).", key="system",
                                  fields={"system": str, "letters": {str: str}, "initial": {str: str},
                                          "after-vowel": {str: str}, "vowels": str, "digraphs": {str: str},
                                          "also": {str: [str]}}, required=("letters",))
    romanization_markers = Words("bilingual/translit-ru-other.yml", "Spellings English romanization never uses (w, sch).")
    inflection_endings = Words("bilingual/inflection.yml", "Russian and Ukrainian inflection endings, cut off a name.")

    # Built on the first check: a run without sources never needs them.
    @cached_property
    def _romanizers(self) -> dict:
        from tqcheck.checks.bilingual.translit import Romanizer

        tables = {"ru": self.russian_romanization, "uk": self.ukrainian_romanization}
        return {lang: Romanizer(lang, table) for lang, table in tables.items()}

    @cached_property
    def _others(self) -> dict:
        """lang -> (the non-English romanizations, their marker spellings); Ukrainian names are
        compared with the Russian ones too."""
        from tqcheck.checks.bilingual.translit import Romanizer

        markers = list(self.romanization_markers)
        return {lang: ([Romanizer(lang, table) for table in self.other_romanizations], markers) for lang in ("ru", "uk")}

    @cached_property
    def _endings(self) -> tuple[str, ...]:
        return tuple(sorted(self.inflection_endings, key=len, reverse=True))

    @cached_property
    def _glossary(self) -> tuple[re.Pattern, list, list]:
        """(one pattern of every source form, each name's accepted forms, each name's wrong forms)."""
        parts = []
        for i, entry in enumerate(self.names):
            alts = "|".join(re.escape(s[:-1]) + r"[а-яёіїєґ'’]*" if s.endswith("*") else re.escape(s) + r"(?![а-яёіїєґ])"
                            for s in entry["source"])
            parts.append(f"(?P<n{i}>(?<![а-яёіїєґА-ЯЁІЇЄҐ])(?:{alts}))")
        forms = [[(form, re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w])"))
                  for form in [e["target"], *e.get("accept", [])]] for e in self.names]
        wrong = [[(form, re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w])")) for form in e.get("variants", [])]
                 for e in self.names]
        return re.compile("|".join(parts) or r"(?!x)x"), forms, wrong

    def check(self, doc):
        glossary, forms, wrong_forms = self._glossary
        if not may_match(glossary, doc.source.index):
            glossary = None  # no glossary name's text anywhere in the source
        romanize = self._romanizers.get(doc.source_lang or "ru")
        pairs = doc.alignment.pairs
        for i, pair in enumerate(pairs):
            if not pair.source_span or not pair.target_span:
                continue
            src_start, src_end = pair.source_span
            near = [p.target_span for p in pairs[max(0, i - 1):i + 2] if p.target_span]
            covered = []
            for m in glossary.finditer(doc.source.text, src_start, src_end) if glossary else ():
                covered.append(m.span())
                k = int(m.lastgroup[1:])
                if any(rx.search(doc.text, a, b) for _, rx in forms[k] for a, b in near):
                    continue
                wrong = [(w, rx.search(doc.text, *pair.target_span)) for w, rx in wrong_forms[k]]
                wrong = [(w, hit) for w, hit in wrong if hit]
                target = self.names[k]["target"]
                if wrong:
                    for w, hit in wrong:
                        yield self.finding(doc, hit.start(), hit.end(),
                                           f"'{w}' is another transliteration of '{m.group()}'; English uses '{target}'.", target)
                elif not any(rx.search(doc.text, a, b) for _, rx in wrong_forms[k] for a, b in near):
                    yield self.finding(doc, *pair.target_span, f"The source names '{m.group()}' ({target}); this segment does not.",
                                       category="Accuracy/Omission")
            if romanize is None:
                continue
            words = [(w.group(), w.start(), w.end()) for w in _LATIN_WORD.finditer(doc.text, *pair.target_span)]
            for m in _CYRILLIC_NAME.finditer(doc.source.text, src_start, src_end):
                if any(a <= m.start() < b for a, b in covered):
                    continue
                yield from self._other_system(doc, m.group(), words, romanize)

    def _other_system(self, doc, name, words, romanize):
        """Target words that spell *name* by a non-English romanization (and by no English one)."""
        spellings = self._spellings(name, romanize.lang)
        if spellings is None:
            return
        accepted, others, expected = spellings
        hits = []
        for word, a, b in words:
            lower = word.lower()
            if any(lower.startswith(v) for v in accepted):
                return  # the segment also has an English spelling: the other one is something else
            form = next((f for f in others if lower.startswith(f)), None)
            if form:
                hits.append((word, a, b, form))
        for word, a, b, form in hits:
            yield self.finding(doc, a, b, f"'{word}' spells '{name}' in {others[form]}; English uses "
                               f"{romanize.system} ('{expected}…').", expected + word[len(form):])

    @cached_property
    def _spellings(self):
        """(the English spellings of a name's stem, lower case; its spellings in the other
        romanizations that only they write, by system; the English one as suggested) for a
        source name and language, or None without such other spellings. Remembered: articles
        name the same people again and again."""

        def spellings(name: str, lang: str):
            from tqcheck.checks.bilingual.translit import stem

            romanize = self._romanizers[lang]
            base = stem(name, self._endings)
            accepted = {v.lower() for v in romanize.variants(base)}
            others = {}
            systems, markers = self._others[lang]
            english = romanize(base).lower()
            for other in systems:
                form = other(base).lower()
                if len(form) < 4 or any(form.startswith(v) or v.startswith(form) for v in accepted):
                    continue
                if any(mk in form and mk not in english for mk in markers):
                    others.setdefault(form, other.system)
            if not others:
                return None
            return accepted, others, romanize(base).replace("ë", "e")

        return cache(spellings)
