"""Generate a folder of distinct MT articles for the benchmark (bench/benchmark.py).

    python bench/make_folder.py CORPUS_DIR OUT_DIR --articles 2000 [--layout flat|nested] [--seed 1]

Every article is a copy of one MT output of CORPUS_DIR/wmt*/<doc>/mt.<system>.en.txt (English
targets only), its lines shuffled by a seeded random generator so no two files are the same (copy k
of an output gets its own permutation). ``flat``: one folder of ``<slug>.en.txt`` files, as a desk's
archive holds them. ``nested``: folders of 100 articles, each ``<slug>.en.txt`` with its source
``<slug>.<lang>.txt`` beside it (the same permutation, so lines stay aligned). ``po``: the same
articles as PO files (``<slug>.po``, a unit per source/target line pair, only English in msgstr),
for pofilter to check the same segments. The same arguments always give the same bytes.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

FOLDER_SIZE = 100


def outputs(corpus: Path) -> list[tuple[str, Path, Path | None, str | None]]:
    """(slug, MT file, source file or None, source language) for every English MT output, sorted."""
    found = []
    for doc in sorted(p for p in corpus.glob("wmt*/*") if p.is_dir()):
        sources = sorted(doc.glob("source.*.txt"))
        source = sources[0] if sources else None
        lang = source.name.split(".")[1] if source else None
        for mt in sorted(doc.glob("mt.*.en.txt")):
            system = mt.name[3:-len(".en.txt")]
            slug = re.sub(r"[^a-z0-9]+", "-", f"{doc.name}-{system}".lower()).strip("-")
            found.append((slug, mt, source, lang))
    return found


def generate(corpus: Path, out: Path, articles: int, layout: str = "flat", seed: int = 1) -> int:
    """Write *articles* articles under *out*; returns the number of words written (targets)."""
    items = outputs(corpus)
    if not items:
        sys.exit(f"make_folder: no mt.*.en.txt under {corpus}/wmt*/ (expected the shared corpus layout)")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    words = 0
    for i in range(articles):
        slug, mt, source, lang = items[i % len(items)]
        copy = i // len(items)
        lines = mt.read_text(encoding="utf-8").splitlines()
        src_lines = source.read_text(encoding="utf-8").splitlines() if source else None
        order = list(range(len(lines)))
        rng.shuffle(order)
        name = f"a{i:05d}-{slug}-{copy}"
        text = "\n".join(lines[j] for j in order) + "\n"
        words += len(text.split())
        if layout == "po":
            pairs = zip((src_lines[j] for j in order) if src_lines else [""] * len(order), (lines[j] for j in order))
            (out / f"{name}.po").write_text(_po(pairs), encoding="utf-8")
            continue
        folder = out if layout == "flat" else out / f"part{i // FOLDER_SIZE:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{name}.en.txt").write_text(text, encoding="utf-8")
        if layout == "nested" and src_lines is not None and len(src_lines) == len(lines):
            (folder / f"{name}.{lang}.txt").write_text("\n".join(src_lines[j] for j in order) + "\n", encoding="utf-8")
    return words


def _po(pairs) -> str:
    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'

    units = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n']
    for n, (source, target) in enumerate(pairs):
        if target.strip():
            units.append(f"msgctxt \"{n}\"\nmsgid {quote(source or target)}\nmsgstr {quote(target)}\n")
    return "\n".join(units)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--layout", choices=("flat", "nested", "po"), default="flat")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    words = generate(Path(args.corpus), Path(args.out), args.articles, args.layout, args.seed)
    print(f"{args.out}: {args.articles} articles, {words} words ({args.layout})")


if __name__ == "__main__":
    main()
