"""Subscriptions: named rules choosing which alerts reach whom, and their live reload.

The file is analyst data (``deploy/config/subscriptions.yaml``), validated by
``schemas/subscriptions.v1.json``; every mistake is reported as ``file:line: message`` so the person
who edited it can fix it without reading a traceback. A rule feeds the topic
``news.alerts.sub.<name>`` (the worker) and its sinks (``newswatch notify``).

``LiveSubscriptions`` swaps in a new rule set when the file changes or when a message arrives on
the compacted config topic; a bad version is logged, counted and ignored, so the previous rules
keep working.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from newswatch.contracts import Alert, UpdateKind
from newswatch.datafiles import DataFileError, file_stamp, parse_yaml, schema_problems
from newswatch.observability.metrics import CONFIG_RELOADS

log = logging.getLogger(__name__)

SCHEMA = "subscriptions.v1"
CONFIG_KIND = "subscriptions"
Role = Literal["any", "participant", "actor", "target"]


class _Sink(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str | None = None

    def _target(self) -> str:
        raise NotImplementedError

    @property
    def sink_id(self) -> str:
        """Key of the delivery record: the same sink in two rules receives an alert once."""
        if self.id:
            return self.id
        kind = getattr(self, "type")  # noqa: B009 - the discriminator lives on subclasses
        digest = hashlib.sha256(self._target().encode("utf-8")).hexdigest()[:12]
        return f"{kind}-{digest}"


class WebhookSinkConfig(_Sink):
    type: Literal["webhook"]
    url: str
    format: Literal["json", "slack"] = "json"
    secret_env: str | None = None

    def _target(self) -> str:
        return f"{self.format} {self.url}"


class FileSinkConfig(_Sink):
    type: Literal["file"]
    path: Path

    def _target(self) -> str:
        return str(self.path.expanduser().absolute())


class StdoutSinkConfig(_Sink):
    type: Literal["stdout"]

    def _target(self) -> str:
        return "stdout"


SinkConfig = Annotated[
    WebhookSinkConfig | FileSinkConfig | StdoutSinkConfig, Field(discriminator="type")
]


class Rule(BaseModel):
    """One subscription; every criterion given must hold, any item of a list may match."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str | None = None
    event_types: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    role: Role = "any"
    attributes: dict[str, frozenset[str]] = Field(default_factory=dict)
    min_confidence: float = 0.0
    # Corroborations are the flood this feature exists to stop; status changes are news.
    updates: frozenset[UpdateKind] = frozenset({"new", "status_changed"})
    sinks: tuple[SinkConfig, ...] = ()

    def matches(self, alert: Alert) -> bool:
        if self.event_types and alert.event_type not in self.event_types:
            return False
        if (alert.update or "new") not in self.updates:
            return False
        if alert.confidence < self.min_confidence:
            return False
        for key, accepted in self.attributes.items():
            if alert.attributes.get(key) not in accepted:
                return False
        who = list(_who(alert, self.role))
        if self.entities and not any(qid in self.entities for qid, _ in who):
            return False
        return not self.countries or any(cc in self.countries for _, cc in who)


def _who(alert: Alert, role: Role) -> Iterator[tuple[str | None, str | None]]:
    """(wikidata id, country) of everyone in ``role``; a country entity carries its own code."""
    if role in ("any", "participant", "actor"):
        yield from ((p.wikidata, p.country) for p in alert.actors)
    if role in ("any", "participant", "target"):
        yield from ((p.wikidata, p.country) for p in alert.targets)
    if role == "any":
        yield from ((m.wikidata, m.country) for m in alert.entities)


@dataclass(frozen=True)
class Problem:
    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


