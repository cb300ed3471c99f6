"""Which files go together: a translation, its source and (for scoring) a reference.

Conventions, tried in this order for each article the run is given:

1. ``--source PATH`` / ``--ref PATH`` name them outright (one article only).
2. Unit-based files (``.xlf``/``.xliff``, ``.po``, ``.tmx``) hold source and target together.
3. Corpus layout (WMT): ``mt.<SYSTEM>.<tgt>.txt`` pairs with ``source.<lang>.txt`` and
   ``ref.<tgt>.txt`` in the same folder; ``ref.<tgt>.txt`` itself is checked against the source.
4. Siblings: ``article.en.txt`` pairs with ``article.<lang>.txt`` (the source, its language from the
   suffix) and ``article.ref.en.txt`` (the reference); ``article.ref.en.txt`` is checked against the source.

A file that is the source of another article in the run is not checked as an article itself. Two
candidates for the same role (``article.ru.txt`` and ``article.uk.txt``) are an error for that
article; a corpus-layout ``mt.*`` file without a source is checked alone, with a warning.
Reading and aligning happen here, before any rule runs.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqcheck.document import Document
from tqcheck.formats.read import MAX_BYTES, TEXT_SUFFIXES, InputError, read_document

UNIT_SUFFIXES = {".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".tmx": "tmx"}
_LANG = r"[a-z]{2,3}"


@dataclass(frozen=True)
class Pairing:
    """An article to check and the files it is compared with."""

    target: str
    source: str | None = None
    reference: str | None = None
    source_lang: str | None = None
    #: "text" (separate files) or "units" (one bilingual file: XLIFF, PO, TMX).
    kind: str = "text"
    warnings: tuple[str, ...] = field(default=())
    #: The target language its file name gave (``mt.SYSTEM.de.txt``), when it paired by it.
    target_lang: str | None = None


class PairingError(Exception):
    """No usable pairing; the message says why (the CLI adds the path)."""


def plan(paths: Sequence[str], *, source: str | None = None, reference: str | None = None,
         target_lang: str = "en", source_lang: str | None = None,
         pair: bool = True, name_langs: bool = True) -> tuple[list[Pairing], list[tuple[str, str]]]:
    """Pair each article of *paths*; returns the pairings and (path, problem) errors. With
    *name_langs* (no --target-lang given), an article that finds no source as a *target_lang* file
    is paired as a file of the language its name gives (``mt.SYSTEM.de.txt``)."""
    paths = list(paths)
    if source or reference:
        articles = [p for p in paths if p != "-"]
        if len(paths) != 1 or not articles:
            return [], [(", ".join(paths) or "-", "--source/--ref need exactly one article file")]
        lang = source_lang or (_suffix_lang(source, target_lang) if source else None)
        return [Pairing(articles[0], source, reference, lang)], []
    if not pair:
        return [Pairing(p) for p in paths], []
    pairings, errors = [], []
    for p in paths:
        try:
            pairings.append(find_pairing(p, target_lang=target_lang, source_lang=source_lang))
        except PairingError as exc:
            errors.append((p, str(exc)))
    if name_langs:  # a lone article that is nobody's source: paired in its file name's language
        taken = {os.path.realpath(x.source) for x in pairings if x.source}
        for i, found in enumerate(pairings):
            named = _name_lang(found.target) if found.kind == "text" and not found.source else None
            if named and named != target_lang and os.path.realpath(found.target) not in taken:
                try:
                    pairings[i] = replace(find_pairing(found.target, target_lang=named, source_lang=source_lang),
                                          target_lang=named)
                except PairingError as exc:
                    errors.append((found.target, str(exc)))
    # realpath, not Path.resolve(): a symlink loop must not raise here (its read reports it)
    sources = {os.path.realpath(x.source) for x in pairings if x.source}
    kept = [x for x in pairings if x.target == "-" or os.path.realpath(x.target) not in sources]
    return kept, errors


def find_pairing(path: str, *, target_lang: str = "en", source_lang: str | None = None) -> Pairing:
    """The source and reference of *path* by the conventions above (none found: a lone article)."""
    if path == "-":
        return Pairing(path)
    p = Path(path)
    if p.suffix.lower() in UNIT_SUFFIXES:
        return Pairing(path, source_lang=source_lang, kind="units")
    name, folder, tgt = p.name, p.parent, re.escape(target_lang)
    ext = rf"(?:{'|'.join(re.escape(s) for s in TEXT_SUFFIXES)})"
    layout = re.fullmatch(rf"(?:mt\.(?P<system>.+)|ref(?:\.[^.]+)?)\.{tgt}{ext}", name, re.IGNORECASE)
    if layout:
        sources = _candidates(folder, rf"source\.(?P<lang>{_LANG}){ext}", target_lang)
        refs = [] if not layout.group("system") else _candidates(folder, rf"ref(?:\.[^.]+)?\.{tgt}{ext}", None)
        if not sources and layout.group("system"):
            return Pairing(path, warnings=(f"no source file beside it (looked for source.<lang>{p.suffix}); "
                                           "bilingual rules skipped",))
    else:
        stem = re.fullmatch(rf"(?P<stem>.+?)(?P<ref>\.ref)?\.{tgt}{ext}", name, re.IGNORECASE)
        if not stem:
            return Pairing(path, source_lang=source_lang)
        base = re.escape(stem.group("stem"))
        sources = _candidates(folder, rf"{base}\.(?P<lang>{_LANG}){ext}", target_lang)
        refs = [] if stem.group("ref") else _candidates(folder, rf"{base}\.ref\.{tgt}{ext}", None)
    if source_lang:
        sources = [s for s in sources if s[1] == source_lang] or sources
    if len(sources) > 1:
        raise PairingError(f"ambiguous source: {', '.join(str(s) for s, _ in sources)}; pass --source")
    if len(refs) > 1:
        raise PairingError(f"ambiguous reference: {', '.join(str(r) for r, _ in refs)}; pass --ref")
    src, lang = sources[0] if sources else (None, source_lang)
    ref = refs[0][0] if refs else None
    return Pairing(path, str(src) if src else None, str(ref) if ref else None, lang)


def _candidates(folder: Path, pattern: str, exclude_lang: str | None) -> list[tuple[Path, str | None]]:
    found = []
    try:
        names = sorted(x.name for x in folder.iterdir() if x.is_file())
    except OSError:
        return []
    for name in names:
        m = re.fullmatch(pattern, name, re.IGNORECASE)
        if not m:
            continue
        lang = m.groupdict().get("lang")
        lang = lang.lower() if lang else None
        if lang and (lang == exclude_lang or lang == "ref"):
            continue
        found.append((folder / name, lang))
    return found


def _name_lang(path: str) -> str | None:
    from tqcheck.text.article_language import language_from_name

    return language_from_name(path)


def _suffix_lang(path: str, target_lang: str) -> str | None:
    m = re.search(rf"\.({_LANG})\.[^.]+$", Path(path).name, re.IGNORECASE)
    return m.group(1).lower() if m and m.group(1).lower() not in (target_lang, "ref") else None


# -- reading ----------------------------------------------------------------------------------
@dataclass
class PairedDocuments:
    """The target (with ``source`` and ``alignment`` set when there is a source) and the reference."""

    target: Document
    reference: Document | None = None
    #: Where a unit file's own languages overrule the run's.
    warnings: list[str] = field(default_factory=list)


def read_pair(pairing: Pairing, *, encoding: str | None = None, target_lang: str = "en",
              source_lang: str | None = None, max_bytes: int = MAX_BYTES) -> PairedDocuments:
    """Read and align the files of *pairing* (each of at most *max_bytes*); InputError names the
    file that failed."""
    lang = pairing.source_lang or source_lang
    target_lang = pairing.target_lang or target_lang
    if pairing.kind == "units":
        from tqcheck.formats.units import read_units
        from tqcheck.text.align import align_documents

        target, src = read_units(pairing.target, target_lang=target_lang, source_lang=lang, max_bytes=max_bytes)
        target.source, target.alignment = src, align_documents(target, src)
        return PairedDocuments(target, warnings=[
            f"the file declares {role} language {declared}; checked as {declared} (not {given})"
            for role, declared, given in (("source", target.source_lang, lang), ("target", target.lang, target_lang))
            if given and declared and declared != given])
    target = read_document(pairing.target, encoding=encoding, lang=target_lang, source_lang=lang, max_bytes=max_bytes)
    reference = None
    if pairing.source:
        from tqcheck.text.align import align_documents  # here: a lone article never needs it (start-up)

        src = read_other(pairing.source, "source", encoding, lang or "und", max_bytes)
        target.source, target.alignment = src, align_documents(target, src)
    if pairing.reference:
        reference = read_other(pairing.reference, "reference", encoding, target_lang, max_bytes)
    return PairedDocuments(target, reference)


def read_other(path: str, role: str, encoding: str | None, lang: str, max_bytes: int = MAX_BYTES) -> Document:
    """The source or reference file at *path*; its InputError names the *role* and the path."""
    try:
        return read_document(path, encoding=encoding, lang=lang, max_bytes=max_bytes)
    except InputError as exc:
        raise InputError(f"{role} {path}: {exc}") from None


def pair_texts(target: str, source: str, *, source_lang: str | None = None, target_lang: str = "en",
               path: str = "<text>", fmt: str = "text") -> Document:
    """A target document built from strings, with its source attached and aligned (API and tests)."""
    from tqcheck.text.align import align_documents

    doc = Document(target, path=path, format=fmt, lang=target_lang, source_lang=source_lang)
    src = Document(source, path=f"{path} (source)", format=fmt, lang=source_lang or "und")
    doc.source, doc.alignment = src, align_documents(doc, src)
    return doc


def guess_script_lang(text: str) -> str | None:
    """A language guess from the script alone, for examples without a language: Cyrillic ru (uk if
    Ukrainian-only letters occur), Han zh. None otherwise."""
    if re.search(r"[іїєґІЇЄҐ]", text):
        return "uk"
    if re.search(r"[а-яёА-ЯЁ]", text):
        return "ru"
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    return None
