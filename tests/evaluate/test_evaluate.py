"""``tqcheck eval`` on a synthetic corpus whose figures were worked out by hand.

tests/fixtures/eval/ was written for these tests (not copied from WMT or DEMETR).

MQM zh-en (mqm/synthetic.jsonl; text, length, human target spans of all raters, mqm_penalty;
every row has a ``reference``):
  doc-1 sysA 1  "Drones flew over Kiev today."    28  Kiev [17,21) twice (Terminology, Mistranslation),
                                                      plus a source-side and a span-less mark (ignored)  1.0
  doc-1 sysA 2  "The 国务院 approved it."          20  approved [8,16) Style/Awkward (listed before 1)   1.0
  doc-1 sysB 1  "Kiev is calm."                   13  none                                              0
  doc-1 sysB 2  "Officials met in Kiev and 北京."  29  Kiev [17,21), 北京 [26,28), "met in Kiev" [10,21);
                                                      covered characters [10,21) + [26,28) = 13         3.0
  doc-1 sysC    "Drones flew over the city." / "The council approved it."   none                    0, 0
  doc-2 sysA/B/C "Kiev is big." / "The city is big." / "The town is big."  (span-less marks only)  1, 1, 0
  Words (tqcheck's count): doc-1 9 for each system; doc-2 3, 4, 4.
MQM en-de (mqm/synthetic-en-de.jsonl, German targets, no ``reference`` field: the reference is
synthetic-en-de/doc-de/ref.de.txt, found through its doc.json). Sources 'The minister said "no" on
Monday.' / "Kiev was quiet."; 9 words per system:
  sysA  'Der Minister sagte am Montag "nein".' (36; '"nein"' [29,35) Punctuation) / "Kiev war ruhig."  0.1
  sysB  'Der Minister sagte am Montag „nein“.' / "Kiew war quiet." (15; quiet [9,14) Source language fragment) 1.0
  refA  the human reference, rated as a system (is_human_translation)                                 0
DEMETR: item-1 (chinese_simple-en, clean "Kiev is a city.") and item-2 (german-en, clean "The city is
quiet."), each with a code-mixed, a tokenised and one more perturbed sentence.

The unit tests run small rules defined here so that the expected figures do not move when the
shipped rule catalogue changes: "Kiev" (English targets), Han characters (English targets), straight
quotes in German targets, and, with a source, target words of 5+ letters that are also source words.
The CLI tests use the shipped TE01 (Kiev) and UT01 (foreign script), which flag the same spans in
English.
"""
import json
import math
import re
import shutil
from types import SimpleNamespace

import pytest
from helpers import FIXTURES, invoke

from tqcheck.document import Document
from tqcheck.engine.linter import Linter
from tqcheck.engine.registry import Registry
from tqcheck.evaluate.checking import check_articles
from tqcheck.evaluate.corpus import (DEMETR_FIELDS, MODES, MQM_FIELDS, EvalInputError, folder_references,
                                     group_articles, language_pair, read_jsonl)
from tqcheck.evaluate.demetr import CODEMIX_LATIN, CODEMIX_OTHER, DemetrResult, evaluate_demetr
from tqcheck.evaluate.mqm import score_mqm
from tqcheck.evaluate.ranking import agreement, human_quality, kendall_tau_b, measures_of, pairwise_accuracy, rank
from tqcheck.evaluate.run import ALL_PAIRS, evaluate, read_corpus
from tqcheck.evaluate.targets import BARS, Bar, judge
from tqcheck.rule import Rule
from tqcheck.scoring.calibrated import ScoreModel
from tqcheck.scoring.summary import Scoring

#: A score model that reads only the findings (every rule trusted, no prior words): its score orders
#: the articles as the MQM points per word do, which the expected figures below were worked out with.
FINDINGS_ONLY = ScoreModel(weights={m: {"findings": 1.0} for m in ("alone", "sources", "references")},
                           default_trust=1.0, prior_words=0)

CORPUS = FIXTURES / "eval"
MQM_FILE = CORPUS / "mqm" / "synthetic.jsonl"
DEMETR_FILE = CORPUS / "demetr" / "synthetic.jsonl"


class _PatternRule(Rule):
    pattern = re.compile("")

    def check(self, doc):
        for m in self.pattern.finditer(doc.text):
            yield self.finding(doc, m.start(), m.end(), "test finding")


class KievRule(_PatternRule):
    code, name, category = "ZZ01", "test.kiev", "Terminology/Wrong term"
    pattern = re.compile(r"\bKiev\b")


class HanRule(_PatternRule):
    code, name, category = "ZZ02", "test.han", "Accuracy/Untranslated text"
    pattern = re.compile(r"[\u4e00-\u9fff]+")


