"""The result cache: hits for unchanged input, misses after any change, never a failed run."""
import json

import pytest
from click.testing import CliRunner

from tqcheck.cache import ResultCache
from tqcheck.cli import main
from tqcheck.config import Config
from tqcheck.engine import Linter
from tqcheck.pairing import Pairing
from tqcheck.parallel import check_all


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


def test_corrupt_entry_is_a_miss_and_is_replaced(tmp_path, article, linter):
    cache = ResultCache(linter, tmp_path / "cache")
    first = _run(linter, cache, [article])
    key = cache.key(Pairing(str(article)))
    entry = cache.folder / key[:2] / f"{key}.pickle"
    entry.write_bytes(b"not a pickle")
    again = ResultCache(linter, tmp_path / "cache")
    assert _codes(_run(linter, again, [article])) == _codes(first)
    assert again.misses == 1 and entry.read_bytes() != b"not a pickle"


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
    assert not list((tmp_path / "cache").rglob("*.pickle"))


def test_html_needs_the_text_so_a_textless_entry_is_a_miss(tmp_path, article, linter):
    _run(linter, ResultCache(linter, tmp_path / "cache"), [article])
    cache = ResultCache(linter, tmp_path / "cache")
    results = list(check_all(linter, [Pairing(str(article))], cache=cache, keep_text=True))
    assert cache.misses == 1 and results[0].article_text.startswith("Drones flew over Kiev.")


def test_cli_uses_the_cache_and_no_cache_bypasses_it(tmp_path, article, monkeypatch):
    folder = tmp_path / "cli-cache"
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(folder))
    runner = CliRunner()
    bypass = runner.invoke(main, ["check", "--no-cache", "--format", "json", str(article)], catch_exceptions=False)
    assert not folder.exists()
    first = runner.invoke(main, ["check", "--format", "json", str(article)], catch_exceptions=False)
    assert len(list(folder.rglob("*.pickle"))) == 1
    assert (folder / "CACHEDIR.TAG").is_file() and (folder / ".gitignore").read_text().strip().endswith("*")
    second = runner.invoke(main, ["check", "--format", "json", str(article)], catch_exceptions=False)
    assert json.loads(first.output) == json.loads(second.output) == json.loads(bypass.output)
    assert first.exit_code == second.exit_code == 1
