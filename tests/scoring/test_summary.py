"""Quality summaries: the MQM scorecard arithmetic, weight presets, signatures, corpus aggregates."""
import math

import pytest

from tqcheck.engine.config import Config, ConfigError, load
from tqcheck.engine.linter import ArticleResult, Linter
from tqcheck.finding import Finding, Severity
from tqcheck.scoring.signature import make_signature
from tqcheck.scoring.calibrated import ScoreModel
from tqcheck.scoring.summary import ArticleSummary, CorpusSummary, Scoring
from tqcheck.scoring.weights import PRESETS, weights_from_table

#: A fixed score model, so that the arithmetic below does not move when the shipped one is recalibrated:
#: every rule trusted fully, findings weight 0.4 (one point per 1,000 words costs 0.4% of the score).
MODEL = ScoreModel(weights={"alone": {"findings": 0.4}, "sources": {"findings": 0.4},
                            "references": {"findings": 0.4, "chrF": 0.5}}, default_trust=1.0, prior_words=50)


def scored(weights=PRESETS["mqm-core"]):
    return Scoring(weights, MODEL)


def finding(code="TE01", severity=Severity.MINOR, category="Terminology/Wrong term", start=0, text="x"):
    return Finding(code=code, name=f"test.{code.lower()}", category=category, severity=severity, start=start,
                   end=start + len(text), text=text, message="m")


def result(findings, words=200, path="a.txt"):
    return ArticleResult(path=path, findings=list(findings), word_count=words, sentence_count=10)


def test_mqm_core_scorecard_arithmetic():
    # 2 minor + 1 major + 1 critical = 2 + 5 + 25 = 32 points in 400 words
    findings = [finding(), finding(start=5), finding("CQ01", Severity.MAJOR, "Accuracy/Mistranslation", 10),
                finding("UT01", Severity.CRITICAL, "Accuracy/Untranslated text", 20)]
    s = ArticleSummary.of(result(findings, words=400), scored())
    assert s.penalty_total == 32
    assert s.per_word_penalty == pytest.approx(0.08)
    assert s.normed_penalty == pytest.approx(80)
    # the score: 32 points per 450 words (50 prior words) = 71.1 per 1,000 -> 100 * exp(-0.4 * 0.711)
    assert s.score == pytest.approx(100 * math.exp(-0.4 * 32 * 1000 / 450 / 100))
    assert s.mode == "alone" and s.components["findings"]["value"] == pytest.approx(71.1111, abs=1e-3)
    assert s.components["findings"]["lost"] == pytest.approx(100 - s.score, abs=1e-3)
    assert s.by_severity == {"critical": 1, "major": 1, "minor": 2}
    assert s.by_category["Terminology/Wrong term"] == {"critical": 0, "major": 0, "minor": 2}


def test_points_explain_the_score():
    findings = [finding(), finding(start=5), finding("CQ01", Severity.MAJOR, "Accuracy/Mistranslation", 10)]
    s = ArticleSummary.of(result(findings), Scoring())
    assert [(p.code, p.count, p.weight, p.points) for p in s.penalties] == [("CQ01", 1, 5, 5), ("TE01", 2, 1, 2)]
    assert sum(p.points for p in s.penalties) == s.penalty_total


def test_score_stays_between_0_and_100_and_short_texts_are_not_exploded():
    """Issue 16.7: a 4-word sentence with one major finding scored -1150 on the old scale."""
    major = [finding(severity=Severity.MAJOR)]
    short = ArticleSummary.of(result(major, words=4), scored())
    assert 0 < short.score < 100 and short.score == pytest.approx(100 * math.exp(-0.4 * 5 * 1000 / 54 / 100))
    assert 60 < short.score < 75
    long = ArticleSummary.of(result(major, words=1000), scored())
    assert short.score < long.score < 100
    many = ArticleSummary.of(result([finding(severity=Severity.CRITICAL, start=i) for i in range(50)], words=4), scored())
    assert 0 <= many.score < 1
    # the shipped model too
    assert 0 <= ArticleSummary.of(result(major, words=4), Scoring()).score < 100


def test_the_summary_holds_no_verdict_of_its_own():
    """Pass or fail is the gate's alone (tqcheck.scoring.gate): the score is information."""
    s = ArticleSummary.of(result([finding(severity=Severity.MAJOR)], words=1000), Scoring())
    assert not hasattr(s, "passed") and not hasattr(s, "cut_score")
    assert {"passed", "cut_score"}.isdisjoint(s.as_dict())


def test_empty_article_scores_100_without_findings():
    s = ArticleSummary.of(result([], words=0), scored())
    assert s.score == 100
    s = ArticleSummary.of(result([finding()], words=0), scored())
    assert s.score == pytest.approx(100 * math.exp(-0.4 * 1000 / 50 / 100)) and s.normed_penalty == 1000


