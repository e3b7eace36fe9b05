"""Reading a whole article: lists of travellers, bare titles, surnames, strangers' trips.

Passages written for these tests; the shipped watchlist names the people.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newswatch.contracts import Alert, Article
from newswatch.engine import Engine, events

NOW = datetime(2024, 3, 5, 12, tzinfo=UTC)


def _visits(engine: Engine, text: str, lang: str) -> set[tuple[str, str, str]]:
    article = Article(id="t", text=text, language=lang, published_at="2024-03-05T10:00:00+00:00")
    alerts: list[Alert] = engine.tag(article, now=NOW)
    return {
        (a.actors[0].name, a.targets[0].name, a.attributes["status"])
        for a in alerts
        if a.event_type == "state_visit"
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Emmanuel Macron, Olaf Scholz et Mario Draghi sont arrivés mardi à Kiev."),
        ("en", "Emmanuel Macron, Olaf Scholz and Mario Draghi arrived in Kyiv on Tuesday."),
        (
            "fr",
            "Les présidents Emmanuel Macron (France), Olaf Scholz (Allemagne) et Mario Draghi "
            "(Italie) sont arrivés mardi à Kiev.",
        ),
    ],
)
def test_every_listed_traveller_makes_a_visit(shipped: Engine, text: str, lang: str) -> None:
    assert {v[0] for v in _visits(shipped, text, lang)} == {
        "Emmanuel Macron",
        "Olaf Scholz",
        "Mario Draghi",
    }


def test_titles_between_the_names_keep_the_list_together(shipped: Engine) -> None:
    text = (
        "La Première ministre italienne Giorgia Meloni, le Premier ministre canadien Justin "
        "Trudeau, son homologue belge Alexander De Croo et la présidente de la Commission "
        "européenne Ursula von der Leyen sont arrivés lundi matin à Kiev par le train de nuit."
    )
    assert {v[0] for v in _visits(shipped, text, "fr")} == {
        "Giorgia Meloni",
        "Justin Trudeau",
        "Alexander De Croo",
        "Ursula von der Leyen",
    }


def test_the_host_in_a_relative_clause_is_not_a_traveller(shipped: Engine) -> None:
    # "reçu par Xi" belongs to the relative clause's verb: Xi receives, he does not arrive.
    text = "Viktor Orbán est arrivé lundi à Pékin, où il a été reçu par Xi Jinping."
    assert _visits(shipped, text, "fr") == {("Viktor Orbán", "China", "ongoing")}


def test_people_met_there_do_not_travel(shipped: Engine) -> None:
    text = (
        "Antony Blinken est arrivé lundi à Kiev, où il a rencontré Volodymyr Zelensky "
        "et Denys Chmyhal."
    )
    assert {v[0] for v in _visits(shipped, text, "fr")} == {"Antony Blinken"}


def test_a_bare_title_is_the_story_s_protagonist(shipped: Engine) -> None:
    """The host named last is not "le chef de l'État" of the next sentence: the traveller is."""
    text = (
        "Emmanuel Macron est arrivé mardi au Caire, où il a été reçu par le président égyptien "
        "Abdel Fattah al-Sissi.\n\n"
        "Le chef de l'État venait d'Amman. Lundi, il s'était rendu en Jordanie, où il a été "
        "accueilli par le roi Abdallah II."
    )
    visitors = {v[0] for v in _visits(shipped, text, "fr")}
    assert visitors == {"Emmanuel Macron"}


def test_a_surname_alone_is_the_person_named_in_full_before(shipped: Engine) -> None:
    text = (
        "Australian Foreign Minister Penny Wong spoke with her Indian counterpart on Monday.\n\n"
        "Ms. Wong will travel to Japan next week, her office said."
    )
    assert ("Penny Wong", "Japan", "announced") in _visits(shipped, text, "en")


def test_a_stranger_s_trip_far_down_does_not_change_the_leader_s(shipped: Engine) -> None:
    text = (
        "Anthony Albanese will travel to India next month, his office said.\n\n"
        "The two governments are expected to sign a trade agreement. Officials have worked on "
        "the text for a year. Business groups welcomed the plan. Exporters hope for lower "
        "tariffs.\n\n"
        "Meanwhile, the Australian cricket team arrived in India on Sunday."
    )
    assert _visits(shipped, text, "en") == {("Anthony Albanese", "India", "announced")}


def test_a_travel_ban_is_no_visit(shipped: Engine) -> None:
    text = "Gennady Timchenko is now banned from travelling to the United Kingdom."
    assert _visits(shipped, text, "en") == set()


def _sanctions(engine: Engine, text: str, lang: str) -> set[tuple[str, tuple[str, ...], str]]:
    article = Article(id="t", text=text, language=lang, published_at="2024-03-05T10:00:00+00:00")
    return {
        (
            " + ".join(p.name for p in a.actors),
            tuple(sorted(p.name for p in a.targets)),
            a.attributes["action"],
        )
        for a in engine.tag(article, now=NOW)
        if a.event_type == "sanctions"
    }


def test_every_listed_state_takes_its_own_sanctions(shipped: Engine) -> None:
    text = (
        "Britain, Canada and the United States imposed sanctions on Iran on Monday over the "
        "drone deliveries."
    )
    found = _sanctions(shipped, text, "en")
    assert {actor for actor, _, _ in found} == {"United Kingdom", "Canada", "United States"}
    assert {(targets, action) for _, targets, action in found} == {(("Iran",), "impose")}


def test_critics_speaking_together_make_one_event(shipped: Engine) -> None:
    text = "La Chine et la Russie ont condamné mardi les nouvelles sanctions contre l'Iran."
    found = _sanctions(shipped, text, "fr")
    assert len(found) == 1
    assert next(iter(found))[2] == "condemn"


def test_unnamed_officials_stand_for_their_country(shipped: Engine) -> None:
    text = "Washington a sanctionné mardi quatre hauts responsables iraniens."
    assert _sanctions(shipped, text, "fr") == {("United States", ("Iran",), "impose")}


@pytest.mark.parametrize(
    "text",
    [
        "Selon des rumeurs, Emmanuel Macron se serait rendu discrètement à Abou Dhabi.",
        "Emmanuel Macron aurait souhaité se rendre à Moscou avant l'été.",
    ],
)
def test_hearsay_in_the_conditional_perfect_is_no_trip(shipped: Engine, text: str) -> None:
    assert _visits(shipped, text, "fr") == set()


def test_the_conditional_of_reported_plans_still_announces(shipped: Engine) -> None:
    text = "Emmanuel Macron a annoncé qu'il se rendrait à Moscou la semaine prochaine."
    assert _visits(shipped, text, "fr") == {("Emmanuel Macron", "Russia", "announced")}


def test_a_town_the_ner_took_for_a_person_is_nobody(shipped: Engine) -> None:
    # "Après Poza Rica, ... la présidente s'est rendue à ...": the town travelled nowhere.
    french = shipped.pipelines.patterns["fr"]
    assert shipped._not_a_person("Poza Rica", french)
    assert shipped._not_a_person("Mardi", french)
    assert not shipped._not_a_person("Bassirou Diomaye Faye", french)


def test_a_phrase_for_several_leaders_makes_a_visit_for_each(shipped: Engine) -> None:
    text = (
        "Emmanuel Macron, Friedrich Merz, Keir Starmer et Donald Tusk veulent afficher leur "
        "unité. Les quatre dirigeants, arrivés lundi matin à Kiev en train, ont été accueillis "
        "par Volodymyr Zelensky."
    )
    assert _visits(shipped, text, "fr") == {
        (name, "Ukraine", "ongoing")
        for name in ("Emmanuel Macron", "Friedrich Merz", "Keir Starmer", "Donald Tusk")
    }


def test_one_trip_told_twice_is_one_alert_still_under_way(shipped: Engine) -> None:
    # Talks held during the trip are over; the trip, begun yesterday, is not.
    text = (
        "U.S. Secretary of State Antony Blinken arrived in the Democratic Republic of Congo on "
        "Monday. Blinken held talks with President Felix Tshisekedi. Blinken came to Kinshasa "
        "from Pretoria, where he had met South African officials."
    )
    assert _visits(shipped, text, "en") == {
        ("Antony Blinken", "Democratic Republic of the Congo", "ongoing")
    }


def test_the_critic_of_western_sanctions_is_not_their_owner(shipped: Engine) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov denounced Western sanctions on Russia as illegal."
    )
    assert _sanctions(shipped, text, "en") == {("Russia", ("the West",), "condemn")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The European Union is working on a new package of sanctions against Russia."),
        ("fr", "L'Union européenne travaille à un nouveau paquet de sanctions contre la Russie."),
        ("fr", "Les Vingt-Sept ont convenu lundi de préparer des sanctions contre la Russie."),
    ],
)
def test_sanctions_in_preparation_are_a_threat(shipped: Engine, lang: str, text: str) -> None:
    assert _sanctions(shipped, text, lang) == {("European Union", ("Russia",), "threaten")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Annalena Baerbock est arrivée lundi soir dans la capitale chinoise."),
        ("en", "Annalena Baerbock arrived in the Chinese capital on Monday evening."),
    ],
)
def test_a_capital_named_by_its_demonym_is_the_destination(
    shipped: Engine, lang: str, text: str
) -> None:
    assert _visits(shipped, text, lang) == {("Annalena Baerbock", "China", "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text", "visit"),
    [
        (
            "en",
            "Indian Foreign Minister Subrahmanyam Jaishankar met his Japanese counterpart "
            "Yoko Kamikawa in Tokyo on Tuesday to discuss maritime security.",
            ("Subrahmanyam Jaishankar", "Japan", "ongoing"),
        ),
        (
            "en",
            "In Ankara, Russian Foreign Minister Sergei Lavrov met Turkish President Recep "
            "Tayyip Erdogan on Monday.",
            ("Sergey Lavrov", "Turkey", "completed"),
        ),
        (
            # the host named first: the guest is still the one abroad
            "fr",
            "Le président turc Recep Tayyip Erdogan a rencontré mardi à Ankara le ministre "
            "russe des Affaires étrangères Sergueï Lavrov.",
            ("Sergey Lavrov", "Turkey", "ongoing"),
        ),
    ],
)
def test_talks_in_the_other_sides_country_are_a_visit(
    shipped: Engine, lang: str, text: str, visit: tuple[str, str, str]
) -> None:
    assert _visits(shipped, text, lang) == {visit}


def test_talks_at_a_conference_in_a_third_country_are_both_sides_trips(shipped: Engine) -> None:
    """Both came to Geneva for the conference: a trip abroad to a gathering is a visit to its
    host country (ANNOTATION.md), as the dev corpus's annotators labelled such talks."""
    text = (
        "Indian Foreign Minister Subrahmanyam Jaishankar met his Japanese counterpart Yoko "
        "Kamikawa in Geneva on Tuesday on the sidelines of a UN conference."
    )
    assert {(v[0], v[1]) for v in _visits(shipped, text, "en")} == {
        ("Subrahmanyam Jaishankar", "Switzerland"),
        ("Yoko Kamikawa", "Switzerland"),
    }


