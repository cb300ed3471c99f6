"""The evaluation report: the figures of an ``Evaluation`` and the targets' outcomes laid out as
(heading, note, header, rows) sections, rendered as text or Markdown; or the same figures as JSON."""
from __future__ import annotations

import json

from tqcheck.evaluate.corpus import MODES
from tqcheck.evaluate.demetr import CODEMIX_LATIN, CODEMIX_OTHER, DemetrResult
from tqcheck.evaluate.mqm import MqmResult, Tally
from tqcheck.evaluate.ranking import PER_WORDS
from tqcheck.evaluate.run import ALL_PAIRS, Evaluation
from tqcheck.evaluate.targets import Outcome, format_figure

#: A default-on rule must fire this often on one language pair and mode before its precision is
#: judged against chance in the "at or below chance" list.
MIN_FINDINGS = 10
MEASURES = ["findings", "hits", "precision", "chance", "lift", "recall"]
MQM_NOTE = ("hit = the finding starts inside a span a rater marked (an omission finding that points into the "
            "source: inside a source-side mark); chance = the precision the same finding would get at a random "
            "offset of its segment; lift = precision - chance; recall = share of the distinct human target "
            "spans (raters merged) with a finding starting inside. Articles alone are checked with the language "
            "pair given (as --source-lang/--target-lang give it) and no source text.")


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _cells(mqm: MqmResult, t: Tally) -> list[str]:
    return [str(t.findings), str(t.hits), _num(t.precision), _num(t.chance), _num(t.lift), _pct(mqm.recall(t))]


def _mqm_sections(lp: str, mode: str, mqm: MqmResult, meta: dict) -> list[tuple]:
    title = f"MQM {lp}, {MODES[mode]}"
    fired = {code: t for code, t in sorted(mqm.by_rule.items()) if t.findings}
    silent = len(mqm.by_rule) - len(fired)
    return [
        (f"{title}: per rule", f"The {len(fired)} rules with findings; {silent} other measured rules had none.",
         ["rule", "name", "dimension", "default", *MEASURES],
         [[code, *meta.get(code, ("?", "?", "?")), *_cells(mqm, t)] for code, t in fired.items()]),
        (f"{title}: per dimension of the rule", "", ["dimension", *MEASURES],
         [[d, *_cells(mqm, t)] for d, t in sorted(mqm.by_dimension.items())] + [["all rules", *_cells(mqm, mqm.overall)]]),
        (f"{title}: human errors per category", "A span that raters filed under two categories counts in both.",
         ["human category", "errors", "found", "recall"],
         [[c, str(n), str(found), _pct(found / n)] for c, n, found in mqm.by_category()]),
    ]


def _demetr_section(mode: str, demetr: DemetrResult) -> tuple:
    rows = [["unperturbed MT (flagged: any finding)", "", str(demetr.items), str(demetr.clean_flagged),
             _pct(demetr.clean_rate), ""]]
    for label, (n, detected) in sorted(demetr.kinds.items()):
        top = demetr.rules(label)[:3]
        rows.append([label, demetr.categories.get(label, ""), str(n), str(detected), _pct(detected / n),
                     ", ".join(f"{c} {k}" for c, k in top)])
    return (f"DEMETR, {MODES[mode]}: detection per perturbation", (
        f"{demetr.items} items, {demetr.rows} rows. detected = the sentence gets a finding (code, text) that the "
        "unperturbed sentence of its item does not get; rules = the codes that detected most often."),
        ["perturbation", "MQM category", "sentences", "detected", "rate", "rules"], rows)


