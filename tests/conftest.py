import hashlib
import importlib
import os
import pkgutil

import pytest
from helpers import shipped_registry

import tqcheck


def _import_every_tqcheck_module() -> None:
    """Hypothesis draws some examples from the literals of the project's modules that are imported
    when a test runs (``hypothesis.internal.conjecture.providers``), so which tests ran before a
    derandomized test would change its examples. With every module imported first, they do not."""
    for module in pkgutil.walk_packages(tqcheck.__path__, "tqcheck."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)


_import_every_tqcheck_module()


def _cache_folder(tmp_path_factory, request) -> str:
    name = hashlib.blake2b(request.node.nodeid.encode(), digest_size=8).hexdigest()
    return str(tmp_path_factory.getbasetemp() / "tqcheck-cache" / name)


@pytest.fixture(scope="module", autouse=True)
def _module_result_cache(request, tmp_path_factory):
    """The result cache of a module's fixtures (set up before any test's own, below)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TQCHECK_CACHE_DIR", _cache_folder(tmp_path_factory, request))
        yield


@pytest.fixture(autouse=True)
def _own_result_cache(request, monkeypatch, tmp_path_factory):
    """Each test has a result cache of its own, outside the checkout: no test reads results another
    test left behind (one that monkeypatched a rule, say), and no test writes into the checkout."""
    monkeypatch.setenv("TQCHECK_CACHE_DIR", _cache_folder(tmp_path_factory, request))


def pytest_terminal_summary(terminalreporter, config):
    """The seed of the random test order (pytest-randomly prints it in the header, which -q hides)."""
    if config.pluginmanager.hasplugin("randomly"):
        seed = config.getoption("randomly_seed")
        terminalreporter.write_line(f"tests ran in random order; this order again: pytest -p randomly --randomly-seed={seed}")


@pytest.fixture(scope="session")
def registry():
    """The shipped rules, loaded once per session (``helpers.shipped_registry``)."""
    return shipped_registry()


@pytest.fixture(scope="session")
def linter(registry):
    from tqcheck.engine.linter import Linter

    return Linter(registry=registry)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for the HTML report tests (tests/chromium.py); CI must have one."""
    from chromium import Browser, find_browser

    executable = find_browser()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: .ci/run installs chromium; none was found")
        pytest.skip("no Chromium found (install the 'chromium' package or set TQCHECK_CHROMIUM)")
    b = Browser(executable)
    yield b
    b.close()
