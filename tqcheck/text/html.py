"""Visible text of an HTML article, offset-preserving: markup is blanked, not removed."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_INVISIBLE = {"script", "style", "template", "noscript", "head", "title"}
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
          "blockquote", "header", "footer", "ul", "ol", "table", "figcaption", "pre", "hr"}


class _Masker(HTMLParser):
    """Collects the spans of markup and invisible content, using the stdlib's HTML tokenizer."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.markup: list[tuple[int, int, str]] = []  # (start, end, replacement char or "")
        self.hidden_depth = 0
        self.hidden_from = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _raw_end(self, start: int) -> int:
        raw = self.get_starttag_text() or ""
        return start + len(raw)

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        end = self._raw_end(start)
        self.markup.append((start, end, "\n" if tag in _BLOCK else ""))
        if tag in _INVISIBLE:
            if self.hidden_depth == 0:
                self.hidden_from = end
            self.hidden_depth += 1

    def handle_startendtag(self, tag, attrs):
        start = self._offset()
        self.markup.append((start, self._raw_end(start), "\n" if tag in _BLOCK else ""))

    def handle_endtag(self, tag):
        start = self._offset()
        end = self.text.find(">", start) + 1 or len(self.text)
        if tag in _INVISIBLE and self.hidden_depth:
            self.hidden_depth -= 1
            if self.hidden_depth == 0:
                self.markup.append((self.hidden_from, start, ""))
        self.markup.append((start, end, "\n" if tag in _BLOCK else ""))

    def _skip(self, length_of_syntax: int) -> None:
        start = self._offset()
        self.markup.append((start, start + length_of_syntax, ""))

    def handle_comment(self, data):
        self._skip(len(data) + 7)

    def handle_decl(self, decl):
        self._skip(len(decl) + 3)

    def handle_pi(self, data):
        self._skip(len(data) + 3)

    def handle_entityref(self, name):
        start = self._offset()
        ref = f"&{name};" if self.text.startswith(f"&{name};", start) else f"&{name}"
        self.markup.append((start, start + len(ref), html.unescape(ref)[:1]))

    def handle_charref(self, name):
        start = self._offset()
        ref = f"&#{name};" if self.text.startswith(f"&#{name};", start) else f"&#{name}"
        self.markup.append((start, start + len(ref), html.unescape(ref)[:1]))


def visible_text(source: str) -> str:
    """Return *source* with tags, comments, scripts and styles blanked to spaces.

    Block-level tags leave a line break so paragraphs stay apart; an entity becomes its
    character followed by spaces. The result has the same length as *source*.
    """
    masker = _Masker(source)
    masker.feed(source)
    masker.close()
    out = list(source)
    for start, end, replacement in masker.markup:
        for i in range(start, min(end, len(out))):
            if out[i] not in "\r\n":
                out[i] = " "
        if replacement and start < len(out):
            out[start] = replacement
    if masker.hidden_depth:
        for i in range(masker.hidden_from, len(out)):
            if out[i] not in "\r\n":
                out[i] = " "
    return "".join(out)
