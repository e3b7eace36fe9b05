"""The same event in several languages links to the same watched participants."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newswatch.contracts import Alert
from newswatch.engine import Engine

from .conftest import summary

Tag = Callable[..., list[Alert]]

SAME_VISIT = {
    "fr": "Xi Jinping se rendra en Russie à l'invitation de Vladimir Poutine.",
    "en": "Xi Jinping will travel to Russia at the invitation of Vladimir Putin.",
    "ru": "Си Цзиньпин посетит Россию по приглашению Владимира Путина.",
    "zh": "习近平将应普京邀请对俄罗斯进行国事访问。",
    "de": "Xi Jinping wird auf Einladung von Wladimir Putin nach Russland reisen.",
    "es": "Xi Jinping viajará a Rusia por invitación de Vladímir Putin.",
    "uk": "Сі Цзіньпін відвідає Росію на запрошення Володимира Путіна.",
    "it": "Xi Jinping si recherà in Russia su invito di Vladimir Putin.",
}


def test_the_same_visit_gives_the_same_participants(tag: Tag) -> None:
    seen = {}
    for lang, text in SAME_VISIT.items():
        [alert] = tag(text, lang)
        seen[lang] = (
            alert.event_type,
            alert.attributes.get("status"),
            sorted((p.name, p.wikidata) for p in alert.actors),
            sorted((p.name, p.wikidata) for p in alert.targets),
        )
    assert seen["fr"] == (
        "state_visit",
        "announced",
        [("Xi Jinping", "Q15031")],
        [("Russia", "Q159"), ("Vladimir Putin", "Q7747")],
    )
    assert all(value == seen["fr"] for value in seen.values()), seen


def test_language_is_detected_when_absent(tag: Tag) -> None:
    for lang, text in SAME_VISIT.items():
        [alert] = tag(text)
        assert alert.article.language == lang


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Путин провёл телефонный разговор с Си Цзиньпином.",
            ("phone_call", "medium", "phone"),
        ),
        (
            "uk",
            "Путін провів телефонну розмову з Сі Цзіньпіном.",
            ("phone_call", "medium", "phone"),
        ),
        ("zh", "习近平同普京通电话。", ("phone_call", "medium", "phone")),
        (
            "es",
            "Xi Jinping mantuvo una conversación telefónica con Vladímir Putin.",
            ("phone_call", "medium", "phone"),
        ),
        ("ru", "Китай осудил западные санкции против России.", ("sanctions", "action", "condemn")),
        ("zh", "中国谴责西方对俄罗斯的制裁。", ("sanctions", "action", "condemn")),
        # there, for the occasion; a summit abroad in the present tense: under way
        (
            "de",
            "Emmanuel Macron ist zu Gesprächen in Peking.",
            ("state_visit", "status", "ongoing"),
        ),
        (
            "de",
            "Emmanuel Macron ist in Peking zum G20-Gipfel.",
            ("state_visit", "status", "ongoing"),
        ),
        (
            "es",
            "Emmanuel Macron está en Pekín para la cumbre del G20.",
            ("state_visit", "status", "ongoing"),
        ),
        (
            "es",
            "Emmanuel Macron participa en la cumbre del G20 en Pekín.",
            ("state_visit", "status", "ongoing"),
        ),
        # following another's sanctions is imposing them
        (
            "de",
            "China zieht bei den neuen Sanktionen gegen die Ukraine nach.",
            ("sanctions", "action", "impose"),
        ),
        # "in recent days" is still news, not history
        (
            "de",
            "In den vergangenen Tagen hat Emmanuel Macron mit Xi Jinping telefoniert.",
            ("phone_call", "medium", "phone"),
        ),
    ],
)
def test_rule_languages_find_calls_and_sanctions(
    tag: Tag, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    event, attribute, value = expected
    [alert] = tag(text, lang)
    assert (alert.event_type, alert.attributes[attribute]) == (event, value)
    assert all(p.watched for p in alert.actors)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Си Цзиньпин не посетит Россию."),
        ("zh", "习近平呼吁举行会谈。"),
        # sanctions only asked for
        ("es", "Varios ministros han pedido que Francia estudie sanciones contra Rusia."),
        ("de", "China zieht bei den Sanktionen gegen die Ukraine nicht nach."),
    ],
)
def test_rule_languages_respect_negation(tag: Tag, lang: str, text: str) -> None:
    assert [summary(a) for a in tag(text, lang)] == []


def test_languages(engine: Engine) -> None:
    assert engine.languages == ["de", "en", "es", "fr", "it", "ru", "uk", "zh"]
