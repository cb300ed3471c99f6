"""``tqcheck check`` and ``tqcheck report``: check articles, apply the baseline, and write the report."""
from __future__ import annotations

import os
import sys

import click

from tqcheck.cli.options import (EXIT_ERROR, EXIT_FAILED, EXIT_OK, article_options, build_linter, configure, fail,
                                 gate, scoring, show_settings)
from tqcheck.reporters import FOLDER_FORMATS, FORMATS, render


def _run(linter, config, paths, opts, consume) -> bool:
    """Check every article (paired with its source/reference when found), handing each result to
    *consume* as it comes, in the order of the articles; report problems on stderr at the end.

    Returns whether there was an input error (a missing or unreadable file)."""
    import time

    from tqcheck.formats.pairing import plan
    from tqcheck.formats.paths import iter_article_paths

    stages = opts.get("stages")
    t0 = time.perf_counter()
    errors: list[tuple[str, str]] = []
    files = list(iter_article_paths(paths, errors, config.allow_empty))
    pairings, pair_errors = plan(files, source=opts["source_path"], reference=opts["ref_path"],
                                 target_lang=config.force_lang or config.target_lang, source_lang=config.source_lang,
                                 pair=not opts["no_pair"], name_langs=not config.force_lang)
    errors.extend(pair_errors)
    if stages is not None:
        stages["listing and pairing"] = time.perf_counter() - t0
    checked = _check_pairings(linter, config, pairings, opts)
    show = sys.stderr.isatty() and len(pairings) >= PROGRESS_MIN_FILES
    progress = Progress(len(pairings)) if show else None
    messages, failed = [], False
    try:
        for result in checked:
            if result.error:
                messages.append(f"tqcheck: error: {result.path}: {result.error}")
            messages += [f"tqcheck: warning: {result.path}: {w}" for w in result.warnings]
            messages += [f"tqcheck: error: {result.path}: internal error in rule {p}" for p in result.rule_errors]
            failed = failed or bool(result.error or result.rule_errors)
            consume(result)
            if progress:
                progress.step()
    finally:
        if progress:
            progress.done()
    for path, problem in errors:
        click.echo(f"tqcheck: error: {path}: {problem}", err=True)
    for message in messages:
        click.echo(message, err=True)
    return bool(errors) or failed


class Progress:
    """A one-line progress report on stderr (a terminal): articles done, articles/s and the time
    left, shown from the first article on and redrawn at most ten times a second."""

    def __init__(self, total: int) -> None:
        import time

        self.total, self.done_count, self.clock = total, 0, time.monotonic
        self.start = self.last = self.clock()
        self._draw()

    def step(self) -> None:
        self.done_count += 1
        now = self.clock()
        if now - self.last >= 0.1 or self.done_count == self.total:
            self.last = now
            self._draw()

    def _draw(self) -> None:
        elapsed = self.clock() - self.start
        rate = self.done_count / elapsed if elapsed > 0 and self.done_count else 0.0
        width = 30
        filled = int(width * self.done_count / max(self.total, 1))
        left = (self.total - self.done_count) / rate if rate else None
        eta = f"{int(left) // 60}:{int(left) % 60:02d}" if left is not None else "-:--"
        sys.stderr.write(f"\rChecking [{'#' * filled}{'-' * (width - filled)}] {self.done_count}/{self.total} "
                         f"{rate:,.0f} articles/s ETA {eta} ")
        sys.stderr.flush()

    def done(self) -> None:
        self._draw()
        sys.stderr.write("\n")
        sys.stderr.flush()


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
    from tqcheck.batch.cache import keep_word_lists
    from tqcheck.batch.parallel import check_all, default_jobs

    keep_word_lists(opts.get("cache_dir"))  # with --no-cache too: they are no results, only parsed data
    cache = None
    if not opts.get("no_cache"):
        from tqcheck.batch.cache import ResultCache

        cache = ResultCache(linter, opts.get("cache_dir"))
    jobs = opts.get("jobs") or default_jobs()
    return check_all(linter, pairings, jobs=jobs, cache=cache, keep_text=keep_text,
                     check_stdin=lambda: _check_stdin(linter, config.encoding))


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
        n = report.count
        click.echo(f"tqcheck: wrote the {fmt} report of {n} article{'s' if n != 1 else ''} to {output}; "
                   f"open {os.path.join(output, 'index.html')}", err=True)
        return
    with _output(opts) as (out, color):
        render(fmt, report, out, color=color, **options)


