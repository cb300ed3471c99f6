import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Entries
from tqcheck.rule import Rule


class InconsistentRendering(Rule):
    """One source term rendered several ways in one article.

    What it does: for each term of ``rules/data/bilingual/term-variants.yml`` (a source term English
    may render in more than one accepted way: 美国 as "United States", "U.S." or "US"; 澳门 as Macao
    or Macau), finds the term in every source segment and the rendering used in the target segment
    aligned with it. The first rendering of the article sets its choice; a later segment that renders
    the same source term another way is reported on that rendering. A full name (the entry's
    ``full``: "United States") is never reported, and an abbreviation may follow it once it is chosen
    ("the United States" ... "the U.S." ... "the U.S."), but not switch ("U.S." ... "US"). Renderings the target uses
    for something the source does not say there are not counted (those are the consistency
    rules' of the target alone).
    Why it matters: readers take two renderings for two things; raters mark each switch as an
    inconsistency.
    Example:
        flag: source: 澳门旅游局举办活动。\\n活动在澳门举行。 target: The Macao Government Tourism Office held an event.\\nThe event was held in Macau.
        okay: source: 澳门旅游局举办活动。\\n活动在澳门举行。 target: The Macao Government Tourism Office held an event.\\nThe event was held in Macao.
        flag: source: 美国宣布制裁。\\n美国官员表示。 target: The US announced sanctions.\\nU.S. officials said so.
        okay: source: 美国宣布制裁。\\n美国官员表示。 target: The United States announced sanctions.\\nU.S. officials said so.
        okay: source: 澳门旅游局举办活动。\\n他来自香港。 target: The Macao Government Tourism Office held an event.\\nHe comes from Macau.
    """

    code = "BI11"
    name = "bilingual.inconsistent-rendering"
    category = "Fluency/Inconsistency"
    severity = Severity.MINOR
    needs_source = True

    terms = Entries("bilingual/term-variants.yml", "Source terms and their accepted English renderings, not to be "
                    "mixed in one article.", key="term", fields={"term": str, "source": [str], "variants": [str], "full": [str]},
                    required=("source", "variants"))

    @cached_property
    def _patterns(self) -> list[tuple[frozenset, re.Pattern, re.Pattern]]:
        out = []
        for entry in self.terms:
            forms = [re.escape(f[:-1]) + r"\w*" if f.endswith("*") else re.escape(f) for f in entry["source"]]
            source = re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)" if not any(
                "\u4e00" <= c <= "\u9fff" for c in "".join(entry["source"])) else "|".join(forms))
            renderings = sorted([entry["term"], *entry["variants"]], key=len, reverse=True)
            target = re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, renderings))})(?![\w]|\.\w)")
            out.append((frozenset(entry.get("full") or ()), source, target))
        return out

    def check(self, doc):
        pairs = doc.alignment.pairs
        for full, source, target in self._patterns:
            chosen = short = None
            for pair in pairs:
                if not pair.source_span or not pair.target_span:
                    continue
                src = source.search(doc.source.text, *pair.source_span)
                if not src:
                    continue
                for m in target.finditer(doc.text, *pair.target_span):
                    used = _plain(m.group())
                    if chosen is None:
                        chosen = m.group()
                    if m.group() in full:
                        continue  # "the United States" then "U.S.": spelled out, then abbreviated
                    if short is None:
                        short = m.group()
                    if used != _plain(chosen) and used != _plain(short):
                        yield self.finding(doc, m.start(), m.end(),
                                           f"'{m.group()}' renders the source's '{src.group()}' here, but '{chosen}' "
                                           "earlier in the article: one term, one rendering.", chosen)


def _plain(rendering: str) -> str:
    """"U.S." and "US" are one rendering written with and without stops? No: style guides choose one;
    only letter case at a sentence start is ignored."""
    return rendering[:1].lower() + rendering[1:]
