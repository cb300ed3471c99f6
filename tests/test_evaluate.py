"""``tqcheck eval`` on a synthetic corpus whose figures were worked out by hand.

tests/fixtures/eval/ was written for these tests (not copied from WMT or DEMETR):

MQM, one document, two systems, zh-en (segment: text, length, human target spans of all raters):
  sysA 1  "Drones flew over Kiev today."   28  Kiev [17,21) twice (Terminology, Accuracy/Mistranslation),
                                               plus a source-side and a span-less mark (both ignored)
  sysA 2  "The 国务院 approved it."         20  approved [8,16) Style/Awkward   (listed before seg 1)
  sysB 1  "Kiev is calm."                  13  none
  sysB 2  "Officials met in Kiev and 北京." 29  Kiev [17,21), 北京 [26,28), "met in Kiev" [10,21);
                                               covered characters [10,21) + [26,28) = 13
DEMETR: item-1 (chinese_simple-en, clean "Kiev is a city.") and item-2 (german-en, clean "The city is
quiet."), each with a code-mixed, a tokenised and one more perturbed sentence.

The unit tests run small rules defined here (flag "Kiev", flag Han characters) so that the expected
figures do not move when the shipped rule catalogue changes; the CLI tests use the shipped TE01
(Kiev) and UT01 (foreign script), which flag the same spans.
"""
import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from tqcheck.cli import main
from tqcheck.engine import Linter
from tqcheck.evaluate.corpus import DEMETR_FIELDS, MQM_FIELDS, EvalInputError, read_jsonl
from tqcheck.evaluate.demetr import CODEMIX_LATIN, CODEMIX_NON_LATIN, codemix_label, evaluate_demetr
from tqcheck.evaluate.mqm import evaluate_mqm
from tqcheck.evaluate.report import targets
from tqcheck.registry import Registry
from tqcheck.rule import Rule

CORPUS = FIXTURES / "eval"
MQM_FILE = CORPUS / "mqm" / "synthetic.jsonl"
DEMETR_FILE = CORPUS / "demetr" / "synthetic.jsonl"


class _PatternRule(Rule):
    pattern = re.compile("")

    def check(self, doc):
        for m in self.pattern.finditer(doc.text):
            yield self.finding(doc, m.start(), m.end(), "test finding")


class KievRule(_PatternRule):
    code, name, category = "ZZ01", "test.kiev", "Terminology/Wrong term"
    pattern = re.compile(r"\bKiev\b")


class HanRule(_PatternRule):
    code, name, category = "ZZ02", "test.han", "Accuracy/Untranslated text"
    pattern = re.compile(r"[\u4e00-\u9fff]+")


class RussianSourceRule(_PatternRule):
    """Runs only for Russian sources: a finding from it means the source language was lost."""

    code, name, category = "ZZ03", "test.russian-only", "Fluency/Grammar"
    source_langs = frozenset({"ru"})
    pattern = re.compile(r"\bKiev\b")


class OffRule(_PatternRule):
    code, name, category = "ZZ04", "test.off", "Style/Awkward"
    default_enabled = False
    pattern = re.compile(r"\bKiev\b")


class SourceRule(Rule):
    """Needs the aligned source: flags the target segment whose source segment names 北京."""

    code, name, category = "ZZ05", "test.source-beijing", "Accuracy/Mistranslation"
    needs_source = True

    def check(self, doc):
        for pair in doc.alignment.pairs:
            if pair.source_span and pair.target_span and "北京" in doc.source.text[slice(*pair.source_span)]:
                yield self.finding(doc, *pair.target_span, "test finding")


class SourceSpanRule(Rule):
    """Reports every segment's first character, pointing at the first two characters of its source."""

    code, name, category = "ZZ06", "test.source-span", "Accuracy/Omission"
    needs_source = True

    def check(self, doc):
        starts = [m.start() for m in re.finditer(r"^", doc.source.text, re.MULTILINE)]
        for line, m in enumerate(re.finditer(r"^\w", doc.text, re.MULTILINE)):
            yield self.finding(doc, m.start(), m.end(), "test finding", source_span=(starts[line], starts[line] + 2))


@pytest.fixture(scope="module")
def linter():
    return Linter(registry=Registry([KievRule(), HanRule(), RussianSourceRule(), OffRule()]))


@pytest.fixture(scope="module")
def mqm(linter):
    problems = []
    result = evaluate_mqm(read_jsonl(MQM_FILE, MQM_FIELDS), linter, problems)
    assert problems == []
    return result


@pytest.fixture(scope="module")
def demetr(linter):
    problems = []
    rows = [(str(DEMETR_FILE), row) for row in read_jsonl(DEMETR_FILE, DEMETR_FIELDS)]
    result = evaluate_demetr(rows, linter, problems)
    assert problems == []
    return result


CHANCE_A1, CHANCE_A2, CHANCE_B1, CHANCE_B2 = 4 / 28, 8 / 20, 0.0, 13 / 29


