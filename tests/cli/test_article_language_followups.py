"""Issue 15 follow-ups: an article in a language with few rules says so in its summary, `fix`
finds the article's language as `check` does, and the run signature names the pair as given."""
import json

from tests.helpers import invoke

SWEDISH = "Hej, det här är en svensk text om vädret i dag. Det regnar och blåser.\n"


def test_few_rules_note_in_text_summary_and_json_summary(tmp_path):
    article = tmp_path / "vader.sv.txt"
    article.write_text(SWEDISH, encoding="utf-8")
    text = invoke("check", "--no-cache", article)
    summary = [line for line in text.stdout.splitlines() if line.startswith(str(article))][-1]
    assert "no findings" in summary and "few rules for target language 'sv'" in summary
    assert "few rules for target language 'sv'" in text.stderr  # the warning line too
    out = json.loads(invoke("check", "--no-cache", "--format", "json", article).stdout)
    assert out["articles"][0]["summary"]["note"].startswith("few rules for target language 'sv'")


def test_no_note_for_a_language_with_rules(tmp_path):
    article = tmp_path / "weather.en.txt"
    article.write_text("It rained in the city on Monday, and the wind was strong.\n", encoding="utf-8")
    out = json.loads(invoke("check", "--no-cache", "--format", "json", article).stdout)
    assert "note" not in out["articles"][0]["summary"]
    assert "few rules" not in invoke("check", "--no-cache", article).stdout


def test_fix_takes_the_language_from_the_file_name(tmp_path):
    article = tmp_path / "zitat.de.txt"
    article.write_text('Er sagte: "Das ist gut."\n', encoding="utf-8")
    result = invoke("fix", article)
    assert result.exit_code == 0, result.output
    assert article.read_text(encoding="utf-8") == "Er sagte: „Das ist gut.“\n"  # German quotes, not English ones


def test_fix_target_lang_overrides_the_file_name(tmp_path):
    article = tmp_path / "quote.de.txt"
    article.write_text('He said: "That is good."\n', encoding="utf-8")
    diff = invoke("fix", "--diff", "--target-lang", "en", article).stdout
    assert "„" not in diff


def test_signature_pair_says_auto_without_languages(tmp_path):
    article = tmp_path / "weather.en.txt"
    article.write_text("It rained in the city on Monday.\n", encoding="utf-8")
    auto = json.loads(invoke("check", "--no-cache", "--format", "json", article).stdout)["signature"]
    assert "|pair:auto|" in auto and "und" not in auto
    given = json.loads(invoke("check", "--no-cache", "--format", "json", "--source-lang", "zh",
                              "--target-lang", "en", article).stdout)["signature"]
    assert "|pair:zh-en|" in given
    source_only = json.loads(invoke("check", "--no-cache", "--format", "json", "--source-lang", "zh",
                                    article).stdout)["signature"]
    assert "|pair:zh-auto|" in source_only
