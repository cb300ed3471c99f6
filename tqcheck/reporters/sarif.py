"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Every rule is described in ``tool.driver.rules``; each finding is a result with its exact region
(columns in Unicode code points, ``columnKind: unicodeCodePoints``; a unit file's findings by line
and column only, since their offsets are into the units' text), a fix when there is a suggestion, and a ``partialFingerprints`` entry that survives edits elsewhere in the article.
Suppressed findings are results with ``suppressions``; with a baseline, results say whether they
are ``new`` or ``unchanged``. Unreadable articles become tool execution notifications.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from tqcheck.engine.baseline import fingerprint
from tqcheck.reporters.json import corpus_dict
from tqcheck.version import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"critical": "error", "major": "error", "minor": "warning"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def artifact_uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId) for an article path: relative paths are relative to the source root."""
    if path.startswith("<"):
        return quote(path.strip("<>")), None
    p = Path(path)
    if p.is_absolute():
        return p.as_uri(), None
    return quote(p.as_posix()), "%SRCROOT%"


def _location(path: str, f) -> dict:
    uri, base = artifact_uri(path)
    pieces = _LINE_BREAK.split(f.text)
    end_line = f.line + len(pieces) - 1
    end_column = (f.column if len(pieces) == 1 else 1) + len(pieces[-1])
    artifact = {"uri": uri, **({"uriBaseId": base} if base else {})}
    region = {"startLine": f.line, "startColumn": f.column, "endLine": end_line, "endColumn": end_column,
              "snippet": {"text": f.text}}
    if f.unit is None:  # a unit file's offsets point into its units' text, not into the file
        region.update(charOffset=f.start, charLength=f.end - f.start)
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _result(path: str, f, rule_index: dict[str, int], occurrence: int, baseline_state: str | None,
            suppression: dict | None) -> dict:
    message = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion is not None else "")
    out: dict = {"ruleId": f.code, "level": _LEVEL[str(f.severity)], "message": {"text": message},
                 "locations": [_location(path, f)],
                 "partialFingerprints": {"tqcheck/v1": f"{fingerprint(f.code, Path(path).as_posix(), f.text)}:{occurrence}"},
                 "properties": {"category": f.category, "severity": str(f.severity), "name": f.name}}
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    if f.suggestion is not None and f.unit is None:
        uri = _location(path, f)["physicalLocation"]["artifactLocation"]
        out["fixes"] = [{"description": {"text": f"Replace with '{f.suggestion}'"}, "artifactChanges": [{
            "artifactLocation": uri, "replacements": [{
                "deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                "insertedContent": {"text": f.suggestion}}]}]}]
    if baseline_state:
        out["baselineState"] = baseline_state
    if suppression:
        out["suppressions"] = [suppression]
    return out


def _rule(info) -> dict:
    return {
        "id": info.code, "name": info.name,
        "shortDescription": {"text": info.description or info.name},
        "fullDescription": {"text": info.doc or info.description or info.name},
        "help": {"text": info.doc or info.description, "markdown": info.doc or info.description},
        "defaultConfiguration": {"level": _LEVEL.get(info.severity, "warning"), "enabled": info.default_enabled},
        "properties": {"tags": ["translation-quality", info.category.partition("/")[0]],
                       "category": info.category, "severity": info.severity,
                       "problem.severity": "error" if _LEVEL.get(info.severity) == "error" else "warning"},
    }


def sarif_log(report) -> dict:
    """The whole SARIF log of *report* as a dict (``Writer`` writes the same without holding it)."""
    import io

    out = io.StringIO()
    render(report, out)
    return json.loads(out.getvalue())


class Writer:
    """Writes the log's results, artifacts and notifications as each article comes (to spools,
    ``tqcheck.reporters.spool``), the rest at the end: the bytes ``render`` writes."""

    LISTS = ["notifications", "artifacts", "results"]

    def __init__(self, head, out: TextIO, **_) -> None:
        from tqcheck.reporters.spool import spools

        self.out = out
        self.codes = sorted(head.rules)
        self.rule_index = {code: i for i, code in enumerate(self.codes)}
        self.with_baseline = head.signature.baseline is not None
        self.successful = True
        self.spools = spools(self._skeleton(head), self.LISTS)

    def _skeleton(self, report) -> dict:
        from tqcheck.reporters.spool import placeholder

        run = {
            "tool": {"driver": {"name": "tqcheck", "version": __version__, "semanticVersion": __version__,
                                "rules": [_rule(report.rules[c]) for c in self.codes]}},
            "invocations": [{"executionSuccessful": self.successful,
                             "toolExecutionNotifications": [placeholder("notifications")]}],
            "artifacts": [placeholder("artifacts")],
            "columnKind": "unicodeCodePoints",
            "results": [placeholder("results")],
            "properties": {"signature": str(report.signature), "gate": report.gate.describe(),
                           "corpus": corpus_dict(report)},
        }
        return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}

    def add(self, article) -> None:
        r, path = article.result, article.path
        notifications, results = self.spools["notifications"], self.spools["results"]
        uri, base = artifact_uri(path)
        location = {"uri": uri, **({"uriBaseId": base} if base else {})}
        if r.error:
            self.successful = False
            notifications.add({"level": "error", "message": {"text": f"{path}: {r.error}"},
                               "locations": [{"physicalLocation": {"artifactLocation": location}}]})
            return
        for warning in r.warnings:
            notifications.add({"level": "warning", "message": {"text": f"{path}: {warning}"},
                               "locations": [{"physicalLocation": {"artifactLocation": location}}]})
        seen: dict[tuple, int] = {}
        tagged = [(f, "new" if self.with_baseline else None, None) for f in r.findings]
        tagged += [(f, "unchanged", None) for f in r.baselined]
        tagged += [(s.finding, None, {"kind": "inSource" if s.where.startswith("line ") else "external",
                                      "status": "accepted", **({"justification": s.reason} if s.reason else {})})
                   for s in r.suppressed]
        for f, state, suppression in sorted(tagged, key=lambda t: t[0].sort_key()):
            key = (f.code, f.text)
            seen[key] = seen.get(key, 0) + 1
            results.add(_result(path, f, self.rule_index, seen[key], state, suppression))
        s = article.summary
        self.spools["artifacts"].add({"location": location, "properties": {
            "words": s.words, "score": round(s.score, 4), **article.verdict.as_dict()}})

    def close(self, report) -> None:
        from tqcheck.reporters.spool import assemble

        assemble(self._skeleton(report), self.spools, self.out)


def render(report, out: TextIO, **options) -> None:
    writer = Writer(report, out, **options)
    for article in report.articles:
        writer.add(article)
    writer.close(report)
