"""Rule packs and config written by others: no object construction, no runaway regexes, no keys or
types that fail later; every problem is one ``file:line: problem`` error and exit 2."""
import re
import textwrap

import pytest
from click.testing import CliRunner

from tqcheck import regex_guard
from tqcheck.cli import main
from tqcheck.config import Config, ConfigError, load
from tqcheck.document import Document
from tqcheck.engine import Linter
from tqcheck.packs import PackError, load_rules, read_pack
from tqcheck.regex_guard import GuardedPattern, PatternTimeout, compile_guarded
from tqcheck.registry import Registry

HEAD = "code: HS01\nname: house.rule\nkind: patterns\ncategory: Style\n"


def make_pack(tmp_path, rule_yaml: str, meta: str = "name: house\n"):
    folder = tmp_path / "house"
    folder.mkdir(exist_ok=True)
    (folder / "_pack.yml").write_text(meta, encoding="utf-8")
    (folder / "rule.yml").write_text(textwrap.dedent(rule_yaml), encoding="utf-8")
    return folder


def pack_error(tmp_path, rule_yaml: str, meta: str = "name: house\n") -> PackError:
    folder = make_pack(tmp_path, rule_yaml, meta)
    with pytest.raises(PackError) as err:
        load_rules(read_pack(folder))
    return err.value


# -- YAML that would construct objects ------------------------------------------------------------
@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:pathlib.Path.touch ['{marker}']",
    "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!binary aGVsbG8=",
    "!custom {{a: 1}}",
])
@pytest.mark.parametrize("where", ["rule", "pack"])
def test_object_constructing_tags_are_refused_and_run_nothing(tmp_path, tag, where):
    marker = tmp_path / "pwned"
    value = tag.format(marker=marker)
    if where == "rule":
        err = pack_error(tmp_path, HEAD + f"message: {value}\nentries: [{{pattern: x}}]\n")
        assert err.path.endswith("rule.yml") and err.line == 5
    else:
        folder = make_pack(tmp_path, HEAD + "entries: [{pattern: x}]\n", meta=f"name: house\ndescription: {value}\n")
        with pytest.raises(PackError) as info:
            read_pack(folder)
        err = info.value
        assert err.path.endswith("_pack.yml") and err.line == 2
    assert not marker.exists()


