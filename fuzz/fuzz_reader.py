"""Coverage-guided fuzzing (atheris/libFuzzer) of the reader, every rule and the reporters.

Each input is raw article bytes: the first byte picks the format (text, Markdown, HTML) and
whether a legacy encoding is forced; the rest is decoded as ``tqcheck`` decodes a file. Anything
but a clean ``InputError`` (a one-line reason) is a crash, and so is a finding whose span is not
its text or a rule that reports an internal error. libFuzzer's ``-timeout`` turns a hang into a
failure too. Run it through ``make fuzz`` (time-bounded), or by hand::

    .venv/bin/python fuzz/fuzz_reader.py -max_total_time=600 -timeout=20 fuzz/corpus
"""
import io
import sys

import atheris

with atheris.instrument_imports(include=["tqcheck"]):
    from tqcheck.document import Document
    from tqcheck.engine.config import Config
    from tqcheck.engine.linter import Linter
    from tqcheck.engine.registry import Registry
    from tqcheck.engine.report import build_report
    from tqcheck.formats.read import InputError, decode
    from tqcheck.reporters import render
    from tqcheck.scoring.summary import Scoring
    from tqcheck.scoring.weights import PRESETS

    LINTER = Linter(Config(select=("ALL",)), Registry.load())  # imports (and instruments) every rule
SCORING = Scoring(PRESETS["mqm-core"])
FORMATS = ("text", "markdown", "html")
ENCODINGS = (None, None, None, "latin-1", "cp1251", "utf-16-le")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    fmt, encoding = FORMATS[data[0] % 3], ENCODINGS[data[0] // 3 % len(ENCODINGS)]
    try:
        text = decode(data[1:], encoding)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc), repr(exc)
        return
    doc = Document(text, path="fuzz.txt", format=fmt)
    result = LINTER.check_document(doc)
    assert not result.rule_errors, result.rule_errors
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text) and f.text == text[f.start:f.end], f
    report = build_report([result], LINTER, SCORING)
    for name in ("text", "json", "sarif", "junit", "github", "markdown"):
        render(name, report, io.StringIO())


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
