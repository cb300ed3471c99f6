"""Terminology glossaries: variants found with the preferred form, deliberate exceptions left alone."""
import pytest
from helpers import rule_findings


def suggestions(code: str, text: str):
    return rule_findings(text, [code], ("text", "suggestion"))


@pytest.mark.parametrize("code,text,expected", [
    ("TE01", "Explosions in the Vyshgorod district and in Gorlovka.", [("Vyshgorod", "Vyshhorod"), ("Gorlovka", "Horlivka")]),
    ("TE01", "Fighting near Dnepropetrovsk; the Dnepropetrovsk region was shelled.",
     [("Dnepropetrovsk", "Dnipro"), ("Dnepropetrovsk region", "Dnipropetrovsk region")]),
    ("TE02", "Deputies of the State Thought and the Council of Federation voted.",
     [("State Thought", "State Duma"), ("Council of Federation", "Federation Council")]),
    ("TE04", "From Kishinev to Rostov-na-Donu.", [("Kishinev", "Chisinau"), ("Rostov-na-Donu", "Rostov-on-Don")]),
    ("TE05", "Ships sailed from Canton to Tientsin.", [("Canton", "Guangzhou"), ("Tientsin", "Tianjin")]),
    ("TE06", "Chou En-lai greeted Jinping Xi.", [("Chou En-lai", "Zhou Enlai"), ("Jinping Xi", "Xi Jinping")]),
    ("TE07", "EU summit debates refugee policy - China News Network", [("China News Network", "chinanews.com")]),
    ("TE08", "Flights from München to Warszawa resumed.", [("München", "Munich"), ("Warszawa", "Warsaw")]),
])
def test_variant_is_flagged_with_preferred_form(code, text, expected):
    assert suggestions(code, text) == expected


@pytest.mark.parametrize("code,text", [
    ("TE01", "The Dnipropetrovsk region and the Kirovohrad oblast kept their names; he ordered Chicken Kiev."),
    ("TE01", "The 1986 Chernobyl disaster is remembered each April."),
    ("TE05", "She studied at Peking University, ate Peking duck and visited the Canton Fair in Guangzhou."),
    ("TE05", "Canton, Ohio, is home to the Pro Football Hall of Fame."),
    ("TE06", "Chiang Kai-shek's son Chiang Ching-kuo later led Taiwan."),
    ("TE08", "1. FC Köln drew with Hannover 96; the Alternative für Deutschland campaigned in Saxony."),
])
def test_deliberate_old_or_local_forms_are_not_flagged(code, text):
    assert suggestions(code, text) == []


def test_titles_name_the_right_office():
    assert suggestions("TE03", "Prime Minister Li Qiang met Prime Minister Rishi Sunak.") == [("Prime Minister ", "Premier")]
    assert suggestions("TE03", "NATO General Secretary Jens Stoltenberg spoke.") == [("NATO General Secretary", "Secretary-General")]


def test_seed_traps_are_not_terminology_errors():
    text = "Vladimir Zelensky, Vyacheslav Volodin and Dmitry Drozdenko spoke to Izvestia."
    assert rule_findings(text, ("TE01", "TE02", "TE03", "TE04", "TE06")) == []
