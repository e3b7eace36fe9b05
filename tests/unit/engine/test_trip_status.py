"""A trip's status as wire copy tells it: departures from cities, presence, raised subjects,
plans withdrawn, titles of leaders the watchlist does not hold.

Passages written for these tests, read as published on Wednesday 6 March 2024.
"""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from newswatch.engine.places import homeland, sovereigns
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Macky Sall a quitté vendredi soir Sotchi après un entretien avec Vladimir Poutine.",
        ),
        ("en", "Narendra Modi departed Sochi on Friday after talks with the Russian leader."),
        ("es", "Narendra Modi abandonó Sochi el viernes tras reunirse con Vladimir Putin."),
        ("it", "Narendra Modi ha lasciato venerdì Sochi dopo i colloqui con Vladimir Putin."),
        (
            "de",
            "Narendra Modi hat am Freitag Sotschi nach Gesprächen mit Wladimir Putin verlassen.",
        ),
    ],
)
def test_a_city_left_is_the_host_of_a_trip_now_over(shipped: Engine, lang: str, text: str) -> None:
    found = visits(shipped, text, lang)
    assert ("Russia", "completed") in {(v[1], v[2]) for v in found}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a ship, not a leader, left the port
        (
            "en",
            "The first grain ship brokered by Turkey and the United Nations left Odesa on Monday.",
        ),
        # a French leader leaving a French territory's capital made a domestic trip
        ("fr", "Emmanuel Macron a quitté Nouméa jeudi soir après trois jours de consultations."),
        ("fr", "Emmanuel Macron est arrivé mercredi à Nouméa pour une visite de deux jours."),
        # leaving office is no trip; "sich auf ... verlassen" is relying on someone
        ("en", "Narendra Modi left office in 2014."),
        ("de", "Deutschland kann sich auf Frankreich verlassen, sagte Olaf Scholz."),
    ],
)
def test_no_trip_is_read_into_other_departures(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()


def test_a_territory_belongs_to_its_state() -> None:
    assert sovereigns()["NC"] == "FR"
    assert sovereigns()["HK"] == "CN"
    assert "PF" in homeland(["FR"]) and "FR" in homeland(["FR"])
    assert homeland(["BR"]) == {"BR"}


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        ("en", "Narendra Modi was in Wellington on Monday.", "completed"),
        ("en", "Narendra Modi is in Wellington for talks with Christopher Luxon.", "ongoing"),
        ("en", "Narendra Modi will be in Wellington on Friday.", "announced"),
        ("fr", "Narendra Modi était lundi à Wellington.", "completed"),
        ("fr", "Narendra Modi se trouve depuis mardi en Nouvelle-Zélande.", "ongoing"),
        ("fr", "Narendra Modi sera vendredi à Wellington.", "announced"),
        ("en", "Narendra Modi touched down in Wellington on Wednesday morning.", "ongoing"),
        # a support verb in the present, a stay "for" the visit
        ("es", "Narendra Modi realiza una visita oficial a Nueva Zelanda.", "ongoing"),
        ("de", "Narendra Modi ist zu einem dreitägigen Besuch in Neuseeland.", "ongoing"),
        (
            "en",
            "Donald Trump arrived in Beijing on Wednesday, beginning his three-day state visit "
            "to China.",
            "ongoing",
        ),
    ],
)
def test_presence_takes_its_status_from_the_tense(
    shipped: Engine, lang: str, text: str, status: str
) -> None:
    assert {(v[0], v[2]) for v in visits(shipped, text, lang)} == {
        (
            "Donald Trump" if "Trump" in text else "Narendra Modi",
            status,
        )
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Narendra Modi est favorable à un accord avec la Nouvelle-Zélande."),
        ("fr", "Narendra Modi est prêt à discuter avec la Nouvelle-Zélande."),
        ("en", "Narendra Modi was in office when the deal was signed."),
    ],
)
def test_being_somewhere_is_not_every_use_of_to_be(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Narendra Modi is set to visit New Zealand next month.",
        "Narendra Modi is expected to visit New Zealand next month.",
    ],
)
def test_the_subject_of_a_raising_verb_is_the_traveller(shipped: Engine, text: str) -> None:
    assert visits(shipped, text, "en") == {("Narendra Modi", "New Zealand", "announced")}


