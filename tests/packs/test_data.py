"""The data of the Python rules' options (tqcheck/packs/data.py): every option reads a file of
rules/data/, every file there is read, shipped data of the wrong type is a file:line error, and a
glossary folder holds CSV or TBX files."""
import pytest

from tqcheck.engine.style import PRESETS_FILE
from tqcheck.options import Choice, OptionError, bind, options_of
from tqcheck.packs import data
from tqcheck.packs.loader import shipped_rules_dir

DATA = shipped_rules_dir() / "data"


def test_every_option_reads_its_data(registry):
    """Each declared option of each rule resolves to a value of its kind from a file that exists."""
    checked = 0
    for rule in registry:
        for option in options_of(type(rule)).values():
            assert (DATA / option.data).exists(), option.data
            value = getattr(rule, option.attr)
            # A house-style choice is empty as shipped: the defaults take no side.
            assert value or isinstance(option, Choice), f"{rule.code}: {option.name} is empty"
            checked += 1
    assert checked >= 50


def test_every_data_file_is_read_by_some_rule_and_says_where_its_lists_come_from(registry):
    used = {option.data for rule in registry for option in options_of(type(rule)).values()}
    used.add(PRESETS_FILE)  # the house-style presets, read by the engine (config key style)
    files = {str(p.relative_to(DATA)) for p in DATA.rglob("*.yml")}
    assert files <= used, f"data files no rule reads: {sorted(files - used)}"
    for name in files:
        assert (DATA / name).read_text(encoding="utf-8").startswith("#"), f"{name} has no header comment"


def test_shipped_data_of_the_wrong_type_names_the_file_and_line(registry):
    def read(name):
        found = dict(data.read(name))
        found["surnames"] = {"a": 1}
        return found

    broken = type(registry.get("NM04"))()
    bind(broken, read)
    with pytest.raises(OptionError, match=r"rules/data/names/pinyin.yml: 'surnames' must be a list of strings"):
        broken.surnames


def test_glossary_files_csv_and_tbx(tmp_path):
    csv = tmp_path / "g.csv"
    csv.write_text("source,target,note\nГосдум*,State Duma,lower house\n", encoding="utf-8")
    assert data.read_glossary(csv) == [{"source": "Госдум*", "target": "State Duma", "note": "lower house"}]
    tbx = tmp_path / "g.tbx"
    tbx.write_text("""<?xml version="1.0"?><martif type="TBX" xml:lang="ru"><text><body>
<termEntry id="t1"><langSet xml:lang="ru"><tig><term>Совет Федерации</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Federation Council</term></tig></langSet></termEntry>
</body></text></martif>""", encoding="utf-8")
    assert data.read_glossary(tbx) == [{"source": "Совет Федерации", "target": "Federation Council", "note": ""}]
    bad = tmp_path / "bad.csv"
    bad.write_text("term,translation\na,b\n", encoding="utf-8")
    with pytest.raises(OptionError, match="bad.csv:1:"):
        data.read_glossary(bad)
