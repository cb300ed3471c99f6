"""Pairing conventions, alignment, and the CLI options --source/--ref/--no-pair."""
import json

from helpers import FIXTURES, invoke

from tqcheck.document import Document
from tqcheck.formats.pairing import find_pairing, plan
from tqcheck.text.align import align_documents, anchors, gale_church

PAIR = FIXTURES / "bilingual"


def write(folder, **files):
    """Write files; in keyword names "__" stands for "."."""
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text, encoding="utf-8")


def test_sibling_convention(tmp_path):
    write(tmp_path, article__en__txt="A.\n", article__ru__txt="А.\n", article__ref__en__txt="A.\n")
    pairings, errors = plan([str(p) for p in sorted(tmp_path.iterdir())])
    assert errors == []
    by_target = {p.target.rsplit("/", 1)[1]: p for p in pairings}
    assert set(by_target) == {"article.en.txt", "article.ref.en.txt"}  # the source is not an article
    main_pair = by_target["article.en.txt"]
    assert main_pair.source.endswith("article.ru.txt") and main_pair.source_lang == "ru"
    assert main_pair.reference.endswith("article.ref.en.txt")
    assert by_target["article.ref.en.txt"].reference is None  # a reference is checked against the source


def test_corpus_layout(tmp_path):
    write(tmp_path, source__zh__txt="一。\n", ref__en__txt="One.\n", **{"mt.SYS-1.en.txt": "One.\n"})
    pairings, errors = plan([str(p) for p in sorted(tmp_path.iterdir())])
    assert not errors
    mt = next(p for p in pairings if "mt.SYS-1" in p.target)
    assert mt.source.endswith("source.zh.txt") and mt.reference.endswith("ref.en.txt") and mt.source_lang == "zh"
    assert not any(p.target.endswith("source.zh.txt") for p in pairings)


def test_missing_and_ambiguous_pairs_are_clear(tmp_path):
    write(tmp_path, mt__A__en__txt="One.\n")
    assert "no source file" in find_pairing(str(tmp_path / "mt.A.en.txt")).warnings[0]
    write(tmp_path, x__en__txt="One.\n", x__ru__txt="Один.\n", x__uk__txt="Один.\n")
    pairings, errors = plan([str(tmp_path / "x.en.txt")])
    assert pairings == [] and "ambiguous source" in errors[0][1] and "--source" in errors[0][1]
    pairings, errors = plan([str(tmp_path / "x.en.txt")], source_lang="uk")
    assert pairings[0].source.endswith("x.uk.txt")  # the configured source language decides
    _, errors = plan(["a.en.txt", "b.en.txt"], source="a.ru.txt")
    assert "exactly one article" in errors[0][1]
    assert plan(["x.en.txt"], pair=False)[0][0].source is None


def test_line_alignment_keeps_blank_lines_as_gaps():
    source = Document("Один.\n\nДва.\nТри.\n", lang="ru")
    target = Document("One.\n\nTwo.\n\n", lang="en")
    alignment = align_documents(target, source)
    assert alignment.mode == "lines"
    assert [(p.source_span is not None, p.target_span is not None) for p in alignment.pairs] == [
        (True, True), (True, True), (True, False)]


def test_gale_church_finds_a_dropped_sentence_and_merges():
    # source lengths 40, 40, 60, 30; the target merged the first two and dropped the third
    beads = gale_church([40, 40, 60, 30], [82, 31])
    assert [(b.source, b.target) for b in beads] == [((0, 2), (0, 1)), ((2, 3), (1, 1)), ((3, 4), (1, 2))]
    assert gale_church([], [10]) == [gale_church([], [10])[0]] and gale_church([], []) == []


def test_numbers_are_anchors_across_formats():
    assert anchors("3,5 млн и 40 000") == anchors("3.5 million and 40,000") == frozenset({"35", "4"})


def test_sentence_alignment_of_differently_wrapped_text():
    source = Document("Первое предложение про мост. Второе предложение про реку.\n\nТретье про город.\n", lang="ru")
    target = Document("First sentence about the bridge.\nSecond sentence about the river. Third about the city.\n")
    alignment = align_documents(target, source)
    assert alignment.mode == "sentences"
    assert all(p.source_span and p.target_span for p in alignment.pairs)


def test_cli_explicit_source_and_ref_and_errors(tmp_path):
    res = invoke("check", "--select", "BI", "--format", "json", "--source", str(PAIR / "news.ru.txt"),
                                    "--ref", str(PAIR / "news.ref.en.txt"), str(PAIR / "news.en.txt"))
    article = json.loads(res.output)["articles"][0]
    assert res.exit_code == 0 and article["findings"] == [] and article["metrics"]["BLEU"]["score"] > 0
    res = invoke("check", "--source", str(tmp_path / "nope.ru.txt"), str(PAIR / "news.en.txt"))
    assert res.exit_code == 2 and "nope.ru.txt: no such file" in res.output


def test_cli_checks_a_corpus_folder_against_source_and_reference(tmp_path):
    write(tmp_path, source__ru__txt=(PAIR / "news.ru.txt").read_text(encoding="utf-8"),
          ref__en__txt=(PAIR / "news.ref.en.txt").read_text(encoding="utf-8"),
          mt__good__en__txt=(PAIR / "news.en.txt").read_text(encoding="utf-8"),
          mt__bad__en__txt=(PAIR / "news.en.txt").read_text(encoding="utf-8").replace("18 months", "8 months"))
    res = invoke("check", "--select", "BI", "--format", "json", str(tmp_path))
    articles = {a["path"].rsplit("/", 1)[1]: a for a in json.loads(res.output)["articles"]}
    assert set(articles) == {"mt.bad.en.txt", "mt.good.en.txt", "ref.en.txt"}
    assert [f["code"] for f in articles["mt.bad.en.txt"]["findings"]] == ["BI01"]
    assert articles["mt.good.en.txt"]["findings"] == [] and articles["ref.en.txt"]["findings"] == []
    assert "BLEU" in articles["mt.good.en.txt"]["metrics"] and not articles["ref.en.txt"]["metrics"]
    res = invoke("check", "--select", "BI", "--format", "json", "--no-pair", str(tmp_path))
    assert len(json.loads(res.output)["articles"]) == 4
