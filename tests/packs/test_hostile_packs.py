"""Rule packs and config written by others: no object construction, no runaway regexes, no keys or
types that fail later; every problem is one ``file:line: problem`` error and exit 2."""
import json
import os
import re
import subprocess
import sys

import pytest
import regex
from helpers import REPO, invoke, make_pack

from tqcheck.document import Document
from tqcheck.engine.config import Config, ConfigError, load
from tqcheck.engine.linter import Linter
from tqcheck.engine.registry import Registry
from tqcheck.packs import regex_guard
from tqcheck.packs.build import load_rules
from tqcheck.packs.kinds import YamlRule, pattern_flags
from tqcheck.packs.loader import PackError, read_pack
from tqcheck.packs.regex_guard import GuardedPattern, PatternTimeout, check_structure

HEAD = "code: HS01\nname: house.rule\nkind: patterns\ncategory: Style\n"


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
EXPONENTIAL = "so a search that fails backtracks exponentially"
POLYNOMIAL = "so a search that fails backtracks in polynomial time (cubic or worse)"
#: Patterns that backtrack catastrophically, and why each is refused (naming the piece at fault).
CATASTROPHIC = {
    r"(a+)+$": f"'(a+)+' is a repeat inside a repeat that can match the same text, {EXPONENTIAL}",
    r"(a|aa)+$": f"'(a|aa)+' repeats alternatives that can match the same text, {EXPONENTIAL}",
    r"(x+x+)+y": f"'(x+x+)+' is a repeat inside a repeat that can match the same text, {EXPONENTIAL}",
    r"^(([a-z])+.)+[A-Z]([a-z])+$": f"'(([a-z])+.)+' is a repeat inside a repeat that can match the same text, {EXPONENTIAL}",
    r"Moscow (a|aa)+$": f"'(a|aa)+' repeats alternatives that can match the same text, {EXPONENTIAL}",
    r"(?=Q)Q(\w|\w\w)+!": f"'(\\w|\\w\\w)+' repeats alternatives that can match the same text, {EXPONENTIAL}",
    r"(a*)*b": f"'(a*)*' is a repeat inside a repeat that can match the same text, {EXPONENTIAL}",
    r"(?:a?b?)+c": f"'(?:a?b?)+' can split the same text into its iterations in more than one way, {EXPONENTIAL}",
    r"\bx(?=(a|aa)+$)": f"'(a|aa)+' repeats alternatives that can match the same text, {EXPONENTIAL}",
    r"(\w+)\1+x": "'\\1+' repeats a back-reference to a group whose copies can divide the same text in more than one "
                  f"way, {POLYNOMIAL}",
    r"[a-z]+[a-z]+[a-z]+[0-9]": f"'[a-z]+[a-z]+': two repeats in a row can take turns over the same text, {POLYNOMIAL}",
    r"\w+\d+x": f"'\\w+\\d+': two repeats in a row can take turns over the same text, {POLYNOMIAL}",
    r"(?i)[A-Z]+[a-z]+[0-9]": f"'[A-Z]+[a-z]+': two repeats in a row can take turns over the same text, {POLYNOMIAL}",
    r"<[^>]*\s*>": f"'[^>]*\\s*': two repeats in a row can take turns over the same text, {POLYNOMIAL}",
}
#: Patterns of the same look that cannot: the repeats never compete for a character.
LINEAR = [r"\w+\s+\w+", r"[A-Z]+[a-z]+[0-9]", r"[^\W_]+(?:[-'’][^\W_]+)*", r"(?:\d{1,3},)+\d{3}", r"([,;:!?])\1+",
          r"(\w+)(?: \1)+\b", r"<[^>]*>", r"(?:ab)+(?:ba)+x", r"\d{1,7}\d{1,7}x", r"(?:a|aa){1,3}$", r"(?i)[A-Z]+[0-9]+x",
          r"(?=(\w+))\1x", r"\bKiev\b(?! Rus)"]


