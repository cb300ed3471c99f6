"""Bilingual unit files (XLIFF 1.2 and 2.0, Gettext PO, TMX) as a pair of aligned documents.

The files are parsed by translate-toolkit's storage classes (imported lazily). Each translated
unit becomes one line of the target document and the same line of the source document, so the
two are line-aligned and every bilingual rule works on them unchanged; ``Document.units`` maps
each line back to its unit id (XLIFF ``id``, TMX ``tuid``, PO ``msgctxt`` or else ``msgid``), which
findings carry, and ``Document.file_positions`` maps each character back to its line and column
in the file, where findings are reported. Line breaks inside a unit become spaces. Units without a
translation (an empty ``msgstr``, an XLIFF unit with no target), PO headers and obsolete PO entries
are skipped.

The languages are the file's own where it declares them (PO ``Language`` and ``X-Source-Language``,
XLIFF 1.2 ``source-language``/``target-language``, XLIFF 2.0 ``srcLang``/``trgLang``, TMX ``srclang``
and the other ``xml:lang``); the run's languages apply to a file that does not.
"""
from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator
from pathlib import Path

from tqcheck.document import Document
from tqcheck.formats.read import MAX_BYTES, InputError, decode, read_bytes

_XLIFF2_NS = b"urn:oasis:names:tc:xliff:document:2"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_units(path: str | Path, *, target_lang: str = "en", source_lang: str | None = None,
               max_bytes: int = MAX_BYTES) -> tuple[Document, Document]:
    """(target, source) documents of a unit file, in the languages it declares, else *target_lang*
    and *source_lang*; InputError says what is wrong with it."""
    p = Path(path)
    data = read_bytes(p, max_bytes)  # size-checked, bounded, refuses pipes and devices
    suffix = p.suffix.lower()
    store = _parse(suffix, data)
    declared_source, declared_target = _languages(store, suffix)
    src_lang, tgt_lang = declared_source or source_lang, declared_target or target_lang
    locate = _Locator(suffix, data, tgt_lang)
    rows = []
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            locate.skip(unit)
            continue
        if unit.target is None or not str(unit.target).strip():
            locate.skip(unit)
            continue
        target = _one_line(unit.target)
        rows.append((_unit_id(unit, suffix), _one_line(unit.source), target, locate(unit, target)))
    target_text, target_units = _join([(uid, tgt) for uid, _, tgt, _ in rows])
    source_text, source_units = _join([(uid, src) for uid, src, _, _ in rows])
    target = Document(target_text, path=str(path), lang=tgt_lang, source_lang=src_lang)
    source = Document(source_text, path=f"{path} (source)", lang=src_lang or "und")
    target.units, source.units = target_units, source_units
    if all(anchors for *_, anchors in rows):
        target.file_positions = [(start + k, line, column) for (start, _, _), (*_, anchors) in zip(target_units, rows)
                                 for k, line, column in anchors]
    return target, source


def _parse(suffix: str, data: bytes):
    from io import BytesIO

    try:
        if suffix == ".po":
            from translate.storage import pypo

            return pypo.pofile(BytesIO(data))
        if suffix == ".tmx":
            from translate.storage import tmx

            # Without languages it takes the header's srclang and the other tuv as the target.
            return tmx.tmxfile(BytesIO(data), sourcelanguage=None, targetlanguage=None)
        if _XLIFF2_NS in data[:4096]:
            from translate.storage import xliff2

            return xliff2.Xliff2File(data)
        from translate.storage import xliff

        return xliff.xlifffile(data)
    except Exception as exc:  # translate-toolkit raises lxml, ValueError, AssertionError ... on bad files
        problem = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"not a readable {suffix.lstrip('.').upper()} file: {problem}") from None