class RussianSourceRule(_PatternRule):
    """Runs only for Russian sources: a finding from it means the source language was lost."""

    code, name, category = "ZZ03", "test.russian-only", "Fluency/Grammar"
    source_langs = frozenset({"ru"})
    pattern = re.compile(r"\bKiev\b")


class OffRule(_PatternRule):
    code, name, category = "ZZ04", "test.off", "Style/Awkward"
    default_enabled = False
    pattern = re.compile(r"\bKiev\b")


class SourceRule(Rule):
    """Needs the aligned source: flags the target segment whose source segment names 北京."""

    code, name, category = "ZZ05", "test.source-beijing", "Accuracy/Mistranslation"
    needs_source = True

    def check(self, doc):
        for pair in doc.alignment.pairs:
            if pair.source_span and pair.target_span and "北京" in doc.source.text[slice(*pair.source_span)]:
                yield self.finding(doc, *pair.target_span, "test finding")


class SourceSpanRule(Rule):
    """Reports every segment's first character, pointing at the first two characters of its source."""

    code, name, category = "ZZ06", "test.source-span", "Accuracy/Omission"
    needs_source = True

    def check(self, doc):
        starts = [m.start() for m in re.finditer(r"^", doc.source.text, re.MULTILINE)]
        for line, m in enumerate(re.finditer(r"^\w", doc.text, re.MULTILINE)):
            yield self.finding(doc, m.start(), m.end(), "test finding", source_span=(starts[line], starts[line] + 2))


class GermanQuoteRule(_PatternRule):
    """German targets only: a phrase in straight double quotes."""

    code, name, category = "ZZ07", "test.german-quotes", "Fluency/Punctuation"
    target_langs = frozenset({"de"})
    pattern = re.compile(r'"[^"\n]*"')


class SourceWordRule(Rule):
    """Any target language, with a source: a target word of 5+ letters that the source has too."""

    code, name, category = "ZZ08", "test.source-word", "Accuracy/Untranslated text"
    target_langs = frozenset()
    needs_source = True

    def check(self, doc):
        source_words = {w.lower() for w in re.findall(r"\w{5,}", doc.source.text)}
        for m in re.finditer(r"\w{5,}", doc.text):
            if m.group().lower() in source_words:
                yield self.finding(doc, m.start(), m.end(), "test finding")


RULES = [KievRule(), HanRule(), RussianSourceRule(), OffRule(), GermanQuoteRule(), SourceWordRule()]


@pytest.fixture(scope="module")
def linter():
    return Linter(registry=Registry(RULES))


@pytest.fixture(scope="module")
def evaluation(linter):
    problems = []
    result = evaluate(read_corpus(CORPUS, problems), linter, Scoring(model=FINDINGS_ONLY), None, tuple(MODES), problems)
    assert problems == []
    return result


@pytest.fixture(scope="module")
def figures(evaluation):
    return evaluation.as_dict()


CHANCE_A1, CHANCE_A2, CHANCE_B1, CHANCE_B2 = 4 / 28, 8 / 20, 0.0, 13 / 29
CHANCE_DE_A1, CHANCE_DE_B2 = 6 / 36, 5 / 15


def test_language_pairs():
    assert language_pair("zh-en") == ("zh", "en")
    assert language_pair("en-de") == ("en", "de")
    assert language_pair("chinese_simple-en") == ("zh", "en")
    assert language_pair("klingon-en") == (None, "en")


# -- MQM ---------------------------------------------------------------------------------------
def test_mqm_zh_en_counts_and_spans(evaluation):
    mqm = evaluation.mqm["zh-en"]["alone"]
    assert (mqm.articles, mqm.segments, len(mqm.spans)) == (6, 9, 5)
    assert set(mqm.by_rule) == {"ZZ01", "ZZ02", "ZZ03", "ZZ07", "ZZ08"}  # the default-off rule is not measured
    assert mqm.by_rule["ZZ03"].findings == 0  # zh-en: the Russian-only rule never ran


def test_mqm_zh_en_per_rule_figures(evaluation):
    mqm = evaluation.mqm["zh-en"]["alone"]
    kiev, han = mqm.by_rule["ZZ01"], mqm.by_rule["ZZ02"]
    # Kiev in doc-1 sysA 1 (hit), sysB 1 (no human span), sysB 2 (inside two spans), doc-2 sysA (no span)
    assert (kiev.findings, kiev.hits) == (4, 2)
    assert kiev.precision == pytest.approx(2 / 4)
    assert kiev.chance == pytest.approx((CHANCE_A1 + CHANCE_B1 + CHANCE_B2 + 0) / 4)
    assert kiev.lift == pytest.approx(2 / 4 - (CHANCE_A1 + CHANCE_B1 + CHANCE_B2) / 4)
    assert mqm.recall(kiev) == pytest.approx(3 / 5)
    # 国务院 in sysA 2 (before the 'approved' span: miss), 北京 in sysB 2 (hit)
    assert (han.findings, han.hits) == (2, 1)
    assert han.chance == pytest.approx((CHANCE_A2 + CHANCE_B2) / 2)
    assert mqm.recall(han) == pytest.approx(1 / 5)


