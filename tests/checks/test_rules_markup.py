"""Markup leaks (MK03-MK08): what the reader sees, per input format."""
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


@pytest.mark.parametrize("text,fmt,expected", [
    ("The Kremlin said so.<br>Nothing else.", "text", [("MK03", "<br>")]),
    ("<p>The Kremlin said so.<br>Nothing else.</p>", "html", []),  # real markup: blanked, not shown
    ("<p>The Kremlin said so.&lt;br&gt;Nothing else.</p>", "html", [("MK03", "&lt;br&gt;")]),
    ("The Kremlin said so.<br>\n\nNothing else.", "markdown", []),  # Markdown may contain HTML
    ("The Kremlin&nbsp;said so.", "text", [("MK04", "&nbsp;")]),
    ("<p>The Kremlin&nbsp;said so.</p>", "html", []),
    ("<p>The Kremlin&amp;nbsp;said so.</p>", "html", [("MK04", "&amp;nbsp;")]),
])
def test_markup_counts_only_where_the_reader_sees_it(text, fmt, expected):
    assert findings(text, fmt) == expected


def test_entity_suggestion_is_the_character():
    text = "He called it &quot;overkill&quot; on 10&#8211;12 May."
    assert rule_findings(text, ["MK04"], ("text", "suggestion")) == [
        ("&quot;", '"'), ("&quot;", '"'), ("&#8211;", "–")]


@pytest.mark.parametrize("text,expected", [
    ("The attack on {0} was condemned.", ("MK05", "{0}")),
    ('The <g id="2">Kremlin</g> said so.', ("MK05", '<g id="2">')),
    ("Read it at example.com/a?utm_source=tg today.", ("MK06", "?utm_source=tg")),
    ("The talks ended.\nRead also: Kremlin comments\nBoth sides left.", ("MK07", "Read also: Kremlin comments")),
    ("Ukraineâ€™s president said so.", ("MK08", "â€™")),
])
def test_pipeline_leaks(text, expected):
    assert expected in findings(text)


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
