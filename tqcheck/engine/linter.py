"""The engine: run the selected rules over a document and collect an ArticleResult. No printing."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqcheck.document import Document
from tqcheck.engine.config import Config
from tqcheck.engine.registry import Registry
from tqcheck.finding import Finding, Severity
from tqcheck.formats.pairing import Pairing
from tqcheck.formats.read import InputError, read_document
from tqcheck.options import OptionError
from tqcheck.packs.data import config_line, no_rule
from tqcheck.rule import Rule
from tqcheck.scoring.signals import measure as measure_signals


#: Severity names, highest first (sorting the enum for every article cost more than the counting).
_SEVERITIES = tuple(str(s) for s in sorted(Severity, reverse=True))


#: How the warning of an article with few rules for its language begins.
FEW_RULES_WARNING = "few rules for target language"


@dataclass
class ArticleResult:
    """What checking one article produced. ``error`` is set when the article could not be read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    word_count: int = 0
    sentence_count: int = 0
    error: str | None = None
    #: Rules that raised (a bug in the rule): "CODE: exception".
    rule_errors: list[str] = field(default_factory=list)
    #: Findings switched off in the article or its sidecar file (``tqcheck.engine.suppression.Suppressed``).
    suppressed: list = field(default_factory=list)
    #: Findings accepted by a baseline file (``tqcheck.engine.baseline``); not in ``findings``.
    baselined: list[Finding] = field(default_factory=list)
    #: The decoded article (``Document.raw``) the offsets point into, for reports that show it.
    article_text: str = field(default="", repr=False)
    #: The files this article was compared with (see ``tqcheck.formats.pairing``), if any.
    source_path: str | None = None
    reference_path: str | None = None
    #: Reference-based scores: name -> {"score", "signature", ...} (see ``tqcheck.scoring.metrics``).
    metrics: dict[str, dict] = field(default_factory=dict)
    #: The (hypothesis, reference) segments behind ``metrics``, for corpus-level totals.
    scored_segments: list = field(default_factory=list, repr=False)
    #: Notes about the check itself (e.g. "no source found"), shown as warnings.
    warnings: list[str] = field(default_factory=list)
    #: Quality signals that are not findings (``tqcheck.scoring.signals``), for the score.
    signals: dict[str, float] = field(default_factory=dict)
    #: "source-target" language codes of the checked document ("und" for an unknown source).
    language_pair: str | None = None

    @property
    def coverage_note(self) -> str | None:
        """"few rules for target language ..." when few rules are written for the article's
        language (from its warning, so a cached result has it too): the summary says so, never a
        silent "no findings, pass"."""
        return next((w.split(":", 1)[0] for w in self.warnings if w.startswith(FEW_RULES_WARNING)), None)

    def count_by_severity(self) -> dict[str, int]:
        counts = Counter(str(f.severity) for f in self.findings)
        return {s: counts.get(s, 0) for s in _SEVERITIES}

    def count_by_dimension(self) -> dict[str, int]:
        return dict(sorted(Counter(f.dimension for f in self.findings).items()))

    def failing(self, fail_on: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity >= fail_on]


