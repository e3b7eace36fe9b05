"""Story clustering decisions: keys, windows, updates, counts and redeliveries."""

from __future__ import annotations

import pytest
from stream_fakes import RUSSIA, XI, make_alert

from newswatch.contracts import Alert, Article, Participant
from newswatch.engine.taxonomy import Taxonomy
from newswatch.settings import Settings
from newswatch.stream.stories import (
    Annotation,
    Outcome,
    StoryPolicy,
    StoryState,
    annotated,
    cluster,
    instant,
    sighting,
    source_of,
)

SETTINGS = Settings(story_horizon_s=3600.0, story_sources_listed=2)
POLICY = StoryPolicy.of(Taxonomy.load(SETTINGS.taxonomy_path), SETTINGS)
PUTIN = Participant(
    name="Vladimir Putin", wikidata="Q7747", kind="person", country="RU", watched=True
)
BIDEN = Participant(name="Joe Biden", wikidata="Q6279", kind="person", country="US", watched=True)
NOW = 1_700_000_000.0


def alert(article_id: str, source: str | None = "AFP", **changes: object) -> Alert:
    article = Article(id=article_id, text="Xi Jinping se rendra en Russie.", source=source)
    return make_alert(article).model_copy(update=changes)


class Store:
    """The two tables as plain dicts, updated the way ``StoryTables.annotate`` does."""

    def __init__(self) -> None:
        self.stories: dict[str, StoryState] = {}
        self.memo: dict[str, Annotation] = {}

    def see(self, item: Alert, event_time: float = NOW, now: float = NOW) -> Outcome:
        key = POLICY.key(item)
        outcome = cluster(
            item, event_time, self.stories.get(key), self.memo.get(item.alert_id), POLICY, now
        )
        if outcome.state is not None:
            self.stories[key] = outcome.state
            self.memo[item.alert_id] = outcome.annotation
        return outcome


def test_first_sighting_is_new_and_later_articles_corroborate_with_counts() -> None:
    store = Store()
    sources = ["AFP", "Le Monde", "afp", "Reuters", "BBC"]
    outcomes = [store.see(alert(f"a{i}", s), NOW + i) for i, s in enumerate(sources)]
    assert [o.annotation.update for o in outcomes] == ["new"] + ["corroborated"] * 4
    assert len({o.annotation.story_id for o in outcomes}) == 1
    assert [o.annotation.story_articles for o in outcomes] == [1, 2, 3, 4, 5]
    assert [o.annotation.story_sources for o in outcomes] == [1, 2, 2, 3, 4]  # AFP = afp
    assert outcomes[-1].annotation.sources == ["AFP", "Le Monde"]  # listed: at most 2


def test_a_redelivered_alert_gets_its_first_annotation_and_changes_nothing() -> None:
    store = Store()
    first = [store.see(alert(f"a{i}", f"s{i}"), NOW + i) for i in range(3)]
    state = dict(store.stories)
    again = [store.see(alert(f"a{i}", f"s{i}"), NOW + i, now=NOW + 100) for i in range(3)]
    assert all(o.redelivered for o in again)
    assert [o.annotation for o in again] == [o.annotation for o in first]
    assert store.stories == state


def test_a_later_status_changes_the_story_and_an_earlier_one_only_corroborates() -> None:
    store = Store()
    store.see(alert("a1", attributes={"status": "announced"}))
    done = store.see(alert("a2", attributes={"status": "completed"}), NOW + 60)
    late = store.see(alert("a3", attributes={"status": "announced"}), NOW + 120)
    assert (done.annotation.update, late.annotation.update) == ("status_changed", "corroborated")
    assert len({done.annotation.story_id, late.annotation.story_id}) == 1
    (state,) = store.stories.values()
    assert state.status == "completed" and state.articles == 3


def test_outside_the_horizon_the_same_key_starts_a_new_story() -> None:
    store = Store()
    first = store.see(alert("a1"))
    later = store.see(alert("a2"), NOW + POLICY.horizon_s + 1, now=NOW + 10)
    assert later.annotation.update == "new"
    assert later.annotation.story_id != first.annotation.story_id


