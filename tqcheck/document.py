"""The document model: an article's decoded text, its metadata header, paragraphs and sentences.

Every offset is a character offset into ``Document.raw``, the decoded file exactly as it was
(BOM removed). ``Document.text`` has the same length as ``raw``; the parts that are not prose
(metadata header, Markdown code, HTML tags) are blanked to spaces there, so rules search
``text`` and every offset they find points straight back into the original file.
"""
from __future__ import annotations

import bisect
import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.align import Alignment
    from tqcheck.prefilter import TextIndex

#: Larger files are refused rather than read whole into memory.
MAX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}

#: Keys that open a metadata header line ("date: 2023-05-04", "date 2023-05-04").
METADATA_KEYS = (
    "title", "date", "author", "authors", "byline", "source", "url", "link", "published",
    "updated", "modified", "lang", "language", "tags", "category", "section", "id", "slug",
)
_DATE = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
_KEYS = "|".join(METADATA_KEYS)
# "key: anything" or "key value" where a bare value must look like metadata (a date or URL).
_HEADER_LINE = re.compile(
    rf"[ \t]*(?:(?P<k1>{_KEYS})[ \t]*:[ \t]*(?P<v1>\S.*?)|(?P<k2>{_KEYS})[ \t]+(?P<v2>(?:{_DATE}|https?://\S+)))[ \t]*$",
    re.IGNORECASE,
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_PARAGRAPH_BREAK = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n)){2,}")
# Every paragraph break holds two line breaks with only spaces between: a search that starts at a
# line break (fast in C) tells whether there is any before the full pattern scans the text.
_TWO_LINE_BREAKS = re.compile(r"(?:\r\n|\r|\n)[ \t]*[\r\n]")
_WORD = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*")
#: Lone surrogates (possible in text given through the API) cannot be encoded for blingfire.
_SURROGATE = re.compile("[\ud800-\udfff]")


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
        if _SURROGATE.search(text):
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


@dataclass(eq=False)
class Document:
    """An article. ``raw`` is the decoded file; ``text`` is ``raw`` with non-prose blanked."""

    raw: str
    path: str = "<text>"
    format: str = "text"
    lang: str = "en"
    source_lang: str | None = None
    #: The source-language document this article translates, and how their segments correspond
    #: (a ``tqcheck.align.Alignment``); both None for a monolingual check.
    source: Document | None = field(default=None, repr=False)
    alignment: Alignment | None = field(default=None, repr=False)
    #: Unit-based files (XLIFF, PO, TMX): ``(start, end, unit id)`` of each unit's text, in order.
    units: list[tuple[int, int, str]] = field(default_factory=list, repr=False)
    text: str = field(init=False)
    body_start: int = field(init=False, default=0)
    metadata: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if self.format == "html":
            from tqcheck.html import visible_text

            self.text = visible_text(self.raw)
        elif self.format == "markdown":
            self.text = _mask_markdown(self.raw)
        else:
            self.text = self.raw
        self.body_start, self.metadata = _read_header(self.text)
        if self.body_start:
            self.text = _blank(self.text, 0, self.body_start)

    # -- positions -------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _LINE_BREAK.finditer(self.raw)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of *offset*."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    # -- structure -------------------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each non-blank block of the body, whitespace trimmed."""
        spans, pos = [], self.body_start
        breaks = _PARAGRAPH_BREAK.finditer(self.text, self.body_start) \
            if _TWO_LINE_BREAKS.search(self.text, self.body_start) else ()
        for m in breaks:
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(self.text)))
        return [s for s in (_trim(self.text, a, b) for a, b in spans) if s[0] < s[1]]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, from blingfire's segmenter run paragraph by paragraph."""
        from tqcheck.sentences import sentence_offsets

        out = []
        for start, end in self.paragraphs:
            chunk = _SURROGATE.sub("\ufffd", self.text[start:end])  # same length: offsets hold
            for a, b in sentence_offsets(chunk):
                if b > a and not chunk[a:b].isspace():  # blingfire splits at U+2028 into blank "sentences"
                    out.append((start + a, start + b))
        return out

    @cached_property
    def index(self) -> TextIndex:
        """What literal prefilters test (``tqcheck.prefilter``): the words of ``text`` and more."""
        from tqcheck.prefilter import TextIndex

        return TextIndex(self.text)

    @cached_property
    def word_count(self) -> int:
        return len(_WORD.findall(self.text, self.body_start))

    def unit_at(self, offset: int) -> str | None:
        """Id of the unit (XLIFF/PO/TMX) containing *offset*, or None."""
        i = bisect.bisect_right([s for s, _, _ in self.units], offset) - 1
        return self.units[i][2] if i >= 0 and offset <= self.units[i][1] else None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        sents = self.sentences
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return sents[i] if i >= 0 and offset < sents[i][1] else (offset, offset)


