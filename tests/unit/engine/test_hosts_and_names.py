"""Which words are names: a city is never read out of a longer name ("Pedro", a Costa Rican town,
in "Pedro Sánchez"); a phrase in lower case is no one's name. Passages written for these tests,
read as published on Wednesday 6 March 2024."""

from __future__ import annotations

from newswatch.contracts import Article
from newswatch.engine import Engine
from support.passages import NOW, PUBLISHED, calls, visits


def test_a_town_is_not_read_out_of_a_longer_name(shipped: Engine) -> None:
    # "Pedro" is a Costa Rican town in the gazetteer; here it is Pedro Sánchez's first name.
    found = visits(shipped, "Gabriel Boric recibirá el próximo lunes a Pedro Sánchez.", "es")
    assert not {v for v in found if v[1] == "Costa Rica"}


def test_a_phrase_in_lower_case_is_no_one_s_name(shipped: Engine) -> None:
    text = (
        "Donald Trump spoke by phone with Narendra Modi on Tuesday. Earlier, he had made "
        "telephonic calls to leaders of Canada and Mexico."
    )
    article = Article(id="t", text=text, language="en", published_at=PUBLISHED)
    names = {
        party.name
        for alert in shipped.tag(article, now=NOW)
        for party in (*alert.actors, *alert.targets)
    }
    assert names and all(not name.islower() for name in names)
    assert ("Donald Trump", "Narendra Modi", "phone") in calls(shipped, text, "en")