def test_mqm_zh_en_overall_dimension_and_categories(evaluation):
    mqm = evaluation.mqm["zh-en"]["alone"]
    overall = mqm.overall
    assert (overall.findings, overall.hits) == (6, 3)
    assert overall.chance == pytest.approx((CHANCE_A1 + CHANCE_B1 + 2 * CHANCE_B2 + CHANCE_A2) / 6)
    assert mqm.recall(overall) == pytest.approx(4 / 5)
    assert mqm.findings_per_article == 1.0
    assert {d: (t.findings, t.hits) for d, t in mqm.by_dimension.items()} == {"Terminology": (4, 2), "Accuracy": (2, 1)}
    assert mqm.by_category() == [("Style/Awkward", 2, 1), ("Terminology/Inappropriate for context", 2, 2),
                                 ("Accuracy/Mistranslation", 1, 1), ("Accuracy/Source language fragment", 1, 1)]


def test_mqm_en_de_is_checked_as_german_alone(evaluation):
    mqm = evaluation.mqm["en-de"]["alone"]
    assert (mqm.articles, mqm.segments, len(mqm.spans)) == (3, 6, 2)
    assert mqm.by_rule["ZZ01"].findings == 0  # "Kiev war ruhig.": the English-only rule did not run
    quotes = mqm.by_rule["ZZ07"]
    assert (quotes.findings, quotes.hits, quotes.chance) == (1, 1, pytest.approx(CHANCE_DE_A1))
    assert mqm.by_rule["ZZ08"].findings == 0  # needs the source
    assert mqm.recall(mqm.overall) == 0.5
    assert mqm.findings_per_article == pytest.approx(1 / 3)
    assert mqm.by_category() == [("Accuracy/Source language fragment", 1, 0), ("Fluency/Punctuation", 1, 1)]


def test_mqm_en_de_with_sources_adds_the_source_aware_rule(evaluation):
    mqm = evaluation.mqm["en-de"]["sources"]
    words = mqm.by_rule["ZZ08"]
    # "Minister" in all three articles (no human span; chance 1/6 in sysA, 0 elsewhere), "quiet" in sysB (hit)
    assert (words.findings, words.hits) == (4, 1)
    assert words.chance == pytest.approx((CHANCE_DE_A1 + 0 + CHANCE_DE_B2 + 0) / 4)
    overall = mqm.overall
    assert (overall.findings, overall.hits, overall.precision) == (5, 2, 0.4)
    assert overall.chance == pytest.approx(2 / 15)
    assert mqm.recall(overall) == 1.0
    assert mqm.findings_per_article == pytest.approx(5 / 3)


def test_mqm_all_pairs_together_with_sources(evaluation):
    combined = evaluation.mqm[ALL_PAIRS]["sources"]
    assert list(evaluation.mqm[ALL_PAIRS]) == ["sources"]
    assert (combined.articles, combined.segments, len(combined.spans)) == (9, 15, 7)
    assert (combined.overall.findings, combined.overall.hits) == (11, 5)
    assert combined.overall.chance == pytest.approx(
        ((CHANCE_A1 + 2 * CHANCE_B2 + CHANCE_A2) + 5 * (2 / 15)) / 11)  # en-de: 5 findings at 2/15


def test_mqm_articles_carry_their_line_aligned_source():
    articles = group_articles(read_jsonl(MQM_FILE, MQM_FIELDS))
    linter, problems = Linter(registry=Registry([SourceRule()])), []
    beijing = score_mqm(articles, check_articles(articles, linter, "sources", problems), ["ZZ05"]).by_rule["ZZ05"]
    # only sysB 2's source has 北京; the finding covers that segment's whole target, from offset 0
    assert (beijing.findings, beijing.hits, beijing.chance, problems) == (1, 0, pytest.approx(CHANCE_B2), [])
    alone = score_mqm(articles, check_articles(articles, linter, "alone", problems), ["ZZ05"]).by_rule["ZZ05"]
    assert alone.findings == 0


def test_mqm_findings_with_a_source_span_are_scored_on_the_source_side():
    articles = group_articles(read_jsonl(MQM_FILE, MQM_FIELDS))
    linter = Linter(registry=Registry([SourceSpanRule()]))
    tally = score_mqm(articles, check_articles(articles, linter, "sources", []), []).by_rule["ZZ06"]
    # one finding per segment (9); only doc-1 sysA 1's source has a human span (omission, 0-2 of 8 characters)
    assert (tally.findings, tally.hits) == (9, 1)
    assert tally.chance == pytest.approx((2 / 8) / 9)


