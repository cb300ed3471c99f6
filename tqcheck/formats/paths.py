"""Which files a run checks: the paths it is given, folders expanded into their article files."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tqcheck.formats.pairing import UNIT_SUFFIXES
from tqcheck.formats.read import TEXT_SUFFIXES


#: The suffixes of the files a folder is searched for, in the order error messages list them.
ARTICLE_SUFFIXES = (*TEXT_SUFFIXES, *UNIT_SUFFIXES)


def iter_article_paths(paths: tuple[str, ...], errors: list[tuple[str, str]],
                       allow_empty: bool = False) -> Iterator[str]:
    """Expand folders (recursively, sorted, no symlink loops) into article files; a path that
    does not exist, a folder that cannot be listed or (unless *allow_empty*) a folder without
    articles goes to *errors* as (path, problem)."""
    suffixes = set(ARTICLE_SUFFIXES)
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            def unreadable(exc: OSError) -> None:  # os.walk would skip an unreadable folder silently
                errors.append((exc.filename or raw, f"cannot list the folder: {exc.strerror or exc}"))

            found = False
            for root, dirs, files in os.walk(p, followlinks=False, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                        found = True
                        yield os.path.join(root, name)
            if not found and not allow_empty:  # a mistyped or empty folder must not pass a CI run
                errors.append((raw, f"no articles found under it ({', '.join(ARTICLE_SUFFIXES[:-1])} or "
                                    f"{ARTICLE_SUFFIXES[-1]} files; --allow-empty accepts that)"))
        elif p.exists() or p.is_symlink():
            yield raw
        else:
            errors.append((raw, "no such file or directory"))
