"""Reference metrics equal the sacrebleu command line's on the same files."""
import json
import subprocess
import sys

import pytest
from helpers import FIXTURES, invoke

from tqcheck.formats.read import read_document
from tqcheck.scoring.metrics import corpus_totals, sacrebleu_lines, score_article

HYP = FIXTURES / "bilingual" / "metrics.hyp.txt"
REF = FIXTURES / "bilingual" / "metrics.ref.txt"


def sacrebleu_cli(ref, hyp, *metric_args):
    out = subprocess.run([sys.executable, "-m", "sacrebleu", str(ref), "-i", str(hyp), *metric_args, "-w", "4"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    return {d["name"]: d for d in (data if isinstance(data, list) else [data])}


@pytest.fixture(scope="module")
def scores():
    return score_article(read_document(HYP), read_document(REF), "en")


def test_scores_and_signatures_equal_the_command_line(scores):
    metrics, _ = scores
    cli = sacrebleu_cli(REF, HYP, "-m", "bleu", "chrf", "ter")
    cli_pp = sacrebleu_cli(REF, HYP, "-m", "chrf", "--chrf-word-order", "2")
    expected = {"BLEU": cli["BLEU"], "chrF": cli["chrF2"], "TER": cli["TER"], "chrF++": cli_pp["chrF2++"]}
    for name, want in expected.items():
        assert f"{metrics[name]['score']:.4f}" == f"{want['score']:.4f}", name
        assert metrics[name]["signature"] == want["signature"], name
        assert metrics[name]["aligned"] == "lines"


def test_lines_are_read_like_the_command_line():
    assert sacrebleu_lines("a  \nb\r\n\nc\n") == ["a", "b", "", "c"]
    assert sacrebleu_lines("a\nb") == ["a", "b"]


def test_weakest_sentences_point_at_the_target(scores):
    metrics, _ = scores
    weakest = metrics["chrF"]["weakest"]
    assert weakest and weakest == sorted(weakest, key=lambda w: (w["score"], w["start"]))
    text = HYP.read_text(encoding="utf-8")
    for w in weakest:
        assert text[w["start"]:w["end"]] == w["text"]
        assert text.splitlines()[w["line"] - 1].startswith(w["text"])
    from sacrebleu.metrics import CHRF

    pairs = [(h, r) for h, r in zip(sacrebleu_lines(text), sacrebleu_lines(REF.read_text(encoding="utf-8"))) if h]
    lowest = min(pairs, key=lambda p: CHRF().sentence_score(p[0], [p[1]]).score)
    assert weakest[0]["text"] == lowest[0]


def test_corpus_totals_equal_the_command_line_on_concatenated_files(tmp_path, scores):
    _, segments = scores
    both_hyp, both_ref = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    both_hyp.write_text(HYP.read_text(encoding="utf-8") * 2, encoding="utf-8")
    both_ref.write_text(REF.read_text(encoding="utf-8") * 2, encoding="utf-8")
    totals = corpus_totals([(segments, "lines"), (segments, "lines")], "en")
    cli = sacrebleu_cli(both_ref, both_hyp, "-m", "bleu")
    assert f"{totals['BLEU']['score']:.4f}" == f"{cli['BLEU']['score']:.4f}"
    assert totals["BLEU"]["segments"] == 2 * len(segments)


def test_unequal_line_counts_are_aligned_by_sentence(tmp_path):
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("The cat sat on a mat. It was sunny day in Kiev and market was full.\n", encoding="utf-8")
    metrics, segments = score_article(read_document(hyp), read_document(REF), "en")
    assert metrics["BLEU"]["aligned"] == "sentences"
    assert 0 < metrics["chrF"]["score"] < 100
    assert any(s.reference.startswith("The cat sat on the mat.") for s in segments)


def test_cli_reports_metrics_in_json(tmp_path):
    res = invoke("check", "--format", "json", "--exit-zero", "--ref", str(REF), str(HYP))
    article = json.loads(res.output)["articles"][0]
    cli = sacrebleu_cli(REF, HYP, "-m", "bleu")
    assert f"{article['metrics']['BLEU']['score']:.4f}" == f"{cli['BLEU']['score']:.4f}"


CORPUS = FIXTURES.parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "wmt22-ru-en").is_dir(), reason="the shared dev corpus is not beside the repo")
def test_corpus_folder_report_has_scores_equal_to_the_command_line():
    folder = sorted((CORPUS / "wmt22-ru-en").iterdir())[0]
    res = invoke("check", "--select", "BI01", "--format", "json", "--exit-zero", str(folder))
    articles = [a for a in json.loads(res.output)["articles"] if "/mt." in a["path"]]
    assert articles
    for article in articles[:2]:
        cli = sacrebleu_cli(folder / "ref.en.txt", article["path"], "-m", "bleu", "chrf", "ter")
        for mine, theirs in (("BLEU", "BLEU"), ("chrF", "chrF2"), ("TER", "TER")):
            assert f"{article['metrics'][mine]['score']:.4f}" == f"{cli[theirs]['score']:.4f}"
