"""Rule selection and third-party plugins (entry points) for rules and packs."""
import re
import sys
import textwrap

import pytest
from helpers import REPO, invoke

from tqcheck.document import Document
from tqcheck.engine import registry as registry_module
from tqcheck.engine.registry import Registry, SelectorError
from tqcheck.rule import Rule


class ShoutingRule(Rule):
    """Words in capitals.

    What it does: flags words of four or more capital letters.
    Why it matters: a test plugin.
    Example:
        flag: The KREMLIN said so.
        okay: The Kremlin said so.
    """

    code, name, category = "XP01", "plugin.shouting", "Style/Awkward"

    def check(self, doc):
        for m in re.finditer(r"\b[A-Z]{4,}\b", doc.text):
            yield self.finding(doc, m.start(), m.end(), "Shouting.")


class FakeEntryPoint:
    def __init__(self, name, value):
        self.name, self.value = name, value

    def load(self):
        return self.value


def test_selectors_accept_code_prefix_name_family_and_all(registry):
    assert registry.resolve("TE01") == {"TE01"}
    assert registry.resolve("terminology.ukrainian-places") == {"TE01"}
    te = registry.resolve("TE")
    assert "TE01" in te and all(code.startswith("TE") for code in te)
    assert registry.resolve("terminology") == {c for c, r in registry.rules.items() if r.family == "terminology"}
    assert registry.resolve("ALL") == set(registry.rules)
    with pytest.raises(SelectorError, match="unknown rule selector 'ZZ'"):
        registry.resolve("ZZ")


def test_default_selection_leaves_off_rules_out(registry):
    default = {r.code for r in registry.select()}
    off = {c for c, r in registry.rules.items() if not r.default_enabled}
    assert off and not default & off
    assert {r.code for r in registry.select(["ALL"], ["TE"])} == set(registry.rules) - registry.resolve("TE")


def test_default_selector_adds_opt_in_rules_to_the_default_ones(registry):
    default = {r.code for r in registry.select()}
    assert registry.resolve("default") == default
    assert {r.code for r in registry.select(["default", "CQ09"])} == default | {"CQ09"}
    assert "CQ09" not in default


def test_third_party_rules_and_packs_register_through_entry_points(tmp_path, monkeypatch):
    pack = tmp_path / "plugin-pack"
    pack.mkdir()
    (pack / "_pack.yml").write_text("name: plugin-pack\n", encoding="utf-8")
    (pack / "names.yml").write_text(textwrap.dedent("""\
        code: XP02
        name: plugin.names
        kind: glossary
        category: Terminology/Wrong term
        entries:
          - {preferred: Tbilisi, variants: [Tiflis]}
        """), encoding="utf-8")
    groups = {"tqcheck.rules": [FakeEntryPoint("shout", lambda: [ShoutingRule])],
              "tqcheck.packs": [FakeEntryPoint("names", lambda: [str(pack)])]}
    monkeypatch.setattr(registry_module, "entry_points", lambda group: groups.get(group, []))
    reg = Registry.load()
    assert reg.get("XP01").name == "plugin.shouting" and reg.get("XP02").origin == "plugin-pack"
    doc = Document("The KREMLIN spoke of Tiflis.")
    assert [f.code for r in reg.select(["plugin"]) for f in r.check(doc)] == ["XP01", "XP02"]
    assert reg.get("XP02") is not None and Registry.load(plugins=False).get("XP01") is None


def test_two_rules_with_one_code_are_refused():
    with pytest.raises(ValueError, match="two rules share the code XP01"):
        Registry([ShoutingRule(), ShoutingRule()])


def test_rule_reference_in_docs_is_current():
    committed = REPO / "docs" / "rules.md"
    fresh = invoke("rules", "--all", "--format", "markdown").output
    assert committed.read_text(encoding="utf-8") == fresh, "docs/rules.md is stale: run `make demo`"


def test_plugin_discovery_skips_importlib_metadata_only_when_nothing_declares_a_plugin(tmp_path, monkeypatch):
    from importlib.metadata import entry_points as installed

    from tqcheck.engine.installed import may_declare_plugins as _may_declare_plugins

    # In this environment: the quick look and importlib.metadata agree.
    assert _may_declare_plugins() or not [*installed(group="tqcheck.rules"), *installed(group="tqcheck.packs")]
    site = tmp_path / "site"
    dist = site / "tqcheck_house-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "entry_points.txt").write_text("[console_scripts]\nhouse = tqcheck.cli:main\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(site)])
    assert not _may_declare_plugins()  # a console script of tqcheck is no plugin
    (dist / "entry_points.txt").write_text("[tqcheck.rules]\nhouse = house:get_rules\n", encoding="utf-8")
    assert _may_declare_plugins()
    archive = tmp_path / "deps.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    monkeypatch.setattr(sys, "path", [str(tmp_path / "missing"), str(archive)])
    assert _may_declare_plugins()  # cannot look inside: maybe


def test_installed_versions_agree_with_importlib_metadata():
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    from tqcheck.engine.installed import version

    for project in ("blingfire", "langdetect", "sacrebleu", "rapidfuzz", "translate-toolkit", "PyYAML", "no-such-project"):
        try:
            expected = metadata_version(project)
        except PackageNotFoundError:
            expected = None
        assert version(project) == expected, project


def test_a_rule_that_decides_per_document_where_it_applies_is_asked_for_every_document():
    """The engine keeps ``applies_to`` answers per (source?, languages); an override is still asked."""
    from tqcheck.engine.config import Config
    from tqcheck.engine.linter import Linter

    class ShoutingInLongArticles(ShoutingRule):
        def applies_to(self, doc):
            return len(doc.text) > 30 and super().applies_to(doc)

    linter = Linter(Config(select=("XP01",)), registry=Registry([ShoutingInLongArticles()]))
    assert [f.code for f in linter.check_text("A LONG SHOUTING ARTICLE, WITH MORE WORDS.").findings] == ["XP01"] * 6
    assert linter.check_text("The KREMLIN said.").findings == []
    plain = Linter(Config(select=("XP01",)), registry=Registry([ShoutingRule()]))
    assert [f.code for f in plain.check_text("The KREMLIN said.").findings] == ["XP01"]
