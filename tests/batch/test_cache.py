"""The result cache: hits for unchanged input, misses after any change, never a failed run, and
nothing read from it ever runs (data only: JSON read back by a strict schema)."""
import ast
import json
import os
import pickle
import random
import shutil
import subprocess
import sys
from dataclasses import asdict, fields, replace
from pathlib import Path

import pytest
from helpers import FIXTURES, REPO, invoke

from tqcheck.batch import cache as cache_module
from tqcheck.batch.cache import InvalidEntry, ResultCache, decode, encode, schema
from tqcheck.batch.parallel import check_all
from tqcheck.engine.config import Config
from tqcheck.engine.linter import ArticleResult, Linter
from tqcheck.engine.suppression import Suppressed
from tqcheck.finding import Finding
from tqcheck.formats.pairing import Pairing, plan
from tqcheck.scoring.metrics import ScoredSegment

#: "Kiev" (TE01) and "The the" (RP01) in the article below.
EXPECTED = [[("TE01", 17, 21), ("RP01", 23, 30)]]


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "news.en.txt"
    path.write_text("Drones flew over Kiev. The the Kremlin said nothing.\n", encoding="utf-8")
    return path


def _run(linter, cache, paths):
    return list(check_all(linter, [Pairing(str(p)) for p in paths], cache=cache))


def _codes(results):
    return [[(f.code, f.start, f.end) for f in r.findings] for r in results]


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.json") if p.is_file())


def test_second_run_reads_every_result_back(tmp_path, article, linter):
    first_cache = ResultCache(linter, tmp_path / "cache")
    first = _run(linter, first_cache, [article])
    assert (first_cache.hits, first_cache.misses) == (0, 1)
    again = ResultCache(linter, tmp_path / "cache")
    second = _run(linter, again, [article])
    assert (again.hits, again.misses) == (1, 0)
    assert _codes(second) == _codes(first) == EXPECTED
    assert second[0].word_count == first[0].word_count and second[0].path == str(article)


def test_changed_article_is_checked_again(tmp_path, article, linter):
    _run(linter, ResultCache(linter, tmp_path / "cache"), [article])
    article.write_text("Drones flew over Kyiv.\n", encoding="utf-8")
    cache = ResultCache(linter, tmp_path / "cache")
    results = _run(linter, cache, [article])
    assert (cache.hits, cache.misses) == (0, 1)
    assert _codes(results) == [[]]


def test_changed_sidecar_is_checked_again(tmp_path, article, linter):
    _run(linter, ResultCache(linter, tmp_path / "cache"), [article])
    (tmp_path / "news.en.txt.tqignore").write_text("TE01 Kiev -- quoted on purpose\n", encoding="utf-8")
    cache = ResultCache(linter, tmp_path / "cache")
    results = _run(linter, cache, [article])
    assert cache.misses == 1
    assert [f.code for f in results[0].findings] == ["RP01"]


def test_other_rules_or_config_use_other_entries(tmp_path, article, linter):
    _run(linter, ResultCache(linter, tmp_path / "cache"), [article])
    only_te = Linter(Config(select=("TE01",)), linter.registry)
    cache = ResultCache(only_te, tmp_path / "cache")
    results = _run(only_te, cache, [article])
    assert cache.misses == 1 and [f.code for f in results[0].findings] == ["TE01"]
    severe = Linter(Config(severities={"TE01": linter.registry.get("TE01").severity.CRITICAL}), linter.registry)
    assert ResultCache(severe, tmp_path / "cache").run != ResultCache(linter, tmp_path / "cache").run


def test_unwritable_cache_never_fails_the_run(tmp_path, article, linter):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = ResultCache(linter, blocker)
    assert _codes(_run(linter, cache, [article])) == EXPECTED
    assert cache.misses == 1


def test_unreadable_articles_are_not_cached(tmp_path, linter):
    broken = tmp_path / "broken.en.txt"
    broken.write_bytes(b"caf\xc3\x28 is not UTF-8")
    cache = ResultCache(linter, tmp_path / "cache")
    results = _run(linter, cache, [broken])
    assert results[0].error
    assert not (tmp_path / "cache").exists()


