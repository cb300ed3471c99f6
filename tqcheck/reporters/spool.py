"""Writing a JSON document whose lists grow as articles are checked, byte for byte as
``json.dumps(document, indent=2, ensure_ascii=False)`` would write the whole of it.

A document's totals (the corpus summary) come before its articles in the output but are known only
after the last article, so each growing list is a ``Spool``: a temporary file its items are written
to as they come, already indented for their place. ``assemble`` writes the finished skeleton with
each spool spliced in where its placeholder stands.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from typing import TextIO


def placeholder(name: str) -> str:
    """The string that stands for the spool *name* in a skeleton (NUL: no path or text has it)."""
    return f"\x00spool:{name}\x00"


def _dumps(value) -> str:
    return dumps(value)


def dumps(value, pad: str = "") -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, the same string, several times faster,
    its lines after the first indented by *pad*: the standard library writes indented JSON with its
    pure-Python encoder (its C encoder only writes unindented JSON), which made writing a large
    report a second of every run. Each container is one join of its items' strings, and the
    items of the usual exact types (str, int, float, None) are written where they stand."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is dict:
        return _object(value, pad)
    if kind is list or kind is tuple:
        return _array(value, pad)
    return _other(value, pad)


def _object(value: dict, pad: str) -> str:
    if not value:
        return "{}"
    inner = pad + "  "
    items = []
    for key, item in value.items():
        kind = type(item)
        if kind is str:
            text = _string(item)
        elif kind is int:
            text = int.__repr__(item)
        elif kind is float:
            text = _float(item)
        elif item is None:
            text = "null"
        else:
            text = dumps(item, inner)
        items.append(f"{_string(key if type(key) is str else _key(key))}: {text}")
    return "{\n" + inner + (",\n" + inner).join(items) + "\n" + pad + "}"


def _array(value, pad: str) -> str:
    if not value:
        return "[]"
    inner = pad + "  "
    return "[\n" + inner + (",\n" + inner).join([dumps(item, inner) for item in value]) + "\n" + pad + "]"


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (_INF, -_INF):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


_INF = float("inf")


def _key(key) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _other(value, pad: str) -> str:
    """A value that is not of an exact type ``dumps`` knows (None, a boolean, a subclass), tested
    in the order ``json`` tests it."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, (list, tuple)):
        return _array(value, pad)
    if isinstance(value, dict):
        return _object(value, pad)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


from json.encoder import encode_basestring as _string  # noqa: E402  (the C function where there is one)


class Spool:
    """The items of one list of the document, each written as it comes."""

    def __init__(self, name: str, pad: str) -> None:
        self.name, self.pad, self.count = name, pad, 0
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")

    def add(self, item) -> None:
        if self.count:
            self.file.write(",\n")
        self.file.write(self.pad + dumps(item, self.pad))
        self.count += 1

    def close(self) -> None:
        self.file.close()


def spools(skeleton: dict, names: list[str]) -> dict[str, Spool]:
    """A spool for each placeholder list of *skeleton* (``[placeholder(name)]``), padded as the
    placeholder is."""
    text = _dumps(skeleton)
    found = {}
    for name in names:
        token = _dumps(placeholder(name))
        at = text.index(token)
        line_start = text.rindex("\n", 0, at) + 1
        found[name] = Spool(name, text[line_start:at])
    return found


def assemble(skeleton: dict, parts: dict[str, Spool], out: TextIO) -> None:
    """Write *skeleton* (as json.dumps with indent 2 and a final newline) with every spool's items
    in place of its placeholder, then close the spools."""
    text = _dumps(skeleton)
    pos = 0
    marks = sorted((text.index(_dumps(placeholder(name))), name) for name in parts)
    for at, name in marks:
        spool = parts[name]
        token = _dumps(placeholder(name))
        if spool.count:
            out.write(text[pos:at - len(spool.pad)])
            spool.file.seek(0)
            shutil.copyfileobj(spool.file, out)
            pos = at + len(token)
        else:  # an empty list is "[]" on the line of its key
            opening = text.rindex("[", 0, at)
            closing = text.index("]", at + len(token))
            out.write(text[pos:opening] + "[]")
            pos = closing + 1
        spool.close()
    out.write(text[pos:] + "\n")
