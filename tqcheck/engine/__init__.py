"""The engine: the registry of rules, the config, the linter that runs the selected rules over a
document, suppressions, baselines, and the ``Report`` that the reporters render.

May import the rules (``tqcheck.checks``, ``tqcheck.packs``) and everything below them; never the
command line, the reporters or ``tqcheck.batch``.
"""
