"""The editor's review report: ``index.html`` plus one page per article, in a folder.

Jinja2 templates (autoescaped) in ``templates/`` render everything; article text only ever
reaches the page through ``{{ }}``, so ``<script>`` in an article is shown, not run. Each page
carries a Content-Security-Policy that allows only the report's own stylesheet and (on the index)
its own sorting script, by hash: no inline script from content could run even if escaping failed.
No external assets, no timestamps, no absolute paths: the output is byte-stable and works offline.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TextIO

from tqcheck.scoring.summary import format_number

_DIMENSION_CLASS = {"Accuracy": "accuracy", "Fluency": "fluency", "Terminology": "terminology", "Style": "style",
                    "Locale convention": "locale"}
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@cache
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("tqcheck.reporters", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["num"] = format_number
    env.filters["score"] = lambda v: f"{v:.2f}"
    return env


@cache
def _asset(name: str) -> tuple[str, str]:
    """A static asset's text and its CSP source expression ('sha256-...')."""
    text = (resources.files("tqcheck.reporters") / "templates" / name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"'sha256-{digest}'"


def csp(script: bool) -> str:
    """The page's Content-Security-Policy: only our stylesheet, and on the index our script, by hash."""
    style_source = _asset("report.css")[1]
    script_source = _asset("index.js")[1] if script else "'none'"
    return (f"default-src 'none'; style-src {style_source}; script-src {script_source}; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")


def page_names(paths: Sequence[str]) -> list[str]:
    """One ``.html`` file name per article, named after the article's file (unique, path-independent)."""
    bases = [Path(p).name or "stdin" for p in paths]
    counts = {b: bases.count(b) for b in bases}
    names, used = [], set()
    for path, base in zip(paths, bases):
        name = base if counts[base] == 1 else Path(path).as_posix().strip("/").replace("/", "__")
        name = _UNSAFE_NAME.sub("_", name).lstrip(".") or "article"
        candidate, n = f"{name}.html", 2
        while candidate.lower() in used or candidate == "index.html":
            candidate, n = f"{name}-{n}.html", n + 1
        used.add(candidate.lower())
        names.append(candidate)
    return names


@dataclass(frozen=True)
class Mark:
    """A finding as the article page shows it."""

    n: int
    finding: object
    css: str
    tip: str


@dataclass(frozen=True)
class Token:
    kind: str              # "text" | "open" | "close" | "empty"
    text: str = ""
    mark: Mark | None = None
    first: bool = False    # open: the finding's first piece (carries the id)
    last: bool = False     # close: the finding's last piece (followed by its reference link)


def marks_for(findings: Sequence) -> list[Mark]:
    out = []
    for n, f in enumerate(findings, 1):
        tip = f"{f.code} {f.severity} · {f.category}\n{f.message}"
        if f.suggestion is not None:
            tip += f"\n→ {f.suggestion}" if f.suggestion else "\n→ delete it"
        css = f"hl d-{_DIMENSION_CLASS.get(f.dimension, 'other')} s-{f.severity}"
        out.append(Mark(n, f, css, tip))
    return out


def tokens(text: str, marks: Sequence[Mark]) -> list[Token]:
    """The article text split into text runs and properly nested mark open/close tokens.

    Overlapping findings that cross each other are split into pieces, so the HTML stays valid;
    a zero-length finding is an empty marker at its position.
    """
    spans = [m for m in marks if m.finding.end > m.finding.start]
    empties = sorted((m for m in marks if m.finding.end <= m.finding.start), key=lambda m: (m.finding.start, m.n))
    bounds = sorted({0, len(text), *(m.finding.start for m in marks), *(m.finding.end for m in spans)})
    out: list[Token] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    last_piece_end = {m.n: m.finding.end for m in spans}
    ei = 0
    for a, b in zip(bounds, bounds[1:] + [None]):
        want = sorted((m for m in spans if m.finding.start <= a < m.finding.end),
                      key=lambda m: (m.finding.start, -m.finding.end, m.n)) if b is not None else []
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] is want[keep]:
            keep += 1
        while len(stack) > keep:
            m = stack.pop()
            out.append(Token("close", mark=m, last=last_piece_end[m.n] == a))
        while ei < len(empties) and empties[ei].finding.start <= a:
            out.append(Token("empty", mark=empties[ei]))
            ei += 1
        if b is None:
            break
        for m in want[keep:]:
            out.append(Token("open", mark=m, first=m.n not in opened))
            opened.add(m.n)
            stack.append(m)
        out.append(Token("text", text=text[a:b]))
    return out


def histogram_svg(histogram: Sequence[tuple[str, int]]) -> dict:
    """Geometry of the score histogram (the template draws it as inline SVG)."""
    width, height, pad, bar_gap = 560, 180, 28, 4
    top = max((n for _, n in histogram), default=0) or 1
    slot = (width - 2 * pad) / len(histogram)
    bars = []
    for i, (label, n) in enumerate(histogram):
        h = round((height - 2 * pad) * n / top, 1)
        x = round(pad + i * slot + bar_gap / 2, 1)
        bars.append({"label": label, "n": n, "x": x, "w": round(slot - bar_gap, 1), "y": round(height - pad - h, 1),
                     "h": h, "cx": round(x + (slot - bar_gap) / 2, 1)})
    return {"width": width, "height": height, "base": height - pad, "bars": bars, "label_y": height - pad + 14}


def render(report, out: TextIO | None = None, output_dir: str | Path | None = None, **_) -> list[Path]:
    """Write the report into *output_dir*; return the files written (index first)."""
    if output_dir is None:
        raise ValueError("the html format writes a folder: give an output folder")
    folder = Path(output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    env = _environment()
    css, _ = _asset("report.css")
    js, _ = _asset("index.js")
    names = page_names([a.path for a in report.articles])
    common = {"css": css, "signature": str(report.signature), "weights": report.scoring.weights.label,
              "version": report.signature.version}
    written = [folder / "index.html"]
    rows = [{"article": a, "page": name} for a, name in zip(report.articles, names)]
    by_path = {row["article"].path: row for row in rows}
    index = env.get_template("index.html.j2").render(
        **common, csp=csp(script=True), js=js, rows=rows, corpus=report.corpus, gate=report.gate,
        passing=report.passing, worst=[by_path[s.path] for s in report.corpus.worst(5)],
        histogram=histogram_svg(report.corpus.histogram()),
        corpus_metrics=report.corpus_metrics)
    written[0].write_text(index, encoding="utf-8")
    page = env.get_template("article.html.j2")
    for i, (article, name) in enumerate(zip(report.articles, names)):
        text = _article_text(article.result)
        marks = marks_for(article.result.findings)
        html = page.render(**common, csp=csp(script=False), article=article, marks=marks,
                           tokens=tokens(text, marks) if text is not None else [],
                           prev=names[i - 1] if i else None, next=names[i + 1] if i + 1 < len(names) else None)
        (folder / name).write_text(html, encoding="utf-8")
        written.append(folder / name)
    return written


def _article_text(result) -> str | None:
    """The decoded article the findings point into (None when it could not be read)."""
    return None if result.error else result.article_text
