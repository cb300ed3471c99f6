"""Calque packs: enough entries, quiet on idiomatic English, every pack when no source language is
given (the cases of each rule are in rule_cases/calques.yml)."""
import pytest
from helpers import rule_findings, shipped_registry

from tqcheck.engine.config import Config
from tqcheck.engine.linter import Linter

PACK_MINIMUM = {"calques-ru": 80, "calques-zh": 30, "calques-de": 30}


def codes(text: str, source_lang: str | None = None) -> set[str]:
    calques = [rule.code for rule in shipped_registry() if rule.code.startswith("CQ")]
    return {f.code for f in rule_findings(text, calques, source_lang=source_lang)}


@pytest.mark.parametrize("pack,minimum", sorted(PACK_MINIMUM.items()))
def test_each_pack_has_enough_entries_each_with_a_suggestion_or_message(registry, pack, minimum):
    rules = [r for r in registry if r.origin == pack]
    entries = [e for r in rules for e in r.entries]
    assert len(entries) >= minimum
    assert all(e.get("suggestion") or e.get("message") for e in entries if "phrase" in e)


def test_every_pack_runs_when_no_source_language_is_given():
    # (each calque firing for its own source language and not for another is a case in rule_cases/calques.yml)
    assert codes("Let us remind you. The firm has made losses since years. It has 3.5 ten thousand visitors.") == {
        "CQ01", "CQ05", "CQ06"}


@pytest.mark.parametrize("text", [
    "There is now an entire village on the territory of the farm.",
    "On the eve of the summit, the ministers met within the framework of the treaty.",
    "He was arrested in connection with the robbery; it should be noted that he denied it.",
    "Her many talents impressed the judges, and ten thousand people came.",
    "That was a sensible decision, and he has lived here since 2019.",
])
def test_idiomatic_english_is_not_a_calque(text):
    assert codes(text) == set()


def test_seed_calques_are_found_through_the_linter(registry):
    text = ("Russia, at all possibilities, refrained. The first person of the state was not attacked, "
            "and a case was opened on the fact of an attempted attack.")
    result = Linter(Config(source_lang="ru"), registry=registry).check_text(text)
    assert [f.text for f in result.findings if f.code == "CQ01"] == [
        "at all possibilities", "The first person of the state", "on the fact of"]
