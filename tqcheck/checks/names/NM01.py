from tqcheck.finding import Severity
from tqcheck.text.words import WordRequirements
from tqcheck.rule import Rule, lazy_compile

# Ukraine and its oblasts in both spellings: a sentence naming one of them is about Ukraine.
UKRAINE_CUES = (
    "Ukraine Ukrainian Kyiv Kiev Kharkiv Kharkov Odesa Odessa Lviv Lvov Donetsk Luhansk Lugansk Zaporizhzhia "
    "Zaporozhye Kherson Mykolaiv Nikolaev Dnipro Dnipropetrovsk Dnepropetrovsk Poltava Sumy Chernihiv Chernigov "
    "Zhytomyr Zhitomir Vinnytsia Vinnitsa Cherkasy Cherkassy Kirovohrad Kirovograd Khmelnytskyi Khmelnitsky "
    "Rivne Rovno Volyn Ternopil Ternopol Ivano-Frankivsk Ivano-Frankovsk Zakarpattia Transcarpathia Chernivtsi "
    "Chernovtsy Donbas Donbass"
).split()
_CUE = lazy_compile(rf"\b(?:{'|'.join(UKRAINE_CUES)})\b")
# A cue matches as whole words, so it can only be where all its words are words of the article.
_CUE_WORDS = WordRequirements(UKRAINE_CUES, caseless=False)
# Russian grammar in a name: adjective endings -aya/-oye/-iy, the -ovka/-evka village ending.
# Ukrainian has -a/-e/-yi and -ivka for the same names (Bankovaya -> Bankova, Rubezhnoye -> Rubizhne).
_NAME = lazy_compile(
    r"\b(?P<name>[A-Z][a-z]+(?P<end>skaya|aya|skoye|oye|skiy|iy|ovka|evka|yevka))"
    r"(?= (?:[Ss]treet|[Aa]venue|[Ss]quare|[Ll]ane|[Bb]oulevard|[Dd]istrict|[Rr]egion|[Oo]blast|[Vv]illage|[Hh]romada))"
    r"|(?:(?<=village of )|(?<=town of )|(?<=settlement of )|(?<=city of ))(?P<name2>[A-Z][a-z]+(?P<end2>skaya|aya|skoye|oye|ovka|evka|yevka))\b"
)
_UKRAINIAN_ENDING = {"skaya": "ska", "aya": "a", "skoye": "ske", "oye": "e", "skiy": "skyi", "iy": "yi",
                     "ovka": "ivka", "evka": "ivka", "yevka": "ivka"}


class RussianFormOfUkrainianName(Rule):
    """A Ukrainian street, village or district name in its Russian form (Bankovaya, Rubezhnoye).

    What it does: in sentences about Ukraine (naming Ukraine, Kyiv or an oblast, in either
    spelling), flags a name with a Russian ending (-aya, -oye, -iy, -ovka/-evka) before "Street",
    "district", "village" and the like, or after "village of", and suggests the likely Ukrainian
    form (-a, -e, -yi, -ivka). Names in the glossaries (TE01) are left to them; this rule catches
    the small places no glossary lists, at minor severity, since the suggestion is a guess.
    Why it matters: MT from Russian sources gives Ukrainian places their Russian names; English
    news uses the Ukrainian ones.
    Example:
        flag: Shelling hit Sadovaya Street in the centre of Kharkiv.
        flag: The village of Petrovka in the Donetsk region was shelled.
        okay: Shelling hit Sadova Street in the centre of Kharkiv.
        okay: Shops line Tverskaya Street in Moscow.
    """

    code = "NM01"
    name = "names.russian-form-of-ukrainian-name"
    category = "Locale convention/Name format"
    severity = Severity.MINOR

    def check(self, doc):
        text = doc.text
        if not _CUE_WORDS.may_match(doc.index) and not _splits_words(text, doc.sentences):
            return  # no cue word anywhere (a sentence edge inside a word could make one: then look)
        for start, end in doc.sentences:
            if not _CUE.search(text, start, end):
                continue
            for m in _NAME.finditer(text, start, end):
                group = "name" if m.group("name") else "name2"
                name, ending = m.group(group), m.group("end" if group == "name" else "end2")
                likely = name[: -len(ending)] + _UKRAINIAN_ENDING[ending]
                yield self.finding(doc, m.start(group), m.end(group),
                                   f"'{name}' has a Russian ending; the Ukrainian form is likely '{likely}'.", likely)


def _splits_words(text: str, sentences: list[tuple[int, int]]) -> bool:
    """Whether a sentence starts or ends between two word characters (a search bounded by the
    sentence would see a word edge there that the whole text does not have)."""
    return any(0 < edge < len(text) and _word_char(text[edge - 1]) and _word_char(text[edge])
               for sentence in sentences for edge in sentence)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
