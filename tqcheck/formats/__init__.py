"""Files in, documents out: decoding and reading article files (text, Markdown, HTML) and unit
files (XLIFF, PO, TMX), which files a run checks and which go together (pairing), applying fixes
and writing an article back.

May import the document model (``tqcheck.document``, ``tqcheck.finding``) and ``tqcheck.text``.
"""
