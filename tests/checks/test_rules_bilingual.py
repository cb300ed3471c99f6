"""Bilingual rules on a correct pair, and on copies of it with one planted error each (the cases of
each rule are in rule_cases/bilingual.yml)."""
import pytest
from helpers import FIXTURES, rule_findings

from tqcheck.formats.pairing import pair_texts

PAIR = FIXTURES / "bilingual"
SOURCE = (PAIR / "news.ru.txt").read_text(encoding="utf-8")
TARGET = (PAIR / "news.en.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bilingual_rules(registry):
    return [r for r in registry if r.needs_source]


def bilingual_findings(rules, target: str, source: str = SOURCE):
    doc = pair_texts(target, source, source_lang="ru")
    return doc, sorted(rule_findings(doc, [r.code for r in rules]), key=lambda f: f.start)


def test_family_is_registered_and_skipped_without_a_source(registry, linter):
    codes = {r.code for r in registry if r.needs_source}
    assert {"BI01", "BI02", "BI03", "BI04", "BI05", "BI06", "BI07"} <= codes
    result = linter.check_text(TARGET.replace("3.5", "5.3"))  # no source: no bilingual rule runs
    assert not [f for f in result.findings if f.code.startswith("BI")]


def test_correct_pair_has_no_bilingual_finding(bilingual_rules):
    doc, found = bilingual_findings(bilingual_rules, TARGET)
    assert doc.alignment.mode == "lines"
    assert found == []


def test_correct_pair_with_other_line_breaks_is_sentence_aligned_and_clean(bilingual_rules):
    target = TARGET.replace("River.\nThe construction", "River. The construction")
    doc, found = bilingual_findings(bilingual_rules, target)
    assert doc.alignment.mode == "sentences"
    assert found == []


PLANTED = [
    # (what, old text, new text, expected code, expected flagged text or None for the segment)
    ("dropped number", "and took 18 months", "and took many months", "BI01", None),
    ("changed number", "cost 3.5 billion", "cost 5.3 billion", "BI01", "5.3 billion"),
    ("dropped sentence", "According to the governor, the bridge is designed for 40,000 cars a day.\n", "", "BI04", None),
    ("untranslated copy", "Details are published at https://example.org/most.",
     "Подробности опубликованы на сайте https://example.org/most.", "BI03", None),
    ("wrong transliteration", "Governor Yevgeny Kuyvashev", "Governor Jewgenij Kujwaschew", "BI02", "Jewgenij"),
    ("missing glossary term", "The State Duma passed", "The parliament passed", "BI06", None),
    ("dropped URL", "Details are published at https://example.org/most.", "Details are published on the website.",
     "BI07", None),
]


@pytest.mark.parametrize("what,old,new,code,flagged", PLANTED, ids=[p[0] for p in PLANTED])
def test_planted_error_is_found(bilingual_rules, what, old, new, code, flagged):
    assert old in TARGET
    target = TARGET.replace(old, new)
    doc, found = bilingual_findings(bilingual_rules, target)
    hits = [f for f in found if f.code == code]
    assert hits, f"{what}: {code} not found; got {[(f.code, f.message) for f in found]}"
    if flagged:
        assert any(f.text == flagged for f in hits), [f.text for f in hits]
    # the finding sits on the damaged target segment (or, for a dropped one, next to the gap)
    line = next(i for i, text in enumerate(target.splitlines(), 1) if new and new.split("\n")[0] in text) if new \
        else TARGET[:TARGET.index(old)].count("\n")
    assert any(doc.line_col(f.start)[0] == line for f in hits), [(doc.line_col(f.start), f.message) for f in hits]

