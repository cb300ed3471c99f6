"""Benchmark: `tqcheck check` as users run it (a process over a folder), against pofilter.

    python bench/benchmark.py CORPUS_DIR [--sizes 500,1000,2000,8000,20000] [--runs 3] [--big-runs 1]
                              [--work DIR] [--markdown FILE] [--readme README.md] [--no-dask]

Folders of distinct MT articles are generated from CORPUS_DIR/wmt*/ (bench/make_folder.py: copies of
the MT outputs with their lines shuffled, seeded) under --work: flat folders of each size and a
nested corpus layout (2,000 articles in folders of 100, each beside its source). Every figure is a
child process timed from outside (wall clock; peak RSS from the kernel's accounting of that
process): `tqcheck check --jobs 1 --no-cache --format json --profile-stages FOLDER > /dev/null`,
medians of --runs runs (--big-runs for 8,000 articles and more), alternating with `--jobs 2` on the
same folder, and on the 2,000-article folder with pofilter (Translate Toolkit's default checks)
over the same segments as PO files; the ratios are of the medians (a shared machine drifts;
alternating keeps the comparison fair). For each folder, an unchanged re-run served by the result
cache against the cold run. Then: the nested corpus, `--dask` on a local cluster over the biggest
folder, and start-up as a user meets it
(`startup`: the installed `tqcheck` command on one small file, first and cached, on one article, and
`tqcheck --help`).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_folder import generate  # noqa: E402

TQCHECK = [sys.executable, "-m", "tqcheck"]
POFILTER = [sys.executable, "-m", "translate.filters.pofilter", "--progress=none"]
STAGES = re.compile(r"time per stage: (.*)")


def timed(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    """Run *cmd* (output discarded, stderr kept): wall seconds, peak RSS in MiB, stderr."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode not in (0, 1) or "Traceback (most recent call last)" in stderr:
        sys.exit(f"benchmark: {' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    return {"wall": wall, "rss": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime, "stderr": stderr}


def stages_of(stderr: str) -> dict[str, float]:
    m = STAGES.search(stderr)
    if not m:
        return {}
    return {k.replace(" (in this process)", ""): float(v.rstrip(" s"))
            for k, v in (part.rsplit(" ", 2)[0:2] for part in m.group(1).split(", "))}


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def folder(work: Path, corpus: Path, n: int, layout: str = "flat") -> tuple[Path, int]:
    path = work / f"{layout}{n}"
    stamp = path / ".words"
    if not stamp.exists():
        words = generate(corpus, path, n, layout)
        stamp.write_text(str(words))
    return path, int(stamp.read_text())


def check_cmd(path: Path, *args: str) -> list[str]:
    return [*TQCHECK, "check", "--exit-zero", "--format", "json", *args, str(path)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--sizes", default="500,1000,2000,8000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big-runs", type=int, default=1, help="runs of the folders of 8,000 articles and more")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "tqcheck-bench"))
    parser.add_argument("--markdown", help="write the table to this file")
    parser.add_argument("--readme", help="replace the table between the bench markers of this README")
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--base", type=int, default=2000, help="the folder size of the pofilter, --jobs and cache comparisons")
    args = parser.parse_args()
    corpus, work = Path(args.corpus), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    import tqcheck as package

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(package.__file__).parent)], check=False,
                   stdout=subprocess.DEVNULL)
    rows, notes = [], []
    say = lambda text: print(text, flush=True)  # noqa: E731
    say(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}")
    cold = {}
    for n in (int(s) for s in args.sizes.split(",")):
        path, words = folder(work, corpus, n)
        runs_n = args.runs if n < 8000 else args.big_runs
        runs, po_runs, two_runs = [], [], []
        po_path = folder(work, corpus, n, "po")[0] if n == args.base else None
        for _ in range(runs_n):  # alternating: the machine's drift touches all three alike
            runs.append(timed(check_cmd(path, "--jobs", "1", "--no-cache", "--profile-stages")))
            two_runs.append(timed(check_cmd(path, "--jobs", "2", "--no-cache")))
            if po_path is not None:
                out = tempfile.mkdtemp(dir=work)
                po_runs.append(timed([*POFILTER, "-i", str(po_path), "-o", out]))
                subprocess.run(["rm", "-rf", out], check=False)
        wall = median_of(runs, "wall")
        stages = {k: statistics.median(stages_of(r["stderr"]).get(k, 0.0) for r in runs)
                  for k in stages_of(runs[0]["stderr"])}
        row = {"articles": n, "words": words, "wall": wall, "cpu": median_of(runs, "cpu"),
               "words_per_s": words / wall, "rss": median_of(runs, "rss"), "stages": stages,
               "jobs2": median_of(two_runs, "wall"), "cached": cached_rerun(work, path, runs_n)}
        if po_runs:
            row["pofilter_words_per_s"] = words / median_of(po_runs, "wall")
            row["ratio"] = median_of(po_runs, "wall") / wall
        rows.append(row)
        cold[n] = (path, wall)
        say(f"{n:>6} articles {words:>9,} words: {wall:7.2f} s wall ({row['cpu']:.2f} s cpu), "
            f"{row['words_per_s']:>9,.0f} words/s, peak RSS {row['rss']:.0f} MiB; --jobs 2 {row['jobs2']:.2f} s "
            f"({wall / row['jobs2']:.2f}x); cached re-run {row['cached']:.2f} s ({row['cached'] / wall:.0%}); stages "
            + ", ".join(f"{k} {v:.2f}" for k, v in stages.items())
            + (f"; pofilter {row['pofilter_words_per_s']:,.0f} words/s, ratio {row['ratio']:.2f}x" if po_runs else ""))
    base_n = args.base if args.base in cold else min(cold)
    nested, nested_words = folder(work, corpus, base_n, "nested")
    nested_runs = [timed(check_cmd(nested, "--jobs", "1", "--no-cache")) for _ in range(args.big_runs)]
    extra = {"nested": median_of(nested_runs, "wall"), "nested_words": nested_words,
             "nested_rss": median_of(nested_runs, "rss")}
    say(f"nested corpus with sources, {base_n} articles: {extra['nested']:.2f} s")
    if not args.no_dask:
        extra["dask"] = dask_run(cold, max(cold), notes)
    extra["startup"] = startup(work, min(cold[base_n][0].glob("*.txt")))
    say("start-up: " + ", ".join(f"{k} {v:.3f} s" for k, v in extra["startup"].items()))
    table = markdown(rows, extra, base_n, args, notes)
    print(table)
    if args.markdown:
        Path(args.markdown).write_text(table)
    if args.readme:
        readme = Path(args.readme)
        text = readme.read_text(encoding="utf-8")
        start, end = "<!-- bench:start -->\n", "<!-- bench:end -->"
        a, b = text.index(start) + len(start), text.index(end)
        readme.write_text(text[:a] + table + text[b:], encoding="utf-8")


