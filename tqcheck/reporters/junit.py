"""JUnit XML: one test case per article, failing when the article fails the gate.

An unreadable article is an ``error``. No timestamps or timings, so the output is byte-stable.
"""
from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from tqcheck.reporters import visible
from tqcheck.reporters.text import finding_line


def render(report, out: TextIO, **_) -> None:
    errors = sum(1 for a in report.articles if a.result.error)
    failures = sum(1 for a in report.articles if not a.result.error and not a.verdict.passed)
    counts = {"tests": str(len(report.articles)), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "tqcheck", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "tqcheck", **counts})
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", {"name": "signature", "value": str(report.signature)})
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
        lines.append(f"score {s.score:.2f}, {len(r.findings)} findings in {s.words} words")
        if not article.verdict.passed:
            ET.SubElement(case, "failure", {"message": visible("; ".join(article.verdict.reasons)),
                                            "type": "gate"}).text = "\n".join(lines)
        else:
            ET.SubElement(case, "system-out").text = "\n".join(lines)
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n")
