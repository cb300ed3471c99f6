import re

from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile

#: HTML elements that occur in article markup (a bare "<b>" in prose is otherwise rare).
TAGS = ("a abbr article aside b big blockquote br caption center cite code dd div dl dt em figcaption figure "
        "font footer h1 h2 h3 h4 h5 h6 header hr i iframe img ins li mark nav ol p pre q s script section "
        "small span strike strong style sub sup table tbody td th thead tr tt u ul").split()
# A comment ends at the first "-->", and a scan for it stops at the next "<!--": a run of unclosed
# "<!--" would otherwise be searched to the end of the text once each (quadratic time).
_TAG = rf"</?(?:{'|'.join(TAGS)})(?:\s[^<>\n]{{0,300}}?)?\s*/?>|<!--(?:(?!<!--).)*?-->"


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

    _plain = lazy_compile(_TAG, re.IGNORECASE | re.DOTALL)
    _escaped = lazy_compile(_TAG.replace("<", "&lt;").replace(">", "&gt;").replace("[^&lt;&gt;\\n]", "[^&\\n]"),
                          re.IGNORECASE | re.DOTALL)

    def check(self, doc):
        if doc.format == "text":
            matches = self._plain.finditer(doc.text, doc.body_start)
        else:  # HTML and Markdown: markup is legitimate; an escaped tag is what shows
            matches = self._escaped.finditer(doc.raw, doc.body_start)
        for m in matches:
            yield self.finding(doc, m.start(), m.end(), f"HTML markup '{m.group()}' in the text.", "", fixable=False)