def test_mqm_a_changed_number_with_a_source_span_is_scored_on_the_target_side():
    """Only omissions go to the source side: a finding on a changed number that names the source's
    number (BI01's) is the target's error, and raters mark it in the target."""

    class ChangedNumberRule(SourceSpanRule):
        code, category = "ZZ16", "Accuracy/Mistranslation"

    articles = group_articles(read_jsonl(MQM_FILE, MQM_FIELDS))
    linter = Linter(registry=Registry([ChangedNumberRule()]))
    tally = score_mqm(articles, check_articles(articles, linter, "sources", []), []).by_rule["ZZ16"]
    on_source = score_mqm(articles, check_articles(articles, Linter(registry=Registry([SourceSpanRule()])),
                                                   "sources", []), []).by_rule["ZZ06"]
    assert tally.findings == on_source.findings == 9
    assert tally.chance != pytest.approx(on_source.chance)  # scored against the target's spans


# -- DEMETR ------------------------------------------------------------------------------------
def test_demetr_detection_alone(evaluation):
    demetr = evaluation.demetr["alone"]
    assert (demetr.items, demetr.rows, demetr.clean_flagged) == (2, 8, 1)  # "Kiev is a city." is flagged
    assert demetr.kinds == {
        "critical_id4_codemix": [2, 1], CODEMIX_OTHER: [1, 1], CODEMIX_LATIN: [1, 0],
        "minor_id1_repeat2": [1, 0],  # same (ZZ01, "Kiev") finding as the clean sentence: not new
        "minor_id30_tokenized": [2, 0], "critical_id6_addition": [1, 1],
    }
    assert demetr.credit[CODEMIX_OTHER] == {"ZZ02": 1}
    assert demetr.credit["critical_id6_addition"] == {"ZZ01": 1}  # not ZZ03: german-en maps to "de"
    assert demetr.categories[CODEMIX_LATIN] == "Accuracy/Source language fragment"
    assert demetr.rate(CODEMIX_OTHER) == 1.0 and demetr.clean_rate == 0.5


def test_demetr_with_sources_finds_the_source_word(evaluation):
    demetr = evaluation.demetr["sources"]
    # "The Stadt is quiet." next to "Die Stadt ist ruhig.": ZZ08 finds Stadt
    assert demetr.kinds[CODEMIX_LATIN] == [1, 1] and demetr.credit[CODEMIX_LATIN] == {"ZZ08": 1}
    assert demetr.kinds["critical_id4_codemix"] == [2, 2]
    assert demetr.clean_rate == 0.5


def test_demetr_rules_are_listed_by_count_then_code_whatever_order_they_were_counted_in():
    """The counts come from sets of codes, whose order changes with PYTHONHASHSEED; the figures as
    data (``--format json``) and the table list them by count, ties by code."""
    orders = []
    for codes in (["ZZ02", "ZZ01", "ZZ03"], ["ZZ03", "ZZ01", "ZZ02"]):
        result = DemetrResult(kinds={"critical_id6_addition": [3, 3]})
        result.credit["critical_id6_addition"].update(codes)
        result.credit["critical_id6_addition"].update(["ZZ03"])
        orders.append(list(result.as_dict()["perturbations"]["critical_id6_addition"]["rules"].items()))
    assert orders == [[("ZZ03", 2), ("ZZ01", 1), ("ZZ02", 1)]] * 2


def test_demetr_item_without_clean_row_is_reported_and_skipped(linter):
    rows = [(str(DEMETR_FILE), r) for r in read_jsonl(DEMETR_FILE, DEMETR_FIELDS)
            if not (r["doc_id"] == "item-2" and r["perturbation"] is None)]
    problems = []
    result = evaluate_demetr(rows, linter, False, problems)
    assert problems == [f"{DEMETR_FILE}: item item-2 has 0 unperturbed rows (perturbation: null), not 1"]
    assert (result.items, result.rows) == (1, 4)


# -- ranking -----------------------------------------------------------------------------------
def test_kendall_tau_b_by_hand():
    assert kendall_tau_b([1, 2, 3], [10, 20, 30]) == 1.0
    assert kendall_tau_b([1, 2, 3], [30, 20, 10]) == -1.0
    # pairs: (0,1) concordant, (0,2) discordant, (1,2) discordant -> (1 - 2) / 3
    assert kendall_tau_b([1, 2, 3], [1, 3, 2]) == pytest.approx(1 / 3)
    assert kendall_tau_b([1, 2, 3], [2, 3, 1]) == pytest.approx(-1 / 3)
    # x ties pair (1,2); the other two are concordant: 2 / sqrt((3 - 1) * 3)
    assert kendall_tau_b([1, 2, 2], [1, 2, 3]) == pytest.approx(2 / math.sqrt(6))
    # a pair tied on both sides counts in neither: (0,1) concordant, (0,2) discordant, (1,2) tied twice
    assert kendall_tau_b([1, 2, 2], [1, 3, 3]) == pytest.approx(1.0)
    assert kendall_tau_b([5, 5, 5], [1, 2, 3]) is None  # constant: undefined


