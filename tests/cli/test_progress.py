"""The progress line of a long run on a terminal (issue 14): shown at once, articles/s and the time left."""
import io
import sys

from tqcheck.cli.check import Progress


def test_progress_shows_from_the_start_and_ends_with_a_line(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    progress = Progress(3)
    assert "0/3" in err.getvalue() and "ETA -:--" in err.getvalue()  # before the first article
    for _ in range(3):
        progress.step()
    progress.done()
    last = err.getvalue().rsplit("\r", 1)[-1]
    assert "3/3" in last and "articles/s" in last and "ETA 0:00" in last and last.endswith("\n")
