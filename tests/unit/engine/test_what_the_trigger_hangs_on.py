"""What a trigger hangs on decides whether it is news: a reception whose object is a call, an
appeal or an opposition above a relief, a German modal at the end of the clause, a place where
sanctions were earned, a dateline before the first sentence. Passages written for these tests."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls, sanctions, visits

# --- datelines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "London: Prime Minister Narendra Modi arrived in London on Tuesday for a three-day visit.",
        "LONDON: Prime Minister Narendra Modi arrived in London on Tuesday for a three-day visit.",
    ],
)
def test_a_place_before_a_colon_is_where_the_story_was_filed(shipped: Engine, text: str) -> None:
    assert visits(shipped, text, "en") == {("Narendra Modi", "United Kingdom", "ongoing")}


def test_a_capital_in_the_dateline_does_not_act() -> None:
    from newswatch.engine.pipeline import dateline_end

    text = "МОСКВА, 5 марта. /ТАСС/. Евросоюз ввел новые санкции против Ирана."
    assert text[: dateline_end(text)] == "МОСКВА, 5 марта. /ТАСС/. "


def test_a_speaker_before_a_colon_is_kept(shipped: Engine) -> None:
    text = "WASHINGTON: The European Union imposed new sanctions on Iran on Tuesday."
    assert sanctions(shipped, text, "en") == {("European Union", "impose", "Iran")}
    text = "Emmanuel Macron: I spoke by phone with Olaf Scholz on Tuesday."
    assert {c[:2] for c in calls(shipped, text, "en")} == {("Emmanuel Macron", "Olaf Scholz")}


# --- a reception of a thing is no visit; the caller is the other side ------------------------


@pytest.mark.parametrize(
    ("lang", "text", "caller", "called"),
    [
        (
            "fr",
            "Le président Abdelmadjid Tebboune a reçu mardi un appel téléphonique de son homologue "
            "français, Emmanuel Macron.",
            "Emmanuel Macron",
            "Abdelmadjid Tebboune",
        ),
        (
            "en",
            "President Cyril Ramaphosa received a phone call from Emmanuel Macron on Tuesday, who "
            "congratulated him on the election.",
            "Emmanuel Macron",
            "Cyril Ramaphosa",
        ),
        (
            "es",
            "El presidente Gustavo Petro recibió el martes una llamada telefónica de Emmanuel "
            "Macron.",
            "Emmanuel Macron",
            "Gustavo Petro",
        ),
    ],
)
def test_a_call_received_is_no_visit_and_the_other_side_called(
    shipped: Engine, lang: str, text: str, caller: str, called: str
) -> None:
    assert visits(shipped, text, lang) == set()
    assert calls(shipped, text, lang) == {(caller, called, "phone")}


def test_a_guest_received_is_still_a_visit(shipped: Engine) -> None:
    text = "President Cyril Ramaphosa received Emmanuel Macron in Pretoria on Tuesday."
    assert {v[:2] for v in visits(shipped, text, "en")} == {("Emmanuel Macron", "South Africa")}


# --- only possible, only asked for, opposed ---------------------------------------------------


def test_a_german_trip_that_could_happen_is_no_plan(shipped: Engine) -> None:
    rumour = (
        "In Berlin kursieren Gerüchte, dass Bundeskanzler Olaf Scholz in den nächsten Tagen nach "
        "Moskau reisen könnte."
    )
    assert visits(shipped, rumour, "de") == set()
    plan = "Bundeskanzler Olaf Scholz wird in den nächsten Tagen nach Moskau reisen."
    assert visits(shipped, plan, "de") == {("Olaf Scholz", "Russia", "announced")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Dans un communiqué, Antonio Guterres a exhorté Washington à prolonger les dérogations "
            "accordées aux importateurs de pétrole iranien et à lever les sanctions contre l'Iran.",
        ),
        (
            "en",
            "Antonio Guterres urged Washington to extend the waivers for buyers of Iranian oil and "
            "to lift the sanctions on Iran.",
        ),
    ],
)
def test_the_second_thing_asked_for_is_asked_for_too(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Deutschland muss auf dem Gipfel «Nein» zur Verlängerung der Sanktionen gegen Russland "
            "sagen, sagte der Abgeordnete.",
        ),
        ("en", "Hungary blocked the extension of EU sanctions on Russia on Monday."),
    ],
)
def test_an_extension_opposed_has_not_happened(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == set()


def test_a_relief_told_in_a_clause_of_time_is_not_opposed(shipped: Engine) -> None:
    text = (
        "Zimbabwe rejected the new sanctions on Tuesday, a day after Washington lifted the broader "
        "sanctions programme against the country."
    )
    assert ("United States", "lift") in {s[:2] for s in sanctions(shipped, text, "en")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Договоренностей о новом телефонном разговоре президента России Владимира Путина и "
            "президента США Дональда Трампа пока нет.",
        ),
        (
            "uk",
            "Домовленостей про нову телефонну розмову між Володимиром Зеленським і Дональдом "
            "Трампом поки немає.",
        ),
    ],
)
def test_arrangements_for_a_call_are_no_call(shipped: Engine, lang: str, text: str) -> None:
    assert calls(shipped, text, lang) == set()


# --- a planned visit, named after its noun ------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "visitor", "host"),
    [
        (
            "fr",
            "Les deux présidents ont évoqué le programme de la visite prévue du président Macron "
            "en Algérie.",
            "Emmanuel Macron",
            "Algeria",
        ),
        (
            "es",
            "Los ministros hablaron de la visita prevista del presidente Lula a China.",
            "Luiz Inácio Lula da Silva",
            "China",
        ),
    ],
)
def test_a_visit_planned_is_announced(
    shipped: Engine, lang: str, text: str, visitor: str, host: str
) -> None:
    assert visits(shipped, text, lang) == {(visitor, host, "announced")}


# --- where sanctions were earned is not whom they target ---------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Les Etats-Unis ont imposé lundi des sanctions à sept responsables russes en "
            "représailles à des actes de provocation en Ukraine.",
        ),
        (
            "en",
            "The United States imposed new sanctions on Russia on Monday for its role in the war "
            "in Ukraine.",
        ),
    ],
)
def test_the_place_of_the_offence_is_no_target(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == {("United States", "impose", "Russia")}


def test_a_place_is_the_target_when_no_one_else_is(shipped: Engine) -> None:
    text = "The European Union imposed sanctions on Monday on twelve companies in China."
    assert sanctions(shipped, text, "en") == {("European Union", "impose", "China")}


# --- who acts, and with what ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "El Gobierno de Nicolás Maduro rechazó la extensión de las sanciones impuesta por la "
            "Unión Europea.",
        ),
        (
            "fr",
            "Le gouvernement de Nicolás Maduro a dénoncé les sanctions imposées par l'Union "
            "européenne.",
        ),
    ],
)
def test_a_leaders_government_speaks_for_his_state(shipped: Engine, lang: str, text: str) -> None:
    assert ("Venezuela", "condemn", "European Union") in sanctions(shipped, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Les États-Unis ont imposé mardi des restrictions aux secteurs clés de l'économie de "
            "la Russie.",
        ),
        ("en", "The United States imposed restrictions on Russia's key sectors on Tuesday."),
    ],
)
def test_restrictions_a_state_imposes_on_another_are_sanctions(
    shipped: Engine, lang: str, text: str
) -> None:
    assert ("United States", "impose") in {s[:2] for s in sanctions(shipped, text, lang)}


def test_restrictions_at_home_are_no_sanctions(shipped: Engine) -> None:
    text = "Le gouvernement français a imposé des restrictions de circulation pendant la canicule."
    assert sanctions(shipped, text, "fr") == set()


def test_a_so_called_name_is_no_call(shipped: Engine) -> None:
    text = "The spokeswoman criticised the so-called Magnitsky list drawn up by Britain."
    assert calls(shipped, text, "en") == set()


def test_calling_a_person_is_still_a_call(shipped: Engine) -> None:
    text = "Emmanuel Macron called Joe Biden on Tuesday, the Elysée said."
    assert calls(shipped, text, "en") == {("Emmanuel Macron", "Joe Biden", "phone")}