def test_a_watched_surname_after_an_honorific_is_that_person(shipped: Engine) -> None:
    text = (
        "Le ministre canadien des Affaires étrangères, François-Philippe Champagne, a plaidé "
        "lundi pour une enquête indépendante.\n\nM. Champagne se rendra jeudi à Londres pour "
        "une réunion des pays endeuillés."
    )
    assert _visits(shipped, text, "fr") == {
        ("François-Philippe Champagne", "United Kingdom", "announced")
    }


def test_a_trip_with_no_place_goes_to_the_summit_just_placed(shipped: Engine) -> None:
    text = (
        "Le sommet de l'Otan s'est ouvert mardi à Vilnius sur fond de guerre en Ukraine. Le "
        "président américain Joe Biden a fait le déplacement avec son conseiller."
    )
    assert {v[:2] for v in _visits(shipped, text, "fr")} == {("Joe Biden", "Lithuania")}


def test_a_summit_placed_long_before_gives_no_destination(shipped: Engine) -> None:
    text = (
        "Le sommet de l'Otan s'est ouvert mardi à Vilnius. Les débats ont porté sur l'Ukraine. "
        "Les alliés ont promis des munitions. Un communiqué a suivi. Le président américain "
        "Joe Biden a fait le déplacement avec son conseiller."
    )
    assert _visits(shipped, text, "fr") == set()


