"""Language identification: the only module that touches ``langdetect`` (seeded, cached)."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

SEED = 0


@lru_cache(maxsize=1)
def _factory():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    DetectorFactory.seed = SEED  # langdetect is random unless seeded; we want byte-stable output
    # langdetect would load its language profiles in the file system's listing order, which differs
    # between machines; that order changes the last digits of every probability (the sums behind
    # them) and breaks ties, so they are loaded in the order of their names.
    names = sorted(name for name in os.listdir(PROFILES_DIRECTORY) if not name.startswith("."))
    factory = DetectorFactory()
    factory.load_json_profile([Path(PROFILES_DIRECTORY, name).read_text(encoding="utf-8") for name in names])
    return factory


@lru_cache(maxsize=4096)
def detect(text: str) -> tuple[str, float]:
    """Most probable language of *text* and its probability; ("unknown", 0.0) if undecidable."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory()
    try:
        detector = factory.create()
        detector.append(text)
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return "unknown", 0.0
    return best.lang, best.prob
