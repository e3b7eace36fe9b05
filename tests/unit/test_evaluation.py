"""The scorer on synthetic data: the figures the accuracy floors rely on must be right."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from newswatch.contracts import Alert, Article, ArticleRef, Evidence, Mention, Participant
from newswatch.engine.taxonomy import Taxonomy
from newswatch.engine.watchlist import Watchlist
from newswatch.evaluation import (
    READ_ON,
    Counts,
    Event,
    GoldError,
    GoldPassage,
    Matcher,
    Prediction,
    Ref,
    Resolver,
    agreement,
    load_gold,
    main_evaluate,
    run_evaluation,
    score,
)
from newswatch.settings import get_settings

XI, PUTIN, RUSSIA, CHINA, USA, EU = "Q15031", "Q7747", "Q159", "Q148", "Q30", "Q458"
COUNTRY = {XI: "CN", PUTIN: "RU", RUSSIA: "RU", CHINA: "CN", USA: "US", EU: None}
KIND = {XI: "person", PUTIN: "person", RUSSIA: "country", CHINA: "country", USA: "country"}
NAME = {XI: "xi jinping", PUTIN: "vladimir putin", RUSSIA: "russia", CHINA: "china", USA: "us"}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(Taxonomy.load(get_settings().taxonomy_path))


def ref(qid: str) -> Ref:
    return Ref(NAME.get(qid, qid.lower()), qid, KIND.get(qid, "organisation"), COUNTRY.get(qid))


def event(
    kind: str,
    actors: Sequence[str] = (),
    targets: Sequence[str] = (),
    background: bool = False,
    **attrs: str,
) -> Event:
    return Event(
        kind, attrs, tuple(ref(a) for a in actors), tuple(ref(t) for t in targets), background
    )


def passage(
    pid: str,
    *events: Event,
    lang: str = "en",
    entities: Sequence[str] | None = None,
    tags: Sequence[str] = ("positive",),
) -> GoldPassage:
    return GoldPassage(
        pid,
        lang,
        "text",
        events,
        None if entities is None else frozenset(entities),
        frozenset(tags),
    )


def predicted(*events: Event, entities: Sequence[str] | None = None) -> Prediction:
    return Prediction(events, None if entities is None else frozenset(entities))


def alert(article_id: str, kind: str, actor: str, target: str, **attrs: str) -> Alert:
    return Alert(
        alert_id="0" * 32,
        event_type=kind,
        cameo="042",
        attributes=attrs,
        actors=[Participant(name="Xi Jinping", wikidata=actor, kind="person", watched=True)],
        targets=[Participant(name="Russia", wikidata=target, kind="country", watched=True)],
        entities=[Mention(name="Xi", wikidata=actor), Mention(name="Someone", wikidata=None)],
        evidence=[Evidence(text="text", start=0, end=4)],
        confidence=0.9,
        article=ArticleRef(id=article_id),
        detected_at="2024-01-01T00:00:00Z",
    )


def write_gold(tmp_path: Path, rows: Sequence[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def gold_row(pid: str, events: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": pid, "lang": "en", "text": "t", "events": events, "tags": ["positive"]} | extra


class TestCounts:
    def test_empty_denominators_claim_nothing_wrong(self) -> None:
        assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)

    def test_f1_is_the_harmonic_mean(self) -> None:
        c = Counts(tp=3, fp=1, fn=3)
        assert (c.precision, c.recall) == (0.75, 0.5)
        assert c.f1 == pytest.approx(0.6)


class TestParticipants:
    def test_same_entity_same_name_or_country_level_agree(self) -> None:
        xi, china = ref(XI), ref(CHINA)
        assert xi.agrees(Ref("xi jinping", None, "person", "CN"))  # same name, no id
        assert xi.agrees(china) and china.agrees(xi)  # one side names only the country
        assert not xi.agrees(ref(PUTIN))

    def test_two_spellings_of_an_unwatched_person_agree(self) -> None:
        first = Ref("volodymyr zelensky", None, "person", "UA")
        assert first.agrees(Ref("volodymyr zelenskyy", None, "person", "UA"))
        assert not first.agrees(Ref("denys shmyhal", None, "person", "UA"))

    def test_resolver_links_annotators_names_to_the_watchlist(self) -> None:
        resolver = Resolver(Watchlist.load(get_settings().watchlist_path))
        linked = resolver.ref({"name": "Vladimir Putin", "kind": "person", "country": "RU"})
        assert linked is not None and linked.wikidata == PUTIN
        unknown = resolver.ref({"name": "Jane Doe", "kind": "person", "country": "SN"})
        assert unknown == Ref("jane doe", None, "person", "SN")
        assert resolver.ref({"name": "Chinese firms"}) is None  # legacy: never scored


class TestMatching:
    def test_strict_needs_the_key_attribute_detection_does_not(self, matcher: Matcher) -> None:
        gold = event("state_visit", [XI], [RUSSIA], status="announced")
        alerted = event("state_visit", [XI], [RUSSIA], status="completed")
        assert matcher.detected(gold, alerted) and not matcher.strict(gold, alerted)

    def test_an_extension_counts_as_an_imposition(self, matcher: Matcher) -> None:
        gold = event("sanctions", [EU], [RUSSIA], action="extend")
        assert matcher.strict(gold, event("sanctions", [EU], [RUSSIA], action="impose"))

    def test_one_shared_participant_in_any_role_is_enough(self, matcher: Matcher) -> None:
        gold = event("phone_call", [XI], [PUTIN], medium="phone")
        assert matcher.detected(gold, event("phone_call", [PUTIN], [USA], medium="phone"))
        assert not matcher.detected(gold, event("phone_call", [USA], [EU], medium="phone"))

    def test_one_to_one_a_duplicate_alert_is_a_false_positive(self, matcher: Matcher) -> None:
        gold = [event("state_visit", [XI], [RUSSIA], status="announced")]
        twice = [event("state_visit", [XI], [RUSSIA], status="announced")] * 2
        pairs, missed, spurious = matcher.match(gold, twice, matcher.strict)
        assert (len(pairs), len(missed), len(spurious)) == (1, 0, 1)

    def test_contradictions_are_same_sides_other_attribute(self, matcher: Matcher) -> None:
        announced = event("state_visit", [XI], [RUSSIA], status="announced")
        completed = event("state_visit", [XI], [RUSSIA], status="completed")
        elsewhere = event("state_visit", [XI], [USA], status="completed")
        assert len(matcher.contradictions([announced, completed, elsewhere])) == 1
        impose = event("sanctions", [EU], [RUSSIA], action="impose")
        threaten = event("sanctions", [EU], [RUSSIA], action="threaten")
        condemn = event("sanctions", [EU], [RUSSIA], action="condemn")
        assert matcher.contradictions([impose, threaten]) == []  # both can be true
        assert len(matcher.contradictions([impose, condemn])) == 1


class TestScore:
    def test_strict_and_detection_counts(self, matcher: Matcher) -> None:
        gold = [
            passage("a", event("state_visit", [XI], [RUSSIA], status="announced")),
            passage("b", event("phone_call", [XI], [PUTIN], medium="video")),
        ]
        preds = [
            predicted(event("state_visit", [XI], [RUSSIA], status="completed")),
            predicted(event("phone_call", [XI], [PUTIN], medium="video")),
        ]
        overall = score(gold, preds, matcher=matcher).overall
        assert (overall.strict.tp, overall.strict.fp, overall.strict.fn) == (1, 1, 1)
        assert (overall.detected.tp, overall.detected.fp, overall.detected.fn) == (2, 0, 0)
        assert overall.confusion[("state_visit", "announced", "completed")] == 1

    def test_background_is_never_required_and_alerted_history_is_an_error(
        self, matcher: Matcher
    ) -> None:
        old_visit = event("state_visit", [XI], [RUSSIA], background=True, status="completed")
        old_call = event("phone_call", [XI], [PUTIN], background=True, medium="phone")
        gold = [passage("a", old_visit, old_call)]
        told_as_over = predicted(event("state_visit", [XI], [RUSSIA], status="completed"))
        assert score(gold, [told_as_over], matcher=matcher).overall.strict.fp == 0
        as_news = predicted(event("phone_call", [XI], [PUTIN], medium="phone"))
        overall = score(gold, [as_news], matcher=matcher).overall
        assert (overall.strict.fp, overall.strict.fn, overall.background_alerts) == (1, 0, 1)

    def test_alerts_on_hard_negatives_are_counted_and_named(self, matcher: Matcher) -> None:
        gold = [passage("neg-1", tags=["hard_negative"]), passage("neg-2", tags=["hard_negative"])]
        preds = [predicted(event("sanctions", [EU], [RUSSIA], action="impose")), predicted()]
        report = score(gold, preds, matcher=matcher)
        assert (report.overall.hard_negatives, report.overall.hard_negative_alerts) == (2, 1)
        assert report.hard_negative_hits == ["neg-1"]

    def test_roles_need_gold_actors_and_targets_on_their_side(self, matcher: Matcher) -> None:
        gold = [passage("a", event("sanctions", [EU], [RUSSIA], action="impose"))] * 2
        preds = [
            predicted(event("sanctions", [EU, USA], [RUSSIA], action="impose")),
            predicted(event("sanctions", [RUSSIA], [EU], action="impose")),
        ]
        roles = score(gold, preds, matcher=matcher).overall.roles
        assert (roles.correct, roles.total) == (1, 2)

    def test_entity_linking_only_where_the_gold_has_entities(self, matcher: Matcher) -> None:
        gold = [passage("a", entities=[XI, RUSSIA, CHINA]), passage("b")]
        preds = [predicted(entities=[XI, RUSSIA, EU]), predicted(entities=[USA])]
        overall = score(gold, preds, matcher=matcher).overall
        assert overall.entity_passages == 1
        assert (overall.entities.tp, overall.entities.fp, overall.entities.fn) == (2, 1, 1)

    def test_breakdown_by_language_and_contradictions(self, matcher: Matcher) -> None:
        gold = [
            passage("a", event("phone_call", [XI], [PUTIN], medium="phone"), lang="fr"),
            passage("b", event("phone_call", [XI], [PUTIN], medium="phone"), lang="zh"),
        ]
        preds = [
            predicted(
                event("phone_call", [XI], [PUTIN], medium="phone"),
                event("phone_call", [XI], [PUTIN], medium="video"),
            ),
            predicted(),
        ]
        report = score(gold, preds, matcher=matcher)
        assert report.by_language["fr"].strict.recall == 1.0
        assert report.by_language["zh"].strict.recall == 0.0
        assert report.overall.contradictions == 1

    def test_table_and_json_carry_the_same_figures(self, matcher: Matcher) -> None:
        gold = [passage("a", event("sanctions", [EU], [RUSSIA], action="extend"))]
        preds = [predicted(event("sanctions", [EU], [RUSSIA], action="impose"))]
        report = score(gold, preds, matcher=matcher, gold_path="dev.jsonl")
        data = json.loads(json.dumps(report.to_dict()))
        assert data["by_type"]["sanctions"]["f1"] == 1.0
        table = report.format_table()
        row = next(line for line in table.splitlines() if line.startswith("sanctions"))
        assert row.split()[1:7] == ["1.000", "1.000", "1.000", "1", "0", "0"]
        assert "dev.jsonl" in table and "contradictory alert pairs   0" in table

    def test_lengths_must_agree(self) -> None:
        with pytest.raises(ValueError):
            score([passage("a")], [])


class TestAgreement:
    def test_second_annotator_scored_against_the_first(self) -> None:
        first = [
            passage("a", event("phone_call", [XI], [PUTIN], medium="phone")),
            passage("b", event("state_visit", [XI], [RUSSIA], status="announced")),
        ]
        second = [
            passage("a", event("phone_call", [PUTIN], [XI], medium="phone")),
            passage("b", event("state_visit", [XI], [RUSSIA], status="ongoing")),
        ]
        report = agreement(first, second)
        assert report.overall.strict_by_type["phone_call"].f1 == 1.0
        assert report.overall.strict_by_type["state_visit"].f1 == 0.0
        assert report.overall.detected_by_type["state_visit"].f1 == 1.0

    def test_the_same_passages_are_required(self) -> None:
        with pytest.raises(ValueError):
            agreement([passage("a")], [passage("b")])


class FakeEngine:
    """Stands in for the engine: the scorer's input is plain data, so no model is needed here."""

    def __init__(self, answers: dict[str, list[Alert]]) -> None:
        self.answers = answers
        self.seen: list[Article] = []
        self.read_on: list[datetime | None] = []

    def tag_many(
        self, articles: Sequence[Article], *, now: datetime | None = None
    ) -> list[list[Alert]]:
        self.seen += articles
        self.read_on.append(now)
        return [self.answers.get(a.id, []) for a in articles]