# -- regexes ---------------------------------------------------------------------------------------
CATASTROPHIC = [r"(a+)+$", r"(a|aa)+$", r"(x+x+)+y", r"^(([a-z])+.)+[A-Z]([a-z])+$", r"Moscow (a|aa)+$",
                r"(?=Q)Q(\w|\w\w)+!"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_patterns_are_refused_at_load_with_file_and_line(tmp_path, pattern):
    rule = HEAD + "entries:\n  - {pattern: 'Kiev'}\n  - {pattern: '%s'}\n" % pattern
    err = pack_error(tmp_path, rule)
    assert err.line == 7 and "backtracks catastrophically" in err.problem, err


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_exceptions_are_refused_too(tmp_path, pattern):
    rule = HEAD.replace("patterns", "glossary") + "exceptions: ['%s']\nentries: [{preferred: Kyiv, variants: [Kiev]}]\n" % pattern
    err = pack_error(tmp_path, rule)
    assert err.line == 5 and "backtracks catastrophically" in err.problem


@pytest.mark.parametrize("pattern", ["", "a*", "(?:Kiev)?", "x|", r"\s*"])
def test_patterns_matching_empty_text_are_refused(tmp_path, pattern):
    err = pack_error(tmp_path, HEAD + "entries:\n  - {pattern: '%s'}\n" % pattern)
    assert err.line == 6 and "matches empty text" in err.problem


def test_every_shipped_pattern_passes_the_probe(registry):
    """Shipped packs skip the load-time probe (it costs start-up time), so it runs here."""
    probed = 0
    for rule in registry:
        flags = re.MULTILINE | (re.IGNORECASE if getattr(rule, "ignorecase", False) else 0)
        patterns = [e["pattern"] for e in getattr(rule, "entries", []) if isinstance(e, dict) and "pattern" in e]
        for pattern in patterns + list(getattr(rule, "exceptions", [])):
            compile_guarded(pattern, flags)
            probed += 1
    assert probed > 50


def test_a_pattern_the_probe_misses_stops_at_its_time_limit(monkeypatch):
    monkeypatch.setattr(regex_guard, "BASE_SECONDS", 0.05)
    pattern = GuardedPattern(r"Z(a|aa)+$")  # exponential on 'Zaaa…!'; 0.05 s is far below its running time
    assert [m.group() for m in pattern.finditer("Zaa")] == ["Zaa"]
    with pytest.raises(PatternTimeout, match="gave up after"):
        list(pattern.finditer("Z" + "a" * 80 + "!"))


def test_a_runaway_pattern_is_an_error_for_that_article_and_the_run_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(regex_guard, "BASE_SECONDS", 0.05)
    monkeypatch.setattr(regex_guard, "probe", lambda guarded: None)  # as if the probe had missed it
    folder = make_pack(tmp_path, HEAD + "entries:\n  - {pattern: 'Z(a|aa)+$'}\n")
    (tmp_path / "slow.txt").write_text("Kiev.\nZ" + "a" * 80 + "!\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("Kiev.\nZaa\n", encoding="utf-8")
    linter = Linter(Config(select=("HS01", "TE01")), Registry.load([folder]))
    slow, fine = linter.check_file(tmp_path / "slow.txt"), linter.check_file(tmp_path / "fine.txt")
    assert len(slow.rule_errors) == 1 and slow.rule_errors[0].startswith("HS01: PatternTimeout: ")
    assert "gave up after" in slow.rule_errors[0]
    assert [f.code for f in slow.findings] == ["TE01"], "the other rules still report"
    assert fine.rule_errors == [] and [f.code for f in fine.findings] == ["TE01", "HS01"]


# -- keys and types ---------------------------------------------------------------------------------
@pytest.mark.parametrize("rule_yaml,line,problem", [
    (HEAD + "colour: red\nentries: []\n", 5, "unknown key 'colour'"),
    (HEAD + "entries:\n  - {pattern: x, colour: red}\n", 6, "unknown entry key 'colour'"),
    (HEAD + "description: [a, b]\nentries: []\n", 5, "'description' must be a string"),
    (HEAD + "message: {a: 1}\nentries: []\n", 5, "'message' must be a string"),
    (HEAD + "default: 'no'\nentries: []\n", 5, "'default' must be a boolean"),
    (HEAD + "fixable: 1\nentries: []\n", 5, "'fixable' must be a boolean"),
    (HEAD + "examples: {flag: [[a]]}\nentries: []\n", 5, "'flag' and 'okay' lists of strings"),
    (HEAD + "message: '{match.__class__.__mro__}'\nentries: []\n", 5, "unknown placeholder {match.__class__.__mro__}"),
    (HEAD + "message: '{0}'\nentries: []\n", 5, "unknown placeholder {0}"),
    (HEAD + "message: 'unclosed {'\nentries: []\n", 5, "bad message template"),
    (HEAD + "entries:\n  - {pattern: x, message: '{suggestion.upper}'}\n", 6, "unknown placeholder"),
    ("extends: TE01\ncolour: red\n", 2, "unknown key 'colour'"),
])
def test_unknown_keys_and_wrong_types_name_the_file_and_line(tmp_path, rule_yaml, line, problem):
    folder = make_pack(tmp_path, rule_yaml)
    with pytest.raises(PackError) as err:
        Registry.load([folder])
    assert err.value.path.endswith("rule.yml") and err.value.line == line, err.value
    assert problem in err.value.problem


@pytest.mark.parametrize("meta,problem", [
    ("name: house\nlanguage: en\n", "_pack.yml:2: unknown key 'language'"),
    ("name: [a, b]\n", "_pack.yml:1: 'name' has the wrong type"),
    ("name: house\ndefault: maybe\n", "_pack.yml:2: 'default' has the wrong type"),
])
def test_pack_settings_are_checked(tmp_path, meta, problem):
    folder = make_pack(tmp_path, HEAD + "entries: []\n", meta)
    with pytest.raises(PackError, match=re.escape(problem)):
        read_pack(folder)


def billion_laughs() -> str:
    """Nine levels of lists of nine aliases: 9**9 'lol's if anything ever expanded it."""
    levels = ["&l0 [" + ", ".join(["lol"] * 9) + "]"]
    levels += [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return "[" + ", ".join(levels) + "]"


@pytest.mark.parametrize("where,line,problem", [
    ("examples:\n  flag: {laughs}\n", 5, "'flag' and 'okay' lists of strings"),
    ("description: {laughs}\n", 5, "'description' must be a string"),
    ("message: {laughs}\n", 5, "'message' must be a string"),
    ("exceptions: {laughs}\n", 5, "'exceptions' must be a list of strings"),
    ("entries:\n  - {{pattern: x, message: {laughs}}}\n", 6, "entry key 'message' has the wrong type"),
])
def test_a_billion_laughs_pack_fails_fast(tmp_path, where, line, problem):
    err = pack_error(tmp_path, HEAD + where.format(laughs=billion_laughs()) + ("entries: []\n" if "entries" not in where else ""))
    assert err.line == line and problem in err.problem, err


@pytest.mark.parametrize("text,problem", [
    ("entries: " + "[" * 20000 + "]" * 20000 + "\n", "nested too deeply"),
    ("entries: [\n", ""),
])
def test_deep_or_broken_yaml_is_one_error(tmp_path, text, problem):
    err = pack_error(tmp_path, HEAD + text)
    assert err.path.endswith("rule.yml") and problem in err.problem


def test_deep_config_and_baseline_are_one_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "tqcheck.toml").write_text("select = " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="tqcheck.toml: invalid TOML: nested too deeply"):
        load(tmp_path / "cfg" / "tqcheck.toml")
    (tmp_path / "base.json").write_text("[" * 200000 + "]" * 200000, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kiev.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--baseline", str(tmp_path / "base.json"), str(tmp_path / "a.txt")])
    assert res.exit_code == 2 and res.stderr.strip().endswith("base.json: not a tqcheck baseline: nested too deeply")


def test_unknown_config_key_names_file_and_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tqcheck.toml").write_text('select = ["TE01"]\nfial-on = "major"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kiev.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "tqcheck.toml"), str(tmp_path / "a.txt")])
    assert res.exit_code == 2
    assert res.stderr.startswith(f"tqcheck: error: {tmp_path / 'tqcheck.toml'}: unknown key 'fial-on'")


def test_a_hostile_pack_on_the_command_line_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = make_pack(tmp_path, HEAD + "entries:\n  - {pattern: '(a|aa)+$'}\n")
    (tmp_path / "a.txt").write_text("Kiev.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", "--pack", str(folder), str(tmp_path / "a.txt")])
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.output
    assert res.stderr.startswith(f"tqcheck: error: {folder / 'rule.yml'}:6: pattern backtracks catastrophically")


def test_a_safe_house_pattern_still_works(tmp_path):
    folder = make_pack(tmp_path, HEAD + "entries:\n  - {pattern: '\\bKiev\\b', message: 'say {match} less'}\n")
    rule = load_rules(read_pack(folder))[0]
    assert [(f.text, f.message) for f in rule.check(Document("From Kiev."))] == [("Kiev", "say Kiev less")]
