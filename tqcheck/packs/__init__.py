"""Rule packs: folders of YAML rules. Reading them (``loader``), the kinds a YAML rule can be
(``kinds``: ``glossary``, ``phrases``, ``patterns``), building and validating rules (``build``) and
the safety check of a pack's own regular expressions (``regex_guard``).

May import the rule author's API (``tqcheck.rule``, ``tqcheck.document``, ``tqcheck.finding``),
``tqcheck.text`` and ``tqcheck.shipped_index``.
"""
