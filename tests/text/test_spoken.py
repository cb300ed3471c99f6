"""Spoken text detected from the layout: short lines continuing one another (issue 17)."""
from tqcheck.document import Document
from tqcheck.text.spoken import looks_spoken

TRANSCRIPT = """So when I was a child I used to think
that the world was flat,
and my father, who was a teacher,
told me that it was round.
And I didn't believe him,
because you know, it looks flat.
So I went to the sea
and I watched the ships."""

NEWS = """Floods hit the south of the country
Heavy rain fell across the region on Monday, officials said.
Rivers burst their banks in three provinces, and roads were closed.
The weather service warned of more rain on Tuesday.
Rescue teams reached the worst-hit villages by boat.
The government promised aid to the families who lost their homes.
Schools will stay closed until Thursday."""


def test_a_transcript_looks_spoken_and_news_does_not():
    assert looks_spoken(TRANSCRIPT)
    assert not looks_spoken(NEWS)
    assert not looks_spoken("Too short\nto tell")


def test_the_domain_given_wins_over_the_layout():
    assert Document(TRANSCRIPT).spoken and not Document(TRANSCRIPT, domain="news").spoken
    assert Document(NEWS, domain="speech").spoken and not Document(NEWS).spoken
