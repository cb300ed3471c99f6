"""JUnit XML: one test case per article, failing when the article fails the gate.

An unreadable article is an ``error``. No timestamps or timings, so the output is byte-stable.
"""
from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from tqcheck.reporters import visible
from tqcheck.reporters.text import finding_line


class Writer:
    """Each test case serialised as its article comes (to a temporary file), the suite's counts
    and the cases assembled at the end: the bytes of ``ElementTree.indent`` over the whole tree."""

    def __init__(self, head, out: TextIO, **_) -> None:
        import tempfile

        self.out = out
        self.tests = self.failures = self.errors = 0
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")

    def add(self, article) -> None:
        r = article.result
        path = visible(r.path)  # XML cannot hold control characters at all
        case = ET.Element("testcase", {"classname": "tqcheck", "name": path, "file": path})
        self.tests += 1
        if r.error:
            self.errors += 1
            ET.SubElement(case, "error", {"message": visible(r.error), "type": "unreadable"}).text = visible(r.error)
        else:
            s = article.summary
            lines = [finding_line(r.path, f) for f in r.findings]
            lines.append(f"score {s.score:.2f}, {len(r.findings)} findings in {s.words} words")
            if not article.verdict.passed:
                self.failures += 1
                ET.SubElement(case, "failure", {"message": visible("; ".join(article.verdict.reasons)),
                                                "type": "gate"}).text = "\n".join(lines)
            else:
                ET.SubElement(case, "system-out").text = "\n".join(lines)
        ET.indent(case, level=2)
        self.spool.write(_CASE_INDENT + ET.tostring(case, encoding="unicode"))

    def close(self, report) -> None:
        import shutil

        counts = {"tests": str(self.tests), "failures": str(self.failures), "errors": str(self.errors), "skipped": "0"}
        suites = ET.Element("testsuites", {"name": "tqcheck", **counts})
        suite = ET.SubElement(suites, "testsuite", {"name": "tqcheck", **counts})
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", {"name": "signature", "value": str(report.signature)})
        ET.SubElement(props, "property", {"name": "gate", "value": report.gate.describe()})
        ET.SubElement(suite, _MARK)
        ET.indent(suites)
        text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
        before, _, after = text.partition(f"{_CASE_INDENT}<{_MARK} />")
        self.out.write(before)
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, self.out)
        self.spool.close()
        self.out.write(after)


#: Where the test cases go in the assembled suite, and their indentation there.
_MARK = "tqcheck-cases"
_CASE_INDENT = "\n    "


def render(report, out: TextIO, **options) -> None:
    writer = Writer(report, out, **options)
    for article in report.articles:
        writer.add(article)
    writer.close(report)
