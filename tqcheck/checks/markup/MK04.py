from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Words, alternation
from tqcheck.rule import Rule, lazy_compile


class LeakedHtmlEntity(Rule):
    """An HTML entity that shows in the article text ("&nbsp;", "&quot;", "&#8212;").

    What it does: flags named and numeric character references in plain-text articles, and
    double-escaped ones ("&amp;nbsp;") in HTML articles, where the reader sees them.
    Markdown articles may use entities, so only their double-escaped ones count.
    Why it matters: scraping and MT of HTML leave entities unresolved; the reader sees
    "&nbsp;" instead of a space.
    Example:
        flag: The Kremlin&nbsp;said so.
        flag: He called it &quot;overkill&quot;.
        flag: Pages 10&#8211;12.
        okay: AT&T and Procter & Gamble said so.
    """

    code = "MK04"
    name = "markup.html-entity"
    category = "Locale convention/Markup"
    severity = Severity.MINOR

    bare_entities = Words("markup/html.yml", "Entity names flagged also without their semicolon (nbsp).")

    @cached_property
    def _entity(self) -> str:
        # Any "&name;" (group "name", a reference only if it is an HTML entity name: a set lookup, where
        # an alternation of the 252 names took milliseconds to compile at start-up), a numeric
        # reference or a bare name.
        return rf"&(?:(?P<name>[A-Za-z0-9]+);|#\d{{1,7}};|#[xX][0-9a-fA-F]{{1,6}};|(?:{alternation(self.bare_entities)})(?![\w;]))"

    @cached_property
    def _plain(self):
        return lazy_compile(self._entity)

    @cached_property
    def _escaped(self):
        return lazy_compile(self._entity.replace("&", "&amp;", 1))

    def check(self, doc):
        if doc.format == "text":
            matches = self._plain.finditer(doc.text, doc.body_start)
        else:
            matches = self._escaped.finditer(doc.raw, doc.body_start)
        for m in matches:
            import html.entities  # here, on the first entity: most runs never need it (start-up time)

            if m.group("name") is not None and m.group("name") not in html.entities.name2codepoint:
                continue  # "&foo;" is not a reference (nor a bare name: its letters run on to the ";")
            entity = m.group()
            char = html.unescape(entity.replace("&amp;", "&"))
            suggestion = char if len(char) == 1 else None
            yield self.finding(doc, m.start(), m.end(), f"HTML entity '{entity}' in the text.", suggestion,
                               fixable=suggestion is not None)
