"""Every rule's documented examples are tests: `flag` lines must fire, `okay` lines must not."""
import pytest
from helpers import rule_findings, shipped_registry

from tqcheck.engine.examples import example_document

CASES = [(rule.code, kind, i, text) for rule in shipped_registry()
         for kind in ("flag", "okay") for i, text in enumerate(rule.examples[kind])]


def codes_found(code: str, text: str) -> list[str]:
    """The article of the example as ``tqcheck test-pack`` reads it (bilingual examples read
    "source: ... target: ...")."""
    return [f.code for f in rule_findings(example_document(shipped_registry().get(code), text), [code])]


@pytest.mark.parametrize("code,kind,index,text", CASES, ids=[f"{c}-{k}-{i}" for c, k, i, _ in CASES])
def test_documented_example(code, kind, index, text):
    found = codes_found(code, text)
    if kind == "flag":
        assert found, f"{code} should flag: {text!r}"
    else:
        assert not found, f"{code} should not flag: {text!r}"


@pytest.mark.parametrize("code", [r.code for r in shipped_registry()])
def test_rule_is_documented_with_examples(code, registry):
    rule = registry.get(code)
    assert rule.description, "no summary line"
    assert rule.examples["flag"], "no 'flag' example"
    assert rule.examples["okay"], "no 'okay' example"
    if not hasattr(rule, "entries"):  # Python rules use ruff-style headings
        assert "What it does:" in rule.doc and "Why it matters:" in rule.doc


def test_names_are_unique_and_dotted(registry):
    names = [r.name for r in registry]
    assert len(names) == len(set(names))
    assert all("." in n for n in names)
