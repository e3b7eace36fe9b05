"""Mechanisms added for copy the dev set did not anticipate (none from a gold set)."""

from __future__ import annotations

from collections.abc import Callable

from newswatch.contracts import Alert

from .conftest import summary


def test_other_event_in_an_overlap_survives(tag: Callable[..., list[Alert]]) -> None:
    # "held a ... meeting" (meeting) overlaps "virtual meeting" (video call); the call wins.
    alerts = tag("Joe Biden and Emmanuel Macron held a virtual meeting on Friday.", "en")
    assert [(a.event_type, a.attributes) for a in alerts] == [("phone_call", {"medium": "video"})]


def test_talks_during_a_trip_join_the_visit(tag: Callable[..., list[Alert]]) -> None:
    alerts = tag("En visite à Pékin, Emmanuel Macron a rencontré Xi Jinping.", "fr")
    assert [summary(a) for a in alerts] == [
        (
            "state_visit",
            (("status", "ongoing"),),
            frozenset({"Q3052772"}),
            frozenset({"Q148", "Q15031"}),
        )
    ]


def test_a_denial_far_above_the_trigger_negates_it(tag: Callable[..., list[Alert]]) -> None:
    text = (
        "L'Élysée a démenti jeudi les rumeurs selon lesquelles Emmanuel Macron aurait "
        "téléphoné à Vladimir Poutine."
    )
    assert tag(text, "fr") == []


def test_sanctions_worded_as_an_asset_freeze(tag: Callable[..., list[Alert]]) -> None:
    alerts = tag("The United States froze the assets of nine Russian officials on Monday.", "en")
    assert [(a.event_type, a.attributes, [p.key for p in a.actors]) for a in alerts] == [
        ("sanctions", {"action": "impose"}, ["Q30"])
    ]


def test_requested_call_reverses_the_sides(tag: Callable[..., list[Alert]]) -> None:
    alerts = tag("习近平应约同普京通电话。", "zh")
    assert [summary(a)[2:] for a in alerts] == [(frozenset({"Q7747"}), frozenset({"Q15031"}))]
