"""``tqcheck explain-score``: how an article's score comes about (``tqcheck.scoring.calibrated``)."""
from __future__ import annotations

import sys

import click

from tqcheck.cli.options import article_options, build_linter, configure, gate, scoring


@click.command("explain-score")
@click.argument("paths", nargs=-1, required=True)
@article_options
def explain_score(paths, **opts):
    """Show how each article's score (0-100, higher is better) is made: every component (findings;
    alone, word variety; with a source or reference, the adequacy signals and chrF), its value, its
    calibrated weight, its points and how many score points it loses; then the plain MQM points of
    the findings.

    Takes the same options as 'check' (--source, --ref, --weights, ...). Exit status: 0, or 2 for
    a usage or input error.
    """
    from tqcheck.cli.check import _run
    from tqcheck.engine.report import build_report
    from tqcheck.reporters.text import scorecard
    from tqcheck.scoring.calibrated import COMPONENTS

    config = configure(opts, paths)
    linter = build_linter(config)
    results: list = []
    input_error = _run(linter, config, paths, {**opts, "fmt": "text"}, results.append)
    report = build_report(results, linter, scoring(config), gate(config))
    for article in report.articles:
        if article.summary is None:
            click.echo(f"{article.path}: not checked: {article.result.error}")
            continue
        click.echo(f"{article.path}: score {article.summary.score:.2f} ({article.summary.words} words, "
                   f"{article.summary.findings} findings)")
        click.echo("\n".join(scorecard(article.summary, report.scoring.weights.label)))
    click.echo("components: " + "; ".join(f"{name}: {what}" for name, (what, _, _) in COMPONENTS.items()))
    click.echo(f"score model: {report.scoring.score_model.signature}")
    sys.exit(2 if input_error else 0)
