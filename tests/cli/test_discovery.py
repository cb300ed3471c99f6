"""What a run checks and with which config: empty folders are errors unless allowed, and the config
is the one closest to the checked files (as ruff and Vale find theirs), not to the working folder."""
import json

from helpers import invoke

KIEV = "Officials in Kiev said on Monday that talks would resume soon.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- empty folders -----------------------------------------------------------------------------
def test_an_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / "notes.rtf", "not an article")
    res = invoke("check", tmp_path / "empty")
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [f"tqcheck: error: {tmp_path / 'empty'}: no articles found under it "
                                       "(.txt, .text, .md, .markdown, .html, .htm, .xlf, .xliff, .po or .tmx files; "
                                       "--allow-empty accepts that)"]
    assert res.stdout == ""


def test_an_empty_folder_beside_others_still_fails_the_run(tmp_path):
    write(tmp_path / "articles" / "a.txt", KIEV.replace("Kiev", "Kyiv"))
    (tmp_path / "articels").mkdir()
    res = invoke("check", tmp_path / "articles", tmp_path / "articels")
    assert res.exit_code == 2 and "articels: no articles found under it" in res.stderr
    assert "a.txt: pass" in res.stdout, "the other folder is still checked"


def test_allow_empty_as_an_option_and_a_config_key(tmp_path):
    (tmp_path / "empty").mkdir()
    res = invoke("check", "--allow-empty", tmp_path / "empty")
    assert res.exit_code == 0 and res.stderr == ""
    write(tmp_path / "tqcheck.toml", "allow-empty = true\n")
    res = invoke("check", "empty", cwd=tmp_path)
    assert res.exit_code == 0 and res.stderr == ""
    write(tmp_path / "tqcheck.toml", 'allow-empty = "yes"\n')
    res = invoke("check", "empty", cwd=tmp_path)
    assert res.exit_code == 2 and "'allow-empty' must be true or false" in res.stderr


def test_report_refuses_an_empty_folder_too(tmp_path):
    (tmp_path / "empty").mkdir()
    res = invoke("report", "--format", "json", tmp_path / "empty")
    assert res.exit_code == 2 and "no articles found under it" in res.stderr


# -- config discovery ------------------------------------------------------------------------------
def test_config_is_found_from_the_checked_file_not_the_working_folder(tmp_path):
    project = tmp_path / "proj"
    write(project / "tqcheck.toml", 'fail-on = "critical"\npacks = ["house"]\n')
    write(project / "house" / "_pack.yml", "name: house\n")
    write(project / "house" / "words.yml", "code: HS01\nname: house.words\nkind: glossary\ncategory: Style\n"
                                            "entries:\n  - {preferred: talks, variants: [negotiations]}\n")
    article = write(project / "articles" / "t.en.txt", KIEV + "The negotiations resume.\n")
    (tmp_path / "elsewhere").mkdir()
    res = invoke("check", "--format", "json", article, cwd=tmp_path / "elsewhere")
    data = json.loads(res.stdout)
    assert res.exit_code == 0, "the project's gate (fail-on critical) applies"
    assert data["gate"] == "fail-on critical"
    assert {f["code"] for f in data["articles"][0]["findings"]} == {"TE01", "HS01"}, "and its house pack"


def test_pyproject_without_a_tqcheck_table_is_passed_over(tmp_path):
    write(tmp_path / "tqcheck.toml", 'fail-on = "critical"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    article = write(tmp_path / "sub" / "a.txt", KIEV)
    assert invoke("check", article).exit_code == 0


def test_files_with_different_configs_are_refused_in_one_run(tmp_path):
    write(tmp_path / "a" / "tqcheck.toml", 'fail-on = "critical"\n')
    first = write(tmp_path / "a" / "x.txt", KIEV)
    second = write(tmp_path / "b" / "y.txt", KIEV)
    third = write(tmp_path / "b" / "z.txt", KIEV)
    res = invoke("check", first, second, third)
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.splitlines() == [
        f"tqcheck: error: the files of this run have different configs: {tmp_path / 'a' / 'tqcheck.toml'} "
        f"({first}), no config ({second} and 1 more); check them in separate runs, or give one with --config"]
    res = invoke("check", "--config", tmp_path / "a" / "tqcheck.toml", first, second, third)
    assert res.exit_code == 0, "--config names the one config of the run"


def test_a_folder_and_its_files_share_the_folders_config(tmp_path):
    write(tmp_path / "docs" / "tqcheck.toml", 'fail-on = "critical"\n')
    write(tmp_path / "docs" / "deep" / "er" / "a.txt", KIEV)
    write(tmp_path / "docs" / "b.md", KIEV)
    assert invoke("check", tmp_path / "docs").exit_code == 0
    (tmp_path / "docs" / "empty").mkdir()
    write(tmp_path / "docs" / "empty" / "tqcheck.toml", "allow-empty = true\n")
    assert invoke("check", tmp_path / "docs" / "empty").exit_code == 0, "an empty folder's own config applies"


def test_show_settings_names_the_config_and_checks_nothing(tmp_path):
    config = write(tmp_path / "proj" / "tqcheck.toml", 'fail-on = "major"\nignore = ["MK02"]\nsource-lang = "ru"\n')
    article = write(tmp_path / "proj" / "a.txt", KIEV)
    res = invoke("check", "--show-settings", "--fail-under", "90", article, cwd=tmp_path)
    assert res.exit_code == 0 and res.stderr == ""
    lines = res.stdout.splitlines()
    assert lines[0] == f"# settings of tqcheck check for {article}"
    assert lines[1] == f"# config: {config}"
    assert 'ignore = ["MK02"]' in lines and 'source-lang = "ru"' in lines
    assert 'fail-on = "major"' in lines and "fail-under = 90.0" in lines and "# max-findings: not set" in lines
    assert "# the gate: fail-on major, fail-under 90" in lines
    rules = lines[-1].partition(": ")[2].split(", ")
    assert lines[-1].startswith("# the rules that run (") and "TE01" in rules and "MK02" not in rules
    assert "TE01" not in "\n".join(lines[:-1]), "no finding: nothing was checked"
    res = invoke("check", "--show-settings", write(tmp_path / "other" / "b.txt", KIEV))
    assert res.stdout.splitlines()[1] == "# config: none (the defaults)"


def test_an_unknown_rule_code_in_the_config_is_an_error(tmp_path):
    config = write(tmp_path / "tqcheck.toml", '[rules.ZZ99]\nseverity = "minor"\n')
    article = write(tmp_path / "a.txt", KIEV)
    res = invoke("check", article)
    assert res.exit_code == 2
    assert res.stderr.strip() == (f"tqcheck: error: {config}:1: [rules.ZZ99]: no rule has the code 'ZZ99' "
                                  "(see 'tqcheck rules')")
    write(tmp_path / "tqcheck.toml", "[rules.ZZ98]\n")
    assert "[rules.ZZ98]: no rule has the code" in invoke("check", article).stderr
    write(tmp_path / "tqcheck.toml", '[rules.te01]\nseverity = "minor"\n')
    res = invoke("check", article)
    assert res.exit_code == 1 and "TE01 minor" in res.stdout
