"""Scores: MQM-style weights and presets, quality summaries, run signatures, the CI gate and the
reference metrics (BLEU, chrF, TER). Value objects and arithmetic on findings; no rule runs here.

May import ``tqcheck.finding``, ``tqcheck.text`` and ``tqcheck.version``.
"""
