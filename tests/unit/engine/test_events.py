"""Roles, modality and traps in French and English: behaviour a keyword spotter gets wrong."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newswatch.contracts import Alert

from .conftest import summary

XI, PUTIN, MACRON, BLINKEN, KULEBA, BIDEN = (
    "Q15031",
    "Q7747",
    "Q3052772",
    "Q7821917",
    "Q24025631",
    "Q6279",
)
CHINA, RUSSIA, UKRAINE, US, EU = "Q148", "Q159", "Q212", "Q30", "Q458"

Tag = Callable[..., list[Alert]]

HARD_NEGATIVES = [
    ("fr", "Kuleba a appelé à des pourparlers avec la Russie."),
    ("en", "Kuleba called for peace talks with Russia."),
    ("en", "China's foreign minister Qin Gang called for talks with Ukraine."),
    ("fr", "La Chine a refusé de condamner les sanctions."),
    ("en", "China refused to condemn the sanctions."),
    ("fr", "Le joueur a écopé d'une sanction disciplinaire."),
    ("en", "The referee sanctioned the player with a red card."),
    ("fr", "Le médecin a rendu visite au patient."),
    ("en", "The doctor visited the patient at the hospital."),
    ("fr", "Emmanuel Macron a visité un musée à Paris."),
    ("en", "Macron visited a museum in Paris."),
    ("fr", "Xi ne se rendra pas en Russie."),
    ("fr", "Xi Jinping n'a aucun projet de visite en Russie."),
    ("en", "The Kremlin said Xi has no plans to visit Russia."),
    ("en", "The Kremlin denied that the phone call between Putin and Macron took place."),
    (
        "fr",
        "Le Kremlin a démenti que l'entretien téléphonique entre Poutine et Macron ait eu lieu.",
    ),
    ("fr", "Le président chinois a eu un entretien téléphonique avec son homologue."),
]


@pytest.mark.parametrize(("lang", "text"), HARD_NEGATIVES)
def test_hard_negatives_give_no_alert(tag: Tag, lang: str, text: str) -> None:
    assert [summary(a) for a in tag(text, lang)] == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Emmanuel Macron se rendra en Chine la semaine prochaine.",
            ("announced", MACRON, CHINA),
        ),
        (
            "fr",
            "Xi Jinping se rendrait en Russie selon des sources diplomatiques.",
            ("announced", XI, RUSSIA),
        ),
        ("fr", "Xi Jinping s'est rendu à Moscou en mars.", ("completed", XI, RUSSIA)),
        ("fr", "La visite de Xi Jinping en Russie a été annulée.", ("cancelled", XI, RUSSIA)),
        ("en", "Xi Jinping will travel to Russia next week.", ("announced", XI, RUSSIA)),
        ("en", "Xi Jinping visited Moscow in March.", ("completed", XI, RUSSIA)),
        ("en", "Xi Jinping is visiting Russia this week.", ("ongoing", XI, RUSSIA)),
        ("en", "Xi's state visit to Russia was cancelled.", ("cancelled", XI, RUSSIA)),
    ],
)
def test_visit_status_and_roles(
    tag: Tag, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    status, visitor, destination = expected
    [alert] = tag(text, lang)
    assert alert.event_type == "state_visit"
    assert alert.attributes == {"status": status}
    assert [p.key for p in alert.actors] == [visitor]
    assert destination in {p.key for p in alert.targets}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Vladimir Poutine reçoit Xi Jinping au Kremlin."),
        ("en", "Putin hosted Xi in Moscow on Monday."),
    ],
)
def test_the_host_is_a_target_even_as_subject(tag: Tag, lang: str, text: str) -> None:
    [alert] = tag(text, lang)
    assert [p.key for p in alert.actors] == [XI]
    assert PUTIN in {p.key for p in alert.targets}


@pytest.mark.parametrize(
    ("lang", "text", "medium", "sides"),
    [
        (
            "fr",
            "Antony Blinken s'est entretenu au téléphone avec Dmytro Kuleba.",
            "phone",
            {BLINKEN, KULEBA},
        ),
        (
            "fr",
            "Poutine et Macron se sont entretenus par visioconférence.",
            "video",
            {PUTIN, MACRON},
        ),
        (
            "en",
            "Antony Blinken spoke by phone with Dmytro Kuleba on Thursday.",
            "phone",
            {BLINKEN, KULEBA},
        ),
        ("en", "Biden and Xi held a video call on Monday.", "video", {BIDEN, XI}),
    ],
)
def test_calls(tag: Tag, lang: str, text: str, medium: str, sides: set[str]) -> None:
    [alert] = tag(text, lang)
    assert (alert.event_type, alert.attributes, alert.cameo) == (
        "phone_call",
        {"medium": medium},
        "041",
    )
    assert {p.key for p in alert.actors + alert.targets} == sides


@pytest.mark.parametrize(
    ("lang", "text", "action", "actor", "target", "cameo"),
    [
        (
            "fr",
            "L'Union européenne a adopté de nouvelles sanctions contre la Russie.",
            "impose",
            EU,
            RUSSIA,
            "163",
        ),
        (
            "fr",
            "Les États-Unis ont prolongé les sanctions contre la Russie.",
            "extend",
            US,
            RUSSIA,
            "163",
        ),
        ("fr", "Washington a levé les sanctions visant l'Ukraine.", "lift", US, UKRAINE, "085"),
        ("fr", "L'UE menace la Russie de nouvelles sanctions.", "threaten", EU, RUSSIA, "1312"),
        ("en", "The European Union imposed new sanctions on Russia.", "impose", EU, RUSSIA, "163"),
        ("en", "Washington lifted sanctions on Ukraine.", "lift", US, UKRAINE, "085"),
        # The state acts, not the president in person (ANNOTATION: never a spokesperson).
        ("en", "Biden threatened Russia with sanctions.", "threaten", US, RUSSIA, "1312"),
        (
            "en",
            "Beijing condemned Western sanctions against Russia.",
            "condemn",
            CHINA,
            "name:the west",
            "111",
        ),
    ],
)
def test_sanctions(
    tag: Tag, lang: str, text: str, action: str, actor: str, target: str, cameo: str
) -> None:
    [alert] = tag(text, lang)
    assert (alert.event_type, alert.attributes, alert.cameo) == (
        "sanctions",
        {"action": action},
        cameo,
    )
    assert [p.key for p in alert.actors] == [actor]
    assert [p.key for p in alert.targets] == [target]


def test_condemning_party_is_the_actor_not_the_sanctioned(tag: Tag) -> None:
    [alert] = tag("Beijing condemned Western sanctions against Russia.", "en")
    assert RUSSIA not in {p.key for p in alert.targets}


def test_meeting_in_person(tag: Tag) -> None:
    [alert] = tag("Xi Jinping a rencontré Vladimir Poutine à Genève.", "fr")
    assert (alert.event_type, alert.cameo) == ("meeting", "040")
    assert {p.key for p in alert.actors + alert.targets} == {XI, PUTIN}


def test_meeting_in_the_hosts_capital_is_the_guests_visit(tag: Tag) -> None:
    [alert] = tag("Xi Jinping a rencontré Vladimir Poutine à Moscou.", "fr")
    assert (alert.event_type, alert.cameo) == ("state_visit", "042")
    assert [p.key for p in alert.actors] == [XI]
    assert {p.key for p in alert.targets} == {RUSSIA, PUTIN}


def test_an_article_without_watched_entities_is_quiet(tag: Tag) -> None:
    assert (
        tag("Le ministre a visité une usine et annoncé de nouvelles sanctions sportives.", "fr")
        == []
    )


def test_two_calls_in_one_article_are_two_alerts(tag: Tag) -> None:
    text = (
        "Antony Blinken s'est entretenu au téléphone avec Dmytro Kuleba.\n"
        "Poutine et Macron se sont entretenus par visioconférence."
    )
    assert len(tag(text, "fr")) == 2


def test_unsupported_language_and_blank_text_give_nothing(tag: Tag) -> None:
    assert tag("Xi Jinping visitará a Rússia na próxima semana.", "pt") == []
    assert tag("  \n\u200b\n", None) == []


def test_text_with_zero_width_and_crlf_keeps_offsets(tag: Tag) -> None:
    text = "Intro.\r\n\r\nXi Jin\u200bping will travel to Russia next week."
    [alert] = tag(text, "en")
    evidence = alert.evidence[0]
    assert text[evidence.start : evidence.end] == evidence.text
    assert evidence.text.startswith("Xi Jin\u200bping")
