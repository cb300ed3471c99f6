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

    for raw in paths:
        if raw == "-":
            yield raw
            continue
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in TEXT_SUFFIXES:
                        yield os.path.join(root, name)
        elif p.exists() or p.is_symlink():
            yield raw
        else:
            errors.append((raw, "no such file or directory"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqcheck")
def main() -> None:
    """Flag machine-translation artifacts in articles and score their quality."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes, names, families or ALL (comma-separated).")
@click.option("--ignore", multiple=True, help="Rules to skip (same forms as --select).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: discovered tqcheck.toml / pyproject.toml).")
@click.option("--encoding", help="Decode articles with this encoding (e.g. latin-1, cp1251) instead of UTF-8/UTF-16.")
@click.option("--fail-on", type=click.Choice(["minor", "major", "critical"]), help="Lowest severity that fails the run (default: minor).")
@click.option("--source-lang", help="Language the articles were translated from (e.g. ru, zh, de).")
@click.option("--target-lang", help="Language of the articles (default: en).")
@click.option("--pack", "packs", multiple=True, type=click.Path(file_okay=False), help="Extra rule pack folder (repeatable).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the run (input errors still exit 2).")
@click.option("--source", "source_path", type=click.Path(dir_okay=False), help="Source-language file of the (single) article.")
@click.option("--ref", "ref_path", type=click.Path(dir_okay=False), help="Reference translation of the (single) article, for BLEU/chrF/TER.")
@click.option("--no-pair", is_flag=True, help="Check every file alone: no source/reference pairing by file name.")
def check(paths, select, ignore, fmt, config_path, encoding, fail_on, source_lang, target_lang, packs, exit_zero,
          source_path, ref_path, no_pair):
    """Check article files, folders (recursively) or - for standard input.

    Exit status: 0 nothing at or above the failing severity, 1 something was found,
    2 a usage or input error (the other files are still checked).
    """
    from tqcheck.finding import Severity
    from tqcheck.reporters import render

    config = _load_config(config_path)
    config = config.with_options(
        select=_split(select) or None, ignore=_split(ignore) or None, encoding=encoding,
        fail_on=Severity.parse(fail_on) if fail_on else None, source_lang=source_lang, target_lang=target_lang,
        packs=tuple(config.packs) + tuple(str(Path(p).resolve()) for p in packs) if packs else None,
    )
    linter = _build_linter(config)
    errors: list[tuple[str, str]] = []
    results = []
    from tqcheck.pairing import plan

    pairings, pair_errors = plan(list(iter_article_paths(paths, errors)), source=source_path, reference=ref_path,
                                 target_lang=config.target_lang, source_lang=config.source_lang, pair=not no_pair)
    errors.extend(pair_errors)
    for pairing in pairings:
        if pairing.target == "-":
            results.append(_check_stdin(linter, config.encoding))
        else:
            results.append(linter.check_pairing(pairing))
    for path, problem in errors:
        click.echo(f"tqcheck: error: {path}: {problem}", err=True)
    for result in results:
        if result.error:
            click.echo(f"tqcheck: error: {result.path}: {result.error}", err=True)
        for warning in result.warnings:
            click.echo(f"tqcheck: warning: {result.path}: {warning}", err=True)
        for problem in result.rule_errors:
            click.echo(f"tqcheck: error: {result.path}: internal error in rule {problem}", err=True)
    render(fmt, results, sys.stdout, color=sys.stdout.isatty())
    if errors or any(r.error or r.rule_errors for r in results):
        sys.exit(EXIT_ERROR)
    if not exit_zero and any(r.failing(config.fail_on) for r in results):
        sys.exit(EXIT_FAILED)
    sys.exit(EXIT_OK)


def _check_stdin(linter, encoding):
    from tqcheck.document import InputError, decode
    from tqcheck.engine import ArticleResult

    try:
        text = decode(sys.stdin.buffer.read(), encoding)
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


from tqcheck.evaluate import eval_command  # noqa: E402 (cheap: its heavy imports are inside the command)

main.add_command(eval_command, "eval")


if __name__ == "__main__":
    main()
