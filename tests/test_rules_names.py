"""Names: one name spelled two ways, Russian forms of Ukrainian names, split pinyin, patronymics."""
import pytest

from tqcheck.document import Document
from tqcheck.registry import Registry

REGISTRY = Registry.load()


def found(code: str, text: str):
    return [(f.text, f.suggestion) for f in REGISTRY.get(code).check(Document(text))]


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


def test_lowercase_organisation_is_off_by_default_but_works_when_selected():
    rule = REGISTRY.get("NM03")
    assert rule.default_enabled is False
    text = "The Federation Council met on Monday. Members of the federation council voted."
    assert found("NM03", text) == [("federation council", "Federation Council")]
