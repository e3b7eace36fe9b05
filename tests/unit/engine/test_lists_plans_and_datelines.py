"""Destinations listed after "five countries:" or after a city ("Tashkent, Uzbekistan"); trips
only being prepared, or told under a verb in the future; a trip that was to have happened;
packages presented; lists of sanctioned firms in Chinese; a dateline under a standfirst; towns
named like everyday words. Passages written for these tests, read as published on Wednesday
6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from newswatch.engine.pipeline import dateline_at
from support.passages import sanctions, visits

# --- where a trip goes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El presidente Gabriel Boric visitó tres países: Francia, España e Italia."),
        ("de", "Bundeskanzler Olaf Scholz besuchte drei Länder: Frankreich, Spanien und Italien."),
        ("en", "President Joe Biden visited three countries: France, Spain and Italy."),
    ],
)
def test_the_countries_listed_after_a_count_are_the_stops(
    shipped: Engine, lang: str, text: str
) -> None:
    hosts = {host for _, host, _ in visits(shipped, text, lang)}
    assert {"France", "Spain", "Italy"} <= hosts


def test_a_colon_after_anything_else_still_ends_the_object(shipped: Engine) -> None:
    text = "El presidente Gabriel Boric visitó la feria: Francia presentó sus vinos."
    assert not any(host == "France" for _, host, _ in visits(shipped, text, "es"))


def test_the_country_after_a_city_is_the_destination(shipped: Engine) -> None:
    text = "El presidente Santiago Peña visitará Taskent, Uzbekistán, la próxima semana."
    assert ("Santiago Peña", "Uzbekistan", "announced") in visits(shipped, text, "es")


def test_a_french_past_participle_tagged_as_a_noun_is_still_a_visit(shipped: Engine) -> None:
    text = "Le président Emmanuel Macron a visité le Kenya et Djibouti cette semaine."
    assert {
        ("Emmanuel Macron", "Kenya", "completed"),
        ("Emmanuel Macron", "Djibouti", "completed"),
    } <= visits(shipped, text, "fr")


def test_a_town_named_like_a_word_is_no_destination(shipped: Engine) -> None:
    # Pápa is a Hungarian town; "el Papa" is the Pope
    text = "El presidente Javier Milei viajó el lunes a Roma para una visita al Papa."
    assert not any(host == "Hungary" for _, host, _ in visits(shipped, text, "es"))


def test_places_build_leaves_out_towns_named_like_words_of_another_language() -> None:
    pytest.importorskip("wordfreq", reason="places_build's development dependency")
    from newswatch.engine.places_build import _everyday_word

    assert _everyday_word("Papa", "HU")  # the Pope in Italian and Spanish
    assert _everyday_word("Presidente", "BR")
    assert not _everyday_word("Bordeaux", "FR")  # frequent in French as the city it is
    assert not _everyday_word("Brescia", "IT")


# --- when -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "visitor", "host"),
    [
        ("en", "President Joe Biden is preparing to travel to Israel.", "Joe Biden", "Israel"),
        (
            "fr",
            "Le président Emmanuel Macron se prépare à se rendre en Chine.",
            "Emmanuel Macron",
            "China",
        ),
        (
            "es",
            "El presidente Gustavo Petro se alista para viajar a China.",
            "Gustavo Petro",
            "China",
        ),
        (
            "de",
            "Bundeskanzler Olaf Scholz bereitet sich auf seine Reise nach China vor.",
            "Olaf Scholz",
            "China",
        ),
    ],
)
def test_a_trip_being_prepared_is_ahead(
    shipped: Engine, lang: str, text: str, visitor: str, host: str
) -> None:
    assert (visitor, host, "announced") in visits(shipped, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        (
            "es",
            "El presidente Gustavo Petro hablará con la prensa durante su visita a China.",
            "announced",
        ),
        (
            "es",
            "El presidente Gustavo Petro habló con la prensa durante su visita a China.",
            "completed",
        ),
        (
            "it",
            "Il presidente Sergio Mattarella incontrerà la stampa durante la sua visita in Cina.",
            "announced",
        ),
    ],
)
def test_a_verb_in_the_future_before_a_trip_noun_puts_the_trip_ahead(
    shipped: Engine, lang: str, text: str, status: str
) -> None:
    assert {status for _, host, status in visits(shipped, text, lang) if host == "China"} == {
        status
    }


def test_a_trip_that_was_to_have_happened_is_called_off(shipped: Engine) -> None:
    text = "La presidente Giorgia Meloni sarebbe dovuta andare ad Hanoi, in Vietnam e poi a Seul."
    found = visits(shipped, text, "it")
    assert ("Giorgia Meloni", "Vietnam", "cancelled") in found
    assert not any(status != "cancelled" for _, _, status in found)


# --- sanctions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Евросоюз представит новый пакет санкций против России в понедельник."),
        ("ru", "Разработка Брюсселем нового пакета санкций против России началась на этой неделе."),
        ("uk", "Євросоюз представить новий пакет санкцій проти Росії в понеділок."),
        (
            "de",
            "Die Europäische Union legte am Freitag ein neues Sanktionspaket gegen Russland vor.",
        ),
    ],
)
def test_a_package_presented_or_drafted_is_a_threat(shipped: Engine, lang: str, text: str) -> None:
    found = sanctions(shipped, text, lang)
    assert ("European Union", "threaten", "Russia") in found
    assert not any(action == "impose" for _, action, _ in found)


def test_measures_made_known_are_imposed(shipped: Engine) -> None:
    text = "Die Regierung der USA gab am Donnerstag Strafmaßnahmen gegen russische Banken bekannt."
    assert ("United States", "impose", "Russia") in sanctions(shipped, text, "de")


@pytest.mark.parametrize(
    ("text", "listing", "listed"),
    [
        ("中国商务部25日发布公告，将5家美国企业列入不可靠实体清单。", "China", "United States"),
        ("美国商务部宣布将12家中国企业列入实体清单。", "United States", "China"),
    ],
)
def test_the_state_before_the_object_marker_lists_the_firms(
    shipped: Engine, text: str, listing: str, listed: str
) -> None:
    assert sanctions(shipped, text, "zh") == {(listing, "impose", listed)}


def test_the_mainland_ministry_of_taiwanese_copy_is_chinas(shipped: Engine) -> None:
    text = "大陸商務部25日公告，將3家美國企業列入不可靠實體清單。"
    assert sanctions(shipped, text, "zh") == {("China", "impose", "United States")}


def test_the_party_whose_deeds_are_the_reason_is_sanctioned(shipped: Engine) -> None:
    text = "中国外交部因美国对台军售，宣布制裁7家美国军工企业。"
    assert sanctions(shipped, text, "zh") == {("China", "impose", "United States")}


def test_firms_said_to_be_on_a_list_are_no_new_listing(shipped: Engine) -> None:
    text = "被列入不可靠实体清单的5家美国企业将被禁止从事与中国有关的进出口活动。"
    assert sanctions(shipped, text, "zh") == set()


# --- datelines -----------------------------------------------------------------------------


def test_a_dateline_under_a_standfirst_is_found() -> None:
    text = "The council voted on Wednesday.\n\nWASHINGTON (Sputnik) — On Tuesday, it was put off."
    start, end = dateline_at(text)
    assert text[start:end] == "WASHINGTON (Sputnik) — "
    assert dateline_at("Lead paragraph.\n\nPutin: Russia will answer.") == (0, 0)


def test_the_place_and_agency_of_a_dateline_under_a_standfirst_act_in_nothing(
    shipped: Engine,
) -> None:
    text = (
        "The Security Council adopted new sanctions against North Korea on Wednesday.\n\n"
        "WASHINGTON (Sputnik) — The draft resolution imposing tougher sanctions on North Korea "
        "had been discussed on Tuesday."
    )
    assert not any(actor == "United States" for actor, _, _ in sanctions(shipped, text, "en"))


def test_a_dateline_written_as_a_place_and_a_date_is_found() -> None:
    for text, dateline in (
        ("Panamá, 11 abr (EFE).- El presidente habló.", "Panamá, 11 abr (EFE).- "),
        (
            "Ciudad de México, 5 mar (EFE).- El presidente habló.",
            "Ciudad de México, 5 mar (EFE).- ",
        ),
        ("Belgrado, 23 maggio 2015 – Il presidente ha parlato.", "Belgrado, 23 maggio 2015 – "),
    ):
        start, end = dateline_at(text)
        assert text[start:end] == dateline
    # a name and its office between commas is no dateline
    assert dateline_at("Emmanuel Macron, président de la République, a dit – non.") == (0, 0)


# --- who travels ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "visitor", "host"),
    [
        (
            "ru",
            "Токаев рассказал журналистам о визите Владимира Путина в Казахстан.",
            "Vladimir Putin",
            "Kazakhstan",
        ),
        (
            "uk",
            "Зеленський розповів журналістам про візит Дональда Трампа до Києва.",
            "Donald Trump",
            "Ukraine",
        ),
    ],
)
def test_the_person_in_the_genitive_after_a_trip_noun_travels(
    shipped: Engine, lang: str, text: str, visitor: str, host: str
) -> None:
    found = visits(shipped, text, lang)
    assert any(v == visitor and h == host for v, h, _ in found)
    assert not any(v != visitor for v, _, _ in found)


def test_entry_bans_issued_in_the_plural_are_imposed(shipped: Engine) -> None:
    text = (
        "Die EU-Außenminister erließen am Freitag Einreiseverbote gegen zwölf Bürger aus Belarus."
    )
    assert ("European Union", "impose", "Belarus") in sanctions(shipped, text, "de")
