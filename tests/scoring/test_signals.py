"""Signals of an article that are not findings (tqcheck.scoring.signals), and the score components
built on them."""
import math

import pytest

from tqcheck.document import Document
from tqcheck.engine.linter import ArticleResult
from tqcheck.scoring.calibrated import ScoreModel
from tqcheck.scoring.signals import measure, word_variety
from tqcheck.scoring.summary import ArticleSummary, Scoring


def test_word_variety_is_the_moving_average_type_token_ratio():
    assert word_variety("The cat saw the dog.") == pytest.approx(4 / 5), "one text shorter than the window: its TTR"
    assert word_variety("") == 1.0
    # windows of 2 over a b a a: {a, b}, {b, a}, {a}: (2 + 2 + 1) / (3 x 2)
    assert word_variety("a b a a", window=2) == pytest.approx(5 / 6)
    # numbers are not words; case does not make a word different
    assert word_variety("Tax 5 tax 6", window=2) == pytest.approx(1 / 2)


def test_word_variety_of_a_repeated_sentence_is_its_words_per_window():
    sentence = "the minister said that the budget for the next year would be approved by parliament in march "
    assert word_variety(sentence) == pytest.approx(15 / 17)
    assert word_variety(sentence * 10) == pytest.approx(15 / 50), "every 50-word window holds its 15 different words"


def test_every_article_has_its_word_variety():
    assert "word_variety" in measure(Document("Der Minister sagte, das Budget sei genehmigt.", lang="de"))


MODEL = ScoreModel(weights={"alone": {"findings": 0.4, "word_variety": 1.0}, "sources": {"findings": 0.4},
                            "references": {"findings": 0.4}},
                   default_trust=1.0, word_variety={"en": (0.8, 0.7)})


def summary(variety, pair="und-en", **signals):
    r = ArticleResult(path="a.txt", findings=[], word_count=200, sentence_count=10)
    r.signals = {"repetition": 0.0, "word_variety": variety, **signals}
    r.language_pair = pair
    return ArticleSummary.of(r, Scoring(model=MODEL))


@pytest.mark.parametrize("variety, badness", [(0.85, 0.0), (0.8, 0.0), (0.75, 0.5), (0.7, 1.0), (0.3, 1.0)])
def test_word_variety_component_scales_from_the_usual_to_the_least_varied_human_translation(variety, badness):
    s = summary(variety)
    assert s.components["word_variety"]["value"] == variety and s.components["word_variety"]["better"] == "higher"
    assert s.components["word_variety"]["badness"] == pytest.approx(badness)
    assert s.score == pytest.approx(100 * math.exp(-badness)), "a text as repetitive as a list loses at most the weight"


def test_word_variety_counts_only_for_articles_alone_in_a_calibrated_language():
    assert "word_variety" not in summary(0.5, pair="en-fr").components, "no human translations into French measured"
    with_source = summary(0.5, length_mismatch=0.0, alignment_doubt=0.0, untranslated=0.0)
    assert with_source.mode == "sources" and "word_variety" not in with_source.components


def test_word_variety_of_human_translations_round_trips_through_the_data_file():
    data = MODEL.to_dict()
    assert data["word_variety"] == {"en": {"usual": 0.8, "lowest": 0.7}}
    assert ScoreModel.from_dict(data).word_variety == {"en": (0.8, 0.7)}