def test_html_needs_the_text_so_a_textless_entry_is_a_miss(tmp_path, article, linter):
    _run(linter, ResultCache(linter, tmp_path / "cache"), [article])
    cache = ResultCache(linter, tmp_path / "cache")
    results = list(check_all(linter, [Pairing(str(article))], cache=cache, keep_text=True))
    assert cache.misses == 1 and results[0].article_text.startswith("Drones flew over Kiev.")


# -- the entry format: every field of a real result comes back as it was --------------------------
@pytest.fixture()
def varied(tmp_path):
    """Real pairings whose results hold every kind of field: a paired article (source, reference,
    metrics, scored segments), unit files (unit ids, source spans), an HTML article with a finding
    suppressed by its sidecar (and an unused suppression, a warning), and a plain article."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("news.en.txt", "news.ru.txt", "news.ref.en.txt", "units.po", "units.xlf", "article.en.html"):
        shutil.copy(FIXTURES / "bilingual" / name, folder / name)
    (folder / "article.en.html.tqignore").write_text("TE01 Kiev -- the headline quotes it\nRP01 -- none here\n",
                                                      encoding="utf-8")
    shutil.copy(FIXTURES / "seed" / "kremlin-drones-2023-05-04.en.txt", folder / "seed.en.txt")
    paths = sorted(str(p) for p in folder.iterdir() if not p.name.endswith(".tqignore"))
    pairings, errors = plan(paths)
    assert not errors
    return pairings


def _same(cached, uncached):
    """Equal field by field, including the fields dataclass equality skips (``Finding.fixable``,
    ``ScoredSegment.stats``) and the types of numbers and spans (``repr``: 12 is not 12.0)."""
    assert [asdict(r) for r in cached] == [asdict(r) for r in uncached]
    assert repr([asdict(r) for r in cached]) == repr([asdict(r) for r in uncached])
    assert cached == uncached


@pytest.mark.parametrize("keep_text", [False, True], ids=["text dropped", "html keeps the text"])
def test_cached_results_equal_uncached_ones(tmp_path, linter, varied, keep_text):
    uncached = list(check_all(linter, varied, keep_text=keep_text))
    by_path = {Path(r.path).name: r for r in uncached}
    assert by_path["news.en.txt"].metrics and by_path["news.en.txt"].scored_segments
    assert by_path["news.en.txt"].source_path and by_path["news.en.txt"].reference_path
    assert any(f.unit and f.source_start is not None for f in by_path["units.po"].findings)
    assert by_path["article.en.html"].suppressed and by_path["article.en.html"].warnings
    assert any(f.fixable for r in uncached for f in r.findings)
    assert bool(by_path["article.en.html"].article_text) == keep_text
    cold = ResultCache(linter, tmp_path / "cache")
    _same(list(check_all(linter, varied, cache=cold, keep_text=keep_text)), uncached)
    warm = ResultCache(linter, tmp_path / "cache")
    _same(list(check_all(linter, varied, cache=warm, keep_text=keep_text)), uncached)
    assert (warm.hits, warm.misses) == (len(varied), 0)


def test_an_entry_keeps_what_the_cache_never_stores_too(linter, varied):
    """Baselined findings, errors and rule errors are never stored, but the format holds them."""
    result = linter.check_pairing(next(p for p in varied if p.target.endswith("seed.en.txt")))
    full = replace(result, baselined=result.findings[:2], error="an error", rule_errors=["XX01: ValueError: x"])
    assert len(full.baselined) == 2
    has_text, back = decode(encode(full, has_text=True))
    assert has_text and asdict(back) == asdict(full) and back == full


def test_the_schema_covers_every_field_of_a_result():
    """A field added to a result class must be added to the cache format, or this fails."""
    for cls in (ArticleResult, Finding, Suppressed, ScoredSegment):
        assert set(schema()[cls.__name__].fields) == {f.name for f in fields(cls)}, cls.__name__


def _mutations(entry: bytes):
    """Entries that are not what tqcheck writes: each must be a miss."""
    def changed(edit) -> bytes:
        copy = json.loads(entry)
        edit(copy, copy["result"]["findings"][0])
        return json.dumps(copy).encode()

    yield "half an entry", entry[:len(entry) // 2]
    yield "not UTF-8", b"\xff\xfe" + entry
    yield "not an object", b"[1, 2, 3]"
    yield "another format", changed(lambda d, f: d.update(format=1))
    yield "a field missing", changed(lambda d, f: f.pop("severity"))
    yield "an unknown field", changed(lambda d, f: f.update(__class__="os.system"))
    yield "a bool for a number", changed(lambda d, f: f.update(start=True))
    yield "a float for a count", changed(lambda d, f: d["result"].update(word_count=9.0))
    yield "a string for a list", changed(lambda d, f: d["result"].update(findings="[]"))
    yield "an unknown severity", changed(lambda d, f: f.update(severity="fatal"))
    yield "has_text not a bool", changed(lambda d, f: d.update(has_text=1))
    yield "NaN for a score", changed(lambda d, f: d["result"]["metrics"]["BLEU"].update(score=float("nan")))
    yield "a span of three", changed(lambda d, f: d["result"]["scored_segments"][0].update(span=[1, 2, 3]))
    yield "deeply nested", b"[" * 100_000 + b"]" * 100_000


def test_anything_but_a_valid_entry_is_a_miss_and_is_rewritten(tmp_path, article, linter):
    reference = tmp_path / "news.ref.en.txt"
    reference.write_text("Drones flew over Kyiv. The Kremlin kept silent.\n", encoding="utf-8")
    scored = Pairing(str(article), reference=str(reference))
    first = ResultCache(linter, tmp_path / "cache")
    expected = list(check_all(linter, [scored], cache=first))
    assert expected[0].findings and expected[0].metrics and expected[0].scored_segments
    entry_path = first.path(first.key(scored))
    valid = entry_path.read_bytes()
    for label, bad in _mutations(valid):
        with pytest.raises((InvalidEntry, ValueError, RecursionError)):
            decode(bad)
        entry_path.write_bytes(bad)
        cache = ResultCache(linter, tmp_path / "cache")
        results = list(check_all(linter, [scored], cache=cache))
        assert (cache.hits, cache.misses) == (0, 1), label
        _same(results, expected)
        assert entry_path.read_bytes() == valid, f"{label}: the entry is rewritten"


def test_entries_that_are_not_regular_files_are_misses(tmp_path, article, linter):
    cache = ResultCache(linter, tmp_path / "cache")
    expected = _run(linter, cache, [article])
    entry = cache.path(cache.key(Pairing(str(article))))
    secret = tmp_path / "elsewhere.json"
    secret.write_bytes(entry.read_bytes())
    planted = {"a symlink to a valid entry": lambda: entry.symlink_to(secret),
               "a FIFO (a read would wait forever)": lambda: os.mkfifo(entry),
               "a folder": lambda: entry.mkdir()}
    for label, plant in planted.items():
        if entry.is_dir() and not entry.is_symlink():
            entry.rmdir()
        else:
            entry.unlink()
        plant()
        again = ResultCache(linter, tmp_path / "cache")
        assert _codes(_run(linter, again, [article])) == _codes(expected), label
        assert (again.hits, again.misses) == (0, 1), label
        if label != "a folder":  # a folder cannot be replaced by a rename; it stays a miss
            assert entry.is_file() and not entry.is_symlink(), f"{label}: replaced by a real entry"


def test_a_failed_write_keeps_the_old_entry_and_leaves_no_temporary_file(tmp_path, article, linter, monkeypatch):
    cache = ResultCache(linter, tmp_path / "cache")
    _run(linter, cache, [article])
    entry = cache.path(cache.key(Pairing(str(article))))
    before = entry.read_bytes()

    def interrupted(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_module.os, "replace", interrupted)
    cache.put(cache.key(Pairing(str(article))), replace(_run(linter, None, [article])[0], word_count=1), False)
    assert entry.read_bytes() == before
    assert sorted(p.name for p in entry.parent.iterdir()) == [entry.name]


def test_the_cache_module_cannot_load_code():
    """No deserialiser that can build objects or run code: only ``json``, read by the schema."""
    tree = ast.parse(Path(cache_module.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert "json" in imported, "the parse below is not vacuous"
    assert not imported & {"pickle", "marshal", "shelve", "dill", "cloudpickle", "jsonpickle", "yaml", "importlib"}
    called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not called & {"eval", "exec", "compile", "__import__"}
    assert "object_hook" not in Path(cache_module.__file__).read_text(encoding="utf-8")


# -- attacks on a cache folder that came with a checkout ------------------------------------------
class _TouchMarker:
    """A pickle that runs a shell command when it is loaded (CWE-502)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


