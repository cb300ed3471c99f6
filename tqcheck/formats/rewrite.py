"""``tqcheck fix``'s file side: read an article with its encoding, write the fixed text back atomically.

The fixed text is encoded the way the file was decoded (same codec, byte-order mark kept; line
endings are kept because fixes never touch line breaks), written to a temporary file in the
same folder and moved over the article with ``os.replace``, so a reader sees either the old or
the new file and an interrupted run leaves the old one intact. The file is not written when its
encoding would not give back its own bytes, when the new text cannot be encoded, or when the file
changed on disk while it was being fixed.
"""
from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tqcheck.document import Document
from tqcheck.formats.fix import FixResult, fix_text
from tqcheck.formats.read import Encoding, InputError, decode_with_encoding, format_for, read_bytes


class RewriteError(Exception):
    """The fixed article could not be written; the original is intact. The message says why."""


@dataclass
class FileFix:
    path: str
    result: FixResult
    data: bytes
    encoding: Encoding


def fix_file(linter, pairing, encoding: str | None = None) -> FileFix:
    """Fix the article of *pairing* (``tqcheck.formats.pairing.Pairing``) in memory; InputError if it cannot be read."""
    from tqcheck.formats.pairing import read_other
    from tqcheck.text.align import align_documents

    path, config = pairing.target, linter.config
    data = read_bytes(path, config.max_bytes)
    text, found = decode_with_encoding(data, encoding)
    if found.encode(text) != data:
        raise InputError(f"decoding as {found.codec} does not give back the file's bytes; not fixed")
    source = None
    if pairing.source:
        source = read_other(pairing.source, "source", encoding, pairing.source_lang or config.source_lang or "und",
                            config.max_bytes)

    # The article's language as `check` finds it (--target-lang, file name, metadata, language
    # ID, config), once, from the text as it was: fixes must not change which rules run.
    lang = linter.resolve_language(Document(text, path=str(path), format=format_for(path), lang=config.target_lang),
                                   getattr(pairing, "target_lang", None)).lang

    def check(current: str):
        doc = Document(current, path=str(path), format=format_for(path), lang=lang,
                       source_lang=pairing.source_lang or config.source_lang)
        if source is not None:
            doc.source, doc.alignment = source, align_documents(doc, source)
        return linter.check_document(doc).findings

    result = fix_text(text, check, lambda current, offset: Document(current).line_col(offset))
    return FileFix(str(path), result, data, found)


def write_fixed(fixed: FileFix) -> None:
    """Write *fixed* over its article atomically; RewriteError (original intact) if that is not safe."""
    try:
        new = fixed.encoding.encode(fixed.result.text)
    except UnicodeEncodeError as exc:
        raise RewriteError(f"the fix adds {exc.object[exc.start:exc.end]!r}, which {fixed.encoding.codec} "
                           "cannot encode; not fixed") from None
    try:
        write_atomic(fixed.path, new, expected=fixed.data)
    except OSError as exc:
        raise RewriteError(f"cannot write: {exc.strerror or exc}; not fixed") from None


def write_atomic(path: str | Path, data: bytes, expected: bytes) -> None:
    """Replace the file at *path* (a symlink's target) by *data*, if it still holds *expected*."""
    target = os.path.realpath(path)  # replacing a symlink itself would turn it into a copy
    folder, name = os.path.split(target)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tqcheck-fix", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        try:
            unchanged = read_bytes(target, len(expected)) == expected  # larger is changed too
        except InputError:
            unchanged = False
        if not unchanged:
            raise RewriteError("the file changed on disk while it was being fixed; not fixed")
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    """Make the rename durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
