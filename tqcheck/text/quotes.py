"""Quotations in a sentence: a quoted term is kept on purpose."""
from __future__ import annotations


def in_short_quotation(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """``text[start:end]`` sits inside a short quotation (at most four words) of its sentence
    ``text[sent_start:sent_end]``: a term quoted on purpose, not a fragment left untranslated."""
    before, after = text[sent_start:start], text[end:sent_end]
    opens = [before.rfind(q) for q in "“«„"] + ([before.rfind('"')] if before.count('"') % 2 else [])
    closes = [after.find(q) for q in "”»\""]
    opened, closed = max(opens), min((c for c in closes if c >= 0), default=-1)
    if opened < 0 or closed < 0:
        return False
    return len(text[sent_start + opened + 1:end + closed].split()) <= 4
