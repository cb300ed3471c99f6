"""The CLI end to end: output lines, JSON, exit codes, bad input, config, stdin, folders."""
import json
import subprocess
import sys

from helpers import SEED as SEED_FILE
from helpers import invoke

SEED = str(SEED_FILE)


def test_text_output_lines_and_summary():
    res = invoke("check", SEED)
    assert res.exit_code == 1
    lines = res.output.splitlines()
    assert f"{SEED}:1:39: TE01 major Use 'Kyiv' (Ukrainian-based spelling), not 'Kiev'. -> Kyiv" in lines
    finding_lines = [line for line in lines if line.startswith(f"{SEED}:") and line.split(":")[1].isdigit()]
    majors = sum(" major " in line for line in finding_lines)
    summary = [line for line in lines if line.startswith(f"{SEED}: fail: {len(finding_lines)} findings (0 critical, {majors} major, ")]
    assert len(summary) == 1 and "in 382 words" in summary[0]


def test_json_output_schema():
    res = invoke("check", "--format", "json", SEED)
    data = json.loads(res.output)
    article = data["articles"][0]
    assert article["path"] == SEED and article["words"] == 382
    text = open(SEED, encoding="utf-8").read()
    for f in article["findings"]:
        assert set(f) == {"code", "name", "category", "severity", "start", "end", "line", "column", "text",
                          "message", "suggestion"}
        assert text[f["start"]:f["end"]] == f["text"]


def test_clean_text_exits_zero_and_stdin_works():
    res = invoke("check", "-", input="Drones flew over Kyiv on Wednesday, officials said.\n")
    assert res.exit_code == 0, res.output
    assert "<stdin>: pass: no findings in 8 words" in res.output


def test_fail_on_and_exit_zero():
    assert invoke("check", "--fail-on", "critical", SEED).exit_code == 0
    assert invoke("check", "--fail-on", "major", SEED).exit_code == 1
    assert invoke("check", "--exit-zero", SEED).exit_code == 0


def test_select_and_ignore():
    res = invoke("check", "--select", "TE01", "--format", "json", SEED)
    assert {f["code"] for f in json.loads(res.output)["articles"][0]["findings"]} == {"TE01"}
    res = invoke("check", "--select", "terminology", "--ignore", "TE01", "--format", "json", SEED)
    assert {f["code"] for f in json.loads(res.output)["articles"][0]["findings"]} == {"TE02", "TE03"}


def test_unknown_select_is_a_usage_error():
    res = invoke("check", "--select", "ZZ99", SEED)
    assert res.exit_code == 2
    assert "unknown rule selector 'ZZ99'" in res.output
    assert "Traceback" not in res.output


def test_bad_files_are_reported_and_the_rest_checked(tmp_path):
    (tmp_path / "a_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "b_latin1.txt").write_bytes("Zürich und Köln".encode("latin-1"))
    (tmp_path / "c_cp1251.txt").write_bytes("Киев".encode("cp1251"))
    (tmp_path / "d_good.txt").write_text("They flew from Kiev.", encoding="utf-8")
    (tmp_path / "e_empty.txt").write_text("", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    res = subprocess.run([sys.executable, "-m", "tqcheck", "check", str(tmp_path)], capture_output=True, text=True)
    assert res.returncode == 2
    errors = res.stderr.splitlines()
    assert len(errors) == 3 and all(e.startswith("tqcheck: error: ") for e in errors)
    assert "a_binary.txt: binary file" in res.stderr
    assert "b_latin1.txt: not valid UTF-8" in res.stderr
    assert "Traceback" not in res.stderr
    assert "d_good.txt:1:16: TE01" in res.stdout
    assert "e_empty.txt: pass: no findings in 0 words" in res.stdout
    assert before == {p.name: p.read_bytes() for p in tmp_path.iterdir()}


def test_encoding_option_reads_legacy_files(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Они прилетели из Киева. They flew from Kiev.".encode("cp1251"))
    res = invoke("check", "--encoding", "cp1251", str(path))
    assert "UT01" in res.output and "TE01" in res.output


def test_missing_path_is_an_input_error(tmp_path):
    res = invoke("check", str(tmp_path / "nope.txt"))
    assert res.exit_code == 2 and "no such file" in res.output


def test_folder_of_1000_files(tmp_path):
    for i in range(1000):
        (tmp_path / f"{i:04}.txt").write_text(f"Article {i} says Kiev is a city.\n", encoding="utf-8")
    res = invoke("check", "--format", "json", str(tmp_path))
    articles = json.loads(res.output)["articles"]
    assert len(articles) == 1000
    assert all(a["findings"][0]["code"] == "TE01" for a in articles)


def test_config_discovered_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.tqcheck]\nignore = ["TE01"]\n[tool.tqcheck.rules.CQ01]\nseverity = "critical"\n')
    (tmp_path / "a.txt").write_text("A case on the fact of an attack near Kiev.", encoding="utf-8")
    res = invoke("check", "a.txt", cwd=tmp_path)
    assert "TE01" not in res.output
    assert "CQ01 critical" in res.output


def test_config_errors_name_the_file(tmp_path):
    cfg = tmp_path / "tqcheck.toml"
    cfg.write_text("selekt = ['TE01']\n")
    res = invoke("check", "--config", str(cfg), SEED)
    assert res.exit_code == 2
    assert f"{cfg}: unknown key 'selekt'" in res.output


def test_malformed_pack_is_a_one_line_error(tmp_path):
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "_pack.yml").write_text("name: house\n")
    (pack / "x.yml").write_text("code: HS01\nname: house.x\nkind: glossary\ncategory: Style\nentries: [{preferred: A}]\n")
    res = invoke("check", "--pack", str(pack), SEED)
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [f"tqcheck: error: {pack / 'x.yml'}:5: glossary entry lacks 'variants'"]


def test_rules_and_explain():
    res = invoke("rules")
    assert res.exit_code == 0
    assert any(line.startswith("TE01  terminology.ukrainian-places") for line in res.output.splitlines())
    res = invoke("explain", "PU01")
    assert "What it does:" in res.output and "Fluency/Punctuation" in res.output
    res = invoke("explain", "XX01")
    assert res.exit_code == 2


def test_the_command_list_of_help_is_each_commands_own_help():
    """``tqcheck --help`` lists the commands from ``tqcheck.cli.COMMANDS`` without importing them:
    each entry names the command's function and holds the first paragraph of its help."""
    from importlib import import_module

    from tqcheck.cli import COMMANDS

    for name, (module, attr, summary) in COMMANDS.items():
        command = getattr(import_module(f"tqcheck.cli.{module}"), attr)
        assert command.name == name
        first_paragraph = " ".join(command.help.split("\n\n")[0].split())
        assert summary == first_paragraph, f"COMMANDS[{name!r}] should hold: {first_paragraph!r}"
    listed = invoke("--help").output.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == sorted(COMMANDS)