def yaml_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def refusal(tmp_path, pattern: str, where: str = "entries") -> PackError:
    """The error of loading a house rule with *pattern* among its entries or exceptions."""
    if where == "entries":
        return pack_error(tmp_path, HEAD + f"entries:\n  - {{pattern: 'Kiev'}}\n  - {{pattern: {yaml_quoted(pattern)}}}\n")
    return pack_error(tmp_path, HEAD.replace("patterns", "glossary")
                      + f"exceptions: [{yaml_quoted(pattern)}]\nentries: [{{preferred: Kyiv, variants: [Kiev]}}]\n")


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_patterns_are_refused_at_load_naming_file_line_rule_and_piece(tmp_path, pattern):
    err = refusal(tmp_path, pattern)
    assert err.path.endswith("rule.yml") and err.line == 7, err
    assert err.problem == f"HS01: pattern '{pattern}': {CATASTROPHIC[pattern]}", err


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_exceptions_are_refused_too(tmp_path, pattern):
    err = refusal(tmp_path, pattern, "exceptions")
    assert err.line == 5 and err.problem == f"HS01: exception '{pattern}': {CATASTROPHIC[pattern]}", err


@pytest.mark.parametrize("pattern", LINEAR)
def test_patterns_whose_repeats_never_compete_load(tmp_path, pattern):
    folder = make_pack(tmp_path, HEAD + f"entries:\n  - {{pattern: {yaml_quoted(pattern)}}}\n")
    assert [r.code for r in load_rules(read_pack(folder))] == ["HS01"]


def test_ignorecase_is_part_of_the_verdict(tmp_path):
    """[A-Z]+ and [a-z]+ compete only when the rule ignores case (as its patterns then run)."""
    rule = HEAD + "entries:\n  - {pattern: '[A-Z]+[a-z]+[0-9]'}\n"
    load_rules(read_pack(make_pack(tmp_path, rule)))
    err = pack_error(tmp_path, rule.replace("entries:", "ignorecase: true\nentries:"))
    assert err.line == 7 and "two repeats in a row" in err.problem, err


def test_every_hostile_pattern_is_refused_the_same_way_on_every_run(tmp_path):
    """The verdict is a function of the pattern alone: loaded again and again, and in fresh
    interpreters with other hash seeds, each pattern gives the same one-line error."""
    patterns = list(CATASTROPHIC) + ["", "a*", r"\s*"]
    runs = [[refusal(tmp_path, p).problem for p in patterns] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    script = ("import json, re, sys\nfrom tqcheck.packs.regex_guard import UnsafePattern, check_structure\n"
              "out = []\nfor p in json.loads(sys.argv[1]):\n    try:\n        check_structure(p, re.MULTILINE)\n"
              "        out.append(None)\n    except UnsafePattern as exc:\n        out.append(str(exc))\n"
              "print(json.dumps(out))\n")
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, json.dumps(patterns)], env=env, capture_output=True,
                              text=True, check=True)
        assert [f"HS01: pattern '{p}': {m}" for p, m in zip(patterns, json.loads(done.stdout))] == runs[0]


