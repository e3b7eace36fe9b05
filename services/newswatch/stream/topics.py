"""The topics the worker needs, from the settings and the analyst's files.

One list for ``newswatch worker``, which creates them at start, and ``newswatch topics``, which
prints or creates them for a cluster where topics are made ahead (Compose, a broker whose ACLs
keep the worker from creating topics): a type added to the taxonomy or a rule added to the
subscriptions gets its topic without anyone listing it. Faust declares its own topics (the story
tables' changelogs, the leader topic); the worker creates those when it starts. No Faust import:
``newswatch topics`` stays a light command.
"""

from __future__ import annotations

from newswatch.engine.taxonomy import Taxonomy
from newswatch.kafka.topics import TopicSpec, ensure_topics, topic_specs
from newswatch.settings import Settings
from newswatch.subscriptions import Subscriptions


def event_types(settings: Settings) -> list[str]:
    """Event types from the taxonomy file: each gets its alert topic before the first alert."""
    return sorted(Taxonomy.load(settings.taxonomy_path).types)


def rule_topics(settings: Settings) -> list[str]:
    """One topic per subscription rule in the subscriptions file."""
    rules = Subscriptions.load(settings.subscriptions_path).rules
    return [settings.subscription_topic(rule.name) for rule in rules]


def worker_topics(settings: Settings) -> dict[str, TopicSpec]:
    """Every topic the worker reads or writes, but Faust's own, with how it is created."""
    return topic_specs(settings, event_types(settings), extra=rule_topics(settings))


def create_worker_topics(settings: Settings) -> list[str]:
    """Create the missing ones of ``worker_topics`` (existing topics are left as they are)."""
    return ensure_topics(settings, event_types(settings), extra=rule_topics(settings))
