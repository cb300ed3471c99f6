import re
from functools import cached_property

from tqcheck.finding import Severity
from tqcheck.options import Entries
from tqcheck.rule import Rule
from tqcheck.text.prefilter import may_match

_CYR = "а-яёіїєґА-ЯЁІЇЄҐ"


class GlossaryTerm(Rule):
    """A source term whose mandated English term (bilingual glossary) is not in the translation.

    What it does: finds each term of the bilingual glossaries (CSV ``source,target[,note]`` or TBX files in
    ``rules/data/bilingual/glossary/``) in each source segment and checks that the aligned target segment, or
    a neighbouring one, contains one of the term's English forms (``|`` separates accepted forms; case
    is ignored except in abbreviations). A source term ending in ``*`` matches any inflected form; an
    all-capitals term matches case-sensitively.
    Why it matters: institutions and defined terms must be translated the same way every time, the way
    the publication's glossary says.
    Example:
        flag: source: Госдума приняла закон в первом чтении. target: The Duma of the State adopted the law in the first reading.
        flag: source: 国务院发布了新规定。 target: The Council of the State issued new rules.
        okay: source: Госдума приняла закон в первом чтении. target: The State Duma adopted the law in the first reading.
        okay: source: Закон обсудили в Госдуме. target: The law was discussed in the State Duma.
    """

    code = "BI06"
    name = "bilingual.glossary"
    category = "Terminology/Wrong term"
    severity = Severity.MINOR
    needs_source = True

    glossary = Entries("bilingual/glossary/", "Source terms and their English terms (every CSV and TBX file of the folder).",
                       key="source", fields={"source": str, "target": str, "note": str}, required=("target",))

    @cached_property
    def _glossary(self) -> tuple[list[dict], re.Pattern, list[re.Pattern]]:
        """(entries, one pattern of every source term, each entry's pattern of its English forms),
        built on the first check: a run without sources never needs them (start-up time)."""
        entries = list(self.glossary)
        parts = []
        for i, entry in enumerate(entries):
            term = entry["source"]
            body = re.escape(term[:-1]) + f"[{_CYR}]*" if term.endswith("*") else re.escape(term)
            body = body.replace(r"\ ", r"\s+")
            flags = "" if term.rstrip("*").isupper() or not re.search(f"[{_CYR}]", term) else "(?i:"
            bounded = rf"(?<![\w]){body}(?![\w])" if re.search(f"[{_CYR}A-Za-z]", term) else body
            parts.append(f"(?P<g{i}>{flags}{bounded}{')' if flags else ''})")
        # English forms match regardless of case ("Foreign ministers"), abbreviations (WHO, UN) exactly.
        targets = [re.compile("|".join((rf"(?<!\w){re.escape(t.strip())}(?!\w)" if t.strip().isupper()
                                        else rf"(?<!\w)(?i:{re.escape(t.strip())})(?!\w)")
                                       for t in e["target"].split("|"))) for e in entries]
        return entries, re.compile("|".join(parts) or r"(?!x)x"), targets

    def check(self, doc):
        entries, pattern, targets = self._glossary
        if not may_match(pattern, doc.source.index):
            return  # no source term's text anywhere in the source (most sources have none)
        pairs = doc.alignment.pairs
        for i, pair in enumerate(pairs):
            if not pair.source_span or not pair.target_span:
                continue
            near = [p.target_span for p in pairs[max(0, i - 1):i + 2] if p.target_span]
            seen = set()
            for m in pattern.finditer(doc.source.text, *pair.source_span):
                k = int(m.lastgroup[1:])
                if k in seen:
                    continue
                seen.add(k)
                if any(targets[k].search(doc.text, a, b) for a, b in near):
                    continue
                preferred = entries[k]["target"].split("|")[0]
                yield self.finding(doc, *pair.target_span,
                                   f"The source's '{m.group()}' should be translated as '{preferred}' (glossary).", preferred)