class Linter:
    """Checks documents with the rules a config selects from a registry."""

    def __init__(self, config: Config | None = None, registry: Registry | None = None) -> None:
        self.config = config or Config()
        if self.config.style:  # a house-style preset: its choices under the config's own
            from tqcheck.engine.style import with_preset

            self.config = with_preset(self.config)
        self.registry = registry or Registry.load(self.config.packs)
        for code in self.config.rule_tables:
            if self.registry.get(code) is None:
                raise OptionError(self.config.path or "config", config_line(self.config.path, code, None),
                                  f"[rules.{code}]: {no_rule(code)}")
        if self.config.rule_options:  # a config file's word-list edits (tqcheck.options)
            self.registry = self.registry.configured(self.config.rule_options, self.config.path)
        self.rules: list[Rule] = self.registry.select(self.config.select, self.config.ignore)
        self._scoped: tuple[list[Rule], dict[tuple, tuple[list[Rule], frozenset[Rule]]]] = (self.rules, {})
        #: Seconds spent in each stage of ``check_pairing`` in this process (``--profile-stages``).
        self.stage_times = {"reading": 0.0, "rules": 0.0, "reference metrics": 0.0}

    def rules_for(self, doc: Document) -> list[Rule]:
        """The rules that apply to *doc*. ``Rule.applies_to`` reads only whether there is a source
        and the two languages, so its answers are kept per such triple (a rule class that
        overrides it is asked about every document)."""
        rules, by_scope = self._scoped
        if rules is not self.rules:  # the selection was replaced
            rules, by_scope = self._scoped = (self.rules, {})
        scope = (doc.source is not None, doc.lang, doc.source_lang)
        found = by_scope.get(scope)
        if found is None:
            custom = frozenset(r for r in rules if type(r).applies_to is not Rule.applies_to)
            found = by_scope[scope] = ([r for r in rules if r in custom or r.applies_to(doc)], custom)
        applicable, custom = found
        return [r for r in applicable if r not in custom or r.applies_to(doc)] if custom else applicable

    def resolve_language(self, doc: Document, declared: str | None = None) -> Document:
        """Set *doc*'s language: --target-lang, else its file name, else the file's metadata (unit
        files, a ``lang:`` header line), else language identification, else the config's
        target-lang (``tqcheck.text.article_language``)."""
        from tqcheck.text.article_language import resolve

        declared = declared or doc.metadata.get("lang") or doc.metadata.get("language")
        doc.lang, _ = resolve(forced=self.config.force_lang, path=doc.path, declared=declared,
                              text=doc.text[doc.body_start:], fallback=self.config.target_lang)
        return doc

    def check_document(self, doc: Document) -> ArticleResult:
        if self.config.domain and doc.domain is None:
            doc.domain = self.config.domain
        result = ArticleResult(path=doc.path, word_count=doc.word_count, article_text=doc.raw)
        findings: list[Finding] = []
        rules = self.rules_for(doc)
        few = self._few_rules_note(doc, rules)
        if few:
            result.warnings.append(few)
        for rule in rules:
            try:
                findings.extend(rule.check(doc))
            except Exception as exc:  # a rule bug must not stop the other rules
                result.rule_errors.append(f"{rule.code}: {type(exc).__name__}: {exc}")
        overrides = self.config.severities
        located = []
        for f in sorted(set(findings), key=Finding.sort_key):
            line, col = doc.line_col(f.start)
            located.append(replace(f, line=line, column=col, severity=overrides.get(f.code, f.severity),
                                   unit=doc.unit_at(f.start) if doc.units else None))
        result.findings = located
        result.sentence_count = len(doc.sentences)
        result.signals = measure_signals(doc)
        result.language_pair = f"{doc.source_lang or 'und'}-{doc.lang}"
        self._suppress(doc, result)
        return result

    #: Fewer rules than this written for an article's language: its result says little (a warning).
    FEW_RULES = 3

    def _few_rules_note(self, doc: Document, rules: list[Rule]) -> str | None:
        """A warning when few rules are written for *doc*'s language (rules for any language, such
        as invisible characters, do not count; the run's selection does not matter): never a
        silent clean pass."""
        from tqcheck.text.locale_profile import base_language

        lang = base_language(doc.lang)
        known = self.__dict__.setdefault("_own_rules", {})
        if lang not in known:
            known[lang] = sum(1 for r in self.registry if r.target_langs
                              and lang in {base_language(x) for x in r.target_langs})
        if known[lang] >= self.FEW_RULES:
            return None
        return (f"{FEW_RULES_WARNING} {doc.lang!r} ({known[lang]} written for it, {len(rules)} run): "
                "a clean result says little about this article")

    def _suppress(self, doc: Document, result: ArticleResult) -> None:
        """Move findings suppressed in the article (or its ``.tqignore`` sidecar) out of ``findings``."""
        from tqcheck.engine import suppression

        directives, warnings = suppression.inline_directives(doc)
        try:
            directives += suppression.read_sidecar(doc) if not doc.path.startswith("<") else []
        except suppression.SidecarError as exc:
            result.error, result.findings = str(exc), []
            return
        result.findings, result.suppressed, unused = suppression.apply(
            result.findings, directives, ran=[r.code for r in self.rules], known=self.registry.rules)
        result.warnings.extend(warnings + unused)

    def check_text(self, text: str, path: str = "<text>", fmt: str = "text") -> ArticleResult:
        doc = Document(text, path=path, format=fmt, lang=self.config.force_lang or self.config.target_lang,
                       source_lang=self.config.source_lang)
        return self.check_document(doc)

    def check_file(self, path: str | Path, encoding: str | None = None) -> ArticleResult:
        try:
            doc = read_document(path, encoding=encoding or self.config.encoding, lang=self.config.target_lang,
                                source_lang=self.config.source_lang, max_bytes=self.config.max_bytes)
        except InputError as exc:
            return ArticleResult(path=str(path), error=str(exc))
        return self.check_document(self.resolve_language(doc))

    def check_pairing(self, pairing: Pairing, encoding: str | None = None) -> ArticleResult:
        """Check an article against its source and score it against its reference (``tqcheck.formats.pairing``)."""
        from time import perf_counter

        from tqcheck.formats.pairing import read_pair

        times, t0 = self.stage_times, perf_counter()
        try:
            pair = read_pair(pairing, encoding=encoding or self.config.encoding,
                             target_lang=self.config.force_lang or self.config.target_lang,
                             source_lang=self.config.source_lang, max_bytes=self.config.max_bytes)
        except InputError as exc:
            return ArticleResult(path=str(pairing.target), error=str(exc), warnings=list(pairing.warnings))
        declared = pair.target.lang if pairing.kind == "units" and pair.target.lang != self.config.target_lang else None
        self.resolve_language(pair.target, pairing.target_lang or declared)
        if pair.reference is not None:
            pair.reference.lang = pair.target.lang
        t1 = perf_counter()
        times["reading"] += t1 - t0
        result = self.check_document(pair.target)
        t2 = perf_counter()
        times["rules"] += t2 - t1
        result.source_path, result.reference_path = pairing.source, pairing.reference
        result.warnings.extend([*pairing.warnings, *pair.warnings])
        if pair.reference is not None:
            from tqcheck.scoring.metrics import score_article

            result.metrics, segments = score_article(pair.target, pair.reference, pair.target.lang)
            result.scored_segments = segments
            times["reference metrics"] += perf_counter() - t2
        return result

    def check_files(self, paths: Sequence[str | Path], encoding: str | None = None) -> list[ArticleResult]:
        return [self.check_file(p, encoding) for p in paths]
