"""What is installed, read from the distribution folders on ``sys.path``
(``name-1.2.dist-info``, ``name-1.2-py3.11.egg-info``) instead of through ``importlib.metadata``,
whose import alone cost more than the rest of ``tqcheck check``'s start-up. Only the two
questions start-up asks are answered here; everything else uses ``importlib.metadata``."""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator


def _normalise(project: str) -> str:
    return re.sub(r"[-_.]+", "_", project).lower()


def _distribution_folders() -> Iterator[tuple[str, str, str]]:
    """(folder, normalised project name, version) of each distribution, in ``sys.path`` order;
    a path entry that is a file (a zip archive) is yielded as ("", "", path)."""
    for entry in sys.path:
        folder = entry or "."
        if os.path.isfile(folder):
            yield "", "", folder
            continue
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                project, _, version = name.rsplit(".", 1)[0].partition("-")
                yield os.path.join(folder, name), _normalise(project), version


def version(project: str) -> str | None:
    """The installed version of *project* (the first found on ``sys.path``, as importlib finds it)."""
    return versions([project])[project]


def versions(projects: list[str]) -> dict[str, str | None]:
    """``version`` of each of *projects*, from one look at the distribution folders."""
    wanted = {_normalise(p): p for p in projects}
    found: dict[str, str | None] = dict.fromkeys(projects)
    for _, name, version_ in _distribution_folders():
        if name in wanted:
            project = wanted.pop(name)
            found[project] = version_
            if not wanted:
                break
    return found


def may_declare_plugins() -> bool:
    """False only when no distribution's ``entry_points.txt`` has a ``[tqcheck.…]`` group, so
    that plugin discovery can skip ``importlib.metadata``; a zip archive on the path is a maybe."""
    for folder, name, _ in _distribution_folders():
        if not name:
            return True
        try:
            with open(os.path.join(folder, "entry_points.txt"), "rb") as declared:
                if b"[tqcheck." in declared.read():
                    return True
        except OSError:
            continue
    return False