def test_an_island_is_placed_in_its_country_not_in_a_town_of_its_name(shipped: Engine) -> None:
    text = (
        "Le sommet du G20 s'est ouvert mardi à Bali. Le président américain Joe Biden a fait "
        "le déplacement avec son conseiller."
    )
    assert {v[:2] for v in _visits(shipped, text, "fr")} == {("Joe Biden", "Indonesia")}


def test_a_list_of_travellers_after_the_verb_is_a_trip_of_its_own(shipped: Engine) -> None:
    # "in the Kazakh capital they also expect presidents M. and R.": found by word order only,
    # but a list of people is no stray name to fold into Xi's trip
    text = (
        "Голова КНР Сі Цзіньпін прибув до Астани в понеділок. У середу до казахстанської "
        "столиці очікують також президентів Шавката Мірзійоєва та Емомалі Рахмона."
    )
    assert _visits(shipped, text, "uk") == {
        ("Xi Jinping", "Kazakhstan", "ongoing"),
        ("Shavkat Mirziyoyev", "Kazakhstan", "announced"),
        ("Emomali Rahmon", "Kazakhstan", "announced"),
    }


def test_a_date_inside_a_clause_on_the_object_does_not_date_the_verb() -> None:
    # "imposed bans on firms it listed last year": "last year" dates the listing, not the bans
    words = ["EU", "imposed", "bans", "on", "firms", "it", "listed", "last", "year"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 1, 1, 1, 3, 6, 4, 8, 6],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "nsubj", "relcl", "amod", "npadvmod"],
        pos=["PROPN", "VERB", "NOUN", "ADP", "NOUN", "PRON", "VERB", "ADJ", "NOUN"],
    )
    attached = events._attached(doc[1:2])
    assert {3, 4} <= attached
    assert not attached & {7, 8}


@pytest.mark.parametrize(
    "critic",
    [
        "Russia's ambassador to London, Andrei Kelin, said the sanctions were illegal.",
        "Kremlin spokesman Dmitry Peskov said the measures were illegal.",
    ],
)
def test_an_official_criticises_for_the_state_that_sent_them(shipped: Engine, critic: str) -> None:
    text = "Britain imposed sanctions on five Russian banks on Tuesday. " + critic
    article = Article(id="t", text=text, language="en", published_at="2024-03-05T10:00:00+00:00")
    alerts = shipped.tag(article, now=NOW)
    assert {
        (a.attributes["action"], a.actors[0].name, a.targets[0].name)
        for a in alerts
        if a.event_type == "sanctions"
    } == {("impose", "United Kingdom", "Russia"), ("condemn", "Russia", "United Kingdom")}


def _events(engine: Engine, text: str, lang: str) -> set[tuple[str, str]]:
    article = Article(id="t", text=text, language=lang, published_at="2024-03-05T10:00:00+00:00")
    return {
        (a.event_type, next(iter(a.attributes.values()), "")) for a in engine.tag(article, now=NOW)
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A phone call between Joe Biden and Xi Jinping did not take place."),
        ("en", "A phone call between Joe Biden and Xi Jinping is being discussed."),
        (
            "fr",
            "A l'Élysée, on reconnaît qu'un entretien téléphonique entre les deux présidents "
            "Emmanuel Macron et Abdelmadjid Tebboune est « évoqué », sans date.",
        ),
        ("en", "A visit by Joe Biden to China is under consideration."),
        ("en", "Biden says a China trip is not in the cards this year."),
        ("en", "New sanctions on Russia are off the table, Emmanuel Macron said."),
    ],
)
def test_an_event_its_predicate_denies_or_defers_is_no_event(
    shipped: Engine, lang: str, text: str
) -> None:
    assert _events(shipped, text, lang) == set()


def test_a_visit_that_will_not_take_place_is_cancelled(shipped: Engine) -> None:
    text = (
        "La visite d'État du président chinois Xi Jinping au Japon, attendue en avril, n'aura "
        "pas lieu comme prévu."
    )
    assert _events(shipped, text, "fr") == {("state_visit", "cancelled")}


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        ("en", "A visit by Joe Biden to China is expected next week.", "announced"),
        ("fr", "Une visite de Joe Biden en Chine est prévue la semaine prochaine.", "announced"),
        ("en", "Joe Biden has been received by Xi Jinping in Beijing.", "completed"),
        ("fr", "Joe Biden a été reçu par Xi Jinping à Pékin.", "completed"),
    ],
)
def test_a_present_passive_is_no_past_tense(
    shipped: Engine, lang: str, text: str, status: str
) -> None:
    assert _events(shipped, text, lang) == {("state_visit", status)}


