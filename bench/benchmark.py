"""Benchmark: tqcheck's default rule set against pofilter on the shared corpus.

    python bench/benchmark.py CORPUS_DIR [--runs 5] [--scales 1,10] [--no-pofilter] [--cli-runs 3]
                              [--no-cli] [--json FILE]

For each scale (the corpus repeated N times, names varied in each copy so caches cannot make a
copy free) it checks every MT and reference article of CORPUS_DIR/wmt*/ in a fresh child process
and reports the median words/second, articles/second and the child's peak RSS. In the same run it
gives pofilter (Translate Toolkit's default checks) the same MT text as PO units (source + target
segment) and prints the ratio, which holds on a noisy shared machine where absolute figures drift.
Language identification's memo is cleared between runs, so a repeated run pays for it again.

Then the command line, as users run it (source/reference pairing and reference metrics included),
over the unscaled corpus: the median wall time of `tqcheck check --no-cache --jobs 1` and
`--jobs 2` (the speed-up), of a re-run served by the result cache, and of `tqcheck check` on one
small file (start-up).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORD = re.compile(r"\S+")


def load_corpus(corpus: Path) -> list[tuple[str, str, str | None]]:
    """(name, text, source text or None) for every MT and reference article, sorted."""
    articles = []
    for doc in sorted(p for p in corpus.glob("wmt*/*") if p.is_dir()):
        sources = sorted(doc.glob("source.*.txt"))
        source = sources[0].read_text(encoding="utf-8") if sources else None
        for path in sorted(doc.glob("mt.*.en.txt")) + sorted(doc.glob("ref.en.txt")):
            articles.append((f"{doc.name}/{path.name}", path.read_text(encoding="utf-8"), source))
    if not articles:
        sys.exit(f"benchmark: no articles under {corpus}/wmt*/ (expected the shared corpus layout)")
    return articles


def scaled(articles, scale: int):
    """The corpus repeated *scale* times; copy k>0 varies capitalised words so no cache helps."""
    out = list(articles)
    for k in range(1, scale):
        suffix = chr(ord("a") + k % 26) * (1 + k // 26)
        vary = re.compile(r"\b([A-Z][a-z]{3,})\b")
        out.extend((f"{name}#{k}", vary.sub(lambda m: m.group(1) + suffix, text), src) for name, text, src in articles)
    return out


def run_tqcheck(articles, runs: int) -> dict:
    from tqcheck.engine.linter import Linter
    from tqcheck.text.langid import detect

    linter = Linter()
    words = sum(len(WORD.findall(t)) for _, t, _ in articles)
    times, findings = [], 0
    for _ in range(runs):
        detect.cache_clear()  # each run identifies languages afresh (the memo would make runs 2+ free)
        t0 = time.perf_counter()
        findings = sum(len(linter.check_text(text, path=name).findings) for name, text, _ in articles)
        times.append(time.perf_counter() - t0)
    return {"words": words, "articles": len(articles), "times": times, "findings": findings}


def run_pofilter(articles, runs: int) -> dict:
    from translate.filters import checks
    from translate.storage import pypo

    units = []
    for _, text, source in articles:
        if source is None:
            continue
        for src, tgt in zip(source.splitlines(), text.splitlines()):
            unit = pypo.pounit(src)
            unit.target = tgt
            units.append(unit)
    words = sum(len(WORD.findall(u.target)) for u in units)
    checker = checks.StandardChecker()
    times, failures = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        failures = sum(len(checker.run_filters(u)) for u in units)
        times.append(time.perf_counter() - t0)
    return {"words": words, "articles": len(units), "times": times, "findings": failures}


def child(args) -> None:
    """Runs one measurement and prints it as JSON, with this process's peak RSS."""
    articles = scaled(load_corpus(Path(args.corpus)), args.scale)
    if args.tool == "pofilter":
        # pofilter sees each MT segment as a PO unit; references have no PO form of their own.
        articles = [a for a in articles if "/mt." in a[0]]
        result = run_pofilter(articles, args.runs)
    else:
        result = run_tqcheck(articles, args.runs)
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(corpus: str, tool: str, scale: int, runs: int) -> dict:
    cmd = [sys.executable, __file__, corpus, "--child", tool, "--scale", str(scale), "--runs", str(runs)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"benchmark: {tool} x{scale} failed:\n{out.stderr}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    med = statistics.median(result["times"])
    result.update(median_s=med, words_per_s=result["words"] / med, articles_per_s=result["articles"] / med)
    return result


def cli_times(corpus: str, runs: int, *args: str, env: dict | None = None) -> float:
    """Median wall time of `tqcheck check ARGS CORPUS` (output discarded; failing articles are expected)."""
    tqcheck = Path(sys.executable).with_name("tqcheck")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([str(tqcheck), "check", "--exit-zero", "--format", "jsonl", *args, corpus],
                             capture_output=True, text=True, check=False, env=env)
        times.append(time.perf_counter() - t0)
        if out.returncode:
            sys.exit(f"benchmark: tqcheck check {' '.join(args)} failed:\n{out.stderr[-2000:]}")
    return statistics.median(times)


def cli(corpus: str, runs: int) -> dict:
    one = cli_times(corpus, runs, "--no-cache", "--jobs", "1")
    two = cli_times(corpus, runs, "--no-cache", "--jobs", "2")
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "TQCHECK_CACHE_DIR": cache}
        cli_times(corpus, 1, "--jobs", "2", env=env)  # fills the cache
        rerun = cli_times(corpus, runs, "--jobs", "2", env=env)
    return {"jobs1_s": one, "jobs2_s": two, "speedup": one / two, "cached_rerun_s": rerun}