def documented_refusals() -> list[tuple[str, list[str]]]:
    """(refused pattern, its rewrites) for each row of the table in docs/packs.md."""
    text = (REPO / "docs" / "packs.md").read_text(encoding="utf-8")
    table = text.split("| refused | why | rewrite |\n")[1].split("\n\n")[0]
    rows = []
    for line in table.splitlines()[1:]:
        cells = [[code.replace("\\|", "|") for code in re.findall(r"`([^`]+)`", cell)]
                 for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        rows.append((cells[0][0], cells[2]))
    return rows


@pytest.mark.parametrize("refused,rewrites", documented_refusals())
def test_the_documented_refusals_and_rewrites_hold(refused, rewrites):
    with pytest.raises(regex_guard.UnsafePattern):
        check_structure(refused, re.MULTILINE)
    for rewrite in rewrites:
        check_structure(rewrite, re.MULTILINE)


def test_a_pattern_too_large_to_check_is_refused_not_accepted(tmp_path):
    err = refusal(tmp_path, "(?:(?:(?:(?:(?:ab){8}){8}){8}){8})")  # 8,192 character items once expanded
    assert err.problem.endswith(": pattern is too complex to check for catastrophic backtracking; "
                                "split it into simpler patterns"), err


@pytest.mark.parametrize("pattern", ["", "a*", "(?:Kiev)?", "x|", r"\s*", r"\b", "(?=Kiev)"])
def test_patterns_matching_empty_text_are_refused(tmp_path, pattern):
    err = pack_error(tmp_path, HEAD + "entries:\n  - {pattern: '%s'}\n" % pattern)
    assert err.line == 6 and err.problem == f"HS01: pattern '{pattern}': pattern matches empty text, so it would flag every position"


def test_every_shipped_pack_pattern_passes_the_structural_check(registry):
    """Shipped packs skip the check at load (start-up time), so it runs here: every pattern entry
    and exception of every YAML rule, with the flags the rule runs it with."""
    checked = 0
    for rule in registry:
        if not isinstance(rule, YamlRule):
            continue
        regexes = [] if rule.literal else [rule.entry_regex(e) for e in rule.entries]
        for regex in regexes + rule.exceptions:
            check_structure(regex, pattern_flags(rule.ignorecase))
            checked += 1
    assert checked > 80


class _GivesUp:
    """Stands in for a compiled ``regex`` pattern: searching a text that contains STALL raises the
    engine's TimeoutError (as ``regex`` does past its ``timeout``), other texts are searched for real."""

    def __init__(self, pattern: GuardedPattern) -> None:
        self.real = regex.compile(pattern.pattern, regex_guard._regex_flags(pattern.flags))
        self.timeouts: list[float] = []

    def finditer(self, text, pos=0, timeout=None):
        self.timeouts.append(timeout)
        if "STALL" in text:
            raise TimeoutError("regex timed out")
        return self.real.finditer(text, pos, timeout=timeout)


def _in_a_thread(work):
    """What *work()* returns or raises, run outside the main thread (as a Dask worker's threads run it)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(work).result()


def test_a_search_past_its_time_limit_stops_with_pattern_timeout():
    # Outside the main thread the budget is regex's own timeout.
    pattern = GuardedPattern(r"Za+", where="house/rule.yml: patterns")
    pattern._compiled = engine = _GivesUp(pattern)
    assert _in_a_thread(lambda: [m.group() for m in pattern.finditer("Zaa")]) == ["Zaa"]
    text = "STALL   " * 2**15  # a quarter of a MiB: a budget of 2 s + 20 s / 4
    with pytest.raises(PatternTimeout, match=r"^house/rule\.yml: patterns: gave up after 7 s on this article$"):
        _in_a_thread(lambda: list(pattern.finditer(text)))
    assert engine.timeouts == [pattern.budget("Zaa"), 7.0]
    # In the main thread, an interval timer of the process's CPU time (no timeout is passed).
    with pytest.raises(PatternTimeout, match=r"gave up after 7 s on this article$"):
        list(pattern.finditer(text))
    assert engine.timeouts[2:] == [None]


class _TimerFires:
    """Stands in for a compiled pattern whose search outlasts its budget: it delivers the interval
    timer's signal itself, so the test never waits for a clock."""

    def finditer(self, text, pos=0, timeout=None):
        import signal

        assert timeout is None and signal.getitimer(signal.ITIMER_VIRTUAL)[0] > 0  # the timer is armed
        signal.raise_signal(signal.SIGVTALRM)
        return iter(())


def test_the_interval_timers_signal_stops_a_search_and_the_timer_is_disarmed_after_it():
    import signal

    handler = signal.getsignal(signal.SIGVTALRM)
    runaway = GuardedPattern(r"Za+", where="house/rule.yml: patterns")
    runaway._compiled = _TimerFires()
    with pytest.raises(PatternTimeout, match=r"^house/rule\.yml: patterns: gave up after"):
        list(runaway.finditer("Zaa"))
    assert [m.group() for m in GuardedPattern(r"Za+").finditer("Zaa Za")] == ["Zaa", "Za"]
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGVTALRM) == handler


