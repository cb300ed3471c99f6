"""The pack author's guide (docs/packs.md): its worked example pack passes its own tests, the
guide's console output is what the commands print, and ``tqcheck test-pack`` fails as it should."""
import re

from helpers import REPO, invoke, make_pack

GUIDE = REPO / "docs" / "packs.md"
EXAMPLE = "docs/example-pack"


def console_runs(text: str) -> list[tuple[str, str]]:
    """(command, output) of each ``$ tqcheck ...`` line of the guide's console blocks."""
    runs = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = part.partition("\n")
            runs.append((command, output))
    return runs


def mask_score(text: str) -> str:
    return re.sub(r"; score \d+\.\d\d;", "; score S;", text)


def test_the_guides_console_output_is_real():
    runs = console_runs(GUIDE.read_text(encoding="utf-8"))
    assert [command.split()[1] for command, _ in runs] == ["test-pack", "check"]
    for command, output in runs:
        res = invoke(*command.split()[1:], cwd=REPO)
        # the score follows the calibrated weights (`make calibrate`), which the guide need not track
        assert mask_score(res.stdout) == mask_score(output), command


def test_the_example_pack_has_a_rule_of_each_kind_and_an_extension():
    res = invoke("rules", "--pack", EXAMPLE, "--format", "json", cwd=REPO)
    assert res.exit_code == 0
    kinds = {path.name: re.search(r"^(kind|extends): (\S+)", path.read_text(encoding="utf-8"), re.MULTILINE).group(2)
             for path in (REPO / EXAMPLE).glob("*.yml") if path.name != "_pack.yml"}
    assert sorted(kinds.values()) == ["TE01", "glossary", "patterns", "phrases"]


RULE = """\
code: HS01
name: house.words
kind: glossary
category: Style
examples: {flag: ["The negotiations resume."], okay: ["The talks resume."]}
entries:
  - {preferred: talks, variants: [negotiations]}
"""


def test_test_pack_passes_a_good_pack_and_fails_a_bad_example(tmp_path):
    pack = make_pack(tmp_path, RULE)
    res = invoke("test-pack", pack)
    assert res.exit_code == 0
    assert res.stdout.splitlines() == ["HS01 house.words (rule.yml): pass (1 flag, 1 okay examples)",
                                       "tqcheck: all 1 rules pass their examples"]
    make_pack(tmp_path, RULE.replace('okay: ["The talks resume."]', 'okay: ["The negotiations resume."]')
              .replace('flag: ["The negotiations resume."]', 'flag: ["The talks resume."]'))
    res = invoke("test-pack", pack)
    assert res.exit_code == 1
    assert res.stdout.splitlines() == [
        "HS01 house.words (rule.yml): FAIL",
        "  flag example not flagged: 'The talks resume.'",
        "  okay example flagged: 'The negotiations resume.': 'negotiations': Use 'talks', not 'negotiations'.",
        "tqcheck: 1 of 1 rules fail their examples"]


def test_test_pack_wants_both_kinds_of_example(tmp_path):
    pack = make_pack(tmp_path, RULE.replace(', okay: ["The talks resume."]', ""))
    res = invoke("test-pack", pack)
    assert res.exit_code == 1 and "  no 'okay' example" in res.stdout.splitlines()


def test_test_pack_on_a_malformed_pack_is_a_one_line_error(tmp_path):
    pack = make_pack(tmp_path, RULE.replace("kind: glossary", "kind: glosary"))
    res = invoke("test-pack", pack)
    assert res.exit_code == 2
    assert res.stderr.strip() == f"tqcheck: error: {pack / 'rule.yml'}:3: unknown kind 'glosary' (use one of glossary, patterns, phrases)"