def test_pairwise_accuracy_counts_one_sided_ties_half():
    assert pairwise_accuracy([1, 2, 3], [1, 2, 3]) == (1.0, 3)
    # (0,1) agree, (0,2) agree, (1,2) tied in x only: half
    assert pairwise_accuracy([1, 2, 2], [1, 2, 3]) == (pytest.approx(2.5 / 3), 3)
    assert pairwise_accuracy([1, 1], [4, 4]) == (1.0, 1)  # tied on both sides: the same order
    assert pairwise_accuracy([7, 7, 7, 7], [1, 2, 3, 4]) == (0.5, 6)  # a constant measure is a coin toss
    assert pairwise_accuracy([1], [1]) == (None, 0)


def test_agreement_of_systems_documents_and_articles():
    docs, systems = ["d1", "d1", "d2", "d2"], ["A", "B", "A", "B"]
    metric, human = [1.0, 2.0, 4.0, 3.0], [0.0, 1.0, 0.0, 1.0]
    a = agreement(docs, systems, metric, human)
    # means: A 2.5 vs B 2.5 (tie), human 0 vs 1: half; d1 agrees (tau 1), d2 disagrees (tau -1)
    assert (a.systems, a.pairs, a.pairwise_accuracy) == (2, 1, 0.5)
    assert (a.docs, a.within_doc_tau) == (2, 0.0)
    # articles: (0,1) c, (0,2) human tie, (0,3) c, (1,2) d, (1,3) human tie, (2,3) d: 0 / sqrt(6 * 4)
    assert (a.articles, a.article_tau) == (4, 0.0)


def test_every_numeric_component_of_a_summary_is_ranked():
    summary = SimpleNamespace(score=80.0, metrics={"chrF": {"score": 55.5}},
                              components={"fluency": 0.9, "adequacy": 3, "flag": True, "note": "x"})
    assert measures_of(summary) == {"score": 80.0, "chrF": 55.5, "component fluency": 0.9, "component adequacy": 3.0}
    assert measures_of(SimpleNamespace(score=80.0, metrics={})) == {"score": 80.0}


def test_rank_only_measures_every_article_has():
    article = SimpleNamespace(penalty=1.0, doc_id="d", system="A")
    other = SimpleNamespace(penalty=0.0, doc_id="d", system="B")
    with_chrf = SimpleNamespace(score=90.0, words=10, metrics={"chrF": {"score": 40.0}})
    without = SimpleNamespace(score=95.0, words=10, metrics={})
    assert list(rank([article, other], [with_chrf, without])) == ["score"]
    assert rank([article, other], [with_chrf, without])["score"].pairwise_accuracy == 1.0


ROOT6 = math.sqrt(6)


def test_ranking_zh_en(evaluation):
    for mode in ("alone", "sources"):
        score = evaluation.ranking["zh-en"][mode]["score"]
        # scores order as 100 - 1000 x findings / words: doc-1 A -122.2, B -233.3, C 100; doc-2 A -233.3, B 100, C 100
        # system means: score A -177.8, B -66.7, C 100; human A -277.8, B -291.7, C 0: A-B disagree
        assert (score.systems, score.pairs, score.pairwise_accuracy) == (3, 3, pytest.approx(2 / 3))
        # doc-1 in the same order (1); doc-2 scores -233.3, 100, 100 vs human -333.3, -250, 0: 2 / sqrt(3 x 2)
        assert (score.docs, score.within_doc_tau) == (2, pytest.approx((1 + 2 / ROOT6) / 2))
        # 15 article pairs: 10 concordant, 1 discordant (doc-1 A, doc-2 B), 2 tied in score only, 2 on both
        # sides (doc-1 B and doc-2 A: -233.3 and -333.3 each; doc-1 C and doc-2 C): 9 / sqrt(13 x 11)
        assert (score.articles, score.article_tau) == (6, pytest.approx(9 / math.sqrt(13 * 11)))
    # no reference, no chrF; each component of the score is ranked alone too
    assert list(evaluation.ranking["zh-en"]["alone"]) == ["score", "component findings", "component repetition"]
    assert "component chrF" in evaluation.ranking["zh-en"]["references"]


