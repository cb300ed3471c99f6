import codecs

import pytest

from tqcheck.document import Document, InputError, decode, read_document


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


@pytest.mark.parametrize("data,expected", [
    ("Kyiv ’".encode("utf-8"), "Kyiv ’"),
    (codecs.BOM_UTF8 + "Kyiv".encode("utf-8"), "Kyiv"),
    ("Kyiv ’".encode("utf-16"), "Kyiv ’"),
    (b"", ""),
])
def test_decode_accepts_utf8_and_utf16_with_bom(data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize("data,problem", [
    ("Zürich".encode("latin-1"), "not valid UTF-8"),
    ("Киев".encode("cp1251"), "not valid UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
])
def test_decode_rejects_other_bytes_clearly(data, problem):
    with pytest.raises(InputError, match=problem):
        decode(data)


def test_decode_with_named_encoding():
    assert decode("Киев".encode("cp1251"), "cp1251") == "Киев"
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"x", "no-such-codec")


def test_read_document_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)


def test_word_count_ignores_header():
    assert Document("date: 2023-05-04\n\nThree words here.").word_count == 3
