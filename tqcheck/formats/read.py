"""Reading an article: its bytes (bounded, refusing what is not a regular file), their encoding,
and the ``Document`` they make. Every problem is an ``InputError`` whose message names the
problem; the caller adds the path.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from tqcheck.document import LONE_SURROGATE, Document

#: Larger files are refused rather than read whole into memory (``--max-file-size`` changes it).
MAX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}


class InputError(Exception):
    """An article that cannot be read; the message names the problem, the CLI adds the path."""


@dataclass(frozen=True)
class Encoding:
    """How an article's bytes were decoded, so that ``tqcheck fix`` can write them back the same way."""

    codec: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


#: Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
         (codecs.BOM_UTF8, "utf-8", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"))


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode an article's bytes: UTF-8 (BOM optional), UTF-16/32 with BOM, or *encoding*."""
    return decode_with_encoding(data, encoding)[0]


def decode_with_encoding(data: bytes, encoding: str | None = None) -> tuple[str, Encoding]:
    """The decoded text of *data* and the :class:`Encoding` that writes it back; InputError if it is not text."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
        if LONE_SURROGATE.search(text):
            raise InputError(f"decoding as {encoding} gives lone surrogates: not a text encoding")
        return text, Encoding(encoding)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), Encoding(codec, bom)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {label} (after its byte-order mark) at offset {exc.start + len(bom)}") from None
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(_utf16_without_bom(head) or "binary file (NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), Encoding("utf-8")
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        if exc.reason == "unexpected end of data":
            where = f"truncated: the file ends inside a character ({where})"
        raise InputError(f"not valid UTF-8 ({where}); pass --encoding (e.g. latin-1, cp1251) for legacy encodings") from None


def _utf16_without_bom(head: bytes) -> str | None:
    """A hint when NUL-laden bytes read as UTF-16 without a byte-order mark (mostly-ASCII text)."""
    even, odd = head[0::2], head[1::2]
    for codec, zeros, chars in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if len(head) >= 2 and zeros.count(0) >= 0.9 * len(zeros) and chars.count(0) <= 0.1 * len(chars):
            try:
                head[: len(head) // 2 * 2].decode(codec)
            except UnicodeDecodeError:
                continue
            return f"looks like {codec.upper()} without a byte-order mark; pass --encoding {codec}"
    return None


def format_for(path: str | Path) -> str:
    return TEXT_SUFFIXES.get(Path(str(path)).suffix.lower(), "text")


def read_document(path: str | Path, *, encoding: str | None = None, lang: str = "en",
                  source_lang: str | None = None, fmt: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read an article file; raise InputError (without the path) when it cannot be read."""
    return Document(decode(read_bytes(path, max_bytes), encoding), path=str(path), format=fmt or format_for(path),
                    lang=lang, source_lang=source_lang)


def read_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most *max_bytes*; InputError (without the path) otherwise.

    The size is checked before reading and the read is bounded, so a huge or growing file is never
    read whole; a FIFO or device is refused without blocking on it.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as exc:
        raise InputError("symbolic link loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file (a device, pipe or socket)")
        if info.st_size > max_bytes:
            raise InputError(too_large(info.st_size, max_bytes))
        chunks, wanted = [], max_bytes + 1
        while wanted > 0 and (chunk := os.read(fd, min(wanted, 1 << 20))):
            chunks.append(chunk)
            wanted -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew while being read
        raise InputError(too_large(len(data), max_bytes))
    return data


def too_large(size: int | None, limit: int = MAX_BYTES) -> str:
    """Why a file (of *size* bytes, or None for a stream) is refused."""
    what = f"file is {size_text(size)}, over" if size is not None else "over"
    return f"{what} the {size_text(limit)} limit for one article (--max-file-size raises it)"


def size_text(n: int) -> str:
    """``20 MiB``, ``21.5 MiB``, or under a MiB ``10 KiB``."""
    if n < 2**20:
        return f"{round(n / 1024)} KiB"
    return f"{n // 2**20} MiB" if n % 2**20 == 0 else f"{n / 2**20:.1f} MiB"

