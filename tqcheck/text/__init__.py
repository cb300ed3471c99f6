"""Text analysis on plain strings: the prefilters' index and requirements, sentences, language
identification, the visible text of HTML, and the alignment of two texts' segments.

Nothing here knows a ``Document`` or a rule: the document model (``tqcheck.document``) is built on
these, and rules reach them through it. May import only ``tqcheck.shipped_index``.
"""
