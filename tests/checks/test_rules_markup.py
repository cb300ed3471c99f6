"""Markup leaks (MK01-MK08): a plain article is clean, and MK04's entity lookup finds what an
alternation of the names found (the cases of each rule are in rule_cases/markup.yml)."""
import html.entities
import re

import pytest
from fast_path_checks import tricky_texts
from helpers import rule_findings

from tqcheck.document import Document

CODES = ["MK03", "MK04", "MK05", "MK06", "MK07", "MK08"]


def findings(text: str, fmt: str = "text", codes=CODES):
    return rule_findings(text, codes, ("code", "text"), fmt=fmt)


def test_plain_article_is_clean():
    text = ("AT&T and Procter & Gamble said turnout was <50% (costs >$5). Read the report at "
            "https://example.com/report or write to press@example.com; the set {1, 2} is small.\n\n"
            "A photo of the talks was published. Ukraine’s café in São Paulo reopened.")
    assert findings(text) == []


def _entity_pattern_with_every_name(prefix: str) -> re.Pattern:
    """MK04's pattern as it was: an alternation of the entity names instead of a set lookup."""
    names = "|".join(sorted(html.entities.name2codepoint, key=len, reverse=True))
    bare = "nbsp|amp|quot|mdash|ndash|laquo|raquo|hellip"
    return re.compile(rf"{prefix}(?:(?:{names});|#\d{{1,7}};|#[xX][0-9a-fA-F]{{1,6}};|(?:{bare})(?![\w;]))")


@pytest.mark.parametrize("fmt,prefix", [("text", "&"), ("html", "&amp;")])
def test_entity_names_looked_up_find_what_an_alternation_of_them_finds(fmt, prefix, registry):
    rule = registry.get("MK04")
    before = _entity_pattern_with_every_name(prefix)
    texts = [text for text, _ in tricky_texts(rule)] + [
        "&sup2; &frac12; &there4;x &AMP; &Amp; &ampx; &amp_; &nbsp &nbsp, &#1234567; &#12345678; &#x1F600; &#١٢; &ſup2;"]
    found = 0
    for text in texts:
        raw = f"<p>{text.replace('&', '&amp;')}</p>" if fmt == "html" else text
        doc = Document(raw, format=fmt)
        expected = [m.span() for m in before.finditer(doc.raw if fmt == "html" else doc.text, doc.body_start)]
        assert [(f.start, f.end) for f in rule.check(doc)] == expected, text
        found += len(expected)
    assert found > 100
