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


# -- planning a run from one listing per folder (issue 14) -----------------------------------------
def _old_candidates(folder, pattern, exclude_lang):
    """What pairing did before the folder index: list the folder and match every name."""
    import re

    found = []
    for name in sorted(x.name for x in folder.iterdir() if x.is_file()):
        m = re.fullmatch(pattern, name, re.IGNORECASE)
        if m:
            lang = (m.groupdict().get("lang") or "").lower() or None
            if not (lang and (lang == exclude_lang or lang == "ref")):
                found.append((folder / name, lang))
    return found


def _old_plan(paths, target_lang="en", source_lang=None):
    """The pairings of the quadratic planner, kept here as the reference the index must equal."""
    import os
    import re
    from pathlib import Path

    from tqcheck.formats.pairing import UNIT_SUFFIXES, Pairing
    from tqcheck.formats.read import TEXT_SUFFIXES

    ext = rf"(?:{'|'.join(re.escape(s) for s in TEXT_SUFFIXES)})"
    tgt = re.escape(target_lang)
    pairings, errors = [], []
    for path in paths:
        p = Path(path)
        if p.suffix.lower() in UNIT_SUFFIXES:
            pairings.append(Pairing(path, source_lang=source_lang, kind="units"))
            continue
        name, folder = p.name, p.parent
        layout = re.fullmatch(rf"(?:mt\.(?P<system>.+)|ref(?:\.[^.]+)?)\.{tgt}{ext}", name, re.IGNORECASE)
        if layout:
            sources = _old_candidates(folder, rf"source\.(?P<lang>[a-z]{{2,3}}){ext}", target_lang)
            refs = [] if not layout.group("system") else _old_candidates(folder, rf"ref(?:\.[^.]+)?\.{tgt}{ext}", None)
            if not sources and layout.group("system"):
                pairings.append(("warned", path))
                continue
        else:
            stem = re.fullmatch(rf"(?P<stem>.+?)(?P<ref>\.ref)?\.{tgt}{ext}", name, re.IGNORECASE)
            if not stem:
                pairings.append(Pairing(path, source_lang=source_lang))
                continue
            base = re.escape(stem.group("stem"))
            sources = _old_candidates(folder, rf"{base}\.(?P<lang>[a-z]{{2,3}}){ext}", target_lang)
            refs = [] if stem.group("ref") else _old_candidates(folder, rf"{base}\.ref\.{tgt}{ext}", None)
        if source_lang:
            sources = [s for s in sources if s[1] == source_lang] or sources
        if len(sources) > 1 or len(refs) > 1:
            errors.append(path)
            continue
        src, lang = sources[0] if sources else (None, source_lang)
        pairings.append(Pairing(path, str(src) if src else None, str(refs[0][0]) if refs else None, lang))
    real = {os.path.realpath(x.source) for x in pairings if isinstance(x, Pairing) and x.source}
    kept = [x for x in pairings if not isinstance(x, Pairing) or os.path.realpath(x.target) not in real]
    return kept, errors


def _comparable(pairings, errors):
    return ([("warned", p.target) if p.warnings else p for p in pairings], [path for path, _ in errors])


TRICKY = ["a.en.txt", "a.ru.txt", "a.ref.en.txt", "B.EN.TXT", "b.zh.md", "c.en.md", "c.ru.txt", "c.uk.txt",
          "d.ref.en.txt", "d.en.txt", "e.x.en.txt", "e.x.ru.txt", "f.ref.ref.en.txt", "f.ref.en.txt",
          "g.en.html", "g.ref.txt", "g.de.htm", "mt.S1.en.txt", "mt.S2.en.txt", "source.zh.txt",
          "ref.en.txt", "ref.B.en.txt", "h.po", "i.xlf", "j.en.text", "j.ar.markdown", "k.txt",
          "source.en.txt", "l.EN.txt", "l.Ru.txt"]


def test_the_index_pairs_as_the_quadratic_planner_did(tmp_path):
    import random

    rng = random.Random(14)
    for trial in range(12):
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        names = rng.sample(TRICKY, rng.randint(3, len(TRICKY)))
        for name in names:
            (folder / name).write_text("One.\n", encoding="utf-8")
        paths = [str(folder / n) for n in sorted(names)]
        for target_lang, source_lang in (("en", None), ("en", "ru"), ("de", None)):
            assert _comparable(*plan(paths, target_lang=target_lang, source_lang=source_lang, name_langs=False)) == \
                _old_plan(paths, target_lang, source_lang), (names, target_lang, source_lang)


