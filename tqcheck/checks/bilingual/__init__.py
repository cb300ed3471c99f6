"""Bilingual rules: the translation compared with its aligned source (``doc.source``, ``doc.alignment``)."""


def get_rules() -> list[type]:
    from tqcheck.checks.bilingual.BI01 import NumberMismatch
    from tqcheck.checks.bilingual.BI03 import UntranslatedSegment
    from tqcheck.checks.bilingual.BI04 import UnalignedSegment
    from tqcheck.checks.bilingual.BI05 import LengthRatioOutlier

    return [NumberMismatch, UntranslatedSegment, UnalignedSegment, LengthRatioOutlier]
