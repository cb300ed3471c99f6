"""``tqcheck eval``: measure the rules against human MQM annotations and the DEMETR challenge set.

MQM (``CORPUS/mqm/*.jsonl``): each (doc_id, system) pair is checked once as one article, one
segment a line. A finding is a *hit* when it starts inside a span that any rater marked as a target
error. *Chance* is the precision the same finding would get at a random offset of its segment (the
share of the segment's characters that human spans cover); *lift* is precision minus chance.

DEMETR (``CORPUS/demetr/*.jsonl``): each row is checked as a one-sentence article. A perturbed
sentence is *detected* when it gets a finding, compared by (code, flagged text), that the unperturbed
sentence of the same item does not get.
"""
from __future__ import annotations

import json
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

#: DEMETR names the source language in ``lp`` ("russian-en"); rules want ISO 639-1 codes.
DEMETR_LANGS = {"chinese_simple": "zh", "czech": "cs", "french": "fr", "german": "de", "hindi": "hi",
                "italian": "it", "japanese": "ja", "polish": "pl", "russian": "ru", "spanish": "es"}
CODEMIX = "critical_id4_codemix"
CODEMIX_NON_LATIN, CODEMIX_LATIN = f"{CODEMIX} (non-Latin script)", f"{CODEMIX} (Latin script)"
#: Issue 3's acceptance figures. A rule must fire MIN_FINDINGS times on MQM before its precision
#: is judged against chance; all rules together must beat chance by MIN_LIFT.
MIN_FINDINGS, MIN_LIFT, MAX_CLEAN_FLAGGED = 10, 0.25, 0.15
DEMETR_TARGETS = ((CODEMIX_NON_LATIN, "code-mixed, non-Latin script", 0.95), ("minor_id30_tokenized", "tokenised", 0.90),
                  ("minor_id1_repeat2", "word repeated twice", 0.80), ("minor_id2_repeat4", "word repeated four times", 0.80))
MQM_FIELDS = ("doc_id", "seg_id", "system", "lp", "target", "errors")
DEMETR_FIELDS = ("doc_id", "lp", "target", "perturbation")


class EvalInputError(Exception):
    """A corpus file that cannot be used; the message names the file (and line) and the problem."""


def read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict]:
    rows = []
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvalInputError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
                missing = [k for k in required if not isinstance(row, dict) or k not in row]
                problem = f"record lacks {', '.join(missing)}" if missing else _row_problem(row)
                if problem:
                    raise EvalInputError(f"{path}:{number}: {problem}")
                rows.append(row)
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"{path}: cannot read: {exc}") from None
    return rows


def _row_problem(row: dict) -> str | None:
    if not isinstance(row["target"], str) or not isinstance(row.get("errors", []), list):
        return "'target' must be a string and 'errors' a list"
    if not isinstance(row.get("seg_id", 0), int):
        return "'seg_id' must be an integer"
    for e in row.get("errors", []):
        if not isinstance(e, dict):
            return "each error must be an object"
        if _target_span(e) and not (isinstance(e["start"], int) and isinstance(e["end"], int)
                                    and 0 <= e["start"] <= e["end"] <= len(row["target"])):
            return f"error span {e['start']!r}..{e['end']!r} is not inside the target"
    return None


def _target_span(error: dict) -> bool:
    """A rater's error located in the target (omissions are marked in the source; a few have no span)."""
    return error.get("side") == "target" and error.get("start") is not None and error.get("end") is not None


def make_document(target: str, source: str | None, source_lang: str | None, path: str):
    """The article the linter checks, with its line-aligned source attached (as ``tqcheck.pairing``
    does for files) so that source-aware rules take part."""
    from tqcheck.align import align_documents
    from tqcheck.document import Document

    doc = Document(target, path=path, source_lang=source_lang)
    if source:
        doc.source = Document(source, path=f"{path} (source)", lang=source_lang or "und")
        doc.alignment = align_documents(doc, doc.source)
    return doc


# -- MQM -----------------------------------------------------------------------------------------
@dataclass
class Tally:
    """Findings of one rule (or dimension, or all rules) scored against the human spans."""

    findings: int = 0
    hits: int = 0
    chance_sum: float = 0.0
    spans_found: set = field(default_factory=set)

    def add(self, spans_hit: list, chance: float) -> None:
        self.findings += 1
        self.hits += bool(spans_hit)
        self.chance_sum += chance
        self.spans_found.update(spans_hit)

    @property
    def precision(self) -> float | None:
        return self.hits / self.findings if self.findings else None

    @property
    def chance(self) -> float | None:
        return self.chance_sum / self.findings if self.findings else None

    @property
    def lift(self) -> float | None:
        return self.precision - self.chance if self.findings else None


