"""Language identification: the only module that touches ``langdetect`` (seeded, cached)."""
from __future__ import annotations

from functools import lru_cache

SEED = 0


@lru_cache(maxsize=1)
def _factory():
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = SEED  # langdetect is random unless seeded; we want byte-stable output
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


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
