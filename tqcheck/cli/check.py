"""``tqcheck check`` and ``tqcheck report``: check articles, apply the baseline, and write the report."""
from __future__ import annotations

import os
import sys

import click

from tqcheck.cli.options import (EXIT_ERROR, EXIT_FAILED, EXIT_OK, article_options, build_linter, configure, fail,
                                 gate, scoring, show_settings)
from tqcheck.reporters import FOLDER_FORMATS, FORMATS, render


def _run(linter, config, paths, opts) -> tuple[list, bool]:
    """Check every article (paired with its source/reference when found); report problems on stderr.

    Returns the results and whether there was an input error (a missing or unreadable file).
    """
    from tqcheck.formats.pairing import plan
    from tqcheck.formats.paths import iter_article_paths

    errors: list[tuple[str, str]] = []
    results = []
    files = list(iter_article_paths(paths, errors, config.allow_empty))
    pairings, pair_errors = plan(files, source=opts["source_path"], reference=opts["ref_path"],
                                 target_lang=config.force_lang or config.target_lang, source_lang=config.source_lang,
                                 pair=not opts["no_pair"], name_langs=not config.force_lang)
    errors.extend(pair_errors)
    checked = _check_pairings(linter, config, pairings, opts)
    progress = sys.stderr.isatty() and len(pairings) >= PROGRESS_MIN_FILES
    with click.progressbar(checked, length=len(pairings), label="Checking", file=sys.stderr) if progress \
            else _nullbar(checked) as bar:
        for result in bar:
            results.append(result)
    for path, problem in errors:
        click.echo(f"tqcheck: error: {path}: {problem}", err=True)
    for result in results:
        if result.error:
            click.echo(f"tqcheck: error: {result.path}: {result.error}", err=True)
        for warning in result.warnings:
            click.echo(f"tqcheck: warning: {result.path}: {warning}", err=True)
        for problem in result.rule_errors:
            click.echo(f"tqcheck: error: {result.path}: internal error in rule {problem}", err=True)
    return results, bool(errors or any(r.error or r.rule_errors for r in results))


def _check_pairings(linter, config, pairings, opts):
    """The results of *pairings* in order: on a Dask cluster (--dask), else over --jobs processes
    with the result cache (tqcheck.batch.parallel, tqcheck.batch.cache)."""
    keep_text = opts.get("fmt") == "html"
    if opts.get("dask"):
        from tqcheck.batch.dask import DaskUnavailable, check_pairings_on

        try:
            return check_pairings_on(opts["dask"], linter.config, pairings, keep_text=keep_text,
                                     check_stdin=lambda: _check_stdin(linter, config.encoding))
        except DaskUnavailable as exc:
            fail(str(exc))
    from tqcheck.batch.parallel import check_all, default_jobs

    cache = None
    if not opts.get("no_cache"):
        from tqcheck.batch.cache import ResultCache

        cache = ResultCache(linter, opts.get("cache_dir"))
    jobs = opts.get("jobs") or default_jobs()
    return check_all(linter, pairings, jobs=jobs, cache=cache, keep_text=keep_text,
                     check_stdin=lambda: _check_stdin(linter, config.encoding))


class _nullbar:
    def __init__(self, items):
        self.items = items

    def __enter__(self):
        return self.items

    def __exit__(self, *exc):
        return False


#: Checking at least this many files from a terminal shows a progress bar on stderr.
PROGRESS_MIN_FILES = 10


def _apply_baseline(config, results, write_path: str | None) -> str | None:
    """Write the baseline (--write-baseline), then apply the configured one; return its digest."""
    from tqcheck.engine.baseline import Baseline, BaselineError, write

    try:
        if write_path:
            n = write(write_path, results)
            click.echo(f"tqcheck: wrote {n} finding{'s' if n != 1 else ''} to the baseline {write_path}", err=True)
        path = write_path or config.baseline
        if not path:
            return None
        baseline = Baseline.load(path)
    except BaselineError as exc:
        fail(str(exc))
    baseline.apply(results)
    return baseline.digest


