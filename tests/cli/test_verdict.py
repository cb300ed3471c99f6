"""One verdict everywhere: the gate's. Every output format of ``check`` and ``report`` says pass or
fail as the gate does (exit status 1 on a failing article), with the score beside it as
information; no second pass mark (the old cut score) remains anywhere."""
import json
import re
import xml.etree.ElementTree as ET

import pytest
from helpers import invoke

# One minor finding (CQ01) in about 110 words: a high score, and a failing default gate (fail-on minor).
HIGH_SCORE_FAILS = ("Police opened a case on the fact of the attack. "
                    + " ".join(f"Budget line {i} was approved by the city council." for i in range(12)) + "\n")
# Three major findings in a dozen words: a score far below 0, and yet it passes --fail-on critical.
LOW_SCORE_PASSES = "Kiev, Kharkov and Odessa were shelled overnight, officials said.\n"


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def articles(tmp_path):
    return write(tmp_path, "high.txt", HIGH_SCORE_FAILS), write(tmp_path, "low.txt", LOW_SCORE_PASSES)


def _json(*args):
    res = invoke("check", "--format", "json", *args)
    return res, json.loads(res.stdout)


def test_text_says_what_the_gate_says_and_no_cut_score(articles):
    high, low = articles
    res = invoke("check", high)
    assert res.exit_code == 1
    summary = res.stdout.splitlines()[-1]
    assert summary.startswith(f"{high}: fail: 1 finding") and "pass" not in summary, summary
    assert "cut" not in res.stdout
    res = invoke("check", "--fail-on", "critical", low)
    assert res.exit_code == 0
    summary = res.stdout.splitlines()[-1]
    assert summary.startswith(f"{low}: pass: 3 findings") and "fail" not in summary and "cut" not in summary


def test_text_corpus_line_counts_the_gate(articles):
    res = invoke("check", *articles)
    corpus = [line for line in res.stdout.splitlines() if line.startswith("2 articles")][0]
    assert "0 of 2 articles pass (fail-on minor)" in corpus and "cut" not in corpus


def test_json_corpus_passed_counts_the_gate(articles):
    high, low = articles
    res, data = _json("--fail-on", "critical", high, low)
    assert res.exit_code == 0
    assert (data["corpus"]["passed"], data["corpus"]["failed"]) == (2, 0)
    res, data = _json(high, low)
    assert (data["corpus"]["passed"], data["corpus"]["failed"]) == (0, 2)
    assert [a["gate"]["passed"] for a in data["articles"]] == [False, False]
    assert "cut_score" not in data["corpus"]
    for article in data["articles"]:
        assert "cut_score" not in article["summary"] and "passed" not in article["summary"]
    assert "cut:" not in data["signature"]
    assert data["schema_version"] == 3


def test_sarif_junit_github_and_markdown_follow_the_gate(articles):
    high, low = articles
    sarif = json.loads(invoke("check", "--format", "sarif", "--fail-on", "critical", low).stdout)
    assert [a["properties"]["passed"] for a in sarif["runs"][0]["artifacts"]] == [True]
    sarif = json.loads(invoke("check", "--format", "sarif", high).stdout)
    assert [a["properties"]["passed"] for a in sarif["runs"][0]["artifacts"]] == [False]
    assert sarif["runs"][0]["properties"]["corpus"]["passed"] == 0

    suite = ET.fromstring(invoke("check", "--format", "junit", "--fail-on", "critical", low).stdout)
    assert suite.get("failures") == "0" and "cut" not in ET.tostring(suite, encoding="unicode")

    github = invoke("check", "--format", "github", high).stdout
    assert "title=tqcheck gate::" in github and "cut" not in github

    markdown = invoke("check", "--format", "markdown", "--fail-on", "critical", low).stdout
    assert "1 of 1 article pass" in markdown and "✅ pass" in markdown and "cut" not in markdown


def _index_verdicts(folder):
    html = (folder / "index.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="articles'):]
    return re.findall(r'<span class="verdict (pass|fail)">', table), html


def test_check_html_and_report_show_the_same_verdict(articles, tmp_path):
    high, low = articles
    invoke("check", "--format", "html", "-o", tmp_path / "check", "--exit-zero", high, low)
    assert invoke("report", "-o", tmp_path / "report", high, low).exit_code == 0, "report does not gate"
    checked, html = _index_verdicts(tmp_path / "check")
    reported, _ = _index_verdicts(tmp_path / "report")
    assert checked == reported == ["fail", "fail"]
    assert "cut" not in html
    page = (tmp_path / "report" / "low.txt.html").read_text(encoding="utf-8")
    assert '<span class="verdict fail">' in page and "cut" not in page


def test_report_takes_the_gate_from_options_and_config(articles, tmp_path):
    high, low = articles
    invoke("report", "--fail-on", "critical", "-o", tmp_path / "options", high, low)
    assert _index_verdicts(tmp_path / "options")[0] == ["pass", "pass"]
    (tmp_path / "tqcheck.toml").write_text('fail-on = "critical"\n', encoding="utf-8")
    invoke("report", "-o", tmp_path / "config", high, low, cwd=tmp_path)
    assert _index_verdicts(tmp_path / "config")[0] == ["pass", "pass"]
    data = json.loads(invoke("report", "--format", "json", high, low, cwd=tmp_path).stdout)
    assert data["gate"] == "fail-on critical" and data["corpus"]["passed"] == 2


def test_the_cut_score_is_gone(tmp_path, articles):
    (tmp_path / "tqcheck.toml").write_text("cut-score = 90\n", encoding="utf-8")
    res = invoke("check", articles[0], cwd=tmp_path)
    assert res.exit_code == 2
    assert "'cut-score' is no longer a setting" in res.stderr and "fail-under" in res.stderr
    assert invoke("check", "--cut-score", "90", articles[0]).exit_code == 2