def test_a_list_of_places_before_a_verb_at_the_end_is_every_stop(shipped: Engine) -> None:
    text = (
        "Außenministerin Annalena Baerbock wird in der kommenden Woche nach Brunei und Singapur "
        "reisen."
    )
    assert _visits(shipped, text, "de") == {
        ("Annalena Baerbock", "Brunei", "announced"),
        ("Annalena Baerbock", "Singapore", "announced"),
    }


def test_expected_in_a_capital_is_an_announced_trip(shipped: Engine) -> None:
    text = "Saudi Foreign Minister Faisal bin Farhan is expected in Islamabad later this week."
    assert _visits(shipped, text, "en") == {("Faisal bin Farhan Al Saud", "Pakistan", "announced")}


def test_in_touch_is_no_presence(shipped: Engine) -> None:
    text = (
        "Saudi Foreign Minister Faisal bin Farhan will travel to Islamabad next week. The kingdom "
        "is in touch with both capitals, he said."
    )
    assert _visits(shipped, text, "en") == {("Faisal bin Farhan Al Saud", "Pakistan", "announced")}


def test_the_person_named_travels_not_their_country(shipped: Engine) -> None:
    text = (
        "Saudi Minister of State for Foreign Affairs Adel al-Jubeir made an unannounced visit to "
        "New Delhi on Tuesday."
    )
    assert {v[:2] for v in _visits(shipped, text, "en")} == {("Adel al-Jubeir", "India")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Vladimir Putin invited Xi Jinping to visit Russia.", set()),
        ("fr", "Vladimir Poutine a invité Xi Jinping à se rendre en Russie.", set()),
        (
            "en",
            "Vladimir Putin invited Xi Jinping to visit Russia. Xi accepted the invitation.",
            {("Xi Jinping", "Russia", "announced")},
        ),
        (
            "fr",
            "À l'invitation de Vladimir Poutine, Xi Jinping se rendra en Russie la semaine "
            "prochaine.",
            {("Xi Jinping", "Russia", "announced")},
        ),
    ],
)
def test_an_invitation_is_a_plan_only_once_accepted(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _visits(shipped, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Xi Jinping wants to visit Russia one day."),
        ("en", "Xi Jinping is keen to travel to Russia."),
        ("fr", "Xi Jinping voudrait se rendre en Russie."),
    ],
)
def test_a_wish_to_travel_is_no_trip(shipped: Engine, lang: str, text: str) -> None:
    assert _visits(shipped, text, lang) == set()


def test_a_desire_to_meet_is_no_meeting(shipped: Engine) -> None:
    text = "Both Donald Trump and Vladimir Putin have expressed a strong desire to meet in person."
    assert _events(shipped, text, "en") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the auxiliary of a German plan sits far from its verb at the clause's end
        (
            "Olaf Scholz wird nach Angaben eines Sprechers der Bundesregierung in Berlin mit "
            "Wladimir Putin telefonieren.",
            set(),
        ),
        (
            "Olaf Scholz hat nach Angaben eines Sprechers der Bundesregierung in Berlin mit "
            "Wladimir Putin telefoniert.",
            {("phone_call", "phone")},
        ),
    ],
)
def test_a_german_call_still_ahead_is_no_call(
    shipped: Engine, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _events(shipped, text, "de") == expected


def test_a_disciplinary_fine_is_no_state_sanction(shipped: Engine) -> None:
    text = (
        "The Al Sadd club of Qatar was sanctioned with a fine of CHF 20,000 by the regional "
        "football body. The United States imposed sanctions on three Iranian officials."
    )
    assert _events(shipped, text, "en") == {("sanctions", "impose")}
    article = Article(id="t", text=text, language="en", published_at="2024-03-05T10:00:00+00:00")
    [alert] = shipped.tag(article, now=NOW)
    assert [a.name for a in alert.actors] == ["United States"]


def test_a_telephonic_conversation_is_a_phone_call(shipped: Engine) -> None:
    text = (
        "External Affairs Minister Subrahmanyam Jaishankar had a telephonic conversation on "
        "Monday with Japanese Foreign Minister Yoko Kamikawa."
    )
    assert _events(shipped, text, "en") == {("phone_call", "phone")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Foreign Ministry on Wednesday rejected media reports claiming that President "
            "Gotabaya Rajapaksa would make a trip to China next month.",
        ),
        (
            "fr",
            "Le ministère a rejeté jeudi les rumeurs selon lesquelles Emmanuel Macron se rendrait "
            "en Algérie le mois prochain.",
        ),
    ],
)
def test_a_trip_in_reports_that_were_rejected_is_no_trip(
    shipped: Engine, lang: str, text: str
) -> None:
    assert _visits(shipped, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Fijian Prime Minister Sitiveni Rabuka arrived in Wellington on Monday. The trip "
            "comes six weeks after Chris Hipkins returned from a visit to China.",
            {("Sitiveni Rabuka", "New Zealand", "ongoing")},
        ),
        (
            "en",
            "Narendra Modi arrived in Warsaw on Monday. The visit comes a month after Modi's "
            "trip to Moscow.",
            {("Narendra Modi", "Poland", "ongoing")},
        ),
        (
            "de",
            "Sieben Jahre nach dem letzten Besuch eines Regierungschefs in China ist Anthony "
            "Albanese am Montag in Peking eingetroffen.",
            {("Anthony Albanese", "China", "ongoing")},
        ),
        (
            "en",
            "Xi Jinping will travel to Paris two weeks after his visit to Moscow.",
            {("Xi Jinping", "France", "announced"), ("Xi Jinping", "Russia", "announced")},
        ),
    ],
)
def test_a_trip_set_back_by_weeks_after_is_background(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    """'comes six weeks after X's trip': the earlier trip is history and lends the news none of
    its people or places; a plan two weeks after another plan is still a plan."""
    assert _visits(shipped, text, lang) == expected


def test_weeks_after_that_only_dates_the_event_keeps_it(shipped: Engine) -> None:
    text = "Weeks after the election Emmanuel Macron called Joe Biden to congratulate him."
    assert _events(shipped, text, "en") == {("phone_call", "phone")}


def test_sanctions_announced_after_a_day_word_are_imposed(shipped: Engine) -> None:
    """ "a annoncé vendredi des sanctions": the parser reads "des" as a preposition after the day
    word, so the sanctions hang on the verb as an oblique, not an object."""
    text = "La Chine a annoncé vendredi des sanctions contre Nancy Pelosi."
    assert _events(shipped, text, "fr") == {("sanctions", "impose")}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Die EU-Außenminister haben neue Sanktionen gegen den Iran beschlossen.",
            "European Union",
        ),
        ("Die EU-Sanktionen gegen Russland wurden am Freitag verlängert.", "European Union"),
    ],
)
def test_an_acronym_joined_by_a_hyphen_acts(shipped: Engine, text: str, actor: str) -> None:
    """German writes "EU-Außenminister" as one word: the acronym in it still acts."""
    article = Article(id="t", text=text, language="de", published_at="2024-03-05T10:00:00+00:00")
    [alert] = shipped.tag(article, now=NOW)
    assert [a.name for a in alert.actors] == [actor]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Joe Biden and Xi Jinping came to an agreement on Taiwan on Tuesday."),
        ("en", "Xi Jinping came to power in China in 2012."),
        ("es", "El Departamento de Estado revocó las visas de viaje de 49 funcionarios de Cuba."),
        ("fr", "Emmanuel Macron a visité une agence de voyage à Lyon."),
    ],
)
def test_words_of_travel_that_are_no_trip(shipped: Engine, lang: str, text: str) -> None:
    assert _visits(shipped, text, lang) == set()


