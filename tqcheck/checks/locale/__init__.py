"""Locale conventions: dates, numbers, times and currencies written the source language's way."""


def get_rules() -> list[type]:
    from tqcheck.checks.locale.LC01 import DottedDate
    from tqcheck.checks.locale.LC02 import DecimalComma
    from tqcheck.checks.locale.LC03 import ForeignThousandsSeparator
    from tqcheck.checks.locale.LC04 import DottedTime
    from tqcheck.checks.locale.LC05 import CurrencySymbolPosition
    from tqcheck.checks.locale.LC06 import SpacedPercent
    from tqcheck.checks.locale.LC11 import ForeignNumberSeparators
    from tqcheck.checks.locale.LC12 import ForeignDateFormat

    return [DottedDate, DecimalComma, ForeignThousandsSeparator, DottedTime, CurrencySymbolPosition, SpacedPercent,
            ForeignNumberSeparators, ForeignDateFormat]