def _cli(folder: Path) -> tuple[bytes, int]:
    """``tqcheck check --format json .`` in *folder*, with the default cache (``.tqcheck_cache/``)."""
    env = {k: v for k, v in os.environ.items() if k != "TQCHECK_CACHE_DIR"}
    res = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--format", "json", "--jobs", "1", "."],
                         cwd=folder, env=env, capture_output=True, timeout=600)
    assert b"Traceback" not in res.stderr, res.stderr.decode()
    return res.stdout, res.returncode


@pytest.fixture()
def checkout(tmp_path):
    """A folder of articles that has been checked once: its ``.tqcheck_cache/`` is filled."""
    folder = tmp_path / "checkout"
    folder.mkdir()
    for name in ("news.en.txt", "news.ru.txt", "news.ref.en.txt", "units.po", "article.en.html"):
        shutil.copy(FIXTURES / "bilingual" / name, folder / name)
    output, status = _cli(folder)
    assert json.loads(output)["corpus"]["findings"] > 0 and status == 1
    assert _entries(folder / ".tqcheck_cache")
    return folder, output, status


def _plant(root: Path, payload_for) -> int:
    """Replace every entry with a payload, and put one under the old pickle names beside it and in
    the old format's folder (``v1/<run>/<xx>/<key>.pickle``); returns how many were planted."""
    planted = 0
    for entry in _entries(root):
        old_layout = root / "v1" / entry.relative_to(root / f"v{cache_module.CACHE_FORMAT}")
        for path in (entry, entry.with_suffix(".pickle"), old_layout.with_suffix(".pickle")):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(payload_for(path))
            planted += 1
    return planted


