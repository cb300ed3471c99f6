"""Bilingual unit files (XLIFF 1.2 and 2.0, Gettext PO, TMX) as a pair of aligned documents.

The files are parsed by translate-toolkit's storage classes (imported lazily). Each translated
unit becomes one line of the target document and the same line of the source document, so the
two are line-aligned and every bilingual rule works on them unchanged; ``Document.units`` maps
each line back to its unit id (XLIFF ``id``, TMX ``tuid``, PO ``msgctxt`` or else ``msgid``), which
findings carry. Line breaks inside a unit become spaces. Units without a translation (an empty
``msgstr``, an XLIFF unit with no target) and PO headers are skipped.
"""
from __future__ import annotations

from pathlib import Path

from tqcheck.document import Document
from tqcheck.formats.read import InputError, read_bytes

_XLIFF2_NS = b"urn:oasis:names:tc:xliff:document:2"


def read_units(path: str | Path, *, target_lang: str = "en", source_lang: str | None = None) -> tuple[Document, Document]:
    """(target, source) documents of a unit file; InputError says what is wrong with it."""
    p = Path(path)
    data = read_bytes(p)  # size-checked, bounded, refuses pipes and devices
    store = _parse(p.suffix.lower(), data, source_lang, target_lang)
    src_lang = source_lang or _language(store, "getsourcelanguage") or "und"
    rows = []
    for unit in store.units:
        if unit.isheader() or unit.target is None or not str(unit.target).strip():
            continue
        rows.append((_unit_id(unit, p.suffix.lower()), _one_line(unit.source), _one_line(unit.target)))
    target_text, target_units = _join([(uid, tgt) for uid, _, tgt in rows])
    source_text, source_units = _join([(uid, src) for uid, src, _ in rows])
    target = Document(target_text, path=str(path), lang=target_lang, source_lang=src_lang)
    source = Document(source_text, path=f"{path} (source)", lang=src_lang)
    target.units, source.units = target_units, source_units
    return target, source


def _parse(suffix: str, data: bytes, source_lang: str | None, target_lang: str):
    from io import BytesIO

    try:
        if suffix == ".po":
            from translate.storage import pypo

            return pypo.pofile(BytesIO(data))
        if suffix == ".tmx":
            from translate.storage import tmx

            return tmx.tmxfile(BytesIO(data), sourcelanguage=source_lang, targetlanguage=target_lang)
        if _XLIFF2_NS in data[:4096]:
            from translate.storage import xliff2

            return xliff2.Xliff2File(data)
        from translate.storage import xliff

        return xliff.xlifffile(data)
    except Exception as exc:  # translate-toolkit raises lxml, ValueError, AssertionError ... on bad files
        problem = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"not a readable {suffix.lstrip('.').upper()} file: {problem}") from None


def _language(store, getter: str) -> str | None:
    value = getattr(store, getter, lambda: None)()
    return str(value).split("-")[0].split("_")[0].lower() if value else None


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
