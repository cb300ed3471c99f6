"""Reading the evaluation corpus (MQM and DEMETR JSONL, schema in the corpus README) and turning
its rows into articles and documents for the linter."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MQM_FIELDS = ("doc_id", "seg_id", "system", "lp", "target", "errors")
DEMETR_FIELDS = ("doc_id", "lp", "target", "perturbation")

#: How the articles are checked: alone (the language pair given, as --source-lang/--target-lang
#: would give it), with their line-aligned sources, and also scored against their references.
MODES = {"alone": "articles alone", "sources": "with sources", "references": "with sources and references"}

#: DEMETR names the source language in ``lp`` ("russian-en"); rules want ISO 639-1 codes.
LANGUAGE_NAMES = {"chinese_simple": "zh", "czech": "cs", "french": "fr", "german": "de", "hindi": "hi",
                  "italian": "it", "japanese": "ja", "polish": "pl", "russian": "ru", "spanish": "es"}


class EvalInputError(Exception):
    """A corpus file that cannot be used; the message names the file (and line) and the problem."""


def language_pair(lp: str) -> tuple[str | None, str]:
    """(source, target) ISO codes of a row's ``lp``: "en-de" -> ("en", "de"), "russian-en" -> ("ru", "en")."""
    source, _, target = lp.rpartition("-")
    return LANGUAGE_NAMES.get(source, source if len(source) == 2 else None), target


def read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict]:
    rows = []
    try:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvalInputError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
                missing = [k for k in required if not isinstance(row, dict) or k not in row]
                problem = f"record lacks {', '.join(missing)}" if missing else _row_problem(row)
                if problem:
                    raise EvalInputError(f"{path}:{number}: {problem}")
                rows.append(row)
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"{path}: cannot read: {exc}") from None
    return rows


def _row_problem(row: dict) -> str | None:
    if not isinstance(row["target"], str) or not isinstance(row.get("errors", []), list):
        return "'target' must be a string and 'errors' a list"
    if not isinstance(row["lp"], str) or not all(language_pair(row["lp"])):
        return f"'lp' must name a language pair like 'zh-en', not {row['lp']!r}"
    if not isinstance(row.get("seg_id", 0), int):
        return "'seg_id' must be an integer"
    penalty = row.get("mqm_penalty", 0)
    if isinstance(penalty, bool) or not isinstance(penalty, int | float):
        return "'mqm_penalty' must be a number"
    for e in row.get("errors", []):
        if not isinstance(e, dict):
            return "each error must be an object"
        if target_span(e) and not (isinstance(e["start"], int) and isinstance(e["end"], int)
                                    and 0 <= e["start"] <= e["end"] <= len(row["target"])):
            return f"error span {e['start']!r}..{e['end']!r} is not inside the target"
    return None


def target_span(error: dict) -> bool:
    """A rater's error located in the target (omissions are marked in the source; a few have no span)."""
    return error.get("side") == "target" and error.get("start") is not None and error.get("end") is not None


def source_span(error: dict) -> bool:
    """A rater's error located in the source (MQM marks omissions there)."""
    return error.get("side") == "source" and error.get("start") is not None and error.get("end") is not None


@dataclass
class Article:
    """One system's translation of one MQM document: its segments in order, checked as one article."""

    lp: str
    doc_id: str
    system: str
    segments: list[dict]
    #: The human reference, line-aligned with the segments, when the corpus has one.
    reference: str | None = None

    @property
    def path(self) -> str:
        return f"{self.doc_id}@{self.system}"

    @property
    def target(self) -> str:
        return "\n".join(s["target"] for s in self.segments)

    @property
    def source(self) -> str:
        return "\n".join(str(s.get("source") or "") for s in self.segments)

    @property
    def penalty(self) -> float:
        """The raters' MQM penalty of the article: the sum of its segments' (higher is worse)."""
        return sum(float(s.get("mqm_penalty", 0)) for s in self.segments)

    @property
    def human_translation(self) -> bool:
        """A human reference rated as if it were a system (``is_human_translation``)."""
        return any(s.get("is_human_translation") for s in self.segments)


def group_articles(rows: list[dict], folder_refs: dict[str, dict[int, str]] | None = None) -> list[Article]:
    """The (lp, doc_id, system) articles of MQM *rows*, sorted. The reference is the rows' own
    ``reference`` field when every segment has one, else the corpus folder's (``folder_references``)."""
    grouped: dict[tuple, list[dict]] = {}
    for row in rows:
        grouped.setdefault((row["lp"], row["doc_id"], row["system"]), []).append(row)
    articles = []
    for (lp, doc_id, system), segments in sorted(grouped.items()):
        segments.sort(key=lambda r: r["seg_id"])
        by_seg = (folder_refs or {}).get(doc_id, {})
        if all(isinstance(s.get("reference"), str) and s["reference"] for s in segments):
            reference = "\n".join(s["reference"] for s in segments)
        elif all(s["seg_id"] in by_seg for s in segments):
            reference = "\n".join(by_seg[s["seg_id"]] for s in segments)
        else:
            reference = None
        articles.append(Article(lp, doc_id, system, segments, reference))
    return articles


def folder_references(corpus: Path, problems: list[str]) -> dict[str, dict[int, str]]:
    """MQM doc id -> {seg_id: reference line}, from each ``CORPUS/*/*/doc.json`` (its ``mqm_doc_id``,
    ``lp`` and ``seg_ids``, the line order) with a ``ref.<target>.txt`` beside it."""
    references = {}
    for meta in sorted(corpus.glob("*/*/doc.json")):
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            doc_id, lp = info.get("mqm_doc_id"), info.get("lp")
            if not isinstance(doc_id, str) or not isinstance(lp, str):
                continue
            ref = meta.parent / f"ref.{language_pair(lp)[1]}.txt"
            if not ref.is_file():
                continue
            lines = ref.read_text(encoding="utf-8").removesuffix("\n").split("\n")
        except (OSError, UnicodeDecodeError, ValueError, AttributeError) as exc:
            problems.append(f"{meta}: cannot use: {exc}")
            continue
        seg_ids = info.get("seg_ids") or list(range(1, len(lines) + 1))
        if len(seg_ids) != len(lines):
            problems.append(f"{ref}: {len(lines)} lines, but {meta.name} lists {len(seg_ids)} segments")
            continue
        references[doc_id] = dict(zip(seg_ids, lines))
    return references


def make_document(target: str, source: str | None, source_lang: str | None, target_lang: str, path: str):
    """The article the linter checks, in the target language, with its line-aligned source attached
    (as ``tqcheck.formats.pairing`` does for files) when there is one, so that source-aware rules take part."""
    from tqcheck.document import Document
    from tqcheck.formats.pairing import pair_texts

    if source:
        return pair_texts(target, source, source_lang=source_lang, target_lang=target_lang, path=path)
    return Document(target, path=path, lang=target_lang, source_lang=source_lang)
