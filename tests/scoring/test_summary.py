"""Quality summaries: the MQM scorecard arithmetic, weight presets, signatures, corpus aggregates."""
import pytest

from tqcheck.engine.config import Config, ConfigError, load
from tqcheck.engine.linter import ArticleResult, Linter
from tqcheck.finding import Finding, Severity
from tqcheck.scoring.signature import make_signature
from tqcheck.scoring.summary import ArticleSummary, CorpusSummary, Scoring
from tqcheck.scoring.weights import PRESETS, weights_from_table


def finding(code="TE01", severity=Severity.MINOR, category="Terminology/Wrong term", start=0, text="x"):
    return Finding(code=code, name=f"test.{code.lower()}", category=category, severity=severity, start=start,
                   end=start + len(text), text=text, message="m")


def result(findings, words=200, path="a.txt"):
    return ArticleResult(path=path, findings=list(findings), word_count=words, sentence_count=10)


def test_mqm_core_scorecard_arithmetic():
    # 2 minor + 1 major + 1 critical = 2 + 5 + 25 = 32 points in 400 words
    findings = [finding(), finding(start=5), finding("CQ01", Severity.MAJOR, "Accuracy/Mistranslation", 10),
                finding("UT01", Severity.CRITICAL, "Accuracy/Untranslated text", 20)]
    s = ArticleSummary.of(result(findings, words=400), Scoring(PRESETS["mqm-core"]))
    assert s.penalty_total == 32
    assert s.per_word_penalty == pytest.approx(0.08)
    assert s.normed_penalty == pytest.approx(80)
    assert s.score == pytest.approx(20)
    assert s.by_severity == {"critical": 1, "major": 1, "minor": 2}
    assert s.by_category["Terminology/Wrong term"] == {"critical": 0, "major": 0, "minor": 2}


def test_points_explain_the_score():
    findings = [finding(), finding(start=5), finding("CQ01", Severity.MAJOR, "Accuracy/Mistranslation", 10)]
    s = ArticleSummary.of(result(findings), Scoring())
    assert [(p.code, p.count, p.weight, p.points) for p in s.penalties] == [("CQ01", 1, 5, 5), ("TE01", 2, 1, 2)]
    assert sum(p.points for p in s.penalties) == s.penalty_total


def test_one_major_finding_in_1000_words_scores_95():
    # 5 points per 1,000 words
    s = ArticleSummary.of(result([finding(severity=Severity.MAJOR)], words=1000), Scoring())
    assert s.score == pytest.approx(95)
    s = ArticleSummary.of(result([finding(severity=Severity.MAJOR)], words=999), Scoring())
    assert s.score < 95


def test_the_summary_holds_no_verdict_of_its_own():
    """Pass or fail is the gate's alone (tqcheck.scoring.gate): the score is information."""
    s = ArticleSummary.of(result([finding(severity=Severity.MAJOR)], words=1000), Scoring())
    assert not hasattr(s, "passed") and not hasattr(s, "cut_score")
    assert {"passed", "cut_score"}.isdisjoint(s.as_dict())


def test_empty_article_scores_100_without_findings():
    s = ArticleSummary.of(result([], words=0), Scoring())
    assert s.score == 100
    s = ArticleSummary.of(result([finding()], words=0), Scoring())
    assert s.score == 100 - 1000


def test_wmt_weights_follow_freitag_2021():
    wmt = PRESETS["wmt"]
    assert wmt.of(finding(category="Fluency/Punctuation")) == pytest.approx(0.1)
    assert wmt.of(finding(severity=Severity.MAJOR, category="Fluency/Punctuation")) == 5
    assert wmt.of(finding(category="Fluency/Grammar")) == 1
    assert wmt.of(finding(severity=Severity.MAJOR, category="Accuracy/Non-translation")) == 25
    assert wmt.of(finding(severity=Severity.CRITICAL, category="Accuracy/Mistranslation")) == 25
    ten_punct = [finding(category="Fluency/Punctuation", start=i) for i in range(10)]
    s = ArticleSummary.of(result(ten_punct, words=1000), Scoring(wmt))
    assert s.penalty_total == pytest.approx(1.0) and s.score == pytest.approx(99.0)


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
    summaries = [ArticleSummary.of(r, Scoring()) for r in results if not r.error]
    corpus = CorpusSummary.of(summaries, results)
    assert corpus.unreadable == 1 and corpus.words == 1150 and corpus.findings == 3
    assert corpus.score == pytest.approx(100 - 7 / 1150 * 1000)
    assert [a.path for a in corpus.worst(2)] == ["b.txt", "a.txt"]
    assert [(r.code, r.findings, r.articles) for r in corpus.frequent_rules] == [("TE01", 2, 2), ("CQ01", 1, 1)]
    hist = dict(corpus.histogram())
    assert hist["40-50"] == 1 and hist["90-100"] == 2 and sum(hist.values()) == 3
    assert corpus.distribution()["median"] == pytest.approx(99)


def test_summary_carries_reference_metrics():
    r = result([])
    r.metrics = {"BLEU": {"score": 31.2, "signature": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"}}
    s = ArticleSummary.of(r, Scoring())
    assert s.metrics["BLEU"]["score"] == 31.2