STARTUP_RUNS = 11


def startup(work: Path, article: Path) -> dict[str, float]:
    """Wall seconds of the commands a user types, as a user meets them: the installed `tqcheck`
    script (not `python -m`), bytecode compiled and PYTHONDONTWRITEBYTECODE unset, as after `pip
    install`, in a folder of its own. `check small.txt` (one sentence) and `check` of one corpus
    article are first runs (the result cache emptied before each, but for the word lists it keeps); `small.txt, cached` is the same
    command again, served from the cache. One warm-up each, then STARTUP_RUNS rounds in turn;
    medians. The sentence has a word outside the 20,000 commonest (drones), as any real text has."""
    script = Path(sys.executable).with_name("tqcheck")
    command = [str(script)] if script.exists() else TQCHECK
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        folder = Path(tmp)
        env["TQCHECK_CACHE_DIR"] = str(folder / "cache")
        (folder / "small.txt").write_text("Drones flew over Kyiv on Wednesday, officials said.\n", encoding="utf-8")
        shutil.copy(article, folder / "article.en.txt")
        words = len((folder / "article.en.txt").read_text(encoding="utf-8").split())
        cases = {"`check small.txt`": (["check", "small.txt"], True),
                 "`check small.txt`, cached": (["check", "small.txt"], False),
                 f"`check` one {words}-word article": (["check", "article.en.txt"], True),
                 "`--help`": (["--help"], False)}
        runs: dict[str, list[dict]] = {name: [] for name in cases}
        for round_ in range(STARTUP_RUNS + 1):
            for name, (args, first) in cases.items():
                if first:  # the results go; the dictionaries' word lists stay, as after a user's first run
                    for results in (folder / "cache").glob("v[0-9]*"):
                        shutil.rmtree(results)
                run = timed([*command, *args], env, cwd=folder)
                if round_:  # the first round warms up
                    runs[name].append(run)
    return {name: median_of(found, "wall") for name, found in runs.items()}