@dataclass
class MqmResult:
    articles: int = 0
    segments: int = 0
    by_rule: dict[str, Tally] = field(default_factory=dict)
    by_dimension: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    overall: Tally = field(default_factory=Tally)
    #: Distinct human target spans (segment key, start, end) -> the categories raters gave them.
    spans: dict[tuple, set[str]] = field(default_factory=dict)

    def recall(self, tally: Tally) -> float | None:
        return len(tally.spans_found) / len(self.spans) if self.spans else None

    def by_category(self) -> list[tuple[str, int, int]]:
        """(human category, distinct spans, spans found by any finding), most frequent first."""
        errors, found = Counter(), Counter()
        for span, categories in self.spans.items():
            for category in categories:
                errors[category] += 1
                found[category] += span in self.overall.spans_found
        return [(c, n, found[c]) for c, n in sorted(errors.items(), key=lambda kv: (-kv[1], kv[0]))]


def evaluate_mqm(rows: list[dict], linter, problems: list[str]) -> MqmResult:
    """Check each (doc_id, system) article once and score its findings; rule crashes go to *problems*."""
    result = MqmResult(by_rule={r.code: Tally() for r in linter.rules}, segments=len(rows))
    articles: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        articles[(row["doc_id"], row["system"])].append(row)
    for (doc_id, system), segs in sorted(articles.items()):
        segs.sort(key=lambda r: r["seg_id"])
        starts, spans, covered, pos = [], [], [], 0
        for seg in segs:
            key = (doc_id, system, seg["seg_id"])
            for e in filter(_target_span, seg["errors"]):
                result.spans.setdefault((key, e["start"], e["end"]), set()).add(e.get("category") or "?")
            marked = sorted({(key, e["start"], e["end"]) for e in seg["errors"] if _target_span(e)})
            chars = {i for _, a, b in marked for i in range(a, b)}
            starts.append(pos)
            spans.append(marked)
            covered.append(len(chars) / len(seg["target"]) if seg["target"] else 0.0)
            pos += len(seg["target"]) + 1
        lang = str(segs[0]["lp"]).partition("-")[0] or None
        target = "\n".join(s["target"] for s in segs)
        source = "\n".join(str(s.get("source") or "") for s in segs)
        checked = linter.check_document(make_document(target, source, lang, f"{doc_id}@{system}"))
        problems.extend(f"{checked.path}: internal error in rule {e}" for e in checked.rule_errors)
        result.articles += 1
        for f in checked.findings:
            i = max(bisect_right(starts, f.start) - 1, 0)
            offset = f.start - starts[i]
            hit = [s for s in spans[i] if s[1] <= offset < s[2]]
            for tally in (result.by_rule.setdefault(f.code, Tally()), result.by_dimension[f.dimension],
                          result.overall):
                tally.add(hit, covered[i])
    return result


# -- DEMETR --------------------------------------------------------------------------------------
@dataclass
class DemetrResult:
    items: int = 0
    rows: int = 0
    clean_flagged: int = 0
    #: Perturbation label -> [sentences, detected]; codemix also appears split by inserted script.
    kinds: dict[str, list[int]] = field(default_factory=dict)
    #: Perturbation label -> the MQM category DEMETR's mapping gives it.
    categories: dict[str, str] = field(default_factory=dict)
    #: Perturbation label -> rule code -> sentences that rule detected.
    credit: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def rate(self, kind: str) -> float | None:
        sentences, detected = self.kinds.get(kind, (0, 0))
        return detected / sentences if sentences else None

    @property
    def clean_rate(self) -> float | None:
        return self.clean_flagged / self.items if self.items else None


def codemix_label(clean: str, perturbed: str) -> str:
    """Which script the code-mixing perturbation inserted: compare the two sentences."""
    import difflib
    import unicodedata

    matcher = difflib.SequenceMatcher(None, clean, perturbed, autojunk=False)
    inserted = "".join(perturbed[j1:j2] for tag, _, _, j1, j2 in matcher.get_opcodes() if tag in ("insert", "replace"))
    foreign = any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in inserted)
    return CODEMIX_NON_LATIN if foreign else CODEMIX_LATIN


