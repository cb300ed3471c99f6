"""Markup leaks (MK03-MK08): what the reader sees, per input format."""
import pytest

from tqcheck.document import Document
from tqcheck.registry import Registry

REGISTRY = Registry.load()
CODES = ["MK03", "MK04", "MK05", "MK06", "MK07", "MK08"]


def findings(text: str, fmt: str = "text", codes=CODES):
    doc = Document(text, format=fmt)
    return [(f.code, f.text) for code in codes for f in REGISTRY.get(code).check(doc)]


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
    doc = Document("He called it &quot;overkill&quot; on 10&#8211;12 May.")
    assert [(f.text, f.suggestion) for f in REGISTRY.get("MK04").check(doc)] == [
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