def test_a_state_is_never_its_own_target(shipped: Engine) -> None:
    text = (
        "Estados Unidos impuso el viernes sanciones a seis oficiales de Venezuela. Las sanciones "
        "bloquean los activos que los funcionarios tienen en los Estados Unidos."
    )
    article = Article(id="t", text=text, language="es", published_at="2024-03-05T10:00:00+00:00")
    alerts = shipped.tag(article, now=NOW)
    assert [([a.name for a in x.actors], [t.name for t in x.targets]) for x in alerts] == [
        (["United States"], ["Venezuela"])
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Le président Macky Sall a foulé le sol guinéen ce mardi pour une visite de deux "
            "jours.",
            {("Macky Sall", "Guinea", "ongoing")},
        ),
        (
            "en",
            "Vladimir Putin set foot on Chinese soil on Tuesday for a two-day visit.",
            {("Vladimir Putin", "China", "ongoing")},
        ),
        (
            "de",
            "Das sagte Olaf Scholz am Dienstag am Rande eines Besuchs in Indonesien.",
            {("Olaf Scholz", "Indonesia", "ongoing")},
        ),
    ],
)
def test_arrival_on_a_country_s_soil_and_remarks_on_a_visit_s_sidelines(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str, str]]
) -> None:
    """ "le sol guinéen" is Guinea as a place; what is said "on the sidelines of a visit" is said
    while it goes on."""
    assert _visits(shipped, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "actor", "target"),
    [
        ("zh", "美国宣布对中国4名官员进行制裁。", "United States", "China"),
        (
            "it",
            "L'UE ha approvato il nuovo pacchetto di sanzioni contro la Russia.",
            "European Union",
            "Russia",
        ),
    ],
)
def test_more_ways_to_write_an_imposition(
    shipped: Engine, lang: str, text: str, actor: str, target: str
) -> None:
    """ "进行制裁" beside "实施制裁"; Italian writes the EU both "Ue" and "UE"."""
    article = Article(id="t", text=text, language=lang, published_at="2024-03-05T10:00:00+00:00")
    [alert] = shipped.tag(article, now=NOW)
    assert (alert.attributes["action"], [a.name for a in alert.actors]) == ("impose", [actor])
    assert target in [t.name for t in alert.targets]


def test_the_first_named_of_two_who_spoke_is_the_caller(shipped: Engine) -> None:
    """ANNOTATION: with no word on who called, the first-named side is the actor, however the
    parser heads "X and Russian President Y"."""
    text = (
        "President Donald Trump and Russian President Vladimir Putin spoke on the phone on Tuesday."
    )
    article = Article(id="t", text=text, language="en", published_at="2024-03-05T10:00:00+00:00")
    [alert] = shipped.tag(article, now=NOW)
    assert ([a.name for a in alert.actors], [t.name for t in alert.targets]) == (
        ["Donald Trump"],
        ["Vladimir Putin"],
    )


@pytest.mark.parametrize(
    ("lang", "text", "actors", "targets"),
    [
        (
            "fr",
            "La Russie a promis vendredi une réponse dure aux nouvelles sanctions américaines. "
            "Moscou a dénoncé ces mesures.",
            ["United States"],
            ["Russia"],  # no one else named: the state that answers them is the one they hit
        ),
        (
            "en",
            "Russia was sanctioned by the United States on Friday.",
            ["United States"],
            ["Russia"],
        ),
        (
            "en",
            "The United States imposed new sanctions on Monday. OFAC on Friday designated "
            "seven Russian oligarchs.",
            ["United States"],
            ["Russia"],
        ),
    ],
)
def test_whose_sanctions_and_on_whom(
    shipped: Engine, lang: str, text: str, actors: list[str], targets: list[str]
) -> None:
    """The owner of "sanctions américaines" imposes them, not the sentence's subject; a passive
    subject of a sanctions verb is its target; "Russian" in the designated people is the
    target, never the actor."""
    article = Article(id="t", text=text, language=lang, published_at="2024-03-05T10:00:00+00:00")
    imposed = [a for a in shipped.tag(article, now=NOW) if a.attributes["action"] == "impose"]
    assert [([a.name for a in x.actors], [t.name for t in x.targets]) for x in imposed] == [
        (actors, targets)
    ]