def evaluate_demetr(rows: list[tuple[str, dict]], linter, problems: list[str]) -> DemetrResult:
    """Score (file, row) pairs, items keyed by file and doc_id; an item without exactly one
    unperturbed row is skipped and reported in *problems*, as are rule crashes."""
    result = DemetrResult()
    cache: dict[tuple, frozenset] = {}

    def findings(path: str, row: dict) -> frozenset:
        name = str(row["lp"]).rpartition("-")[0]
        lang = DEMETR_LANGS.get(name, name if len(name) == 2 else None)  # "zh-en" style is already ISO
        key = (row["target"], lang, row.get("source"))
        if key not in cache:
            checked = linter.check_document(make_document(row["target"], row.get("source"), lang, path))
            problems.extend(f"{path}: {row['doc_id']}: internal error in rule {e}" for e in checked.rule_errors)
            cache[key] = frozenset((f.code, f.text) for f in checked.findings)
        return cache[key]

    items: dict[tuple, list[dict]] = defaultdict(list)
    for path, row in rows:
        items[(path, row["doc_id"])].append(row)
    for (path, doc_id), item in sorted(items.items()):
        clean = [r for r in item if r["perturbation"] is None]
        if len(clean) != 1:
            problems.append(f"{path}: item {doc_id} has {len(clean)} unperturbed rows (perturbation: null), not 1")
            continue
        result.items += 1
        result.rows += len(item)
        before = findings(path, clean[0])
        result.clean_flagged += bool(before)
        for row in item:
            if row is clean[0]:
                continue
            new = findings(path, row) - before
            labels = [row["perturbation"]]
            if row["perturbation"] == CODEMIX:
                labels.append(codemix_label(clean[0]["target"], row["target"]))
            for label in labels:
                tally = result.kinds.setdefault(label, [0, 0])
                tally[0] += 1
                tally[1] += bool(new)
                result.credit[label].update({code for code, _ in new})
                if row.get("errors"):
                    result.categories.setdefault(label, row["errors"][0].get("category") or "")
    return result


# -- targets (issue 3 acceptance) ----------------------------------------------------------------
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


def signature(linter, files: list[Path]) -> str:
    """What produced the figures, in the form of ``tqcheck check``'s score signature plus the data
    files' hashes: equal signatures mean comparable figures."""
    import hashlib

    from tqcheck import __version__
    from tqcheck.langid import SEED

    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()[:8]

    rules = ",".join(sorted(f"{r.code}:{r.severity}" for r in linter.rules))
    packs = ",".join(f"{p.name}@{p.hash}" for p in linter.registry.packs) or "none"
    data = ",".join(f"{f.name}@{digest(f.read_bytes())}" for f in files)
    return (f"tqcheck:{__version__}|packs:{packs}|rules:{len(linter.rules)}@{digest(rules.encode())}"
            f"|langid-seed:{SEED}|data:{data}")


# -- command -------------------------------------------------------------------------------------
@click.command()
@click.argument("corpus_dir")
@click.option("--select", multiple=True, help="Rules to measure (default: the rules that are on by default).")
@click.option("--ignore", multiple=True, help="Rules to leave out (same forms as --select).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE instead of standard output.")
def eval_command(corpus_dir, select, ignore, fmt, output):
    """Measure the rules against human MQM annotations (CORPUS_DIR/mqm/*.jsonl) and the DEMETR
    challenge set (CORPUS_DIR/demetr/*.jsonl); end with the issue-3 targets and pass/fail.

    Exit status: 0 the report was written, 2 a usage or input error (the other files are still used).
    """
    import time

    from tqcheck.cli import _build_linter, _fail, _split
    from tqcheck.config import Config

    corpus = Path(corpus_dir)
    if not corpus.is_dir():
        _fail(f"{corpus_dir}: not a directory")
    mqm_files, demetr_files = sorted((corpus / "mqm").glob("*.jsonl")), sorted((corpus / "demetr").glob("*.jsonl"))
    if not mqm_files and not demetr_files:
        _fail(f"{corpus_dir}: no mqm/*.jsonl or demetr/*.jsonl files")
    linter = _build_linter(Config(select=_split(select), ignore=_split(ignore)))
    clock, problems, mqm_rows, demetr_rows = time.perf_counter(), [], [], []
    for path in mqm_files + demetr_files:
        try:
            if path in mqm_files:
                mqm_rows += read_jsonl(path, MQM_FIELDS)
            else:
                demetr_rows += [(str(path), row) for row in read_jsonl(path, DEMETR_FIELDS)]
        except EvalInputError as exc:
            problems.append(str(exc))
    mqm = evaluate_mqm(mqm_rows, linter, problems) if mqm_rows else None
    demetr = evaluate_demetr(demetr_rows, linter, problems) if demetr_rows else None
    command = " ".join(["tqcheck eval", corpus_dir, *(f"--select {s}" for s in select),
                        *(f"--ignore {s}" for s in ignore), f"--format {fmt}"])
    preamble = [f"Generated by `{command}`; `make eval CORPUS=...` regenerates docs/evaluation.md.",
                f"Signature: `{signature(linter, mqm_files + demetr_files)}`"]
    render = render_markdown if fmt == "markdown" else render_text
    text = render("tqcheck evaluation", preamble, report_sections(mqm, demetr, linter.rules))
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            _fail(f"{output}: cannot write: {exc.strerror or exc}")
    else:
        click.echo(text, nl=False)
    click.echo(f"tqcheck eval: {mqm.articles if mqm else 0} MQM articles and {demetr.rows if demetr else 0} "
               f"DEMETR rows checked in {time.perf_counter() - clock:.1f} s", err=True)
    for problem in problems:
        click.echo(f"tqcheck: error: {problem}", err=True)
    sys.exit(2 if problems else 0)
