"""``tqcheck eval``: measure the rules against human MQM annotations and the DEMETR challenge set.

Per language pair (a row's ``lp``: source-target) and per mode (``corpus.MODES``): articles alone,
with their sources, and with sources and references (ranking only).

MQM (``CORPUS/mqm/*.jsonl``, ``mqm.py``): each (doc_id, system) pair is checked as one article in
the pair's target language, one segment a line. A finding is a *hit* when it starts inside a span
that any rater marked as a target error. *Chance* is the precision the same finding would get at a
random offset of its segment (the share of the segment's characters that human spans cover); *lift*
is precision minus chance. A bilingual finding that points into the source (``source_start``) is
scored against the spans raters marked in the source instead, where MQM puts omissions, with the
chance of that side.

DEMETR (``CORPUS/demetr/*.jsonl``, ``demetr.py``): each row is checked as a one-sentence article.
A perturbed sentence is *detected* when it gets a finding, compared by (code, flagged text), that
the unperturbed sentence of the same item does not get.

Ranking (``ranking.py``): how each article's ``summary.score`` (and chrF, and any score component)
orders the systems against the raters' MQM penalty per 1,000 words.

``run.py`` computes every figure as data, ``targets.py`` holds the issues' bars, ``report.py``
lays them out.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click


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


@click.command()
@click.argument("corpus_dir")
@click.option("--select", multiple=True, help="Rules to measure (default: the rules that are on by default).")
@click.option("--ignore", multiple=True, help="Rules to leave out (same forms as --select).")
@click.option("--lp", "lps", multiple=True, help="Only these language pairs, e.g. en-de (comma-separated; DEMETR's "
              "as pl-en, zh-en, ...). Default: all.")
@click.option("--mode", "modes", multiple=True, help="Only these modes: alone, sources, references (comma-separated). "
              "Default: all.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE instead of standard output.")
def eval_command(corpus_dir, select, ignore, lps, modes, fmt, output):
    """Measure the rules against human MQM annotations (CORPUS_DIR/mqm/*.jsonl) per language pair,
    articles alone and with their sources; DEMETR (CORPUS_DIR/demetr/*.jsonl) with and without
    sources; how the score ranks systems against the raters (with references too: the rows'
    ``reference`` or the ref.<target>.txt beside a folder's doc.json); end with the targets of
    issues 15, 17 and 18 and pass/fail.

    Exit status: 0 the report was written, 2 a usage or input error (the other files are still used).
    """
    import time

    from tqcheck.cli import _build_linter, _fail, _scoring, _split
    from tqcheck.config import Config
    from tqcheck.evaluate.corpus import MODES
    from tqcheck.evaluate.report import render_json, render_markdown, render_text, report_data, report_sections
    from tqcheck.evaluate.run import evaluate, read_corpus
    from tqcheck.evaluate.targets import judge

    corpus_path = Path(corpus_dir)
    if not corpus_path.is_dir():
        _fail(f"{corpus_dir}: not a directory")
    chosen_modes = _split(modes) or tuple(MODES)
    unknown = [m for m in chosen_modes if m not in MODES]
    if unknown:
        _fail(f"--mode {','.join(unknown)}: unknown (use {', '.join(MODES)})")
    clock, problems = time.perf_counter(), []
    corpus = read_corpus(corpus_path, problems)
    if not corpus.files:
        _fail(f"{corpus_dir}: no mqm/*.jsonl or demetr/*.jsonl files")
    chosen_lps = set(_split(lps)) or None
    missing = sorted((chosen_lps or set()) - corpus.language_pairs)
    if missing:
        _fail(f"--lp {','.join(missing)}: no such language pair in {corpus_dir} "
              f"(it has {', '.join(sorted(corpus.language_pairs)) or 'none'})")
    config = Config(select=_split(select), ignore=_split(ignore))
    linter = _build_linter(config)
    evaluation = evaluate(corpus, linter, _scoring(config), chosen_lps, tuple(m for m in MODES if m in chosen_modes),
                          problems)
    outcomes = judge(evaluation.as_dict())
    command = " ".join(["tqcheck eval", corpus_dir, *(f"--select {s}" for s in select),
                        *(f"--ignore {s}" for s in ignore), *(f"--lp {s}" for s in lps),
                        *(f"--mode {s}" for s in modes), f"--format {fmt}"])
    sign = signature(linter, corpus.files)
    if fmt == "json":
        text = render_json(report_data(evaluation, outcomes, {"command": command, "signature": sign}))
    else:
        preamble = [f"Generated by `{command}`; `make eval CORPUS=...` regenerates docs/evaluation.md.",
                    f"Signature: `{sign}`"]
        render = render_markdown if fmt == "markdown" else render_text
        text = render("tqcheck evaluation", preamble, report_sections(evaluation, outcomes, linter.rules))
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            _fail(f"{output}: cannot write: {exc.strerror or exc}")
    else:
        click.echo(text, nl=False)
    rows = sum(d.rows for d in evaluation.demetr.values())
    click.echo(f"tqcheck eval: {evaluation.articles_checked} MQM articles and {rows} DEMETR rows checked "
               f"in {time.perf_counter() - clock:.1f} s", err=True)
    for problem in problems:
        click.echo(f"tqcheck: error: {problem}", err=True)
    sys.exit(2 if problems else 0)
