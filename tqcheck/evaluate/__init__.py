"""The measurement behind ``tqcheck eval`` (the command is ``tqcheck.cli.eval``): the rules against
human MQM annotations and the DEMETR challenge set. Uses the engine as ``tqcheck check`` does.

Per language pair (a row's ``lp``: source-target) and per mode (``corpus.MODES``): articles alone,
with their sources, and with sources and references (ranking only).

MQM (``CORPUS/mqm/*.jsonl``, ``mqm.py``): each (doc_id, system) pair is checked as one article in
the pair's target language, one segment a line. A finding is a *hit* when it starts inside a span
that any rater marked as a target error. *Chance* is the precision the same finding would get at a
random offset of its segment (the share of the segment's characters that human spans cover); *lift*
is precision minus chance. An omission finding that points into the source (``source_start``) is
scored against the spans raters marked in the source instead, where MQM puts omissions, with the
chance of that side; other findings that also point into the source (a changed number) are scored
on the target, where the error is.

DEMETR (``CORPUS/demetr/*.jsonl``, ``demetr.py``): each row is checked as a one-sentence article.
A perturbed sentence is *detected* when it gets a finding, compared by (code, flagged text), that
the unperturbed sentence of the same item does not get.

Ranking (``ranking.py``): how each article's ``summary.score`` (and chrF, and any score component)
orders the systems against the raters' MQM penalty per 1,000 words.

``run.py`` computes every figure as data and signs it, ``targets.py`` holds the issues' bars,
``report.py`` lays them out.
"""
