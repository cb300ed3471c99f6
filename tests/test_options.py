"""Rule options (tqcheck/options.py): the Python rules' lists come from rules/data/, a config file
or a house pack edits them, and a mistake is a file:line error. The cases of rule_cases/*.yml
with ``options`` test what an edit changes in the findings."""
import ast
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from tqcheck.cli import main
from tqcheck.config import Config
from tqcheck.engine import Linter
from tqcheck.options import OptionError, options_of
from tqcheck.packs import shipped_rules_dir
from tqcheck.summary import Scoring, make_signature

DATA = shipped_rules_dir() / "data"
CHECKS = Path(__file__).parent.parent / "tqcheck" / "checks"
ARTICLE = "Ouyang Xiu Wen and He Li Feng spoke first.\n"


def check(tmp_path, config: str | None = None, pack: str | None = None, *args):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    options = ["check", "--no-cache", "--select", "NM04", "article.txt", *args]
    if config is not None:
        (tmp_path / "tqcheck.toml").write_text(textwrap.dedent(config), encoding="utf-8")
        options += ["--config", "tqcheck.toml"]
    if pack is not None:
        (tmp_path / "house").mkdir()
        (tmp_path / "house" / "_pack.yml").write_text("name: house\n", encoding="utf-8")
        (tmp_path / "house" / "nm04.yml").write_text(textwrap.dedent(pack), encoding="utf-8")
        options += ["--pack", "house"]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        return CliRunner().invoke(main, options)


def flagged(result) -> list[str]:
    return re.findall(r"not '([^']+)'", result.output)


def test_config_adds_and_removes_list_entries(tmp_path):
    assert flagged(check(tmp_path)) == ["He Li Feng"]
    result = check(tmp_path, '[rules.NM04]\n"surnames+" = ["Ouyang"]\n"surnames-" = ["He"]\n')
    assert result.exit_code == 1 and flagged(result) == ["Ouyang Xiu Wen"]


def test_config_replaces_a_list(tmp_path):
    assert flagged(check(tmp_path, '[rules.NM04]\nsurnames = ["Ouyang"]\n')) == ["Ouyang Xiu Wen"]


def test_house_pack_extends_a_python_rule(tmp_path):
    result = check(tmp_path, pack="extends: NM04\nseverity: major\nsurnames+: [Ouyang]\n")
    assert flagged(result) == ["Ouyang Xiu Wen", "He Li Feng"]
    assert "NM04 major" in result.output


@pytest.mark.parametrize("config,line,problem", [
    ('[rules.NM04]\nseverity = "minor"\n"surname+" = ["Ouyang"]\n', 3,
     "NM04: unknown option 'surname+' (its options: finals, initials, surnames)"),
    ('[rules.NM04]\n"surnames+" = "Ouyang"\n', 2, "NM04: 'surnames+' must be a list of strings"),
    ('[rules.NM04]\n"surnames-" = ["Smith"]\n', 2, "NM04: no 'Smith' in 'surnames' to remove"),
    ('[rules.PU01]\nwords = ["a"]\n', 2, "PU01: unknown option 'words' (it has no options)"),
    ('[rules.TE01]\n"entries+" = ["Kiev"]\n', 2, "TE01 is a YAML rule: change its entries in a house pack"),
    ('select = ["NM04"]\n\n[rules.ZZ99]\nx = 1\n', 3, "[rules.ZZ99]: no rule ZZ99"),
    ('[rules.BI06]\n"glossary+" = [{source = "ЦИК"}]\n', 2, "BI06: each 'glossary+' entry needs 'target'"),
])
def test_bad_config_option_is_a_file_line_error(tmp_path, config, line, problem):
    result = check(tmp_path, config)
    assert result.exit_code == 2
    assert f"tqcheck: error: tqcheck.toml:{line}: {problem}" in result.output


