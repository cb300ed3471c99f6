"""Sentence splitting with blingfire's segmenter, called through its C library directly.

``blingfire.text_to_sentences_and_offsets`` maps the library's UTF-8 byte offsets back to
string offsets with a Python loop over every byte, which cost more than all the rules together
on a large corpus, and importing ``blingfire`` imports numpy (start-up time). This module loads
the same shared library with ctypes and maps the offsets by decoding the bytes between them,
giving exactly blingfire's result (``tests/text/test_fast_paths.py`` compares the two).
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
import threading
from functools import lru_cache

_LIBRARY = {"win32": "blingfiretokdll.dll", "darwin": "libblingfiretokdll.dylib"}


@lru_cache(maxsize=1)
def _segmenter():
    spec = importlib.util.find_spec("blingfire")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("blingfire is not installed")
    folder = list(spec.submodule_search_locations)[0]
    library = ctypes.cdll.LoadLibrary(os.path.join(folder, _LIBRARY.get(sys.platform, "libblingfiretokdll.so")))
    return library.TextToSentencesWithOffsets


class _Buffers(threading.local):
    """The output buffers, kept between calls (one set per thread) and zeroed before each use,
    so that each call sees what freshly allocated buffers would hold."""

    size = 0

    def get(self, size: int):
        if size > self.size:
            self.size = max(size, 2 * self.size)
            self.out = ctypes.create_string_buffer(self.size)
            self.starts, self.ends = (ctypes.c_int32 * self.size)(), (ctypes.c_int32 * self.size)()
        else:  # one byte more, so that out.value stops where a buffer of this size would end
            ctypes.memset(self.out, 0, min(size + 1, self.size))
            ctypes.memset(self.starts, 0, 4 * size)
            ctypes.memset(self.ends, 0, 4 * size)
        return self.out, self.starts, self.ends


_BUFFERS = _Buffers()


def sentence_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) string offsets of each sentence of *text*, as blingfire's
    ``text_to_sentences_and_offsets(text)[1]`` gives them."""
    data = text.encode("utf-8")
    size = len(data) * 2
    out, starts, ends = _BUFFERS.get(size)
    length = _segmenter()(ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(out),
                          ctypes.byref(starts), ctypes.byref(ends), ctypes.c_int(size))
    if length == -1 or length > size:
        return []
    count = out.value.count(b"\n") + 1
    # blingfire's end offsets point at a sentence's last byte; the string offset is that of the
    # next character. Targets that are not the start of a character (or go backwards) are
    # never reached by blingfire's own mapping loop, and neither are any after them.
    targets = [o for pair in zip(starts[:count], ends[:count]) for o in (pair[0], pair[1] + 1)]
    offsets: list[int] = []
    ascii_only = len(data) == len(text)
    byte_pos = char_pos = 0
    for target in targets:
        if target < byte_pos or target >= len(data) or (data[target] & 0xC0) == 0x80:
            break
        char_pos += (target - byte_pos) if ascii_only else len(data[byte_pos:target].decode("utf-8"))
        byte_pos = target
        offsets.append(char_pos)
    if len(offsets) < count * 2:
        offsets.append(len(text))
    assert len(offsets) == count * 2, f"{len(offsets)} != {count * 2}"  # as blingfire itself asserts
    return list(zip(offsets[::2], offsets[1::2]))