def test_wmt_weights_follow_freitag_2021():
    wmt = PRESETS["wmt"]
    assert wmt.of(finding(category="Fluency/Punctuation")) == pytest.approx(0.1)
    assert wmt.of(finding(severity=Severity.MAJOR, category="Fluency/Punctuation")) == 5
    assert wmt.of(finding(category="Fluency/Grammar")) == 1
    assert wmt.of(finding(severity=Severity.MAJOR, category="Accuracy/Non-translation")) == 25
    assert wmt.of(finding(severity=Severity.CRITICAL, category="Accuracy/Mistranslation")) == 25
    ten_punct = [finding(category="Fluency/Punctuation", start=i) for i in range(10)]
    s = ArticleSummary.of(result(ten_punct, words=1000), scored(wmt))
    assert s.penalty_total == pytest.approx(1.0) and s.normed_penalty == pytest.approx(1.0)
    assert s.score > ArticleSummary.of(result(ten_punct, words=1000), scored()).score


def test_custom_weights_from_config(tmp_path):
    cfg = tmp_path / "tqcheck.toml"
    cfg.write_text('[weights]\npreset = "wmt"\nmajor = 10\n'
                   'categories = [{category = "Terminology", weight = 3}]\n')
    config = load(cfg)
    w = config.weights
    assert w.of(finding(severity=Severity.MAJOR, category="Accuracy/Mistranslation")) == 10
    assert w.of(finding(category="Terminology/Wrong term")) == 3
    assert w.label.startswith("custom@") and w.label != PRESETS["wmt"].label
    assert load_preset(tmp_path, '"wmt"').weights.label == "wmt"


def load_preset(tmp_path, value):
    cfg = tmp_path / "preset.toml"
    cfg.write_text(f"weights = {value}\n")
    return load(cfg)


@pytest.mark.parametrize("table,problem", [
    ('weights = "strict"', "unknown weights preset 'strict'"),
    ('[weights]\nminor = -1', "minor must be a number >= 0"),
    ('[weights]\nmajour = 5', "unknown key 'majour' in [weights]"),
    ('[weights]\ncategories = [{weight = 1}]', "entries need 'category' and 'weight'"),
    ('fail-under = "high"', "'fail-under' must be a number"),
    ('max-findings = 2.5', "'max-findings' must be an integer"),
])
def test_bad_weights_and_gate_config_name_the_file(tmp_path, table, problem):
    cfg = tmp_path / "tqcheck.toml"
    cfg.write_text(table + "\n")
    with pytest.raises(ConfigError) as err:
        load(cfg)
    assert str(err.value).startswith(str(cfg)) and problem in str(err.value)


def test_weights_table_keeps_preset_exceptions_unless_replaced():
    w = weights_from_table({"preset": "wmt", "minor": 2}, "x")
    assert w.of(finding(category="Fluency/Punctuation")) == pytest.approx(0.1)
    assert w.of(finding(category="Fluency/Grammar")) == 2


def test_signature_names_version_packs_weights_pair_and_seed(registry):
    linter = Linter(Config(source_lang="ru"), registry)
    sig = make_signature(linter, Scoring(PRESETS["wmt"]))
    text = str(sig)
    parts = dict(part.split(":", 1) for part in text.split("|"))
    assert parts["tqcheck"] == __import__("tqcheck").__version__
    assert parts["weights"] == "wmt" and parts["pair"] == "ru-auto" and "cut" not in parts  # target found per article
    assert len(parts["score"]) == 8, "the calibrated score model's hash"
    forced = str(make_signature(Linter(Config(source_lang="ru", force_lang="en"), registry), Scoring(PRESETS["wmt"])))
    assert "|pair:ru-en|" in forced
    assert parts["langid-seed"] == "0"
    packs = dict(p.split("@") for p in parts["packs"].split(","))
    assert {p.name: p.hash for p in registry.packs} == packs
    assert all(len(h) == 8 for h in packs.values())
    assert make_signature(linter, Scoring(PRESETS["wmt"]), "0123abcd").format().endswith("|baseline:0123abcd")


def test_signature_changes_with_rule_selection_and_severity(registry):
    base = str(make_signature(Linter(Config(), registry), Scoring()))
    assert str(make_signature(Linter(Config(ignore=("TE01",)), registry), Scoring())) != base
    assert str(make_signature(Linter(Config(severities={"TE01": Severity.MINOR}), registry), Scoring())) != base
    assert str(make_signature(Linter(Config(), registry), Scoring())) == base


