"""Command line: ``tqcheck check``, ``tqcheck rules``, ``tqcheck explain``."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from tqcheck import __version__

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> None:
    click.echo(f"tqcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _load_config(config_path: str | None):
    from tqcheck import config as cfg

    path = config_path or cfg.discover()
    if not path:
        return cfg.Config()
    try:
        return cfg.load(path)
    except cfg.ConfigError as exc:
        _fail(str(exc))


def _build_linter(config):
    from tqcheck.engine import Linter
    from tqcheck.packs import PackError
    from tqcheck.registry import Registry, SelectorError

    try:
        return Linter(config, Registry.load(config.packs))
    except (PackError, SelectorError) as exc:
        _fail(str(exc))


def iter_article_paths(paths: tuple[str, ...], errors: list[tuple[str, str]]) -> Iterator[str]:
    """Expand folders (recursively, sorted, no symlink loops) into article files."""
    from tqcheck.document import TEXT_SUFFIXES
    from tqcheck.pairing import UNIT_SUFFIXES

    suffixes = TEXT_SUFFIXES.keys() | UNIT_SUFFIXES.keys()
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            def unreadable(exc: OSError) -> None:  # os.walk would skip an unreadable folder silently
                errors.append((exc.filename or raw, f"cannot list the folder: {exc.strerror or exc}"))

            for root, dirs, files in os.walk(p, followlinks=False, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                        yield os.path.join(root, name)
        elif p.exists() or p.is_symlink():
            yield raw
        else:
            errors.append((raw, "no such file or directory"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqcheck")
def main() -> None:
    """Flag machine-translation artifacts in articles and score their quality."""


_cache_dir_option = click.option(
    "--cache-dir", type=click.Path(file_okay=False), envvar="TQCHECK_CACHE_DIR", show_envvar=True,
    help="Folder of the result cache (default: .tqcheck_cache in the working folder).")


def _article_options(command):
    """Options shared by ``check`` and ``report``: rule selection, input, languages, scoring, baseline."""
    options = [
        click.option("--select", multiple=True, help="Rules to run: codes, prefixes, names, families or ALL (comma-separated)."),
        click.option("--ignore", multiple=True, help="Rules to skip (same forms as --select)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: discovered tqcheck.toml / pyproject.toml)."),
        click.option("--encoding", help="Decode articles with this encoding (e.g. latin-1, cp1251) instead of UTF-8/UTF-16."),
        click.option("--source-lang", help="Language the articles were translated from (e.g. ru, zh, de)."),
        click.option("--target-lang", help="Language of the articles (default: en)."),
        click.option("--pack", "packs", multiple=True, type=click.Path(file_okay=False), help="Extra rule pack folder (repeatable)."),
        click.option("--source", "source_path", type=click.Path(dir_okay=False), help="Source-language file of the (single) article."),
        click.option("--ref", "ref_path", type=click.Path(dir_okay=False), help="Reference translation of the (single) article, for BLEU/chrF/TER."),
        click.option("--no-pair", is_flag=True, help="Check every file alone: no source/reference pairing by file name."),
        click.option("--weights", type=click.Choice(sorted(_presets())), help="Score weights preset (default: mqm-core; custom weights go in the config)."),
        click.option("--cut-score", type=float, metavar="SCORE", help="Pass mark of the quality score (default: --fail-under, else 95)."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Accept the findings recorded in this baseline file."),
        click.option("-o", "--output", type=click.Path(), help="Write to this file instead of standard output (a folder for html)."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Check articles in N processes (default: the number of cores)."),
        click.option("--no-cache", is_flag=True, help="Check every article again instead of reading unchanged results from the cache."),
        _cache_dir_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _presets():
    from tqcheck.summary import PRESETS

    return PRESETS


def _configure(opts: dict, **gate):
    """The discovered/given config with the command-line options applied on top."""
    from tqcheck.finding import Severity

    config = _load_config(opts["config_path"])
    packs = opts["packs"]
    fail_on = gate.pop("fail_on", None)
    return config.with_options(
        select=_split(opts["select"]) or None, ignore=_split(opts["ignore"]) or None, encoding=opts["encoding"],
        source_lang=opts["source_lang"], target_lang=opts["target_lang"],
        packs=tuple(config.packs) + tuple(os.path.realpath(p) for p in packs) if packs else None,
        weights=_presets()[opts["weights"]] if opts["weights"] else None, cut_score=opts["cut_score"],
        baseline=opts["baseline_path"], fail_on=Severity.parse(fail_on) if fail_on else None, **gate)


def _run(linter, config, paths, opts) -> tuple[list, bool]:
    """Check every article (paired with its source/reference when found); report problems on stderr.

    Returns the results and whether there was an input error (a missing or unreadable file).
    """
    from tqcheck.pairing import plan

    errors: list[tuple[str, str]] = []
    results = []
    pairings, pair_errors = plan(list(iter_article_paths(paths, errors)), source=opts["source_path"],
                                 reference=opts["ref_path"], target_lang=config.target_lang,
                                 source_lang=config.source_lang, pair=not opts["no_pair"])
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
    with the result cache (tqcheck.parallel, tqcheck.cache)."""
    keep_text = opts.get("fmt") == "html"
    if opts.get("dask"):
        from tqcheck.dask import DaskUnavailable, check_pairings_on

        try:
            return check_pairings_on(opts["dask"], linter.config, pairings, keep_text=keep_text,
                                     check_stdin=lambda: _check_stdin(linter, config.encoding))
        except DaskUnavailable as exc:
            _fail(str(exc))
    from tqcheck.parallel import check_all, default_jobs

    cache = None
    if not opts.get("no_cache"):
        from tqcheck.cache import ResultCache

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
    from tqcheck.baseline import Baseline, BaselineError, write

    try:
        if write_path:
            n = write(write_path, results)
            click.echo(f"tqcheck: wrote {n} finding{'s' if n != 1 else ''} to the baseline {write_path}", err=True)
        path = write_path or config.baseline
        if not path:
            return None
        baseline = Baseline.load(path)
    except BaselineError as exc:
        _fail(str(exc))
    baseline.apply(results)
    return baseline.digest