def test_ranking_en_de_with_a_tie(evaluation):
    alone = evaluation.ranking["en-de"]["alone"]["score"]
    # scores A -11.1, B 100, refA 100; human A -11.1, B -111.1, refA 0: A-B 0, A-refA 1, B-refA tied in score: 0.5
    assert (alone.systems, alone.pairs, alone.pairwise_accuracy) == (3, 3, 0.5)
    assert (alone.docs, alone.within_doc_tau, alone.article_tau) == (1, 0.0, 0.0)
    sources = evaluation.ranking["en-de"]["sources"]["score"]
    # scores A -122.2, B -122.2, refA -11.1: A-B tied in score (0.5), the others agree
    assert sources.pairwise_accuracy == pytest.approx(2.5 / 3)
    assert sources.within_doc_tau == pytest.approx(2 / ROOT6)


def _chrf(article) -> float:
    from sacrebleu.metrics import CHRF

    return CHRF().corpus_score(article.target.split("\n"), [article.reference.split("\n")]).score


def test_ranking_with_references_uses_chrf_and_leaves_the_human_reference_out(evaluation):
    problems = []
    articles = group_articles(read_corpus(CORPUS, problems).mqm_rows, folder_references(CORPUS, problems))
    assert problems == []
    assert [a.reference for a in articles if a.lp == "en-de"] == ["Der Minister sagte am Montag „Nein“.\nKiew blieb ruhig."] * 3
    german = evaluation.ranking["en-de"]["references"]
    assert (german["score"].systems, german["score"].pairwise_accuracy, german["score"].within_doc_tau) == (2, 0.5, 0.0)
    for lp, ranked in (("en-de", german), ("zh-en", evaluation.ranking["zh-en"]["references"])):
        chosen = [a for a in articles if a.lp == lp and not a.human_translation]
        human = [human_quality(a, Document(a.target).word_count) for a in chosen]
        expected = agreement([a.doc_id for a in chosen], [a.system for a in chosen], [_chrf(a) for a in chosen], human)
        assert ranked["chrF"] == expected


def test_the_eval_computes_chrf_alone_and_as_tqcheck_check_does():
    from tqcheck.evaluate.checking import REFERENCE_METRICS
    from tqcheck.scoring.metrics import score_article

    hyp, ref = Document("Kiew war quiet.\nDer Minister sagte.", lang="de"), Document("Kiew blieb ruhig.\nDer Minister sprach.", lang="de")
    alone, full = score_article(hyp, ref, "de", REFERENCE_METRICS)[0], score_article(hyp, ref, "de")[0]
    assert list(alone) == ["chrF"] and set(full) == {"BLEU", "chrF", "chrF++", "TER"}
    assert alone["chrF"] == full["chrF"]


def test_folder_reference_with_the_wrong_number_of_lines_is_reported(tmp_path):
    folder = tmp_path / "set" / "doc"
    folder.mkdir(parents=True)
    (folder / "doc.json").write_text('{"mqm_doc_id": "d", "lp": "en-de", "seg_ids": [1, 2]}', encoding="utf-8")
    (folder / "ref.de.txt").write_text("eins\n", encoding="utf-8")
    problems = []
    assert folder_references(tmp_path, problems) == {}
    assert problems == [f"{folder / 'ref.de.txt'}: 1 lines, but doc.json lists 2 segments"]


# -- targets -----------------------------------------------------------------------------------
EXPECTED_TARGETS = {
    "en-de alone: findings per article": False, "en-de with sources: findings per article": False,
    "en-de alone: precision above chance": True,  # 1.0 >= 1/6 + 0.35
    "en-de with sources: precision above chance": False,  # 0.4 < 2/15 + 0.35
    "en-de alone: punctuation marks found": True, "en-de with sources: punctuation marks found": True,
    "en-de alone: English-fragment marks found": False, "en-de with sources: English-fragment marks found": True,
    "en-de: sources do not lower precision": False,  # 0.4 < 1.0
    "zh-en alone: precision above chance": True, "zh-en with sources: precision above chance": True,
    "zh-en: sources add findings": False,  # 6, not more than 6
    "zh-en: sources do not lower precision": True,  # 0.5 >= 0.5
    "DEMETR with sources: Latin-script source words found": True, "DEMETR alone: Latin-script source words found": False,
    "DEMETR alone: unperturbed sentences flagged": False, "DEMETR with sources: unperturbed sentences flagged": False,
    "zh-en alone: system pairwise accuracy": True, "en-de alone: system pairwise accuracy": False,
    "zh-en with sources: system pairwise accuracy": False, "en-de with sources: system pairwise accuracy": True,
    "zh-en with sources: within-document tau": True, "en-de with sources: within-document tau": True,
    "zh-en with references: system pairwise accuracy": False, "en-de with references: system pairwise accuracy": False,
}


