"""The scorer on synthetic predictions: the figures the accuracy floor relies on must be right."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from newswatch.contracts import Alert, Article, ArticleRef, Evidence, Mention, Participant
from newswatch.evaluation import (
    Counts,
    Event,
    GoldError,
    GoldPassage,
    Prediction,
    load_gold,
    main_evaluate,
    match_events,
    run_evaluation,
    score,
)

XI, PUTIN, RUSSIA, CHINA, USA, EU = "Q15031", "Q7747", "Q159", "Q148", "Q30", "Q458"


def event(
    kind: str, actors: Sequence[str] = (), targets: Sequence[str] = (), **attrs: str
) -> Event:
    return Event(kind, attrs, frozenset(actors), frozenset(targets))


def passage(
    pid: str,
    *events: Event,
    lang: str = "en",
    entities: Sequence[str] = (),
    tags: Sequence[str] = ("positive",),
) -> GoldPassage:
    return GoldPassage(pid, lang, "text", events, frozenset(entities), frozenset(tags))


def predicted(*events: Event, entities: Sequence[str] | None = None) -> Prediction:
    return Prediction(events, None if entities is None else frozenset(entities))


def alert(article_id: str, kind: str, actor: str, target: str, **attrs: str) -> Alert:
    return Alert(
        alert_id="0" * 32,
        event_type=kind,
        cameo="042",
        attributes=attrs,
        actors=[Participant(name=actor, wikidata=actor, kind="person", watched=True)],
        targets=[Participant(name=target, wikidata=target, kind="country", watched=True)],
        entities=[Mention(name=actor, wikidata=actor), Mention(name="Someone", wikidata=None)],
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
    row = {
        "id": pid,
        "lang": "en",
        "text": "t",
        "events": events,
        "entities": [],
        "tags": ["positive"],
    }
    return row | extra


class TestCounts:
    def test_empty_denominators_claim_nothing_wrong(self) -> None:
        assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)

    def test_nothing_found_has_zero_recall_and_f1(self) -> None:
        c = Counts(tp=0, fp=0, fn=3)
        assert (c.precision, c.recall, c.f1) == (1.0, 0.0, 0.0)

    def test_f1_is_the_harmonic_mean(self) -> None:
        c = Counts(tp=3, fp=1, fn=3)
        assert c.precision == 0.75
        assert c.recall == 0.5
        assert c.f1 == pytest.approx(0.6)


class TestMatching:
    def test_type_must_be_equal(self) -> None:
        pairs, missed, spurious = match_events(
            [event("state_visit", [XI], [RUSSIA])], [event("meeting", [XI], [RUSSIA])]
        )
        assert (len(pairs), len(missed), len(spurious)) == (0, 1, 1)

    def test_participants_must_overlap(self) -> None:
        pairs, _, _ = match_events(
            [event("sanctions", [EU], [RUSSIA])], [event("sanctions", [USA], [CHINA])]
        )
        assert pairs == []

    def test_one_shared_participant_in_any_role_is_enough(self) -> None:
        pairs, _, _ = match_events(
            [event("phone_call", [XI], [PUTIN])], [event("phone_call", [PUTIN], [USA])]
        )
        assert len(pairs) == 1

    def test_gold_without_watched_participants_matches_on_type(self) -> None:
        pairs, _, _ = match_events([event("sanctions")], [event("sanctions", [USA], [CHINA])])
        assert len(pairs) == 1

    def test_one_to_one_duplicate_prediction_is_a_false_positive(self) -> None:
        gold = [event("state_visit", [XI], [RUSSIA], status="announced")]
        twice = [event("state_visit", [XI], [RUSSIA], status="announced")] * 2
        pairs, missed, spurious = match_events(gold, twice)
        assert (len(pairs), len(missed), len(spurious)) == (1, 0, 1)

    def test_prefers_the_candidate_whose_attributes_agree(self) -> None:
        gold = [event("sanctions", [CHINA], [USA], action="condemn")]
        preds = [
            event("sanctions", [CHINA], [USA], action="impose"),
            event("sanctions", [CHINA], [USA], action="condemn"),
        ]
        pairs, _, spurious = match_events(gold, preds)
        assert pairs[0][1].attributes == {"action": "condemn"}
        assert spurious[0].attributes == {"action": "impose"}


class TestScore:
    def test_per_type_and_micro_counts(self) -> None:
        gold = [
            passage("a", event("state_visit", [XI], [RUSSIA], status="announced")),
            passage("b", event("phone_call", [XI], [PUTIN], medium="video")),
            passage("c"),
        ]
        preds = [
            predicted(event("state_visit", [XI], [RUSSIA], status="announced")),
            predicted(),
            predicted(event("phone_call", [USA], [CHINA], medium="phone")),
        ]
        report = score(gold, preds)
        visit, call = report.overall.by_type["state_visit"], report.overall.by_type["phone_call"]
        assert (visit.tp, visit.fp, visit.fn) == (1, 0, 0)
        assert (call.tp, call.fp, call.fn) == (0, 1, 1)
        micro = report.overall.events
        assert (micro.tp, micro.fp, micro.fn) == (1, 1, 1)
        assert micro.f1 == pytest.approx(0.5)

    def test_attribute_accuracy_overall_and_per_gold_value(self) -> None:
        gold = [
            passage("a", event("state_visit", [XI], [RUSSIA], status="announced")),
            passage("b", event("state_visit", [XI], [RUSSIA], status="completed")),
            passage("c", event("state_visit", [XI], [RUSSIA], status="completed")),
            passage("d", event("meeting", [XI], [PUTIN])),
        ]
        preds = [
            predicted(event("state_visit", [XI], [RUSSIA], status="announced")),
            predicted(event("state_visit", [XI], [RUSSIA], status="ongoing")),
            predicted(event("state_visit", [XI], [RUSSIA], status="completed")),
            predicted(event("meeting", [XI], [PUTIN])),
        ]
        overall = score(gold, preds).overall
        assert (overall.attributes.correct, overall.attributes.total) == (2, 3)
        assert overall.attribute_values["status=announced"].rate == 1.0
        assert overall.attribute_values["status=completed"].rate == 0.5

    def test_attribute_accuracy_is_undefined_without_matches(self) -> None:
        report = score(
            [passage("a", event("sanctions", [EU], [RUSSIA], action="impose"))], [predicted()]
        )
        assert report.overall.attributes.rate is None
        assert report.to_dict()["attributes"]["accuracy"] is None

    def test_roles_need_gold_actors_and_targets_on_the_right_side(self) -> None:
        gold = [
            passage("a", event("sanctions", [EU], [RUSSIA], action="impose")),
            passage("b", event("sanctions", [EU], [RUSSIA], action="impose")),
        ]
        preds = [
            predicted(event("sanctions", [EU, USA], [RUSSIA], action="impose")),
            predicted(event("sanctions", [RUSSIA], [EU], action="impose")),
        ]
        roles = score(gold, preds).overall.roles
        assert (roles.correct, roles.total) == (1, 2)

    def test_entity_linking_counts_only_passages_with_a_prediction(self) -> None:
        gold = [
            passage("a", entities=[XI, RUSSIA, CHINA]),
            passage("b", entities=[USA]),
        ]
        preds = [predicted(entities=[XI, RUSSIA, EU]), predicted(entities=None)]
        overall = score(gold, preds).overall
        assert overall.entity_passages == 1
        assert (overall.entities.tp, overall.entities.fp, overall.entities.fn) == (2, 1, 1)

    def test_alerts_on_hard_negatives_are_counted_and_named(self) -> None:
        gold = [
            passage("neg-1", tags=["hard_negative"]),
            passage("neg-2", tags=["hard_negative"]),
        ]
        preds = [predicted(event("sanctions", [EU], [RUSSIA]), event("meeting")), predicted()]
        report = score(gold, preds)
        assert report.overall.hard_negatives == 2
        assert report.overall.hard_negative_alerts == 2
        assert report.hard_negative_hits == ["neg-1"]

    def test_breakdown_by_language(self) -> None:
        gold = [
            passage("a", event("meeting", [XI], [PUTIN]), lang="fr"),
            passage("b", event("meeting", [XI], [PUTIN]), lang="zh"),
        ]
        report = score(gold, [predicted(event("meeting", [XI], [PUTIN])), predicted()])
        assert report.by_language["fr"].events.recall == 1.0
        assert report.by_language["zh"].events.recall == 0.0

    def test_failures_say_what_was_expected_and_what_came(self) -> None:
        gold = [passage("a", event("state_visit", [XI], [RUSSIA], status="announced"))]
        preds = [predicted(event("state_visit", [XI], [RUSSIA], status="completed"))]
        (failure,) = score(gold, preds).failures
        assert failure.kind == "attribute"
        assert "status=announced" in failure.expected
        assert "status=completed" in failure.got

    def test_lengths_must_agree(self) -> None:
        with pytest.raises(ValueError):
            score([passage("a")], [])


class TestReportOutput:
    def test_table_and_json_carry_the_same_figures(self) -> None:
        gold = [passage("a", event("sanctions", [EU], [RUSSIA], action="extend"))]
        preds = [predicted(event("sanctions", [EU], [RUSSIA], action="impose"))]
        report = score(gold, preds, gold_path="dev.jsonl")
        data = json.loads(json.dumps(report.to_dict()))
        assert data["by_type"]["sanctions"] == {
            "precision": 1.0,
            "recall": 1.0,
            "f1": 1.0,
            "tp": 1,
            "fp": 0,
            "fn": 0,
        }
        assert data["attributes"]["accuracy"] == 0.0
        table = report.format_table()
        assert "dev.jsonl" in table
        sanctions_row = next(line for line in table.splitlines() if line.startswith("sanctions"))
        assert sanctions_row.split()[1:] == ["1.000", "1.000", "1.000", "1", "0", "0"]
        assert "action=extend" in table


class FakeEngine:
    """Stands in for the engine: the scorer's input is plain data, so no model is needed here."""

    def __init__(self, answers: dict[str, list[Alert]]) -> None:
        self.answers = answers
        self.seen: list[Article] = []

    def tag_many(self, articles: Sequence[Article]) -> list[list[Alert]]:
        self.seen += articles
        return [self.answers.get(a.id, []) for a in articles]