def _emit(fmt: str, report, opts: dict, **options) -> None:
    """Render *report* to ``-o`` (a file, or a folder for html) or to standard output, in colour on
    a terminal unless --no-color or NO_COLOR (https://no-color.org) says otherwise."""
    output = opts["output"]
    if fmt in FOLDER_FORMATS:
        if not output:
            fail(f"the {fmt} format writes a folder of pages: give it with -o DIR")
        try:
            render(fmt, report, None, output_dir=output)
        except OSError as exc:
            fail(f"{output}: cannot write the report: {exc.strerror or exc}")
        n = len(report.articles)
        click.echo(f"tqcheck: wrote the {fmt} report of {n} article{'s' if n != 1 else ''} to {output}; "
                   f"open {os.path.join(output, 'index.html')}", err=True)
    elif output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as out:
                render(fmt, report, out, **options)
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror or exc}")
    else:
        # UTF-8 whatever the locale says (JSON and SARIF must be, JUnit's header says so): the same
        # bytes on every machine, and no character of an article can fail the run.
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")
        color = sys.stdout.isatty() and not opts["no_color"] and not os.environ.get("NO_COLOR")
        render(fmt, report, sys.stdout, color=color, **options)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
              default="text", show_default=True, help="Output format (html writes a folder: give -o DIR).")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record every current finding in this baseline file (and pass).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when articles fail the gate (input errors still exit 2).")
@click.option("--dask", metavar="ADDRESS", help="Check the articles on this Dask scheduler (pip install 'tqcheck[dask]'; see docs/dask.md).")
@article_options
def check(paths, fmt, write_baseline, exit_zero, **opts):
    """Check article files, folders (recursively) or - for standard input.

    An article fails the gate on any finding, unless --fail-on, --fail-under or --max-findings
    say otherwise (then only those conditions apply). Findings that are suppressed in the
    article or accepted by the baseline never count.

    Exit status: 0 every article passes, 1 an article fails the gate, 2 a usage or input
    error (the other files are still checked).
    """
    from tqcheck.engine.report import build_report

    config = configure(opts, paths)
    linter = build_linter(config)
    if opts["show_settings"]:
        show_settings("check", paths, linter)
    results, input_error = _run(linter, config, paths, {**opts, "fmt": fmt})
    digest = _apply_baseline(config, results, write_baseline)
    report = build_report(results, linter, scoring(config), gate(config), digest)
    _emit(fmt, report, opts, quiet=opts["quiet"])
    if input_error:
        sys.exit(EXIT_ERROR)
    if report.failed and not exit_zero:
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_OK)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["html", *(f for f in FORMATS if f != "html")]),
              default="html", show_default=True, help="Report format (html writes a folder: give -o DIR).")
@article_options
def report(paths, fmt, **opts):
    """Write the quality report of articles: by default the editor's HTML review (-o DIR).

    Each article gets the gate's verdict (the same as 'tqcheck check' gives it), its score, the
    points each finding costs and its signature; the HTML report has an index of every article and
    one page per article with the findings highlighted in the text. Exit status: 0 written (a
    failing article does not fail the report), 2 a usage or input error.
    """
    from tqcheck.engine.report import build_report

    config = configure(opts, paths)
    linter = build_linter(config)
    if opts["show_settings"]:
        show_settings("report", paths, linter)
    results, input_error = _run(linter, config, paths, {**opts, "fmt": fmt})
    digest = _apply_baseline(config, results, None)
    _emit(fmt, build_report(results, linter, scoring(config), gate(config), digest), opts, detail=True,
          quiet=opts["quiet"])
    sys.exit(EXIT_ERROR if input_error else EXIT_OK)


def _check_stdin(linter, encoding):
    from tqcheck.engine.linter import ArticleResult
    from tqcheck.formats.read import InputError, decode, too_large

    limit = linter.config.max_bytes
    try:
        data = sys.stdin.buffer.read(limit + 1)  # bounded: a stream has no size to check first
        if len(data) > limit:
            raise InputError(too_large(None, limit))
        text = decode(data, encoding)
    except InputError as exc:
        return ArticleResult(path="<stdin>", error=str(exc))
    return linter.check_text(text, path="<stdin>")