def test_planted_pickles_never_run_and_change_nothing(checkout, tmp_path):
    folder, output, status = checkout
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_TouchMarker(marker), protocol=pickle.HIGHEST_PROTOCOL)
    pickle.loads(payload)
    assert marker.exists(), "the payload does run when unpickled"
    marker.unlink()
    assert _plant(folder / ".tqcheck_cache", lambda path: payload) >= 3
    assert _cli(folder) == (output, status)
    assert not marker.exists()
    for entry in _entries(folder / ".tqcheck_cache"):
        decode(entry.read_bytes())  # every entry was rewritten as data
    assert _cli(folder) == (output, status)
    assert not marker.exists()


def test_random_bytes_in_the_cache_change_nothing(checkout):
    folder, output, status = checkout
    rng = random.Random(12)
    assert _plant(folder / ".tqcheck_cache", lambda path: rng.randbytes(rng.randrange(0, 4096)))
    assert _cli(folder) == (output, status)
    assert _cli(folder) == (output, status)


# -- the command line ------------------------------------------------------------------------------
def test_cli_uses_the_cache_and_no_cache_bypasses_it(tmp_path, article, monkeypatch):
    folder = tmp_path / "cli-cache"
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(folder))
    bypass = invoke("check", "--no-cache", "--format", "json", str(article))
    assert not folder.exists()
    first = invoke("check", "--format", "json", str(article))
    assert len(_entries(folder)) == 1
    assert (folder / "CACHEDIR.TAG").is_file() and (folder / ".gitignore").read_text().strip().endswith("*")
    second = invoke("check", "--format", "json", str(article))
    assert json.loads(first.output) == json.loads(second.output) == json.loads(bypass.output)
    assert first.exit_code == second.exit_code == 1


