"""Guests of a summit whose host is told by a verb or a noun ("es sede de", "hosts"), arrivals "in
the country", attendance confirmed; a package still in the making is a threat; a freeze told as
a noun is a decision; a second call told as separate is its own; "Der Kreml" opening a sentence
is its subject. Passages written for these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from support.passages import NOW, PUBLISHED, calls, sanctions, visits

# --- summit guests -------------------------------------------------------------------------


def test_the_host_of_a_summit_receives_the_guests_arriving_in_the_country(
    shipped: Engine,
) -> None:
    text = (
        "Panamá es sede de la cumbre regional, que se celebra entre el jueves y el viernes.\n\n"
        "Ya han llegado al país el presidente de Colombia, Gustavo Petro, y el presidente de "
        "Chile, Gabriel Boric.\n\n"
        "Además, han confirmado su asistencia el presidente de Brasil, Luiz Inácio Lula da "
        "Silva, y el presidente de Argentina, Javier Milei."
    )
    found = visits(shipped, text, "es")
    assert {
        ("Gustavo Petro", "Panama", "ongoing"),
        ("Gabriel Boric", "Panama", "ongoing"),
        ("Luiz Inácio Lula da Silva", "Panama", "announced"),
        ("Javier Milei", "Panama", "announced"),
    } <= found


def test_a_summit_host_told_in_english(shipped: Engine) -> None:
    text = (
        "Kazakhstan hosts the regional summit on Thursday and Friday. "
        "Narendra Modi and Recep Tayyip Erdogan have confirmed their attendance."
    )
    assert {
        ("Narendra Modi", "Kazakhstan", "announced"),
        ("Recep Tayyip Erdoğan", "Kazakhstan", "announced"),
    } <= visits(shipped, text, "en")


def test_a_guest_confirmed_with_no_summit_anywhere_goes_nowhere(shipped: Engine) -> None:
    text = "Javier Milei ha confirmado su asistencia a la boda de un amigo."
    assert visits(shipped, text, "es") == set()


def test_a_swiss_canton_is_no_trip_to_china(shipped: Engine) -> None:
    text = "Der Bundespräsident Frank-Walter Steinmeier besucht am Donnerstag den Kanton Zürich."
    assert not any(host == "China" for _, host, _ in visits(shipped, text, "de"))


# --- sanctions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Евросоюз приступил к работе над 21-м пакетом санкций против России."),
        ("uk", "Євросоюз розпочав роботу над 21-м пакетом санкцій проти Росії."),
        ("it", "L'Unione Europea sta per lavorare sul 21° pacchetto di sanzioni contro la Russia."),
        ("es", "La Unión Europea trabaja ya en un paquete de sanciones contra Rusia."),
    ],
)
def test_a_package_in_the_making_is_a_threat(shipped: Engine, lang: str, text: str) -> None:
    found = sanctions(shipped, text, lang)
    assert ("European Union", "threaten", "Russia") in found
    assert not any(action == "impose" for _, action, _ in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Ottawa a annoncé mardi le gel des avoirs de quatre généraux de l'armée birmane.",
        ),
        ("en", "Ottawa on Tuesday announced an asset freeze on four Myanmar army generals."),
    ],
)
def test_a_freeze_told_as_a_noun_is_imposed(shipped: Engine, lang: str, text: str) -> None:
    assert ("Canada", "impose", "Myanmar") in sanctions(shipped, text, lang)


def test_a_court_ordering_a_freeze_is_no_sanction(shipped: Engine) -> None:
    text = "Un juge de Lyon a ordonné le gel des avoirs d'un ancien banquier accusé d'escroquerie."
    assert sanctions(shipped, text, "fr") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Der Kreml hat die neuen Sanktionen der USA gegen russische Reedereien scharf kritisiert.",
        "Der Kreml bedauert, dass Washington erneut auf Sanktionen gegen russische Firmen setzt.",
        "Peskow sagte, der Kreml bedauere die neuen Sanktionen der USA gegen russische Banken.",
    ],
)
def test_the_kremlin_opening_a_german_sentence_condemns(shipped: Engine, text: str) -> None:
    assert any(
        actor == "Russia" and action == "condemn"
        for actor, action, _ in sanctions(shipped, text, "de")
    )


def test_a_demand_to_revoke_so_called_sanctions_lifts_nothing(shipped: Engine) -> None:
    text = "中方对此表示强烈不满，要求美方立即停止错误做法，撤销所谓制裁。"
    assert not any(action == "lift" for _, action, _ in sanctions(shipped, text, "zh"))


# --- calls ---------------------------------------------------------------------------------


def test_a_call_told_as_separate_is_a_second_call(shipped: Engine) -> None:
    text = (
        "Antony Blinken spoke by telephone with Olaf Scholz on Tuesday and, in a separate call, "
        "with Emmanuel Macron."
    )
    found = calls(shipped, text, "en")
    assert {
        ("Antony Blinken", "Olaf Scholz", "phone"),
        ("Antony Blinken", "Emmanuel Macron", "phone"),
    } <= found


def test_a_call_held_with_a_leader(shipped: Engine) -> None:
    text = "Fumio Kishida held a 30-minute call with Chinese President Xi Jinping on Monday."
    assert ("Fumio Kishida", "Xi Jinping", "phone") in calls(shipped, text, "en")


def test_a_call_with_reporters_is_no_call_with_a_leader(shipped: Engine) -> None:
    text = "Fumio Kishida had a call with reporters on Monday and said Xi Jinping was welcome."
    assert calls(shipped, text, "en") == set()


# --- relief only wished, weighed or discussed ------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Il leader della Lega: revocherei subito le sanzioni alla Russia."),
        (
            "ru",
            "Если перемирие продержится, мы можем начать рассматривать поэтапную отмену санкций "
            "против России, сказал президент Финляндии.",
        ),
        ("ru", "Президент Финляндии допустил ослабление санкций против России после перемирия."),
        (
            "fr",
            "Le Kremlin a indiqué que le dossier pourrait être évoqué avec la question de la "
            "levée des sanctions contre la Russie.",
        ),
        (
            "es",
            "Brasil hizo votos para que el diálogo entre las partes conduzca al levantamiento de "
            "las sanciones de Estados Unidos contra Venezuela.",
        ),
    ],
)
def test_a_relief_wished_or_discussed_lifts_nothing(shipped: Engine, lang: str, text: str) -> None:
    assert not any(action == "lift" for _, action, _ in sanctions(shipped, text, lang))


def test_a_call_said_to_be_off_the_table_is_none(shipped: Engine) -> None:
    text = (
        "У Кремлі заявили, що наразі не йдеться про телефонну розмову між Володимиром Путіним "
        "і Володимиром Зеленським."
    )
    assert calls(shipped, text, "uk") == set()


def test_the_morning_of_today_is_no_tomorrow(shipped: Engine) -> None:
    # "la mañana" is the morning; "mañana" alone is tomorrow (published Wednesday 6 March)
    held = (
        "Claudia Sheinbaum y Justin Trudeau sostuvieron una llamada telefónica la mañana de "
        "este miércoles."
    )
    ahead = (
        "Claudia Sheinbaum y Justin Trudeau sostendrán una llamada telefónica mañana por la mañana."
    )
    assert calls(shipped, held, "es") == {("Claudia Sheinbaum", "Justin Trudeau", "phone")}
    assert calls(shipped, ahead, "es") == set()


def test_a_german_host_with_the_party_in_brackets_receives(shipped: Engine) -> None:
    text = (
        "Bundeskanzler Olaf Scholz (SPD) hat den kanadischen Premierminister Justin Trudeau am "
        "Mittwoch in Berlin empfangen."
    )
    assert ("Justin Trudeau", "Germany", "ongoing") in visits(shipped, text, "de")


def test_a_third_leader_met_during_a_trip_hosts_no_trip(shipped: Engine) -> None:
    text = (
        "Narendra Modi held talks with Japanese Prime Minister Fumio Kishida on Tuesday, on the "
        "second day of his visit to Russia."
    )
    found = visits(shipped, text, "en")
    assert any(host == "Russia" for _, host, _ in found)
    assert not any(host == "Japan" for _, host, _ in found)


def test_the_host_met_during_a_trip_stays_its_host(shipped: Engine) -> None:
    text = "Emmanuel Macron held talks with Vladimir Putin on Tuesday during his visit to Russia."
    article = Article(id="t", text=text, language="en", published_at=PUBLISHED)
    trips = [a for a in shipped.tag(article, now=NOW) if a.event_type == "state_visit"]
    assert [{t.name for t in a.targets} for a in trips] == [{"Russia", "Vladimir Putin"}]