def cached_rerun(work: Path, path: Path, runs: int) -> float:
    """Wall seconds of an unchanged re-run served by the result cache (median of *runs*), after
    one run that fills a cache of its own."""
    with tempfile.TemporaryDirectory(dir=work) as cache:
        env = {**os.environ, "TQCHECK_CACHE_DIR": cache}
        timed(check_cmd(path, "--jobs", "1"), env)
        return median_of([timed(check_cmd(path, "--jobs", "1"), env) for _ in range(runs)], "wall")


def dask_run(cold: dict, n: int, notes: list) -> float | None:
    """`tqcheck check --dask` over the folder of *n* articles on a local cluster of 2 single-thread workers."""
    try:
        from distributed import LocalCluster
    except ImportError:
        notes.append("Dask not installed: no --dask row")
        return None
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        run = timed(check_cmd(cold[n][0], "--no-cache", "--dask", cluster.scheduler_address))
    notes.append(f"--dask on a local cluster (2 workers): {n:,} articles in {run['wall']:.1f} s, "
                 f"client peak RSS {run['rss']:.0f} MiB")
    print(notes[-1], flush=True)
    return run["wall"]


def markdown(rows, extra, base_n, args, notes) -> str:
    first = next((r for r in rows if r["articles"] == 1000), rows[0])
    lines = [f"`make bench` ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
             f"load average {os.getloadavg()[0]:.1f} at the end); medians of {args.runs} runs "
             f"({args.big_runs} for 8,000 articles and more):", "",
             f"| articles (flat folder) | words | wall (cpu) | words/s (per cpu s) | vs {first['articles']:,} | peak RSS "
             "| `--jobs 2` | cached re-run | listing+pairing / reading / rules / output (s) | pofilter |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for r in rows:
        s = r["stages"]
        split = " / ".join(f"{s.get(k, 0):.2f}" for k in ("listing and pairing", "reading", "rules", "output"))
        po = f"{r['pofilter_words_per_s']:,.0f} words/s: tqcheck {r['ratio']:.2f}x" if "ratio" in r else ""
        lines.append(f"| {r['articles']:,} | {r['words']:,} | {r['wall']:.1f} s ({r['cpu']:.1f} s) | {r['words_per_s']:,.0f} "
                     f"({r['words'] / r['cpu']:,.0f}) | "
                     f"{r['words_per_s'] / first['words_per_s']:.2f}x | {r['rss']:.0f} MiB "
                     f"({r['rss'] / first['rss']:.2f}x) | {r['jobs2']:.1f} s ({r['wall'] / r['jobs2']:.2f}x) "
                     f"| {r['cached']:.2f} s ({r['cached'] / r['wall']:.0%}) | {split} | {po} |")
    lines += ["", f"- nested corpus layout, {base_n:,} articles each paired with its source: {extra['nested']:.1f} s, "
              f"{extra['nested_words'] / extra['nested']:,.0f} words/s, peak RSS {extra['nested_rss']:.0f} MiB",
              *[f"- {note}" for note in notes],
              "- start-up (the `tqcheck` command, medians of {runs}): ".format(runs=STARTUP_RUNS)
              + ", ".join(f"{k} {v:.2f} s" for k, v in extra["startup"].items()), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
