"""Who hosts and who travels where no parser says so (a host named before a host verb, a traveller
named in a relative clause on the trip noun), the stops of a tour (a list closed by a city, the
last stop of a tour, a trip that was to have started), where a trip stands (an arrival against
the plan of the next clause, a stop told after another trip), places that are no destination,
and a few words of calls and sanctions. Passages written for these tests, read as published on
Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from support.passages import NOW, PUBLISHED, calls, sanctions, visits

# --- who hosts, who travels ------------------------------------------------------------------


def test_the_host_named_before_a_host_verb_receives_the_guest(shipped: Engine) -> None:
    text = "La premier Giorgia Meloni riceverà il primo ministro croato Andrej Plenković."
    article = Article(id="t", text=text, language="it", published_at=PUBLISHED)
    found = [a for a in shipped.tag(article, now=NOW) if a.event_type == "state_visit"]
    assert [(a.actors[0].name, a.attributes["status"]) for a in found] == [
        ("Andrej Plenković", "announced")
    ]
    assert {"Italy", "Giorgia Meloni"} <= {t.name for t in found[0].targets}


def test_a_city_that_plays_host_receives_each_guest_listed(shipped: Engine) -> None:
    text = (
        "New Delhi will play host to US President Joe Biden and Canadian Prime Minister "
        "Justin Trudeau."
    )
    assert visits(shipped, text, "en") == {
        ("Joe Biden", "India", "announced"),
        ("Justin Trudeau", "India", "announced"),
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "it",
            "Il presidente serbo Aleksandar Vučić ha parlato alla vigilia della visita ufficiale "
            "che il capo dello Stato Sergio Mattarella effettuerà lunedì a Belgrado.",
            ("Sergio Mattarella", "Serbia", "announced"),
        ),
        (
            "ru",
            "Песков рассказал о визите, который Владимир Путин совершит в Китай в мае.",
            ("Vladimir Putin", "China", "announced"),
        ),
    ],
)
def test_the_person_named_in_a_relative_clause_on_the_trip_noun_travels(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert visits(shipped, text, lang) == {expected}


def test_a_country_named_in_the_sentence_is_that_country(shipped: Engine) -> None:
    text = (
        "Desde el domingo se encuentra en Lima, Perú, el presidente colombiano Iván Duque, que "
        "realiza una visita de Estado a ese país."
    )
    assert visits(shipped, text, "es") == {("Iván Duque", "Peru", "ongoing")}


# --- the stops of a tour ---------------------------------------------------------------------


def test_a_list_of_stops_closed_by_a_city_keeps_its_countries(shipped: Engine) -> None:
    text = "El secretario de Estado Mike Pompeo viajará a Chile, Paraguay, Perú y Cúcuta, Colombia."
    hosts = {host for _, host, _ in visits(shipped, text, "es")}
    assert {"Chile", "Paraguay", "Peru"} <= hosts


def test_the_last_stop_of_a_tour_is_no_earlier_trip(shipped: Engine) -> None:
    text = "Il viaggio di Giorgia Meloni in Asia si concluderà con un'ultima tappa a Tokyo."
    assert ("Giorgia Meloni", "Japan", "announced") in visits(shipped, text, "it")


def test_a_trip_that_was_to_have_started_is_off(shipped: Engine) -> None:
    text = "Il viaggio di Giorgia Meloni in Giappone sarebbe dovuto iniziare domenica."
    assert visits(shipped, text, "it") == {("Giorgia Meloni", "Japan", "cancelled")}


def test_a_german_trip_put_off_at_the_end_of_the_clause_is_cancelled(shipped: Engine) -> None:
    text = "Dass Olaf Scholz eine Reise nach Kasachstan verschieben ließ, überraschte Beobachter."
    assert visits(shipped, text, "de") == {("Olaf Scholz", "Kazakhstan", "cancelled")}


# --- where a trip stands ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Donald Trump's state visit to the United Kingdom has been delayed.", "cancelled"),
        (
            "Donald Trump's state visit to the United Kingdom has been delayed until June.",
            "announced",
        ),
    ],
)
def test_a_trip_delayed_is_off_unless_a_new_date_is_set(
    shipped: Engine, text: str, status: str
) -> None:
    assert visits(shipped, text, "en") == {("Donald Trump", "United Kingdom", status)}


def test_an_arrival_is_not_made_a_plan_by_the_next_clause(shipped: Engine) -> None:
    text = "Giorgia Meloni è arrivata in Giappone, a Tokyo, dove ha in programma una visita."
    assert visits(shipped, text, "it") == {("Giorgia Meloni", "Japan", "ongoing")}


def test_a_stop_told_after_another_trip_takes_no_date_of_the_next(shipped: Engine) -> None:
    text = (
        "Dopo la visita di Stato in Oman, Giorgia Meloni è atterrata a Tokyo dove venerdì è in "
        "programma il bilaterale."
    )
    assert ("Giorgia Meloni", "Oman", "completed") in visits(shipped, text, "it")


def test_the_year_of_publication_alone_dates_nothing(shipped: Engine) -> None:
    # read in March 2024, "the 2024 summit" is neither last year's nor months ahead
    text = "Joe Biden travelled to Japan for the 2024 summit of the alliance."
    assert visits(shipped, text, "en") == {("Joe Biden", "Japan", "completed")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Прем'єр-міністр Польщі Матеуш Моравецький їде до Києва."),
        ("ru", "Премьер-министр Польши Матеуш Моравецкий едет в Киев."),
    ],
)
def test_a_leader_on_the_way_has_not_arrived(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == {("Mateusz Morawiecki", "Ukraine", "announced")}


# --- places that are no destination ----------------------------------------------------------


def test_a_place_before_that_is_where_something_is_said(shipped: Engine) -> None:
    text = (
        "Председатель КНР Си Цзиньпин прибыл с государственным визитом в Россию. В Пекине "
        "ожидают, что визит укрепит доверие между странами."
    )
    assert visits(shipped, text, "ru") == {("Xi Jinping", "Russia", "ongoing")}


def test_whether_it_be_in_mali_is_no_stay(shipped: Engine) -> None:
    text = "Que ce soit au Mali ou en Libye, M. Laurent Fabius a dit que la France agira."
    assert visits(shipped, text, "fr") == set()


def test_a_german_noun_of_time_is_no_part_of_a_name(shipped: Engine) -> None:
    text = "Es heißt, dass Olaf Scholz kommende Woche Moskau besucht."
    assert visits(shipped, text, "de") == {("Olaf Scholz", "Russia", "announced")}


# --- calls and sanctions ---------------------------------------------------------------------


def test_a_dialogue_by_way_of_telephone_is_a_call(shipped: Engine) -> None:
    text = "Los presidentes Gustavo Petro y Donald Trump sostuvieron un diálogo vía telefónica."
    assert calls(shipped, text, "es") == {("Gustavo Petro", "Donald Trump", "phone")}


def test_the_two_officials_are_the_pair_named_before(shipped: Engine) -> None:
    text = (
        "Antony Blinken and Sergey Lavrov held direct talks for the first time in months. "
        "The two officials spoke by phone on Friday."
    )
    assert calls(shipped, text, "en") == {("Antony Blinken", "Sergey Lavrov", "phone")}


def test_a_state_compelled_to_impose_sanctions_threatens_them(shipped: Engine) -> None:
    text = "Deutschland wird gezwungen sein, Wirtschaftssanktionen gegen China zu verhängen."
    assert sanctions(shipped, text, "de") == {("Germany", "threaten", "China")}


def test_an_appeal_to_others_to_impose_sanctions_is_no_threat(shipped: Engine) -> None:
    text = "Die Opposition forderte die Regierung auf, Sanktionen gegen China zu verhängen."
    assert sanctions(shipped, text, "de") == set()


def test_an_appeal_called_el_llamado_is_no_call(shipped: Engine) -> None:
    text = (
        "El canciller cubano Bruno Rodríguez dijo que Estados Unidos debe escuchar el llamado "
        "de ambos pueblos."
    )
    assert calls(shipped, text, "es") == set()


def test_a_stadium_closed_as_a_penalty_is_no_state_sanction(shipped: Engine) -> None:
    text = (
        "También se sancionó a Serbia con el cierre parcial de su estadio por la conducta de sus "
        "aficionados en el partido ante Suiza."
    )
    assert sanctions(shipped, text, "es") == set()
