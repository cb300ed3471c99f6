"""The document model: offsets and lines, paragraphs and sentences, the metadata header, and the
prose of Markdown and HTML articles (everything else blanked, offsets kept)."""
import pytest

from tqcheck.document import Document


def test_offsets_are_kept_and_lines_counted():
    doc = Document("Title line\r\n\r\nSecond para.\nThird line.")
    assert doc.raw == doc.text
    assert doc.line_col(0) == (1, 1)
    pos = doc.raw.index("Second")
    assert doc.line_col(pos) == (3, 1)
    assert doc.line_col(doc.raw.index("Third")) == (4, 1)
    assert len(doc.paragraphs) == 2


def test_sentences_do_not_end_at_abbreviations():
    text = "The U.S. said Mr. Smith met Dr. Jones (a street in Kyiv, Ed.). Then he left."
    doc = Document(text)
    sents = [text[a:b] for a, b in doc.sentences]
    assert sents == ["The U.S. said Mr. Smith met Dr. Jones (a street in Kyiv, Ed.).", "Then he left."]


def test_sentences_split_within_paragraphs_only():
    doc = Document("One. Two.\n\nThree")
    assert [doc.raw[a:b] for a, b in doc.sentences] == ["One.", "Two.", "Three"]


@pytest.mark.parametrize("header", [
    "title: Drones over the Kremlin\ndate: 2023-05-04\n\n",
    "date 2023-05-04\n\n",
    "---\ntitle: Drones\ndate: 2023-05-04\n---\n",
])
def test_metadata_header_is_recognised_and_blanked(header):
    doc = Document(header + "The body starts here.")
    assert doc.metadata["date"] == "2023-05-04"
    assert doc.body_start == len(header)
    assert doc.text[:len(header)].strip() == ""
    assert len(doc.text) == len(doc.raw)


def test_metadata_glued_to_a_sentence_is_body_text():
    doc = Document(" date 2023-05-04 If negotiations are possible.")
    assert doc.body_start == 0 and doc.metadata == {}


def test_a_colon_sentence_is_not_a_header():
    doc = Document("Moscow: the Kremlin said on Wednesday that drones attacked.")
    assert doc.body_start == 0


def test_markdown_code_and_link_targets_are_blanked():
    raw = "# Title\n\nSee [the report](http://x.org/Kiev) and `Kiev` in code.\n"
    doc = Document(raw, format="markdown")
    assert len(doc.text) == len(raw)
    assert "Kiev" not in doc.text and "the report" in doc.text


def test_html_visible_text_keeps_offsets():
    raw = "<html><head><title>Kiev</title><script>var Kiev=1;</script></head><body><p>Drones &amp; Kiev</p></body></html>"
    doc = Document(raw, format="html")
    assert len(doc.text) == len(raw)
    assert doc.text.count("Kiev") == 1
    assert doc.text.index("Kiev") == raw.rindex("Kiev")


def test_word_count_ignores_header():
    assert Document("date: 2023-05-04\n\nThree words here.").word_count == 3
