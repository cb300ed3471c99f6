"""What the commands share: exit codes, error messages, reading the config, building the linter,
and the options of ``check`` and ``report``."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> None:
    """Print *message* as tqcheck's one-line error and exit with status 2."""
    click.echo(f"tqcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def split(values: tuple[str, ...]) -> tuple[str, ...]:
    """The values of a repeatable, comma-separated option: ``("TE01,PU", "GR")`` -> TE01, PU, GR."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def load_config(config_path: str | None, paths: Sequence[str] = ()):
    """The config at *config_path*, else the one of the files of *paths* (``config_of``), else the
    one discovered from the working folder (no paths), else the defaults."""
    from tqcheck.engine import config as cfg

    path = config_path or (config_of(paths) if paths else cfg.discover())
    if not path:
        return cfg.Config()
    try:
        return cfg.load(path)
    except cfg.ConfigError as exc:
        fail(str(exc))


def config_of(paths: Sequence[str]) -> Path | None:
    """The config file of a run over *paths*: the nearest to each file it checks (a folder without
    articles counts as a file there, standard input as one in the working folder). One run has one
    config: a run whose files have different ones is refused."""
    from tqcheck.engine.config import nearest
    from tqcheck.formats.paths import iter_article_paths

    known: dict[Path, Path | None] = {}
    by_folder: dict[str, Path | None] = {}
    groups: dict[Path | None, list[str]] = {}
    for raw in paths:
        for file in list(iter_article_paths((raw,), [], allow_empty=True)) or [raw]:
            folder = "." if file == "-" else file if os.path.isdir(file) else os.path.dirname(file) or "."
            if folder not in by_folder:
                by_folder[folder] = nearest(Path(folder).resolve(), known)
            groups.setdefault(by_folder[folder], []).append(file)
    if len(groups) > 1:
        fail("the files of this run have different configs: "
             + ", ".join(f"{config or 'no config'} ({_some(files)})" for config, files in groups.items())
             + "; check them in separate runs, or give one with --config")
    return next(iter(groups), None)


def _some(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{items[0]} and {len(items) - 1} more"


def build_linter(config):
    """The linter of *config* (its packs loaded, its rules selected)."""
    from tqcheck.engine.config import ConfigError
    from tqcheck.engine.linter import Linter
    from tqcheck.engine.registry import SelectorError
    from tqcheck.options import OptionError
    from tqcheck.packs.loader import PackError

    try:
        return Linter(config)
    except (ConfigError, PackError, SelectorError, OptionError) as exc:
        fail(str(exc))


cache_dir_option = click.option(
    "--cache-dir", type=click.Path(file_okay=False), envvar="TQCHECK_CACHE_DIR", show_envvar=True,
    help="Folder of the result cache (default: .tqcheck_cache in the working folder).")


def article_options(command):
    """Options shared by ``check`` and ``report``: rule selection, input, languages, the gate, scoring, baseline."""
    options = [
        click.option("--select", multiple=True, help="Rules to run: codes, prefixes, names, families, ALL or default (comma-separated; "
                     "default,CQ09 adds an opt-in rule to the default ones)."),
        click.option("--ignore", multiple=True, help="Rules to skip (same forms as --select)."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: discovered tqcheck.toml / pyproject.toml)."),
        click.option("--encoding", help="Decode articles with this encoding (e.g. latin-1, cp1251) instead of UTF-8/UTF-16."),
        click.option("--source-lang", help="Language the articles were translated from (e.g. ru, zh, de)."),
        click.option("--target-lang", help="Language of every article, overriding its file name, metadata and text (default: found per article, else the config's target-lang, else en)."),
        click.option("--pack", "packs", multiple=True, type=click.Path(file_okay=False), help="Extra rule pack folder (repeatable)."),
        click.option("--source", "source_path", type=click.Path(dir_okay=False), help="Source-language file of the (single) article."),
        click.option("--ref", "ref_path", type=click.Path(dir_okay=False), help="Reference translation of the (single) article, for BLEU/chrF/TER."),
        click.option("--no-pair", is_flag=True, help="Check every file alone: no source/reference pairing by file name."),
        click.option("--allow-empty", is_flag=True, help="Accept a folder without articles (by default an error, exit 2)."),
        click.option("--max-file-size", type=click.FloatRange(min=0, min_open=True), metavar="MIB", help="Refuse articles larger than this many MiB (default: 20)."),
        click.option("--show-settings", is_flag=True, help="Print the settings the run would use (and its config file) and check nothing."),
        click.option("--fail-on", type=click.Choice(["minor", "major", "critical"]), help="Fail an article with a finding at or above this severity."),
        click.option("--fail-under", type=float, metavar="SCORE", help="Fail an article whose quality score is under SCORE."),
        click.option("--max-findings", type=click.IntRange(min=0), metavar="N", help="Fail an article with more than N findings."),
        click.option("--weights", type=click.Choice(sorted(presets())), help="Score weights preset (default: mqm-core; custom weights go in the config)."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Accept the findings recorded in this baseline file."),
        click.option("-o", "--output", type=click.Path(), help="Write to this file instead of standard output (a folder for html)."),
        click.option("-q", "--quiet", is_flag=True, help="Text output: only the articles that fail the gate, and the summary."),
        click.option("--no-color", is_flag=True, help="Plain text on a terminal too (as the NO_COLOR environment variable does)."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Check articles in N processes (default: the number of cores)."),
        click.option("--no-cache", is_flag=True, help="Check every article again instead of reading unchanged results from the cache."),
        cache_dir_option,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def presets():
    """The weight presets, by name (``--weights``)."""
    from tqcheck.scoring.weights import PRESETS

    return PRESETS


def configure(opts: dict, paths: Sequence[str]):
    """The config of a run over *paths* (given, or discovered from the files) with the command-line
    options applied on top."""
    from tqcheck.finding import Severity

    config = load_config(opts["config_path"], paths)
    packs, fail_on = opts["packs"], opts.get("fail_on")
    check_language(opts.get("target_lang"))
    return config.with_options(
        select=split(opts["select"]) or None, ignore=split(opts["ignore"]) or None, encoding=opts["encoding"],
        source_lang=opts["source_lang"], target_lang=opts["target_lang"], force_lang=opts["target_lang"],
        packs=tuple(config.packs) + tuple(os.path.realpath(p) for p in packs) if packs else None,
        weights=presets()[opts["weights"]] if opts.get("weights") else None, baseline=opts.get("baseline_path"),
        fail_on=Severity.parse(fail_on) if fail_on else None, fail_under=opts.get("fail_under"),
        max_findings=opts.get("max_findings"), allow_empty=opts.get("allow_empty") or None,
        max_bytes=int(opts["max_file_size"] * 2**20) if opts.get("max_file_size") else None)


def check_language(code: str | None) -> None:
    """--target-lang must name a language CLDR knows: an unknown code is a one-line error (exit 2)."""
    from tqcheck.text.locale_profile import is_known_language

    if code is not None and not is_known_language(code):
        fail(f"--target-lang: unknown language code {code!r} (e.g. en, de, fr, zh, pt-BR)")


def scoring(config):
    """The scoring of a run: the config's weights."""
    from tqcheck.scoring.summary import Scoring

    return Scoring(config.weights)


def gate(config):
    """The gate of a run: the config's fail-on, fail-under and max-findings (see ``tqcheck.scoring.gate``)."""
    from tqcheck.scoring.gate import Gate

    return Gate(config.fail_on, config.fail_under, config.max_findings)



def show_settings(command: str, paths: Sequence[str], linter) -> None:
    """Print the settings of a run and exit 0 (``--show-settings``): the config keys as TOML (a
    key that is not set as a comment), then the gate and the rules that would run."""
    config = linter.config

    def key(name: str, value, unset: str = "") -> str:
        return f"{name} = {json.dumps(value)}" if value is not None else f"# {name}: not set{unset}"

    gate_of_run = gate(config)
    lines = [f"# settings of tqcheck {command} for {_some(paths)}",
             f"# config: {config.path or 'none (the defaults)'}",
             key("select", list(config.select)) + ("  # empty: the rules that are on by default" if not config.select else ""),
             key("ignore", list(config.ignore)),
             key("packs", list(config.packs)),
             key("source-lang", config.source_lang, " (taken from file names and unit files)"),
             key("target-lang", config.force_lang or config.target_lang)
             + ("  # --target-lang: every article" if config.force_lang else
                "  # per article: file name, file metadata, language identification, then this"),
             key("encoding", config.encoding, " (UTF-8, or UTF-16/32 with a byte-order mark)"),
             key("fail-on", str(config.fail_on) if config.fail_on else None),
             key("fail-under", config.fail_under),
             key("max-findings", config.max_findings),
             key("weights", config.weights.label) if not config.weights.label.startswith("custom@")
             else f"# weights: {config.weights.label} (the config's [weights] table)",
             key("baseline", config.baseline),
             key("allow-empty", config.allow_empty),
             f"# the gate: {gate_of_run.describe()}",
             f"# the rules that run ({len(linter.rules)}): {', '.join(r.code for r in linter.rules)}"]
    for code, severity in sorted(config.severities.items()):
        lines += ["", f"[rules.{code}]", f'severity = "{severity}"']
    click.echo("\n".join(lines))
    sys.exit(EXIT_OK)
