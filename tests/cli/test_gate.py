"""CI gating through the CLI: exit codes, --fail-on/--fail-under/--max-findings, baseline, suppressions."""
import json
import math
import re

import pytest
from helpers import invoke

# Two TE01 findings (major, 5 points each) in a 17-word article: a low score, never under 0.
TWO_KIEV = ("Officials in Kiev said on Monday that talks would resume soon.\n\n"
            "The delegation left Kiev before noon.\n")
CLEAN = "Officials in Kyiv said on Monday that talks would resume soon.\n"
# One major finding in a long article (1,000 words): a score just under 100.
LONG = "Kiev. " + " ".join(f"Budget line {i} was approved by the city council." for i in range(111)) + "\n"


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def findings(res):
    return [f for a in json.loads(res.stdout)["articles"] for f in a["findings"]]


# -- exit codes --------------------------------------------------------------------------------
def test_exit_0_when_every_article_passes(tmp_path):
    res = invoke("check", str(write(tmp_path, "a.txt", CLEAN)))
    assert res.exit_code == 0, res.output


def test_exit_1_when_an_article_fails_the_default_gate(tmp_path):
    res = invoke("check", str(write(tmp_path, "a.txt", TWO_KIEV)))
    assert res.exit_code == 1
    last = res.stdout.splitlines()[-1]
    found = re.search(r": fail: 2 findings \(0 critical, 2 major, 0 minor\) in 17 words; score (\d+\.\d\d); "
                      r"2 findings at or above minor \(fail-on minor\)$", last)
    assert found and 0 <= float(found.group(1)) < 90, last


@pytest.mark.parametrize("args", [["--format", "yaml"], ["--fail-under", "high"], ["--max-findings", "-1"],
                                  ["--fail-on", "fatal"], ["--weights", "strict"]])
