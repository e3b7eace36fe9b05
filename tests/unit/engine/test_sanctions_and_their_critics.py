"""Sanctions told through someone else's words: new sanctions inside a condemnation of them, a
threat whose sentence names only who would bear it, the owner of sanctions named as the subject
of a verdict, sanctions stopped by a veto, a US agency acting, and a lift only proposed or
advocated. Passages written for these tests; published Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import sanctions


@pytest.mark.parametrize(
    ("lang", "text", "author"),
    [
        (
            "fr",
            "Moscou a dénoncé jeudi les nouvelles sanctions américaines contre ses banques.",
            "United States",
        ),
        (
            "en",
            "Tehran on Monday condemned the imposition of new sanctions on Iranian officials by"
            " the European Union.",
            "European Union",
        ),
        ("en", "China condemned the new sanctions announced by Washington.", "United States"),
        (
            "es",
            "Cuba denunció el martes las nuevas sanciones de Estados Unidos contra sus empresas"
            " navieras.",
            "United States",
        ),
        (
            "de",
            "Russland hat die neuen Sanktionen der Europäischen Union am Donnerstag scharf"
            " verurteilt.",
            "European Union",
        ),
        (
            "it",
            "Mosca ha condannato le nuove sanzioni dell'Unione europea contro le sue banche.",
            "European Union",
        ),
        ("ru", "МИД России осудил новые санкции США против российских банков.", "United States"),
    ],
)
def test_new_sanctions_inside_a_condemnation_are_imposed_by_the_condemned(
    shipped: Engine, lang: str, text: str, author: str
) -> None:
    found = sanctions(shipped, text, lang)
    assert author in {actor for actor, action, _ in found if action == "impose"}
    assert any(action == "condemn" and targets == author for _, action, targets in found)


@pytest.mark.parametrize(
    "text",
    [
        # the sanctions are old: a condemnation only
        "Russia condemned the sanctions that Washington has kept in place for years.",
        # new sanctions under a threat or a plan are no imposition
        "The European Union is preparing additional sanctions against Iran.",
        "Russia would face further sanctions if it attacked again, the United States warned.",
    ],
)
def test_only_a_condemnation_reports_an_imposition(shipped: Engine, text: str) -> None:
    assert "impose" not in {action for _, action, _ in sanctions(shipped, text, "en")}


def test_a_threat_is_made_by_the_one_who_warns(shipped: Engine) -> None:
    text = (
        "The White House warned Russia on Friday that Moscow would face tougher sanctions if it"
        " sent troops into eastern Ukraine."
    )
    found = sanctions(shipped, text, "en")
    assert [(actor, action) for actor, action, _ in found] == [("United States", "threaten")]
    assert "Russia" in next(iter(found))[2]


def test_a_threat_is_not_made_by_a_place_named_before_it(shipped: Engine) -> None:
    text = (
        "President Joe Biden urged Vladimir Putin on Monday to support peace in Ukraine and said"
        " Moscow would face further sanctions if it did not."
    )
    found = sanctions(shipped, text, "en")
    assert found and all(actor != "Ukraine" for actor, _, _ in found)


def test_the_owner_named_in_the_subject_of_a_verdict_is_condemned(shipped: Engine) -> None:
    text = (
        "The United States imposed new sanctions on three Russian banks on Monday.\n\nIn Moscow,"
        " Sergey Lavrov said on Tuesday that the US unilateral sanctions were illegal."
    )
    found = sanctions(shipped, text, "en")
    assert ("Russia", "condemn", "United States") in found
    assert not any(actor == "United States" and action == "condemn" for actor, action, _ in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia and China vetoed new UN sanctions on North Korea on Thursday."),
        (
            "de",
            "China und Russland haben mit einem Veto im Sicherheitsrat weitere Sanktionen gegen"
            " Nordkorea verhindert.",
        ),
        ("es", "Rusia vetó el jueves nuevas sanciones de la ONU contra Corea del Norte."),
    ],
)
def test_vetoed_sanctions_are_no_decision(shipped: Engine, lang: str, text: str) -> None:
    assert sanctions(shipped, text, lang) == set()


def test_a_council_that_imposes_is_not_vetoed(shipped: Engine) -> None:
    text = "The UN Security Council imposed new sanctions on North Korea on Thursday."
    assert {action for _, action, _ in sanctions(shipped, text, "en")} == {"impose"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Office of Foreign Assets Control on Monday imposed sanctions on three Venezuelan"
            " officials.",
        ),
        (
            "en",
            "The U.S. Treasury Department on Monday imposed sanctions on three Venezuelan"
            " officials.",
        ),
        (
            "fr",
            "Le département du Trésor a imposé lundi des sanctions à trois responsables"
            " vénézuéliens.",
        ),
        (
            "es",
            "El Departamento del Tesoro impuso el lunes sanciones a tres funcionarios venezolanos.",
        ),
        (
            "it",
            "Il Dipartimento del Tesoro ha imposto lunedì sanzioni a tre funzionari venezuelani.",
        ),
        ("ru", "Госдепартамент ввел в понедельник санкции против трех венесуэльских чиновников."),
    ],
)
def test_a_us_agency_imposes_for_the_united_states(shipped: Engine, lang: str, text: str) -> None:
    assert {(actor, action) for actor, action, _ in sanctions(shipped, text, lang)} == {
        ("United States", "impose")
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "La Unión Europea prorrogó el lunes las sanciones contra Venezuela, a pesar de la"
            " propuesta del Gobierno de España para levantar las sanciones.",
        ),
        (
            "de",
            "Ein Abgeordneter schlug vor, die Sanktionen gegen Russland während der Krise"
            " auszusetzen.\n\nZuvor hatte Sachsens Ministerpräsident Michael Kretschmer die"
            " Aufhebung der Sanktionen gegen Russland befürwortet und Präsident Wladimir Putin nach"
            " Sachsen eingeladen.",
        ),
    ],
)
def test_a_lift_proposed_or_advocated_is_not_done(shipped: Engine, lang: str, text: str) -> None:
    assert "lift" not in {action for _, action, _ in sanctions(shipped, text, lang)}


def test_a_lift_decided_in_german_is_a_lift(shipped: Engine) -> None:
    text = (
        "Die Europäische Union hat am Montag die Aufhebung der Sanktionen gegen Syrien beschlossen."
    )
    assert sanctions(shipped, text, "de") == {("European Union", "lift", "Syria")}


@pytest.mark.parametrize(
    "text",
    [
        "Los ministros de Exteriores de la Unión Europea decidieron este lunes prolongar un año,"
        " hasta el 10 de enero de 2027, las sanciones contra Venezuela.",
        "La Unión Europea decidió prorrogar por seis meses más la vigencia de las sanciones contra"
        " Venezuela.",
    ],
)
def test_a_spanish_extension_with_its_length_between_verb_and_noun(
    shipped: Engine, text: str
) -> None:
    assert sanctions(shipped, text, "es") == {("European Union", "extend", "Venezuela")}
