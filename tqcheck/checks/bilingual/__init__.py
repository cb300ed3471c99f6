"""Bilingual rules: the translation compared with its aligned source (``doc.source``, ``doc.alignment``)."""


def get_rules() -> list[type]:
    from tqcheck.checks.bilingual.BI01 import NumberMismatch
    from tqcheck.checks.bilingual.BI02 import NameTransliteration
    from tqcheck.checks.bilingual.BI03 import UntranslatedSegment
    from tqcheck.checks.bilingual.BI04 import UnalignedSegment
    from tqcheck.checks.bilingual.BI05 import LengthRatioOutlier
    from tqcheck.checks.bilingual.BI06 import GlossaryTerm
    from tqcheck.checks.bilingual.BI07 import MarkupMismatch
    from tqcheck.checks.bilingual.BI08 import MissingFinalPunctuation
    from tqcheck.checks.bilingual.BI09 import EmptyTranslation
    from tqcheck.checks.bilingual.BI10 import ChineseNameSpelling
    from tqcheck.checks.bilingual.BI11 import InconsistentRendering

    return [NumberMismatch, NameTransliteration, UntranslatedSegment, UnalignedSegment, LengthRatioOutlier, GlossaryTerm, MarkupMismatch,
            MissingFinalPunctuation, EmptyTranslation, ChineseNameSpelling,
            InconsistentRendering]
