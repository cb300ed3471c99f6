"""Repetition rules (RP01-RP04): one finding per loop, with the span and the fix."""
import pytest

from tqcheck.document import Document
from tqcheck.registry import Registry

REGISTRY = Registry.load()
CODES = ["RP01", "RP02", "RP03", "RP04"]


def findings(text: str, codes=CODES):
    doc = Document(text)
    return [(f.code, f.text, f.suggestion) for code in codes for f in REGISTRY.get(code).check(doc)]


@pytest.mark.parametrize("text,expected", [
    # DEMETR repeat2 / repeat4 shapes: a double is RP01's, a longer run is one RP04 finding.
    ("Their effectiveness was assessed assessed.", [("RP01", "assessed assessed", "assessed")]),
    ("Their effectiveness was assessed assessed assessed assessed.",
     [("RP04", "assessed assessed assessed assessed", "assessed")]),
    ("He will run for president in 2016 2016.", [("RP01", "2016 2016", "2016")]),
    ("It was claimed by Covid-19 Covid-19.", [("RP01", "Covid-19 Covid-19", "Covid-19")]),
    ("This is one of the of the largest cities.", [("RP03", "of the of the", "of the")]),
    ("at the end, at the end, at the end of it", [("RP03", "at the end, at the end, at the end", "at the end")]),
])
def test_loop_is_reported_once_by_the_right_rule(text, expected):
    assert findings(text) == expected


@pytest.mark.parametrize("text", [
    "He had had enough, and more and more people said that that was step by step the case.",
    '"Ha ha ha," he said. "New York, New York" is a song.',
    "Talks resumed in China\n\nChina said they went well.",  # a headline's last word opens the next paragraph
    "It is what it is.",
])
def test_intended_repetition_is_left_alone(text):
    assert findings(text) == []


def test_repeated_sentence_is_flagged_where_it_repeats():
    first = "The talks ended on Tuesday without an agreement."
    text = f"{first} Both sides left. {first}"
    found = [f for f in REGISTRY.get("RP02").check(Document(text))]
    assert [(f.start, f.text) for f in found] == [(text.rindex(first), first)]


def test_headline_repeated_by_the_lead_is_news_style_but_a_third_copy_is_not():
    headline = "Talks ended on Tuesday without an agreement"
    lead = headline + "."
    assert findings(f"{headline}\n\n{lead} Both sides left.", ["RP02"]) == []
    assert findings(f"{headline}\n\n{lead} Both sides left. {lead}", ["RP02"]) == [("RP02", lead, None)]


def test_short_sentences_are_not_compared():
    assert findings("He said no. Then he left. He said no.", ["RP02"]) == []
