"""Command line: ``tqcheck check``, ``report``, ``rules``, ``explain``, ``test-pack``, ``fix``, ``eval`` and ``cache``.

The top layer: each command turns options into calls of the engine (and ``tqcheck.batch``,
``tqcheck.evaluate``, the reporters) and their errors into one-line messages and exit codes.
Nothing else in tqcheck imports it.
"""
from __future__ import annotations

from importlib import import_module

import click

from tqcheck.version import __version__

#: Each command: the module of this package that holds it, its function, and the first paragraph
#: of its help, which ``tqcheck --help`` shortens to list it. A command's module is imported only
#: when the command runs or shows its own help, so ``tqcheck --help`` imports none of them
#: (``tests/cli/test_cli.py`` checks the paragraphs against the commands' docstrings).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "cache": ("cache", "cache", 'The result cache: where it is, and deleting it (see the README\'s "Result cache").'),
    "check": ("check", "check", "Check article files, folders (recursively) or - for standard input."),
    "eval": ("eval", "eval_command", "Measure the rules against human MQM annotations (CORPUS_DIR/mqm/*.jsonl) per "
             "language pair, articles alone and with their sources; DEMETR (CORPUS_DIR/demetr/*.jsonl) with and without "
             "sources; how the score ranks systems against the raters (with references too: the rows' ``reference`` "
             "or the ref.<target>.txt beside a folder's doc.json); end with the targets of issues 15, 17 and 18 and "
             "pass/fail."),
    "explain": ("rules", "explain", "Print the documentation of a rule: a code (TE01), a name "
                "(terminology.ukrainian-places), or a code prefix or family for each of its rules, as --select takes them."),
    "explain-score": ("score", "explain_score", "Show how each article's score (0-100, higher is better) is made: "
                      "every component (findings; alone, word variety; with a source or reference, the adequacy "
                      "signals and chrF), its value, its calibrated weight, its points and how many score points it "
                      "loses; then the plain MQM points of the findings."),
    "fix": ("fix", "fix_command", "Apply the safe fixes (fixable findings: glossary names, typography) to articles, in place."),
    "report": ("check", "report", "Write the quality report of articles: by default the editor's HTML review (-o DIR)."),
    "rules": ("rules", "rules", "List every rule with its code, category and description (and the target languages "
              "it is written for: 'any' for every language)."),
    "test-pack": ("rules", "test_pack", "Load rule pack FOLDERS (as 'tqcheck check --pack' does) and run their rules' examples."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (click's documented lazy-loading pattern);
    its own help lists them from ``COMMANDS``, shortened by click as it shortens a command's help."""

    _listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr, summary = COMMANDS[cmd_name]
        if self._listing:  # only its help is read
            return click.Command(cmd_name, help=summary)
        return getattr(import_module(f"tqcheck.cli.{module}"), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqcheck")
def main() -> None:
    """Flag machine-translation artifacts in articles and score their quality."""


if __name__ == "__main__":
    main()
