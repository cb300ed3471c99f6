from tqcheck.finding import Severity
from tqcheck.rule import Rule, iter_matches, lazy_compile

# East Slavic patronymics (Russian -ovich/-ovna, Ukrainian -ovych/-ivna). "-ich" alone is left out:
# Serbian and Croatian surnames (Abramovich, Djokovich) end that way.
_PATRONYMIC = r"[A-Z][a-z]+(?:ovich|evich|yevich|ovych|evych|ovna|evna|yevna|ichna|ivna|yivna)"
# "\b[A-Z]" written as "[A-Z](?<!\w[A-Z])": the same matches, found from capital to capital in C.
_FULL = lazy_compile(rf"[A-Z](?<!\w[A-Z])[a-z]+ ({_PATRONYMIC}) [A-Z][a-z]+")
_FEMININE_ADDRESS = lazy_compile(r"[A-Z](?<!\w[A-Z])[a-z]+ ([A-Z][a-z]+(?:ovna|evna|yevna|ichna|ivna|yivna))\b(?! [A-Z])")


class Patronymic(Rule):
    """A Russian or Ukrainian patronymic kept in an English article.

    What it does: flags the middle name of "Vladimir Vladimirovich Putin" when it ends like an
    East Slavic patronymic, and the polite "first name + patronymic" address ("Maria Vladimirovna")
    for women; the suggestion drops the patronymic.
    Why it matters: English news writes first name and surname only; MT keeps the patronymic of
    the Russian source, and a bare "name + patronymic" reads as an unexplained surname.
    Example:
        flag: The decree was signed by Vladimir Vladimirovich Putin on Monday.
        flag: Maria Vladimirovna said the talks were over.
        okay: The decree was signed by Vladimir Putin on Monday.
        okay: Roman Abramovich sold the club.
    """

    code = "NM05"
    name = "names.patronymic"
    category = "Style/Name format"
    severity = Severity.MINOR

    def check(self, doc):
        text = doc.text
        for pattern in (_FULL, _FEMININE_ADDRESS):
            for m in iter_matches(pattern, doc):
                start, end = m.span(1)
                yield self.finding(doc, start, end,
                                   f"'{m.group(1)}' is a patronymic; English news uses first name and surname only.")
