"""Malformed packs fail with file:line; house packs extend shipped rules without copying them."""
import pytest
from helpers import make_pack

from tqcheck.document import Document
from tqcheck.engine.registry import Registry
from tqcheck.packs.build import load_rules
from tqcheck.packs.loader import PackError, read_pack

GOOD = """\
code: HS01
name: house.names
kind: glossary
category: Terminology/Wrong term
severity: major
entries:
  - {preferred: Kyiv, variants: [Kiev]}
"""


@pytest.mark.parametrize("rule_yaml,line,problem", [
    (GOOD.replace("severity: major", "severty: major"), 5, "unknown key 'severty'"),
    (GOOD.replace("kind: glossary", "kind: magic"), 3, "unknown kind 'magic'"),
    (GOOD.replace("severity: major", "severity: huge"), 5, "unknown severity"),
    (GOOD.replace("Terminology/Wrong term", "Vibes"), 4, "unknown MQM category"),
    (GOOD.replace("{preferred: Kyiv, variants: [Kiev]}", "{preferred: Kyiv}"), 7, "lacks 'variants'"),
    (GOOD.replace("{preferred: Kyiv, variants: [Kiev]}", "{preferred: Kyiv, variants: [Kiev], colour: red}"), 7, "unknown entry key 'colour'"),
    (GOOD.replace("entries:", "entries: [\n"), 8, ""),
    (GOOD.replace("code: HS01", "code: house1"), 1, "rule code"),
    ("code: HS02\nname: house.p\nkind: patterns\ncategory: Style\nentries:\n  - {pattern: '(unclosed'}\n", 6, "bad regular expression"),
    ("- just\n- a list\n", 1, "must be a mapping"),
    ("code: !!python/object/apply:os.system ['echo pwned']\n", 1, "could not determine a constructor"),
])
def test_malformed_rule_file_names_file_and_line(tmp_path, rule_yaml, line, problem):
    folder = make_pack(tmp_path, rule_yaml)
    with pytest.raises(PackError) as err:
        load_rules(read_pack(folder))
    assert err.value.path.endswith("rule.yml")
    assert err.value.line == line
    assert problem in err.value.problem
    assert str(err.value).startswith(f"{err.value.path}:{line}: ")


def test_unknown_pack_setting(tmp_path):
    folder = make_pack(tmp_path, GOOD, meta="name: house\nlanguage: en\n")
    with pytest.raises(PackError, match=r"_pack.yml:2: unknown key 'language'"):
        read_pack(folder)


def test_house_pack_adds_removes_and_changes_glossary_entries(tmp_path):
    folder = make_pack(tmp_path, """\
        extends: TE01
        severity: minor
        entries+:
          - {preferred: Kiev, variants: [Kyiv]}
          - {preferred: Odessa-on-Sea, variants: [Odesa]}
        entries-: [Kharkiv]
        """)
    registry = Registry.load([folder])
    rule = registry.get("TE01")
    doc = Document("Kyiv, Kharkov and Odesa.")
    found = {f.text: f.suggestion for f in rule.check(doc)}
    assert found == {"Kyiv": "Kiev", "Odesa": "Odessa-on-Sea"}
    assert all(f.severity.name == "MINOR" for f in rule.check(doc))
    assert Registry.load().get("TE01").severity.name == "MAJOR"  # the shipped rule is untouched


def test_an_added_entry_does_not_inherit_a_message_that_does_not_fit_it(tmp_path):
    """TE01's message says 'Ukrainian-based spelling': right for Kyiv, wrong for Türkiye."""
    folder = make_pack(tmp_path, """\
        extends: TE01
        entries+:
          - {preferred: Türkiye, variants: [Turkey]}
          - {preferred: Chișinău, variants: [Kishinev], message: "Use '{suggestion}' (the Romanian spelling)."}
        """)
    rule = Registry.load([folder]).get("TE01")
    found = {f.text: f.message for f in rule.check(Document("Kiev, Turkey and Kishinev."))}
    assert found == {"Kiev": "Use 'Kyiv' (Ukrainian-based spelling), not 'Kiev'.",
                     "Turkey": "Use 'Türkiye', not 'Turkey'.",
                     "Kishinev": "Use 'Chișinău' (the Romanian spelling)."}


def test_an_extension_message_is_the_message_of_its_added_entries(tmp_path):
    folder = make_pack(tmp_path, """\
        extends: CQ01
        message: "'{match}' is house-style jargon; say '{suggestion}'."
        entries+:
          - {phrase: going forward, suggestion: from now on}
          - {phrase: at this point in time}
        """)
    rule = Registry.load([folder]).get("CQ01")
    found = {f.text: f.message for f in rule.check(Document("Going forward, at this point in time, we see."))}
    assert found["Going forward"] == "'Going forward' is house-style jargon; say 'from now on'."
    assert found["at this point in time"] == "'at this point in time' reads as a calque.", "no 'say None'"


def test_extending_an_unknown_rule_fails(tmp_path):
    folder = make_pack(tmp_path, "extends: ZZ99\n")
    with pytest.raises(PackError, match="extends unknown rule 'ZZ99'"):
        Registry.load([folder])


def test_adding_a_glossary_entry_is_one_line_of_yaml(tmp_path):
    folder = make_pack(tmp_path, GOOD + "  - {preferred: Kharkiv, variants: [Kharkov]}\n")
    rule = load_rules(read_pack(folder))[0]
    assert [f.suggestion for f in rule.check(Document("From Kharkov to Kiev."))] == ["Kharkiv", "Kyiv"]
