"""The four events of the seed article (``seeds/000_…``): what every way of running the engine
on it must give, from the source tree or from the installed wheel."""

from __future__ import annotations

XI, PUTIN, QIN, KULEBA = "Q15031", "Q7747", "Q7216297", "Q24025631"
CHINA, RUSSIA = "Q148", "Q159"

Summary = tuple[str, tuple[tuple[str, str], ...], frozenset[str], frozenset[str]]


def seed_events(video_sides: tuple[frozenset[str], frozenset[str]]) -> list[Summary]:
    """The seed's events as (type, attributes, actor keys, target keys), sorted; which side of
    the videoconference the text names first is not the tests' business, so they pass it in."""
    return sorted(
        [
            ("phone_call", (("medium", "phone"),), frozenset({QIN}), frozenset({KULEBA})),
            ("phone_call", (("medium", "video"),), *video_sides),
            (
                "sanctions",
                (("action", "condemn"),),
                frozenset({CHINA}),
                frozenset({"name:the west"}),
            ),
            (
                "state_visit",
                (("status", "announced"),),
                frozenset({XI}),
                frozenset({RUSSIA, PUTIN}),
            ),
        ]
    )