def test_expired_state_counts_as_absent_but_the_story_id_is_the_same_on_replay() -> None:
    store = Store()
    first = store.see(alert("a1"))
    store.memo.clear()
    again = store.see(alert("a1"), now=NOW + POLICY.retention_s + 1)
    assert again.annotation.update == "new"
    assert again.annotation.story_id == first.annotation.story_id  # key + window start


def test_symmetric_types_ignore_who_called_whom_and_keys_separate_attributes() -> None:
    call = alert("a1", event_type="phone_call", actors=[XI], targets=[PUTIN], attributes={})
    back = call.model_copy(update={"actors": [PUTIN], "targets": [XI]})
    video = call.model_copy(update={"attributes": {"medium": "video"}})
    assert POLICY.key(call) == POLICY.key(back)
    assert POLICY.key(call) != POLICY.key(video)
    other = call.model_copy(update={"targets": [BIDEN]})
    assert POLICY.key(call) != POLICY.key(other)


def test_sanctions_stories_are_per_action_and_direction_matters() -> None:
    impose = alert(
        "a1",
        event_type="sanctions",
        actors=[BIDEN],
        targets=[RUSSIA],
        attributes={"action": "impose"},
    )
    lift = impose.model_copy(update={"attributes": {"action": "lift"}})
    reverse = impose.model_copy(update={"actors": [RUSSIA], "targets": [BIDEN]})
    assert len({POLICY.key(impose), POLICY.key(lift), POLICY.key(reverse)}) == 3


def test_a_state_visit_host_is_its_country_whichever_way_it_is_named() -> None:
    to_country = alert("a1", targets=[RUSSIA.model_copy(update={"country": "RU"})])
    to_leader = alert("a2", targets=[PUTIN])
    both = alert("a3", targets=[RUSSIA.model_copy(update={"country": "RU"}), PUTIN])
    assert POLICY.key(to_country) == POLICY.key(to_leader) == POLICY.key(both)


def test_unwatched_participants_do_not_split_a_story() -> None:
    stranger = Participant(name="a spokesman", kind="person")
    plain = alert("a1", event_type="meeting", actors=[XI], targets=[PUTIN])
    extra = plain.model_copy(update={"targets": [PUTIN, stranger]})
    assert POLICY.key(plain) == POLICY.key(extra)


@pytest.mark.parametrize(
    ("source", "url", "expected"),
    [
        ("  Le Monde ", None, "Le Monde"),
        (None, "https://www.reuters.com/world/x", "reuters.com"),
        (None, None, "unknown"),
    ],
)
def test_the_source_is_the_outlet_else_the_host_of_the_url(
    source: str | None, url: str | None, expected: str
) -> None:
    ref = alert("a1").article.model_copy(update={"source": source, "url": url})
    assert source_of(alert("a1", article=ref)) == expected


def test_a_sighting_takes_the_article_time_and_carries_the_alert() -> None:
    article = Article(id="a1", text="Xi.", published_at="2024-03-17T10:00:00+01:00")
    item = make_alert(article)
    seen = sighting(item, article, POLICY)
    assert seen.event_time == instant("2024-03-17T09:00:00Z") == seen.article_time
    assert seen.story_key == POLICY.key(item)
    assert Alert.model_validate(seen.alert) == item

    undated = Article(id="a2", text="Xi.")
    fallback = sighting(make_alert(undated), undated, POLICY)
    assert fallback.article_time is None
    assert fallback.event_time == instant(make_alert(undated).detected_at)


def test_annotated_alerts_are_valid_alert_v1_documents() -> None:
    from newswatch.contracts import schema_errors

    outcome = Store().see(alert("a1"))
    document = annotated(alert("a1"), outcome.annotation).model_dump(mode="json")
    assert schema_errors("alert.v1", document) == []
    assert (document["update"], document["story_articles"], document["sources"]) == (
        "new",
        1,
        ["AFP"],
    )
