"""Names: one name spelled two ways, Russian forms of Ukrainian names, split pinyin, patronymics."""
import pytest
from helpers import rule_findings

from tqcheck.document import Document


def found(code: str, text: str):
    return rule_findings(text, [code], ("text", "suggestion"))


def test_rarer_spelling_is_flagged_at_each_occurrence_with_the_commoner_as_suggestion():
    text = ("Zelensky met the ministers. Later, Zelenskyy spoke. Aides said Zelensky was tired. "
            "On Friday Zelenskyy left, and Zelensky's office confirmed it.")
    assert found("NM02", text) == [("Zelenskyy", "Zelensky"), ("Zelenskyy", "Zelensky")]


@pytest.mark.parametrize("text", [
    "Russia said the Russian army would stay. Serbia and the Serbs agreed.",
    "Ivan Petrov and his wife Anna Petrova met Ivan Ivanov.",
    "Vladimir Zelensky and his wife Olena Zelenska visited Turkey with a Turk delegation.",
    "The Minister said the Ministry would act.",
    "Austria and Australia signed the deal.",
])
def test_derivations_feminine_forms_and_different_names_are_not_inconsistencies(text):
    assert found("NM02", text) == []


def test_sentence_initial_words_are_not_names():
    assert found("NM02", "There was a delay. Where it came from is unclear. These things happen.") == []


def test_russian_ending_is_flagged_only_in_sentences_about_ukraine():
    assert found("NM01", "Shelling hit Sadovaya Street in Kharkiv.") == [("Sadovaya", "Sadova")]
    assert found("NM01", "The village of Novoselovka in the Luhansk region was hit.") == [("Novoselovka", "Novoselivka")]
    assert found("NM01", "Shops line Tverskaya Street and Sadovaya Street in Moscow.") == []


def test_split_pinyin_given_name_is_joined_in_the_suggestion():
    assert found("NM04", "He Li Feng attended the forum.") == [("He Li Feng", "He Lifeng")]
    assert found("NM04", "Kim Jong Un and Pham Minh Chinh attended; Ho Chi Minh City hosted.") == []


def test_patronymic_is_flagged_in_the_middle_of_a_full_name_only():
    assert found("NM05", "Sergei Alexandrovich Yesenin wrote it.") == [("Alexandrovich", None)]
    assert found("NM05", "Roman Abramovich and Novak Djokovic watched.") == []


def test_lowercase_organisation_is_off_by_default_but_works_when_selected(registry):
    rule = registry.get("NM03")
    assert rule.default_enabled is False
    text = "The Federation Council met on Monday. Members of the federation council voted."
    assert found("NM03", text) == [("federation council", "Federation Council")]


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
    assert sum(map(len, fast)) > 50
    with monkeypatch.context() as patch:
        patch.setattr(InconsistentNameSpelling, "_spelled_alike", lambda self, words: set(words))
        assert run() == fast


def test_derivation_is_tested_in_both_orders():
    # "Maria" -> "Marin" ends in a stem suffix, "Marin" -> "Maria" does not: the pair is reported.
    assert found("NM02", "Later, Marin spoke to Marin and Maria.") == [("Maria", "Marin")]
