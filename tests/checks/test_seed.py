"""The seed article: every `must` and `should` artifact is found, no trap is flagged."""
import re

import pytest
import yaml

from helpers import FIXTURES, SEED

EXPECTED = yaml.safe_load((FIXTURES / "seed" / "expected.yaml").read_text(encoding="utf-8"))


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(quote), text)]


@pytest.fixture(scope="module")
def seed_result(linter):
    return linter.check_file(SEED)


@pytest.fixture(scope="module")
def seed_text():
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("entry", [e for e in EXPECTED["findings"] if e["level"] in ("must", "should")],
                         ids=lambda e: f"{e['level']}:{e['quote']}")
def test_expected_artifact_is_flagged_at_every_occurrence(entry, seed_result, seed_text):
    spans = occurrences(seed_text, entry["quote"])
    assert spans, "quote not in the article"
    if "occurrence" in entry:
        spans = [spans[entry["occurrence"] - 1]]
    for start, end in spans:
        inside = [f for f in seed_result.findings if start <= f.start and f.end <= end and f.start < f.end]
        assert inside, f"nothing flagged inside {entry['quote']!r} at {start}"
        for f in inside:
            assert f.text == seed_text[f.start:f.end]


def test_kiev_found_three_times_with_exact_span(seed_result):
    kiev = [f for f in seed_result.findings if f.text == "Kiev"]
    assert len(kiev) == 3
    assert all(f.suggestion == "Kyiv" and f.category == "Terminology/Wrong term" for f in kiev)


@pytest.mark.parametrize("trap", EXPECTED["traps"])
def test_trap_is_not_flagged(trap, seed_result, seed_text):
    for start, end in occurrences(seed_text, trap):
        hits = [f for f in seed_result.findings if start <= f.start < end]
        assert not hits, f"{trap!r} flagged by {[h.code for h in hits]}"


def test_line_and_column_point_at_the_text(seed_result, seed_text):
    lines = seed_text.split("\n")
    for f in seed_result.findings:
        assert lines[f.line - 1][f.column - 1:].startswith(f.text.split("\n")[0])
