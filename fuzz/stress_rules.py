"""Hunt for super-linear rules: run every rule on long adversarial inputs and time it.

A rule whose time grows faster than the text (a regex that rescans the rest of a line at every
match, say) turns one long line into a hang. Each input is one fragment repeated into a single
line (and into lines) at two sizes; a rule fails when the larger input costs far more than the
size ratio, or more than ``LIMIT`` seconds. Not a unit test (it times things): ``make fuzz`` runs it.
"""
import sys
import time

from tqcheck.document import Document
from tqcheck.engine.registry import Registry

FRAGMENTS = ["a", " ", "a ", "Kiev ", "the ", ". ", ",", "—", "(", "((", '"', "«", "'", "’", "1", "1,", "1.", "3,5 ",
             "\n", "\r\n", "\n\n", "<", "<a ", "&", "&#", "Aa ", "A", "A. ", "Mr. ", "и ", "Ж", "北", "\u0301",
             "\u200b", "-", "- ", "a-", "http://", "%", "$1", "word word ", "Ab Cd ", "a a a b ", "x" * 50 + " ",
             "` ", "```\n", "# ", "> ", "<!-- ", "date: 2020-01-01\n", "Kiev Kiev ", "on the fact of ", "12:30 ",
             "I ", "i ", ". a ", "A.B.", "...", "!?", " .", " ,", ", ", ";", "{{", "[[", "@@", "%s ", "\u2028"]
SMALL, LARGE = 20_000, 80_000
#: Seconds one rule may take on the larger input.
LIMIT = 2.0


def document(text: str, fmt: str) -> Document:
    doc = Document(text, format=fmt)
    doc.sentences, doc.index  # built once, shared by the rules (they only read it)
    return doc


def timed(rule, doc: Document) -> float:
    start = time.perf_counter()
    for _ in rule.check(doc):
        pass
    return time.perf_counter() - start


def main() -> int:
    rules = [r for r in Registry.load() if not r.needs_source]
    failures, worst, runs = [], (0.0, ""), 0
    for fmt in ("text", "markdown", "html"):
        for fragment in FRAGMENTS:
            small_doc = document(fragment * (SMALL // len(fragment)), fmt)
            large_doc = document(fragment * (LARGE // len(fragment)), fmt)
            for rule in rules:
                small, large = timed(rule, small_doc), timed(rule, large_doc)
                runs += 1
                label = f"{rule.code} {fmt} {fragment!r}"
                worst = max(worst, (large, label))
                # 4x the text: linear costs 4x, quadratic 16x; over 8x (and measurable) is super-linear
                if large > LIMIT or (large > 0.2 and large > 2 * small * LARGE / SMALL):
                    failures.append(f"{label}: {small:.2f} s at {SMALL:,} chars, {large:.2f} s at {LARGE:,}")
                    print("SUPER-LINEAR:", failures[-1], flush=True)
    print(f"{runs} rule runs on {len(FRAGMENTS)} fragments x 3 formats; {len(failures)} super-linear; "
          f"slowest {worst[0]:.2f} s ({worst[1]})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
