from tqcheck.checks.style.mixed import off_style
from tqcheck.finding import Severity
from tqcheck.options import Choice
from tqcheck.rule import Rule, lazy_compile

_DATA = "style/style.yml"
_US = lazy_compile(r"(?<![\w.])(?:U\.S\.(?!\w)|US(?![\w$]))")


class UsForm(Rule):
    """"US" and "U.S." both in one article.

    What it does: finds the abbreviation of the United States written "US" and "U.S."; without
    a house choice, when an article has both, flags the rarer form (the commoner is the
    suggestion); with ``us-form`` set ("U.S." for AP, "US" for Chicago and the Guardian), flags
    every other form. "United States" written out is never flagged.
    Why it matters: MT renders each sentence on its own, so one article mixes the forms; a
    reader and an editor see an inconsistency.
    Example:
        flag: The U.S. said on Monday that US troops would stay.
        okay: The U.S. said on Monday that U.S. troops would stay in the United States.
        okay: The US said on Monday that US troops would stay.
    """

    code = "ST01"
    name = "style.us-form"
    category = "Fluency/Inconsistency"
    severity = Severity.MINOR

    us_form = Choice(_DATA, "The house form: 'U.S.' or 'US' ('' takes no side: only a mix is flagged).", ("US", "U.S."))

    def check(self, doc):
        if "US" not in doc.text and "U.S." not in doc.text:
            return
        found = [(m.group(), m.start(), m.end()) for m in _US.finditer(doc.text, doc.body_start)]
        flagged, form = off_style(found, self.us_form)
        for text, start, end in flagged:
            yield self.finding(doc, start, end, f"'{text}' is written '{form}' "
                               f"{'in the house style' if self.us_form else 'elsewhere in this article'}.", form)