def test_cache_dir_option_wins_over_the_environment(tmp_path, article, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "from-env"))
    for command in (["check", "--exit-zero"], ["report", "--format", "json"]):
        res = invoke(*command, "--cache-dir", str(tmp_path / "given"), str(article))
        assert res.exit_code == 0, res.output
    assert len(_entries(tmp_path / "given")) == 1 and not (tmp_path / "from-env").exists()
    shown = invoke("cache", "dir", "--cache-dir", str(tmp_path / "given"))
    assert shown.output.strip() == str(tmp_path / "given")
    assert invoke("cache", "dir").output.strip() == str(tmp_path / "from-env")


def test_cache_clear_deletes_every_format_and_only_the_cache(tmp_path, article, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TQCHECK_CACHE_DIR", raising=False)
    assert invoke("check", "--exit-zero", str(article)).exit_code == 0
    root = tmp_path / ".tqcheck_cache"
    old = root / "v1" / "run" / "ab" / "abcd.pickle"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"an entry of tqcheck 0.x")
    cleared = invoke("cache", "clear")
    assert cleared.exit_code == 0 and "deleted 2 cached results from .tqcheck_cache" in cleared.output
    assert not root.exists()
    again = invoke("cache", "clear")
    assert again.exit_code == 0 and "deleted 0 cached results" in again.output


def test_cache_clear_refuses_a_folder_tqcheck_did_not_make(tmp_path):
    precious = tmp_path / "project"
    (precious / "v1").mkdir(parents=True)
    (precious / "v1" / "notes.txt").write_text("mine", encoding="utf-8")
    (precious / ".gitignore").write_text("build/\n", encoding="utf-8")
    res = invoke("cache", "clear", "--cache-dir", str(precious))
    assert res.exit_code == 2
    assert res.output.count("\n") == 1 and "not a tqcheck cache" in res.output and str(precious) in res.output
    assert (precious / "v1" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_cache_in_a_folder_with_other_files_keeps_them(tmp_path, article, linter):
    """A shared folder (``--cache-dir .``, say) keeps its own .gitignore and files through a clear."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / ".gitignore").write_text("build/\n", encoding="utf-8")
    (shared / "README").write_text("ours", encoding="utf-8")
    _run(linter, ResultCache(linter, shared), [article])
    assert (shared / ".gitignore").read_text(encoding="utf-8") == "build/\n"
    assert cache_module.clear(shared) == 1
    assert sorted(p.name for p in shared.iterdir()) == [".gitignore", "README"]


def test_two_runs_sharing_a_cache_folder_at_once_give_the_uncached_output(tmp_path):
    """Two CI jobs (each with --jobs 2) filling one cache folder at the same time: whatever the
    interleaving, each reads whole entries or none, and every run prints what an uncached run does."""
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES / "bilingual", folder / "bilingual")
    shutil.copytree(REPO / "examples", folder / "examples")
    command = [sys.executable, "-m", "tqcheck", "check", "--format", "json", "--exit-zero", "--jobs", "2", "."]
    env = {**os.environ, "TQCHECK_CACHE_DIR": str(tmp_path / "shared-cache")}
    uncached = subprocess.run([*command, "--no-cache"], cwd=folder, env=env, capture_output=True, timeout=600)
    assert len(json.loads(uncached.stdout)["articles"]) >= 8, "enough articles for worker processes"
    jobs = [subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)]
    outputs = [job.communicate(timeout=600) for job in jobs]
    assert [job.returncode for job in jobs] == [0, 0]
    assert [out for out, _ in outputs] == [uncached.stdout] * 2
    assert not list((tmp_path / "shared-cache").rglob(".tmp-*")), "no temporary file is left behind"
    warm = subprocess.run(command, cwd=folder, env=env, capture_output=True, timeout=600)
    assert warm.stdout == uncached.stdout
