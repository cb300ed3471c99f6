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
    is paired as a file of the language its name gives (``mt.SYSTEM.de.txt``).

    Each folder the articles are in is listed once (``FolderIndex``, one per target language), so
    planning a run costs time linear in the number of files, however many articles share a folder."""
    paths = list(paths)
    if source or reference:
        articles = [p for p in paths if p != "-"]
        if len(paths) != 1 or not articles:
            return [], [(", ".join(paths) or "-", "--source/--ref need exactly one article file")]
        lang = source_lang or (_suffix_lang(source, target_lang) if source else None)
        return [Pairing(articles[0], source, reference, lang)], []
    if not pair:
        return [Pairing(p) for p in paths], []
    index = FolderIndex(target_lang)
    pairings, errors = [], []
    for p in paths:
        try:
            pairings.append(find_pairing(p, target_lang=target_lang, source_lang=source_lang, index=index))
        except PairingError as exc:
            errors.append((p, str(exc)))
    if name_langs:  # a lone article that is nobody's source: paired in its file name's language
        taken = {index.realpath(x.source) for x in pairings if x.source}
        by_lang = {target_lang: index}
        for i, found in enumerate(pairings):
            named = _name_lang(found.target) if found.kind == "text" and not found.source else None
            if named and named != target_lang and index.realpath(found.target) not in taken:
                named_index = by_lang.setdefault(named, FolderIndex(named))
                try:
                    pairings[i] = replace(find_pairing(found.target, target_lang=named, source_lang=source_lang,
                                                       index=named_index), target_lang=named)
                except PairingError as exc:
                    errors.append((found.target, str(exc)))
    # realpath, not Path.resolve(): a symlink loop must not raise here (its read reports it)
    sources = {index.realpath(x.source) for x in pairings if x.source}
    kept = [x for x in pairings if x.target == "-" or index.realpath(x.target) not in sources]
    return kept, errors


def _ext() -> str:
    return rf"(?:{'|'.join(re.escape(s) for s in TEXT_SUFFIXES)})"


_EXT = _ext()
#: ``<stem>.<lang>.<ext>``: a sibling source of ``<stem>.<target>.<ext>`` (``source.<lang>.txt`` in
#: the corpus layout is the stem ``source``).
_LANG_FILE = re.compile(rf"(?P<stem>.+)\.(?P<lang>{_LANG}){_EXT}", re.IGNORECASE)


class FolderIndex:
    """One listing of each folder of a run: its files by the role their names give them.

    Built lazily, a folder at a time, for one target language. ``candidates`` answers what
    listing the folder and matching every name against a pattern answered before, in the same
    order (file names sorted), so pairings are unchanged."""

    def __init__(self, target_lang: str = "en") -> None:
        tgt = re.escape(target_lang)
        self.target_lang = target_lang
        self._sibling_ref = re.compile(rf"(?P<stem>.+)\.ref\.{tgt}{_EXT}", re.IGNORECASE)
        self._layout_ref = re.compile(rf"ref(?:\.[^.]+)?\.{tgt}{_EXT}", re.IGNORECASE)
        self._folders: dict[str, _Listing] = {}
        self._real: dict[str, str] = {}

    def listing(self, folder: str) -> _Listing:
        found = self._folders.get(folder)
        if found is None:
            found = self._folders[folder] = self._list(folder)
        return found

    def _list(self, folder: str) -> _Listing:
        listing = _Listing()
        try:
            with os.scandir(folder or ".") as entries:
                files = []
                for entry in entries:
                    try:
                        if entry.is_file():  # follows symlinks, as Path.is_file (a broken link is no file)
                            files.append((entry.name, entry.is_symlink()))
                    except OSError:
                        continue
        except OSError:
            return listing
        for name, link in sorted(files):
            listing.links[name] = link
            m = _LANG_FILE.fullmatch(name)
            if m:
                listing.by_stem.setdefault(m.group("stem").lower(), []).append((name, m.group("lang").lower()))
            m = self._sibling_ref.fullmatch(name)
            if m:
                listing.refs_by_stem.setdefault(m.group("stem").lower(), []).append(name)
            if self._layout_ref.fullmatch(name):
                listing.layout_refs.append(name)
        return listing

    def sources(self, folder: Path, stem: str) -> list[tuple[Path, str | None]]:
        """``<stem>.<lang>.<ext>`` files of *folder*, neither the target language nor ``ref``."""
        names = self.listing(str(folder)).by_stem.get(stem.lower(), ())
        return [(folder / name, lang) for name, lang in names if lang not in (self.target_lang, "ref")]

    def sibling_refs(self, folder: Path, stem: str) -> list[tuple[Path, None]]:
        return [(folder / name, None) for name in self.listing(str(folder)).refs_by_stem.get(stem.lower(), ())]

    def layout_refs(self, folder: Path) -> list[tuple[Path, None]]:
        return [(folder / name, None) for name in self.listing(str(folder)).layout_refs]

    def realpath(self, path: str) -> str:
        """``os.path.realpath(path)``, from the folder's real path when the file is no symlink."""
        folder, name = os.path.split(path)
        listing = self._folders.get(str(Path(folder))) if name else None
        if listing is None or listing.links.get(name, True):
            return os.path.realpath(path)
        real = self._real.get(folder)
        if real is None:
            real = self._real[folder] = os.path.realpath(folder or ".")
        return os.path.join(real, name)


