"""The tokens the repetition rules compare (RP01, RP03, RP04), found once per article, and quick
tests on them: where no token equals its neighbour, no rule needs to scan the text.

The tests compare tokens through a 16-bit hash of each, all packed into one integer, a lane of
16 bits per token: XOR-ing it with itself shifted by *n* lanes (a few big-integer operations, at
C speed) leaves a zero lane wherever a token equals the token *n* places on. Equal tokens always
give a zero lane, so a test that finds none proves there is no repeat; a zero lane from two
different tokens whose hashes agree only makes a rule look where it finds nothing.
"""
import sys
from array import array
from itertools import repeat
from operator import and_

from tqcheck.rule import lazy_compile

#: A word, number or hyphenated name: "the", "2016", "28th", "Covid-19", "KwaZulu-Natal".
TOKEN = r"[^\W_]+(?:[-'’][^\W_]+)*"
TOKENS = lazy_compile(TOKEN)
# The same tokens, found with less work: the quantifiers are possessive (nothing follows them in
# the pattern, so giving characters back never helps). ASCII text has them from its words.
_LOWERED_TOKENS = lazy_compile(r"[^\W_]++(?:[-'’][^\W_]++)*+")

# A lane is a C unsigned short (16 bits): two different tokens side by side share a hash once in
# 65536 pairs (a wasted look in one article of a few hundred), and a run of them far more rarely.
_LANES = "H"
_LANE = 8 * array(_LANES).itemsize
_MASK = (1 << _LANE) - 1


def lowered_tokens(doc) -> list[str] | None:
    """The body's tokens lower-cased, found in the lower-cased text (shared by RP01, RP03, RP04),
    or None when ``str.lower`` may not match ``re.IGNORECASE`` there
    (``tqcheck.text.index.TextIndex.lower``)."""
    lowered = doc.index.lower
    if lowered is None:
        return None
    if doc.text.isascii():
        return doc.index.shared(lowered_tokens, lambda: _split_at_full_stops(doc.words))
    return doc.index.shared(lowered_tokens, lambda: _LOWERED_TOKENS.findall(lowered, doc.body_start))


def _split_at_full_stops(words: list[str]) -> list[str]:
    """The tokens of an ASCII text, from its words (``Document.words``, found once per article):
    a word is tokens joined by full stops ("u.s", "3.5"), and lower-casing ASCII changes no
    character's class, so the lower-cased words split at their full stops are the tokens."""
    return ".".join(words).lower().split(".") if words else []


def token_hashes(doc) -> tuple[int, int, int, int] | None:
    """The hashes of ``lowered_tokens(doc)`` packed into one integer, token k in lane k; the
    number of tokens; an integer with 1 in each of their lanes, and one with the top bit of each
    lane set (shared). None where ``lowered_tokens`` is None."""
    words = lowered_tokens(doc)
    if words is None:
        return None
    return doc.index.shared(token_hashes, lambda: _pack(words))


def _pack(words: list[str]) -> tuple[int, int, int, int]:
    # Through bytes in the machine's order: on a big-endian machine a lane holds its value
    # byte-swapped, which tells equal values apart as well.
    packed = int.from_bytes(array(_LANES, map(and_, map(hash, words), repeat(_MASK))).tobytes(), "little")
    ones = int.from_bytes((1).to_bytes(_LANE // 8, "little") * len(words), "little")
    return packed, len(words), ones, ones << _LANE - 1


def may_run(hashes: tuple[int, int, int, int], distance: int, length: int) -> bool:
    """False only when there are no *length* tokens in a row that each equal the token
    *distance* places on (*hashes* from ``token_hashes``)."""
    return _runs(hashes, distance, length) != 0


def run_starts(hashes: tuple[int, int, int, int], distance: int, length: int, most: int = 64) -> list[int] | None:
    """The tokens where ``may_run`` sees such a run (every real run starts at one of them), or
    None when there are more than *most* (then looking at each costs more than it saves)."""
    runs = _runs(hashes, distance, length)
    if runs.bit_count() > most:
        return None
    starts = []
    while runs:
        lowest = runs & -runs
        starts.append(lowest.bit_length() // _LANE - 1)  # the top bit of lane k is bit (k + 1) * _LANE - 1
        runs ^= lowest
    return starts


def _runs(hashes: tuple[int, int, int, int], distance: int, length: int) -> int:
    """The top bit of lane k set where tokens k .. k + length - 1 may each equal the token
    *distance* places on (and set wherever they do)."""
    packed, count, ones, tops = hashes
    if count - distance < length:
        return 0
    # Lane k is 0 when token k + distance has the hash of token k; the top `distance` lanes hold
    # the hashes of the last tokens (compared with nothing: 0 only by chance, a harmless "maybe").
    differ = (packed >> distance * _LANE) ^ packed
    # The word-at-a-time "has a zero byte" test, per lane: x - 1 sets the top bit of a lane that
    # is 0 (and of a lane that is 1 when a borrow comes from a zero lane below: again a "maybe").
    zero = (differ - ones) & ~differ & tops
    runs = zero  # the top bit of lane k stays set when lanes k .. k + length - 1 are all zero
    for shift in range(1, length):
        runs &= zero >> shift * _LANE
    return runs


def may_repeat(doc, times: int = 2) -> bool:
    """False only when no token of *doc* is followed by *times* - 1 copies of itself (any case).

    A repeat that RP01/RP04 match is a run of whole tokens with only spaces between, so the
    runs of equal lower-cased neighbours in the token list are the only places it can be.
    """
    hashes = token_hashes(doc)
    return hashes is None or may_run(hashes, 1, times - 1)


def doubled_tokens(doc) -> set[str] | None:
    """The lower-cased tokens of *doc* that are followed by themselves somewhere, or None when
    that is not known cheaply (``lowered_tokens`` is None, or too many places to look at)."""
    words, hashes = lowered_tokens(doc), token_hashes(doc)
    starts = None if hashes is None else run_starts(hashes, 1, 1)
    if starts is None:
        return None
    return {words[k] for k in starts if k + 1 < len(words) and words[k] == words[k + 1]}


def one_character_each(words: list[str]) -> str | None:
    """*words* with each distinct word written as one character of its own (None if there are
    more distinct words than characters): equal characters are equal words."""
    kinds = set(words)
    if len(kinds) > sys.maxunicode + 1:
        return None
    character = dict(zip(kinds, map(chr, range(len(kinds)))))
    return "".join(map(character.__getitem__, words))