@pytest.mark.parametrize(
    ("text", "action", "target"),
    [
        (
            "Russland hat am Donnerstag ein Einreiseverbot für EU-Spitzenpolitiker angekündigt.",
            "impose",
            "European Union",
        ),
        (
            "Moskau kündigte ein Einreiseverbot für US-Präsident Joe Biden an.",
            "impose",
            "Joe Biden",
        ),
        (
            "Die USA haben Sanktionen gegen Russland angekündigt, falls es angreift.",
            "threaten",
            "Russia",
        ),
    ],
)
def test_sanctions_announced_in_german(
    shipped: Engine, text: str, action: str, target: str
) -> None:
    """ "hat … angekündigt", "kündigte … an" announce a decision; a condition after the comma
    ("falls es angreift") makes it a threat; "für" names whom an entry ban is for."""
    article = Article(id="t", text=text, language="de", published_at="2024-03-05T10:00:00+00:00")
    [alert] = shipped.tag(article, now=NOW)
    assert alert.attributes["action"] == action
    assert target in [t.name for t in alert.targets]


@pytest.mark.parametrize(
    ("lang", "text", "actor"),
    [
        (
            "ru",
            "Москва ответит на новые санкции, введенные Евросоюзом против россиян.",
            "European Union",
        ),
        ("en", "Moscow responded to new sanctions imposed by the EU on Friday.", "European Union"),
        (
            "de",
            "Russland hat als Reaktion auf Sanktionen ein Einreiseverbot für EU-Politiker "
            "verhängt.",
            "Russia",
        ),
    ],
)
def test_who_responds_to_sanctions_did_not_impose_them(
    shipped: Engine, lang: str, text: str, actor: str
) -> None:
    """The party before "ответит на", "responded to" answers those sanctions; its own
    counter-measure after "als Reaktion auf Sanktionen" is still its own."""
    article = Article(id="t", text=text, language=lang, published_at="2024-03-05T10:00:00+00:00")
    imposed = [a for a in shipped.tag(article, now=NOW) if a.attributes["action"] == "impose"]
    assert [[a.name for a in x.actors] for x in imposed] == [[actor]]


def _alerts(engine: Engine, text: str, lang: str, published: str) -> list[Alert]:
    article = Article(id="t", text=text, language=lang, published_at=published)
    return engine.tag(article, now=NOW)


@pytest.mark.parametrize(
    ("lang", "past", "future"),
    [
        (
            "es",
            "El presidente Jair Bolsonaro, que visitó Moscú a mediados de febrero, defiende "
            "desde entonces una posición de equilibrio.",
            "El presidente Jair Bolsonaro visitará Moscú a mediados de febrero.",
        ),
        (
            "de",
            "Bundeskanzler Olaf Scholz reiste im Februar nach Moskau.",
            "Bundeskanzler Olaf Scholz reist im Februar nach Moskau.",
        ),
        (
            "ru",
            "Президент Казахстана Касым-Жомарт Токаев посетил Пекин в феврале.",
            "Президент Казахстана Касым-Жомарт Токаев посетит Пекин в феврале.",
        ),
    ],
)
def test_a_past_verb_dates_a_bare_month_backwards_without_a_tagger(
    shipped: Engine, lang: str, past: str, future: str
) -> None:
    """Read in September, "visitó ... en febrero" is last February: history, not a plan; the
    same month after a future or present verb is the coming one. These languages have no
    tagger, so the verb's ending (``past_suffixes``) tells the tense."""
    published = "2022-09-14T07:30:00+00:00"
    assert _alerts(shipped, past, lang, published) == []
    [plan] = _alerts(shipped, future, lang, published)
    assert plan.attributes["status"] == "announced"


def test_a_refuted_report_told_again_is_not_news(shipped: Engine) -> None:
    """The denial names the trip; the article's later retelling of what the report claimed is
    the same refuted trip. A different call, said to have happened, still counts."""
    text = (
        "The Kremlin on Monday denied a newspaper report that Vladimir Putin had spoken by "
        "phone with Donald Trump last week.\n\n"
        "The report said the two leaders talked for an hour about Ukraine.\n\n"
        "Putin did speak by phone with Recep Tayyip Erdogan on Sunday, the Kremlin said."
    )
    alerts = _alerts(shipped, text, "en", "2024-03-05T10:00:00+00:00")
    assert [(a.event_type, [p.name for p in a.actors + a.targets]) for a in alerts] == [
        ("phone_call", ["Vladimir Putin", "Recep Tayyip Erdoğan"])
    ]