def test_a_runaway_pattern_is_an_error_for_that_article_and_the_run_goes_on(tmp_path, monkeypatch):
    folder = make_pack(tmp_path, HEAD + "entries:\n  - {pattern: 'Za+'}\n")
    engine = GuardedPattern._compiled.func
    monkeypatch.setattr(GuardedPattern, "_compiled", property(lambda p: _GivesUp(p) if str(folder) in p.where else engine(p)))
    (tmp_path / "slow.txt").write_text("Kiev.\nZaa STALL\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("Kiev.\nZaa\n", encoding="utf-8")
    linter = Linter(Config(select=("HS01", "TE01")), Registry.load([folder]))
    slow, fine = linter.check_file(tmp_path / "slow.txt"), linter.check_file(tmp_path / "fine.txt")
    assert slow.rule_errors == [f"HS01: PatternTimeout: {folder / 'rule.yml'}: patterns: gave up after 2 s on this article"]
    assert [f.code for f in slow.findings] == ["TE01"], "the other rules still report"
    assert fine.rule_errors == [] and [f.code for f in fine.findings] == ["TE01", "HS01"]
    monkeypatch.chdir(tmp_path)
    res = invoke("check", "--no-cache", "--jobs", "1", "--format", "json", "--pack", str(folder),
                                    "--select", "HS01,TE01", "slow.txt", "fine.txt")
    assert res.exit_code == 2, res.output
    assert res.stderr == (f"tqcheck: error: slow.txt: internal error in rule HS01: PatternTimeout: {folder / 'rule.yml'}: "
                          "patterns: gave up after 2 s on this article\n")
    assert [[f["code"] for f in file["findings"]] for file in json.loads(res.stdout)["articles"]] == [["TE01"], ["TE01", "HS01"]]


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
    res = invoke("check", "--baseline", str(tmp_path / "base.json"), str(tmp_path / "a.txt"))
    assert res.exit_code == 2 and res.stderr.strip().endswith("base.json: not a tqcheck baseline: nested too deeply")


def test_unknown_config_key_names_file_and_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tqcheck.toml").write_text('select = ["TE01"]\nfial-on = "major"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Kiev.\n", encoding="utf-8")
    res = invoke("check", "--config", str(tmp_path / "tqcheck.toml"), str(tmp_path / "a.txt"))
    assert res.exit_code == 2
    assert res.stderr.startswith(f"tqcheck: error: {tmp_path / 'tqcheck.toml'}: unknown key 'fial-on'")


def test_a_hostile_pack_on_the_command_line_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = make_pack(tmp_path, HEAD + "entries:\n  - {pattern: '(a|aa)+$'}\n")
    (tmp_path / "a.txt").write_text("Kiev.\n", encoding="utf-8")
    res = invoke("check", "--pack", str(folder), str(tmp_path / "a.txt"))
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.output
    assert res.stderr == (f"tqcheck: error: {folder / 'rule.yml'}:6: HS01: pattern '(a|aa)+$': '(a|aa)+' repeats "
                          "alternatives that can match the same text, so a search that fails backtracks exponentially\n")


def test_a_safe_house_pattern_still_works(tmp_path):
    folder = make_pack(tmp_path, HEAD + "entries:\n  - {pattern: '\\bKiev\\b', message: 'say {match} less'}\n")
    rule = load_rules(read_pack(folder))[0]
    assert [(f.text, f.message) for f in rule.check(Document("From Kiev."))] == [("Kiev", "say Kiev less")]
