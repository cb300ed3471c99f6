"""``tqcheck fix``: safe fixes only, atomic writes that keep encoding, BOM and line endings,
conflicts leave the file alone, idempotent, and nothing but ``fix`` ever writes an article."""
import codecs
import os
import stat

import pytest
from helpers import invoke

from tqcheck.finding import Finding, Severity
from tqcheck.formats import rewrite
from tqcheck.formats.fix import apply_edits, conflicts_in, edits_for, fix_text

TEXT = "Drones flew over Kiev , officials said.\nThe the drones were shot down.\n"
FIXED = "Drones flew over Kyiv, officials said.\nThe drones were shot down.\n"


def finding(start, end, text, suggestion, fixable=True, code="TE01"):
    return Finding(code, "x.y", "Style", Severity.MINOR, start, end, text[start:end], "m", suggestion, fixable=fixable)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # any cache or stray file stays in the test's folder


# -- the pure part ---------------------------------------------------------------------------------
def test_only_fixable_one_line_changing_suggestions_become_edits():
    text = "Kiev and Kiev and Kiev and Kiev"
    edits = edits_for([finding(0, 4, text, "Kyiv"), finding(9, 13, text, "Kyiv", fixable=False),
                       finding(18, 22, text, None), finding(27, 31, text, "Kyiv\nKyiv"), finding(0, 4, text, "Kyiv"),
                       finding(9, 13, text, "Kiev")])
    assert [(e.start, e.replacement) for e in edits] == [(0, "Kyiv")]


def test_overlapping_and_same_place_insertions_conflict_touching_ones_do_not():
    text = "abcdefgh"
    a, b = finding(0, 3, text, "X"), finding(2, 5, text, "Y")
    assert len(conflicts_in(edits_for([a, b]))) == 1
    c, d = finding(4, 4, text, "-"), finding(4, 4, text, "+")
    assert len(conflicts_in(edits_for([c, d]))) == 1
    assert len(conflicts_in(edits_for([finding(1, 4, text, "Z"), finding(4, 4, text, "+")]))) == 1
    touching = edits_for([finding(0, 2, text, "1"), finding(2, 4, text, "2"), finding(6, 6, text, "!")])
    assert conflicts_in(touching) == []
    assert apply_edits(text, touching) == "12ef!gh"


def test_fixes_run_in_passes_until_nothing_is_left():
    def check(current):  # each pass can fix one doubled word
        i = current.find("aa")
        return [finding(i, i + 2, current, "a")] if i >= 0 else []

    result = fix_text("aaaa b", check, lambda text, offset: (1, offset + 1))
    assert result.text == "a b" and len(result.applied) == 3 and result.problem is None


def test_fixes_that_never_settle_leave_the_text_alone():
    def check(current):
        return [finding(0, 1, current, "b" if current[0] == "a" else "a")]

    result = fix_text("a", check, lambda text, offset: (1, 1))
    assert result.text == "a" and not result.changed and "did not settle" in result.problem


# -- files -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,data,options", [
    ("lf.txt", TEXT.encode(), ()),
    ("crlf.txt", TEXT.replace("\n", "\r\n").encode(), ()),
    ("cr.txt", TEXT.replace("\n", "\r").encode(), ()),
    ("bom.txt", codecs.BOM_UTF8 + TEXT.encode(), ()),
    ("utf16le.txt", codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le"), ()),
    ("utf16be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), ()),
    ("latin1.txt", ("Café owners: " + TEXT).encode("latin-1"), ("--encoding", "latin-1")),
    ("no-final-newline.md", TEXT.rstrip("\n").encode(), ()),
])
def test_fix_keeps_encoding_bom_and_line_endings_and_is_idempotent(tmp_path, name, data, options):
    path = tmp_path / name
    path.write_bytes(data)
    os.chmod(path, 0o640)
    res = invoke("fix", "--no-pair", *options, path)
    assert res.exit_code == 0, res.output
    assert "fixed 3 issues in 1 file" in res.stderr
    expected_text = data.decode(options[1] if options else "utf-8" if b"\x00" not in data else "utf-16")
    expected_text = expected_text.replace("Kiev , officials", "Kyiv, officials").replace("The the", "The")
    bom = next((b for b in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) if data.startswith(b)), b"")
    codec = options[1] if options else {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}.get(bom, "utf-8")
    assert path.read_bytes() == bom + expected_text.lstrip("\ufeff").encode(codec)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640, "permissions are kept"
    again = invoke("fix", "--no-pair", *options, path)
    assert again.exit_code == 0 and "fixed 0 issues in 0 files" in again.stderr, "a second run finds nothing"
    assert path.read_bytes() == bom + expected_text.lstrip("\ufeff").encode(codec)
    assert [p.name for p in tmp_path.iterdir()] == [name], "no temporary file is left"


