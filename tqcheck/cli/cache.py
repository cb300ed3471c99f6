"""``tqcheck cache dir`` and ``tqcheck cache clear``."""
from __future__ import annotations

import os

import click

from tqcheck.cli.options import cache_dir_option, fail


@click.group()
def cache():
    """The result cache: where it is, and deleting it (see the README's "Result cache")."""


@cache.command("dir")
@cache_dir_option
def cache_dir(cache_dir):
    """Print the folder of the result cache."""
    from tqcheck.batch.cache import cache_root

    click.echo(os.path.abspath(cache_root(cache_dir)))


@cache.command("clear")
@cache_dir_option
def cache_clear(cache_dir):
    """Delete the result cache (every entry, of this version and older ones)."""
    from tqcheck.batch.cache import NotACache, cache_root, clear

    root = cache_root(cache_dir)
    try:
        removed = clear(root)
    except NotACache as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{root}: cannot delete the cache: {exc.strerror or exc}")
    click.echo(f"tqcheck: deleted {removed} cached result{'s' if removed != 1 else ''} from {root}", err=True)
