"""House style as configuration (issue 17): presets, choices, domain, their errors."""
import pytest

from tqcheck.engine.config import ConfigError, load
from tqcheck.engine.linter import Linter
from tqcheck.options import OptionError

MIXED = "The U.S. said U.S. troops stay. US officials agreed. Talks end on 10 February.\n"


def config(tmp_path, text):
    path = tmp_path / "tqcheck.toml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def codes(linter, text=MIXED):
    return [(f.code, f.suggestion) for f in linter.check_text(text).findings if f.code.startswith("ST")]


def test_defaults_take_no_side(tmp_path):
    # Only the mix is flagged, with the article's own commoner form; one date takes no side.
    assert codes(Linter(config(tmp_path, ""))) == [("ST01", "U.S.")]


def test_a_preset_chooses_forms_and_turns_on_its_rules(tmp_path):
    guardian = Linter(config(tmp_path, 'style = "guardian"'))
    assert codes(guardian) == [("ST01", "US"), ("ST01", "US")]
    assert {"ST03", "ST05"} <= {r.code for r in guardian.rules} and "NM02" in {r.code for r in guardian.rules}
    ap = Linter(config(tmp_path, 'style = "ap"'))
    assert codes(ap) == [("ST01", "U.S."), ("ST02", "February 10")]


def test_the_configs_own_choice_wins_over_the_preset(tmp_path):
    linter = Linter(config(tmp_path, 'style = "ap"\n[rules.ST01]\nus-form = "US"\n'))
    assert [c for c in codes(linter) if c[0] == "ST01"] == [("ST01", "US"), ("ST01", "US")]


def test_unknown_preset_domain_and_choice_are_one_line_errors(tmp_path):
    with pytest.raises(ConfigError, match="unknown style 'nyt'.*ap, chicago, guardian"):
        Linter(config(tmp_path, 'style = "nyt"'))
    with pytest.raises(ConfigError, match="'domain' must be one of news, speech"):
        config(tmp_path, 'domain = "talks"')
    with pytest.raises(OptionError, match="'us-form' must be one of"):
        Linter(config(tmp_path, '[rules.ST01]\nus-form = "USA"\n'))


def test_domain_speech_reaches_the_rules(tmp_path):
    text = "We went there, we went there, we went there every day.\n"
    assert [f.code for f in Linter(config(tmp_path, "")).check_text(text).findings] == ["RP03"]
    assert Linter(config(tmp_path, 'domain = "speech"')).check_text(text).findings == []
