from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from newswatch.contracts import SCHEMA_DIR, Alert
from newswatch.observability.metrics import WORKER_REGISTRY
from newswatch.settings import Settings
from newswatch.subscriptions import LiveSubscriptions, Rule, Subscriptions, SubscriptionsError

US = {"name": "United States", "wikidata": "Q30", "kind": "country", "country": "US"}
RU = {"name": "Russia", "wikidata": "Q159", "kind": "country", "country": "RU"}
MACRON = {"name": "Emmanuel Macron", "wikidata": "Q3052772", "kind": "person", "country": "FR"}


def alert(**changes: Any) -> Alert:
    example = json.loads((SCHEMA_DIR / "alert.v1.json").read_text(encoding="utf-8"))["examples"][0]
    return Alert.model_validate({**example, **changes})


def sanctions(action: str, **changes: Any) -> Alert:
    fields = {"actors": [US], "targets": [RU], **changes}
    return alert(event_type="sanctions", cameo="163", attributes={"action": action}, **fields)


def rule(**fields: Any) -> Rule:
    return Rule.model_validate({"name": "r", **fields})


def test_shipped_russia_sanctions_rule_wants_impose_not_condemn() -> None:
    shipped = Subscriptions.load(Settings().subscriptions_path)

    def wanted(a: Alert) -> bool:
        return "sanctions-on-russia" in [r.name for r in shipped.rules_matching(a)]

    assert wanted(sanctions("impose"))
    assert wanted(sanctions("extend"))
    assert not wanted(sanctions("condemn"))
    # Russia sanctioning the United States is not a sanction on Russia.
    assert not wanted(sanctions("impose", actors=[RU], targets=[US]))


def test_empty_rule_matches_everything_new() -> None:
    assert rule().matches(alert())


def test_event_types() -> None:
    assert rule(event_types=["phone_call"]).matches(alert())
    assert not rule(event_types=["sanctions", "meeting"]).matches(alert())


@pytest.mark.parametrize(
    ("role", "as_actor", "as_target", "as_mention"),
    [
        ("any", True, True, True),
        ("participant", True, True, False),
        ("actor", True, False, False),
        ("target", False, True, False),
    ],
)
def test_entity_roles(role: str, as_actor: bool, as_target: bool, as_mention: bool) -> None:
    wants_russia = rule(entities=["Q159"], role=role)
    mention = {**RU, "mentions": ["Moscou"]}
    assert wants_russia.matches(sanctions("x", actors=[RU], targets=[US])) is as_actor
    assert wants_russia.matches(sanctions("x")) is as_target
    assert wants_russia.matches(sanctions("x", targets=[US], entities=[mention])) is as_mention


def test_countries_match_a_person_of_that_country_or_the_country_itself() -> None:
    france = rule(countries=["FR"])
    assert france.matches(alert(actors=[MACRON], targets=[US]))
    assert france.matches(alert(targets=[{**RU, "name": "France", "country": "FR"}]))
    assert france.matches(alert(entities=[{**MACRON, "mentions": ["Macron"]}]))
    assert not france.matches(sanctions("impose"))
    assert not rule(countries=["FR"], role="actor").matches(alert(actors=[US], targets=[MACRON]))


def test_criteria_combine_with_and() -> None:
    both = rule(entities=["Q30"], countries=["RU"], role="participant")
    assert both.matches(sanctions("impose"))
    assert not both.matches(sanctions("impose", targets=[MACRON]))


def test_attributes_accept_listed_values_and_need_the_attribute() -> None:
    impose = rule(attributes={"action": ["impose", "extend"]})
    assert impose.matches(sanctions("extend"))
    assert not impose.matches(sanctions("lift"))
    assert not impose.matches(alert())


def test_min_confidence_is_inclusive() -> None:
    assert rule(min_confidence=0.9).matches(alert(confidence=0.9))
    assert not rule(min_confidence=0.9).matches(alert(confidence=0.89))


@pytest.mark.parametrize(
    ("update", "by_default"),
    [(None, True), ("new", True), ("status_changed", True), ("corroborated", False)],
)
def test_updates_default_leaves_out_corroborations(update: str | None, by_default: bool) -> None:
    assert rule().matches(alert(update=update)) is by_default
    assert rule(updates=["corroborated"]).matches(alert(update=update)) is (
        update == "corroborated"
    )


def test_rule_topic_is_named_after_the_rule() -> None:
    assert (
        Settings().subscription_topic("sanctions-on-russia")
        == "news.alerts.sub.sanctions-on-russia"
    )


BROKEN = """\
version: 1
rules:
  - name: Bad_Name
    event_types: [sanctions]
    colour: red
    sinks:
      - type: webhook
        format: xml
  - name: ok
    min_confidence: 2
"""