class LinkingEngine(FakeEngine):
    def link(self, article: Article) -> list[Mention]:
        return [Mention(name="Russia", wikidata=RUSSIA)]


class TestRunEvaluation:
    ROWS = (
        gold_row(
            "en-visit-001",
            [{"type": "state_visit", "attributes": {"status": "announced"},
              "actors": [XI], "targets": [RUSSIA, {"name": "Moscow mayor"}]}],
            entities=[XI, RUSSIA],
        ),
        gold_row("en-neg-001", [], tags=["hard_negative"], lang="fr", entities=[RUSSIA]),
    )  # fmt: skip

    def test_tags_every_passage_with_its_language_and_scores_alerts(self, tmp_path: Path) -> None:
        engine = FakeEngine(
            {"en-visit-001": [alert("en-visit-001", "state_visit", XI, RUSSIA, status="announced")]}
        )
        report = run_evaluation(engine, write_gold(tmp_path, self.ROWS))
        assert [(a.id, a.language) for a in engine.seen] == [
            ("en-visit-001", "en"),
            ("en-neg-001", "fr"),
        ]
        assert report.overall.by_type["state_visit"].tp == 1
        assert report.overall.roles.rate == 1.0  # the non-watched gold target is not scored
        assert report.entity_scope == "passages with alerts"
        assert report.overall.entity_passages == 1
        assert report.overall.entities.recall == 0.5  # the alert names only Xi among its entities

    def test_uses_the_engine_linker_for_every_passage_when_offered(self, tmp_path: Path) -> None:
        report = run_evaluation(LinkingEngine({}), write_gold(tmp_path, self.ROWS))
        assert report.entity_scope == "all passages"
        assert report.overall.entity_passages == 2
        assert report.overall.entities.tp == 2


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

    def test_not_json_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "gold.jsonl"
        path.write_text("{not json\n", encoding="utf-8")
        with pytest.raises(GoldError, match=r":1: not JSON"):
            load_gold(path)

    def test_cli_entry_reports_a_bad_gold_file_without_loading_models(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main_evaluate(tmp_path / "missing.jsonl", as_json=False) == 2
        assert "missing.jsonl" in capsys.readouterr().err
