"""The same input gives byte-identical output: across runs and processes, hash seeds, worker counts,
the cache, and whatever the machine around it says (time zone, locale, terminal, home, working folder)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FIXTURES, REPO

#: Monolingual articles in three formats, a paired article with source and reference, unit files.
INPUTS = [REPO / "examples", FIXTURES / "seed" / "kremlin-drones-2023-05-04.en.txt", FIXTURES / "bilingual"]


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for source in INPUTS:
        if source.is_dir():
            shutil.copytree(source, folder / source.name)
        else:
            shutil.copy(source, folder / source.name)
    return folder


def run(articles, *options, seed="0", cache_dir=None):
    env = {**os.environ, "PYTHONHASHSEED": seed, "TQCHECK_CACHE_DIR": str(cache_dir or articles / f"cache-{seed}")}
    res = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--exit-zero", *options, "."],
                         cwd=articles, env=env, capture_output=True, timeout=300)
    assert res.returncode == 0, res.stderr.decode()
    assert res.stdout
    return res.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_repeated_runs_with_other_hash_seeds_are_byte_identical(articles, fmt):
    first = run(articles, "--format", fmt, "--no-cache", "--jobs", "1", seed="1")
    assert run(articles, "--format", fmt, "--no-cache", "--jobs", "1", seed="2") == first
    assert run(articles, "--format", fmt, "--no-cache", "--jobs", "1", seed="3") == first


def test_worker_count_and_cache_do_not_change_the_output(articles, tmp_path):
    one = run(articles, "--format", "json", "--no-cache", "--jobs", "1")
    report = json.loads(one)
    assert len(report["articles"]) >= 8 and report["corpus"]["findings"] > 20, "the runs compare real findings"
    assert run(articles, "--format", "json", "--no-cache", "--jobs", "2", seed="5") == one
    cold = run(articles, "--format", "json", "--jobs", "2", cache_dir=tmp_path / "cache")
    warm = run(articles, "--format", "json", "--jobs", "1", cache_dir=tmp_path / "cache")
    assert cold == warm == one


# -- the fuzzers' seed corpus, checked by two processes ----------------------------------------------
#: fuzz/fuzz_reader.py: the first byte of an input picks the format, the rest is the article.
FUZZ_SUFFIXES = (".txt", ".md", ".html")


def test_the_fuzz_corpus_gives_the_same_bytes_in_two_processes(tmp_path):
    """Every rule (``--select ALL``) over the inputs ``make fuzz`` starts from: unreadable ones,
    odd markup, cut UTF-8, in two processes with other hash seeds and worker counts."""
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "fuzz" / "seed_corpus.py"), str(corpus)], check=True,
                   capture_output=True, timeout=120)
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(corpus.iterdir()):
        data = seed.read_bytes()
        (folder / f"{seed.name}{FUZZ_SUFFIXES[data[0] % 3]}").write_bytes(data[1:])
    command = [sys.executable, "-m", "tqcheck", "check", "--select", "ALL", "--no-pair", "--no-cache",
               "--exit-zero", "--format", "json", "."]
    runs = []
    for hash_seed, jobs in (("1", "1"), ("2", "2")):
        res = subprocess.run([*command, "--jobs", jobs], cwd=folder, capture_output=True, timeout=600,
                             env={**os.environ, "PYTHONHASHSEED": hash_seed})
        assert b"Traceback" not in res.stderr, res.stderr.decode()
        runs.append((res.returncode, res.stdout, res.stderr))
    assert runs[0] == runs[1]
    report = json.loads(runs[0][1])
    assert len(report["articles"]) == len(list(corpus.iterdir())) >= 30
    assert report["corpus"]["findings"] > 50, "the runs compare real findings"


# -- the machine around the run ---------------------------------------------------------------------
#: Variables that could reach a verdict or its output, and values far from the usual ones.
ENVIRONMENTS = {
    "clock": {"TZ": "Pacific/Kiritimati"},  # UTC+14: another date than UTC for part of each day
    "C locale": {"LC_ALL": "C", "LANG": "C"},
    "Turkish locale": {"LC_ALL": "tr_TR.UTF-8", "LANG": "tr_TR.UTF-8"},  # i/I case mapping
    "Latin-1 locale": {"LC_ALL": "de_DE.ISO-8859-1", "LANG": "de_DE.ISO-8859-1", "PYTHONIOENCODING": "latin-1"},
    "hash seed": {"PYTHONHASHSEED": "4242"},
    "narrow terminal": {"COLUMNS": "20", "LINES": "5", "TERM": "dumb", "NO_COLOR": "1"},
    "wide colour terminal": {"COLUMNS": "400", "TERM": "xterm-256color", "FORCE_COLOR": "1", "CLICOLOR_FORCE": "1"},
    "home and working folder": {},  # machine() gives every run new ones
}
#: What the usual run is given: every variable above at a common value or unset.
_BASE = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0", "TERM": "xterm"}
_UNSET = {"PYTHONIOENCODING", "COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "TQCHECK_CACHE_DIR"}


def machine(tmp_path_factory, articles, fmt: str, changes: dict | None = None) -> tuple[int, bytes, bytes]:
    """``tqcheck`` over *articles* (an absolute path) in the usual environment with *changes*, from
    a new working folder with a new home folder."""
    env = {k: v for k, v in os.environ.items() if k not in _UNSET and not k.startswith("LC_")}
    env.update(_BASE, HOME=str(tmp_path_factory.mktemp("home")), **(changes or {}))
    cwd = tmp_path_factory.mktemp("cwd")
    output = cwd / "report"
    command = ["report", "--format", "html", "-o", output.name] if fmt == "html" else \
        ["check", "--exit-zero", "--format", fmt]
    res = subprocess.run([sys.executable, "-m", "tqcheck", *command, "--no-cache", "--jobs", "1", str(articles)],
                         cwd=cwd, env=env, capture_output=True, timeout=300)
    if fmt == "html":  # the pages, in file order
        pages = b"".join(p.name.encode() + b"\n" + p.read_bytes() for p in sorted(output.iterdir()))
        return res.returncode, pages, res.stderr
    return res.returncode, res.stdout, res.stderr


@pytest.fixture(scope="module")
def usual(tmp_path_factory, articles):
    return {fmt: machine(tmp_path_factory, articles, fmt) for fmt in ("text", "json")}


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_the_environment_does_not_change_the_output(tmp_path_factory, articles, usual, name):
    for fmt, expected in usual.items():
        assert expected[0] == 0 and expected[1] and b"Traceback" not in expected[2], expected[2].decode()
        assert machine(tmp_path_factory, articles, fmt, ENVIRONMENTS[name]) == expected, f"{fmt} output, {name}"


@pytest.mark.parametrize("fmt", ["sarif", "junit", "markdown", "github", "jsonl", "html"])
def test_every_format_is_the_same_on_another_machine(tmp_path_factory, articles, fmt):
    """Each other format, under every change of ENVIRONMENTS at once."""
    expected = machine(tmp_path_factory, articles, fmt)
    assert expected[0] == 0 and expected[1] and b"Traceback" not in expected[2], expected[2].decode()
    everything = {k: v for changes in ENVIRONMENTS.values() for k, v in changes.items()}
    assert machine(tmp_path_factory, articles, fmt, everything) == expected


def test_language_identification_does_not_depend_on_the_file_system_order(monkeypatch):
    """langdetect loads its language profiles in ``os.listdir`` order, which differs between file
    systems and changes the last digits of its probabilities; tqcheck.text.langid loads them sorted."""
    from langdetect import DetectorFactory, detector_factory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    from tqcheck.text import langid

    lines = [*(FIXTURES / "seed" / "kremlin-drones-2023-05-04.en.txt").read_text(encoding="utf-8").splitlines(),
             *(FIXTURES / "bilingual" / "news.ru.txt").read_text(encoding="utf-8").splitlines(),
             "Das ist ein Satz auf Deutsch.", "C'est une phrase en français.", "Esto es una frase."]
    sentences = [line for line in lines if any(c.isalpha() for c in line)]

    def probabilities(names):
        factory = DetectorFactory()
        factory.load_json_profile([Path(PROFILES_DIRECTORY, n).read_text(encoding="utf-8") for n in names])
        found = []
        for sentence in sentences:
            detector = factory.create()
            detector.append(sentence)
            found.append(detector.get_probabilities()[0].prob)
        return found

    names = sorted(n for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith("."))
    assert probabilities(names) != probabilities(names[::-1]), "the load order does matter to langdetect"

    def identified(order):
        listdir = os.listdir
        with monkeypatch.context() as patch:
            patch.setattr(os, "listdir", lambda path: order(listdir(path)))
            patch.setattr(detector_factory, "_factory", None)  # langdetect's own, loaded once a process
            langid._factory.cache_clear()
            langid.detect.cache_clear()
            try:
                return [langid.detect(s) for s in sentences]
            finally:
                langid._factory.cache_clear()
                langid.detect.cache_clear()

    forward = identified(sorted)
    assert {lang for lang, _ in forward} >= {"en", "ru", "de"}
    assert identified(lambda names: sorted(names, reverse=True)) == forward
