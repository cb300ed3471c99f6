"""One compiled alternation for a whole word list, shaped as a trie.

Python's ``re`` tries every branch of ``a|b|c`` at every position; a trie-shaped pattern
(``K(?:iev|harkov)``) rejects a position after one character, which makes a glossary of
hundreds of entries cost about as much as one search.
"""
from __future__ import annotations

import re

_END = ""  # marks the end of a word inside the trie


def _add(trie: dict, word: str) -> None:
    node = trie
    for token in re.findall(r"\s+|.", word, re.DOTALL):
        node = node.setdefault(" " if token.isspace() else token, {})
    node[_END] = {}


def _pattern(node: dict) -> str:
    ends = _END in node
    branches = []
    for token in sorted(k for k in node if k != _END):
        head = r"\s+" if token == " " else re.escape(token)
        branches.append(head + _pattern(node[token]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


def trie_regex(words: list[str]) -> str:
    """A regex matching any of *words* as whole words (a space in a word matches any whitespace)."""
    groups: dict[tuple[bool, bool], dict] = {}
    for word in words:
        if not word.strip():
            continue
        word = " ".join(word.split())
        key = (bool(re.match(r"\w", word)), bool(re.search(r"\w$", word)))
        _add(groups.setdefault(key, {}), word)
    parts = []
    for (word_start, word_end), trie in sorted(groups.items()):
        parts.append(("\\b" if word_start else "") + "(?:" + _pattern(trie) + ")" + ("\\b" if word_end else ""))
    return "|".join(parts) or r"(?!x)x"


def normalize(text: str, ignorecase: bool) -> str:
    text = " ".join(text.split())
    return text.casefold() if ignorecase else text
