"""Names written in a case the watchlist does not hold, a denial standing behind a list of
names, one call told twice, calls told by their verb, people named only in the headline, where a
trip stands when German puts its verb last, and sanctions that are old, given back, proposed or
only supposed. Passages written for these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from support.passages import NOW, PUBLISHED, calls, sanctions, visits

# --- names and the people they stand for ----------------------------------------------------


def test_a_first_name_in_a_case_form_belongs_to_the_watched_surname(shipped: Engine) -> None:
    text = (
        "Президент России Владимир Путин провёл телефонный разговор с канцлером Германии "
        "Олафом Шольцем."
    )
    assert calls(shipped, text, "ru") == {("Vladimir Putin", "Olaf Scholz", "phone")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Телефонного разговора с канцлером Германии Олафом Шольцем и президентом США Джо "
            "Байденом нет в планах Путина, сообщил Кремль.",
        ),
        (
            "uk",
            "У Кремлі заявили, що про розмову телефоном між Володимиром Путіним і президентом "
            "України Володимиром Зеленським не йдеться.",
        ),
    ],
)
def test_a_denial_after_a_list_of_the_calls_parties_still_denies_it(
    shipped: Engine, lang: str, text: str
) -> None:
    assert calls(shipped, text, lang) == set()


def test_a_call_retold_with_the_states_alone_is_the_same_call(shipped: Engine) -> None:
    text = (
        "Президент России Владимир Путин провёл телефонный разговор с президентом Украины "
        "Владимиром Зеленским. Президенты России и Украины пообщались по телефону впервые за "
        "год."
    )
    article = Article(id="t", text=text, language="ru", published_at=PUBLISHED)
    found = [a for a in shipped.tag(article, now=NOW) if a.event_type == "phone_call"]
    assert len(found) == 1
    assert {"Vladimir Putin", "Volodymyr Zelenskyy"} <= {
        p.name for p in found[0].actors + found[0].targets
    }


def test_people_named_in_the_headline_hold_the_bodys_titles(shipped: Engine) -> None:
    text = (
        "La conversation téléphonique tant attendue entre les deux présidents a enfin eu lieu "
        "mardi. Le dirigeant américain a reconnu des maladresses. Le président français a "
        "annoncé le retour de son ambassadeur."
    )
    titled = Article(
        id="t",
        text=text,
        title="Macron et Biden, l'heure de la réconciliation",
        language="fr",
        published_at=PUBLISHED,
    )
    found = [a for a in shipped.tag(titled, now=NOW) if a.event_type == "phone_call"]
    assert [{p.name for p in a.actors + a.targets} for a in found] == [
        {"Joe Biden", "Emmanuel Macron"}
    ]
    # without the headline nobody is named: the titles place nobody
    assert calls(shipped, text, "fr") == set()


# --- calls told by their verb ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il presidente americano Joe Biden ha chiamato Giorgia Meloni ieri sera.",
            {("Joe Biden", "Giorgia Meloni", "phone")},
        ),
        (
            "La premier Giorgia Meloni ha sentito stamattina il presidente ucraino Volodymyr "
            "Zelensky.",
            {("Giorgia Meloni", "Volodymyr Zelenskyy", "phone")},
        ),
        ("Giorgia Meloni ha chiamato gli alleati a una risposta comune.", set()),
    ],
)
def test_an_italian_call_told_by_calling_or_hearing_someone(
    shipped: Engine, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert calls(shipped, text, "it") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Переговоры Путина и Байдена прошли в формате телемоста."),
        ("uk", "Переговори Путіна і Байдена пройшли у форматі телемосту."),
    ],
)
def test_talks_over_a_television_link_are_a_video_call(
    shipped: Engine, lang: str, text: str
) -> None:
    assert calls(shipped, text, lang) == {("Vladimir Putin", "Joe Biden", "video")}


# --- where a trip stands ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Die Regierung bestätigte, dass Bundeskanzler Olaf Scholz am Freitag nach Israel "
            "reisen wird.",
            {("Olaf Scholz", "Israel", "announced")},
        ),
        (
            "de",
            "Olaf Scholz reist am Freitag nach Israel. Danach ist auch eine Reise nach Ägypten "
            "vorgesehen.",
            {("Olaf Scholz", "Israel", "announced"), ("Olaf Scholz", "Egypt", "announced")},
        ),
        (
            "de",
            "Noch am Abend wollte Annalena Baerbock ihre Reise antreten, die sie nach Paris führt.",
            {("Annalena Baerbock", "France", "announced")},
        ),
        (
            "ru",
            "В Кремле сообщили, что Владимир Путин решил отменить визит в Париж.",
            {("Vladimir Putin", "France", "cancelled")},
        ),
    ],
)
def test_a_trip_whose_verb_comes_last_or_is_still_to_be_called_off(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert visits(shipped, text, lang) == expected


# --- sanctions old, given back, proposed or supposed -----------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Washington on Tuesday restored sanctions waivers to Iran for civil nuclear work.",
            {("United States", "lift", "Iran")},
        ),
        (
            "en",
            "The United States allowed food sales to Iran's sanctioned central bank.",
            set(),
        ),
        (
            "ru",
            "Еврокомиссия согласовала новый пакет санкций против России.",
            {("European Commission", "threaten", "Russia")},
        ),
        (
            "uk",
            "Він наголосив, що зняття американських санкцій з Росії завдало б удару по Україні.",
            set(),
        ),
    ],
)
def test_sanctions_old_given_back_proposed_or_only_supposed(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert sanctions(shipped, text, lang) == expected


def test_a_target_phrase_passes_its_role_to_the_state_that_owns_its_noun(
    shipped: Engine,
) -> None:
    text = "Die US-Regierung hat gegen das Finanzsystem des Iran neue Sanktionen verhängt."
    assert sanctions(shipped, text, "de") == {("United States", "impose", "Iran")}


# --- not a party, not a trip, not a real call ------------------------------------------------


def test_a_portfolio_the_ner_took_for_a_name_is_no_target(shipped: Engine) -> None:
    text = (
        "L'UE va geler des avoirs russes, a annoncé son haut représentant aux Affaires "
        "étrangères, Josep Borrell."
    )
    assert {t for _, _, t in sanctions(shipped, text, "fr")} <= {"Russia"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Rosario Murillo tiene vetado viajar a la UE desde el año pasado."),
        ("it", "A Rosario Murillo è vietato recarsi nell'Unione europea."),
    ],
)
def test_a_travel_ban_is_no_trip(shipped: Engine, lang: str, text: str) -> None:
    assert visits(shipped, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "La premier Giorgia Meloni è stata tratta in inganno al telefono da un comico che si "
            "spacciava per il presidente della Commissione dell'Unione africana.",
        ),
        (
            "en",
            "Two Russian pranksters posing as an African Union official held a phone call with "
            "Giorgia Meloni.",
        ),
    ],
)
def test_a_prank_call_is_no_call(shipped: Engine, lang: str, text: str) -> None:
    assert calls(shipped, text, lang) == set()


def test_eu_in_mexican_spanish_is_the_united_states(shipped: Engine) -> None:
    text = "Delcy Rodríguez confirmó que EU levantará algunas de sus sanciones a Venezuela."
    assert sanctions(shipped, text, "es") == {("United States", "lift", "Venezuela")}