def test_a_title_names_the_unlisted_leader_it_introduced(shipped: Engine) -> None:
    text = (
        "Maldivian President Mohamed Nasheed arrived in Pakistan today. "
        "The Maldivian president will visit India next week."
    )
    assert ("Mohamed Nasheed", "India", "announced") in visits(shipped, text, "en")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Donald Trump will not visit Ireland next month as planned, officials said.",
            "cancelled",
        ),
        ("fr", "Emmanuel Macron ne se rendra pas comme prévu à Maurice, vendredi.", "cancelled"),
        ("de", "Olaf Scholz reist nicht wie geplant am Freitag nach China.", "cancelled"),
        (
            "fr",
            "Emmanuel Macron est contraint de reporter sa visite officielle à Maurice.",
            "cancelled",
        ),
        # the date of a trip called off is the plan's, still ahead, not last year's March
        (
            "en",
            "External Affairs Minister Subrahmanyam Jaishankar has postponed his March 28-31 "
            "visit to Tanzania.",
            "cancelled",
        ),
        # a plain negation still denies the trip
        ("en", "Donald Trump will not visit Ireland, the White House said.", None),
    ],
)
def test_a_plan_not_kept_as_planned_is_cancelled(
    shipped: Engine, lang: str, text: str, expected: str | None
) -> None:
    statuses = {v[2] for v in visits(shipped, text, lang)}
    assert statuses == ({expected} if expected else set())


@pytest.mark.parametrize(
    ("lang", "text", "hosts"),
    [
        (
            "en",
            "Barack Obama will travel to Indonesia and Australia next week.",
            {"Indonesia", "Australia"},
        ),
        (
            "en",
            "Xi Jinping will travel to Senegal, Rwanda and South Africa next week.",
            {"Senegal", "Rwanda", "South Africa"},
        ),
        (
            "es",
            "Sebastián Piñera viajará a Turquía y China la próxima semana.",
            {"Turkey", "China"},
        ),
        # a comma alone closes no list: Rwanda's president is no stop of the trip
        (
            "en",
            "Xi Jinping will travel to Senegal, Rwanda's president said on Monday.",
            {"Senegal"},
        ),
    ],
)
def test_every_country_listed_as_a_destination_is_a_stop(
    shipped: Engine, lang: str, text: str, hosts: set[str]
) -> None:
    assert {v[1] for v in visits(shipped, text, lang)} == hosts


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        ("en", "Barack Obama postponed his trip to Indonesia until June.", "announced"),
        ("en", "Barack Obama postponed his trip to Indonesia to a later date.", "cancelled"),
        ("en", "Barack Obama postponed his trip to Indonesia.", "cancelled"),
        ("fr", "La visite d'Emmanuel Macron en Algérie a été reportée au printemps.", "announced"),
        (
            "fr",
            "La visite d'Emmanuel Macron en Algérie a été reportée à une date ultérieure.",
            "cancelled",
        ),
        ("es", "La visita de Pedro Sánchez a Marruecos fue aplazada hasta marzo.", "announced"),
        (
            "de",
            "Der Besuch von Olaf Scholz in China wurde auf unbestimmte Zeit verschoben.",
            "cancelled",
        ),
    ],
)
def test_a_trip_put_off_to_a_new_date_is_still_ahead(
    shipped: Engine, lang: str, text: str, status: str
) -> None:
    assert {v[2] for v in visits(shipped, text, lang)} == {status}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the place left is still the host today; the next stop lies ahead
        (
            "fr",
            "Xi Jinping va quitter Dakar en fin de matinée à destination de Kigali.",
            {("Senegal", "ongoing"), ("Rwanda", "announced")},
        ),
        (
            "fr",
            "Xi Jinping poursuit une tournée qui le mènera au Rwanda et en Afrique du Sud.",
            {("Rwanda", "announced"), ("South Africa", "announced")},
        ),
        (
            "en",
            "Xi Jinping is in Senegal, on a tour that will take him to Rwanda next week.",
            {("Senegal", "ongoing"), ("Rwanda", "announced")},
        ),
        (
            "de",
            "Drei Tage lang bleibt König Willem-Alexander in Deutschland.",
            {("Germany", "ongoing")},
        ),
    ],
)
def test_the_next_stops_of_a_tour_lie_ahead(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(v[1], v[2]) for v in visits(shipped, text, lang)} == expected


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        # published on Wednesday: Monday and Tuesday make a two-day visit, over by now
        ("en", "Narendra Modi arrived in Wellington on Monday for a two-day visit.", "completed"),
        ("en", "Narendra Modi arrived in Wellington on Monday for a three-day visit.", "ongoing"),
        ("en", "Narendra Modi arrived in Wellington on Tuesday for a two-day visit.", "ongoing"),
        (
            "fr",
            "Narendra Modi est arrivé lundi à Wellington pour une visite de deux jours.",
            "completed",
        ),
        (
            "de",
            "Narendra Modi ist am Montag zu einem zweitägigen Besuch in Neuseeland eingetroffen.",
            "completed",
        ),
        (
            "es",
            "Narendra Modi llegó el lunes a Wellington para una visita de dos días.",
            "completed",
        ),
        ("en", "Narendra Modi began a two-day visit to New Zealand on Monday.", "completed"),
        ("en", "Narendra Modi arrived in Japan on Friday for a three-day visit.", "completed"),
        # five days in, a two-week visit is still under way
        ("en", "Narendra Modi arrived in Japan on Friday for a two-week visit.", "ongoing"),
        # "three days ago" dates the arrival; it says nothing of the trip's length
        ("en", "Narendra Modi arrived in Wellington three days ago.", "ongoing"),
    ],
)
def test_a_trip_of_a_stated_length_ends_when_its_days_are_over(
    shipped: Engine, lang: str, text: str, status: str
) -> None:
    assert {v[2] for v in visits(shipped, text, lang)} == {status}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the end of the first day is not the end of the trip
        (
            "en",
            "Donald Trump delivered a speech at the end of the first day of his state visit to "
            "Britain.",
            ("United Kingdom", "ongoing"),
        ),
        (
            "fr",
            "Donald Trump a prononcé un discours à l'issue de la première journée de sa visite "
            "d'État au Royaume-Uni.",
            ("United Kingdom", "ongoing"),
        ),
        (
            "en",
            "Donald Trump left London at the end of his state visit to Britain.",
            ("United Kingdom", "completed"),
        ),
        # setting foot in the country: there now
        ("en", "Joe Biden set foot in Peru on Wednesday.", ("Peru", "ongoing")),
        (
            "es",
            "El presidente Joe Biden pisó suelo peruano tras descender del avión.",
            ("Peru", "ongoing"),
        ),
        (
            "it",
            "Il presidente Xi Jinping ha messo piede in Italia per la prima volta.",
            ("Italy", "ongoing"),
        ),
    ],
)
def test_the_words_around_a_trip_tell_how_far_it_has_gone(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str]
) -> None:
    assert {(v[1], v[2]) for v in visits(shipped, text, lang)} == {expected}


