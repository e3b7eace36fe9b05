"""``newswatch replay``: move the worker's consumer group back so articles are tagged again.

Replayed articles take the normal path (the worker, its dead-letter topic, its stories) because
this command only rewrites the committed offsets of the worker's group (the Faust app id). Kafka
accepts that only while the group has no members, so the workers are stopped first; a group with
members is refused before anything is written, and the broker refuses it too if a worker joins in
between. Alert ids are deterministic and the notifier records ``(sink, alert_id)``, so replayed
alerts reach no sink twice.

The group is only ever moved back: a position later than the committed one would skip articles
nobody has tagged, so such partitions are left alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from kafka import KafkaAdminClient
from kafka.admin import OffsetSpec, OffsetTimestamp
from kafka.errors import CoordinatorNotAvailableError, GroupIdNotFoundError, KafkaError
from kafka.structs import OffsetAndMetadata, TopicPartition

from newswatch.exits import BUSY, UNAVAILABLE, USAGE
from newswatch.kafka.clients import make_admin
from newswatch.settings import Settings, get_settings

# The statuses every command uses (newswatch.exits, the README's table).
EXIT_FAILED = UNAVAILABLE
EXIT_USAGE = USAGE
EXIT_GROUP_ACTIVE = BUSY
_COORDINATOR_TRIES = 5


@dataclass(frozen=True)
class Position:
    """Where a replay starts or ends: the oldest message, an offset, or a moment."""

    kind: Literal["earliest", "offset", "time"]
    offset: int = 0
    moment: datetime | None = None

    def __str__(self) -> str:
        if self.kind == "time" and self.moment is not None:
            return self.moment.isoformat()
        return "earliest" if self.kind == "earliest" else str(self.offset)


def parse_position(text: str) -> Position:
    """``earliest``, an offset (applied to every partition chosen), or an RFC 3339 time."""
    value = text.strip()
    if value == "earliest":
        return Position("earliest")
    if value.isdigit():
        return Position("offset", offset=int(value))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{text!r} is not 'earliest', an offset or an RFC 3339 time (e.g. 2024-03-01T09:00:00Z)"
        ) from None
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone: add Z or an offset such as +01:00")
    return Position("time", moment=moment)


@dataclass(frozen=True)
class PartitionPlan:
    """One partition: where the group is, and where it will resume."""

    partition: int
    committed: int | None
    earliest: int
    latest: int
    target: int | None  # None: left as it is
    window_end: int

    @property
    def replayed(self) -> int:
        """Messages already processed that the worker will process again."""
        if self.target is None or self.committed is None:
            return 0
        return self.committed - self.target

    @property
    def window(self) -> int:
        """Of the messages tagged again, those before ``--to`` (all of them without it)."""
        if self.target is None or self.committed is None:
            return 0
        return max(0, min(self.window_end, self.committed) - self.target)

    def describe(self, *, window: bool = False) -> str:
        where = "nothing committed" if self.committed is None else f"committed {self.committed}"
        if self.target is None:
            return f"partition {self.partition}: {where}; unchanged (nothing earlier to replay)"
        upto = f", {self.window} of them before --to" if window else ""
        return (
            f"partition {self.partition}: {where} -> {self.target} "
            f"({self.replayed} to tag again{upto})"
        )


def plan_partition(
    partition: int, committed: int | None, earliest: int, latest: int, start: int, stop: int
) -> PartitionPlan:
    """The move for one partition, given resolved offsets; never forward, never off the log.

    A partition with no committed offset is left alone: the worker reads it from the start.
    """
    target = min(max(start, earliest), latest)
    moved = committed is not None and target < committed
    window_end = min(max(stop, earliest), latest)
    return PartitionPlan(
        partition, committed, earliest, latest, target if moved else None, window_end
    )


def _spec(position: Position) -> OffsetSpec | OffsetTimestamp | None:
    if position.kind == "earliest":
        return OffsetSpec.EARLIEST
    if position.kind == "time" and position.moment is not None:
        return OffsetTimestamp(int(position.moment.timestamp() * 1000))
    return None


def resolve(
    admin: KafkaAdminClient, partitions: Sequence[TopicPartition], position: Position, latest: int
) -> dict[TopicPartition, int]:
    """Offsets for a position; a time after the last message resolves to the log's end."""
    spec = _spec(position)
    if spec is None:
        return {tp: position.offset for tp in partitions}
    found = admin.list_partition_offsets({tp: spec for tp in partitions})
    return {tp: found[tp].offset if found[tp].offset >= 0 else latest for tp in partitions}


def group_members(admin: KafkaAdminClient, group: str) -> list[str]:
    """``client_id@host`` of every live member of ``group``; empty when it has none."""
    for attempt in range(_COORDINATOR_TRIES):
        try:
            described: dict[str, Any] = admin.describe_groups([group])[group]
            break
        except GroupIdNotFoundError:
            return []
        except CoordinatorNotAvailableError:  # the offsets topic is created on first use
            if attempt + 1 == _COORDINATOR_TRIES:
                raise
            time.sleep(1.0)
    return [f"{m['client_id']}@{m['client_host']}" for m in described.get("members") or []]


