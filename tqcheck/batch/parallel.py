"""Checking many articles: in this process or over worker processes (``--jobs``), with the cache.

``check_all`` yields one ``ArticleResult`` per pairing, in the order of the pairings, whatever
the number of processes: results are streamed back as the oldest pending batch of articles
finishes, with a bounded number of batches in flight, so memory does not grow with the number of
files. Each worker builds (or, where processes fork, inherits) one ``Linter`` and reuses it for
every article it is given. Where processes fork, this process checks the first article itself
before the workers start, so they inherit what checking an article loads (dictionaries, language
models, compiled patterns) and share one copy of it instead of each loading its own. Article texts
are dropped from the results unless a reporter needs them (``keep_text``, the HTML report).
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

#: Batches in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_JOB = 4
#: Articles sent to a worker at once, at most: a task costs this process a few tenths of a
#: millisecond (sending, waking up, receiving), as much as a short article's rules.
MAX_BATCH = 8
#: Fewer articles to check than this are checked in this process: starting workers costs more.
MIN_PARALLEL_ARTICLES = 8


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_pairing(linter, pairing, keep_text: bool):
    """Check one article as the CLI does (source/reference when paired); drop its text unless kept.

    The texts of the scored segments go too: corpus metrics add up their statistics
    (``tqcheck.scoring.metrics``), so a run keeps no article text however many articles it checks.
    """
    result = linter.check_pairing(pairing)
    if keep_text:
        return result
    segments = [replace(s, hypothesis="", reference="") if s.stats is not None else s for s in result.scored_segments]
    return replace(result, article_text="", scored_segments=segments)


# -- worker processes ------------------------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(linter, config, keep_text: bool, cache_folder) -> None:
    """Runs once in each worker: the linter inherited (fork) or built from the config (spawn)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches every process: the CLI's handles it
    if linter is None:
        from tqcheck.engine.linter import Linter

        linter = Linter(config)
    _WORKER.update(linter=linter, keep_text=keep_text, cache_folder=cache_folder)


def _check_in_worker(batch: list) -> list:
    """The results of a batch of (pairing, cache key) items."""
    return [_check_and_keep(_WORKER["linter"], pairing, key, _WORKER["cache_folder"], _WORKER["keep_text"])
            for pairing, key in batch]


def _check_and_keep(linter, pairing, key, cache, keep_text: bool):
    """Check one article and put its result in the cache (when there is one)."""
    result = check_pairing(linter, pairing, keep_text)
    if cache is not None and key is not None:
        cache.put(key, result, keep_text)
    return result


def _context():
    # fork: workers start at once and inherit the built linter; elsewhere (or where fork is not
    # offered) spawn, and each worker loads the rules itself.
    import multiprocessing  # here: a one-process run never needs it (start-up time)

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


# -- the run -----------------------------------------------------------------------------------------
def check_all(linter, pairings: Iterable, *, jobs: int = 1, cache=None, keep_text: bool = False,
              check_stdin: Callable | None = None) -> Iterator:
    """Results of checking *pairings*, in their order.

    ``cache`` is a ``tqcheck.batch.cache.ResultCache`` or None; ``check_stdin()`` checks the article
    given as ``-`` (always in this process).
    """
    pairings = list(pairings)
    keys = [cache.key(p) if cache is not None else None for p in pairings]
    cached = [cache.get(k, keep_text) if k is not None else None for k in keys]
    todo = sum(map(_to_check, pairings, cached))
    if jobs <= 1 or todo < MIN_PARALLEL_ARTICLES:
        yield from _serial(linter, pairings, keys, cached, cache, keep_text, check_stdin)
        return
    yield from _parallel(linter, pairings, keys, cached, cache, keep_text, check_stdin, min(jobs, todo))


def _serial(linter, pairings, keys, cached, cache, keep_text, check_stdin):
    for pairing, key, hit in zip(pairings, keys, cached):
        if hit is not None:
            yield hit
        elif pairing.target == "-":
            yield check_stdin()
        else:
            yield _check_and_keep(linter, pairing, key, cache, keep_text)


def _parallel(linter, pairings, keys, cached, cache, keep_text, check_stdin, jobs: int):
    import gc
    from concurrent.futures import ProcessPoolExecutor

    context = _context()
    forked = context.get_start_method() == "fork"
    cached = list(cached)
    if forked:  # the workers inherit what checking the first article loads (see the module's docstring)
        first = next((i for i, (p, hit) in enumerate(zip(pairings, cached)) if _to_check(p, hit)), None)
        if first is not None:
            cached[first] = _check_and_keep(linter, pairings[first], keys[first], cache, keep_text)
        # The workers' garbage collections then never scan what they inherit, and so never copy the
        # memory it is in (a full collection touched every object: 0.2 s and 100 MB per worker).
        gc.freeze()
    todo = sum(map(_to_check, pairings, cached))
    size = max(1, min(MAX_BATCH, todo // (jobs * IN_FLIGHT_PER_JOB)))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(linter if forked else None, linter.config, keep_text, cache)) as pool:
            yield from _stream(pool, _units(pairings, keys, cached, size), jobs * IN_FLIGHT_PER_JOB, check_stdin)
    finally:
        if forked:
            gc.unfreeze()


def _stream(pool, units: Iterator, in_flight: int, check_stdin) -> Iterator:
    """The results of *units* (see ``_units``) in order, with up to *in_flight* of them pending."""
    pending: deque = deque()
    exhausted = False
    while pending or not exhausted:
        while not exhausted and len(pending) < in_flight:
            unit = next(units, None)
            if unit is None:
                exhausted = True
                break
            kind, value = unit
            pending.append((kind, pool.submit(_check_in_worker, value) if kind == "batch" else value))
        if not pending:
            break
        kind, value = pending.popleft()
        if kind == "done":
            yield value
        elif kind == "stdin":
            yield check_stdin()
        else:
            yield from value.result()


def _units(pairings, keys, cached, size: int) -> Iterator[tuple[str, object]]:
    """The run in order, as ("done", result) for a result at hand, ("stdin", None) for the article
    given as ``-`` and ("batch", [(pairing, key), ...]) for up to *size* consecutive articles to check."""
    batch: list = []
    for pairing, key, hit in zip(pairings, keys, cached):
        if _to_check(pairing, hit):
            batch.append((pairing, key))
            if len(batch) == size:
                yield "batch", batch
                batch = []
            continue
        if batch:
            yield "batch", batch
            batch = []
        yield ("done", hit) if hit is not None else ("stdin", None)
    if batch:
        yield "batch", batch


def _to_check(pairing, hit) -> bool:
    """Whether a worker checks this article: neither a result at hand nor standard input."""
    return hit is None and pairing.target != "-"
