"""Faust's table recovery, with nothing fetched for the agents until the seek to the committed
offsets is done.

The installed Faust resumes the input partitions, then seeks them back to their committed
offsets, while its fetcher (running since the changelogs were read) goes on delivering. What it
delivers before the seek is flushed from the agents' queues when the flow resumes, or tagged and
then fetched again; a record still being delivered as the seek lands moves the read offset past
ones the seek refetches, which Faust then drops as already read, and it commits a run of acks
starting one above its committed offset. Seen here as a restarted worker's backlog tagged twice,
or its head skipped and committed past. faust-streaming #216/#217 fixed this race once.

Here the consumer's flow is stopped around the seek: a fetch that returns meanwhile is dropped
and sought back by Faust itself (``Consumer.getmany``), so the agents get the backlog once, from
the committed offsets.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any, cast

from faust.tables import TableManager
from faust.tables.recovery import Recovery
from faust.transport.consumer import Consumer
from faust.types import TP


class SeekFirstRecovery(Recovery):
    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        """``Recovery.on_recovery_completed``, with the flow stopped until the seek is done."""
        app = self.app
        consumer = app.consumer
        self.log.info("Restore complete!")
        await app.on_rebalance_complete.send()
        self._set_recovery_ended()
        await asyncio.gather(
            *(
                table.on_recovery_completed(
                    self.actives_for_table[table], self.standbys_for_table[table]
                )
                for table in self.tables.values()
            )
        )
        assignment = consumer.assignment()
        if app.consumer_generation_id != generation_id:
            self.log.warning("Recovery rebalancing again; not resuming this generation")
            return
        # No record reaches an agent until the seek is done: Faust drops (and seeks back for) what
        # a fetch returns while the consumer's flow is stopped.
        consumer.stop_flow()
        consumer.resume_partitions({tp for tp in assignment if not self._is_changelog_tp(tp)})
        if assignment:
            self.log.info("Seek stream partitions to committed offsets.")
            await self._wait(consumer.perform_seek(), timeout=app.conf.broker_request_timeout)
            await self._wait(
                seek_uncommitted_to_start(
                    cast(Consumer, consumer), assignment, self._is_changelog_tp
                ),
                timeout=app.conf.broker_request_timeout,
            )
        self.completed.set()
        app.flow_control.resume()
        consumer.resume_flow()
        await cast(Any, app)._fetcher.maybe_start()  # the App's fetcher has no public handle
        self.tables.on_actives_ready()
        if not app.assignor.assigned_standbys():
            self.tables.on_standbys_ready()
        app.on_rebalance_end()
        self.log.info("Worker ready")


async def seek_uncommitted_to_start(
    consumer: Consumer, assignment: Iterable[TP], is_changelog: Callable[[TP], bool]
) -> None:
    """Input partitions with nothing committed start from their first record.

    aiokafka's ``seek_to_committed`` leaves such a partition where it is, and a fetch dropped
    while the flow was stopped has already moved it: in a new consumer group, the records of that
    fetch were skipped and later committed past (seen with two workers starting together). Reading
    from the start is the safe side: at worst a redelivery, which deterministic alert ids absorb.
    """
    committed = await consumer.seek_to_committed()
    for tp in assignment:
        if not is_changelog(tp) and not committed.get(tp):
            await consumer.seek(tp, 0)  # below the log start, the reset policy (earliest) applies


class SeekFirstTableManager(TableManager):
    """Faust's ``TableManager`` setting is the one place to choose the recovery service."""

    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = SeekFirstRecovery(self.app, self, beacon=self.beacon, loop=self.loop)
        return self._recovery
