import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words
from tqcheck.rule import Rule, iter_matches, lazy_compile

_DATA = "names/patronymics.yml"


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

    masculine_patronymic_endings = Words(_DATA, "Endings of men's patronymics (-ovich, -ovych).")
    feminine_patronymic_endings = Words(_DATA, "Endings of women's patronymics (-ovna, -ivna).")

    # "\b[A-Z]" written as "[A-Z](?<!\w[A-Z])": the same matches, found from capital to capital in C.
    @cached_property
    def _full(self):
        endings = "|".join(map(re.escape, self.masculine_patronymic_endings + self.feminine_patronymic_endings))
        return lazy_compile(rf"[A-Z](?<!\w[A-Z])[a-z]+ ([A-Z][a-z]+(?:{endings})) [A-Z][a-z]+")

    @cached_property
    def _feminine_address(self):
        endings = "|".join(map(re.escape, self.feminine_patronymic_endings))
        return lazy_compile(rf"[A-Z](?<!\w[A-Z])[a-z]+ ([A-Z][a-z]+(?:{endings}))\b(?! [A-Z])")

    def check(self, doc):
        for pattern in (self._full, self._feminine_address):
            for m in iter_matches(pattern, doc):
                start, end = m.span(1)
                yield self.finding(doc, start, end,
                                   f"'{m.group(1)}' is a patronymic; English news uses first name and surname only.")