def startup(runs: int) -> float:
    import tqcheck as package

    tqcheck = Path(sys.executable).with_name("tqcheck")
    # As installed: pip writes the bytecode at install, but an editable checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile every edited module on each start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(package.__file__).parent)], check=False)
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp, "small.en.txt")
        small.write_text("Drones flew over Kyiv on Wednesday, officials said.\n", encoding="utf-8")
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([str(tqcheck), "check", "--no-cache", str(small)], capture_output=True, check=False)
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--no-pofilter", action="store_true")
    parser.add_argument("--cli-runs", type=int, default=3, help="runs of each command-line timing")
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line timings")
    parser.add_argument("--json", dest="json_out")
    parser.add_argument("--child", dest="tool", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.tool:
        child(args)
        return
    rows = []
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; median of {args.runs} runs")
    print(f"{'tool':<10} {'scale':>5} {'words':>9} {'articles':>8} {'median s':>9} {'words/s':>10} {'articles/s':>10} {'peak RSS MiB':>12}")
    for scale in (int(s) for s in args.scales.split(",")):
        for tool in ("tqcheck",) + (() if args.no_pofilter else ("pofilter",)):
            r = measure(args.corpus, tool, scale, args.runs)
            rows.append({"tool": tool, "scale": scale, **{k: v for k, v in r.items() if k != "times"}})
            print(f"{tool:<10} {scale:>5} {r['words']:>9} {r['articles']:>8} {r['median_s']:>9.3f} "
                  f"{r['words_per_s']:>10,.0f} {r['articles_per_s']:>10,.1f} {r['peak_rss_mib']:>12.1f}")
        if not args.no_pofilter:
            tq, po = rows[-2], rows[-1]
            print(f"{'ratio':<10} {scale:>5} tqcheck/pofilter words/s = {tq['words_per_s'] / po['words_per_s']:.2f}")
    timings = {}
    if not args.no_cli:
        timings = cli(args.corpus, args.cli_runs)
        print(f"tqcheck check over the corpus (paired, metrics), median of {args.cli_runs}: "
              f"--jobs 1 {timings['jobs1_s']:.2f} s, --jobs 2 {timings['jobs2_s']:.2f} s, "
              f"speed-up {timings['speedup']:.2f}x; cached re-run {timings['cached_rerun_s']:.2f} s")
    start = startup(args.runs)
    print(f"start-up: `tqcheck check` on one small file, median {start:.3f} s wall")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"cores": os.cpu_count(), "rows": rows, "cli": timings,
                                                   "startup_s": start}, indent=2) + "\n")


if __name__ == "__main__":
    main()
