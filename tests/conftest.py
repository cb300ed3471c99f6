import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def registry():
    from tqcheck.registry import Registry

    return Registry.load()


@pytest.fixture(scope="session")
def linter(registry):
    from tqcheck.engine import Linter

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