def test_signature_changes_when_a_pack_changes(tmp_path):
    from tqcheck.engine.registry import Registry

    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "_pack.yml").write_text("name: house\n")
    rule = pack / "names.yml"
    rule.write_text("code: HS01\nname: house.names\nkind: glossary\ncategory: Terminology/Wrong term\n"
                    "entries:\n  - {preferred: Kyiv, variants: [Kiev]}\nexamples: {flag: [Kiev.], okay: [Kyiv.]}\n")
    first = str(make_signature(Linter(Config(), Registry.load([pack])), Scoring()))
    rule.write_text(rule.read_text().replace("[Kiev]", "[Kiev, Kyev]"))
    second = str(make_signature(Linter(Config(), Registry.load([pack])), Scoring()))
    assert "house@" in first and first != second


def test_corpus_summary_distribution_worst_and_frequent_rules():
    results = [result([finding()], words=1000, path="a.txt"),                      # 99
               result([finding("CQ01", Severity.MAJOR), finding(start=3)], words=100, path="b.txt"),  # 40
               result([], words=50, path="c.txt"),                                 # 100
               ArticleResult(path="d.txt", error="binary file")]
    summaries = [ArticleSummary.of(r, scored()) for r in results if not r.error]
    corpus = CorpusSummary.of(summaries, results)
    assert corpus.unreadable == 1 and corpus.words == 1150 and corpus.findings == 3
    scores = [s.score for s in summaries]  # about 99.96, 85.2 (6 points in 150 words), 100
    assert scores[1] == pytest.approx(100 * math.exp(-0.4 * 6 * 1000 / 150 / 100))
    assert corpus.score == pytest.approx((scores[0] * 1000 + scores[1] * 100 + scores[2] * 50) / 1150)
    assert [a.path for a in corpus.worst(2)] == ["b.txt", "a.txt"]
    assert [(r.code, r.findings, r.articles) for r in corpus.frequent_rules] == [("TE01", 2, 2), ("CQ01", 1, 1)]
    hist = dict(corpus.histogram())
    assert hist["80-90"] == 1 and hist["90-100"] == 2 and sum(hist.values()) == 3 and "<0" not in hist
    assert corpus.distribution()["median"] == pytest.approx(scores[0])


def test_summary_carries_reference_metrics():
    r = result([])
    r.metrics = {"BLEU": {"score": 31.2, "signature": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"}}
    s = ArticleSummary.of(r, Scoring())
    assert s.metrics["BLEU"]["score"] == 31.2


def test_components_with_source_and_reference_follow_the_model():
    model = ScoreModel(weights={"alone": {"findings": 0.4}, "sources": {"findings": 0.4, "untranslated": 10.0},
                                "references": {"findings": 0.4, "untranslated": 10.0, "chrF": 2.0}},
                       default_trust=1.0, length_ratio={"zh-en": 3.0})
    r = result([], words=100)
    r.signals = {"repetition": 0.0, "length_mismatch": 0.1, "alignment_doubt": 0.2, "untranslated": 0.01,
                 "length_ratio": 1.5}
    r.language_pair = "zh-en"
    s = ArticleSummary.of(r, Scoring(model=model))
    assert s.mode == "sources" and s.score == pytest.approx(100 * math.exp(-0.1))
    assert s.components["short_translation"]["value"] == pytest.approx(math.log(2), abs=1e-4)
    assert s.components["length_mismatch"]["weight"] == 0 and s.components["untranslated"]["lost"] > 0
    r.metrics = {"chrF": {"score": 60.0, "signature": "x"}}
    s = ArticleSummary.of(r, Scoring(model=model))
    assert s.mode == "references" and s.score == pytest.approx(100 * math.exp(-0.1 - 0.8))
    assert s.components["chrF"] == {**s.components["chrF"], "value": 60.0, "better": "higher", "weight": 2.0}
    assert sum(c["lost"] for c in s.components.values()) == pytest.approx(100 - s.score, abs=1e-3)
    assert s.as_dict()["components"] == s.components and s.as_dict()["score_mode"] == "references"


def test_shipped_score_model_loads_and_names_its_calibration():
    from tqcheck.scoring.calibrated import COMPONENTS, load

    model = load()
    assert set(model.weights) == {"alone", "sources", "references"}
    assert all(set(w) <= set(COMPONENTS) and all(v >= 0 for v in w.values()) for w in model.weights.values())
    assert model.weights["alone"]["findings"] > 0 and model.weights["sources"]["findings"] > 0
    assert model.weights["references"]["chrF"] > 0
    assert all(0 <= t <= 1 for t in model.trust.values())
    assert set(model.word_variety) == {"de", "en"}, "the dev sets' reference translations: English and German"


def test_malformed_score_model_is_one_line_error(tmp_path):
    from tqcheck.scoring.calibrated import load

    bad = tmp_path / "score.yml"
    bad.write_text("weights:\n  alone: {speed: 1}\n")
    with pytest.raises(ValueError, match="unknown components speed"):
        load(str(bad))