def read_document(path: str | Path, *, encoding: str | None = None, lang: str = "en",
                  source_lang: str | None = None, fmt: str | None = None) -> Document:
    """Read an article file; raise InputError (without the path) when it cannot be read."""
    return Document(decode(read_bytes(path), encoding), path=str(path), format=fmt or format_for(path), lang=lang,
                    source_lang=source_lang)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; InputError (without the path) otherwise.

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
        if info.st_size > MAX_BYTES:
            raise InputError(too_large(info.st_size))
        chunks, wanted = [], MAX_BYTES + 1
        while wanted > 0 and (chunk := os.read(fd, min(wanted, 1 << 20))):
            chunks.append(chunk)
            wanted -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:  # it grew while being read
        raise InputError(too_large(len(data)))
    return data


def too_large(size: int) -> str:
    return f"file is {size / 2**20:.1f} MiB, over the {MAX_BYTES // 2**20} MiB limit for one article"


# -- helpers -----------------------------------------------------------------------------------
def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks (so offsets and lines hold)."""
    return text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _read_header(text: str) -> tuple[int, dict[str, str]]:
    """Find a metadata header (YAML front matter or key/value lines) at the top of *text*."""
    fm = re.match(r"\ufeff?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", text, re.DOTALL)
    if fm:
        meta = {}
        for line in (fm.group(1) or "").splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip() and not key.startswith((" ", "\t", "-")):
                meta[key.strip().lower()] = value.strip().strip("'\"")
        return fm.end(), meta
    meta, pos, end = {}, 0, 0
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        line = m.group().rstrip("\r\n")
        if m.start() == len(text):
            break
        if not line.strip():
            if meta:  # a blank line closes the header
                end = m.end()
                break
            pos = m.end()
            continue
        h = _HEADER_LINE.fullmatch(line)
        if not h:
            break
        key = (h.group("k1") or h.group("k2")).lower()
        meta[key] = (h.group("v1") or h.group("v2")).strip()
        end = m.end()
    return (end, meta) if meta else (0, {})


def _mask_markdown(text: str) -> str:
    """Blank Markdown syntax that is not prose: code, link targets, HTML comments and tags."""
    spans = []
    for pattern in (r"(?ms)^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$",  # fenced code
                    r"`[^`\n]+`",  # inline code
                    r"<!--.*?-->",  # comments (suppression directives live here)
                    r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)",  # link target
                    r"^[ \t]{0,3}#{1,6}(?=[ \t])",  # heading marker
                    r"^[ \t]*(?:[-*+]|\d+[.)])(?=[ \t])",  # list marker
                    r"^[ \t]*>",  # blockquote marker
                    r"<https?://[^>\s]+>"):  # autolink
        flags = re.MULTILINE | re.DOTALL if pattern.startswith("<!--") else re.MULTILINE
        spans.extend(m.span() for m in re.finditer(pattern, text, flags))
    for start, end in sorted(spans):
        text = _blank(text, start, end)
    return text
