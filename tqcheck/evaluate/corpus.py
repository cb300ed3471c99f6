"""Reading the evaluation corpus (MQM and DEMETR JSONL, schema in the corpus README) and turning
its segments into documents for the linter."""
from __future__ import annotations

import json
from pathlib import Path

MQM_FIELDS = ("doc_id", "seg_id", "system", "lp", "target", "errors")
DEMETR_FIELDS = ("doc_id", "lp", "target", "perturbation")


class EvalInputError(Exception):
    """A corpus file that cannot be used; the message names the file (and line) and the problem."""


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
    if not isinstance(row.get("seg_id", 0), int):
        return "'seg_id' must be an integer"
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


def make_document(target: str, source: str | None, source_lang: str | None, path: str):
    """The article the linter checks, with its line-aligned source attached (as ``tqcheck.pairing``
    does for files) so that source-aware rules take part."""
    from tqcheck.align import align_documents
    from tqcheck.document import Document

    doc = Document(target, path=path, source_lang=source_lang)
    if source:
        doc.source = Document(source, path=f"{path} (source)", lang=source_lang or "und")
        doc.alignment = align_documents(doc, doc.source)
    return doc
