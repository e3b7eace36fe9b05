"""The Faust app: two thin agents, a reload timer, readiness and web views.

``tagger``: articles → decode → engine → one sighting per alert, keyed by story, to the sightings
topic (bad input to the dead-letter topic). ``stories``: sightings → story tables → the annotated
alert to the firehose, its type topic and the topics of the subscriptions it matches. The
repartition is what lets the story tables be partitioned like their input. ``TaggingWorker``
holds the state both share and reads in that order: the two agents, then what keeps them running.

Nothing happens at import time; ``create_app`` builds a fresh app so tests and the CLI each get
their own. Topics are created by ``newswatch.kafka.ensure_topics`` before the worker starts
(the broker does not auto-create them); Faust creates the tables' changelog topics.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

import faust
from faust.types import TP, EventT, StreamT

from newswatch import __version__
from newswatch.contracts import Alert, Article, Origin
from newswatch.engine.taxonomy import Taxonomy
from newswatch.kafka import ensure_topics, faust_broker_urls, faust_credentials
from newswatch.kafka.topics import max_record_bytes
from newswatch.observability.metrics import BUILD_INFO
from newswatch.settings import Settings, get_settings
from newswatch.stream.accounting import (
    log_batch,
    record_alert,
    record_batch,
    zero_worker_series,
)
from newswatch.stream.batch import BatchResult, Incoming, Tagger, process_batch
from newswatch.stream.guard import fail_fast
from newswatch.stream.health import Health
from newswatch.stream.live import EngineData, Reloader
from newswatch.stream.publish import Publisher
from newswatch.stream.recovery import SeekFirstTableManager
from newswatch.stream.routing import Outgoing, alert_messages, sighting_message
from newswatch.stream.sensor import KafkaSensor
from newswatch.stream.stories import Sighting, StoryPolicy, sighting
from newswatch.stream.story_stage import StoryTables
from newswatch.stream.web import register_views, web_options
from newswatch.subscriptions import LiveSubscriptions

log = logging.getLogger(__name__)

EngineFactory = Callable[[Settings], Tagger]


def load_engine(settings: Settings) -> Tagger:
    from newswatch.engine import Engine  # spaCy import is slow; only the worker pays for it

    engine: Tagger = Engine.from_settings(settings)
    return engine


class EngineSlot:
    """The engine, loaded off the event loop after start; the agent waits for it."""

    def __init__(self) -> None:
        self._ready: asyncio.Future[Tagger] | None = None

    def _future(self) -> asyncio.Future[Tagger]:
        if self._ready is None:
            self._ready = asyncio.get_running_loop().create_future()
        return self._ready

    def set(self, engine: Tagger) -> None:
        self._future().set_result(engine)

    async def get(self) -> Tagger:
        return await self._future()


def _incoming(event: EventT[Any]) -> Incoming:
    message = event.message
    return Incoming(
        raw=message.value,
        origin=Origin(message.topic, message.partition, message.offset),
        key=message.key,
    )


def _every(app: faust.App, seconds: float, job: Callable[[], Awaitable[None]]) -> None:
    """``@app.timer(seconds)`` on every worker, minus the untyped decorator."""
    app.timer(seconds, on_leader=False)(job)


def create_app(
    settings: Settings | None = None, *, engine_factory: EngineFactory = load_engine
) -> faust.App:
    """A fresh worker app, its topics, tables, agents and timers wired (nothing started)."""
    return TaggingWorker(settings or get_settings(), engine_factory).app


def faust_app(settings: Settings) -> faust.App:
    """The Faust app as the worker needs it configured."""
    settings.state_dir.mkdir(parents=True, exist_ok=True)  # Faust creates only the last level
    app = faust.App(
        settings.app_id,
        broker=faust_broker_urls(settings),
        broker_credentials=faust_credentials(settings),
        store="memory://",
        datadir=str(settings.state_dir / "faust"),
        autodiscover=False,
        **web_options(settings),  # the configured address; /metrics, /healthz, /readyz only
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication_factor,
        topic_allow_declare=True,  # Faust creates its leader and changelog topics; ours exist
        producer_acks=-1,
        # A dead letter is the original bytes plus headers: it must fit wherever the input did.
        producer_max_request_size=max_record_bytes(settings),
        consumer_auto_offset_reset="earliest",
        stream_wait_empty=True,
        TableManager=SeekFirstTableManager,  # the backlog is fetched only after the seek
    )
    app.monitor = KafkaSensor()
    return app


class TaggingWorker:
    """The worker's state and the path of an article through it, in reading order.

    ``tagger`` takes batches of raw articles, tags them under the engine lock and sends one
    sighting per alert (or a dead letter); ``stories`` turns each sighting into the annotated
    alert and publishes it. Then what keeps them running: the engine loaded off the event loop
    after start, live reload and story expiry on timers, readiness from partition assignment.
    """

    def __init__(self, settings: Settings, engine_factory: EngineFactory) -> None:
        self.settings = settings
        self.engine_factory = engine_factory
        self.health = Health(input_topic=settings.topic_articles)
        self.subscriptions = LiveSubscriptions(settings.subscriptions_path)  # broken: stop here
        self.data = EngineData(settings)
        self.app = faust_app(settings)
        register_views(self.app, self.health)
        self.engine_slot = EngineSlot()
        self.engine_lock = asyncio.Lock()  # tagging and reloading never overlap
        self.tables = StoryTables(self.app, settings, self._story_policy())
        self.publisher = Publisher(self.app, self._ensure_topics)
        self.reloader = Reloader(
            settings, self.data, self.subscriptions, self.engine_lock, self._on_engine_reloaded
        )
        self._wire()

    def _wire(self) -> None:
        settings, app = self.settings, self.app
        articles = app.topic(
            settings.topic_articles,
            key_serializer="raw",
            value_serializer="raw",  # decoded by contracts.decode_article, never by Faust
            allow_empty=True,  # a null value must reach the agent, to be dead-lettered
        )
        sightings = app.topic(settings.topic_sightings, key_serializer="raw", value_type=Sighting)
        app.agent(articles, name="tagger", concurrency=1)(self.tagger)  # >1 can commit past
        app.agent(sightings, name="stories", concurrency=1)(self.stories)  # a story stays ordered
        _every(app, settings.reload_interval_s, self.reload_data)
        _every(app, max(1.0, min(600.0, settings.story_horizon_s / 4)), self.sweep_stories)
        app.task(self.load_models)
        # Faust's signal types want ``*args``; the handlers name the one argument they get.
        app.on_partitions_assigned.connect(cast(Any, self.on_assigned))
        app.on_partitions_revoked.connect(cast(Any, self.on_revoked))
        app.on_before_shutdown.connect(cast(Any, self.on_shutdown))

    # -- an article's path ----------------------------------------------------------------------

    async def tagger(self, stream: StreamT[bytes]) -> None:
        """The ``tagger`` agent: batches of raw articles, each tagged then sent on."""
        try:
            engine = await self.engine_slot.get()
            batches = cast(faust.Stream[bytes], stream).take_events(
                self.settings.stream_batch_max, within=self.settings.stream_batch_seconds
            )
            async for events in batches:
                await self._handle_draining(engine, events)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            fail_fast(self.health, exc, "tagger agent failed")

    async def _handle_draining(self, engine: Tagger, events: Sequence[EventT[Any]]) -> None:
        """On stop, the batch in flight finishes (alerts sent) before its offsets may commit."""
        work = asyncio.ensure_future(self._handle(engine, events))
        try:
            await asyncio.shield(work)
        except asyncio.CancelledError:
            try:
                await asyncio.wait_for(asyncio.shield(work), self.settings.stream_drain_seconds)
            except BaseException as exc:
                fail_fast(self.health, exc, "batch could not finish while stopping")
            raise

    async def _handle(self, engine: Tagger, events: Sequence[EventT[Any]]) -> None:
        settings = self.settings
        loop = asyncio.get_running_loop()
        batch = [_incoming(e) for e in events]
        async with self.engine_lock:
            result: BatchResult = await loop.run_in_executor(
                None, process_batch, batch, engine, settings, self._route
            )
        # A type topic exists before its first sighting leaves: a type Kafka refuses fails here.
        await self.publisher.prepare(
            {settings.type_topic(a.event_type) for _, alerts in result.tagged for a in alerts}
        )
        await self.publisher.publish(result.outgoing)
        record_batch(result, engine.languages)
        log_batch(result)

    def _route(self, article: Article, alert: Alert) -> list[Outgoing]:
        """Each alert leaves the tagger as a sighting, keyed by its story."""
        return [sighting_message(sighting(alert, article, self.tables.policy), self.settings)]

    async def stories(self, stream: StreamT[Sighting]) -> None:
        """The ``stories`` agent. A redelivered sighting finds its annotation in the table and
        is republished as is."""
        try:
            async for seen in stream:
                alert, _ = self.tables.annotate(seen)
                rules = [rule.name for rule in self.subscriptions.current.rules_matching(alert)]
                await self.publisher.publish(alert_messages(alert, self.settings, rules))
                record_alert(alert, seen.article_time, time.time())
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            fail_fast(self.health, exc, "stories agent failed")

    # -- keeping it running ---------------------------------------------------------------------

    async def load_models(self) -> None:
        """The engine, loaded off the event loop once the app runs; then the worker is ready."""
        settings = self.settings
        try:
            engine = await asyncio.get_running_loop().run_in_executor(
                None, self.engine_factory, self.data.engine_settings
            )
        except asyncio.CancelledError:
            raise  # stopped while loading: an ordinary shutdown
        except BaseException as exc:
            fail_fast(self.health, exc, "engine could not be loaded")
        BUILD_INFO.info(
            {
                "version": __version__,
                "role": "worker",
                "languages": ",".join(engine.languages),
                "models": ",".join(
                    filter(None, (settings.model_for(lang) for lang in engine.languages))
                ),
            }
        )
        # A type a later taxonomy reload adds gets its series at its first alert.
        zero_worker_series(engine.languages, self.tables.policy.key_attributes)  # keys: types
        self.engine_slot.set(engine)
        self.health.set_models_loaded()
        log.info("engine loaded", extra={"languages": engine.languages})

    async def reload_data(self) -> None:
        if not self.health.models_loaded:
            return
        try:
            await self.reloader.tick(await self.engine_slot.get())
        except Exception:
            log.exception("live reload failed; trying again at the next tick")

    def _on_engine_reloaded(self) -> None:
        self.tables.policy = self._story_policy()

    def _story_policy(self) -> StoryPolicy:
        return StoryPolicy.of(Taxonomy.load(self.settings.taxonomy_path), self.settings)

    async def sweep_stories(self) -> None:
        dropped = self.tables.sweep()
        if dropped:
            log.info("expired story entries dropped", extra={"entries": dropped})

    async def _ensure_topics(self, names: set[str]) -> None:
        await asyncio.get_running_loop().run_in_executor(
            None, lambda: ensure_topics(self.settings, (), extra=sorted(names))
        )

    async def on_assigned(self, sender: faust.App, assigned: set[TP], **kwargs: Any) -> None:
        self.health.set_assignment((tp.topic, tp.partition) for tp in assigned)

    async def on_revoked(self, sender: faust.App, revoked: set[TP], **kwargs: Any) -> None:
        self.health.set_assignment(())

    async def on_shutdown(self, sender: faust.App, **kwargs: Any) -> None:
        self.health.set_stopping()
        self.reloader.close()
