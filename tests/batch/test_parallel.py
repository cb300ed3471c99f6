"""--jobs: articles checked over worker processes come back in input order, identical to one process."""
import json
import os

from helpers import FIXTURES, invoke

from tqcheck.batch.parallel import MIN_PARALLEL_ARTICLES, check_all, default_jobs
from tqcheck.formats.pairing import Pairing

ARTICLES = [
    "Drones flew over Kiev on Wednesday, officials said.",
    "The minister said: Мы не будем вести переговоры.",
    "The drones were aimed at the the Kremlin.",
    "Nothing wrong here: the report was published on Monday.",
    "He will run for president in 2016 2016, he said.",
    "The plan was approved by 国务院 yesterday.",
    "Rescuers, soldiers of the National Guard и the military helped.",
    "It was claimed by Covid-19 Covid-19.",
    "Their effectiveness was assessed assessed assessed assessed.",
    "A clean sentence about the weather in Kyiv.",
]


def _corpus(tmp_path, copies: int = 2) -> list[str]:
    paths = []
    for k in range(copies):
        for i, text in enumerate(ARTICLES):
            path = tmp_path / f"a{k:02d}-{i:02d}.en.txt"
            path.write_text(f"{text}\n\nSecond paragraph {k} {i}: Kharkov and Odessa.\n", encoding="utf-8")
            paths.append(str(path))
    return paths


def _findings(results):
    return [(r.path, [(f.code, f.start, f.end, f.line, f.column, f.message, f.suggestion) for f in r.findings],
             r.word_count, r.error) for r in results]


def test_jobs_give_the_same_results_in_the_same_order(tmp_path, linter):
    paths = _corpus(tmp_path)
    assert len(paths) >= MIN_PARALLEL_ARTICLES
    pairings = [Pairing(p) for p in paths]
    one = list(check_all(linter, pairings, jobs=1))
    two = list(check_all(linter, pairings, jobs=2))
    assert [r.path for r in two] == paths
    assert _findings(two) == _findings(one)
    assert sum(len(r.findings) for r in one) >= len(ARTICLES)  # the fixtures do have findings


def test_article_text_is_kept_only_when_asked(tmp_path, linter):
    pairings = [Pairing(p) for p in _corpus(tmp_path)]
    dropped = list(check_all(linter, pairings, jobs=2))
    kept = list(check_all(linter, pairings, jobs=2, keep_text=True))
    assert all(r.article_text == "" for r in dropped)
    assert [r.article_text for r in kept] == [open(p.target, encoding="utf-8").read() for p in pairings]


def test_standard_input_keeps_its_place(tmp_path, linter):
    paths = _corpus(tmp_path)
    pairings = [Pairing(p) for p in paths[:5]] + [Pairing("-")] + [Pairing(p) for p in paths[5:]]
    stdin = linter.check_text("Stdin mentions Kiev.", path="<stdin>")
    results = list(check_all(linter, pairings, jobs=2, check_stdin=lambda: stdin))
    assert [r.path for r in results] == paths[:5] + ["<stdin>"] + paths[5:]
    assert [f.code for f in results[5].findings] == ["TE01"]


def test_unreadable_article_is_an_error_in_its_place(tmp_path, linter):
    paths = _corpus(tmp_path)
    broken = tmp_path / "broken.en.txt"
    broken.write_bytes(b"caf\xc3\x28 is not UTF-8")
    pairings = [Pairing(p) for p in paths[:3]] + [Pairing(str(broken))] + [Pairing(p) for p in paths[3:]]
    results = list(check_all(linter, pairings, jobs=2))
    assert results[3].path == str(broken) and results[3].error
    assert all(r.error is None for i, r in enumerate(results) if i != 3)


def test_cli_output_is_identical_for_any_number_of_jobs(tmp_path):
    _corpus(tmp_path)
    outputs = []
    for jobs in ("1", "2", "3"):
        res = invoke("check", "--no-cache", "--jobs", jobs, "--format", "json", str(tmp_path))
        assert res.exit_code == 1
        outputs.append(res.output)
    assert outputs[0] == outputs[1] == outputs[2]
    report = json.loads(outputs[0])
    assert [a["path"] for a in report["articles"]] == sorted(a["path"] for a in report["articles"])


def test_jobs_option_rejects_zero():
    res = invoke("check", "--jobs", "0", str(FIXTURES / "seed"))
    assert res.exit_code == 2 and "--jobs" in res.output


def test_default_jobs_is_the_usable_core_count():
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert default_jobs() == expected
