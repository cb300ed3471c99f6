"""Names (NM01-NM05): NM02's fast path (the cases of each rule are in rule_cases/names.yml)."""
from tqcheck.document import Document


def test_lowercase_organisation_is_off_by_default(registry):
    assert registry.get("NM03").default_enabled is False


# -- NM02's fast path: only words with a look-alike among the candidates are followed up --------
import random  # noqa: E402
import re  # noqa: E402

from tqcheck.checks.names.NM02 import InconsistentNameSpelling  # noqa: E402

_NAMES = ["Zelensky", "Zelenskiy", "Zelenskyy", "Zelenska", "Petrov", "Petrova", "Ivan", "Ivanov", "Maria", "Marin",
          "Macao", "Macau", "Russia", "Russian", "Minister", "Ministry", "Al-Qaeda", "Al-Qaida", "Kharkiv", "Kharkov",
          "Austria", "Australia", "Georgia", "Georgian", "Tolstoy", "Tolstaya", "Abc-DE", "Abcde-Fg", "Élan", "Elan"]
_FILLER = ["said", "met", "the", "and", "minister", "russia", "elan", "zelensky", "was", "in", "of"]
_BREAKS = [" ", " ", " ", ". ", ", ", "\n", "\n\n", ' "', " (", " — ", ": ", "-", "'s "]


def _texts_with_names(count=300, seed=5):
    rng = random.Random(seed)
    return ["".join(rng.choice(_NAMES if rng.random() < 0.5 else _FILLER) + rng.choice(_BREAKS)
                    for _ in range(rng.randint(3, 60))) for _ in range(count)]


def test_words_written_in_lower_case_are_the_lower_case_runs_of_the_word_index():
    """NM02 takes the article's lower-case words from ``doc.index.words``: the same set as a scan
    for lower-case words would give."""
    lower_word = re.compile(r"\b[a-z]+\b")
    for text in _texts_with_names(100) + ["x_y abc ABC aBc élan naïve a1 b-c"]:
        doc = Document(text)
        assert {w for w in doc.index.words if re.fullmatch("[a-z]+", w)} == set(lower_word.findall(text))


def test_nm02_finds_the_same_when_every_candidate_is_followed_up(monkeypatch, registry):
    rule = registry.get("NM02")
    texts = rule.examples["flag"] + rule.examples["okay"] + _texts_with_names()

    def run():
        return [[(f.start, f.end, f.message, f.suggestion) for f in rule.check(Document(t))] for t in texts]

    fast = run()
    assert sum(map(len, fast)) > 25
    with monkeypatch.context() as patch:
        patch.setattr(InconsistentNameSpelling, "_spelled_alike", lambda self, words: set(words))
        assert run() == fast


def test_nm02_rules_out_only_pairs_that_rapidfuzz_scores_under_the_cutoff():
    """Up to ``few_names`` candidates, NM02 skips rapidfuzz when no pair may be alike: a pair it
    rules out is one that ``fuzz.ratio`` scores under the cutoff."""
    from rapidfuzz import fuzz

    from tqcheck.checks.names.NM02 import _may_reach

    rng = random.Random(7)
    words = [w for t in _texts_with_names(200) for w in re.findall(r"[A-Z][a-z]+", t)]
    words += ["".join(rng.choice("aeiklnorsyzAKZ") for _ in range(rng.randint(1, 12))) for _ in range(500)]
    ruled_out = 0
    for _ in range(20000):
        a, b = rng.choice(words), rng.choice(words)
        for cutoff in (50, 80, 95):
            if not _may_reach(a, b, cutoff):
                ruled_out += 1
                assert fuzz.ratio(a, b) < cutoff, (a, b, cutoff)
    assert ruled_out > 10000
