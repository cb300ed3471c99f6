"""Each target language's conventions (CLDR profiles through Babel, typography data): planted errors
are flagged with the language's own suggestion, and clean text of the language is not. One case
list per language; the English rules never run on another language (CJK: full-width punctuation is
right, half-width is the error)."""
import pytest
from helpers import rule_findings

from tqcheck.document import Document
from tqcheck.text.locale_profile import is_known_language, profile

# language: (planted text, {(code, flagged text, suggestion)}, clean text)
CASES = {
    "de": ('Er sagte "Hallo" - und ging. 20,000 Gäste, 3.5 Prozent.',
           {("PU02", '"', "„"), ("PU02", '"', "“"), ("PU17", "-", "–"), ("LC11", "20,000", "20.000"),
            ("LC11", "3.5", "3,5")},
           "Er sagte „Hallo“ – und ging. 20.000 Gäste, 3,5 Prozent am 3.5.2023 um 13.30 Uhr."),
    "fr": ('Il dit "non": 20,000 personnes.',
           {("PU02", '"', "«"), ("PU02", '"', "»"), ("PU19", ":", "\u00a0:"), ("LC11", "20,000", "20\u202f000")},
           "Il dit «\u00a0non\u00a0»\u00a0: 20\u202f000 personnes."),
    "es": ('Dijo "no" - 20,000 personas.',
           {("PU02", '"', "«"), ("PU02", '"', "»"), ("PU17", "-", "—"), ("LC11", "20,000", "20.000")},
           "Dijo «no» — 20.000 personas, un 3,5 %."),
    "it": ('Ha detto "no" - 20,000 persone.',
           {("PU02", '"', "«"), ("PU02", '"', "»"), ("PU17", "-", "–"), ("LC11", "20,000", "20.000")},
           "Ha detto «no» – 20.000 persone."),
    "pt": ('Ele disse "não" - 20,000 pessoas.',
           {("PU02", '"', "“"), ("PU02", '"', "”"), ("PU17", "-", "—"), ("LC11", "20,000", "20.000")},
           "Ele disse “não” — 20.000 pessoas."),
    "nl": ('Hij zei "nee" - 20,000 mensen.',
           {("PU02", '"', "‘"), ("PU02", '"', "’"), ("PU17", "-", "–"), ("LC11", "20,000", "20.000")},
           "Hij zei ‘nee’ – 20.000 mensen."),
    "pl": ('Powiedział "nie" - 20,000 osób.',
           {("PU02", '"', "„"), ("PU02", '"', "”"), ("PU17", "-", "–"), ("LC11", "20,000", "20\u00a0000")},
           "Powiedział „nie” – 20\u00a0000 osób."),
    "ru": ('Он сказал "нет" - 20,000 человек.',
           {("PU02", '"', "«"), ("PU02", '"', "»"), ("PU17", "-", "—"), ("LC11", "20,000", "20\u00a0000")},
           "Он сказал «нет» — 20\u00a0000 человек."),
    "uk": ('Він сказав "ні" - 20,000 людей.',
           {("PU02", '"', "«"), ("PU02", '"', "»"), ("PU17", "-", "—"), ("LC11", "20,000", "20\u00a0000")},
           "Він сказав «ні» — 20\u00a0000 людей."),
    "zh": ('他说,"这是错误".',
           {("PU18", ",", "，"), ("PU02", '"', "“"), ("PU02", '"', "”"), ("PU18", ".", "。")},
           "他说，“这是错误”。价格为3.5元，时间10:30。"),
    "ja": ('彼は,「違う」と言った.',
           {("PU18", ",", "、"), ("PU18", ".", "。")},
           "彼は、「違う」と言った。"),
    "en": ("He called it «a total overkill» – twice.",
           {("PU02", "«", "“"), ("PU02", "»", "”")},
           "He called it “a total overkill” and 20,000 people agreed, 3.5 percent more."),
}
CODES = ["PU02", "PU17", "PU18", "PU19", "LC11", "LC12"]


@pytest.mark.parametrize("lang", sorted(CASES))
def test_planted_errors_get_the_languages_suggestion(lang):
    planted, expected, _ = CASES[lang]
    found = {(f.code, f.text, f.suggestion) for f in rule_findings(Document(planted, lang=lang), CODES)}
    assert found == expected


@pytest.mark.parametrize("lang", sorted(CASES))
def test_clean_text_of_the_language_is_not_flagged(lang):
    _, _, clean = CASES[lang]
    assert rule_findings(Document(clean, lang=lang), CODES, ("code", "text")) == []


@pytest.mark.parametrize("lang", sorted(CASES))
def test_profile_from_cldr(lang):
    assert is_known_language(lang)
    prof = profile(lang)
    assert len(prof.months) == 12 and len(prof.days) == 7 and prof.date_patterns["long"]
    assert prof.cjk == (lang in {"zh", "ja"})


@pytest.mark.parametrize("lang", ["zh", "ja", "de"])
def test_english_rules_never_run_on_another_language(lang, registry):
    doc = Document("他说：“好。”（完）Er sagte: „Gut.“", lang=lang)
    english_only = [r for r in registry if r.target_langs == frozenset({"en"})]
    assert english_only and not [r.code for r in english_only if r.applies_to(doc)]


def test_unknown_codes_are_not_languages():
    assert not is_known_language("xx") and not is_known_language("") and is_known_language("pt-BR")
