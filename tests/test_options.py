"""Rule options (tqcheck/options.py): a config file or a house pack edits a Python rule's lists,
and a mistake is a file:line error; rule modules do no I/O. The cases of checks/rule_cases/*.yml
with ``options`` test what an edit changes in the findings; tests/packs/test_data.py the data
files the options read."""
import ast
import re

import pytest
from helpers import REPO, invoke, make_pack

from tqcheck.engine.config import Config
from tqcheck.engine.linter import Linter
from tqcheck.scoring.signature import make_signature
from tqcheck.scoring.summary import Scoring

CHECKS = REPO / "tqcheck" / "checks"
ARTICLE = "Ouyang Xiu Wen and He Li Feng spoke first.\n"


def check(tmp_path, config: str | None = None, pack: str | None = None):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    options = ["check", "--no-cache", "--select", "NM04", "article.txt"]
    if config is not None:
        (tmp_path / "tqcheck.toml").write_text(config, encoding="utf-8")
        options += ["--config", "tqcheck.toml"]
    if pack is not None:
        options += ["--pack", make_pack(tmp_path, pack)]
    return invoke(*options, cwd=tmp_path)


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
    ('select = ["NM04"]\n\n[rules.ZZ99]\nx = 1\n', 3, "[rules.ZZ99]: no rule has the code 'ZZ99'"),
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
    assert re.search(rf"tqcheck: error: \S*house/rule.yml:{line}: .*{re.escape(problem)}", result.output), result.output


def test_edits_apply_to_copies_and_show_in_the_signature(registry):
    shipped = registry.get("NM04").surnames
    linter = Linter(Config(rule_options={"NM04": {"surnames+": ["Ouyang"]}}), registry)
    assert linter.registry.get("NM04").surnames == (*shipped, "Ouyang")
    assert registry.get("NM04").surnames == shipped  # the shared registry is unchanged
    plain = Linter(Config(), registry)
    assert make_signature(linter, Scoring()).rules != make_signature(plain, Scoring()).rules
    assert make_signature(Linter(Config(), registry), Scoring()) == make_signature(plain, Scoring())


def test_explain_names_the_options_and_their_data_files():
    result = invoke("explain", "NM04")
    assert "surnames (words, rules/data/names/pinyin.yml)" in result.output


def _imports(path) -> set[str]:
    """The modules (and ``module.name``s) that the Python file *path* imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.update([node.module, *(f"{node.module}.{alias.name}" for alias in node.names)])
    return names


@pytest.mark.parametrize("path", sorted(CHECKS.rglob("*.py")), ids=lambda p: str(p.relative_to(CHECKS)))
def test_rule_modules_do_no_io(path):
    """No file reading, no parsers of data files, no shipped index (that no rule imports
    ``tqcheck.packs`` is a rule of the layer table: tests/test_layers.py)."""
    forbidden = ("yaml", "csv", "tqcheck.shipped_index")
    assert not [n for n in _imports(path) for f in forbidden if n == f or n.startswith(f + ".")]
    assert not re.search(r"\bopen\(|\.read_text\(|\.read_bytes\(|resources\.files", path.read_text(encoding="utf-8"))
