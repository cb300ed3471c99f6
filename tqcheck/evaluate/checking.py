"""Checking the corpus articles in one mode, as ``tqcheck check`` checks article files: the target
in its language, the source aligned beside it ("sources", "references"), the reference scored by
``tqcheck.scoring.metrics.score_article`` ("references"); and their quality summaries as ``tqcheck check``
reports them (``tqcheck.engine.report.build_report``)."""
from __future__ import annotations

from tqcheck.evaluate.corpus import Article, language_pair, make_document

#: The reference metrics the eval computes: the ones something it ranks reads (``ranking.MEASURES``,
#: the score). ``tqcheck check --ref`` also computes BLEU, chrF++ and TER; add a name here when the
#: score comes to read it (TER alone would take about 0.5 s an article, most of the eval's time).
REFERENCE_METRICS = ("chrF",)


def mode_articles(articles: list[Article], mode: str) -> list[Article]:
    """The articles a mode checks: with references, only those that have one and are not the
    human reference itself (rated as a system, it would be compared with itself)."""
    if mode != "references":
        return articles
    return [a for a in articles if a.reference is not None and not a.human_translation]


def check_articles(articles: list[Article], linter, mode: str, problems: list[str]) -> list:
    """The ``ArticleResult`` of each article checked in *mode*; rule crashes go to *problems*."""
    from tqcheck.document import Document
    from tqcheck.scoring.metrics import score_article

    results = []
    for article in articles:
        source_lang, target_lang = language_pair(article.lp)
        source = None if mode == "alone" else article.source
        doc = make_document(article.target, source, source_lang, target_lang, article.path)
        result = linter.check_document(doc)
        if mode == "references":
            reference = Document(article.reference, path=f"{article.path} (reference)", lang=target_lang)
            result.metrics = score_article(doc, reference, target_lang, REFERENCE_METRICS)[0]
        problems.extend(f"{result.path}: internal error in rule {e}" for e in result.rule_errors)
        results.append(result)
    return results


def summaries(results: list, linter, scoring) -> list:
    """Each result's ``ArticleSummary``, the one ``tqcheck check`` reports (score, metrics)."""
    from tqcheck.engine.report import build_report

    return [a.summary for a in build_report(results, linter, scoring).articles]
