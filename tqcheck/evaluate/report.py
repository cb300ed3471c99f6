"""The evaluation report: issue 3's targets, the tables as data, and their text/Markdown layout."""
from __future__ import annotations

from tqcheck.evaluate.demetr import CODEMIX_NON_LATIN, DemetrResult
from tqcheck.evaluate.mqm import MqmResult, Tally

#: Issue 3's acceptance figures. A rule must fire MIN_FINDINGS times on MQM before its precision
#: is judged against chance; all rules together must beat chance by MIN_LIFT.
MIN_FINDINGS, MIN_LIFT, MAX_CLEAN_FLAGGED = 10, 0.25, 0.15
DEMETR_TARGETS = ((CODEMIX_NON_LATIN, "code-mixed, non-Latin script", 0.95), ("minor_id30_tokenized", "tokenised", 0.90),
                  ("minor_id1_repeat2", "word repeated twice", 0.80), ("minor_id2_repeat4", "word repeated four times", 0.80))


def below_chance(mqm: MqmResult, default_codes: set[str]) -> list[str]:
    """Default-on rules with MIN_FINDINGS+ findings whose precision does not beat chance."""
    return [code for code, t in sorted(mqm.by_rule.items())
            if code in default_codes and t.findings >= MIN_FINDINGS and t.lift <= 0]


def targets(mqm: MqmResult | None, demetr: DemetrResult | None, default_codes: set[str]) -> list[tuple]:
    """(target, required, measured, passed) rows; passed is None when the data were not given."""
    lift = mqm.overall.lift if mqm else None
    rows = [("MQM: overall precision above chance", f"lift >= {MIN_LIFT}", _num(lift),
             None if lift is None else lift >= MIN_LIFT)]
    measured, passed = "-", None
    if mqm:
        judged = [c for c in sorted(default_codes) if mqm.by_rule.get(c, Tally()).findings >= MIN_FINDINGS]
        failing = below_chance(mqm, default_codes)
        measured = f"{len(judged) - len(failing)} of {len(judged)}" + (f"; below: {', '.join(failing)}" if failing else "")
        passed = not failing
    rows.append((f"MQM: default-on rules firing {MIN_FINDINGS}+ times above chance", "all", measured, passed))
    for label, kind, minimum in DEMETR_TARGETS:
        rate = demetr.rate(label) if demetr else None
        rows.append((f"DEMETR: {kind} detected", f">= {minimum:.0%}", _pct(rate), None if rate is None else rate >= minimum))
    flagged = demetr.clean_rate if demetr else None
    rows.append(("DEMETR: unperturbed sentences flagged", f"<= {MAX_CLEAN_FLAGGED:.0%}", _pct(flagged),
                 None if flagged is None else flagged <= MAX_CLEAN_FLAGGED))
    return rows


# -- report --------------------------------------------------------------------------------------
def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def report_sections(mqm: MqmResult | None, demetr: DemetrResult | None, rules: list) -> list[tuple]:
    """The report as (heading, note, header, rows) sections; the renderers only lay them out."""
    sections = []
    default_codes = {r.code for r in rules if r.default_enabled}
    if mqm:
        def cells(t: Tally) -> list[str]:
            return [str(t.findings), str(t.hits), _num(t.precision), _num(t.chance), _num(t.lift), _pct(mqm.recall(t))]

        meta = {r.code: (r.name, r.category.partition("/")[0], "on" if r.default_enabled else "off") for r in rules}
        measures = ["findings", "hits", "precision", "chance", "lift", "recall"]
        sections.append(("MQM: per rule", (
            f"{mqm.articles} articles, {mqm.segments} segments, {len(mqm.spans)} distinct human target error spans "
            "(raters merged). hit = the finding starts inside a human span; chance = the precision at a random "
            "offset of the same segment; lift = precision - chance; recall = share of human spans with a finding "
            "starting inside."), ["rule", "name", "dimension", "default", *measures],
            [[code, *meta.get(code, ("?", "?", "?")), *cells(t)] for code, t in sorted(mqm.by_rule.items())]))
        sections.append(("MQM: per dimension of the rule", "", ["dimension", *measures],
                         [[d, *cells(t)] for d, t in sorted(mqm.by_dimension.items())]
                         + [["all rules", *cells(mqm.overall)]]))
        sections.append(("MQM: human errors per category", "A span that raters filed under two categories counts in both.",
                         ["human category", "errors", "found", "recall"],
                         [[c, str(n), str(found), _pct(found / n)] for c, n, found in mqm.by_category()]))
    if demetr:
        rows = [["unperturbed MT (flagged: any finding)", "", str(demetr.items), str(demetr.clean_flagged),
                 _pct(demetr.clean_rate), ""]]
        for label, (n, detected) in sorted(demetr.kinds.items()):
            top = sorted(demetr.credit[label].items(), key=lambda ck: (-ck[1], ck[0]))[:3]
            rows.append([label, demetr.categories.get(label, ""), str(n), str(detected), _pct(detected / n),
                         ", ".join(f"{c} {k}" for c, k in top)])
        sections.append(("DEMETR: detection per perturbation", (
            f"{demetr.items} items, {demetr.rows} rows. detected = the sentence gets a finding (code, text) that "
            "the unperturbed sentence of its item does not get; rules = the codes that detected most often."),
            ["perturbation", "MQM category", "sentences", "detected", "rate", "rules"], rows))
    sections.append(("Targets (issue 3)", "", ["target", "required", "measured", "result"],
                     [[name, required, measured, {True: "pass", False: "FAIL", None: "n/a"}[ok]]
                      for name, required, measured, ok in targets(mqm, demetr, default_codes)]))
    if mqm:
        failing = below_chance(mqm, default_codes)
        sections.append((f"Default-on rules at or below chance ({MIN_FINDINGS}+ findings)", "" if failing else "None.",
                         ["rule", "findings", "precision", "chance", "lift"],
                         [[c, str(mqm.by_rule[c].findings), _num(mqm.by_rule[c].precision),
                           _num(mqm.by_rule[c].chance), _num(mqm.by_rule[c].lift)] for c in failing]))
    return sections


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
        out += ["", f"## {heading}", ""] + ([note, ""] if note else [])
        if rows:
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "|".join("---:" if n else "---" for n in _numeric_columns(header, rows)) + "|")
            out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"
