"""Sanctions as copy tells them: German verdicts ("Sanktionsrunde ... verurteilt", "bezeichnet
... als rechtswidrig"), French and Spanish announcements of a decided package, a rejection told as
a noun ("son rejet des sanctions", "seine Ablehnung der Sanktionen"), opposition to a relief, and
the author of sanctions named behind a participle ("the sanctions imposed by the United States"),
and a lift demanded ("deben levantarse", "must lift"). Passages written for these tests."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import sanctions


@pytest.mark.parametrize(
    "text",
    [
        "Russland hat die jüngste Sanktionsrunde der Europäischen Union verurteilt.",
        "Moskau bezeichnet die EU-Sanktionen als rechtswidrig und zwecklos.",
    ],
)
def test_a_german_verdict_on_sanctions_condemns_them(shipped: Engine, text: str) -> None:
    assert sanctions(shipped, text, "de") == {("Russia", "condemn", "European Union")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "L'Union européenne a annoncé mardi un nouveau paquet de sanctions contre la Russie.",
        ),
        ("es", "La Unión Europea anunció el martes un nuevo paquete de sanciones contra Rusia."),
    ],
)
def test_a_package_announced_is_imposed(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == {("European Union", "impose", "Russia")}


@pytest.mark.parametrize(
    ("lang", "text", "action"),
    [
        (
            "fr",
            "L'Union européenne prépare un nouveau paquet de sanctions contre la Russie.",
            "threaten",
        ),
        ("es", "Washington anunció que impondrá nuevas sanciones a Venezuela.", "threaten"),
        (
            "es",
            "La Casa Blanca no ha descartado la posibilidad de imponer sanciones contra Venezuela.",
            "threaten",
        ),
        ("es", "Washington anunció el levantamiento de las sanciones contra Venezuela.", "lift"),
    ],
)
def test_a_package_prepared_or_promised_is_not_yet_imposed(
    shipped: Engine, lang: str, text: str, action: str
) -> None:
    assert {s[1] for s in sanctions(shipped, text, lang)} == {action}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "中方多次表明反对立场，并采取了正当必要的反制措施。"),
        ("en", "Beijing said it had taken the necessary countermeasures."),
    ],
)
def test_countermeasures_against_no_one_named_are_no_sanctions(
    shipped: Engine, lang: str, text: str
) -> None:
    assert sanctions(shipped, text, lang) == set()


def test_countermeasures_against_a_named_target_are_sanctions(shipped: Engine) -> None:
    text = "中方决定对美国军工企业采取反制措施。"
    assert sanctions(shipped, text, "zh") == {("China", "impose", "United States")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the small French model lemmatises "introduit" as a noun here: read by its form
        ("fr", "Washington a introduit jeudi des sanctions contre la Russie."),
        ("it", "I ministri dell'UE hanno concordato un pacchetto di sanzioni contro la Russia."),
        ("es", "Los ministros de la UE acordaron el martes un paquete de sanciones contra Rusia."),
        (
            "de",
            "Die EU-Staaten haben sich am Dienstag auf ein Sanktionspaket gegen Russland geeinigt.",
        ),
    ],
)
def test_sanctions_introduced_or_agreed_are_imposed(shipped: Engine, lang: str, text: str) -> None:
    assert {(s[1], s[2]) for s in sanctions(shipped, text, lang)} == {("impose", "Russia")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # sanctions listed to be eased are no threat
        ("en", "Washington is preparing a list of sanctions against Russia that could be eased."),
        # relief that could come is no lift
        ("en", "The administration could ease sanctions on Russia as part of a deal."),
        ("fr", "Washington pourrait lever les sanctions contre la Russie."),
        ("de", "Washington könnte die Sanktionen gegen Russland aufheben."),
    ],
)
def test_relief_only_weighed_is_no_sanctions_event(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == set()


def test_sanctions_listed_to_be_imposed_are_still_a_threat(shipped: Engine) -> None:
    text = "Washington is preparing a list of sanctions against Russia that could be imposed."
    assert sanctions(shipped, text, "en") == {("United States", "threaten", "Russia")}


def test_sanctions_taking_effect_are_the_decision_not_a_threat(shipped: Engine) -> None:
    text = (
        "L'UE a ajouté quinze personnes à sa liste. Les nouvelles sanctions entreront en vigueur"
        " dans la journée."
    )
    assert {s[1] for s in sanctions(shipped, text, "fr")} == {"impose"}


def test_a_negation_inside_the_condition_does_not_deny_the_threat(shipped: Engine) -> None:
    # "ne change pas" belongs to the condition; "a prévenu que" announces a threat
    text = (
        "Le Trésor américain a prévenu que de nouvelles sanctions suivraient si la Russie ne"
        " change pas de comportement."
    )
    assert {(s[0], s[1]) for s in sanctions(shipped, text, "fr")} == {("United States", "threaten")}


def test_german_sanctions_in_the_conditional_mood_are_a_threat(shipped: Engine) -> None:
    text = "Washington warnte, neue Sanktionen gegen Russland würden bald folgen."
    assert sanctions(shipped, text, "de") == {("United States", "threaten", "Russia")}


def test_sanctions_qualified_as_illegal_are_condemned_without_another_mention(
    shipped: Engine,
) -> None:
    text = (
        "Sergueï Lavrov a rejeté la responsabilité de la crise sur les sanctions occidentales,"
        " qu'il a qualifiées d'« illégales »."
    )
    assert sanctions(shipped, text, "fr") == {("Russia", "condemn", "the West")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "El embajador ruso consideró que esas sanciones van contra el derecho internacional.",
        ),
        ("en", "The Russian envoy considered that the sanctions had failed to change anything."),
        ("it", "L'ambasciatore russo ha considerato che le sanzioni non hanno cambiato nulla."),
    ],
)
def test_judging_that_sanctions_are_wrong_is_no_plan_for_them(
    shipped: Engine, lang: str, text: str
) -> None:
    assert not any(s[1] == "threaten" for s in sanctions(shipped, text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Estados Unidos estudia nuevas sanciones contra Rusia."),
        ("en", "Washington is considering new sanctions against Moscow."),
    ],
)
def test_considering_sanctions_still_threatens_them(shipped: Engine, lang: str, text: str) -> None:
    assert ("United States", "threaten", "Russia") in sanctions(shipped, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le Venezuela a exprimé son rejet des sanctions imposées par les États-Unis."),
        ("fr", "Le Venezuela a réaffirmé son opposition aux sanctions américaines."),
        ("de", "Venezuela bekräftigte seine Ablehnung der von den USA verhängten Sanktionen."),
        ("de", "Venezuela bekräftigte seine Verurteilung der von den USA verhängten Sanktionen."),
    ],
)
def test_a_rejection_told_as_a_noun_condemns_the_sanctions(
    shipped: Engine, lang: str, text: str
) -> None:
    assert ("Venezuela", "condemn", "United States") in sanctions(shipped, text, lang)


def test_an_english_rejection_told_as_a_noun_condemns_the_sanctions(shipped: Engine) -> None:
    found = sanctions(shipped, "Venezuela reiterated its opposition to the US sanctions.", "en")
    assert {(s[0], s[1]) for s in found} == {("Venezuela", "condemn")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Venezuela reiterated its opposition to lifting the sanctions on Cuba."),
        ("fr", "La France a réaffirmé son opposition à la levée des sanctions contre la Russie."),
        (
            "de",
            "Deutschland bekräftigte seine Ablehnung einer Aufhebung der Sanktionen gegen"
            " Russland.",
        ),
        ("es", "España reiteró su oposición al levantamiento de las sanciones contra Rusia."),
        (
            "it",
            "L'Italia ha ribadito la sua opposizione alla revoca delle sanzioni contro la Russia.",
        ),
    ],
)
def test_opposition_to_a_relief_is_neither_a_lift_nor_a_condemnation(
    shipped: Engine, lang: str, text: str
) -> None:
    assert sanctions(shipped, text, lang) == set()


def test_a_relief_nobody_opposes_is_a_lift(shipped: Engine) -> None:
    text = "The United States lifted the sanctions on Venezuela's oil sector on Monday."
    assert sanctions(shipped, text, "en") == {("United States", "lift", "Venezuela")}


@pytest.mark.parametrize(
    "text",
    [
        "China condemned the sanctions imposed by the United States.",
        "China condemned the sanctions announced by Washington.",
        "China voiced its condemnation of the sanctions imposed by the United States.",
    ],
)
def test_the_author_behind_a_participle_is_the_one_condemned(shipped: Engine, text: str) -> None:
    assert sanctions(shipped, text, "en") == {("China", "condemn", "United States")}


def test_the_author_named_as_owner_is_the_one_condemned(shipped: Engine) -> None:
    text = "China condemned the sanctions of the United States."
    assert sanctions(shipped, text, "en") == {("China", "condemn", "United States")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "El presidente venezolano insistió en que deben levantarse las sanciones contra"
            " Venezuela.",
        ),
        (
            "en",
            "Venezuela's president said the United States must lift the sanctions on his country.",
        ),
        ("fr", "La Russie exige la levée des sanctions de l'Union européenne."),
    ],
)
def test_a_lift_demanded_is_not_a_lift(shipped: Engine, lang: str, text: str) -> None:
    # The demand is read as written ("deben", "must", "exige"), so it holds without a parser.
    assert sanctions(shipped, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Estados Unidos levantó el lunes las sanciones contra Venezuela."),
        ("de", "Die USA haben am Montag die Sanktionen gegen Venezuela aufgehoben."),
        ("fr", "Les États-Unis ont levé lundi les sanctions contre le Venezuela."),
    ],
)
def test_a_lift_done_is_a_lift(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == {("United States", "lift", "Venezuela")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # urged to lift, or helping another to lift: nothing was lifted
        (
            "fr",
            "Le secrétaire général de l'ONU a exhorté Washington à lever les sanctions sur le "
            "commerce du pétrole iranien.",
        ),
        (
            "fr",
            "Moscou affirme que les États-Unis ont accepté de l'aider à lever les sanctions sur "
            "ses exportations d'engrais.",
        ),
        (
            "en",
            "Moscow says the United States has agreed to help lift sanctions on its fertiliser "
            "exports.",
        ),
    ],
)
def test_an_urged_or_helped_lift_is_no_lift(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == set()


def test_a_lift_decided_is_still_a_lift(shipped: Engine) -> None:
    text = "Les États-Unis ont levé mardi les sanctions sur les engrais russes."
    assert sanctions(shipped, text, "fr") == {("United States", "lift", "Russia")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a sports body or its rules anywhere in the sentence: no state's sanctions
        (
            "es",
            "La federación de El Salvador anunció que el país fue sancionado por la FIFA con una "
            "multa y la reducción del aforo de su estadio.",
        ),
        (
            "de",
            "Die UEFA zeigte sich von den Vereinigten Arabischen Emiraten unbeeindruckt und will "
            "Verstöße gegen das Financial Fair Play hart sanktionieren.",
        ),
        # clubs and competitions are sport, whoever names a country beside them
        (
            "fr",
            "Huit clubs européens ont été sanctionnés pour des retards de paiement, dont le FC "
            "Porto au Portugal et un club du Kazakhstan.",
        ),
        (
            "es",
            "Tras la nueva sanción contra Rusia, Bielorrusia tampoco podrá organizar ninguna "
            "competición internacional.",
        ),
    ],
)
def test_sanctions_in_the_world_of_sport_are_no_states(
    shipped: Engine, lang: str, text: str
) -> None:
    assert sanctions(shipped, text, lang) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Le Royaume-Uni a imposé jeudi des sanctions à Roman Abramovitch, le propriétaire du "
        "club de football de Chelsea.",
        # clubs named far from the trigger are what the sanctions reach, not who imposes them
        "Le gouvernement britannique a gelé jeudi les avoirs de sept oligarques russes, plaçant "
        "l'un des clubs les plus titrés d'Europe sous un régime spécial.",
    ],
)
def test_a_state_sanctioning_a_club_owner_still_imposes(shipped: Engine, text: str) -> None:
    assert {actor for actor, _, _ in sanctions(shipped, text, "fr")} == {"United Kingdom"}


def test_a_package_approved_is_imposed(shipped: Engine) -> None:
    # quotes and a date between the verb and the package
    text = (
        "Les ministres des Affaires étrangères de l'UE ont approuvé « à l'unanimité » ce mardi "
        "un « paquet de sanctions » contre la Russie."
    )
    assert sanctions(shipped, text, "fr") == {("European Union", "impose", "Russia")}


@pytest.mark.parametrize(
    "text",
    [
        "Die Schweiz schließt sich den neuen Sanktionen der EU gegen Russland an.",
        "Die Schweiz hat sich am Montag den Sanktionen der EU gegen Russland angeschlossen.",
        "Die Schweiz übernimmt die neuen EU-Sanktionen gegen Russland.",
    ],
)
def test_joining_another_states_sanctions_imposes_them(shipped: Engine, text: str) -> None:
    assert sanctions(shipped, text, "de") == {("Switzerland", "impose", "Russia")}


@pytest.mark.parametrize(
    ("lang", "text", "actor"),
    [
        ("fr", "La France est favorable à de nouvelles sanctions contre la Russie.", "France"),
        ("en", "France is in favour of new sanctions against Russia.", "France"),
        ("it", "La Francia è favorevole a nuove sanzioni contro la Russia.", "France"),
        ("es", "España es partidaria de nuevas sanciones contra Rusia.", "Spain"),
    ],
)
def test_sanctions_favoured_are_considered_not_imposed(
    shipped: Engine, lang: str, text: str, actor: str
) -> None:
    assert sanctions(shipped, text, lang) == {(actor, "threaten", "Russia")}


def test_retaliating_to_sanctions_threatens_none(shipped: Engine) -> None:
    # the answer to someone else's sanctions: they are not Russia's
    text = "Russia said it would retaliate to the new sanctions, but did not announce details."
    assert sanctions(shipped, text, "en") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Les électeurs ont sanctionné dimanche le gouvernement de la France."),
        ("de", "Die Wähler sanktionierten am Sonntag die Regierung von Frankreich."),
    ],
)
def test_voters_punishing_a_government_impose_no_sanctions(
    shipped: Engine, lang: str, text: str
) -> None:
    assert sanctions(shipped, text, lang) == set()


def test_a_state_ready_to_sanction_still_threatens(shipped: Engine) -> None:
    # "ready to" makes a trip or a call only possible, but a sanction ready is a threat
    text = "The European Union is ready to impose new sanctions on Russia."
    assert sanctions(shipped, text, "en") == {("European Union", "threaten", "Russia")}


def test_declining_to_take_over_sanctions_imposes_none(shipped: Engine) -> None:
    text = "Die Schweiz übernimmt nicht die neuen EU-Sanktionen gegen Russland."
    assert not sanctions(shipped, text, "de")