class SubscriptionsError(DataFileError):
    """A subscriptions document that cannot be used; ``problems`` say where and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        first = problems[0] if problems else Problem("<subscriptions>", 0, "")
        super().__init__("\n".join(map(str, problems)), line=first.line, problem=first.message)
        self.problems = list(problems)


@dataclass(frozen=True)
class Subscriptions:
    rules: tuple[Rule, ...]
    source: str = "<memory>"
    digest: str = ""

    @classmethod
    def load(cls, path: Path) -> Subscriptions:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SubscriptionsError([Problem(str(path), 0, f"cannot read: {exc}")]) from None
        return cls.parse(text, source=str(path))

    @classmethod
    def parse(cls, text: str, *, source: str) -> Subscriptions:
        try:
            document = parse_yaml(text, source)
        except DataFileError as exc:
            raise SubscriptionsError([Problem(source, exc.line, exc.problem)]) from None
        problems = sorted(
            (
                Problem(source, document.line(p.path), f"{p.where or '<root>'}: {p.error.message}")
                for p in schema_problems(document.data, SCHEMA)
            ),
            key=lambda p: p.line,
        )
        if problems:
            raise SubscriptionsError(problems)
        rules = tuple(Rule.model_validate(raw) for raw in document.data["rules"])
        duplicates = [
            Problem(source, document.line(["rules", i, "name"]), f"duplicate rule name {r.name!r}")
            for i, r in enumerate(rules)
            if any(other.name == r.name for other in rules[:i])
        ]
        if duplicates:
            raise SubscriptionsError(duplicates)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(rules=rules, source=source, digest=digest)

    def rules_matching(self, alert: Alert) -> list[Rule]:
        return [rule for rule in self.rules if rule.matches(alert)]


class LiveSubscriptions:
    """The current rules, swapped atomically on a good new version from the file or Kafka.

    ``validate`` lets a consumer reject a version it cannot serve (the notifier builds its sinks
    there, so a webhook whose secret is missing keeps the old rules instead of sending unsigned).
    When both sources change, the latest change wins.
    """

    def __init__(
        self, path: Path, *, validate: Callable[[Subscriptions], None] | None = None
    ) -> None:
        self._path = path
        self._validate = validate or (lambda _: None)
        self._lock = threading.Lock()
        self._stamp = file_stamp(path)
        self._current = Subscriptions.load(path)
        self._validate(self._current)

    @property
    def current(self) -> Subscriptions:
        return self._current

    def refresh(self) -> bool:
        """Reload if the file changed since last look (a stat call when it did not)."""
        stamp = file_stamp(self._path)
        if stamp == self._stamp:
            return False
        with self._lock:
            return self._read_file(stamp)

    def _read_file(self, stamp: tuple[int, int, int] | None) -> bool:
        """Apply the file as it is now; the caller holds the lock."""
        self._stamp = stamp
        try:
            text = self._path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problem = Problem(str(self._path), 0, f"cannot read: {exc}")
            return self._reject(SubscriptionsError([problem]))
        return self._apply(text, str(self._path))

    def apply_config_message(self, key: bytes | str | None, value: bytes | None) -> bool:
        """Apply one record of the compacted config topic; True when it changed the rules.

        Records for other kinds (e.g. ``watchlist``) are ignored. A tombstone (null value) means
        the pushed version is withdrawn, so the file is read again.
        """
        kind = key.decode("utf-8", "replace") if isinstance(key, bytes) else key
        if kind != CONFIG_KIND:
            return False
        with self._lock:
            if value is None:
                return self._read_file(file_stamp(self._path))
            try:
                text = value.decode("utf-8")
            except UnicodeDecodeError as exc:
                return self._reject(SubscriptionsError([Problem("config", 0, f"not UTF-8: {exc}")]))
            return self._apply(text, f"config:{CONFIG_KIND}")

    def _apply(self, text: str, source: str) -> bool:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest == self._current.digest:
            return False
        try:
            candidate = Subscriptions.parse(text, source=source)
            self._validate(candidate)
        except SubscriptionsError as exc:
            return self._reject(exc)
        except ValueError as exc:
            return self._reject(SubscriptionsError([Problem(source, 0, str(exc))]))
        self._current = candidate
        CONFIG_RELOADS.labels(kind=CONFIG_KIND, outcome="ok").inc()
        log.info(
            "subscriptions reloaded",
            extra={"source": source, "rules": len(candidate.rules), "digest": digest[:12]},
        )
        return True

    def _reject(self, error: SubscriptionsError) -> bool:
        CONFIG_RELOADS.labels(kind=CONFIG_KIND, outcome="error").inc()
        log.error(
            "subscriptions rejected; previous rules kept",
            extra={"problems": [str(p) for p in error.problems]},
        )
        return False
