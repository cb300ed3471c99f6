"""House style (issue 17): choices on which professional reviewers split (US or U.S., date
order, numbers in words, quotes, headline case). Without a choice, a rule flags only a mix of
two forms in one article; ``style = "ap"`` (``rules/data/style/presets.yml``) or a config's
``[rules.CODE]`` choice makes one form the house's."""


def get_rules() -> list[type]:
    from tqcheck.checks.style.ST01 import UsForm
    from tqcheck.checks.style.ST02 import DateStyle
    from tqcheck.checks.style.ST03 import NumbersUnderTen
    from tqcheck.checks.style.ST04 import QuoteStyle
    from tqcheck.checks.style.ST05 import HeadlineCase

    return [UsForm, DateStyle, NumbersUnderTen, QuoteStyle, HeadlineCase]