@dataclass
class _Listing:
    #: file name -> whether it is a symlink
    links: dict[str, bool] = field(default_factory=dict)
    #: lower-cased stem -> [(name, lower-cased language)] of ``<stem>.<lang>.<ext>`` files
    by_stem: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: lower-cased stem -> names of ``<stem>.ref.<target>.<ext>`` files
    refs_by_stem: dict[str, list[str]] = field(default_factory=dict)
    #: ``ref.<target>.<ext>`` and ``ref.<name>.<target>.<ext>`` (the corpus layout's references)
    layout_refs: list[str] = field(default_factory=list)


def find_pairing(path: str, *, target_lang: str = "en", source_lang: str | None = None,
                 index: FolderIndex | None = None) -> Pairing:
    """The source and reference of *path* by the conventions above (none found: a lone article).

    *index* holds the listings of the folders already seen (``plan`` shares one over a run)."""
    if path == "-":
        return Pairing(path)
    p = Path(path)
    if p.suffix.lower() in UNIT_SUFFIXES:
        return Pairing(path, source_lang=source_lang, kind="units")
    if index is None or index.target_lang != target_lang:
        index = FolderIndex(target_lang)
    name, folder, tgt = p.name, p.parent, re.escape(target_lang)
    layout = re.fullmatch(rf"(?:mt\.(?P<system>.+)|ref(?:\.[^.]+)?)\.{tgt}{_EXT}", name, re.IGNORECASE)
    if layout:
        sources = index.sources(folder, "source")
        refs = index.layout_refs(folder) if layout.group("system") else []
        if not sources and layout.group("system"):
            return Pairing(path, warnings=(f"no source file beside it (looked for source.<lang>{p.suffix}); "
                                           "bilingual rules skipped",))
    else:
        stem = re.fullmatch(rf"(?P<stem>.+?)(?P<ref>\.ref)?\.{tgt}{_EXT}", name, re.IGNORECASE)
        if not stem:
            return Pairing(path, source_lang=source_lang)
        sources = index.sources(folder, stem.group("stem"))
        refs = [] if stem.group("ref") else index.sibling_refs(folder, stem.group("stem"))
    if source_lang:
        sources = [s for s in sources if s[1] == source_lang] or sources
    if len(sources) > 1:
        raise PairingError(f"ambiguous source: {', '.join(str(s) for s, _ in sources)}; pass --source")
    if len(refs) > 1:
        raise PairingError(f"ambiguous reference: {', '.join(str(r) for r, _ in refs)}; pass --ref")
    src, lang = sources[0] if sources else (None, source_lang)
    ref = refs[0][0] if refs else None
    return Pairing(path, str(src) if src else None, str(ref) if ref else None, lang)


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