def test_schema_mistakes_are_reported_with_file_and_line() -> None:
    with pytest.raises(SubscriptionsError) as caught:
        Subscriptions.parse(BROKEN, source="subs.yaml")
    where = [(p.line, p.message.split(":")[0]) for p in caught.value.problems]
    assert where == [
        (3, "rules/0/name"),
        (5, "rules/0"),
        (7, "rules/0/sinks/0"),
        (8, "rules/0/sinks/0/format"),
        (10, "rules/1/min_confidence"),
    ]
    assert str(caught.value).splitlines()[1].startswith("subs.yaml:5: ")
    assert "colour" in caught.value.problems[1].message


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("version: 1\nrules:\n  - name: a\n  - name: a\n", 4, "duplicate rule name"),
        ("version: 1\nrules:\n  - name: [\n", 4, "invalid YAML"),
        ("rules: []\n", 1, "'version' is a required property"),
        ("version: 1\nrules:\n  - name: a\n    sinks: [{type: pager}]\n", 4, "pager"),
    ],
)
def test_other_mistakes_have_lines_too(text: str, line: int, fragment: str) -> None:
    with pytest.raises(SubscriptionsError) as caught:
        Subscriptions.parse(text, source="s.yaml")
    first = caught.value.problems[0]
    assert (first.line, fragment in first.message) == (line, True)


def test_sink_ids_are_stable_and_shared_by_equal_sinks() -> None:
    text = (
        "version: 1\nrules:\n"
        "  - {name: a, sinks: [{type: webhook, url: 'http://h/x'}]}\n"
        "  - {name: b, sinks: [{type: webhook, url: 'http://h/x'}, {type: stdout, id: mine}]}\n"
    )
    a, b = Subscriptions.parse(text, source="s").rules
    assert a.sinks[0].sink_id == b.sinks[0].sink_id
    assert a.sinks[0].sink_id.startswith("webhook-")
    assert b.sinks[1].sink_id == "mine"


# -- live reload -------------------------------------------------------------------------------

GOOD = "version: 1\nrules:\n  - name: first\n"
BETTER = "version: 1\nrules:\n  - name: first\n  - name: second\n"


def reloads(outcome: str) -> float:
    labels = {"kind": "subscriptions", "outcome": outcome}
    return WORKER_REGISTRY.get_sample_value("newswatch_config_reloads_total", labels) or 0.0


def write(path: Path, text: str, tick: int) -> None:
    """Write and give the file a distinct mtime, as a later edit would have."""
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(tick * 10**9, tick * 10**9))


def names(live: LiveSubscriptions) -> list[str]:
    return [r.name for r in live.current.rules]


def test_an_edited_file_is_picked_up_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "subs.yaml"
    write(path, GOOD, 1)
    live = LiveSubscriptions(path)
    assert live.refresh() is False
    before = reloads("ok")
    write(path, BETTER, 2)
    assert live.refresh() is True
    assert names(live) == ["first", "second"]
    assert reloads("ok") == before + 1


def test_a_broken_edit_keeps_the_previous_rules(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "subs.yaml"
    write(path, GOOD, 1)
    live = LiveSubscriptions(path)
    before = reloads("error")
    write(path, "version: 1\nrules:\n  - name: Nope\n", 2)
    assert live.refresh() is False
    assert names(live) == ["first"]
    assert reloads("error") == before + 1
    assert "previous rules kept" in caplog.text
    # Fixed again: applied.
    write(path, BETTER, 3)
    assert live.refresh() is True


def test_config_topic_messages_apply_and_tombstones_restore_the_file(tmp_path: Path) -> None:
    path = tmp_path / "subs.yaml"
    write(path, GOOD, 1)
    live = LiveSubscriptions(path)
    assert live.apply_config_message(b"watchlist", BETTER.encode()) is False
    assert live.apply_config_message(b"subscriptions", BETTER.encode()) is True
    assert names(live) == ["first", "second"]
    assert live.apply_config_message("subscriptions", b"version: 2\n") is False
    assert names(live) == ["first", "second"]
    assert live.apply_config_message(b"subscriptions", None) is True
    assert names(live) == ["first"]


def test_a_version_the_consumer_cannot_serve_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "subs.yaml"
    write(path, GOOD, 1)

    def refuse_second(subs: Subscriptions) -> None:
        if len(subs.rules) > 1:
            raise ValueError("cannot build sink")

    live = LiveSubscriptions(path, validate=refuse_second)
    write(path, BETTER, 2)
    assert live.refresh() is False
    assert names(live) == ["first"]