def test_targets_table(figures):
    outcomes = {o.bar.what: o for o in judge(figures)}
    assert len(outcomes) == len(BARS)
    assert {what: outcomes[what].passed for what in EXPECTED_TARGETS} == EXPECTED_TARGETS
    precision = outcomes["en-de with sources: precision above chance"]
    assert (precision.measured, precision.required) == (0.4, f">= chance + 0.35 = {2 / 15 + 0.35:.3f}")
    assert outcomes["zh-en: sources add findings"].required == "> findings alone = 6"
    for lp in ("zh-en", "en-de"):
        above = outcomes[f"{lp} with references: pairwise accuracy above chrF's"]
        chrf = figures["ranking"][lp]["references"]["chrF"]["pairwise_accuracy"]
        assert above.passed == (figures["ranking"][lp]["references"]["score"]["pairwise_accuracy"] > chrf)


def test_a_bar_with_a_missing_figure_is_not_judged():
    bars = (Bar(1, "a", ("x", "a"), ">=", 0.5), Bar(1, "b", ("x", "a"), "<=", ("x", "b"), "b", 0.25),
            Bar(1, "c", ("x", "missing"), ">=", 0.5), Bar(1, "d", ("x", "a"), ">", ("x", "missing"), "missing"))
    outcomes = judge({"x": {"a": 0.5, "b": 0.2}}, bars)
    assert [(o.passed, o.required) for o in outcomes] == [
        (True, ">= 0.5"), (False, "<= b + 0.25 = 0.450"), (None, ">= 0.5"), (None, "> missing")]


# -- reading -----------------------------------------------------------------------------------
@pytest.mark.parametrize("line, problem", [
    ("{not json", "invalid JSON"),
    ('{"doc_id": "d", "seg_id": 1, "system": "s", "lp": "zh-en", "target": "ab"}', "record lacks errors"),
    ('{"doc_id": "d", "seg_id": 1, "system": "s", "lp": "zh-en", "target": "ab",'
     ' "errors": [{"side": "target", "start": 1, "end": 5}]}', "error span 1..5 is not inside the target"),
    ('{"doc_id": "d", "seg_id": 1, "system": "s", "lp": "zh", "target": "ab", "errors": []}',
     "'lp' must name a language pair like 'zh-en', not 'zh'"),
    ('{"doc_id": "d", "seg_id": 1, "system": "s", "lp": "zh-en", "target": "ab", "errors": [], "mqm_penalty": "5"}',
     "'mqm_penalty' must be a number"),
])
def test_read_jsonl_names_file_line_and_problem(tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "d", "seg_id": 1, "system": "s", "lp": "zh-en", "target": "ok", "errors": []}\n'
                    + line + "\n", encoding="utf-8")
    with pytest.raises(EvalInputError, match=re.escape(f"{path}:2: {problem}")):
        read_jsonl(path, MQM_FIELDS)


# -- command line ------------------------------------------------------------------------------
def run(*args):
    return invoke("eval", *args)


def test_cli_markdown_report_is_reproducible(tmp_path):
    out1, out2 = tmp_path / "one.md", tmp_path / "two.md"
    for out in (out1, out2):
        res = run(str(CORPUS), "--select", "TE01,UT01", "--format", "markdown", "--output", str(out))
        assert res.exit_code == 0, res.output
    report = out1.read_text(encoding="utf-8")
    assert report == out2.read_text(encoding="utf-8")
    assert f"Generated by `tqcheck eval {CORPUS} --select TE01,UT01 --format markdown`" in report
    assert "|data:synthetic-en-de.jsonl@" in report
    lines = report.splitlines()
    chance = (CHANCE_A1 + CHANCE_B2) / 4
    kiev = f"| TE01 | terminology.ukrainian-places | Terminology | on | 4 | 2 | 0.500 | {chance:.3f} | {0.5 - chance:.3f} | 60.0% |"
    section = lines.index("## MQM zh-en, articles alone: per rule")
    assert kiev in lines[section:section + 8]
    assert "| zh-en | articles alone | 6 | 9 | 5 | 1.00 | 6 | 3 | 0.500 |" in "\n".join(lines)
    assert "| en-de | with sources | 3 | 6 | 2 | 0.00 | 0 | 0 | - | - | - | 0.0% |" in lines  # English rules: none
    assert (f"| {CODEMIX_OTHER} | Accuracy/Source language fragment | 1 | 1 | 100.0% | UT01 1 |") in lines
    assert f"| en-de | articles alone | score | 3 | 3 | 0.500 | 1 | 0.000 | 3 | 0.000 |" in lines
    assert "| 18 | en-de alone: system pairwise accuracy | >= 0.65 | 0.500 | FAIL |" in lines
    assert lines[-3:] == ["## Default-on rules at or below chance (10+ findings)", "", "None."]


