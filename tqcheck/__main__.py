"""The ``tqcheck`` command (and ``python -m tqcheck``): the command line of ``tqcheck.cli``."""
import gc
import signal
import sys

#: The exit status of a run stopped by Ctrl-C (SIGINT), as a shell reports one: 128 + 2.
EXIT_INTERRUPTED = 130
#: The collector's threshold for its youngest generation (Python's default: 700).
YOUNG_OBJECTS_BETWEEN_COLLECTIONS = 50_000


def _interrupted(signum, frame) -> None:
    sys.stderr.write("tqcheck: interrupted\n")
    sys.exit(EXIT_INTERRUPTED)


def run() -> None:
    # Before the imports, so that Ctrl-C at any moment exits 130 with one line: not click's
    # "Aborted!" and exit 1 (the status of a failing gate), nor a traceback. A SIGINT the caller
    # chose to ignore (a background job) stays ignored.
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupted)
    # Start-up (modules, rules, their data) makes objects that live as long as the process, and
    # the collector's passes over them were 5% of `tqcheck check` on a small file: rarer passes.
    # (Over 2,000 articles neither the time nor the peak memory moved.)
    gc.set_threshold(YOUNG_OBJECTS_BETWEEN_COLLECTIONS, *gc.get_threshold()[1:])
    from tqcheck.cli import main

    main()


if __name__ == "__main__":
    run()
