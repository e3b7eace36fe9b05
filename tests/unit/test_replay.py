"""``newswatch replay`` without a broker: positions, the per-partition plan, the arguments.

The commands against Kafka (refusing a live group, moving a stopped one back, no duplicate
deliveries after the replay) are tested on the real broker in ``tests/fault/test_replay.py``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newswatch.replay import (
    Position,
    build_parser,
    main_replay,
    parse_position,
    plan_partition,
)
from newswatch.settings import Settings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("earliest", Position("earliest")),
        ("0", Position("offset", offset=0)),
        (" 1234 ", Position("offset", offset=1234)),
        ("2024-03-01T09:00:00Z", Position("time", moment=datetime(2024, 3, 1, 9, tzinfo=UTC))),
        (
            "2024-03-01T10:00:00+01:00",
            Position("time", moment=datetime(2024, 3, 1, 10, tzinfo=timezone(timedelta(hours=1)))),
        ),
    ],
)
def test_positions_parse(text: str, expected: Position) -> None:
    assert parse_position(text) == expected


def test_a_time_with_and_without_offset_names_the_same_instant() -> None:
    utc = parse_position("2024-03-01T09:00:00Z").moment
    paris = parse_position("2024-03-01T10:00:00+01:00").moment
    assert utc is not None and paris is not None and utc.timestamp() == paris.timestamp()


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("yesterday", "RFC 3339"),
        ("-5", "RFC 3339"),
        ("latest", "RFC 3339"),
        ("2024-03-01T09:00:00", "no time zone"),
    ],
)
def test_bad_positions_say_what_is_accepted(text: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        parse_position(text)


def test_moving_back_replays_what_was_committed_after_the_start() -> None:
    plan = plan_partition(0, committed=120, earliest=0, latest=150, start=40, stop=150)
    assert (plan.target, plan.replayed, plan.window) == (40, 80, 80)
    assert "committed 120 -> 40 (80 to tag again)" in plan.describe()


def test_the_window_counts_only_replayed_messages_before_to() -> None:
    plan = plan_partition(0, committed=120, earliest=0, latest=150, start=40, stop=60)
    assert (plan.replayed, plan.window) == (80, 20)
    assert "20 of them before --to" in plan.describe(window=True)


def test_a_start_before_the_log_clamps_to_its_first_message() -> None:
    plan = plan_partition(1, committed=50, earliest=30, latest=60, start=0, stop=60)
    assert (plan.target, plan.replayed) == (30, 20)


@pytest.mark.parametrize(
    ("committed", "start"),
    [
        (50, 50),  # already there
        (50, 55),  # later than the group: moving forward would skip untagged articles
        (50, 500),  # past the end of the log
        (None, 0),  # never committed: the worker reads from the start anyway
    ],
)
def test_the_group_is_never_moved_forward_nor_set_where_it_never_was(
    committed: int | None, start: int
) -> None:
    plan = plan_partition(2, committed=committed, earliest=0, latest=60, start=start, stop=60)
    assert plan.target is None
    assert (plan.replayed, plan.window) == (0, 0)
    assert "unchanged" in plan.describe()


def test_defaults_are_the_worker_group_and_the_articles_topic() -> None:
    settings = Settings(app_id="nw-prod", topic_articles="prod.news.articles")
    args = build_parser(settings).parse_args(["--from", "earliest"])
    assert (args.group, args.topic, args.partitions, args.stop, args.dry_run) == (
        "nw-prod",
        "prod.news.articles",
        None,
        None,
        False,
    )


def test_partitions_accept_commas_and_spaces() -> None:
    args = build_parser(Settings()).parse_args(["--from", "0", "--partitions", "3, 1,1"])
    assert args.partitions == [1, 3]


@pytest.mark.parametrize(
    "argv",
    [
        [],  # --from is required
        ["--from", "yesterday"],
        ["--from", "0", "--to", "2024-01-01"],
        ["--from", "0", "--partitions", "one"],
        ["--from", "0", "--partitions", "-1"],
    ],
)
def test_bad_arguments_exit_2_before_any_connection(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # A bootstrap address nothing listens on: reaching Kafka would fail differently (exit 1).
    settings = Settings(kafka_bootstrap_servers="127.0.0.1:9")
    with pytest.raises(SystemExit) as exit_:
        main_replay(argv, settings)
    assert exit_.value.code == 2
    assert "newswatch replay" in capsys.readouterr().err
