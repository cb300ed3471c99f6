"""Reference-based scores through sacrebleu (imported lazily): BLEU, chrF, chrF++ and TER.

A translation and its reference with the same number of lines are scored line by line, exactly
as ``sacrebleu REF -i HYP -m bleu chrf ter`` does (same line splitting, same trailing-whitespace
stripping, same defaults), so the numbers and signatures equal the command line's. Otherwise their
sentences are aligned first (Gale-Church, ``tqcheck.text.align``) and each aligned group is one segment;
the entry then says ``"aligned": "sentences"`` and is not comparable with a line-based run.

``score_article`` returns the dict that ``ArticleResult.metrics`` holds: metric name ->
``{"score", "signature", "segments", "aligned"}``; the chrF entry also lists the weakest
sentences (sentence-level chrF) with their target spans, to point editors at them.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

#: How many of the lowest sentence-level chrF scores an article's report lists.
WEAKEST = 5
#: sacrebleu picks the BLEU tokenizer from the target language, like its -l option.
METRIC_NAMES = ("BLEU", "chrF", "chrF++", "TER")


@dataclass(frozen=True)
class ScoredSegment:
    """A hypothesis segment, its reference, and where the hypothesis sits in the target (or None).

    ``stats`` holds each metric's sufficient statistics of the segment (set by ``score_article``):
    corpus totals add them up instead of scoring every segment again (TER is costly)."""

    hypothesis: str
    reference: str
    span: tuple[int, int] | None = None
    stats: dict | None = field(default=None, compare=False, repr=False)


def sacrebleu_lines(text: str) -> list[str]:
    """Lines as the sacrebleu CLI reads them: split on "\\n" only, trailing whitespace stripped."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip() for line in lines]


def segment_pairs(target, reference) -> tuple[list[ScoredSegment], str]:
    """Pair the target's segments with the reference's: by line when they have as many, else aligned."""
    hyp_lines, ref_lines = sacrebleu_lines(target.raw), sacrebleu_lines(reference.raw)
    if len(hyp_lines) == len(ref_lines):
        spans, pos = [], 0
        for line in target.raw.split("\n")[:len(hyp_lines)]:
            spans.append((pos, pos + len(line.rstrip())))
            pos += len(line) + 1
        return [ScoredSegment(h, r, s) for h, r, s in zip(hyp_lines, ref_lines, spans)], "lines"
    from tqcheck.text.align import gale_church

    ts, rs = target.sentences, reference.sentences
    ratio = sum(b - a for a, b in ts) / max(1, sum(b - a for a, b in rs))
    out = []
    for bead in gale_church([b - a for a, b in rs], [b - a for a, b in ts], ratio):
        t_idx, r_idx = range(*bead.target), range(*bead.source)
        hyp = " ".join(" ".join(target.text[a:b].split()) for a, b in (ts[i] for i in t_idx))
        ref = " ".join(" ".join(reference.text[a:b].split()) for a, b in (rs[i] for i in r_idx))
        span = (ts[t_idx[0]][0], ts[t_idx[-1]][1]) if t_idx else None
        out.append(ScoredSegment(hyp, ref, span))
    return out, "sentences"


def _metrics(target_lang: str | None, names: Sequence[str] = METRIC_NAMES):
    from sacrebleu.metrics import BLEU, CHRF, TER

    metrics = {"BLEU": BLEU(trg_lang=target_lang or ""), "chrF": CHRF(), "chrF++": CHRF(word_order=2), "TER": TER()}
    return {name: metrics[name] for name in names}


def corpus_scores(segments: Sequence[ScoredSegment], target_lang: str | None = "en",
                  aligned: str = "lines") -> dict[str, dict]:
    """Corpus-level BLEU, chrF, chrF++ and TER over *segments*, with sacrebleu's signatures."""
    if not segments:
        return {}
    return _scores(segments, target_lang, aligned)[0]


def _scores(segments: Sequence[ScoredSegment], target_lang: str | None, aligned: str,
            names: Sequence[str] = METRIC_NAMES) -> tuple[dict[str, dict], dict[str, list]]:
    """The scores over *segments* and each metric's per-segment statistics.

    What ``metric.corpus_score`` computes, in its two steps: per-segment statistics (reused when
    the segments carry them) and their aggregate; sums over the same numbers give the same score.
    """
    hyps = [s.hypothesis for s in segments]
    refs = [[s.reference for s in segments]]
    out, all_stats = {}, {}
    for name, metric in _metrics(target_lang, names).items():
        if all(s.stats is not None and name in s.stats for s in segments):
            metric._cache_references([refs[0][:1]])  # sets the reference count of the signature
            stats = [s.stats[name] for s in segments]
        else:
            metric._check_corpus_score_args(hyps, refs)
            stats = metric._extract_corpus_statistics(hyps, refs)
        score = metric._aggregate_and_compute(stats)
        all_stats[name] = stats
        out[name] = {"score": float(score.score), "signature": str(metric.get_signature()),
                     "segments": len(segments), "aligned": aligned}
    return out, all_stats


def score_article(target, reference, target_lang: str | None = "en",
                  names: Sequence[str] = METRIC_NAMES) -> tuple[dict[str, dict], list[ScoredSegment]]:
    """Scores of one article against its reference, and the scored segments (for corpus totals).

    *names* picks fewer metrics (TER costs tens of milliseconds a sentence: ``tqcheck eval`` ranks by chrF)."""
    segments, aligned = segment_pairs(target, reference)
    if not segments:
        return {}, segments
    scores, stats = _scores(segments, target_lang, aligned, names)
    segments = [replace(seg, stats={name: values[i] for name, values in stats.items()})
                for i, seg in enumerate(segments)]
    if "chrF" in scores:
        scores["chrF"]["weakest"] = weakest_sentences(target, segments)
    return scores, segments


def weakest_sentences(target, segments: Iterable[ScoredSegment], limit: int = WEAKEST) -> list[dict]:
    """The *limit* target segments with the lowest sentence-level chrF, worst first."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    rows = []
    for seg in segments:
        if seg.span is None or not seg.hypothesis.strip():
            continue
        score = chrf.sentence_score(seg.hypothesis, [seg.reference]).score
        line, column = target.line_col(seg.span[0])
        rows.append({"score": round(float(score), 2), "line": line, "column": column, "start": seg.span[0],
                     "end": seg.span[1], "text": seg.hypothesis})
    rows.sort(key=lambda r: (r["score"], r["start"]))
    return rows[:limit]


def corpus_totals(per_article: Iterable[tuple[Sequence[ScoredSegment], str]],
                  target_lang: str | None = "en") -> dict[str, dict]:
    """Corpus-level scores over several articles' segments (concatenated, as one sacrebleu run would)."""
    segments: list[ScoredSegment] = []
    modes = set()
    for segs, mode in per_article:
        segments.extend(segs)
        modes.add(mode)
    return corpus_scores(segments, target_lang, "lines" if modes == {"lines"} else "mixed")
