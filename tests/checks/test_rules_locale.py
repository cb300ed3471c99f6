"""Locale rules (LC01-LC07): source-language number, date, time and currency conventions."""
import pytest
from fast_path_checks import assert_fast_path_agrees, assert_quick_test_admits
from helpers import rule_findings

CODES = ["LC01", "LC02", "LC03", "LC04", "LC05", "LC06", "LC07"]

CLEAN = (
    "On May 4, 2023, about 270,000 people (1.5 times more than in 2021) paid $100, €95 or 500 rubles. "
    "Prices rose 12% to 3.5 million, the meeting started at 9.30am and at 15:30, shares traded at 15.30 dollars, "
    "and version 1.10.2023 was released in 2021 100 years after the first. On May 15 200 people gathered. "
    "He lives in house No. 5; the budget was $5m, or 5 mln, and the contract $3bn; aged 10,11 and 12."
)


def findings(text: str, codes=CODES):
    return rule_findings(text, codes, ("code", "text", "suggestion"))


def test_english_conventions_are_clean():
    assert findings(CLEAN) == []


@pytest.mark.parametrize("text,expected", [
    ("It was signed on 04.05.2023.", ("LC01", "04.05.2023", "May 4, 2023")),
    ("Also, 15,2 thousand families received it.", ("LC02", "15,2", "15.2")),
    ("Output fell by 0,5.", ("LC02", "0,5", "0.5")),
    ("Prices rose by 3,25%.", ("LC02", "3,25", "3.25")),
    ("About 270 000 people live there.", ("LC03", "270 000", "270,000")),
    ("About 1\u00a0000\u00a0000 people live there.", ("LC03", "1\u00a0000\u00a0000", "1,000,000")),
    ("The budget is 1.000.000 euros.", ("LC03", "1.000.000", "1,000,000")),
    ("It cost 1.234,50 euros.", ("LC03", "1.234,50", "1,234.50")),
    ("The meeting starts at 15.30 sharp.", ("LC04", "15.30", "15:30")),
    ("The launch is at 08.15 Moscow time, not 3.45 GMT.", ("LC04", "08.15", "08:15")),
    ("The ticket costs 100 $.", ("LC05", "100 $", "$100")),
    ("The ticket costs $ 100.", ("LC05", "$ 100", "$100")),
    ("The fine is 500 ₽.", ("LC05", "500 ₽", "500 rubles")),
    ("Sales fell by 12 %.", ("LC06", "12 %", "12%")),
    ("The contract is worth 3 mlrd rubles.", ("LC07", "mlrd", "billion")),
    ("He lives in house № 5.", ("LC07", "№ ", "No. ")),
])
def test_source_convention_is_flagged_with_the_english_form(text, expected):
    assert findings(text) == [expected]


def test_decimal_comma_is_major_because_it_changes_the_number(registry):
    assert str(registry.get("LC02").severity) == "major"


# -- fast paths: each finds what the slow path finds (see tests/fast_path_checks.py) ----------------
@pytest.mark.parametrize("code", ["LC01", "LC02", "LC03", "LC04", "LC05", "LC06"])
def test_fast_path_finds_what_the_slow_path_finds(code, registry):
    assert assert_fast_path_agrees(registry.get(code)) > 0


@pytest.mark.parametrize("code", ["LC03", "LC05"])
def test_quick_test_admits_every_match(code, registry):
    rule = registry.get(code)
    assert_quick_test_admits(rule, rule._pattern)  # the _needs patterns are checked in test_fast_paths.py