class TestRunEvaluation:
    ROWS = (
        gold_row(
            "en-d1-001",
            [{"type": "state_visit", "attributes": {"status": "announced"},
              "actors": [{"name": "Xi Jinping", "kind": "person", "country": "CN"}],
              "targets": [{"name": "Russia", "kind": "country", "country": "RU"}]}],
            published_at="2023-03-17T10:00:00+01:00", title="Xi to Moscow",
        ),
        gold_row("fr-d1-002", [], tags=["hard_negative"], lang="fr"),
    )  # fmt: skip

    def test_passes_language_and_date_and_scores_names_against_ids(self, tmp_path: Path) -> None:
        engine = FakeEngine(
            {"en-d1-001": [alert("en-d1-001", "state_visit", XI, RUSSIA, status="announced")]}
        )
        report = run_evaluation(engine, write_gold(tmp_path, self.ROWS))
        assert [(a.id, a.language, a.published_at) for a in engine.seen] == [
            ("en-d1-001", "en", "2023-03-17T10:00:00+01:00"),
            ("fr-d1-002", "fr", None),
        ]
        # an undated passage is read on one fixed day, whatever the calendar says today
        assert engine.read_on == [READ_ON]
        assert report.overall.strict_by_type["state_visit"].tp == 1
        assert report.overall.roles.rate == 1.0


