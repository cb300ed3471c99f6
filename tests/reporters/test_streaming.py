"""Streamed output (each article written as it is checked, issue 14) is byte for byte the output
of rendering the whole report at once, for every streaming format."""
import io
import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from helpers import FIXTURES, REPO, invoke

from tqcheck.engine.config import Config
from tqcheck.engine.linter import Linter
from tqcheck.engine.report import ReportBuilder, build_report
from tqcheck.formats.pairing import plan
from tqcheck.formats.paths import iter_article_paths
from tqcheck.reporters import STREAMING, render, writer
from tqcheck.scoring.gate import Gate
from tqcheck.scoring.summary import Scoring


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The examples, a paired article, an unreadable one and one without findings."""
    root = tmp_path_factory.mktemp("stream")
    shutil.copytree(REPO / "examples", root / "examples")
    shutil.copytree(FIXTURES / "bilingual", root / "bilingual")
    (root / "bad.en.txt").write_bytes(b"\xff\xfe\x00\xd8")
    (root / "clean.en.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    return root


def _results(folder, linter):
    errors = []
    pairings, _ = plan(list(iter_article_paths((str(folder),), errors)))
    return [linter.check_pairing(p) for p in pairings]


@pytest.mark.parametrize("fmt", sorted(STREAMING))
@pytest.mark.parametrize("gate", [Gate(), Gate(fail_under=90.0)])
def test_streamed_output_equals_the_whole_report(folder, fmt, gate):
    linter = Linter(Config())
    results = _results(folder, linter)
    whole = io.StringIO()
    render(fmt, build_report(results, linter, Scoring(), gate), whole)
    builder = ReportBuilder(linter, Scoring(), gate, keep=False)
    streamed = io.StringIO()
    w = writer(fmt, builder.head(), streamed)
    for result in results:
        w.add(builder.add(result))
    report = builder.finish()
    w.close(report)
    assert report.articles == () and report.count == len(results)
    assert streamed.getvalue() == whole.getvalue()
    if fmt in ("json", "sarif"):
        json.loads(streamed.getvalue())


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "text"])
def test_an_empty_run_streams_the_empty_report(tmp_path, fmt):
    linter = Linter(Config())
    whole = io.StringIO()
    render(fmt, build_report([], linter, Scoring()), whole)
    builder = ReportBuilder(linter, Scoring(), keep=False)
    streamed = io.StringIO()
    w = writer(fmt, builder.head(), streamed)
    w.close(builder.finish())
    assert streamed.getvalue() == whole.getvalue()


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_the_cli_streams_what_it_wrote_before(folder, fmt):
    """`tqcheck report` builds the whole report first, `tqcheck check` streams: the same bytes."""
    streamed = invoke("check", "--no-cache", "--jobs", "1", "--exit-zero", "--format", fmt, folder)
    whole = invoke("report", "--no-cache", "--jobs", "1", "--format", fmt, folder)
    assert streamed.exit_code == 2 and whole.exit_code == 2  # the unreadable article
    assert streamed.stdout == whole.stdout and streamed.stderr == whole.stderr


def test_profile_stages_names_each_stage(folder):
    result = invoke("check", "--no-cache", "--jobs", "1", "--exit-zero", "--profile-stages", "--format", "json",
                    folder / "examples")
    line = [x for x in result.stderr.splitlines() if "time per stage" in x][0]
    for stage in ("listing and pairing", "output", "reading", "rules"):
        assert stage in line



JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children) | st.tuples(children, children)
    | st.dictionaries(st.text() | st.integers() | st.booleans(), children),
    max_leaves=25)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(JSON_VALUES)
def test_the_fast_indented_encoder_writes_what_json_dumps_writes(value):
    from tqcheck.reporters.spool import dumps

    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
