"""A budget of the process's user CPU time around a piece of work (a pack pattern's search,
``tqcheck.packs.regex_guard``): an interval timer whose signal raises ``OverBudget`` in it.

``regex``'s own ``timeout`` reads the process's CPU clock at every step of a search
(``CLOCK_PROCESS_CPUTIME_ID``), a system call that costs up to a millisecond on a virtual machine
whose other core is busy, as it is under ``--jobs 2``; arming and disarming a timer costs
microseconds. ``regex`` heeds signals while it matches, so the timer's signal stops a search.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(Exception):
    """Raised by the timer's signal inside the work it guards."""


def _over_budget(signum, frame):
    raise OverBudget


@contextmanager
def cpu_timer(seconds: float) -> Iterator[bool]:
    """An interval timer of *seconds* of the process's user CPU time around the block (True), or
    none (False) outside the main thread (signals), where setitimer is missing, or when the
    process has one running already: then the caller limits the work its own way."""
    if (not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_VIRTUAL)[0]):
        yield False
        return
    previous = signal.signal(signal.SIGVTALRM, _over_budget)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)