def test_a_denied_trip_is_denied_wherever_the_article_retells_it(shipped: Engine) -> None:
    text = (
        "The foreign ministry on Wednesday rejected media reports claiming that President "
        "Emmanuel Macron was preparing a secret trip to China.\n\n"
        "The reports, widely shared online, claimed that Macron would fly to Beijing later "
        "this month.\n\n"
        "Macron will travel to Germany next week for talks with Chancellor Olaf Scholz."
    )
    alerts = _alerts(shipped, text, "en", "2024-03-05T10:00:00+00:00")
    assert {(a.targets[0].name, a.attributes["status"]) for a in alerts} == {
        ("Germany", "announced")
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Muslim citizens of Israel travel to Mecca each year for the pilgrimage."),
        ("en", "Chinese tourists arrived in Paris on Monday."),
        ("en", "Hundreds of Russian troops arrived in Mali on Monday."),
        ("fr", "Une quarantaine de patrons français sont arrivés lundi à Hanoï."),
        ("de", "Chinesische Touristen sind am Montag in Paris angekommen."),
    ],
)
def test_a_countrys_people_or_firms_travelling_is_no_state_visit(
    shipped: Engine, lang: str, text: str
) -> None:
    assert _alerts(shipped, text, lang, "2024-03-05T10:00:00+00:00") == []


def test_business_leaders_travelling_with_a_leader_leave_the_leader_s_visit(
    shipped: Engine,
) -> None:
    text = "Emmanuel Macron arrived in Hanoi on Monday with French business leaders."
    assert _visits(shipped, text, "en") == {("Emmanuel Macron", "Vietnam", "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "ahead"),
    [
        ("en", "Kadhimi will be received by Biden on Monday.", "received", True),
        ("en", "Jubeir is expected in Islamabad on Friday.", "expected", True),
        ("fr", "Emmanuel Macron sera reçu vendredi par Olaf Scholz.", "reçu", True),
        ("en", "Kadhimi was received by Biden on Monday.", "received", False),
        ("fr", "Emmanuel Macron a été reçu vendredi par Olaf Scholz.", "reçu", False),
        ("fr", "Viktor Orbán est arrivé lundi à Pékin.", "arrivé", False),
    ],
)
def test_a_future_or_expected_passive_reads_its_weekday_ahead(
    shipped: Engine, lang: str, text: str, trigger: str, ahead: bool
) -> None:
    """ "will be received on Monday" is next Monday: the participle is past, the auxiliary says
    when; "was received on Monday" is last Monday."""
    modality = shipped._reader(lang).modality
    doc = shipped.pipelines.get(lang)(text)
    word = next(t for t in doc if t.text == trigger)
    span = doc[word.i : word.i + 1]
    tokens = [t.lower_ for t in doc]
    assert modality.forward(span, tokens) is ahead


def test_a_progressive_present_is_a_visit_under_way(shipped: Engine) -> None:
    text = "Justin Trudeau spoke to reporters in Bali, where he is attending the G20 summit."
    assert _visits(shipped, text, "en") == {("Justin Trudeau", "Indonesia", "ongoing")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The UK has designated more than 1,200 individuals and 120 businesses since February.",
        ),
        ("en", "Vladimir Putin and Narendra Modi have spoken by phone four times since January."),
        ("en", "The EU has so far adopted 14 packages of sanctions against Russia."),
        (
            "it",
            "L'Unione europea ha finora imposto sanzioni alla Russia, alla Bielorussia e all'Iran.",
        ),
        ("de", "Die EU hat seit 2014 Sanktionen gegen Russland verhängt."),
    ],
)
def test_a_running_count_of_calls_or_sanctions_is_history(
    shipped: Engine, lang: str, text: str
) -> None:
    """ "so far", "finora", "since February" read in December: a tally of what was done."""
    assert _alerts(shipped, text, lang, "2022-12-08T15:00:00+00:00") == []


@pytest.mark.parametrize(
    ("lang", "text", "event"),
    [
        (
            "en",
            "Britain imposed sanctions on six Sudanese firms on Monday, its first since July 2023.",
            "sanctions",
        ),
        ("en", "Vladimir Putin and Narendra Modi spoke by phone on Monday.", "phone_call"),
        (
            "de",
            "Die EU-Außenminister haben am Montag die bislang schärfsten Sanktionen gegen den "
            "Iran beschlossen.",
            "sanctions",
        ),
        ("en", "Vladimir Putin has been in Beijing since Tuesday.", "state_visit"),
    ],
)
def test_a_first_since_or_a_recent_since_is_still_news(
    shipped: Engine, lang: str, text: str, event: str
) -> None:
    alerts = _alerts(shipped, text, lang, "2022-12-08T15:00:00+00:00")
    assert [a.event_type for a in alerts] == [event]


def test_a_title_then_a_comma_introduces_the_name_after_it(shipped: Engine) -> None:
    """ "le président congolais, Félix Tshisekedi" is Tshisekedi, not the president named
    earlier in the article."""
    text = (
        "Le sommet a été convoqué pour la première fois par le président Barack Obama en 2014.\n\n"
        "Le secrétaire d'Etat Antony Blinken a reçu mardi soir le président congolais, Félix "
        "Tshisekedi, et son homologue rwandais, Paul Kagame."
    )
    assert _visits(shipped, text, "fr") == {
        ("Félix Tshisekedi", "United States", "ongoing"),
        ("Paul Kagame", "United States", "ongoing"),
    }


def test_a_summit_filed_from_its_city_takes_the_listed_leaders_there(shipped: Engine) -> None:
    """The dateline places a summit its sentence does not; "Parmi les chefs d'Etat présents"
    lists attendees, a demonym and an aside ("actuel président de l'UA") between the names."""
    text = (
        "WASHINGTON - La capitale fédérale accueille depuis mardi le sommet des dirigeants "
        "Etats-Unis-Afrique, convoqué la première fois par le président Barack Obama.\n\n"
        "Parmi les chefs d'Etat présents figurent le Kényan William Ruto, le Sénégalais Macky "
        "Sall, actuel président de l'UA, et le Nigérian Muhammadu Buhari."
    )
    assert _visits(shipped, text, "fr") == {
        ("William Ruto", "United States", "ongoing"),
        ("Macky Sall", "United States", "ongoing"),
        ("Muhammadu Buhari", "United States", "ongoing"),
    }