def report_sections(ev: Evaluation, outcomes: list[Outcome], rules: list) -> list[tuple]:
    """The report as (heading, note, header, rows) sections; the renderers only lay them out."""
    meta = {r.code: (r.name, r.category.partition("/")[0], "on" if r.default_enabled else "off") for r in rules}
    default_codes = {r.code for r in rules if r.default_enabled}
    per_lp = [(lp, mode, r) for lp, modes in ev.mqm.items() if lp != ALL_PAIRS for mode, r in modes.items()]
    sections = []
    if per_lp:
        sections.append(("MQM: overview per language pair and mode", MQM_NOTE,
                         ["language pair", "mode", "articles", "segments", "human spans", "findings per article",
                          *MEASURES],
                         [[lp, MODES[mode], str(r.articles), str(r.segments), str(len(r.spans)),
                           f"{r.findings_per_article:.2f}", *_cells(r, r.overall)] for lp, mode, r in per_lp]))
    for lp, mode, r in per_lp:
        sections += _mqm_sections(lp, mode, r, meta)
    if ALL_PAIRS in ev.mqm:
        combined = ev.mqm[ALL_PAIRS]["sources"]
        sections.append(("MQM: per rule, all language pairs together, with sources", (
            f"{combined.articles} articles, {combined.segments} segments, {len(combined.spans)} distinct human target "
            "error spans; every measured rule. The layout of the single table of earlier reports, for comparison."),
            ["rule", "name", "dimension", "default", *MEASURES],
            [[code, *meta.get(code, ("?", "?", "?")), *_cells(combined, t)] for code, t in sorted(combined.by_rule.items())]))
    if ev.demetr:
        sections.append(("DEMETR: overview", (
            "Code-mixing (critical_id4_codemix) puts a source word into the English sentence: a Latin-script "
            "word for the Latin-script source languages, another script for the others. flagged = the "
            "unperturbed sentence gets any finding."),
            ["mode", "items", "rows", "unperturbed flagged", "codemix found, Latin-script source", "codemix found, other"],
            [[MODES[mode], str(d.items), str(d.rows), _pct(d.clean_rate), _pct(d.rate(CODEMIX_LATIN)),
              _pct(d.rate(CODEMIX_OTHER))] for mode, d in ev.demetr.items()]))
        sections += [_demetr_section(mode, d) for mode, d in ev.demetr.items()]
    if ev.ranking:
        sections.append(("Ranking: agreement with the raters", (
            f"An article is one system's translation of one document. Human quality = -(sum of its segments' "
            f"mqm_penalty) per {PER_WORDS:,} target words (tqcheck's word count). pairwise accuracy: systems "
            "ordered by their mean over the documents, share of system pairs ordered as by the raters (a tie on "
            "one side counts half). within-doc tau: Kendall tau-b over the systems of each document, averaged. "
            "article tau: Kendall tau-b over all articles. A tau over constant values counts 0. With references, "
            "the human reference rated as a system (is_human_translation, e.g. refA) is left out: it would be "
            "compared with itself. score: the 0-100 score, whose weights `tqcheck eval CORPUS --calibrate` fits on "
            "the dev MQM sets (so dev figures flatter it); component NAME: one component of the score alone (its "
            "value; lower ranked as better where lower is better)."),
            ["language pair", "mode", "measure", "systems", "pairs", "pairwise accuracy", "docs", "within-doc tau",
             "articles", "article tau"],
            [[lp, MODES[mode], name, str(a.systems), str(a.pairs), _num(a.pairwise_accuracy), str(a.docs),
              _num(a.within_doc_tau), str(a.articles), _num(a.article_tau)]
             for lp, modes in ev.ranking.items() for mode, measures in modes.items() for name, a in measures.items()]))
    sections.append(("Targets (issues 15, 17, 18)", ("n/a: a figure is missing (its language pair or mode was not run) or undefined (the precision of "
                      "no findings)."),
                     ["issue", "target", "required", "measured", "result"],
                     [[str(o.bar.issue), o.bar.what, o.required, format_figure(o.measured),
                       {True: "pass", False: "FAIL", None: "n/a"}[o.passed]] for o in outcomes]))
    below = [(lp, mode, code, t) for lp, mode, r in per_lp for code, t in sorted(r.by_rule.items())
             if code in default_codes and t.findings >= MIN_FINDINGS and t.lift <= 0]
    sections.append((f"Default-on rules at or below chance ({MIN_FINDINGS}+ findings)", "" if below else "None.",
                     ["language pair", "mode", "rule", "findings", "precision", "chance", "lift"],
                     [[lp, MODES[mode], code, str(t.findings), _num(t.precision), _num(t.chance), _num(t.lift)]
                      for lp, mode, code, t in below]))
    return sections


def report_data(ev: Evaluation, outcomes: list[Outcome], preamble: dict) -> dict:
    """The figures as data (``--format json``): the same numbers the tables show, unrounded."""
    return {**preamble, "modes": MODES, "human_quality": f"-(sum of segment mqm_penalty) per {PER_WORDS} target words",
            **ev.as_dict(),
            "targets": [{"issue": o.bar.issue, "target": o.bar.what, "figure": list(o.bar.figure),
                         "required": o.required, "measured": o.measured, "passed": o.passed} for o in outcomes]}


def render_json(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _numeric_columns(header: list[str], rows: list[list[str]]) -> list[bool]:
    def is_number(cell: str) -> bool:
        return cell == "-" or cell.rstrip("%").replace(".", "", 1).lstrip("-").isdigit()

    return [all(is_number(r[i]) for r in rows if r[i]) for i in range(len(header))]


def render_text(title: str, preamble: list[str], sections: list[tuple]) -> str:
    out = [title, "=" * len(title), *preamble]
    for heading, note, header, rows in sections:
        out += ["", heading, "-" * len(heading)] + ([note] if note else [])
        if rows:
            widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
            numeric = _numeric_columns(header, rows)
            for row in [header, ["-" * w for w in widths], *rows]:
                out.append("  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric)).rstrip())
    return "\n".join(out) + "\n"


def render_markdown(title: str, preamble: list[str], sections: list[tuple]) -> str:
    out = [f"# {title}", "", "  \n".join(preamble)]
    for heading, note, header, rows in sections:
        out += ["", f"## {heading}"] + (["", note] if note else [])
        if rows:
            out += ["", "| " + " | ".join(header) + " |"]
            out.append("|" + "|".join("---:" if n else "---" for n in _numeric_columns(header, rows)) + "|")
            out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"
