import bisect
import functools
import itertools
import operator
import re

from tqcheck.checks.repetition.tokens import TOKENS, lowered_tokens, may_run, one_character_each, token_hashes
from tqcheck.finding import Severity
from tqcheck.options import WordSet
from tqcheck.rule import Rule, lazy_compile

_GAP = lazy_compile(r"[ \t\u00a0]+")
_GAP_WITH_COMMA = lazy_compile(r"[ \t\u00a0]*,?[ \t\u00a0]+")


class PhraseLoop(Rule):
    """A phrase of two to six words repeated back to back.

    What it does: flags "of the of the", "in the city in the city": a sequence of 2-6 words
    immediately followed by the same sequence (ignoring case), or repeated three or more times
    with commas between ("at the end, at the end, at the end").
    Why it matters: a looping decoder repeats phrases as well as words; an editor must delete
    the copy and check what the loop replaced. Single repeated words are RP01's and RP04's.
    Example:
        flag: This is one of the of the largest cities.
        flag: The station was closed in the city in the city centre.
        okay: This is one of the largest cities, and more and more people live there step by step.
        okay: "New York, New York" is a song.
    """

    code = "RP03"
    name = "repetition.phrase-loop"
    category = "Fluency/Grammar"
    severity = Severity.MAJOR

    max_words = 6

    idiom_links = WordSet("repetition/intended-repeats.yml", "Words of 'X and X' idioms (more and more, step by step).")

    def check(self, doc):
        hashes = token_hashes(doc)
        if hashes is not None and not any(may_run(hashes, n, n) for n in range(2, self.max_words + 1)):
            return  # no n tokens (2 <= n <= max_words) are followed by the same n: _may_loop would say no
        words = lowered_tokens(doc)
        if words is not None and not _may_loop(words, self.max_words, self.idiom_links):
            return
        text, lowered_text = doc.text, doc.index.lower
        if lowered_text is None:
            # The body's tokens, computed once; a paragraph's words are a slice of them
            # (paragraphs are separated by whitespace, which no token contains).
            tokens = doc.index.tokens(TOKENS, doc.body_start)
            starts = list(map(operator.itemgetter(0), tokens))
        for start, end in doc.paragraphs:
            if lowered_text is not None:
                # The paragraph's token offsets, and its tokens lower-cased: the same tokens found
                # in the lower-cased text (str.lower keeps the length and each character's class).
                words = list(map(re.Match.span, TOKENS.finditer(text, start, end)))
                lowered = TOKENS.findall(lowered_text, start, end)
            else:
                a, b = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
                words = tokens[a:b]  # only their offsets are read below
                lowered = list(map(str.lower, map(operator.itemgetter(2), words)))
            candidates = _loop_starts(lowered, self.max_words)
            taken_until = -1
            for i in candidates:
                if words[i][0] < taken_until:
                    continue
                for n in range(2, self.max_words + 1):
                    if i + 2 * n > len(words) or lowered[i] != lowered[i + n]:
                        continue  # cheap test first: most positions start no loop
                    times = self._repeats(text, words, lowered, i, n, doc.spoken)
                    if times:
                        last = words[i + n * times - 1]
                        phrase = text[words[i][0]:words[i + n - 1][1]]
                        yield self.finding(doc, words[i][0], last[1], f"'{phrase}' repeated {times} times in a row.",
                                           phrase, fixable=True)
                        taken_until = last[1]
                        break

    def _repeats(self, text: str, words: list, lowered: list[str], i: int, n: int, spoken: bool = False) -> int:
        """How often lowered[i:i+n] occurs back to back from i (0 if it is not a loop). In speech
        a phrase said again after a comma ("we went there, we went there") is the speaker's."""
        gram = lowered[i:i + n]
        if len(set(gram)) == 1:
            return 0  # a single repeated word is RP01/RP04's
        if n == 2 and gram[0] in self.idiom_links:
            return 0

        def joined(a: int, b: int, gap: re.Pattern) -> bool:
            return all(gap.fullmatch(text, words[k][1], words[k + 1][0]) for k in range(a, b))

        if not joined(i, i + n - 1, _GAP_WITH_COMMA):
            return 0
        times = 1
        while lowered[i + n * times:i + n * (times + 1)] == gram and \
                joined(i + n * times - 1, i + n * (times + 1) - 1, _GAP_WITH_COMMA):
            times += 1
        if times >= 3 and not (spoken and not joined(i, i + n * times - 1, _GAP)):
            return times
        if times == 2 and joined(i, i + 2 * n - 1, _GAP):
            return 2
        return 0


@functools.cache
def _loop_start(max_words: int) -> re.Pattern:
    """Where 2 to *max_words* characters are followed by the same characters again."""
    return re.compile(r"(?=(.{2,%d})\1)" % max_words, re.DOTALL)


def _loop_starts(lowered: list[str], max_words: int) -> list[int]:
    """The positions, in order, where an n-gram of *lowered* (2 <= n <= max_words) is followed by
    itself: ``_repeats`` finds a loop only where lowered[i:i+n] == lowered[i+n:i+2n]."""
    kinds = one_character_each(lowered)
    if kinds is None:  # more distinct words than characters: the first two words again n words on
        return sorted({i for n in range(2, max_words + 1)
                       for i, (x, y, x2, y2) in enumerate(zip(lowered, lowered[1:], lowered[n:], lowered[n + 1:]))
                       if x == x2 and y == y2})
    return [m.start() for m in _loop_start(max_words).finditer(kinds)]


def _may_loop(words: list[str], max_words: int, idiom_links: frozenset[str]) -> bool:
    """Whether some n-gram (2 <= n <= max_words) of *words* is followed by itself, and is not one
    word repeated or an "X and X" idiom: what ``_repeats`` needs before it looks at the spaces
    between the words. Paragraph edges are ignored here, so this can only say "maybe"."""
    for n in range(2, max_words + 1):
        same = list(map(operator.eq, words, words[n:]))
        for i in itertools.compress(range(len(same)), map(operator.and_, same, same[1:])):
            gram = words[i:i + n]
            if words[i + n:i + 2 * n] == gram and len(set(gram)) > 1 and not (n == 2 and gram[0] in idiom_links):
                return True
    return False
