"""Calls as copy tells them: "a appelé au téléphone son homologue" (the verb that also appeals,
"appeler à", with its medium is the call itself), "passe un coup de fil à", "dialed". A call for
talks stays an appeal. Passages written for these tests, read as published on Wednesday 6 March
2024."""

from __future__ import annotations

import pytest

from newswatch.engine import Engine
from support.passages import calls


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le président Emmanuel Macron a appelé au téléphone, ce mardi, son homologue "
            "sénégalais, Macky Sall.",
        ),
        ("fr", "Emmanuel Macron a passé mardi un coup de fil à Macky Sall."),
        ("en", "Hours later, Emmanuel Macron dialed Senegal's President Macky Sall."),
    ],
)
def test_the_caller_reaches_the_other_side(shipped: Engine, lang: str, text: str) -> None:
    assert calls(shipped, text, lang) == {("Emmanuel Macron", "Macky Sall", "phone")}


@pytest.mark.parametrize(
    "text",
    [
        "Emmanuel Macron a appelé au dialogue entre Dakar et Bamako.",
        "Emmanuel Macron a appelé Macky Sall à reprendre les pourparlers avec le Mali.",
    ],
)
def test_an_appeal_is_no_call(shipped: Engine, text: str) -> None:
    assert calls(shipped, text, "fr") == set()
