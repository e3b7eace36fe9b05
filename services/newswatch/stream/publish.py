"""Send a batch's messages through the Faust producer and wait until Kafka has them all."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

import faust
from faust.types import TopicT

from newswatch.stream.routing import Outgoing

EnsureTopics = Callable[[set[str]], Awaitable[None]]


class Publisher:
    """Raw-bytes topics by name, created on first use (a new event type gets its topic)."""

    def __init__(self, app: faust.App, ensure_topics: EnsureTopics) -> None:
        self._app = app
        self._ensure = ensure_topics
        self._topics: dict[str, TopicT] = {}

    def _topic(self, name: str) -> TopicT:
        topic = self._topics.get(name)
        if topic is None:
            topic = self._app.topic(name, key_serializer="raw", value_serializer="raw")
            self._topics[name] = topic
        return topic

    async def prepare(self, names: set[str]) -> None:
        """Create these topics now if they are new (raises for a name Kafka refuses).

        Then Faust declares each one too: that finds it and refreshes the producer's metadata,
        without which a send to a topic created moments ago can wait minutes for its
        acknowledgement (faust #499), stalling the agent.
        """
        new = names - set(self._topics)
        if new:
            await self._ensure(new)
            for name in sorted(new):
                await self._topic(name).maybe_declare()

    async def publish(self, messages: Sequence[Outgoing]) -> None:
        """Returns only when every message is acknowledged (acks=all), so offsets may commit."""
        await self.prepare({m.topic for m in messages})
        pending = []
        for message in messages:
            topic = self._topic(message.topic)
            pending.append(
                await topic.send(key=message.key, value=message.value, headers=message.headers)
            )
        await asyncio.gather(*pending)
