"""Command line: ``tqcheck check``, ``report``, ``rules``, ``explain``, ``test-pack``, ``fix``, ``eval`` and ``cache``.

The top layer: each command turns options into calls of the engine (and ``tqcheck.batch``,
``tqcheck.evaluate``, the reporters) and their errors into one-line messages and exit codes.
Nothing else in tqcheck imports it.
"""
from __future__ import annotations

import click

from tqcheck.cli.cache import cache
from tqcheck.cli.check import check, report
from tqcheck.cli.eval import eval_command
from tqcheck.cli.fix import fix_command
from tqcheck.cli.rules import explain, rules, test_pack
from tqcheck.cli.score import explain_score
from tqcheck.version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqcheck")
def main() -> None:
    """Flag machine-translation artifacts in articles and score their quality."""


for command in (check, report, rules, explain, test_pack, cache):
    main.add_command(command)
main.add_command(eval_command, "eval")
main.add_command(explain_score, "explain-score")
main.add_command(fix_command, "fix")


if __name__ == "__main__":
    main()
