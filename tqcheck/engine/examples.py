"""A rule's documented examples, run as tests: each ``flag`` example must draw a finding of the
rule and each ``okay`` example none (``tqcheck test-pack``, and the test suite for the shipped rules).

An example is one article; ``\\n`` in it is a line break. A rule that compares a translation with
its source takes examples written ``source: ... target: ...``.
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from tqcheck.document import Document
from tqcheck.formats.pairing import guess_script_lang, pair_texts


@dataclass(frozen=True)
class Outcome:
    kind: str            # "flag" or "okay"
    text: str
    findings: tuple      # the rule's findings on the example
    problem: str | None = None  # a malformed example

    @property
    def passed(self) -> bool:
        return self.problem is None and bool(self.findings) == (self.kind == "flag")


def example_document(rule, text: str) -> Document:
    """The article an example of *rule* stands for."""
    article = text.replace("\\n", "\n")
    lang = "en" if not rule.target_langs or "en" in rule.target_langs else sorted(rule.target_langs)[0]
    tagged = re.match(r"\[([a-z]{2,3})\] ", article)  # "flag: [de] ..." : an example in that language
    if tagged:
        lang, article = tagged.group(1), article[tagged.end():]
    if not rule.needs_source:
        return Document(article, lang=lang)
    source, sep, target = article.removeprefix("source: ").partition(" target: ")
    if not sep:
        raise ValueError("a bilingual example reads 'source: ... target: ...'")
    return pair_texts(target, source, source_lang=guess_script_lang(source), target_lang=lang)


def run_examples(rule) -> list[Outcome]:
    """The outcome of each of *rule*'s examples, flag ones first."""
    outcomes = []
    for kind in ("flag", "okay"):
        for text in rule.examples[kind]:
            try:
                doc = example_document(rule, text)
            except ValueError as exc:
                outcomes.append(Outcome(kind, text, (), str(exc)))
                continue
            found = tuple(rule.check(doc)) if rule.applies_to(doc) else ()
            outcomes.append(Outcome(kind, text, found))
    return outcomes
