from tqcheck.finding import Severity
from tqcheck.rule import Rule, lazy_compile


class StraySymbol(Rule):
    """A keyboard symbol that has no use in running prose.

    What it does: flags ~ ^ _ | \\ ` and @ where they are not part of a number, an identifier,
    an address or a handle: "melamine~ were", "shooters_ participating", "it@ was".
    Why it matters: noisy MT input (OCR, scraped markup) and decoder glitches leave stray
    symbols that a reader sees as typos. "~5 km", "10^6", "snake_case", "user@example.com"
    and "@handle" are left alone.
    Example:
        flag: Cyanuric acid and melamine~ were found.
        flag: The trials are monitored_ and assessed.
        flag: The station | was closed.
        okay: About ~5 km away; 10^6 cells; the file my_data.csv; write to press@example.com or @tass_agency.
    """

    code = "PU10"
    name = "punctuation.stray-symbol"
    category = "Fluency/Punctuation"
    severity = Severity.MINOR

    #: One alternation; each branch says where the symbol is legitimate.
    _pattern = lazy_compile(
        r"~(?![\d$€£])"          # ~ not "approximately" before a number
        r"|(?<!\w)\^|\^(?![\w(])"  # ^ not an exponent
        r"|(?<!\w)_+(?!\w)|(?<=\w)_+(?!\w)|(?<!\w)_+(?=\w)"  # _ not inside an identifier
        r"|\||\\|`"
        r"|@(?![\w.-])"          # @ not an address or a handle
    )

    _symbols = "~^_|\\`@"

    def check(self, doc):
        if not self._may_match(doc.text, doc.body_start):
            return
        for m in self._pattern.finditer(doc.text, doc.body_start):
            if doc.format == "markdown" and m.group()[0] in "_|\\":
                continue  # Markdown emphasis, tables and escapes
            yield self.finding(doc, m.start(), m.end(), f"Stray '{m.group()}' in the text.", "", fixable=False)

    def _may_match(self, text: str, start: int) -> bool:
        """False only when _pattern cannot match from *start*: every match is one of the symbols,
        and a few C searches for them beat trying _pattern at every position."""
        return any(symbol in text for symbol in self._symbols)