def committed_offsets(
    admin: KafkaAdminClient, group: str, partitions: Iterable[TopicPartition]
) -> dict[TopicPartition, int | None]:
    found = admin.list_group_offsets({group: list(partitions)})[group]
    return {tp: (meta.offset if meta.offset >= 0 else None) for tp, meta in found.items()}


def make_plan(
    admin: KafkaAdminClient,
    group: str,
    partitions: Sequence[TopicPartition],
    start: Position,
    stop: Position | None,
) -> list[PartitionPlan]:
    earliest = admin.list_partition_offsets({tp: OffsetSpec.EARLIEST for tp in partitions})
    latest = admin.list_partition_offsets({tp: OffsetSpec.LATEST for tp in partitions})
    committed = committed_offsets(admin, group, partitions)
    plans = []
    for tp in partitions:
        end = latest[tp].offset
        begin = resolve(admin, [tp], start, end)[tp]
        until = resolve(admin, [tp], stop, end)[tp] if stop is not None else end
        plans.append(
            plan_partition(tp.partition, committed.get(tp), earliest[tp].offset, end, begin, until)
        )
    return plans


def apply_plan(
    admin: KafkaAdminClient, group: str, topic: str, plans: Iterable[PartitionPlan]
) -> list[str]:
    """Commit the new positions; the errors, per partition, that the broker answered."""
    moves = {
        TopicPartition(topic, p.partition): OffsetAndMetadata(p.target, "", None)
        for p in plans
        if p.target is not None
    }
    if not moves:
        return []
    answers = admin.alter_group_offsets(group, moves)
    return [
        f"partition {tp.partition}: {error.__name__}"
        for tp, error in sorted(answers.items())
        if error.errno != 0
    ]


def _partitions(text: str) -> list[int]:
    try:
        chosen = sorted({int(p) for p in text.replace(",", " ").split()})
    except ValueError:
        raise argparse.ArgumentTypeError("partition numbers, e.g. 0,2,3") from None
    if not chosen or chosen[0] < 0:
        raise argparse.ArgumentTypeError("partition numbers, e.g. 0,2,3")
    return chosen


def _position(text: str) -> Position:
    try:
        return parse_position(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser(settings: Settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newswatch replay",
        description="Move the worker's consumer group back so articles are tagged again. "
        "Stop the workers first.",
    )
    parser.add_argument(
        "--from",
        dest="start",
        required=True,
        type=_position,
        metavar="POSITION",
        help="earliest, an offset, or an RFC 3339 time such as 2024-03-01T09:00:00Z",
    )
    parser.add_argument(
        "--to",
        dest="stop",
        type=_position,
        metavar="POSITION",
        help="end of the window you mean to re-tag, for the count shown; the worker resumes at "
        "--from and carries on to the head (repeats reach no sink twice)",
    )
    parser.add_argument("--partitions", type=_partitions, help="only these, e.g. 0,2 (all)")
    parser.add_argument("--topic", default=settings.topic_articles, help="the articles topic")
    parser.add_argument(
        "--group", default=settings.app_id, help="the worker's group: its Faust app id"
    )
    parser.add_argument("--dry-run", action="store_true", help="show the plan, change nothing")
    return parser


def main_replay(argv: Sequence[str] | None = None, settings: Settings | None = None) -> int:
    """0 when done (or nothing to do), 2 on bad arguments, 3 on a Kafka error, 75 when workers
    still run."""
    settings = settings or get_settings()
    args = build_parser(settings).parse_args(argv)
    try:
        admin = make_admin(settings)
    except KafkaError as exc:
        print(
            f"newswatch replay: Kafka at {settings.kafka_bootstrap_servers}: {exc}", file=sys.stderr
        )
        return EXIT_FAILED
    try:
        return _replay(admin, args)
    except KafkaError as exc:
        print(f"newswatch replay: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        admin.close()


def _replay(admin: KafkaAdminClient, args: argparse.Namespace) -> int:
    (described,) = admin.describe_topics([args.topic])
    known = sorted(p["partition_index"] for p in described["partitions"])
    chosen = args.partitions or known
    unknown = sorted(set(chosen) - set(known))
    if not known:
        print(f"newswatch replay: no topic {args.topic}", file=sys.stderr)
        return EXIT_USAGE
    if unknown:
        print(f"newswatch replay: {args.topic} has no partition {unknown}", file=sys.stderr)
        return EXIT_USAGE
    members = group_members(admin, args.group)
    if members:
        print(
            f"newswatch replay: group {args.group} has {len(members)} live member(s) "
            f"({', '.join(members)}); stop the workers, then replay",
            file=sys.stderr,
        )
        return EXIT_GROUP_ACTIVE
    partitions = [TopicPartition(args.topic, p) for p in chosen]
    plans = make_plan(admin, args.group, partitions, args.start, args.stop)
    for plan in plans:
        print(plan.describe(window=args.stop is not None))
    total = sum(p.replayed for p in plans)
    if args.dry_run:
        print(f"dry run: {total} messages would be tagged again; nothing changed")
        return 0
    errors = apply_plan(admin, args.group, args.topic, plans)
    if errors:
        print(
            f"newswatch replay: the broker refused ({'; '.join(errors)}); "
            "is a worker running in the group?",
            file=sys.stderr,
        )
        return EXIT_GROUP_ACTIVE
    print(f"group {args.group} moved back from {args.start}: {total} messages will be tagged again")
    return 0
