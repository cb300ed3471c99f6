"""A target language's conventions, from the CLDR data that Babel ships.

``profile("de")`` gives the decimal and group separators, the percent and currency patterns, the
date and time patterns, month and day names, and whether the language is written in a CJK script
(full-width punctuation). Profiles are computed from Babel on first use and kept for the process.

Babel does not carry CLDR's quotation marks (``<delimiters>``) or dash conventions, so those come
from ``rules/data/punctuation/typography.yml`` (transcribed from CLDR, with its source), handed to
the rules that need them as an option; ``LocaleProfile.with_typography`` adds them to a profile.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

#: Languages written with Han, kana or hangul: full-width punctuation is their convention.
CJK_LANGUAGES = frozenset({"zh", "ja", "ko", "yue", "wuu"})
#: An article's language code: "de", "pt-BR", "zh_Hant" (the part before - or _ is the language).
_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class LocaleProfile:
    """One language's conventions (CLDR through Babel)."""

    lang: str
    decimal: str = "."
    group: str = ","
    percent_pattern: str = "#,##0%"
    currency_pattern: str = "¤#,##0.00"
    #: CLDR date and time patterns by length: "full", "long", "medium", "short".
    date_patterns: dict[str, str] = field(default_factory=dict, compare=False)
    time_patterns: dict[str, str] = field(default_factory=dict, compare=False)
    #: Month and day names, January (Monday) first: wide and abbreviated forms of the format context.
    months: tuple[str, ...] = ()
    months_abbr: tuple[str, ...] = ()
    days: tuple[str, ...] = ()
    cjk: bool = False
    #: Quotation marks (from rules/data/punctuation/typography.yml): outer open/close, inner open/close.
    quotes: tuple[str, str, str, str] = ("“", "”", "‘", "’")
    #: The dash set between two clauses (spaced), e.g. "–" in German, "—" in Russian.
    dash: str = "—"

    @property
    def percent_spaced(self) -> bool:
        """Whether a space (often no-break) stands between the number and %, as in de and fr."""
        return bool(re.search(r"0[\s\u00a0\u202f]%", self.percent_pattern))

    @property
    def time_separator(self) -> str:
        m = re.search(r"[Hh]+(\W)mm", self.time_patterns.get("short", "HH:mm"))
        return m.group(1) if m else ":"

    def with_typography(self, quotes: list[str] | tuple[str, ...] | None = None, dash: str | None = None) -> LocaleProfile:
        """This profile with the quotation marks and dash of the typography data."""
        changes = {}
        if quotes and len(quotes) == 4:
            changes["quotes"] = tuple(quotes)
        if dash:
            changes["dash"] = dash
        return replace(self, **changes) if changes else self


def base_language(code: str) -> str:
    """"pt-BR" -> "pt", "zh_Hant" -> "zh"."""
    return re.split(r"[-_]", code.strip(), maxsplit=1)[0].lower()


def is_known_language(code: str) -> bool:
    """Whether *code* names a language CLDR knows ("de", "pt-BR"); "xx" does not."""
    if not code or not _CODE.fullmatch(code.strip()):
        return False
    return _babel_locale(code.strip().replace("-", "_")) is not None


@lru_cache(maxsize=64)
def _babel_locale(code: str):
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@lru_cache(maxsize=64)
def profile(lang: str) -> LocaleProfile:
    """The profile of *lang* (a language code); an unknown code gets English conventions' defaults
    under its own name, so a rule never fails on it (the command line refuses unknown codes)."""
    code = lang.strip().replace("-", "_") if lang else "en"
    locale = _babel_locale(code) or _babel_locale(base_language(code))
    base = base_language(code)
    if locale is None:
        return LocaleProfile(lang=base, cjk=base in CJK_LANGUAGES)
    symbols = locale.number_symbols.get(locale.default_numbering_system) or locale.number_symbols.get("latn", {})

    def pattern(formats, key) -> str:
        fmt = formats.get(key)
        return getattr(fmt, "pattern", str(fmt)) if fmt is not None else ""

    return LocaleProfile(
        lang=base,
        decimal=symbols.get("decimal", "."),
        group=symbols.get("group", ","),
        percent_pattern=pattern(locale.percent_formats, None),
        currency_pattern=pattern(locale.currency_formats, "standard"),
        date_patterns={k: pattern(locale.date_formats, k) for k in ("full", "long", "medium", "short")},
        time_patterns={k: pattern(locale.time_formats, k) for k in ("full", "long", "medium", "short")},
        months=tuple(locale.months["format"]["wide"][i] for i in range(1, 13)),
        months_abbr=tuple(locale.months["format"]["abbreviated"][i].rstrip(".") for i in range(1, 13)),
        days=tuple(locale.days["format"]["wide"][i] for i in range(7)),
        cjk=base in CJK_LANGUAGES,
    )


def format_date(year: int, month: int, day: int, lang: str, length: str = "long") -> str | None:
    """The date in *lang*'s CLDR *length* pattern ("5. Mai 2023"), or None for an impossible date."""
    import datetime

    from babel.dates import format_date as babel_format

    try:
        when = datetime.date(year, month, day)
    except ValueError:
        return None
    locale = _babel_locale(lang.replace("-", "_")) or _babel_locale(base_language(lang))
    return babel_format(when, format=length, locale=locale) if locale else None


def format_number(integer: str, fraction: str, prof: LocaleProfile) -> str:
    """Digits written with *prof*'s separators: ("1234567", "5") -> "1.234.567,5" in German.
    Four-digit integers keep no group separator where CLDR's minimum grouping says so (es, pl)."""
    digits = integer.lstrip("0") or "0"
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    if len(groups) == 2 and len(groups[0]) == 1 and prof.lang in _MIN_GROUPING_2:
        whole = "".join(groups)
    else:
        whole = prof.group.join(groups)
    return whole + (prof.decimal + fraction if fraction else "")


#: Languages whose CLDR minimumGroupingDigits is 2 ("1234" but "12 345"); Babel does not expose it.
_MIN_GROUPING_2 = frozenset({"es", "pl", "pt"})