class _output:
    """The stream a report goes to: the ``-o`` file, or standard output as UTF-8 (colour on a
    terminal unless --no-color or NO_COLOR, https://no-color.org, says otherwise)."""

    def __init__(self, opts: dict) -> None:
        self.path, self.no_color, self.file = opts["output"], opts["no_color"], None

    def __enter__(self):
        if self.path:
            try:
                self.file = open(self.path, "w", encoding="utf-8", newline="")
            except OSError as exc:
                fail(f"{self.path}: cannot write: {exc.strerror or exc}")
            return self.file, False
        # UTF-8 whatever the locale says (JSON and SARIF must be, JUnit's header says so): the same
        # bytes on every machine, and no character of an article can fail the run.
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")
        return sys.stdout, sys.stdout.isatty() and not self.no_color and not os.environ.get("NO_COLOR")

    def __exit__(self, kind, exc, tb):
        if self.file is not None:
            try:
                self.file.close()
            except OSError as error:
                if kind is None:
                    fail(f"{self.path}: cannot write: {error.strerror or error}")
        if isinstance(exc, OSError) and self.file is not None:
            fail(f"{self.path}: cannot write: {exc.strerror or exc}")
        return False


def _check_streaming(linter, config, paths, opts, fmt, **options):
    """Check and write each article as it comes (formats in ``tqcheck.reporters.STREAMING``):
    the same bytes as building the whole report first, with memory flat in the number of articles."""
    import time

    from tqcheck.engine.report import ReportBuilder
    from tqcheck.reporters import writer

    baseline = _load_baseline(config)
    builder = ReportBuilder(linter, scoring(config), gate(config), baseline.digest if baseline else None, keep=False)
    stages = opts.get("stages")
    with _output(opts) as (out, color):
        out_writer = writer(fmt, builder.head(), out, color=color, **options)
        spent = [0.0]

        def consume(result):
            if baseline is not None:
                baseline.apply([result])
            t0 = time.perf_counter()
            out_writer.add(builder.add(result))
            spent[0] += time.perf_counter() - t0

        input_error = _run(linter, config, paths, opts, consume)
        t0 = time.perf_counter()
        report = builder.finish()
        out_writer.close(report)
        if stages is not None:
            stages["output"] = spent[0] + time.perf_counter() - t0
    return report, input_error


def _load_baseline(config):
    if not config.baseline:
        return None
    from tqcheck.engine.baseline import Baseline, BaselineError

    try:
        return Baseline.load(config.baseline)
    except BaselineError as exc:
        fail(str(exc))


def _print_stages(stages: dict, linter) -> None:
    """--profile-stages: seconds per stage of the run, on stderr."""
    stages.update({f"{k} (in this process)": v for k, v in getattr(linter, "stage_times", {}).items()})
    click.echo("tqcheck: time per stage: " + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items()), err=True)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
              default="text", show_default=True, help="Output format (html writes a folder: give -o DIR).")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record every current finding in this baseline file (and pass).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when articles fail the gate (input errors still exit 2).")
@click.option("--dask", metavar="ADDRESS", help="Check the articles on this Dask scheduler (pip install 'tqcheck[dask]'; see docs/dask.md).")
@click.option("--profile-stages", is_flag=True, help="Print the time each stage of the run took (listing and pairing, reading, rules, output) to stderr.")
@article_options
def check(paths, fmt, write_baseline, exit_zero, profile_stages, **opts):
    """Check article files, folders (recursively) or - for standard input.

    An article fails the gate on any finding, unless --fail-on, --fail-under or --max-findings
    say otherwise (then only those conditions apply). Findings that are suppressed in the
    article or accepted by the baseline never count.

    Exit status: 0 every article passes, 1 an article fails the gate, 2 a usage or input
    error (the other files are still checked).
    """
    from tqcheck.engine.report import build_report
    from tqcheck.reporters import STREAMING

    config = configure(opts, paths)
    linter = build_linter(config)
    if opts["show_settings"]:
        show_settings("check", paths, linter)
    opts = {**opts, "fmt": fmt, "stages": {} if profile_stages else None}
    if fmt in STREAMING and not write_baseline:
        report, input_error = _check_streaming(linter, config, paths, opts, fmt, quiet=opts["quiet"])
    else:
        results = []
        input_error = _run(linter, config, paths, opts, results.append)
        digest = _apply_baseline(config, results, write_baseline)
        report = build_report(results, linter, scoring(config), gate(config), digest)
        _emit(fmt, report, opts, quiet=opts["quiet"])
    if profile_stages:
        _print_stages(opts["stages"], linter)
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
    results = []
    input_error = _run(linter, config, paths, {**opts, "fmt": fmt}, results.append)
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

