"""A sanctions decision told without its target ("On Monday the bloc said it was ready to impose
further measures") is against the party the article's decisions name. Passages written for these
tests; published Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import sanctions


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The European Union imposed sanctions on Belarus after the disputed election.\n\n"
            "On Monday the bloc said it was ready to impose further measures if the crackdown"
            " went on.",
            {
                ("European Union", "impose", "Belarus"),
                ("European Union", "threaten", "Belarus"),
            },
        ),
        (
            "fr",
            "Le Canada a imposé lundi des sanctions à l'Iran après la répression des"
            " manifestations.\n\nOttawa a prévenu que de nouvelles sanctions suivraient si les"
            " exécutions continuaient.",
            {("Canada", "impose", "Iran"), ("Canada", "threaten", "Iran")},
        ),
        (
            "en",
            "The European Union imposed new sanctions on Russia on Monday.\n\n"
            "Separately, the United States imposed sanctions on twelve shipping firms.",
            {("European Union", "impose", "Russia"), ("United States", "impose", "Russia")},
        ),
    ],
)
def test_a_decision_without_target_is_against_the_sanctioned_of_the_article(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    # The third passage shows the rule's known cost: a second state's decision with no named
    # target is read as against the state the article sanctions.
    assert sanctions(shipped, text, lang) == expected


def test_a_target_named_in_the_sentence_is_kept(shipped: Engine) -> None:
    text = (
        "The European Union imposed new sanctions on Russia on Monday.\n\n"
        "The United States imposed sanctions on Iran on Tuesday."
    )
    assert sanctions(shipped, text, "en") == {
        ("European Union", "impose", "Russia"),
        ("United States", "impose", "Iran"),
    }


def test_a_condemnation_keeps_the_authors_as_its_target(shipped: Engine) -> None:
    text = (
        "Washington imposed new sanctions on Russian banks on Monday.\n\n"
        "Moscow condemned the decision as illegal."
    )
    found = sanctions(shipped, text, "en")
    assert ("Russia", "condemn", "United States") in found


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The United States eased some restrictions on Syria on Monday, issuing a six-month "
            "sanctions relief measure.",
            ("United States", "lift", "Syria"),
        ),
        (
            "de",
            "Wegen der Gewalt gegen Demonstranten im Iran haben die EU-Staaten am Mittwoch "
            "weitere Sanktionen verhängt.",
            ("European Union", "impose", "Iran"),
        ),
        (
            "uk",
            "Україна запровадила в середу три нові пакети санкцій проти пропагандистів РФ.",
            ("Ukraine", "impose", "Russia"),
        ),
    ],
)
def test_unnamed_targets_stand_for_the_state_their_sentence_names(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    """No sanctioned party named anywhere: the state the sentence names besides the actor."""
    assert expected in sanctions(shipped, text, lang)


def test_the_actors_own_country_is_never_the_fallback_target(shipped: Engine) -> None:
    text = "Washington a annoncé mercredi de nouvelles sanctions, a indiqué la Maison Blanche."
    assert all(target != "United States" for _, _, target in sanctions(shipped, text, "fr"))


def test_a_renewal_told_in_the_passive(shipped: Engine) -> None:
    text = (
        "Les États-Unis ont imposé des sanctions à la Russie en 2014. Ces sanctions ont été "
        "reconduites mardi pour une année supplémentaire sur ordre du président américain."
    )
    assert ("United States", "extend", "Russia") in sanctions(shipped, text, "fr")
