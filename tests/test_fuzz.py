"""Property-based fuzzing of the document model, every rule and every reporter (Hypothesis).

Inputs mix arbitrary Unicode (combining marks, RTL scripts, lone surrogates, zero-width characters,
NUL, CR/LF/CRLF, long lines) with fragments that make rules fire. Properties: no exception escapes,
no rule reports an internal error, every finding's span lies inside the text and its flagged text is
exactly that slice, line and column point at it. Derandomized, so the suite stays deterministic;
``make fuzz`` runs the same properties much longer with random seeds (``fuzz/``).
"""
import io
import re
from xml.dom import minidom

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqcheck.document import Document
from tqcheck.engine.config import Config
from tqcheck.engine.linter import Linter
from tqcheck.engine.report import build_report
from tqcheck.formats.pairing import pair_texts
from tqcheck.formats.read import InputError, decode
from tqcheck.reporters import FORMATS, render
from tqcheck.reporters.html import marks_for, tokens
from tqcheck.scoring.summary import Scoring
from tqcheck.scoring.weights import PRESETS

#: Fragments that make rules fire, or that are tricky for offsets and parsers.
FRAGMENTS = [
    "Kiev", "Kharkov", "the the", " ,", ",", ".", "—", "–", " - ", "«", "»", '"', "'", "’", "(", ")", "[", "]",
    "3,5", "1.000.000", "15.30", "$", "€", " %", "05.05.2023", "2023-05-04", "Москва", " и ", "Киев", "北京", "钓鱼台",
    "مرحبا", "שלום", "\u0301", "\u200b", "\u200d", "\u200c", "\u202e", "\ufeff", "\x00", "\r\n", "\r", "\n", "\n\n",
    "\t", "\u2028", "\u2029", "\xa0", "👍🏽", "<script>", "</p>", "<p>", "&amp;", "&#", "&ndash;", "<!--", "-->",
    "```", "`", "<!-- tqcheck: disable=TE01 -->", "<!-- tqcheck: disable-next-line=ALL -->", "date: 2023-05-04\n",
    "---\n", "# ", "> ", "- ", "1. ", "[a](http://x)", "Mr.", "U.S.", "http://example.com/?utm_source=x", "{{name}}",
    "%s", "Zelensky", "Zelenskyy", "himself", "Russia and her", "5 thousand", "Xi Jin Ping", "on the fact of",
    "Ivanovich", "ООО", "i", "İ", "ß", "ﬁ", "\U0001d400", "\x1b[31m", "\x1b]0;title\x07", "\x9b", "\x01", "\x0b",
    "\x7f", "\ud800", "\udfff",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(st.characters(), max_size=8)), max_size=50).map("".join)
#: Long lines without a line break: text repeated into one line of tens of thousands of characters.
LONG_LINE = st.tuples(TEXT, st.integers(200, 2000)).map(lambda t: (t[0].replace("\n", " ").replace("\r", " ") + " ") * t[1])
FORMATS_IN = st.sampled_from(["text", "markdown", "html"])
FAST = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@pytest.fixture(scope="module")
def every_rule(registry):
    """A linter that runs every rule, those off by default too."""
    return Linter(Config(select=("ALL",)), registry)


def line_col(raw: str, offset: int) -> tuple[int, int]:
    """1-based line and column of *offset*, counted independently of ``Document.line_col``."""
    if raw[offset - 1:offset + 1] == "\r\n":  # between the two characters of one line break
        line, column = line_col(raw, offset - 1)
        return line, column + 1
    lines = _LINE_BREAK.split(raw[:offset])
    return len(lines), len(lines[-1]) + 1


def assert_sound(doc: Document, result) -> None:
    raw = doc.raw
    assert result.rule_errors == []
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(raw), f
        assert f.text == raw[f.start:f.end], f
        assert (f.line, f.column) == line_col(raw, f.start), f
        assert f.suggestion is None or isinstance(f.suggestion, str)


@FAST
@given(TEXT, FORMATS_IN)
def test_document_model_keeps_offsets(text, fmt):
    doc = Document(text, format=fmt)
    assert len(doc.text) == len(doc.raw) == len(text)
    assert 0 <= doc.body_start <= len(text)
    for spans in (doc.paragraphs, doc.sentences):
        assert spans == sorted(spans)
        for a, b in spans:
            assert doc.body_start <= a < b <= len(text) and doc.text[a:b].strip()
    for offset in {0, len(text) // 2, len(text)}:
        assert doc.line_col(offset) == line_col(text, offset)
    assert doc.word_count >= 0


@FAST
@given(TEXT, FORMATS_IN)
def test_every_rule_on_arbitrary_text(every_rule, text, fmt):
    doc = Document(text, format=fmt)
    assert_sound(doc, every_rule.check_document(doc))


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(LONG_LINE, FORMATS_IN)
def test_every_rule_on_long_lines(every_rule, text, fmt):
    doc = Document(text, format=fmt)
    assert_sound(doc, every_rule.check_document(doc))


@FAST
@given(TEXT, TEXT, st.sampled_from(["ru", "zh", "de", None]))
def test_bilingual_rules_on_arbitrary_pairs(every_rule, target, source, source_lang):
    doc = pair_texts(target, source, source_lang=source_lang)
    assert_sound(doc, every_rule.check_document(doc))


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(TEXT.filter(lambda t: not re.search("[\ud800-\udfff]", t)), FORMATS_IN)
def test_every_reporter_renders_anything(every_rule, tmp_path_factory, text, fmt):
    doc = Document(text, format=fmt, path="article.txt")
    result = every_rule.check_document(doc)
    shown = tokens(doc.raw, marks_for(result.findings))
    assert "".join(t.text for t in shown if t.kind == "text") == doc.raw, "the HTML page shows the whole text"
    report = build_report([result], every_rule, Scoring(PRESETS["mqm-core"]))
    for name in FORMATS:
        if name == "html":
            render(name, report, None, output_dir=tmp_path_factory.mktemp("html"))
        else:
            out = io.StringIO()
            render(name, report, out)
            written = out.getvalue()
            written.encode("utf-8")  # what is written to a file or terminal must encode
            if name not in ("json", "jsonl", "sarif"):  # JSON escapes what it must; programs read it
                assert not re.search("[\x1b\x9b\x00-\x08]", written), f"{name}: an article must not drive the terminal"
            if name == "junit":
                minidom.parseString(written)  # well-formed XML, whatever the article held


@FAST
@given(st.binary(max_size=300) | st.text(st.characters(), max_size=100).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decoding_any_bytes_gives_text_or_one_input_error(every_rule, data):
    try:
        text = decode(data)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert not re.search("[\ud800-\udfff]", text)
    assert_sound(Document(text), every_rule.check_text(text))


# -- regressions found by the fuzzers above --------------------------------------------------------
def test_lone_surrogates_do_not_stop_the_sentence_splitter():
    doc = Document("One \ud800 sentence. Another one.")
    assert [doc.raw[a:b] for a, b in doc.sentences] == ["One \ud800 sentence.", "Another one."]


def test_spaced_hyphen_dash_works_on_crlf_lines(registry):
    rule = registry.get("PU11")
    for newline in ("\n", "\r\n", "\r"):
        text = f"Headline - Source{newline}They are geniuses - for example, dogs.{newline}"
        assert [f.start for f in rule.check(Document(text))] == [text.index("s - f") + 2], repr(newline)


def test_an_unclosed_comment_run_is_not_one_long_comment(registry):
    rule = registry.get("MK03")
    text = "<!-- " * 50 + "text <!-- note -->"
    assert [f.text for f in rule.check(Document(text))] == ["<!-- note -->"]
