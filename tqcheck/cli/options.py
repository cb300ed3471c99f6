"""What the commands share: exit codes, error messages, reading the config, building the linter,
and the options of ``check`` and ``report``."""
from __future__ import annotations

import os
import sys

import click

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> None:
    """Print *message* as tqcheck's one-line error and exit with status 2."""
    click.echo(f"tqcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def split(values: tuple[str, ...]) -> tuple[str, ...]:
    """The values of a repeatable, comma-separated option: ``("TE01,PU", "GR")`` -> TE01, PU, GR."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def load_config(config_path: str | None):
    """The config at *config_path*, else the discovered one, else the defaults."""
    from tqcheck.engine import config as cfg

    path = config_path or cfg.discover()
    if not path:
        return cfg.Config()
    try:
        return cfg.load(path)
    except cfg.ConfigError as exc:
        fail(str(exc))


def build_linter(config):
    """The linter of *config* (its packs loaded, its rules selected)."""
    from tqcheck.engine.linter import Linter
    from tqcheck.engine.registry import SelectorError
    from tqcheck.options import OptionError
    from tqcheck.packs.loader import PackError

    try:
        return Linter(config)
    except (PackError, SelectorError, OptionError) as exc:
        fail(str(exc))


cache_dir_option = click.option(
    "--cache-dir", type=click.Path(file_okay=False), envvar="TQCHECK_CACHE_DIR", show_envvar=True,
    help="Folder of the result cache (default: .tqcheck_cache in the working folder).")


def article_options(command):
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
        click.option("--weights", type=click.Choice(sorted(presets())), help="Score weights preset (default: mqm-core; custom weights go in the config)."),
        click.option("--cut-score", type=float, metavar="SCORE", help="Pass mark of the quality score (default: --fail-under, else 95)."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Accept the findings recorded in this baseline file."),
        click.option("-o", "--output", type=click.Path(), help="Write to this file instead of standard output (a folder for html)."),
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


def configure(opts: dict, **gate):
    """The discovered/given config with the command-line options applied on top."""
    from tqcheck.finding import Severity

    config = load_config(opts["config_path"])
    packs = opts["packs"]
    fail_on = gate.pop("fail_on", None)
    return config.with_options(
        select=split(opts["select"]) or None, ignore=split(opts["ignore"]) or None, encoding=opts["encoding"],
        source_lang=opts["source_lang"], target_lang=opts["target_lang"],
        packs=tuple(config.packs) + tuple(os.path.realpath(p) for p in packs) if packs else None,
        weights=presets()[opts["weights"]] if opts["weights"] else None, cut_score=opts["cut_score"],
        baseline=opts["baseline_path"], fail_on=Severity.parse(fail_on) if fail_on else None, **gate)


def scoring(config):
    """The scoring of a run: the config's weights, and its cut score (default: fail-under, else 95)."""
    from tqcheck.scoring.summary import DEFAULT_CUT_SCORE, Scoring

    cut = config.cut_score if config.cut_score is not None else config.fail_under
    return Scoring(config.weights, DEFAULT_CUT_SCORE if cut is None else cut)