def _languages(store, suffix: str) -> tuple[str | None, str | None]:
    """The (source, target) languages the file declares, as bare language codes (``en-GB`` -> ``en``)."""
    if suffix == ".po":
        return _code(store.parseheader().get("X-Source-Language")), _code(store.gettargetlanguage())
    if suffix == ".tmx":
        source = _code(store.getsourcelanguage())
        return source, next((lang for unit in store.units for lang in map(_code, _tuv_languages(unit))
                             if lang and lang != source), None)
    return _code(store.getsourcelanguage()), _code(store.gettargetlanguage())


def _code(value) -> str | None:
    code = str(value or "").strip().split("-")[0].split("_")[0].lower()
    return code if code and code != "*all*" else None


def _tuv_languages(unit) -> list[str]:
    return [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") or tuv.get("lang") or ""
            for tuv in unit.xmlelement if _local(tuv) == "tuv"]


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _unit_id(unit, suffix: str) -> str:
    element = getattr(unit, "xmlelement", None)
    if element is not None:
        for attr in ("id", "tuid"):
            if element.get(attr):
                return element.get(attr)
    if suffix == ".po":
        context = unit.getcontext() if hasattr(unit, "getcontext") else ""
        return context or str(unit.source)[:60]
    return unit.getid().split("\x04")[-1]


def _one_line(text) -> str:
    return " ".join(str(text or "").split())