def test_mqm_counts_and_spans(mqm):
    assert (mqm.articles, mqm.segments, len(mqm.spans)) == (2, 4, 5)
    assert set(mqm.by_rule) == {"ZZ01", "ZZ02", "ZZ03"}  # the default-off rule is not measured
    assert mqm.by_rule["ZZ03"].findings == 0  # zh-en: the Russian-only rule never ran


def test_mqm_per_rule_figures(mqm):
    kiev, han = mqm.by_rule["ZZ01"], mqm.by_rule["ZZ02"]
    # Kiev in sysA 1 (hit), sysB 1 (no human span), sysB 2 (inside two spans)
    assert (kiev.findings, kiev.hits) == (3, 2)
    assert kiev.precision == pytest.approx(2 / 3)
    assert kiev.chance == pytest.approx((CHANCE_A1 + CHANCE_B1 + CHANCE_B2) / 3)
    assert kiev.lift == pytest.approx(2 / 3 - (CHANCE_A1 + CHANCE_B1 + CHANCE_B2) / 3)
    assert mqm.recall(kiev) == pytest.approx(3 / 5)
    # 国务院 in sysA 2 (before the 'approved' span: miss), 北京 in sysB 2 (hit)
    assert (han.findings, han.hits) == (2, 1)
    assert han.chance == pytest.approx((CHANCE_A2 + CHANCE_B2) / 2)
    assert mqm.recall(han) == pytest.approx(1 / 5)


def test_mqm_overall_dimension_and_categories(mqm):
    overall = mqm.overall
    assert (overall.findings, overall.hits) == (5, 3)
    assert overall.chance == pytest.approx((CHANCE_A1 + CHANCE_B1 + 2 * CHANCE_B2 + CHANCE_A2) / 5)
    assert mqm.recall(overall) == pytest.approx(4 / 5)
    assert {d: (t.findings, t.hits) for d, t in mqm.by_dimension.items()} == {"Terminology": (3, 2), "Accuracy": (2, 1)}
    assert mqm.by_category() == [("Style/Awkward", 2, 1), ("Terminology/Inappropriate for context", 2, 2),
                                 ("Accuracy/Mistranslation", 1, 1), ("Accuracy/Source language fragment", 1, 1)]


def test_mqm_articles_carry_their_line_aligned_source():
    problems = []
    result = evaluate_mqm(read_jsonl(MQM_FILE, MQM_FIELDS), Linter(registry=Registry([SourceRule()])), problems)
    beijing = result.by_rule["ZZ05"]
    # only sysB 2's source has 北京; the finding covers that segment's whole target, from offset 0
    assert (beijing.findings, beijing.hits, beijing.chance, problems) == (1, 0, pytest.approx(CHANCE_B2), [])


def test_mqm_findings_with_a_source_span_are_scored_on_the_source_side():
    result = evaluate_mqm(read_jsonl(MQM_FILE, MQM_FIELDS), Linter(registry=Registry([SourceSpanRule()])), [])
    tally = result.by_rule["ZZ06"]
    # one finding per segment (4); only sysA 1's source has a human span (omission, 0-2 of 8 characters)
    assert (tally.findings, tally.hits) == (4, 1)
    assert tally.chance == pytest.approx((2 / 8) / 4)
    assert result.recall(tally) == 0  # recall counts target spans only


def test_demetr_detection(demetr):
    assert (demetr.items, demetr.rows, demetr.clean_flagged) == (2, 8, 1)  # "Kiev is a city." is flagged
    assert demetr.kinds == {
        "critical_id4_codemix": [2, 1], CODEMIX_NON_LATIN: [1, 1], CODEMIX_LATIN: [1, 0],
        "minor_id1_repeat2": [1, 0],  # same (ZZ01, "Kiev") finding as the clean sentence: not new
        "minor_id30_tokenized": [2, 0], "critical_id6_addition": [1, 1],
    }
    assert demetr.credit[CODEMIX_NON_LATIN] == {"ZZ02": 1}
    assert demetr.credit["critical_id6_addition"] == {"ZZ01": 1}  # not ZZ03: german-en maps to "de"
    assert demetr.categories[CODEMIX_LATIN] == "Accuracy/Source language fragment"
    assert demetr.rate(CODEMIX_NON_LATIN) == 1.0 and demetr.clean_rate == 0.5


def test_targets(mqm, demetr):
    rows = {name: (measured, ok) for name, _, measured, ok in targets(mqm, demetr, {"ZZ01", "ZZ02", "ZZ03"})}
    lift = 3 / 5 - (CHANCE_A1 + CHANCE_B1 + 2 * CHANCE_B2 + CHANCE_A2) / 5
    assert rows["MQM: overall precision above chance"] == (f"{lift:.3f}", True)
    assert rows["MQM: default-on rules firing 10+ times above chance"] == ("0 of 0", True)
    assert rows["DEMETR: code-mixed, non-Latin script detected"] == ("100.0%", True)
    assert rows["DEMETR: tokenised detected"] == ("0.0%", False)
    assert rows["DEMETR: word repeated four times detected"] == ("-", None)  # not in the data
    assert rows["DEMETR: unperturbed sentences flagged"] == ("50.0%", False)