def test_cli_text_report_to_stdout():
    res = run(str(CORPUS), "--select", "TE01,UT01", "--lp", "zh-en", "--mode", "alone")
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    header = next(line for line in lines if line.startswith("rule "))
    row = next(line for line in lines if line.startswith("UT01 "))
    assert row.split() == ["UT01", "untranslated.foreign-script", "Accuracy", "on", "2", "1", "0.500",
                           f"{(CHANCE_A2 + CHANCE_B2) / 2:.3f}", f"{0.5 - (CHANCE_A2 + CHANCE_B2) / 2:.3f}", "20.0%"]
    assert row.index("0.500") + 5 == header.index("precision") + len("precision")  # numbers right-aligned
    assert "MQM zh-en, articles alone: per rule" in lines
    assert not [line for line in lines if line.startswith(("MQM zh-en, with", "MQM en-de", "DEMETR, with"))]


def test_cli_json_has_the_figures_and_filters_by_language_pair_and_mode():
    res = run(str(CORPUS), "--select", "TE01,UT01", "--format", "json", "--lp", "en-de,de-en", "--mode", "alone")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert list(data["mqm"]) == ["en-de"] and list(data["mqm"]["en-de"]) == ["alone"]
    assert data["mqm"]["en-de"]["alone"]["categories"]["Fluency/Punctuation"] == {"errors": 1, "found": 0, "recall": 0.0}
    assert data["demetr"]["alone"]["items"] == 1  # de-en: item-2 only
    assert data["ranking"]["en-de"]["alone"]["score"]["pairs"] == 3
    assert "tqcheck eval" in data["command"] and data["signature"].startswith("tqcheck:")
    targets = {t["target"]: t for t in data["targets"]}
    assert targets["zh-en alone: precision above chance"]["passed"] is None  # not run
    assert targets["en-de alone: findings per article"] == {
        "issue": 15, "target": "en-de alone: findings per article",
        "figure": ["mqm", "en-de", "alone", "findings_per_article"], "required": ">= 2", "measured": 0.0, "passed": False}


@pytest.mark.parametrize("option, message", [
    (("--lp", "fr-en"), "--lp fr-en: no such language pair in {corpus} (it has de-en, en-de, zh-en)"),
    (("--mode", "both"), "--mode both: unknown (use alone, sources, references)"),
])
def test_cli_unknown_language_pair_or_mode_is_a_usage_error(option, message):
    res = run(str(CORPUS), *option)
    assert res.exit_code == 2 and res.output.strip() == "tqcheck: error: " + message.format(corpus=CORPUS)


def test_cli_bad_input_is_one_line_and_other_files_still_count(tmp_path):
    res = run(str(tmp_path / "missing"))
    assert res.exit_code == 2 and res.output.strip() == f"tqcheck: error: {tmp_path / 'missing'}: not a directory"
    (tmp_path / "mqm").mkdir()
    (tmp_path / "mqm" / "broken.jsonl").write_text("[1, 2\n", encoding="utf-8")
    shutil.copytree(CORPUS / "demetr", tmp_path / "demetr")
    res = run(str(tmp_path), "--select", "TE01,UT01")
    assert res.exit_code == 2
    assert f"tqcheck: error: {tmp_path / 'mqm' / 'broken.jsonl'}:1: invalid JSON" in res.stderr
    assert "DEMETR, with sources: detection per perturbation" in res.stdout and "MQM: overview" not in res.stdout


def test_calibration_writes_weights_the_scorer_loads(linter, tmp_path):
    from tqcheck.evaluate.calibrate import FINDINGS_CEILING, FINDINGS_FLOOR, calibrate, render, write_model
    from tqcheck.scoring.calibrated import load

    problems = []
    first = calibrate(read_corpus(CORPUS, problems), linter, Scoring(), problems, "sig")
    second = calibrate(read_corpus(CORPUS, problems), linter, Scoring(), problems, "sig")
    assert problems == [] and first.model == second.model, "deterministic"
    model = first.model
    assert set(model.weights) == {"alone", "sources", "references"}
    assert all(FINDINGS_FLOOR[mode] <= w["findings"] <= FINDINGS_CEILING for mode, w in model.weights.items())
    assert "chrF" in model.weights["references"] and set(model.length_ratio) == {"en-de", "zh-en"}
    # word variety of the reference translations, per target language: (median, lowest)
    assert set(model.word_variety) == {"de", "en"} and all(0 < low <= usual <= 1 for usual, low in model.word_variety.values())
    path = tmp_path / "score.yml"
    write_model(model, path, "tqcheck eval corpus --calibrate")
    assert path.read_text().startswith("# The score's calibrated weights") and load(str(path)).weights == {
        mode: {k: round(v, 6) for k, v in w.items()} for mode, w in model.weights.items()}
    assert load(str(path)).word_variety == model.word_variety
    table = render(first)
    assert "references  en-de  score" in table and "component chrF" in table


def test_eval_calibrate_command(tmp_path):
    target = tmp_path / "weights.yml"
    res = invoke("eval", str(CORPUS), "--calibrate", "--weights-file", str(target))
    assert res.exit_code == 0, res.output
    assert target.is_file() and "pairwise" in res.stdout and f"written to {target}" in res.stderr