def test_a_tour_stop_reached_is_under_way_while_the_next_lie_ahead(shipped: Engine) -> None:
    # the landing names no place: it is the one stop of the tour not still ahead; the last
    # stop, "before heading to", has no tense of its own and is part of the plan
    text = (
        "President Samia Suluhu Hassan received Brazilian President Luiz Inácio Lula da Silva at"
        " State House in Dodoma, the opening leg of his three-country swing through East Africa."
        " Lula touched down on Tuesday night. From Dodoma, Lula will travel to Kampala and then"
        " on to Kigali before heading to Addis Ababa."
    )
    assert {(v[1], v[2]) for v in visits(shipped, text, "en")} == {
        ("Tanzania", "ongoing"),
        ("Uganda", "announced"),
        ("Rwanda", "announced"),
        ("Ethiopia", "announced"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "s'envoler pour" leaves for a place: on the way, or there
        ("Luiz Inácio Lula da Silva s'est envolé lundi pour Pékin.", {("China", "ongoing")}),
        # the small model tags "visites" as an adjective here
        (
            "Sergueï Lavrov effectuera des visites officielles en Égypte et en Ouganda.",
            {("Egypt", "announced"), ("Uganda", "announced")},
        ),
        ("Sergueï Lavrov se rendra dans la capitale égyptienne.", {("Egypt", "announced")}),
        # left today "en direction de" the host, "où il effectue" (a present the small model
        # tags as a future): under way, and the next day's program does not make it a plan
        (
            "Narendra Modi a quitté, mercredi, en début d'après-midi, New Delhi en direction de"
            " Tokyo, où il effectue une visite de deux jours au Japon.\n\nIl aura jeudi un"
            " entretien avec son homologue japonais et sera reçu par l'empereur.",
            {("Japan", "ongoing")},
        ),
    ],
)
def test_french_departures_plural_visits_and_trips_into_a_place(
    shipped: Engine, text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(v[1], v[2]) for v in visits(shipped, text, "fr")} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "Funcionarios de la administración de Joe Biden viajaron a Caracas para reunirse con"
            " Nicolás Maduro.",
        ),
        ("en", "Biden administration officials travelled to Caracas to meet Nicolás Maduro."),
        ("fr", "Des émissaires de Joe Biden se sont rendus à Caracas."),
    ],
)
def test_the_leader_whose_officials_travel_is_no_traveller(
    shipped: Engine, lang: str, text: str
) -> None:
    assert visits(shipped, text, lang) == set()


def test_an_official_of_an_administration_is_the_traveller(shipped: Engine) -> None:
    text = "Antony Blinken, of the Biden administration, travelled to Beijing."
    assert visits(shipped, text, "en") == {("Antony Blinken", "China", "completed")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a past tense read from the verb's ending where no tagger gives one, and an explicit
        # end that outweighs the arrival told after it
        (
            "ru",
            "Владимир Путин улетел из США после пятичасового визита. На Аляску российский лидер"
            " прибыл во вторник вечером.",
            {("United States", "completed")},
        ),
        (
            "uk",
            "Володимир Зеленський вилетів із США після зустрічі з Дональдом Трампом.",
            {("United States", "completed")},
        ),
        # a capital A written without its accent
        (
            "fr",
            "A la veille de sa visite à Chypre, Emmanuel Macron a appelé son homologue.",
            {("Cyprus", "announced")},
        ),
    ],
)
def test_flights_out_and_the_eve_of_a_trip(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(v[1], v[2]) for v in visits(shipped, text, lang)} == expected
