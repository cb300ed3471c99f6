"""``tqcheck fix``: apply the safe suggestions to article files, in place (or show them with --diff)."""
from __future__ import annotations

import sys

import click

from tqcheck.cli.options import build_linter, configure


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff and change no file.")
@click.option("--select", multiple=True, help="Rules whose fixes to apply: codes, prefixes, names, families or ALL.")
@click.option("--ignore", multiple=True, help="Rules whose fixes to skip (same forms as --select).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: discovered).")
@click.option("--encoding", help="Decode (and write back) articles with this encoding instead of UTF-8/UTF-16.")
@click.option("--source-lang", help="Language the articles were translated from (e.g. ru, zh, de).")
@click.option("--target-lang", help="Language of the articles (default: from each file's name, metadata or text, else the config's, else en).")
@click.option("--pack", "packs", multiple=True, type=click.Path(file_okay=False), help="Extra rule pack folder (repeatable).")
@click.option("--no-pair", is_flag=True, help="Fix every file alone: no source pairing by file name.")
def fix_command(paths, show_diff, **opts):
    """Apply the safe fixes (fixable findings: glossary names, typography) to articles, in place.

    Each file is rewritten atomically in its own encoding, byte-order mark and line endings. A
    file with two fixes that overlap is left unchanged and the conflict is reported. Findings
    suppressed in the article are not fixed.

    Exit status: 0 done (or nothing to fix), 1 a file was left unchanged because of conflicting
    fixes (with --diff: there is something to fix), 2 a usage or input error.
    """
    from tqcheck.formats.pairing import plan
    from tqcheck.formats.paths import iter_article_paths
    from tqcheck.formats.read import InputError
    from tqcheck.formats.rewrite import RewriteError, fix_file, write_fixed

    config = configure(opts, paths)
    linter = build_linter(config)
    errors: list[tuple[str, str]] = []
    found = list(iter_article_paths(paths, errors, allow_empty=True))  # nothing to fix is no error
    if "-" in found:
        errors.append(("-", "cannot fix standard input"))
        found = [p for p in found if p != "-"]
    pairings, pair_errors = plan(found, target_lang=config.force_lang or config.target_lang,
                                 source_lang=config.source_lang, pair=not opts["no_pair"],
                                 name_langs=not config.force_lang)  # the article's language as `check` finds it
    errors += pair_errors
    fixed_files = fixes = left = 0
    for pairing in pairings:
        if pairing.kind == "units":
            click.echo(f"tqcheck: warning: {pairing.target}: not fixed: unit files (XLIFF, PO, TMX) are not rewritten", err=True)
            continue
        try:
            fixed = fix_file(linter, pairing, config.encoding)
            if fixed.result.problem:
                left += 1
                click.echo(f"tqcheck: warning: {fixed.path}: {fixed.result.problem}", err=True)
                continue
            if not fixed.result.changed:
                continue
            if show_diff:
                from tqcheck.formats.fix import unified_diff

                click.echo(unified_diff(fixed.path, fixed.result.original, fixed.result.text), nl=False)
            else:
                write_fixed(fixed)
        except (InputError, RewriteError) as exc:
            errors.append((pairing.target, str(exc)))
            continue
        fixed_files += 1
        fixes += len(fixed.result.applied)
    for path, problem in errors:
        click.echo(f"tqcheck: error: {path}: {problem}", err=True)
    verb = "would fix" if show_diff else "fixed"
    click.echo(f"tqcheck: {verb} {fixes} issue{'s' if fixes != 1 else ''} in {fixed_files} file{'s' if fixed_files != 1 else ''}"
               + (f"; {left} left unchanged (conflicting fixes)" if left else ""), err=True)
    sys.exit(2 if errors else 1 if left or (show_diff and fixes) else 0)
