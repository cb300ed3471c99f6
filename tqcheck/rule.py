"""The rule API: a rule is metadata plus a pure ``check(document) -> findings``."""
from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import ClassVar

from tqcheck.document import Document
from tqcheck.finding import Finding, Severity, check_category
from tqcheck.options import describe as describe_options
from tqcheck.text.prefilter import may_match

CODE_RE = re.compile(r"^[A-Z]{2}\d{2}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXAMPLE_LINE = re.compile(r"^\s*(flag|okay):\s?(.*)$", re.MULTILINE)


class LazyPattern:
    """A regular expression compiled on its first search (``lazy_compile``).

    Compiling every rule's patterns at import was a third of the start-up time of ``tqcheck
    check``, though on a given article most rules stop at their prefilter (``iter_matches``),
    which reads only ``pattern`` and ``flags``. After the first use the compiled pattern's
    methods are attributes of this object, so a search costs what it costs on ``re.Pattern``.
    """

    _METHODS = ("finditer", "search", "match", "fullmatch", "findall", "sub", "subn", "split", "scanner",
                "groupindex", "groups")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = re.RegexFlag(flags | (0 if flags & re.ASCII else re.UNICODE))  # as re.compile reports them

    @cached_property
    def compiled(self) -> re.Pattern:
        compiled = re.compile(self.pattern, self.flags)
        for name in self._METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str):
        if name.startswith("__") or name not in self._METHODS:
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self.flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile`` on first use; for a rule module's patterns (see ``LazyPattern``)."""
    return LazyPattern(pattern, flags)


class Rule:
    """Base class of every rule.

    Python rules set the metadata as class attributes and document themselves in the docstring
    (summary line, ``What it does:``, ``Why it matters:``, ``Example:`` with ``flag:``/``okay:``
    lines that the test suite runs). Declarative rules from YAML packs set the same attributes per
    instance (see ``tqcheck.packs.kinds``).
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.MINOR
    #: Off unless selected explicitly; the docs say why.
    default_enabled: ClassVar[bool] = True
    #: Source languages the rule is meant for (calques); empty means any.
    source_langs: ClassVar[frozenset[str]] = frozenset()
    #: Target languages the rule understands; empty means any.
    target_langs: ClassVar[frozenset[str]] = frozenset({"en"})
    #: Where the rule comes from: "tqcheck" for built-ins, a pack name for YAML rules.
    origin: ClassVar[str] = "tqcheck"
    #: Bilingual rules compare with the aligned source (``doc.source``) and are skipped without one.
    needs_source: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if cls.code:  # concrete Python rule: validate its metadata once, at import
            validate_metadata(cls.code, cls.name, cls.category, cls.__name__)

    # -- metadata --------------------------------------------------------------------------
    @property
    def family(self) -> str:
        return self.name.partition(".")[0]

    @property
    def doc(self) -> str:
        return inspect.cleandoc(type(self).__doc__ or "") + describe_options(type(self))

    @property
    def description(self) -> str:
        return self.doc.split("\n", 1)[0].strip()

    @property
    def examples(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {"flag": [], "okay": []}
        for kind, text in _EXAMPLE_LINE.findall(self.doc):
            found[kind].append(text)
        return found

    def applies_to(self, doc: Document) -> bool:
        if self.needs_source and doc.source is None:
            return False
        if self.target_langs and doc.lang not in self.target_langs:
            return False
        return not (self.source_langs and doc.source_lang and doc.source_lang not in self.source_langs)

    # -- checking --------------------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, doc: Document, start: int, end: int, message: str, suggestion: str | None = None,
                *, severity: Severity | None = None, category: str | None = None,
                fixable: bool = False, source_span: tuple[int, int] | None = None) -> Finding:
        """A finding of this rule over ``doc.raw[start:end]`` (and ``doc.source`` at *source_span*)."""
        source_start, source_end = source_span or (None, None)
        return Finding(
            code=self.code, name=self.name, category=category or self.category,
            severity=severity or self.severity, start=start, end=end, text=doc.raw[start:end],
            message=message, suggestion=suggestion, fixable=fixable,
            source_start=source_start, source_end=source_end,
        )


def validate_metadata(code: str, name: str, category: str, where: str) -> None:
    if not CODE_RE.match(code):
        raise ValueError(f"{where}: rule code {code!r} must be two capital letters and two digits, e.g. PU01")
    if not NAME_RE.match(name):
        raise ValueError(f"{where}: rule name {name!r} must look like 'family.kebab-name'")
    check_category(category)


def iter_matches(pattern: re.Pattern, doc: Document, start: int | None = None, *,
                 needs: re.Pattern | None = None) -> Iterator[re.Match]:
    """Matches of *pattern* over the checkable text of *doc* (metadata header excluded).

    *needs*, if given, is a quick pattern that matches inside every match of *pattern* (for
    instance the two marks of ",," for a repeated-punctuation pattern): where it finds nothing,
    *pattern* is not run. ``tests/text/test_fast_paths.py`` checks each such pair.
    """
    begin = doc.body_start if start is None else start
    if (needs is not None and not needs.search(doc.text, begin)) or not may_match(pattern, doc.index):
        return iter(())  # the pattern's required text is not in the article
    return pattern.finditer(doc.text, begin)
