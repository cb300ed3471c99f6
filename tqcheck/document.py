"""The document model: an article's decoded text, its metadata header, paragraphs and sentences.

Every offset is a character offset into ``Document.raw``, the decoded file exactly as it was
(BOM removed). ``Document.text`` has the same length as ``raw``; the parts that are not prose
(metadata header, Markdown code, HTML tags) are blanked to spaces there, so rules search
``text`` and every offset they find points straight back into the original file.

Reading a file into a ``Document`` is ``tqcheck.formats.read``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.text.align import Alignment
    from tqcheck.text.index import TextIndex

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
# _WORD found with less work (``word_count``): possessive quantifiers (nothing follows them, so
# giving characters back never helps), and in ASCII text [^\W_] is [a-zA-Z0-9] and '’' cannot occur.
_FAST_WORD = re.compile(r"[^\W_]++(?:['’\-.][^\W_]++)*+")
_ASCII_WORD = re.compile(r"[a-zA-Z0-9]++(?:['\-.][a-zA-Z0-9]++)*+")
#: Lone surrogates (possible in text given through the API) cannot be encoded for blingfire.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(eq=False)
class Document:
    """An article. ``raw`` is the decoded file; ``text`` is ``raw`` with non-prose blanked."""

    raw: str
    path: str = "<text>"
    format: str = "text"
    lang: str = "en"
    source_lang: str | None = None
    #: The source-language document this article translates, and how their segments correspond
    #: (a ``tqcheck.text.align.Alignment``); both None for a monolingual check.
    source: Document | None = field(default=None, repr=False)
    alignment: Alignment | None = field(default=None, repr=False)
    #: Unit-based files (XLIFF, PO, TMX): ``(start, end, unit id)`` of each unit's text, in order.
    units: list[tuple[int, int, str]] = field(default_factory=list, repr=False)
    #: Unit files, whose text is built from the units: where that text is in the file, as
    #: ``(offset, line, column)`` anchors. The character at *offset* is at that line and column of
    #: the file, and the characters after it follow it on that line up to the next anchor.
    file_positions: list[tuple[int, int, int]] = field(default_factory=list, repr=False)
    #: "speech" (transcripts, subtitles) or "news"/"text"; None: decided from the text
    #: (``spoken``; config key ``domain``).
    domain: str | None = None
    text: str = field(init=False)
    body_start: int = field(init=False, default=0)
    metadata: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if self.format == "html":
            from tqcheck.text.html import visible_text

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
        """1-based line and column (in characters) of *offset* in the file: of a unit file, where
        the character is in the file itself (``file_positions``)."""
        if self.file_positions:
            i = max(bisect.bisect_right(self.file_positions, offset, key=lambda a: a[0]) - 1, 0)
            start, line, column = self.file_positions[i]
            return line, column + offset - start
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
        from tqcheck.text.sentences import sentence_offsets

        out = []
        for start, end in self.paragraphs:
            chunk = LONE_SURROGATE.sub("\ufffd", self.text[start:end])  # same length: offsets hold
            for a, b in sentence_offsets(chunk):
                if b > a and not chunk[a:b].isspace():  # blingfire splits at U+2028 into blank "sentences"
                    out.append((start + a, start + b))
        return out

    @cached_property
    def sentence_words(self) -> list[list[str]]:
        """The letter words of each sentence as written (``tqcheck.text.letter_words``): found once
        for every rule and signal that reads them."""
        from tqcheck.text.letter_words import sentence_words

        return sentence_words(self.text, self.sentences)

    @cached_property
    def _lowered_words(self) -> tuple[list[str], list[list[str]]]:
        from tqcheck.text.letter_words import lowered

        return lowered(self.sentence_words)

    @cached_property
    def sentence_lower_words(self) -> list[list[str]]:
        """``sentence_words`` lower-cased."""
        return self._lowered_words[1]

    @cached_property
    def lower_letter_words(self) -> list[str]:
        """The letter words of the whole text, lower-cased, in order: the sentences' when every
        word is inside a sentence (nearly always), else found again in the text."""
        from tqcheck.text.letter_words import LETTER_WORD, words_in_sentences_only

        if words_in_sentences_only(self.text, self.sentences):
            return self._lowered_words[0]
        return [w.lower() for w in LETTER_WORD.findall(self.text)]

    @cached_property
    def index(self) -> TextIndex:
        """What literal prefilters test (``tqcheck.text.prefilter``): the words of ``text`` and more."""
        from tqcheck.text.index import TextIndex

        return TextIndex(self.text)

    @cached_property
    def spoken(self) -> bool:
        """Whether the article is spoken text (a talk's transcript): the ``domain`` given, or else
        what the text looks like (``tqcheck.text.spoken``). Rules that misfire on speech (a
        speaker's deliberate repetition, fragments) relax there."""
        if self.domain is not None:
            return self.domain == "speech"
        from tqcheck.text.spoken import looks_spoken

        return looks_spoken(self.text[self.body_start:])

    @cached_property
    def words(self) -> list[str]:
        """The body's words as ``word_count`` counts them: letters and digits joined by
        apostrophes, hyphens or full stops ("don't", "Covid-19", "3.5")."""
        return (_ASCII_WORD if self.text.isascii() else _FAST_WORD).findall(self.text, self.body_start)

    @cached_property
    def word_count(self) -> int:
        return len(self.words)

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
    meta, end = {}, 0
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        line = m.group().rstrip("\r\n")
        if m.start() == len(text):
            break
        if not line.strip():
            if meta:  # a blank line closes the header
                end = m.end()
                break
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

