"""Which files a run checks: the paths it is given, folders expanded into their article files."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tqcheck.formats.pairing import UNIT_SUFFIXES
from tqcheck.formats.read import TEXT_SUFFIXES


def iter_article_paths(paths: tuple[str, ...], errors: list[tuple[str, str]]) -> Iterator[str]:
    """Expand folders (recursively, sorted, no symlink loops) into article files; a path that
    does not exist or a folder that cannot be listed goes to *errors* as (path, problem)."""
    suffixes = TEXT_SUFFIXES.keys() | UNIT_SUFFIXES.keys()
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            def unreadable(exc: OSError) -> None:  # os.walk would skip an unreadable folder silently
                errors.append((exc.filename or raw, f"cannot list the folder: {exc.strerror or exc}"))

            for root, dirs, files in os.walk(p, followlinks=False, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                        yield os.path.join(root, name)
        elif p.exists() or p.is_symlink():
            yield raw
        else:
            errors.append((raw, "no such file or directory"))
