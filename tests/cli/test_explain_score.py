"""``tqcheck explain-score``: the score's components, weights and points (issue 18)."""
import re

from helpers import invoke

TEXT = "Officials in Kiev said on Monday that talks would resume soon.\nThe delegation left Kiev before noon.\n"
SOURCE = "Официальные лица в Киеве заявили в понедельник, что переговоры скоро возобновятся.\nДелегация покинула Киев до полудня.\n"
REFERENCE = "Officials in Kyiv said on Monday that the talks would soon resume.\nThe delegation left Kyiv before noon.\n"


def test_explain_score_alone_shows_each_component_with_weight_points_and_loss(tmp_path):
    article = tmp_path / "a.en.txt"
    article.write_text(TEXT, encoding="utf-8")
    res = invoke("explain-score", "--no-pair", str(article))
    assert res.exit_code == 0, res.output
    score = float(re.search(r"a\.en\.txt: score (\d+\.\d\d) \(17 words, 2 findings\)", res.stdout).group(1))
    assert 0 <= score < 100
    assert f"score {score:.2f} = 100 x exp(-" in res.stdout and "weights for the article alone" in res.stdout
    row = re.search(r"^  findings +(\S+) +points per 1,000 words +(\S+) +(\S+) +(\S+)$", res.stdout, re.M)
    assert row and float(row.group(4)) == round(100 - score, 2)
    assert "MQM penalty 10 points x 1000 / 17 words" in res.stdout and "TE01" in res.stdout
    assert res.stdout.splitlines()[-1].startswith("score model: ")


def test_explain_score_with_source_and_reference_uses_their_components(tmp_path):
    article, source, ref = tmp_path / "a.en.txt", tmp_path / "a.ru.txt", tmp_path / "ref.en.txt"
    article.write_text(TEXT, encoding="utf-8")
    source.write_text(SOURCE, encoding="utf-8")
    ref.write_text(REFERENCE, encoding="utf-8")
    res = invoke("explain-score", "--source", str(source), "--ref", str(ref), "--source-lang", "ru", str(article))
    assert res.exit_code == 0, res.output
    assert "weights for with source and reference" in res.stdout
    for name in ("findings", "mismatches", "length_mismatch", "untranslated", "chrF"):
        assert re.search(rf"^  {name} ", res.stdout, re.M), name


def test_explain_score_on_a_missing_file_is_a_one_line_error(tmp_path):
    res = invoke("explain-score", str(tmp_path / "nope.txt"))
    assert res.exit_code == 2 and "Traceback" not in res.output
