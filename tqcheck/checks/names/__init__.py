"""Names: personal and place names spelled inconsistently, in the wrong romanisation or case."""


def get_rules() -> list[type]:
    from tqcheck.checks.names.NM01 import RussianFormOfUkrainianName
    from tqcheck.checks.names.NM02 import InconsistentNameSpelling
    from tqcheck.checks.names.NM03 import LowercaseOrganisation
    from tqcheck.checks.names.NM04 import SplitPinyinGivenName
    from tqcheck.checks.names.NM05 import Patronymic

    return [RussianFormOfUkrainianName, InconsistentNameSpelling, LowercaseOrganisation, SplitPinyinGivenName,
            Patronymic]
