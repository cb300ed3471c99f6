"""tqcheck: translation-quality checks for machine-translated articles.

The CLI is a thin layer over this API::

    import tqcheck
    result = tqcheck.check_text("Drones flew over Kiev.")
    [f.code for f in result.findings]   # ['TE01']
"""
from __future__ import annotations

from tqcheck.version import __version__

__all__ = ["__version__", "check_text", "check_file", "Linter", "Config"]


def __getattr__(name: str):
    # Lazy: `import tqcheck` stays cheap; the engine and its rules load on first use.
    if name in ("Linter", "ArticleResult"):
        from tqcheck.engine import linter

        return getattr(linter, name)
    if name == "Config":
        from tqcheck.engine.config import Config

        return Config
    raise AttributeError(name)


def check_text(text: str, *, config=None, path: str = "<text>", fmt: str = "text"):
    """Check an article given as a string; returns an ``ArticleResult``."""
    from tqcheck.engine.linter import Linter

    return Linter(config).check_text(text, path=path, fmt=fmt)


def check_file(path, *, config=None, encoding: str | None = None):
    """Check an article file; an unreadable file gives a result whose ``error`` says why."""
    from tqcheck.engine.linter import Linter

    return Linter(config).check_file(path, encoding=encoding)
