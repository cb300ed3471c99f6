"""Locale rules (LC01-LC07): an English article is clean, and the fast paths find what the slow
paths find (the cases of each rule are in rule_cases/locale.yml)."""
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


# -- fast paths: each finds what the slow path finds (see tests/fast_path_checks.py) ----------------
@pytest.mark.parametrize("code", ["LC01", "LC02", "LC03", "LC04", "LC05", "LC06"])
def test_fast_path_finds_what_the_slow_path_finds(code, registry):
    assert assert_fast_path_agrees(registry.get(code)) > 0


@pytest.mark.parametrize("code", ["LC03", "LC05"])
def test_quick_test_admits_every_match(code, registry):
    rule = registry.get(code)
    assert_quick_test_admits(rule, rule._pattern)  # the _needs patterns are checked in test_fast_paths.py
