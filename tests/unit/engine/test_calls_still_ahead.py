"""A call only being prepared, organised or about to happen is no call (ANNOTATION: "a call that
is only hoped for or expected"), in the languages read without a parser too: Russian "готовится
телефонный разговор", Ukrainian "організація розмови", Italian "un'imminente telefonata", German
"ist für Montag geplant". A call held stays one. Passages written for these tests, read as
published on Wednesday 6 March 2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Готовится телефонный разговор между Владимиром Путиным и Си Цзиньпином."),
        (
            "ru",
            "Сейчас идёт организация телефонного разговора между Путиным и Си Цзиньпином.",
        ),
        ("uk", "Готується телефонна розмова між Володимиром Зеленським і Джо Байденом."),
        (
            "it",
            "Giorgia Meloni ha parlato ai giornalisti in vista di un'imminente telefonata con "
            "Joe Biden.",
        ),
        ("de", "Ein Telefonat zwischen Olaf Scholz und Joe Biden ist für Freitag geplant."),
    ],
)
def test_a_call_being_prepared_is_no_call(shipped: Engine, lang: str, text: str) -> None:
    assert calls(shipped, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "ru",
            "Владимир Путин провёл телефонный разговор с Си Цзиньпином.",
            ("Vladimir Putin", "Xi Jinping", "phone"),
        ),
        (
            "de",
            "Olaf Scholz hat am Dienstag mit Joe Biden telefoniert.",
            ("Olaf Scholz", "Joe Biden", "phone"),
        ),
    ],
)
def test_a_call_held_stays_a_call(
    shipped: Engine, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert calls(shipped, text, lang) == {expected}
