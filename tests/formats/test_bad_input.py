"""Bad article files: each gives one line on stderr naming the file and the problem, the other files
are still checked, and the run exits 2. Nothing is read whole before its size is known."""
import codecs
import json
import os
import shutil
import subprocess
import sys

import pytest

from tqcheck.document import Document
from tqcheck.formats.read import MAX_BYTES, InputError, decode, decode_with_encoding, read_bytes

GOOD = "Drones flew over Kiev on Wednesday.\n"
#: The problem each bad file must be reported with (a substring of its one error line).
PROBLEMS = {
    "binary.txt": "binary file",
    "truncated.txt": "truncated",
    "utf16-no-bom.txt": "UTF-16-LE without a byte-order mark; pass --encoding utf-16-le",
    "latin1.txt": "not valid UTF-8 (byte 0xfc",
    "huge.txt": "file is 200 MiB, over the 20 MiB limit",
    "loop.txt": "symbolic link loop",
    "fifo.txt": "not a regular file",
    "zero.txt": "not a regular file",
}


def make_bad_folder(folder):
    """One folder holding every kind of bad article, an empty article and a good one."""
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "truncated.txt").write_bytes("Дроны над Кремлём".encode("utf-8")[:-1])
    (folder / "utf16-no-bom.txt").write_bytes(GOOD.encode("utf-16-le"))
    (folder / "latin1.txt").write_bytes("Zürich and Kiev.\n".encode("latin-1"))
    with open(folder / "huge.txt", "wb") as f:  # sparse: 200 MB that take no disk and no time to write
        f.truncate(200 * 1024 * 1024)
    (folder / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def run_cli(*args, cwd, timeout=60, prefix=()):
    """The real command in a subprocess, so that a hang fails the test instead of stalling the suite."""
    cmd = [*prefix, sys.executable, "-m", "tqcheck", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL, cwd=cwd)


def test_every_bad_file_is_one_error_line_and_the_rest_is_checked(tmp_path):
    folder = make_bad_folder(tmp_path / "articles")
    res = run_cli("check", "--no-pair", "--format", "json", str(folder), cwd=tmp_path)
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("tqcheck: error: ")]
    assert len(errors) == len(PROBLEMS), res.stderr
    for name, problem in PROBLEMS.items():
        line = next((e for e in errors if e.startswith(f"tqcheck: error: {folder / name}: ")), None)
        assert line is not None and problem in line, (name, res.stderr)
    articles = {os.path.basename(a["path"]): a for a in json.loads(res.stdout)["articles"]}
    assert [f["text"] for f in articles["good.txt"]["findings"]] == ["Kiev"], "the good file is still checked"
    assert articles["empty.txt"]["error"] is None and articles["empty.txt"]["findings"] == [], "empty is checked normally"
    assert articles["empty.txt"]["summary"]["score"] == 100
    assert all(articles[name]["error"] for name in PROBLEMS)


def test_the_size_limit_is_checked_before_reading(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    reads = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(InputError, match="over the 20 MiB limit"):
        read_bytes(huge)
    assert reads == [], "nothing is read from a file over the limit"
    ok = tmp_path / "ok.txt"
    ok.write_bytes(b"Kyiv")
    assert read_bytes(ok) == b"Kyiv"
    assert 0 < sum(reads) <= MAX_BYTES + 1 + (1 << 20), "reads are bounded"


def test_standard_input_is_bounded_too():  # (standard input is never cached: no cwd needed)
    huge = b"Kyiv " * (MAX_BYTES // 5 + 1)
    res = subprocess.run([sys.executable, "-m", "tqcheck", "check", "-"], input=huge, capture_output=True, timeout=60)
    assert res.returncode == 2
    assert res.stderr.decode().strip() == "tqcheck: error: <stdin>: over the 20 MiB limit for one article (--max-file-size raises it)"


def _drop_root_privileges():
    """A command prefix under which root cannot read a mode-000 file (None: no way to do that here)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    caps = "-dac_override,-dac_read_search"
    return (setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}")


def test_unreadable_file_and_folder_are_reported(tmp_path):
    prefix = _drop_root_privileges()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be taken away")
    folder = tmp_path / "articles"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "inside.txt").write_text(GOOD, encoding="utf-8")
    (folder / "secret.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.chmod(folder / "secret.txt", 0)
    os.chmod(folder / "locked", 0)
    try:
        res = run_cli("check", "--no-pair", "--format", "json", str(folder), cwd=tmp_path, prefix=prefix)
    finally:
        os.chmod(folder / "locked", 0o755)
    assert res.returncode == 2 and "Traceback" not in res.stderr, res.stderr
    assert f"tqcheck: error: {folder / 'secret.txt'}: permission denied" in res.stderr.splitlines()
    assert f"tqcheck: error: {folder / 'locked'}: cannot list the folder: Permission denied" in res.stderr.splitlines()
    paths = [a["path"] for a in json.loads(res.stdout)["articles"]]
    assert str(folder / "good.txt") in paths


def test_a_folder_symlink_loop_is_not_followed(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)
    (folder / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    res = run_cli("check", "--no-pair", "--format", "json", str(folder), cwd=tmp_path)
    assert [a["path"] for a in json.loads(res.stdout)["articles"]] == [str(folder / "sub" / "a.txt")]


@pytest.mark.parametrize("data,problem", [
    (GOOD.encode("utf-16-be"), "UTF-16-BE without a byte-order mark; pass --encoding utf-16-be"),
    ("Киев".encode("utf-8")[:-1], "truncated: the file ends inside a character"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid UTF-16 (after its byte-order mark) at offset 2"),
    (b"\x00" * 64, "binary file"),
])
def test_decode_names_the_problem(data, problem):
    with pytest.raises(InputError) as err:
        decode(data)
    assert problem in str(err.value)


def test_a_named_encoding_that_yields_surrogates_is_refused():
    with pytest.raises(InputError, match="lone surrogates"):
        decode(b"\\ud800", "unicode_escape")


@pytest.mark.parametrize("data", [
    b"Kyiv", codecs.BOM_UTF8 + b"Kyiv", "Kyiv \u2019".encode("utf-16"), codecs.BOM_UTF16_BE + "Kyiv".encode("utf-16-be"),
    codecs.BOM_UTF32_LE + "Kyiv".encode("utf-32-le"), codecs.BOM_UTF32_BE + "Kyiv".encode("utf-32-be"),
])
def test_the_encoding_found_writes_the_same_bytes_back(data):
    text, encoding = decode_with_encoding(data)
    assert text.startswith("Kyiv")
    assert encoding.encode(text) == data


def test_an_empty_article_is_checked_normally(linter):
    result = linter.check_text("")
    assert result.error is None and result.findings == [] and result.rule_errors == []
    assert Document("").sentences == [] and Document("").paragraphs == []
