"""JUnit XML: one test case per article, failing when the article fails the gate.

Without a gate (``tqcheck report``), an article fails when its score is under the cut score.
An unreadable article is an ``error``. No timestamps or timings, so the output is byte-stable.
"""
from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from tqcheck.reporters import visible
from tqcheck.reporters.text import finding_line
from tqcheck.scoring.summary import format_number


def _failure_reasons(article) -> tuple[str, ...]:
    if article.verdict is not None:
        return () if article.verdict.passed else article.verdict.reasons
    s = article.summary
    return () if s.passed else (f"score {s.score:.2f} is under the cut score {format_number(s.cut_score)}",)


def render(report, out: TextIO, **_) -> None:
    errors = sum(1 for a in report.articles if a.result.error)
    failures = sum(1 for a in report.articles if not a.result.error and _failure_reasons(a))
    counts = {"tests": str(len(report.articles)), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "tqcheck", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "tqcheck", **counts})
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", {"name": "signature", "value": str(report.signature)})
    if report.gate is not None:
        ET.SubElement(props, "property", {"name": "gate", "value": report.gate.describe()})
    for article in report.articles:
        r = article.result
        path = visible(r.path)  # XML cannot hold control characters at all
        case = ET.SubElement(suite, "testcase", {"classname": "tqcheck", "name": path, "file": path})
        if r.error:
            ET.SubElement(case, "error", {"message": visible(r.error), "type": "unreadable"}).text = visible(r.error)
            continue
        s = article.summary
        lines = [finding_line(r.path, f) for f in r.findings]
        lines.append(f"score {s.score:.2f} (cut {format_number(s.cut_score)}), {len(r.findings)} findings "
                     f"in {s.words} words")
        reasons = _failure_reasons(article)
        if reasons:
            ET.SubElement(case, "failure", {"message": visible("; ".join(reasons)), "type": "gate"}).text = "\n".join(lines)
        else:
            ET.SubElement(case, "system-out").text = "\n".join(lines)
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n")
