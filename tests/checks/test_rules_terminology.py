"""Terminology glossaries (TE01-TE08): the seed article's traps (the cases of each rule are in
rule_cases/terminology.yml)."""
from helpers import rule_findings


def test_seed_traps_are_not_terminology_errors():
    text = "Vladimir Zelensky, Vyacheslav Volodin and Dmitry Drozdenko spoke to Izvestia."
    assert rule_findings(text, ("TE01", "TE02", "TE03", "TE04", "TE06")) == []
