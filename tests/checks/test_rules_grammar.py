"""Grammar rules (GR02, GR03, GR05): their quick tests skip only text in which they find nothing."""
import random
import re

from helpers import rule_findings, shipped_registry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqcheck.checks.grammar.GR02 import MixedCorrelatives
from tqcheck.checks.grammar.GR03 import LowercaseSentenceStart
from tqcheck.document import Document

CODES = ["GR02", "GR03", "GR05"]
GR05 = shipped_registry().get("GR05")
_WORDS = ["either", "Either", "EITHER", "neither", "Neither", "or", "nor", "Nor", "eitherx", "the", "army", "we",
          "Russia", "the enemy", "allowed", "himself", "herself", "her", "his", "own", "borders", "allies", "she",
          "Mr", "etc", "e.g", "U.S", "iPhone", "it", "2", "İ", "ı", "ſ", "K"]
_BREAKS = [" ", " ", " ", ". ", "? ", "! ", "... ", ".\n", "\n", ".\n\n", ', "', '. "', ". “", "\t", ",", "; "]


def _texts(count=400, seed=7):
    rng = random.Random(seed)
    return ["".join(rng.choice(_WORDS) + rng.choice(_BREAKS) for _ in range(rng.randint(2, 40))) for _ in range(count)]


def _findings(texts):
    return [rule_findings(text, CODES, ("code", "start", "end", "message", "suggestion")) for text in texts]


def test_quick_tests_change_no_finding(monkeypatch, registry):
    examples = [t.replace("\\n", "\n") for code in CODES for kind in ("flag", "okay")
                for t in registry.get(code).examples[kind]]
    texts = examples + _texts()
    fast = _findings(texts)
    assert {f[0] for found in fast for f in found} == set(CODES)  # every rule finds something here
    anything = re.compile("")
    with monkeypatch.context() as patch:
        patch.setattr(MixedCorrelatives, "_with_either", staticmethod(lambda doc: doc.sentences))
        patch.setattr(LowercaseSentenceStart, "_inner_candidates", (anything,))
        patch.setattr(LowercaseSentenceStart, "_line_candidate", anything)
        patch.setattr(GR05, "_pronoun_and_noun", anything)
        assert _findings(texts) == fast


def test_quick_tests_skip_ordinary_text():
    doc = Document("The talks ended on Tuesday.\nBoth sides left. His army stayed home.")
    assert MixedCorrelatives._with_either(doc) == []
    assert not any(p.search(doc.text) for p in LowercaseSentenceStart._inner_candidates)
    assert not LowercaseSentenceStart._line_candidate.search(doc.text)
    assert not GR05._pronoun_and_noun.search(Document("He said that his views were known.").text)


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.from_regex(GR05._possessive.compiled))
def test_every_possessive_match_has_its_quick_pattern(text):
    if GR05._possessive.search(text):
        assert GR05._pronoun_and_noun.search(text)
