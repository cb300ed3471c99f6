from tqcheck.finding import Severity
from tqcheck.options import Choice, WordSet
from tqcheck.rule import Rule, lazy_compile

_DATA = "style/style.yml"
_WORD = lazy_compile(r"[A-Za-z][\w'’-]*")


class HeadlineCase(Rule):
    """A headline in the other case than the house's (title case or sentence case).

    What it does: reads the article's first line when it is a headline (no final full stop, at
    most 20 words, a paragraph after it); with ``case = "title"`` (Chicago) flags a lower-case
    word of four letters or more that is not a minor word; with ``case = "sentence"`` (AP, the
    Guardian) flags a headline whose words after the first are all capitalised (names aside, a
    sentence-case headline has lower-case words). Without a choice it flags only a headline in
    neither case: mostly capitalised words with a lower-case one among them. Off by default:
    reviewers split.
    Why it matters: the house style of every headline; MT copies the source's or its own.
    Example:
        flag: Heavy Floods Hit The Southern Provinces of the country\\n\\nHeavy rain fell on Monday.
        okay: Floods hit the south of the country\\n\\nHeavy rain fell on Monday.
        okay: Floods Hit the South of the Country\\n\\nHeavy rain fell on Monday.
    """

    code = "ST05"
    name = "style.headline-case"
    category = "Style"
    severity = Severity.MINOR
    default_enabled = False

    case = Choice(_DATA, "The house case of headlines: 'title' or 'sentence' ('' takes no side).", ("title", "sentence"))
    minor_words = WordSet(_DATA, "Words a title-case headline leaves in lower case (a, of, the).")

    def check(self, doc):
        if not doc.paragraphs:
            return
        start, end = doc.paragraphs[0]
        line = doc.text[start:end]
        if "\n" in line.strip() or line.rstrip().endswith(".") or len(doc.paragraphs) < 2:
            return
        words = list(_WORD.finditer(doc.text, start, end))
        if not 2 < len(words) <= 20:
            return
        if not self.case:
            rest = [m for m in words[1:] if m.group().lower() not in self.minor_words]
            lower = [m for m in rest if m.group()[0].islower() and len(m.group()) >= 4]
            if len(rest) >= 4 and lower and len(lower) <= len(rest) / 4:
                m = lower[0]
                yield self.finding(doc, m.start(), m.end(), f"'{m.group()}' in a headline of capitalised words: "
                                   "use title case or sentence case throughout.", m.group()[0].upper() + m.group()[1:])
            return
        if self.case == "title":
            for m in words[1:]:
                word = m.group()
                if word[0].islower() and len(word) >= 4 and word not in self.minor_words:
                    yield self.finding(doc, m.start(), m.end(), f"'{word}' in a headline: the house style is title case.",
                                       word[0].upper() + word[1:])
            return
        rest = [m for m in words[1:] if m.group().lower() not in self.minor_words]
        if len(rest) >= 3 and all(m.group()[0].isupper() for m in rest):
            yield self.finding(doc, start, start + len(line.rstrip()), "The headline is in title case; the house "
                               "style is sentence case (capitalise the first word and names only).")