def test_codemix_label_compares_with_the_clean_sentence():
    assert codemix_label("The city is quiet.", "The город is quiet.") == CODEMIX_NON_LATIN
    assert codemix_label("The city is quiet.", "The Straße is quiet.") == CODEMIX_LATIN
    assert codemix_label("The city is quiet.", "The ciudad, 市, is quiet.") == CODEMIX_NON_LATIN


def test_demetr_item_without_clean_row_is_reported_and_skipped(linter):
    rows = [(str(DEMETR_FILE), r) for r in read_jsonl(DEMETR_FILE, DEMETR_FIELDS)
            if not (r["doc_id"] == "item-2" and r["perturbation"] is None)]
    problems = []
    result = evaluate_demetr(rows, linter, problems)
    assert problems == [f"{DEMETR_FILE}: item item-2 has 0 unperturbed rows (perturbation: null), not 1"]
    assert (result.items, result.rows) == (1, 4)


@pytest.mark.parametrize("line, problem", [
    ("{not json", "invalid JSON"),
    ('{"doc_id": "d", "seg_id": 1, "system": "s", "lp": "zh-en", "target": "ab"}', "record lacks errors"),
    ('{"doc_id": "d", "seg_id": 1, "system": "s", "lp": "zh-en", "target": "ab",'
     ' "errors": [{"side": "target", "start": 1, "end": 5}]}', "error span 1..5 is not inside the target"),
])
def test_read_jsonl_names_file_line_and_problem(tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "d", "seg_id": 1, "system": "s", "lp": "zh-en", "target": "ok", "errors": []}\n'
                    + line + "\n", encoding="utf-8")
    with pytest.raises(EvalInputError, match=re.escape(f"{path}:2: {problem}")):
        read_jsonl(path, MQM_FIELDS)


def run(*args):
    return CliRunner().invoke(main, ["eval", *args], catch_exceptions=False)


def test_cli_markdown_report_is_reproducible(tmp_path):
    out1, out2 = tmp_path / "one.md", tmp_path / "two.md"
    for out in (out1, out2):
        res = run(str(CORPUS), "--select", "TE01,UT01", "--format", "markdown", "--output", str(out))
        assert res.exit_code == 0, res.output
    report = out1.read_text(encoding="utf-8")
    assert report == out2.read_text(encoding="utf-8")
    assert f"Generated by `tqcheck eval {CORPUS} --select TE01,UT01 --format markdown`" in report
    assert "|data:synthetic.jsonl@" in report
    kiev = "| TE01 | terminology.ukrainian-places | Terminology | on | 3 | 2 | 0.667 | 0.197 | 0.470 | 60.0% |"
    assert kiev in report.splitlines()
    assert "| all rules | 5 | 3 | 0.600 | 0.288 | 0.312 | 80.0% |" in report.splitlines()
    assert "| critical_id4_codemix (non-Latin script) | Accuracy/Source language fragment | 1 | 1 | 100.0% | UT01 1 |" \
        in report.splitlines()
    assert "| DEMETR: tokenised detected | >= 90% | 0.0% | FAIL |" in report.splitlines()


def test_cli_text_report_to_stdout():
    res = run(str(CORPUS), "--select", "TE01,UT01")
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    header = next(line for line in lines if line.startswith("rule "))
    row = next(line for line in lines if line.startswith("UT01 "))
    assert row.split() == ["UT01", "untranslated.foreign-script", "Accuracy", "on", "2", "1", "0.500",
                           f"{(CHANCE_A2 + CHANCE_B2) / 2:.3f}", f"{0.5 - (CHANCE_A2 + CHANCE_B2) / 2:.3f}", "20.0%"]
    assert row.index("0.500") + 5 == header.index("precision") + len("precision")  # numbers right-aligned


def test_cli_bad_input_is_one_line_and_other_files_still_count(tmp_path):
    res = run(str(tmp_path / "missing"))
    assert res.exit_code == 2 and res.output.strip() == f"tqcheck: error: {tmp_path / 'missing'}: not a directory"
    (tmp_path / "mqm").mkdir()
    (tmp_path / "mqm" / "broken.jsonl").write_text("[1, 2\n", encoding="utf-8")
    shutil.copytree(CORPUS / "demetr", tmp_path / "demetr")
    res = run(str(tmp_path), "--select", "TE01,UT01")
    assert res.exit_code == 2
    assert f"tqcheck: error: {tmp_path / 'mqm' / 'broken.jsonl'}:1: invalid JSON" in res.stderr
    assert "DEMETR: detection per perturbation" in res.stdout and "MQM: per rule" not in res.stdout