def test_diff_shows_the_fixes_and_changes_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    before = path.stat()
    res = invoke("fix", "--diff", path)
    assert res.exit_code == 1
    assert res.stdout.startswith(f"--- {path}\n+++ {path}\n@@ -1,2 +1,2 @@\n")
    assert "\n-Drones flew over Kiev , officials said.\n" in res.stdout
    assert "\n+Drones flew over Kyiv, officials said.\n+The drones were shot down.\n" in res.stdout
    assert path.read_text(encoding="utf-8") == TEXT and path.stat().st_mtime_ns == before.st_mtime_ns


def test_a_symlinked_article_is_fixed_through_its_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "a.txt"
    target.write_text(TEXT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert invoke("fix", "--no-pair", link).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED


def test_conflicting_fixes_leave_the_whole_file_unchanged(tmp_path):
    path = tmp_path / "a.txt"
    text = "He went to Kiev Kiev yesterday , they said.\n"
    path.write_text(text, encoding="utf-8")
    res = invoke("fix", path)
    assert res.exit_code == 1
    assert "conflicting fixes, file left unchanged: TE01 at 1:12 ('Kiev' -> 'Kyiv') and RP01 at 1:12" in res.stderr
    assert path.read_text(encoding="utf-8") == text


def test_suppressed_findings_are_not_fixed(tmp_path):
    path = tmp_path / "a.md"
    text = "<!-- tqcheck: disable-next-line=TE01 -->\nChicken from Kiev , they said.\n"
    path.write_text(text, encoding="utf-8")
    assert invoke("fix", path).exit_code == 0
    assert path.read_text(encoding="utf-8") == text.replace(" , they", ", they")


def test_an_interrupted_write_leaves_the_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")

    def crash(src, dst):
        raise KeyboardInterrupt  # as if the run were killed between writing and renaming

    monkeypatch.setattr(rewrite.os, "replace", crash)
    res = invoke("fix", path)
    assert res.exit_code == 1 and "Aborted!" in res.output
    assert path.read_text(encoding="utf-8") == TEXT
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"], "the temporary file is removed"


def test_a_failed_rename_is_one_error_and_the_original_is_intact(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(rewrite.os, "replace", lambda src, dst: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    res = invoke("fix", path)
    assert res.exit_code == 2
    assert f"tqcheck: error: {path}: cannot write: Permission denied; not fixed" in res.stderr.splitlines()
    assert path.read_text(encoding="utf-8") == TEXT and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_file_changed_during_the_fix_is_not_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    real_fix_file = rewrite.fix_file

    def fix_then_edit(*args, **kwargs):
        fixed = real_fix_file(*args, **kwargs)
        path.write_text(TEXT + "An editor's new line.\n", encoding="utf-8")
        return fixed

    monkeypatch.setattr(rewrite, "fix_file", fix_then_edit)
    res = invoke("fix", path)
    assert res.exit_code == 2 and "changed on disk while it was being fixed" in res.stderr
    assert path.read_text(encoding="utf-8") == TEXT + "An editor's new line.\n"


def test_a_fix_the_file_encoding_cannot_hold_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    data = "Zürich: they are geniuses - for example, dogs.\n".encode("latin-1")
    path.write_bytes(data)
    res = invoke("fix", "--encoding", "latin-1", "--select", "PU11", path)
    assert res.exit_code == 2 and "which latin-1 cannot encode; not fixed" in res.stderr
    assert path.read_bytes() == data


def test_capitalising_after_a_full_stop_is_not_an_automatic_fix(tmp_path):
    path = tmp_path / "a.txt"
    text = "In the XIX century. even small landowners let him go.\n"
    path.write_text(text, encoding="utf-8")
    assert "GR03" in invoke("check", path).stdout
    assert invoke("fix", path).exit_code == 0 and path.read_text(encoding="utf-8") == text


def test_nothing_but_fix_writes_an_article(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, data in (("a.txt", TEXT.encode()), ("b.md", codecs.BOM_UTF8 + TEXT.encode()), ("c.html", f"<p>{TEXT}</p>".encode())):
        (folder / name).write_bytes(data)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    for args in (["check", folder], ["check", "--format", "json", folder], ["report", "-o", tmp_path / "out", folder],
                 ["fix", "--diff", folder]):
        invoke(*args)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()} == before


def test_standard_input_and_unit_files_are_not_fixed(tmp_path):
    (tmp_path / "a.po").write_text('msgid "Kyiv"\nmsgstr "Kiev"\n', encoding="utf-8")
    res = invoke("fix", "-", tmp_path / "a.po")
    assert res.exit_code == 2
    assert "tqcheck: error: -: cannot fix standard input" in res.stderr
    assert "a.po: not fixed: unit files (XLIFF, PO, TMX) are not rewritten" in res.stderr
