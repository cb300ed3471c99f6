"""Which language an article is in, without asking: the per-article target language.

In order (the first that answers wins):

1. ``--target-lang`` on the command line (*forced*): overrides everything;
2. the file name: ``article.de.txt``, ``mt.SYSTEM.de.txt``, ``ref.de.txt`` (a language code CLDR
   knows, right before the extension);
3. the file's own metadata: XLIFF ``trgLang``/``target-language``, PO ``Language:``, TMX (read by
   ``tqcheck.formats.units``; the caller passes it as *declared*), or a ``lang:``/``language:``
   line of the article's metadata header;
4. language identification of the article's text (langdetect, seeded), when the text is long
   enough and the answer clear;
5. the config's ``target-lang`` (default ``en``).

``resolve`` returns the language and how it was found (for ``--show-settings``-style notes).
"""
from __future__ import annotations

import re
from pathlib import PurePath

from tqcheck.text.locale_profile import base_language, is_known_language

#: A language code right before the extension: "article.de.txt", "mt.Lan-BridgeMT.de.txt", "x.pt-BR.md".
_NAME_LANG = re.compile(r"\.([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\.[A-Za-z0-9]+$")
#: Not languages, though they look like codes in a file name.
_NOT_LANGUAGES = frozenset({"ref", "src", "mt", "tgt", "txt", "md", "bak", "old", "new", "fix", "tmp", "out", "min"})
#: Language identification decides only on this many letters or more, at this probability or more.
MIN_LETTERS = 200
MIN_PROBABILITY = 0.95


def language_from_name(path: str | None) -> str | None:
    """The language code of a file name ("article.de.txt" -> "de"), or None."""
    if not path or path.startswith("<") or path == "-":
        return None
    m = _NAME_LANG.search(PurePath(path).name)
    if not m or m.group(1).lower() in _NOT_LANGUAGES:
        return None
    code = m.group(1)
    return code.replace("_", "-") if is_known_language(code) else None


def language_of_text(text: str) -> str | None:
    """The language of *text* by language identification, or None when it is too short or unclear."""
    sample = text[:4000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    from tqcheck.text.langid import detect

    lang, probability = detect(sample)
    if lang == "unknown" or probability < MIN_PROBABILITY:
        return None
    return {"zh-cn": "zh", "zh-tw": "zh-Hant"}.get(lang, lang)


def resolve(*, forced: str | None = None, path: str | None = None, declared: str | None = None,
            text: str = "", fallback: str = "en") -> tuple[str, str]:
    """(language, how it was found) of an article: see the module's docstring for the order."""
    if forced:
        return forced, "--target-lang"
    by_name = language_from_name(path)
    if by_name:
        return by_name, "file name"
    if declared and is_known_language(declared):
        return declared, "file metadata"
    by_text = language_of_text(text) if text else None
    if by_text:
        return by_text, "language identification"
    return fallback, "config"


def same_language(a: str | None, b: str | None) -> bool:
    return bool(a and b) and base_language(a) == base_language(b)