def test_leaders_attending_a_placed_summit_visit_its_country(shipped: Engine) -> None:
    text = (
        "Leaders of the Group of 20 gathered for a summit in Rio de Janeiro on Monday. Among the "
        "leaders attending were Xi Jinping, Narendra Modi and Emmanuel Macron."
    )
    assert {v[:2] for v in _visits(shipped, text, "en")} == {
        ("Xi Jinping", "Brazil"),
        ("Narendra Modi", "Brazil"),
        ("Emmanuel Macron", "Brazil"),
    }


@pytest.mark.parametrize(
    ("lang", "text", "host"),
    [
        (
            "fr",
            "À Antalya, dans le sud de la Turquie, Sergueï Lavrov a rencontré jeudi son homologue "
            "ukrainien Dmytro Kuleba.",
            "Turkey",
        ),
        ("en", "Antony Blinken met Wang Yi in Munich on Friday.", "Germany"),
    ],
)
def test_talks_in_a_third_country_are_each_side_s_trip_there(
    shipped: Engine, lang: str, text: str, host: str
) -> None:
    """Neither side is at home: both travelled to the country the talks were held in."""
    assert {v[1] for v in _visits(shipped, text, lang)} == {host}
    assert len(_visits(shipped, text, lang)) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Joe Biden and Andrés Manuel López Obrador met virtually on Friday."),
        ("fr", "Emmanuel Macron et Olaf Scholz se sont réunis virtuellement vendredi."),
        ("es", "Pedro Sánchez y Gustavo Petro se reunieron virtualmente este viernes."),
    ],
)
def test_leaders_meeting_virtually_hold_a_video_call(shipped: Engine, lang: str, text: str) -> None:
    assert _events(shipped, text, lang) == {("phone_call", "video")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The ministry said Prime Minister Narendra Modi will no longer be visiting Guyana "
            "next month.",
            {("state_visit", "cancelled")},
        ),
        (
            "fr",
            "Emmanuel Macron ne se rendra plus en Algérie la semaine prochaine.",
            {("state_visit", "cancelled")},
        ),
        (
            "es",
            "Pedro Sánchez ya no viajará a Marruecos la próxima semana.",
            {("state_visit", "cancelled")},
        ),
        ("de", "Olaf Scholz wird nicht mehr nach China reisen.", {("state_visit", "cancelled")}),
        # a plain negation denies the trip
        ("fr", "Emmanuel Macron ne se rendra pas en Algérie la semaine prochaine.", set()),
    ],
)
def test_a_plan_no_longer_held_is_cancelled(
    shipped: Engine, lang: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _events(shipped, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The irresponsible decision by Washington to impose sanctions on 20 Russian officials "
            "has harmed relations, Moscow said.",
        ),
        (
            "fr",
            "La décision irresponsable des autorités américaines d'imposer des sanctions à vingt "
            "responsables russes a nui aux relations, a réagi Moscou.",
        ),
    ],
)
def test_a_verdict_on_the_decision_to_sanction_condemns_it(
    shipped: Engine, lang: str, text: str
) -> None:
    assert _sanctions(shipped, text, lang) == {
        ("United States", ("Russia",), "impose"),
        ("Russia", ("United States",), "condemn"),
    }


def test_a_reception_by_a_named_host_far_before_the_participle_is_a_visit(
    shipped: Engine,
) -> None:
    text = (
        "Der französische Präsident Emmanuel Macron ist von Bundespräsident Frank-Walter "
        "Steinmeier im Schloss Bellevue mit militärischen Ehren empfangen worden."
    )
    assert {v[:2] for v in _visits(shipped, text, "de")} == {("Emmanuel Macron", "Germany")}


def test_an_unlisted_leader_named_again_by_surname_is_one_traveller(shipped: Engine) -> None:
    text = (
        "Surinamese President Roel Vankerk arrived in Georgetown on Tuesday. Vankerk is "
        "visiting Guyana at the invitation of Irfaan Ali."
    )
    assert {v[:2] for v in _visits(shipped, text, "en")} == {("Roel Vankerk", "Guyana")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia responded to the EU sanctions with entry bans on German officials."),
        (
            "fr",
            "La Russie a répondu aux sanctions européennes par des interdictions d'entrée visant "
            "des responsables allemands.",
        ),
        (
            "de",
            "Russland hat auf die EU-Sanktionen mit Einreiseverboten für deutsche Beamte reagiert.",
        ),
    ],
)
def test_counter_sanctions_in_response_are_imposed(shipped: Engine, lang: str, text: str) -> None:
    found = _sanctions(shipped, text, lang)
    assert {(actor, action) for actor, _, action in found} == {("Russia", "impose")}


def test_work_on_a_new_round_of_sanctions_is_a_threat(shipped: Engine) -> None:
    text = "Die EU arbeitet an einer dritten Runde von Sanktionen gegen Russland."
    assert _sanctions(shipped, text, "de") == {("European Union", ("Russia",), "threaten")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Egyptian President Mohamed Morsi arrived in Pakistan on Tuesday ahead of a "
            "three-day official visit to India.",
        ),
        (
            "fr",
            "Le président égyptien Mohamed Morsi est arrivé mardi au Pakistan, à la veille "
            "d'une visite officielle en Inde.",
        ),
    ],
)
def test_a_visit_the_story_comes_ahead_of_is_to_come(shipped: Engine, lang: str, text: str) -> None:
    assert _visits(shipped, text, lang) == {
        ("Mohamed Morsi", "Pakistan", "ongoing"),
        ("Mohamed Morsi", "India", "announced"),
    }
