"""The German and French example articles (examples/*.de.txt, *.fr.txt): checked as ``tqcheck check``
checks them, without --target-lang (the language comes from the file name), at least 80% of the
planted errors are found by the expected rule and no clean trap is hit."""
from pathlib import Path

import pytest
import yaml

from tqcheck.engine.config import Config
from tqcheck.engine.linter import Linter

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


@pytest.mark.parametrize("expected", sorted(EXAMPLES.glob("*.expected.yaml")), ids=lambda p: p.name)
def test_example_article_is_caught_without_target_lang(expected, registry):
    spec = yaml.safe_load(expected.read_text(encoding="utf-8"))
    article = EXAMPLES / spec["article"]
    result = Linter(Config(), registry).check_file(article)
    text = result.article_text
    assert not result.error
    caught = 0
    for entry in spec["findings"]:
        spans = _spans(text, entry["quote"])
        assert spans, f"{entry['quote']!r} is not in {article.name}"
        a, b = spans[entry.get("occurrence", 1) - 1]
        caught += any(f.code == entry["rule"] and f.start < b and a < f.end for f in result.findings)
    assert caught >= 0.8 * len(spec["findings"]), f"{caught} of {len(spec['findings'])} planted errors found"
    for trap in spec["traps"]:
        for a, b in _spans(text, trap["quote"]):
            hit = [f for f in result.findings if f.start < b and a < f.end]
            assert not hit, f"trap {trap['quote']!r} ({trap['note']}) hit by {[(f.code, f.text) for f in hit]}"