def _emit(fmt: str, report, output: str | None, **options) -> None:
    from tqcheck.reporters import FOLDER_FORMATS, render

    if fmt in FOLDER_FORMATS:
        if not output:
            _fail(f"the {fmt} format writes a folder of pages: give it with -o DIR")
        try:
            render(fmt, report, None, output_dir=output)
        except OSError as exc:
            _fail(f"{output}: cannot write the report: {exc.strerror or exc}")
        click.echo(f"tqcheck: wrote the {fmt} report of {len(report.articles)} articles to {output}", err=True)
    elif output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as out:
                render(fmt, report, out, **options)
        except OSError as exc:
            _fail(f"{output}: cannot write: {exc.strerror or exc}")
    else:
        # UTF-8 whatever the locale says (JSON and SARIF must be, JUnit's header says so): the same
        # bytes on every machine, and no character of an article can fail the run.
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")
        render(fmt, report, sys.stdout, color=sys.stdout.isatty(), **options)


def _scoring(config):
    from tqcheck.summary import DEFAULT_CUT_SCORE, Scoring

    cut = config.cut_score if config.cut_score is not None else config.fail_under
    return Scoring(config.weights, DEFAULT_CUT_SCORE if cut is None else cut)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "sarif", "junit", "github", "markdown", "html"]),
              default="text", show_default=True, help="Output format (html writes a folder: give -o DIR).")
@click.option("--fail-on", type=click.Choice(["minor", "major", "critical"]), help="Fail an article with a finding at or above this severity.")
@click.option("--fail-under", type=float, metavar="SCORE", help="Fail an article whose quality score is under SCORE.")
@click.option("--max-findings", type=click.IntRange(min=0), metavar="N", help="Fail an article with more than N findings.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record every current finding in this baseline file (and pass).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when articles fail the gate (input errors still exit 2).")
@click.option("--dask", metavar="ADDRESS", help="Check the articles on this Dask scheduler (pip install 'tqcheck[dask]'; see docs/dask.md).")
@_article_options
def check(paths, fmt, fail_on, fail_under, max_findings, write_baseline, exit_zero, **opts):
    """Check article files, folders (recursively) or - for standard input.

    An article fails the gate on any finding, unless --fail-on, --fail-under or --max-findings
    say otherwise (then only those conditions apply). Findings that are suppressed in the
    article or accepted by the baseline never count.

    Exit status: 0 every article passes, 1 an article fails the gate, 2 a usage or input
    error (the other files are still checked).
    """
    from tqcheck.gate import Gate
    from tqcheck.reporters import build_report

    config = _configure(opts, fail_on=fail_on, fail_under=fail_under, max_findings=max_findings)
    linter = _build_linter(config)
    results, input_error = _run(linter, config, paths, {**opts, "fmt": fmt})
    digest = _apply_baseline(config, results, write_baseline)
    gate = Gate(config.fail_on, config.fail_under, config.max_findings)
    report = build_report(results, linter, _scoring(config), gate, digest)
    _emit(fmt, report, opts["output"])
    if input_error:
        sys.exit(EXIT_ERROR)
    if report.failed and not exit_zero:
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["html", "text", "json", "jsonl", "sarif", "junit", "github", "markdown"]),
              default="html", show_default=True, help="Report format (html writes a folder: give -o DIR).")