def test_exit_2_on_a_usage_error(tmp_path, args):
    res = invoke("check", *args, str(write(tmp_path, "a.txt", CLEAN)))
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_exit_2_on_unreadable_input_while_other_files_are_checked(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    write(tmp_path, "good.txt", TWO_KIEV)
    res = invoke("check", str(tmp_path))
    assert res.exit_code == 2
    assert "good.txt:1:14: TE01" in res.stdout


def test_fail_on_counts_only_severities_at_or_above(tmp_path):
    path = str(write(tmp_path, "a.txt", TWO_KIEV))
    assert invoke("check", "--fail-on", "critical", path).exit_code == 0
    assert invoke("check", "--fail-on", "major", path).exit_code == 1


def summary_of(path, *args, **kwargs):
    res = invoke("check", "--format", "json", "--exit-zero", *args, str(path), **kwargs)
    return json.loads(res.stdout)["articles"][0]["summary"]


def score_of(path, *args, **kwargs):
    return summary_of(path, *args, **kwargs)["score"]


def test_fail_under_replaces_the_default_gate(tmp_path):
    path = str(write(tmp_path, "long.txt", LONG))
    summary = summary_of(path)
    score = summary["score"]
    # (the text repeats one sentence 111 times: its poor word variety costs points too)
    assert 0 < summary["components"]["findings"]["lost"] < 10, "one major finding in 1,000 words costs a few points"
    under = math.floor(score * 100) / 100
    res = invoke("check", "--format", "json", "--fail-under", str(under), path)
    article = json.loads(res.stdout)["articles"][0]
    assert article["words"] == 1000
    assert res.exit_code == 0, "a score at the threshold passes, and --fail-under alone ignores single findings"
    assert article["gate"] == {"passed": True, "reasons": []}
    res = invoke("check", "--fail-under", str(under + 0.5), path)
    assert res.exit_code == 1 and f"score {score:.2f} is under {under + 0.5:g} (fail-under)" in res.stdout
    assert invoke("check", "--fail-under", "100", str(write(tmp_path, "clean.txt", CLEAN))).exit_code == 0


def test_max_findings(tmp_path):
    path = str(write(tmp_path, "a.txt", TWO_KIEV))
    assert invoke("check", "--max-findings", "2", path).exit_code == 0
    res = invoke("check", "--max-findings", "1", path)
    assert res.exit_code == 1 and "2 findings, more than 1 (max-findings)" in res.stdout


def test_gate_from_config(tmp_path):
    write(tmp_path, "long.txt", LONG)
    score = score_of("long.txt", cwd=tmp_path)
    write(tmp_path, "tqcheck.toml", f"fail-under = {math.floor(score)}\n")
    assert invoke("check", "long.txt", cwd=tmp_path).exit_code == 0
    write(tmp_path, "tqcheck.toml", f"fail-under = {math.ceil(score)}\n")
    assert invoke("check", "long.txt", cwd=tmp_path).exit_code == 1


def test_exit_zero_still_reports(tmp_path):
    res = invoke("check", "--exit-zero", str(write(tmp_path, "a.txt", TWO_KIEV)))
    assert res.exit_code == 0 and "TE01" in res.stdout


def test_junit_fails_exactly_the_articles_that_fail_the_gate(tmp_path):
    import xml.etree.ElementTree as ET

    write(tmp_path, "a.txt", TWO_KIEV)
    write(tmp_path, "b.txt", CLEAN)
    res = invoke("check", "--format", "junit", "--fail-on", "major", str(tmp_path))
    cases = {c.get("name").rsplit("/", 1)[-1]: c for c in ET.fromstring(res.stdout).iter("testcase")}
    assert cases["a.txt"].find("failure") is not None and cases["b.txt"].find("failure") is None


# -- baseline ------------------------------------------------------------------------------------
def test_baseline_accepts_known_findings_and_survives_edits_elsewhere(tmp_path):
    article = write(tmp_path, "a.txt", TWO_KIEV)
    res = invoke("check", "--write-baseline", "baseline.json", "a.txt", cwd=tmp_path)
    assert res.exit_code == 0 and "wrote 2 findings to the baseline" in res.stderr
    data = json.loads((tmp_path / "baseline.json").read_text())
    assert [(e["code"], e["article"], e["text"], e["count"]) for e in data["findings"]] == [("TE01", "a.txt", "kiev", 2)]
    assert invoke("check", "--baseline", "baseline.json", "a.txt", cwd=tmp_path).exit_code == 0

    # New paragraphs above the old findings move their lines: still accepted.
    article.write_text("A new opening paragraph about the talks.\n\n\n" + TWO_KIEV, encoding="utf-8")
    res = invoke("check", "--baseline", "baseline.json", "a.txt", cwd=tmp_path)
    assert res.exit_code == 0, res.output
    assert "2 in baseline" in res.stdout

    # A third Kiev is new, and it alone fails the run.
    article.write_text(TWO_KIEV + "\nKiev welcomed the decision.\n", encoding="utf-8")
    res = invoke("check", "--baseline", "baseline.json", "--format", "json", "a.txt", cwd=tmp_path)
    assert res.exit_code == 1
    assert [f["line"] for f in findings(res)] == [5]
    assert len(json.loads(res.stdout)["articles"][0]["baselined"]) == 2
    assert "|baseline:" in json.loads(res.stdout)["signature"]


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    (tmp_path / "docs").mkdir()
    write(tmp_path / "docs", "a.txt", TWO_KIEV)
    invoke("check", "--write-baseline", str(tmp_path / "baseline.json"), str(tmp_path / "docs" / "a.txt"))
    assert json.loads((tmp_path / "baseline.json").read_text())["findings"][0]["article"] == "docs/a.txt"
    res = invoke("check", "--baseline", "../baseline.json", "a.txt", cwd=tmp_path / "docs")
    assert res.exit_code == 0, res.output


def test_baseline_from_config(tmp_path):
    write(tmp_path, "a.txt", TWO_KIEV)
    invoke("check", "--write-baseline", "tqcheck-baseline.json", "a.txt", cwd=tmp_path)
    write(tmp_path, "tqcheck.toml", 'baseline = "tqcheck-baseline.json"\n')
    assert invoke("check", "a.txt", cwd=tmp_path).exit_code == 0


@pytest.mark.parametrize("content,problem", [
    (None, "baseline file not found"),
    ("{not json", "not a tqcheck baseline"),
    ('{"tool": "other", "findings": []}', "not a tqcheck baseline"),
    ('{"tool": "tqcheck", "baseline_version": 99, "findings": []}', "baseline version 99 is not supported"),
])
def test_bad_baseline_is_a_one_line_error(tmp_path, content, problem):
    if content is not None:
        write(tmp_path, "baseline.json", content)
    res = invoke("check", "--baseline", str(tmp_path / "baseline.json"),
                                    str(write(tmp_path, "a.txt", CLEAN)))
    assert res.exit_code == 2
    assert res.stderr.strip() == f"tqcheck: error: {tmp_path / 'baseline.json'}: " + res.stderr.strip().split(": ", 3)[3]
    assert problem in res.stderr and len(res.stderr.strip().splitlines()) == 1


# -- suppression -----------------------------------------------------------------------------------
MARKDOWN = """# Talks

<!-- tqcheck: disable=TE01 -- quoting the 1990s agreement -->
The agreement signed in Kiev in 1994 still matters.
<!-- tqcheck: enable=TE01 -->

The delegation left Kiev before noon. <!-- tqcheck: disable-line=TE01 -- historical spelling in a quote -->

<!-- tqcheck: disable-next-line=TE01 -->
They returned to Kiev on Friday.

Reporters in Kiev were told nothing.
"""


def test_inline_suppressions_in_markdown(tmp_path):
    write(tmp_path, "a.md", MARKDOWN)
    res = invoke("check", "--format", "json", "a.md", cwd=tmp_path)
    article = json.loads(res.stdout)["articles"][0]
    assert [(f["code"], f["line"]) for f in article["findings"]] == [("TE01", 12)]
    suppressed = [(s["line"], s["reason"], s["suppressed_by"]) for s in article["suppressed"]]
    assert suppressed == [(4, "quoting the 1990s agreement", "line 3"),
                          (7, "historical spelling in a quote", "line 7"), (10, None, "line 9")]
    assert article["summary"]["suppressed"] == 3
    assert res.stderr == ""


def test_suppressions_in_html_and_everything_suppressed_passes(tmp_path):
    write(tmp_path, "a.html", "<p><!-- tqcheck: disable --> Drones over Kiev.</p>\n")
    res = invoke("check", "a.html", cwd=tmp_path)
    assert res.exit_code == 0 and "1 suppressed" in res.stdout


def test_unused_unknown_and_unreadable_suppressions_are_warnings(tmp_path):
    text = ("<!-- tqcheck: disable=CQ01 -- nothing to hide -->\n"
            "Officials in Kyiv said so. <!-- tqcheck: disable-line=ZZ99 -->\n\n"
            "<!-- tqcheck: disabel=TE01 -->\nText.\n\n"
            "```\n<!-- tqcheck: disable=TE02 -->\n```\n")
    write(tmp_path, "a.md", text)
    res = invoke("check", "a.md", cwd=tmp_path)
    assert res.exit_code == 0
    warnings = res.stderr.splitlines()
    assert "tqcheck: warning: a.md: line 1: suppression 'disable=CQ01 -- nothing to hide' suppressed nothing" in warnings
    assert "tqcheck: warning: a.md: line 2: suppression 'disable-line=ZZ99' names unknown rule code ZZ99" in warnings
    assert any("line 4: cannot read the suppression 'disabel=TE01'" in w for w in warnings)
    assert len(warnings) == 3, "a directive inside a code block is an example, not a suppression"


def test_unused_suppression_of_a_rule_that_did_not_run_is_not_reported(tmp_path):
    write(tmp_path, "a.md", "<!-- tqcheck: disable=CQ01 -->\nOfficials in Kyiv said so.\n")
    assert invoke("check", "--select", "TE01", "a.md", cwd=tmp_path).stderr == ""


def test_sidecar_ignore_file_for_plain_text(tmp_path):
    write(tmp_path, "a.txt", TWO_KIEV + "\nOdessa port reopened.\n")
    write(tmp_path, "a.txt.tqignore", "# accepted spellings\nTE01 Kiev -- quoted from the 1994 text\nCQ01\n")
    res = invoke("check", "--format", "json", "a.txt", cwd=tmp_path)
    article = json.loads(res.stdout)["articles"][0]
    assert [f["text"] for f in article["findings"]] == ["Odessa"]
    assert {s["suppressed_by"] for s in article["suppressed"]} == {"a.txt.tqignore:2"}
    assert "a.txt.tqignore:3: suppression 'CQ01' suppressed nothing" in res.stderr


def test_malformed_sidecar_is_an_input_error(tmp_path):
    write(tmp_path, "a.txt", TWO_KIEV)
    write(tmp_path, "a.txt.tqignore", "kiev is fine\n")
    write(tmp_path, "b.txt", TWO_KIEV)
    res = invoke("check", ".", cwd=tmp_path)
    assert res.exit_code == 2
    assert "tqcheck: error: ./a.txt: " in res.stderr and "a.txt.tqignore:1: expected '[line N[-M]:] CODE[,CODE]" in res.stderr
    assert "b.txt:1:14: TE01" in res.stdout


def test_enable_ends_only_the_rules_it_names(tmp_path):
    text = ("<!-- tqcheck: disable=TE01,CQ01 -->\nThey flew to Kiev.\n<!-- tqcheck: enable=TE01 -->\n\n"
            "Officials in Kiev said so on the fact of the attack.\n")
    write(tmp_path, "a.md", text)
    res = invoke("check", "--format", "json", "a.md", cwd=tmp_path)
    article = json.loads(res.stdout)["articles"][0]
    assert [(f["code"], f["line"]) for f in article["findings"]] == [("TE01", 5)]
    assert [(s["code"], s["line"]) for s in article["suppressed"]] == [("TE01", 2), ("CQ01", 5)]


def test_report_exit_codes(tmp_path):
    write(tmp_path, "a.txt", TWO_KIEV)
    assert invoke("report", "--format", "markdown", "a.txt", cwd=tmp_path).exit_code == 0, "report does not gate"
    res = invoke("report", "--format", "json", str(tmp_path / "missing.txt"), str(tmp_path / "a.txt"))
    assert res.exit_code == 2 and "missing.txt: no such file or directory" in res.stderr
    res = invoke("report", str(tmp_path / "a.txt"))
    assert res.exit_code == 2 and "give it with -o DIR" in res.stderr


# -- sidecar scopes: whole file, a line, a quoted span -------------------------------------------------
QUOTED = ('The 1994 memorandum, signed in "Kiev Nights" hall, is quoted here.\n'
          "Troops left Kiev on Monday.\n"
          "The Kiev Nights festival opens on Friday.\n")


def sidecar_run(tmp_path, ignore):
    write(tmp_path, "a.txt", QUOTED)
    write(tmp_path, "a.txt.tqignore", ignore)
    res = invoke("check", "--format", "json", "--select", "TE01", "a.txt", cwd=tmp_path)
    article = json.loads(res.stdout)["articles"][0]
    return [f["line"] for f in article["findings"]], [s["line"] for s in article["suppressed"]], res


def test_sidecar_line_scope_hides_only_that_line(tmp_path):
    kept, hidden, _ = sidecar_run(tmp_path, "line 1: TE01 Kiev -- quoted\n")
    assert (kept, hidden) == ([2, 3], [1])
    kept, hidden, _ = sidecar_run(tmp_path, "lines 1-2: TE01 -- the quoted paragraph\n")
    assert (kept, hidden) == ([3], [1, 2])


def test_sidecar_multi_word_text_hides_the_finding_inside_it(tmp_path):
    kept, hidden, res = sidecar_run(tmp_path, "TE01 Kiev Nights -- the festival's name\n")
    assert (kept, hidden) == ([2], [1, 3]), "the Kiev of 'Troops left Kiev' is not inside 'Kiev Nights'"
    assert res.stderr == ""
    kept, hidden, _ = sidecar_run(tmp_path, 'TE01 "the kiev  nights festival" -- a quoted span, any case and spacing\n')
    assert (kept, hidden) == ([1, 2], [3])


def test_sidecar_text_without_scope_is_still_the_whole_file(tmp_path):
    kept, hidden, _ = sidecar_run(tmp_path, "TE01 Kiev -- every Kiev\n")
    assert (kept, hidden) == ([], [1, 2, 3])
    kept, hidden, res = sidecar_run(tmp_path, "TE01 -- every TE01 finding, with a reason\n")
    assert (kept, hidden) == ([], [1, 2, 3])
    assert json.loads(res.stdout)["articles"][0]["suppressed"][0]["reason"] == "every TE01 finding, with a reason"


def test_sidecar_scope_that_matches_nothing_is_reported(tmp_path):
    _, hidden, res = sidecar_run(tmp_path, "line 9: TE01\nTE01 \"Kiev Days\"\n")
    assert hidden == []
    assert "a.txt.tqignore:1: suppression 'line 9: TE01' suppressed nothing" in res.stderr
    assert "a.txt.tqignore:2: suppression 'TE01 \"Kiev Days\"' suppressed nothing" in res.stderr


@pytest.mark.parametrize("line", ["line x: TE01", "lines 3-1: TE01", "line 0: TE01", 'TE01 "unclosed'])
def test_malformed_sidecar_scopes_are_input_errors(tmp_path, line):
    write(tmp_path, "a.txt", QUOTED)
    write(tmp_path, "a.txt.tqignore", line + "\n")
    res = invoke("check", "a.txt", cwd=tmp_path)
    assert res.exit_code == 2 and "a.txt.tqignore:1: " in res.stderr and "Traceback" not in res.output
