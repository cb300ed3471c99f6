import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words, alternation
from tqcheck.rule import Rule, lazy_compile


class LeakedHtmlTag(Rule):
    """An HTML tag that shows in the article text.

    What it does: flags tags such as "<br>", "</p>", "<a href=...>" and comments in plain-text
    articles, and escaped tags ("&lt;br&gt;") in HTML articles, where the reader sees them.
    Markdown articles may contain HTML, so only their escaped tags count.
    Why it matters: CMS exports and MT of HTML segments leave tags in the text; a reader
    sees the raw markup.
    Example:
        flag: The Kremlin said so.<br>Officials added nothing.
        flag: The <b>Kremlin</b> said so.
        okay: The Kremlin said so. Officials added nothing.
        okay: Turnout was <50% and costs >$5.
    """

    code = "MK03"
    name = "markup.html-tag"
    category = "Locale convention/Markup"
    severity = Severity.MAJOR

    tags = Words("markup/html.yml", "HTML elements whose tags are flagged (br, p, a).")

    @cached_property
    def _tag(self) -> str:
        # A comment ends at the first "-->", and a scan for it stops at the next "<!--": a run of
        # unclosed "<!--" would otherwise be searched to the end of the text once each (quadratic time).
        return rf"</?(?:{alternation(self.tags)})(?:\s[^<>\n]{{0,300}}?)?\s*/?>|<!--(?:(?!<!--).)*?-->"

    @cached_property
    def _plain(self):
        return lazy_compile(self._tag, re.IGNORECASE | re.DOTALL)

    @cached_property
    def _escaped(self):
        return lazy_compile(self._tag.replace("<", "&lt;").replace(">", "&gt;").replace("[^&lt;&gt;\\n]", "[^&\\n]"),
                            re.IGNORECASE | re.DOTALL)

    def check(self, doc):
        if doc.format == "text":
            matches = self._plain.finditer(doc.text, doc.body_start)
        else:  # HTML and Markdown: markup is legitimate; an escaped tag is what shows
            matches = self._escaped.finditer(doc.raw, doc.body_start)
        for m in matches:
            yield self.finding(doc, m.start(), m.end(), f"HTML markup '{m.group()}' in the text.", "", fixable=False)
