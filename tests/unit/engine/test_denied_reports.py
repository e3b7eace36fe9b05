"""A report denied before the clause that tells it ("Berichte dementiert, wonach ...", "a démenti
les informations selon lesquelles ...") gives no alert, however long the clause; a confirmed one
does. Passages written for these tests, read as published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Der Kreml hat Berichte dementiert, wonach es am Montag ein Telefonat zwischen "
            "Wladimir Putin und Donald Trump gegeben habe.",
        ),
        (
            "fr",
            "Le Kremlin a démenti mardi les informations selon lesquelles Vladimir Poutine et "
            "Donald Trump se sont parlé au téléphone lundi.",
        ),
        (
            "it",
            "Il Cremlino ha smentito martedì le notizie secondo cui Vladimir Putin e Donald Trump "
            "hanno avuto lunedì un colloquio telefonico.",
        ),
    ],
)
def test_a_denied_report_gives_no_call(shipped: Engine, lang: str, text: str) -> None:
    assert calls(shipped, text, lang) == set()


def test_a_report_rejected_as_false_gives_no_call(shipped: Engine) -> None:
    # the separable verb's particle ("wies … zurück") and the verdict come after the call
    text = (
        "Kremlsprecher Peskow wies einen Bericht über einen telefonischen Kontakt zwischen Putin "
        "und Trump am vergangenen Donnerstag als Falschinformation zurück."
    )
    assert calls(shipped, text, "de") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Kremlsprecher Peskow wies am Montag einen Bericht der Zeitung zurück, wonach Putin "
            "und Trump nach der Wahl telefoniert haben sollen.",
        ),
        (
            "es",
            "El Kremlin rechazó el lunes el informe según el cual Vladimir Putin y Donald Trump "
            "habían hablado por teléfono tras las elecciones.",
        ),
    ],
)
def test_a_report_rejected_before_its_clause_gives_no_call(
    shipped: Engine, lang: str, text: str
) -> None:
    # "wies … zurück, wonach", "rechazó el informe según el cual": no negation word, a rejection
    assert calls(shipped, text, lang) == set()


def test_a_confirmed_report_gives_the_call(shipped: Engine) -> None:
    text = (
        "Le Kremlin a confirmé mardi les informations selon lesquelles Vladimir Poutine et "
        "Donald Trump se sont parlé au téléphone lundi."
    )
    assert calls(shipped, text, "fr") == {("Vladimir Putin", "Donald Trump", "phone")}