def test_source_and_ref_options_pair_one_article_without_listing(tmp_path, monkeypatch):
    import os

    listed = []
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": listed.append(path) or real_scandir(path))
    write(tmp_path, x__en__txt="One.\n", y__ru__txt="Один.\n", z__en__txt="One.\n")
    pairings, errors = plan([str(tmp_path / "x.en.txt")], source=str(tmp_path / "y.ru.txt"),
                            reference=str(tmp_path / "z.en.txt"))
    assert errors == [] and listed == []
    assert pairings[0].source.endswith("y.ru.txt") and pairings[0].reference.endswith("z.en.txt")
    assert pairings[0].source_lang == "ru"
    _, errors = plan([str(tmp_path / "x.en.txt"), str(tmp_path / "z.en.txt")], reference=str(tmp_path / "z.en.txt"))
    assert "exactly one article" in errors[0][1]


def test_ambiguous_reference_is_an_error_for_that_article_only(tmp_path):
    write(tmp_path, mt__A__en__txt="One.\n", source__ru__txt="Один.\n", ref__en__txt="One.\n", ref__B__en__txt="One.\n",
          other__en__txt="One.\n")
    pairings, errors = plan([str(tmp_path / n) for n in ("mt.A.en.txt", "other.en.txt")])
    assert [p.target.rsplit("/", 1)[1] for p in pairings] == ["other.en.txt"]
    assert errors[0][0].endswith("mt.A.en.txt") and "ambiguous reference" in errors[0][1] and "--ref" in errors[0][1]


def test_symlinked_source_is_not_checked_as_an_article(tmp_path):
    import os

    real = tmp_path / "real"
    real.mkdir()
    write(real, a__ru__txt="Один.\n")
    write(tmp_path, a__en__txt="One.\n")
    os.symlink(real / "a.ru.txt", tmp_path / "a.ru.txt")
    os.symlink(tmp_path / "missing.ru.txt", tmp_path / "b.ru.txt")  # broken: no file, no source
    write(tmp_path, b__en__txt="One.\n")
    paths = [str(tmp_path / "a.en.txt"), str(tmp_path / "b.en.txt"), str(real / "a.ru.txt")]
    pairings, errors = plan(paths)
    assert errors == []
    assert [(p.target.rsplit("/", 1)[1], p.source) for p in pairings] == [
        ("a.en.txt", str(tmp_path / "a.ru.txt")), ("b.en.txt", None)]  # the link's target is the source


def test_a_source_that_is_itself_an_article_is_dropped_from_the_run(tmp_path):
    # a German article whose English original sits beside it: the original is its source, not an article
    write(tmp_path, x__de__txt="Eins.\n", x__en__txt="One.\n")
    pairings, _ = plan([str(tmp_path / "x.de.txt"), str(tmp_path / "x.en.txt")], target_lang="de")
    assert [(p.target.rsplit("/", 1)[1], p.source_lang) for p in pairings] == [("x.de.txt", "en")]


def test_planning_lists_each_folder_once(tmp_path, monkeypatch):
    """Work linear in the files: one listing per folder and no stat call per candidate."""
    import os

    for part in ("p1", "p2"):
        (tmp_path / part).mkdir()
        for i in range(40):
            write(tmp_path / part, **{f"a{i}__en__txt": "One.\n", f"a{i}__ru__txt": "Один.\n"})
    paths = sorted(str(p) for p in tmp_path.glob("*/*.txt"))
    listed, stats = [], []
    real_scandir, real_stat, real_lstat = os.scandir, os.stat, os.lstat
    monkeypatch.setattr(os, "scandir", lambda path=".": listed.append(str(path)) or real_scandir(path))
    monkeypatch.setattr(os, "stat", lambda *a, **k: stats.append(a[0]) or real_stat(*a, **k))
    monkeypatch.setattr(os, "lstat", lambda *a, **k: stats.append(a[0]) or real_lstat(*a, **k))
    pairings, errors = plan(paths)
    assert errors == [] and len(pairings) == 80 and all(p.source for p in pairings)
    assert sorted(listed) == [str(tmp_path / "p1"), str(tmp_path / "p2")]
    assert len(stats) <= 2 * 10  # resolving the two folders' real paths, never a call per file


def test_articles_named_in_another_language_are_paired_from_one_listing_too(tmp_path, monkeypatch):
    """Lone articles paired in their file name's language (``x.de.txt`` in an English run) share
    one listing of the folder per language, not one each."""
    import os

    for i in range(30):
        write(tmp_path, **{f"d{i}__de__txt": "Eins.\n"})
    write(tmp_path, d0__ru__txt="Один.\n")
    listed = []
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": listed.append(str(path)) or real_scandir(path))
    pairings, errors = plan(sorted(str(p) for p in tmp_path.glob("d*.de.txt")))
    assert errors == [] and len(pairings) == 30
    assert all(p.target_lang == "de" for p in pairings)
    assert next(p for p in pairings if p.target.endswith("d0.de.txt")).source.endswith("d0.ru.txt")
    assert listed == [str(tmp_path)] * 2  # once as English articles, once as German ones
