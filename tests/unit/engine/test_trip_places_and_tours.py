"""Where a trip goes and how far along it is: a place inside another clause is no destination,
the end of a route is, co-hosts receive no one, a call received is no guest, and of a tour told
in one sentence only one stop is under way. Passages written for these tests, read as published
on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import visits


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a relative clause on the trip noun still tells the trip
        (
            "en",
            "Xi Jinping is in Senegal, on a tour that will take him to Rwanda next week.",
            {("Xi Jinping", "Senegal", "ongoing"), ("Xi Jinping", "Rwanda", "announced")},
        ),
        (
            "en",
            "Narendra Modi is due to travel overnight by train from the Polish frontier to Kyiv.",
            {("Narendra Modi", "Ukraine", "announced")},
        ),
        (
            "en",
            "Janet Yellen, who is currently in Zambia, is due in South Africa on Friday.",
            {("Janet Yellen", "Zambia", "ongoing"), ("Janet Yellen", "South Africa", "announced")},
        ),
        # a stay told by the verb of being somewhere
        (
            "ru",
            "Премьер-министр Индии Нарендра Моди находится в Москве с официальным визитом.",
            {("Narendra Modi", "Russia", "ongoing")},
        ),
        (
            "uk",
            "Реджеп Таїп Ердоган перебуває у Києві.",
            {("Recep Tayyip Erdoğan", "Ukraine", "ongoing")},
        ),
    ],
)
def test_the_destination_is_the_trips_own_place(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert visits(shipped, text, lang) == expected


def test_a_place_in_a_later_clause_is_no_destination(shipped: Engine) -> None:
    # the war is in Ukraine; the guest is in Poland
    text = (
        "Narendra Modi held talks with Donald Tusk in Warsaw on Tuesday. Modi was received with "
        "military honours at the Chancellery before the two leaders spoke about farming and the "
        "war in Ukraine."
    )
    assert {host for _, host, _ in visits(shipped, text, "en")} == {"Poland"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The UN embargo on arms sales to Iran came back into force on Sunday."),
        ("ru", "Сергей Лавров находится в больнице."),
        # a host verb's guest is a person: countries welcomed are a statement
        ("en", "Egypt on Friday welcomed the signing of a truce between Armenia and Azerbaijan."),
        ("en", "Brazil welcomed Argentina and Chile into the new trade bloc on Monday."),
        # an invitation read without a parse is no trip until it is accepted
        (
            "es",
            "Lula habló por teléfono con Pedro Sánchez, quien le renovó la invitación a "
            "visitarlo en Madrid.",
        ),
        # the co-hosts of a conference are not its guests
        (
            "en",
            "Talks in Geneva hosted by Switzerland, Norway and the United Nations, planned for "
            "Friday, were put off after one side stayed away.",
        ),
        # a call received, with its day between commas, is no guest received
        (
            "fr",
            "Le président algérien Abdelmadjid Tebboune a reçu, mardi, un appel téléphonique "
            "d'Emmanuel Macron.",
        ),
    ],
)
def test_no_trip(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()


def test_a_reception_with_the_hosts_party_in_brackets(shipped: Engine) -> None:
    text = (
        "Der britische Premierminister Keir Starmer ist am Mittwoch von Bundeskanzler Olaf "
        "Scholz (SPD) im Kanzleramt empfangen worden."
    )
    assert visits(shipped, text, "de") == {("Keir Starmer", "Germany", "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "zh",
            "国务院总理李强3月5日乘专机离开北京，对新西兰、澳大利亚和马来西亚进行正式访问。",
            {
                ("Li Qiang", "New Zealand", "ongoing"),
                ("Li Qiang", "Australia", "announced"),
                ("Li Qiang", "Malaysia", "announced"),
            },
        ),
        # a stop told under way on its own is the one under way
        (
            "en",
            "Emmanuel Macron left Paris on Monday for a tour of Kenya, Tanzania and Angola. He "
            "is in Tanzania today.",
            {
                ("Emmanuel Macron", "Kenya", "announced"),
                ("Emmanuel Macron", "Tanzania", "ongoing"),
                ("Emmanuel Macron", "Angola", "announced"),
            },
        ),
    ],
)
def test_one_stop_of_a_tour_is_under_way(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert visits(shipped, text, lang) == expected


def test_a_meeting_being_arranged_is_no_meeting_held(shipped: Engine) -> None:
    text = (
        "Gustavo Petro y Donald Trump hablaron por teléfono el martes. Según Trump, sus equipos "
        "están organizando una reunión con el presidente colombiano en la Casa Blanca."
    )
    assert ("Gustavo Petro", "United States", "completed") not in visits(shipped, text, "es")


def test_an_arrival_with_no_place_goes_where_every_trip_of_the_article_goes(
    shipped: Engine,
) -> None:
    text = (
        "Joe Biden arrived in Lima on Wednesday for the APEC summit, the last of his term. The "
        "meeting of Pacific Rim economies is dominated by trade worries. Security in the city "
        "centre has been tightened, and schools are closed for three days. Peruvian officials "
        "said some forty thousand police officers were on duty. Xi Jinping and Anthony "
        "Albanese arrived on Wednesday evening."
    )
    assert visits(shipped, text, "en") == {
        ("Joe Biden", "Peru", "ongoing"),
        ("Xi Jinping", "Peru", "ongoing"),
        ("Anthony Albanese", "Peru", "ongoing"),
    }


def test_an_arrival_with_no_place_stays_unplaced_when_trips_go_to_several_countries(
    shipped: Engine,
) -> None:
    text = (
        "Joe Biden arrived in Lima on Wednesday for the APEC summit. Emmanuel Macron is in "
        "Argentina for talks with Javier Milei. Security in the city centre has been tightened, "
        "and schools are closed for three days. Peruvian officials said some forty thousand "
        "police officers were on duty. Xi Jinping arrived on Wednesday evening."
    )
    assert "Xi Jinping" not in {visitor for visitor, _, _ in visits(shipped, text, "en")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Xi Jinping welcomed Lula at the Great Hall of the People on Wednesday.", "Luiz"),
        ("es", "A invitación de Pedro Sánchez, Lula visitará Madrid la próxima semana.", "Luiz"),
    ],
)
def test_a_person_received_or_invited_by_a_host_still_travels(
    shipped: Engine, lang: str, text: str, expected: str
) -> None:
    assert any(visitor.startswith(expected) for visitor, _, _ in visits(shipped, text, lang))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Olaf Scholz ist am Dienstag nach Paris gereist, um über den Krieg in der Ukraine zu "
            "sprechen.",
            {"France"},
        ),
        (
            "it",
            "Giorgia Meloni ha rinviato il viaggio in Giappone per seguire la crisi in Ucraina.",
            {"Japan"},
        ),
    ],
)
def test_the_scene_of_a_conflict_is_no_destination(
    shipped: Engine, lang: str, text: str, expected: set[str]
) -> None:
    assert {host for _, host, _ in visits(shipped, text, lang)} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "it",
            "Tra un mese esatto la visita di Stato del presidente Sergio Mattarella a San Marino.",
            {("Sergio Mattarella", "San Marino", "announced")},
        ),
        (
            "ru",
            "Через неделю Владимир Путин посетит Китай.",
            {("Vladimir Putin", "China", "announced")},
        ),
        (
            "es",
            "Dentro de dos semanas, la visita oficial de Pedro Sánchez a China.",
            {("Pedro Sánchez", "China", "announced")},
        ),
    ],
)
def test_a_time_counted_ahead_dates_a_plan(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert visits(shipped, text, lang) == expected


def test_a_family_name_written_first_names_the_same_person_again(shipped: Engine) -> None:
    text = (
        "Chinese President Hu Jintao arrived in Washington on Wednesday for a state visit. Hu "
        "will be welcomed at the White House by Barack Obama on Thursday."
    )
    assert {visitor for visitor, _, _ in visits(shipped, text, "en")} == {"Hu Jintao"}
