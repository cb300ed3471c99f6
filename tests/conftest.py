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
