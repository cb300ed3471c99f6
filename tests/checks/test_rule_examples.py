"""Every rule's documented examples are tests: `flag` lines must fire, `okay` lines must not."""
import pytest

from tqcheck.document import Document
from tqcheck.registry import Registry

REGISTRY = Registry.load()
CASES = [(rule.code, kind, i, text) for rule in REGISTRY
         for kind in ("flag", "okay") for i, text in enumerate(rule.examples[kind])]


def codes_found(code: str, text: str) -> list[str]:
    rule = REGISTRY.get(code)
    text = text.replace("\\n", "\n")
    if rule.needs_source:  # bilingual examples read "source: ... target: ..."
        from tqcheck.pairing import guess_script_lang, pair_texts

        source, sep, target = text.removeprefix("source: ").partition(" target: ")
        assert sep, f"{code}: a bilingual example needs 'source: ... target: ...'"
        doc = pair_texts(target, source, source_lang=guess_script_lang(source))
    else:
        doc = Document(text)
    return [f.code for f in rule.check(doc)]


@pytest.mark.parametrize("code,kind,index,text", CASES, ids=[f"{c}-{k}-{i}" for c, k, i, _ in CASES])
def test_documented_example(code, kind, index, text):
    found = codes_found(code, text)
    if kind == "flag":
        assert found, f"{code} should flag: {text!r}"
    else:
        assert not found, f"{code} should not flag: {text!r}"


@pytest.mark.parametrize("code", [r.code for r in REGISTRY])
def test_rule_is_documented_with_examples(code):
    rule = REGISTRY.get(code)
    assert rule.description, "no summary line"
    assert rule.examples["flag"], "no 'flag' example"
    assert rule.examples["okay"], "no 'okay' example"
    if not hasattr(rule, "entries"):  # Python rules use ruff-style headings
        assert "What it does:" in rule.doc and "Why it matters:" in rule.doc


def test_names_are_unique_and_dotted():
    names = [r.name for r in REGISTRY]
    assert len(names) == len(set(names))
    assert all("." in n for n in names)