@_article_options
def report(paths, fmt, **opts):
    """Write the quality report of articles: by default the editor's HTML review (-o DIR).

    Each article gets its score, the points each finding costs and its signature; the HTML
    report has an index of every article and one page per article with the findings
    highlighted in the text. Exit status: 0 written, 2 a usage or input error.
    """
    from tqcheck.reporters import build_report

    config = _configure(opts)
    linter = _build_linter(config)
    results, input_error = _run(linter, config, paths, {**opts, "fmt": fmt})
    digest = _apply_baseline(config, results, None)
    _emit(fmt, build_report(results, linter, _scoring(config), None, digest), opts["output"], detail=True)
    sys.exit(EXIT_ERROR if input_error else EXIT_OK)


def _check_stdin(linter, encoding):
    from tqcheck.document import MAX_BYTES, InputError, decode
    from tqcheck.engine import ArticleResult

    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)  # bounded: a stream has no size to check first
        if len(data) > MAX_BYTES:
            raise InputError(f"more than {MAX_BYTES // 2**20} MiB, over the limit for one article")
        text = decode(data, encoding)
    except InputError as exc:
        return ArticleResult(path="<stdin>", error=str(exc))
    return linter.check_text(text, path="<stdin>")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Also list rules that are off by default.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def rules(fmt, show_all, config_path):
    """List every rule with its code, category and description."""
    import json

    linter = _build_linter(_load_config(config_path))
    listed = [r for r in linter.registry if show_all or r.default_enabled or fmt != "text"]
    if fmt == "json":
        click.echo(json.dumps([_rule_info(r) for r in listed], indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        click.echo("# Rule reference\n\nGenerated by `tqcheck rules --all --format markdown`; "
                   "`tqcheck explain CODE` prints a rule's full documentation.\n")
        click.echo("| code | name | category | severity | default | description |\n|---|---|---|---|---|---|")
        for r in listed:
            click.echo(f"| {r.code} | `{r.name}` | {r.category} | {r.severity} | {'on' if r.default_enabled else 'off'} | {r.description} |")
    else:
        for r in listed:
            flag = "" if r.default_enabled else " (off by default)"
            click.echo(f"{r.code}  {r.name:<36} {r.category:<32} {str(r.severity):<8} {r.description}{flag}")


def _rule_info(rule) -> dict:
    return {"code": rule.code, "name": rule.name, "category": rule.category, "severity": str(rule.severity),
            "default": rule.default_enabled, "origin": rule.origin, "description": rule.description}


@main.command()
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def explain(code, config_path):
    """Print a rule's documentation."""
    linter = _build_linter(_load_config(config_path))
    rule = linter.registry.get(code)
    if rule is None:
        _fail(f"unknown rule code {code!r} (see 'tqcheck rules')")
    click.echo(f"{rule.code} ({rule.name})\n"
               f"Category: {rule.category}   Severity: {rule.severity}   "
               f"Default: {'on' if rule.default_enabled else 'off'}   From: {rule.origin}\n")
    click.echo(rule.doc)


@main.group()
def cache():
    """The result cache: where it is, and deleting it (see the README's "Result cache")."""


@cache.command("dir")
@_cache_dir_option
def cache_dir(cache_dir):
    """Print the folder of the result cache."""
    from tqcheck.cache import cache_root

    click.echo(os.path.abspath(cache_root(cache_dir)))


@cache.command("clear")
@_cache_dir_option
def cache_clear(cache_dir):
    """Delete the result cache (every entry, of this version and older ones)."""
    from tqcheck.cache import NotACache, cache_root, clear

    root = cache_root(cache_dir)
    try:
        removed = clear(root)
    except NotACache as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{root}: cannot delete the cache: {exc.strerror or exc}")
    click.echo(f"tqcheck: deleted {removed} cached result{'s' if removed != 1 else ''} from {root}", err=True)


from tqcheck.evaluate import eval_command  # noqa: E402 (cheap: its heavy imports are inside the command)

main.add_command(eval_command, "eval")

from tqcheck.fix_command import fix_command  # noqa: E402 (cheap: its imports are inside the command)

main.add_command(fix_command, "fix")


if __name__ == "__main__":
    main()