def _join(rows: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    parts, units, pos = [], [], 0
    for uid, text in rows:
        units.append((pos, pos + len(text), uid))
        parts.append(text)
        pos += len(text) + 1
    return "\n".join(parts) + ("\n" if parts else ""), units


# -- where each unit's text is in the file ------------------------------------------------------------
class _Locator:
    """Finds each unit's translation in the file's own text and says where each of its characters
    is, as ``(offset in the unit's text, line, column)`` anchors (see ``Document.file_positions``).

    The file is read again as text: PO strings are unescaped (``\\"``, ``\\n``, continuation lines),
    XML text has its entities, CDATA sections and inline tags undone, and runs of whitespace fold
    into one space as in the unit's text. When the text found is not the unit's, the unit's
    characters are counted from the start of its translation in the file. Units come in file
    order, so each search starts where the last one ended.
    """

    def __init__(self, suffix: str, data: bytes, target_lang: str | None) -> None:
        try:
            self.text: str | None = decode(data)
        except InputError:
            self.text = None
        self.suffix, self.target_lang, self.cursor = suffix, target_lang, 0
        if self.text is not None:
            self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
            if suffix == ".po":  # the first string of every entry, in file order (obsolete ones are "#~ msgstr")
                self.msgstrs = iter(m.end() for m in re.finditer(r'^msgstr(?:\[0\])?[ \t]*"', self.text, re.MULTILINE))

    def skip(self, unit) -> None:
        """A unit that is not checked still holds its place in the file."""
        if self.text is not None and self.suffix == ".po" and not unit.isobsolete():
            next(self.msgstrs, None)

    def __call__(self, unit, text: str) -> list[tuple[int, int, int]] | None:
        if self.text is None:
            return None
        start = next(self.msgstrs, None) if self.suffix == ".po" else self._content_start(unit)
        if start is None:
            return None
        runs = _po_runs(self.text, start) if self.suffix == ".po" else _xml_runs(self.text, start)
        return [(k, *self._line_col(offset)) for k, offset in _folded(runs, text) or [(0, start)]]

    def _content_start(self, unit) -> int | None:
        """Where the text of the unit's translation element (XLIFF ``target``, TMX ``seg``) begins:
        the first such tag from its line, or in TMX, the seg of the translation's tuv in its tu."""
        element, nth = _translation_element(unit, self.suffix, self.target_lang)
        if element is None or element.sourceline is None:
            return None
        anchor = unit.xmlelement if self.suffix == ".tmx" else element
        pos = max(self.line_starts[min(anchor.sourceline, len(self.line_starts)) - 1], self.cursor)
        if self.suffix == ".tmx":
            tu = re.compile(r"<(?:[\w.-]+:)?tu(?:\s[^>]*)?>").search(self.text, pos)
            pos = tu.end() if tu else pos
        tag = "seg" if self.suffix == ".tmx" else "target"
        found = None
        for found in re.compile(rf"<(?:[\w.-]+:)?{tag}(?:\s[^>]*)?>").finditer(self.text, pos):
            if nth == 0:
                break
            nth -= 1
        if found is None:
            return None
        self.cursor = found.end()
        return found.end()

    def _line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1


def _translation_element(unit, suffix: str, target_lang: str | None):
    """The element that holds the unit's translation, and (TMX) how many segs of its tu come before it."""
    element = unit.xmlelement
    if suffix != ".tmx":
        return next((e for e in element.iter() if _local(e) == "target"), None), 0
    tuvs = [tuv for tuv in element if _local(tuv) == "tuv"]
    langs = [_code(lang) for lang in _tuv_languages(unit)]
    nth = next((i for i, lang in enumerate(langs) if lang == target_lang), len(tuvs) - 1)
    if nth < 0:
        return None, 0
    return next((e for e in tuvs[nth] if _local(e) == "seg"), None), nth


_TOKEN = re.compile(r"\S+|\s+")


def _folded(runs: Iterator[tuple[str, int]], expected: str) -> list[tuple[int, int]] | None:
    """Where the text of *runs* (pieces of text, each at consecutive offsets from the one given)
    is, once its whitespace is folded as ``_one_line`` folds it: ``(k, offset)`` anchors, the k-th
    character of the folded text at *offset* and the ones after it at the offsets after it, up
    to the next anchor. None when the folded text is not *expected*."""
    pieces, anchors = [], []
    k, end, space = 0, -1, None
    for piece, offset in runs:
        for m in _TOKEN.finditer(piece):
            if m.group()[0].isspace():
                if k and space is None:
                    space = offset + m.start()
                continue
            for token, at in ((" ", space), (m.group(), offset + m.start())):
                if at is None:
                    continue
                if at != end:
                    anchors.append((k, at))
                pieces.append(token)
                k, end, space = k + len(token), at + len(token), None
            if k >= len(expected):
                return anchors if "".join(pieces) == expected else None
    return anchors if "".join(pieces) == expected else None


_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_PO_PIECE = re.compile(r'[^"\\\r\n]+|\\(.)')
_PO_NEXT_LINE = re.compile(r'"[ \t]*(?:\r\n|\r|\n)[ \t]*"')  # the string goes on on the next line


def _po_runs(text: str, start: int) -> Iterator[tuple[str, int]]:
    """The PO string whose first quoted part starts at *start*, unescaped, through its
    continuation lines: runs of text with the offset of their first character."""
    pos = start
    while True:
        while m := _PO_PIECE.match(text, pos):
            yield (m.group() if m.group(1) is None else _PO_ESCAPES.get(m.group(1), m.group(1))), m.start()
            pos = m.end()
        m = _PO_NEXT_LINE.match(text, pos)
        if m is None:
            return
        pos = m.end()


_XML_PIECE = re.compile(r"<!\[CDATA\[(?P<cdata>.*?)\]\]>|<!--.*?-->|<[^>]*>|(?P<entity>&(?:#x[0-9a-fA-F]+|#[0-9]+|"
                        r"[A-Za-z][\w.-]*);)|(?P<text>[^<&]+|&)", re.DOTALL)


def _xml_runs(text: str, start: int) -> Iterator[tuple[str, int]]:
    """XML content from *start*: runs of text with the offset of their first character, entities
    undone, CDATA read as it is, tags and comments skipped (their text, if any, is the unit's too)."""
    pos = start
    while m := _XML_PIECE.match(text, pos):
        if m.group("cdata") is not None:
            yield m.group("cdata"), m.start("cdata")
        elif m.group("entity"):
            yield html.unescape(m.group("entity")), m.start()
        elif m.group("text"):
            yield m.group("text"), m.start()
        pos = m.end()
