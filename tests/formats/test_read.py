"""Reading an article: decoding its bytes (UTF-8, UTF-16 with a byte-order mark, or a named
encoding) and the errors that name the problem."""
import codecs

import pytest

from tqcheck.formats.read import InputError, decode, read_document


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
