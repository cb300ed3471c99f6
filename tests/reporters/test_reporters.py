"""Every output format renders the same run: SARIF is valid SARIF 2.1.0, JSON follows its schema."""
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from helpers import FIXTURES, REPO, SEED, invoke

SARIF_SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
REPORT_SCHEMA = json.loads((REPO / "tqcheck" / "reporters" / "schema" / "report.schema.json")
                           .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A small run with every kind of article: findings, a suppression, a hostile one, an unreadable one."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEED, folder / "seed.en.txt")
    (folder / "hostile.en.txt").write_text(
        'Kiev | said <script>alert(1)</script> 100% done,\nsee "::error::" and <b>bold</b> & more.\n', encoding="utf-8")
    (folder / "quoted.en.md").write_text("<!-- tqcheck: disable=TE01 -- a quote -->\nThey flew to Kiev.\n",
                                         encoding="utf-8")
    (folder / "broken.en.txt").write_bytes(b"\x00\x01binary")
    return folder


def check(corpus, fmt, *extra):
    res = invoke("check", "--format", fmt, "--no-pair", *extra, str(corpus))
    assert res.exit_code == 2, res.output  # the binary file is an input error; the others are still reported
    return res.stdout


def test_sarif_is_valid_sarif_2_1_0(corpus):
    log = json.loads(check(corpus, "sarif"))
    jsonschema.validate(log, SARIF_SCHEMA)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"TE01", "PU01", "MK01"} <= {r["id"] for r in rules}
    te01 = next(r for r in rules if r["id"] == "TE01")
    assert te01["name"] == "terminology.ukrainian-places" and "Kharkov" in te01["help"]["text"]
    pu01 = next(r for r in rules if r["id"] == "PU01")
    assert "What it does" in pu01["fullDescription"]["text"] and pu01["defaultConfiguration"]["level"] == "warning"
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    kiev = [r for r in run_["results"] if r["ruleId"] == "TE01" and "seed" in
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]]
    region = kiev[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"], region["snippet"]["text"]) == (1, 39, 43, "Kiev")
    assert kiev[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Kyiv"
    assert len({r["partialFingerprints"]["tqcheck/v1"] for r in kiev}) == len(kiev) >= 3
    suppressed = [r for r in run_["results"] if r.get("suppressions")]
    assert [s["suppressions"][0] for s in suppressed] == [{"kind": "inSource", "status": "accepted",
                                                           "justification": "a quote"}]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert any("broken.en.txt" in n["message"]["text"] for n in run_["invocations"][0]["toolExecutionNotifications"])
    assert run_["properties"]["signature"].startswith("tqcheck:")


def test_sarif_with_a_baseline_marks_new_and_unchanged(corpus, tmp_path):
    invoke("check", "--no-pair", "--write-baseline", str(tmp_path / "b.json"), str(corpus / "seed.en.txt"))
    res = invoke("check", "--format", "sarif", "--no-pair", "--baseline", str(tmp_path / "b.json"), str(corpus / "seed.en.txt"))
    log = json.loads(res.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    assert {r["baselineState"] for r in log["runs"][0]["results"]} == {"unchanged"}


def test_json_follows_its_schema_and_explains_the_score(corpus):
    data = json.loads(check(corpus, "json"))
    jsonschema.validate(data, REPORT_SCHEMA)
    assert data["schema_version"] == 3
    by_name = {Path(a["path"]).name: a for a in data["articles"]}
    seed = by_name["seed.en.txt"]
    assert seed["summary"]["penalty"]["total"] == sum(p["points"] for p in seed["summary"]["points"])
    assert seed["summary"]["signature"] == data["signature"]
    assert by_name["broken.en.txt"]["summary"] is None and by_name["broken.en.txt"]["error"]
    assert by_name["quoted.en.md"]["suppressed"][0]["reason"] == "a quote"
    assert data["corpus"]["articles"] == 3 and data["corpus"]["unreadable"] == 1


def test_jsonl_is_one_article_object_per_line(corpus):
    lines = check(corpus, "jsonl").splitlines()
    full = json.loads(check(corpus, "json"))
    assert len(lines) == len(full["articles"]) == 4
    article_schema = {"$schema": REPORT_SCHEMA["$schema"], "$defs": REPORT_SCHEMA["$defs"], "$ref": "#/$defs/article"}
    for line, article in zip(lines, full["articles"]):
        obj = json.loads(line)
        jsonschema.validate(obj, article_schema)
        assert obj == {"schema_version": 3, **article}


def test_junit_has_one_test_case_per_article(corpus):
    root = ET.fromstring(check(corpus, "junit"))
    suite = root.find("testsuite")
    cases = {Path(c.get("name")).name: c for c in suite.iter("testcase")}
    assert set(cases) == {"seed.en.txt", "hostile.en.txt", "quoted.en.md", "broken.en.txt"}
    assert cases["broken.en.txt"].find("error") is not None
    assert cases["quoted.en.md"].find("failure") is None
    failure = cases["seed.en.txt"].find("failure")
    assert "at or above minor" in failure.get("message") and "TE01" in failure.text
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "2", "1")
    assert "time" not in ET.tostring(root, encoding="unicode")


def test_github_annotations_are_escaped_workflow_commands(corpus):
    lines = check(corpus, "github").splitlines()
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)
    seed = next(line for line in lines if "seed.en.txt,line=1,col=39" in line)
    assert seed.startswith("::error file=") and ",endLine=1,endColumn=43,title=TE01 (terminology.ukrainian-places)::" in seed
    gate = [line for line in lines if "title=tqcheck gate" in line]
    assert len(gate) == 2
    from tqcheck.reporters.github import command

    assert command("error", "50% done\nnext", file="a,b:c.txt") == "::error file=a%2Cb%3Ac.txt::50%25 done%0Anext"


def test_markdown_summary_escapes_article_text(corpus):
    md = check(corpus, "markdown")
    assert md.startswith("## tqcheck: 1 of 4 articles pass")
    assert "<script>" not in md and "\\<script\\>" in md
    table_rows = [line for line in md.splitlines() if line.startswith("| ") and "hostile" in line]
    assert all(line.count(" | ") == 6 for line in table_rows), "a '|' in a path or text must not add a column"
    assert "<sub>signature: tqcheck:" in md


def test_markdown_details_summary_is_html_escaped_not_markdown_escaped(corpus):
    """Markdown is not processed inside <summary>: a backslash there would show."""
    md = check(corpus, "markdown")
    summaries = [line for line in md.splitlines() if line.startswith("<details><summary>")]
    assert summaries and not any("\\" in line for line in summaries), summaries
    hostile = next(line for line in summaries if "hostile" in line)
    assert "hostile.en.txt: " in hostile and "<script>" not in hostile


def test_text_is_grouped_by_article_and_plain_when_not_a_terminal(corpus):
    out = check(corpus, "text")
    assert "\x1b[" not in out
    lines = out.splitlines()
    paths = [line.split(":", 1)[0] for line in lines if ": " in line and not line.startswith(("signature", "scores", "worst", "most", "4 articles"))]
    assert paths == sorted(paths, key=paths.index), "each article's lines are together"
    assert lines[-1].startswith("signature: tqcheck:")


def test_text_colours_on_a_terminal(corpus):
    from tqcheck.finding import Finding, Severity
    from tqcheck.reporters.text import finding_line

    f = Finding("TE01", "t.x", "Terminology/Wrong term", Severity.MAJOR, 0, 4, "Kiev", "m", "Kyiv", 1, 1)
    assert "\x1b[31m" in finding_line("a.txt", f, color=True) and "\x1b[" not in finding_line("a.txt", f)


def test_report_text_explains_each_article_score(corpus):
    res = invoke("report", "--format", "text", "--no-pair", str(corpus / "seed.en.txt"))
    assert res.exit_code == 0
    assert "points  rule  severity  count x weight  category" in res.stdout
    assert "x 1000 / 382 words = 99.48 per 1,000 words (weights mqm-core)" in res.stdout
    assert re.search(r"score \d+\.\d\d = 100 x exp\(-\d\.\d{4}\), weights for the article alone", res.stdout)
    assert re.search(r"^  findings +\d", res.stdout, re.M)
    assert res.stdout.splitlines()[-1].startswith("signature: tqcheck:")


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "junit", "github", "markdown"])
def test_output_is_byte_stable_and_can_go_to_a_file(corpus, tmp_path, fmt):
    first = check(corpus, fmt)
    out = tmp_path / f"out.{fmt}"
    res = invoke("check", "--format", fmt, "--no-pair", "-o", str(out), str(corpus))
    assert res.stdout == "" and out.read_text(encoding="utf-8") == first


def test_html_format_needs_an_output_folder(corpus):
    res = invoke("check", "--format", "html", str(corpus / "seed.en.txt"))
    assert res.exit_code == 2 and "give it with -o DIR" in res.output


def test_reference_metrics_are_rendered_when_present(linter, tmp_path):
    from tqcheck.engine.report import build_report
    from tqcheck.reporters import render
    from tqcheck.scoring.summary import Scoring

    result = linter.check_text("Drones flew over Kyiv on Wednesday.", path="a.txt")
    result.metrics = {"BLEU": {"score": 42.5, "signature": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"},
                      "chrF": {"score": 61.25, "signature": "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0"}}
    report = build_report([result], linter, Scoring())
    out = io.StringIO()
    render("text", report, out, detail=True)
    assert "  BLEU 42.50 (nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0)" in out.getvalue()
    out = io.StringIO()
    render("json", report, out)
    assert json.loads(out.getvalue())["articles"][0]["metrics"]["chrF"]["score"] == 61.25
    render("html", report, None, output_dir=tmp_path)
    page = (tmp_path / "a.txt.html").read_text(encoding="utf-8")
    assert "<strong>BLEU</strong> 42.50 <code>nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0</code>" in page
