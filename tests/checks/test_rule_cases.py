"""The rule cases of ``tests/checks/rule_cases/<family>.yml`` (as sqlfluff's std_rule_cases): one file per
rule family, each case a named mapping:

* ``rule``: the rule's code;
* ``fail_str`` with ``findings`` (what the rule reports, in order: each ``text``, and where it
  matters ``start``, ``suggestion``, ``message``, ``severity``, ``category`` or ``fixable``), or
  ``pass_str`` (the rule reports nothing);
* optionally ``source_str`` (a bilingual rule's source) and ``source_lang``, ``target_lang`` (default en), ``format`` (text,
  markdown or html), and ``options``: a config file's ``[rules.CODE]`` keys (``"surnames+"`` ...),
  applied the way ``tqcheck check`` applies them.

Each rule's ``flag:``/``okay:`` docstring examples are tested in test_rule_examples.py; property
tests and checks of fast paths stay in Python.
"""
from pathlib import Path

import pytest
import yaml
from helpers import rule_findings

from tqcheck.document import Document
from tqcheck.formats.pairing import guess_script_lang, pair_texts

CASES = Path(__file__).parent / "rule_cases"
_CASE_KEYS = {"rule", "fail_str", "pass_str", "findings", "source_str", "source_lang", "target_lang", "format", "options"}
_FINDING_KEYS = {"text", "start", "suggestion", "message", "severity", "category", "fixable"}


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


CASE_PARAMS = [pytest.param(path, name, case, id=f"{path.stem}:{name}")
               for path in sorted(CASES.glob("*.yml")) for name, case in _load(path).items()]


def _registry(registry, path: Path, case: dict):
    if "options" in case:  # on copies of the rules, as a config file's [rules.CODE] table would
        return registry.configured({case["rule"]: case["options"]}, str(path))
    return registry


def _document(case: dict):
    text = case.get("fail_str", case.get("pass_str"))
    if "source_str" in case:
        source = case["source_str"]
        return pair_texts(text, source, source_lang=case.get("source_lang") or guess_script_lang(source),
                          target_lang=case.get("target_lang", "en"))
    return Document(text, format=case.get("format", "text"), source_lang=case.get("source_lang"),
                    lang=case.get("target_lang", "en"))


def _seen(finding, expected: dict) -> dict:
    """The fields of *finding* that *expected* names, as the case file writes them."""
    values = {"text": finding.text, "start": finding.start, "suggestion": finding.suggestion, "message": finding.message,
              "severity": str(finding.severity), "category": finding.category, "fixable": finding.fixable}
    return {key: values[key] for key in expected}


@pytest.mark.parametrize("path,name,case", CASE_PARAMS)
def test_rule_case(registry, path, name, case):
    assert set(case) <= _CASE_KEYS, f"unknown keys {sorted(set(case) - _CASE_KEYS)}"
    assert ("fail_str" in case) != ("pass_str" in case), "a case has a fail_str or a pass_str"
    registry = _registry(registry, path, case)
    rule = registry.get(case["rule"])
    assert rule is not None and rule.family == path.stem, f"{case['rule']} is not a rule of {path.stem}"
    found = rule_findings(_document(case), [rule.code], registry=registry)
    if "pass_str" in case:
        assert [(f.text, f.message) for f in found] == []
        return
    expected = case["findings"]
    assert expected and all(set(e) <= _FINDING_KEYS and "text" in e for e in expected)
    assert [_seen(f, e) for f, e in zip(found, expected)] == expected
    assert len(found) == len(expected), [(f.text, f.message) for f in found]


def test_every_family_has_a_case_file_and_every_rule_a_case(registry):
    families = {rule.family for rule in registry}
    assert {path.stem for path in CASES.glob("*.yml")} == families
    covered = {case["rule"] for _, _, case in (p.values for p in CASE_PARAMS)}
    assert {rule.code for rule in registry} <= covered


def test_options_cases_extend_and_shrink_a_list():
    """The case files exercise the option edits: some case adds to a list, some removes from one."""
    edits = {key[-1] for _, _, case in (p.values for p in CASE_PARAMS) for key in case.get("options", {})}
    assert {"+", "-"} <= edits