def test_unquoted_edit_key_gets_a_hint(tmp_path):
    result = check(tmp_path, '[rules.NM04]\nsurnames+ = ["Ouyang"]\n')
    assert result.exit_code == 2 and 'an option edit needs quotes: "surnames+"' in result.output


@pytest.mark.parametrize("pack,line,problem", [
    ("extends: NM04\nsurnames+: Ouyang\n", 2, "NM04: 'surnames+' must be a list of strings"),
    ("extends: NM04\nsurnames-: [Nobody]\n", 2, "NM04: no 'Nobody' in 'surnames' to remove"),
    ("extends: NM04\ncolour: red\n", 2, "NM04: unknown option 'colour'"),
    ("extends: NM04\nseverity: huge\n", 2, "unknown severity 'huge'"),
    ("extends: NM04\nsurnames+: [yes, no]\n", 2, "(YAML reads no, yes, on and off as booleans: quote them)"),
])
def test_bad_pack_option_is_a_file_line_error(tmp_path, pack, line, problem):
    result = check(tmp_path, pack=pack)
    assert result.exit_code == 2
    assert re.search(rf"tqcheck: error: \S*house/nm04.yml:{line}: .*{re.escape(problem)}", result.output), result.output


def test_edits_apply_to_copies_and_show_in_the_signature(registry):
    shipped = registry.get("NM04").surnames
    linter = Linter(Config(rule_options={"NM04": {"surnames+": ["Ouyang"]}}), registry)
    assert linter.registry.get("NM04").surnames == (*shipped, "Ouyang")
    assert registry.get("NM04").surnames == shipped  # the shared registry is unchanged
    plain = Linter(Config(), registry)
    assert make_signature(linter, Scoring()).rules != make_signature(plain, Scoring()).rules
    assert make_signature(Linter(Config(), registry), Scoring()) == make_signature(plain, Scoring())


def test_explain_names_the_options_and_their_data_files():
    result = CliRunner().invoke(main, ["explain", "NM04"])
    assert "surnames (words, rules/data/names/pinyin.yml)" in result.output


def test_every_option_reads_its_data(registry):
    """Each declared option of each rule resolves to a value of its kind from a file that exists."""
    checked = 0
    for rule in registry:
        for option in options_of(type(rule)).values():
            assert (DATA / option.data).exists(), option.data
            value = getattr(rule, option.attr)
            assert value, f"{rule.code}: {option.name} is empty"
            checked += 1
    assert checked >= 50


def test_every_data_file_is_read_by_some_rule_and_says_where_its_lists_come_from(registry):
    used = {option.data for rule in registry for option in options_of(type(rule)).values()}
    files = {str(p.relative_to(DATA)) for p in DATA.rglob("*.yml")}
    assert files <= used, f"data files no rule reads: {sorted(files - used)}"
    for name in files:
        assert (DATA / name).read_text(encoding="utf-8").startswith("#"), f"{name} has no header comment"


def test_shipped_data_of_the_wrong_type_names_the_file_and_line(registry, monkeypatch):
    import tqcheck.rule_data as rule_data

    rule = registry.get("NM04")
    broken = type(rule)()
    rule_data.bind(broken)
    real = rule_data.read

    def read(name):
        data = dict(real(name))
        data["surnames"] = {"a": 1}
        return data

    broken.__dict__["_options"] = (read, ())
    with pytest.raises(OptionError, match=r"rules/data/names/pinyin.yml: 'surnames' must be a list of strings"):
        broken.surnames


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(CHECKS.rglob("*.py")), ids=lambda p: str(p.relative_to(CHECKS)))
def test_rule_modules_do_no_io_and_do_not_import_the_loader(path):
    assert not _imports(path) & {"tqcheck.packs", "tqcheck.rule_data", "tqcheck.shipped_index", "yaml", "csv"}
    assert not re.search(r"\bopen\(|\.read_text\(|\.read_bytes\(|resources\.files", path.read_text(encoding="utf-8"))
