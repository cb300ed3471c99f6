"""Checking articles on a Dask cluster (``pip install 'tqcheck[dask]'``; see docs/dask.md).

The same checks as ``tqcheck check``, spread over a Dask cluster's workers: each partition of
articles is checked by one ``Linter``, built once per worker process from the run's ``Config``
and reused, and the results come back in the order of the input. The workers read the article
files themselves, so they must see the same paths (a shared or replicated file system).

    import dask.bag as db
    from tqcheck import Config
    from tqcheck.dask import check_bag

    paths = db.from_sequence(["a.en.txt", "b.en.txt"], npartitions=2)
    results = check_bag(paths, Config()).compute()     # [ArticleResult, ArticleResult]

``tqcheck check --dask tcp://scheduler:8786 PATHS`` does this for the CLI, with the pairing of
articles with their sources and references planned on the client, as in a local run.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

#: Articles per partition: large enough to amortise a task's overhead, small enough to balance.
PARTITION_SIZE = 16


class DaskUnavailable(RuntimeError):
    """Dask is not installed or the scheduler cannot be reached; the message says which."""


def _import_dask():
    try:
        import dask.bag
        import distributed
    except ImportError:
        raise DaskUnavailable("--dask needs Dask: pip install 'tqcheck[dask]'") from None
    return dask.bag, distributed


#: Linters built in this worker process, by the repr of their config (Config holds a dict).
_LINTERS: dict[str, object] = {}


def _linter(config):
    """One Linter per worker process and config, built on its first partition and reused."""
    key = repr(config)
    linter = _LINTERS.get(key)
    if linter is None:
        from tqcheck.engine.linter import Linter

        linter = _LINTERS[key] = Linter(config)
    return linter


def _as_pairing(item, config):
    from tqcheck.formats.pairing import Pairing, plan

    if isinstance(item, Pairing):
        return item
    pairings, errors = plan([str(item)], target_lang=config.target_lang, source_lang=config.source_lang)
    return pairings[0] if pairings else Pairing(str(item))


def _check_partition(items, config, keep_text: bool) -> list:
    from tqcheck.batch.parallel import check_pairing

    linter = _linter(config)
    return [check_pairing(linter, _as_pairing(item, config), keep_text) for item in items]


def check_bag(bag, config=None, *, keep_text: bool = False):
    """A Dask bag of ``ArticleResult`` for a bag of article paths (or ``tqcheck.formats.pairing.Pairing``).

    A path is paired with its source and reference by file name, as ``tqcheck check`` does for a
    single file. The results keep the bag's order; ``.compute()`` returns them as a list.
    """
    from tqcheck.engine.config import Config

    config = config or Config()
    return bag.map_partitions(_check_partition, config, keep_text)


#: Partitions submitted ahead of the one the results are waiting for, per worker thread.
IN_FLIGHT_PER_THREAD = 2


def check_pairings_on(address: str, config, pairings: Sequence, *, keep_text: bool = False,
                      check_stdin: Callable | None = None) -> Iterator:
    """Check *pairings* on the Dask scheduler at *address*; results in the pairings' order.

    The paths go to the cluster in batches of ``PARTITION_SIZE``, a bounded number ahead, and
    each result comes back as soon as the batches before it are done (an iterator: the CLI writes
    them as they come, and no run holds every result)."""
    _, distributed = _import_dask()
    try:
        client = distributed.Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    return _stream(client, config, list(pairings), keep_text, check_stdin)


def _stream(client, config, pairings: list, keep_text: bool, check_stdin) -> Iterator:
    from collections import deque

    with client:
        remote = [p for p in pairings if p.target != "-"]
        batches = iter([remote[i:i + PARTITION_SIZE] for i in range(0, len(remote), PARTITION_SIZE)])
        threads = sum(client.nthreads().values()) or 1
        pending: deque = deque()

        def submit() -> None:
            batch = next(batches, None)
            if batch is not None:
                pending.append(client.submit(_check_partition, batch, config, keep_text, pure=False))

        for _ in range(threads * IN_FLIGHT_PER_THREAD):
            submit()
        done: deque = deque()
        for p in pairings:
            if p.target == "-":
                yield check_stdin()
                continue
            if not done:
                done.extend(pending.popleft().result())
                submit()
            yield done.popleft()