class TestLoadGold:
    def test_a_schema_mistake_names_the_line(self, tmp_path: Path) -> None:
        rows = [
            gold_row("en-visit-001", []),
            gold_row("en-visit-002", [{"type": "state_visit", "attributes": {"status": "maybe"},
                                       "actors": [], "targets": []}]),
        ]  # fmt: skip
        with pytest.raises(GoldError, match=r"gold\.jsonl:2: "):
            load_gold(write_gold(tmp_path, rows))

    def test_duplicate_ids_are_refused(self, tmp_path: Path) -> None:
        with pytest.raises(GoldError, match="duplicate"):
            load_gold(write_gold(tmp_path, [gold_row("en-neg-001", [])] * 2))

    def test_legacy_rows_still_load(self, tmp_path: Path) -> None:
        row = gold_row(
            "en-visit-001",
            [{"type": "state_visit", "attributes": {"status": "announced"},
              "actors": [XI], "targets": [RUSSIA, {"name": "Moscow mayor"}]}],
            entities=[XI, RUSSIA],
        )  # fmt: skip
        (loaded,) = load_gold(write_gold(tmp_path, [row]))
        assert [r.wikidata for r in loaded.events[0].participants] == [XI, RUSSIA]
        assert loaded.entities == frozenset({XI, RUSSIA})

    def test_cli_entry_reports_a_bad_gold_file_without_loading_models(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main_evaluate(tmp_path / "missing.jsonl", as_json=False) == 2
        assert "missing.jsonl" in capsys.readouterr().err
