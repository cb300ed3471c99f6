import re
from collections import Counter

from tqcheck.finding import Severity
from tqcheck.rule import Rule

#: Things a translation must carry over unchanged: URLs, e-mail addresses, markup tags, placeholders.
_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"'«»“”()]+[^\s<>\"'«»“”().,;:!?])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<tag></?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<placeholder>\{\{?[\w.]*\}\}?|%(?:\([\w]+\))?[sdifr]|\$\{[\w.]+\}|%\d+\$?[sd]?)"
)


class MarkupMismatch(Rule):
    """A URL, e-mail address, tag or placeholder present on one side only.

    What it does: collects URLs, e-mail addresses, markup tags (``<b>``, ``</a>``) and placeholders
    (``{name}``, ``{0}``, ``%s``, ``%(count)d``, ``${var}``) in each source segment and its aligned
    target segment, and reports those that the target lacks (at the target segment) or adds (at the
    added item). A trailing slash on a URL is ignored.
    Why it matters: a dropped link or placeholder breaks the published page or the software string;
    MT systems often translate, re-space or drop them.
    Example:
        flag: source: Подробности на сайте https://example.org/news. target: Details are on the website.
        flag: source: Осталось {count} мест. target: There are {число} seats left.
        okay: source: Подробности на сайте https://example.org/news. target: Details at https://example.org/news.
        okay: source: Осталось {count} мест из %s. target: {count} seats of %s are left.
    """

    code = "BI07"
    name = "bilingual.markup-mismatch"
    category = "Accuracy/Omission"
    severity = Severity.MAJOR
    needs_source = True

    def check(self, doc):
        for pair in doc.alignment.pairs:
            if not pair.source_span or not pair.target_span:
                continue
            source = Counter(_norm(m) for m in _TOKEN.finditer(doc.source.text, *pair.source_span))
            target_hits = list(_TOKEN.finditer(doc.text, *pair.target_span))
            target = Counter(_norm(m) for m in target_hits)
            for item, n in sorted((source - target).items()):
                yield self.finding(doc, *pair.target_span, f"The source's {item[0]} '{item[1]}' is missing from this segment."
                                   + (f" ({n} times)" if n > 1 else ""), item[1] if item[0] != "tag" else None)
            extra = target - source
            for m in target_hits:
                item = _norm(m)
                if extra[item] > 0:
                    extra[item] -= 1
                    yield self.finding(doc, m.start(), m.end(), f"The {item[0]} '{m.group()}' is not in the source.",
                                       category="Accuracy/Addition")


def _norm(m: re.Match) -> tuple[str, str]:
    kind = m.lastgroup
    text = m.group()
    if kind == "url":
        text = text.rstrip("/")
    return kind, text
