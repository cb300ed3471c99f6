"""Unit files (PO, XLIFF 1.2 and 2.0, TMX): findings at the line and column of the file itself, in
every output, and the languages the file declares."""
import json

import pytest
from helpers import invoke

PO = r'''# A catalogue written for the tests.
msgid ""
msgstr ""
"Language: en\n"
"X-Source-Language: ru\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Войска покинули Киев."
msgstr "Troops left Kiev."

msgid "Делегация уехала из Киева в полдень."
msgstr ""
"The \"delegation\" left at noon "
"for Kharkov.\n"
"Then\tOdessa."

#~ msgid "Старое"
#~ msgstr "Old Kiev"
'''

XLIFF = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="x" source-language="ru" target-language="en-GB" datatype="plaintext">
    <body>
      <trans-unit id="u1"><source>Киев</source><target>Troops &amp; tanks left Kiev.</target></trans-unit>
      <trans-unit id="u2">
        <source>Харьков</source>
        <target>They went to <g id="1">Kharkov</g> and
           then <x id="2"/>Odessa.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''

XLIFF2 = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ru" trgLang="en">
  <file id="f1">
    <unit id="u1"><segment><source>Киев</source><target>Troops left Kiev.</target></segment></unit>
    <unit id="u2">
      <segment>
        <source>Харьков</source>
        <target><![CDATA[We & they went to Kharkov.]]></target>
      </segment>
    </unit>
  </file>
</xliff>
'''

TMX = '''<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="ru" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t"
          creationtoolversion="1" o-tmf="t"/>
  <body>
    <tu tuid="t1">
      <tuv xml:lang="ru"><seg>Киев</seg></tuv>
      <tuv xml:lang="en"><seg>Troops left Kiev.</seg></tuv>
    </tu>
    <tu tuid="t2"><tuv xml:lang="ru"><seg>Одесса</seg></tuv><tuv xml:lang="en"><seg>A &lt;b&gt; port: Odessa.</seg></tuv></tu>
  </body>
</tmx>
'''

# (file name, content, the (line, column) of each TE01 finding in the file)
CASES = [
    ("a.po", PO, [(9, 21), (14, 6), (15, 8)]),
    ("a.xlf", XLIFF, [(5, 80), (8, 40), (9, 28)]),
    ("b.xlf", XLIFF2, [(4, 69), (8, 44)]),
    ("a.tmx", TMX, [(8, 43), (10, 103)]),
]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name,content,expected", CASES)
def test_findings_are_at_the_files_line_and_column(tmp_path, name, content, expected):
    path = write(tmp_path, name, content)
    data = json.loads(invoke("check", "--format", "json", "--select", "TE01", path).stdout)
    findings = data["articles"][0]["findings"]
    assert [(f["line"], f["column"]) for f in findings] == expected
    lines = content.splitlines()
    for f in findings:
        assert lines[f["line"] - 1][f["column"] - 1:].startswith(f["text"]), f


def test_text_sarif_and_github_output_use_the_files_positions(tmp_path):
    path = write(tmp_path, "a.po", PO)
    text = invoke("check", "--select", "TE01", path).stdout
    assert f"{path}:9:21: TE01 " in text and f"{path}:14:6: TE01 " in text
    sarif = json.loads(invoke("check", "--format", "sarif", "--select", "TE01", path).stdout)
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]]
    assert [(r["startLine"], r["startColumn"], r["endColumn"]) for r in regions] == [(9, 21, 25), (14, 6, 13),
                                                                                     (15, 8, 14)]
    assert all("charOffset" not in r for r in regions), "offsets into the units' text are not the file's"
    github = invoke("check", "--format", "github", "--select", "TE01", path).stdout
    assert f"file={path},line=9,col=21,endLine=9,endColumn=25," in github


def test_an_obsolete_po_entry_is_not_checked(tmp_path):
    from tqcheck.formats.units import read_units

    doc, _ = read_units(write(tmp_path, "a.po", PO))
    assert "Old Kiev" not in doc.raw and [u[2] for u in doc.units] == ["Войска покинули Киев.",
                                                                      "Делегация уехала из Киева в полдень."]


@pytest.mark.parametrize("name,content,source,target", [
    ("a.po", PO, "ru", "en"), ("a.xlf", XLIFF, "ru", "en"), ("b.xlf", XLIFF2, "ru", "en"), ("a.tmx", TMX, "ru", "en")])
def test_languages_come_from_the_files_metadata(tmp_path, name, content, source, target):
    from tqcheck.formats.units import read_units

    doc, src = read_units(write(tmp_path, name, content), target_lang="xx")
    assert (doc.lang, doc.source_lang, src.lang) == (target, source, source)


CALQUE_PO = PO.replace("Troops left Kiev.", "A case was opened on the fact of the attack.")


def test_source_specific_rules_run_on_a_po_file_without_source_lang(tmp_path):
    path = write(tmp_path, "a.po", CALQUE_PO)
    data = json.loads(invoke("check", "--format", "json", "--select", "CQ01", path).stdout)
    assert [(f["code"], f["line"]) for f in data["articles"][0]["findings"]] == [("CQ01", 9)]
    zh = write(tmp_path, "zh.po", CALQUE_PO.replace("X-Source-Language: ru", "X-Source-Language: zh"))
    data = json.loads(invoke("check", "--format", "json", "--select", "CQ01", zh).stdout)
    assert data["articles"][0]["findings"] == [], "Russian calques are not looked for in a translation from Chinese"


def test_a_po_file_without_a_source_language_runs_every_rule(tmp_path):
    path = write(tmp_path, "a.po", CALQUE_PO.replace('"X-Source-Language: ru\\n"\n', ""))
    data = json.loads(invoke("check", "--format", "json", "--select", "CQ01", path).stdout)
    assert [f["code"] for f in data["articles"][0]["findings"]] == ["CQ01"]


def test_a_language_the_run_was_told_otherwise_is_a_warning(tmp_path):
    path = write(tmp_path, "a.po", PO)
    res = invoke("check", "--source-lang", "zh", "--select", "TE01", path)
    assert f"tqcheck: warning: {path}: the file declares source language ru; checked as ru (not zh)" in res.stderr
