"""Event mentions to Alerts: one alert per real event per article, with a stable id.

Confidence is a rule score, not a probability from a trained model. It starts from the trigger's
``strength`` in the patterns file (how surely those words name the event: 0.85 for "conversation
téléphonique", 0.6 for a bare "sanctionner"), then adds 0.1 when the actor came from the parse
rather than from word order, 0.05 when every party is on the watchlist, and 0.03 for each further
sentence of the article that reports the same event; it is capped at 0.99. Compare alerts by it;
do not read it as a frequency.

``alert_id`` is the blake2b (16 bytes, hex) of the article id, event type, sorted party keys and
the key attribute's value: a redelivered article gives the same ids, and a second call between
the same people in one article (another medium) gives a different one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from newswatch.contracts import Alert, Article, ArticleRef, Evidence, Mention, Participant
from newswatch.engine.entities import Party
from newswatch.engine.events import EventMention
from newswatch.engine.taxonomy import Taxonomy


@dataclass
class Located:
    """An event mention with the original-text offsets of its sentence and trigger."""

    mention: EventMention
    sentence: tuple[int, int]  # into the original article text
    sentence_text: str
    trigger_text: str


@dataclass
class _Event:
    event: str
    attributes: dict[str, str]
    actors: list[Party]
    targets: list[Party]
    evidence: list[Located] = field(default_factory=list)
    best: float = 0.0

    def keys(self) -> set[str]:
        return {p.key for p in self.actors} | {p.key for p in self.targets}


def alert_id(article_id: str, event: str, keys: Sequence[str], key_value: str) -> str:
    material = "\x1f".join([article_id, event, *sorted(keys), key_value])
    return hashlib.blake2b(material.encode("utf-8"), digest_size=16).hexdigest()


def _score(mention: EventMention) -> float:
    parties = mention.actors + mention.targets
    score = mention.strength + (0.1 if mention.syntactic else 0.0)
    if parties and all(p.participant.watched for p in parties):
        score += 0.05
    return score


def merge(located: Sequence[Located], taxonomy: Taxonomy) -> list[_Event]:
    """Fold the mentions of one article into events (see ``_same``); incomplete ones attach back."""
    events: list[_Event] = []
    for item in located:
        mention = item.mention
        etype = taxonomy[mention.event]
        key_attr = etype.key_attribute
        complete = (
            len(mention.actors) >= max(1, etype.min_actors)
            and len(mention.targets) >= etype.min_targets
        )
        match = next(
            (e for e in reversed(events) if _same(e, mention, key_attr, etype.symmetric)), None
        )
        if not complete:
            # "Le Kremlin a annoncé la visite, à l'invitation de Poutine": no visitor named, so it
            # is the visit just reported; it adds its host and its sentence. Alone, it is nothing.
            if mention.actors or not any(e.event == mention.event for e in events):
                continue
            match = match or next(e for e in reversed(events) if e.event == mention.event)
        if not (mention.actors + mention.targets) and match is None:
            continue
        if match is None:
            events.append(
                _Event(
                    mention.event,
                    dict(mention.attributes),
                    list(mention.actors),
                    list(mention.targets),
                    [item],
                    _score(mention),
                )
            )
            continue
        _absorb(match, item)
    return [e for e in events if any(p.participant.watched for p in e.actors + e.targets)]


def _same(event: _Event, mention: EventMention, key_attr: str | None, symmetric: bool) -> bool:
    if event.event != mention.event:
        return False
    if key_attr and event.attributes.get(key_attr) != mention.attributes.get(key_attr):
        return False
    actors = {p.key for p in mention.actors}
    if symmetric:
        return actors | {p.key for p in mention.targets} == event.keys()
    return bool(actors & {p.key for p in event.actors})


def _absorb(event: _Event, item: Located) -> None:
    mention = item.mention
    actor_keys = {p.key for p in event.actors}
    known = event.keys()
    event.targets += [p for p in mention.targets if p.key not in known and p.key not in actor_keys]
    same_sentence = item.sentence in _sentences(event)
    event.evidence.append(item)
    score = _score(mention)
    status = mention.attributes.get("status")
    if status == "cancelled":
        event.attributes["status"] = "cancelled"
    elif same_sentence and {status, event.attributes.get("status")} == {"ongoing", "completed"}:
        # "Arrivé dimanche à Pékin, ... a été reçu par Xi": one sentence, the trip goes on.
        event.attributes["status"] = "ongoing"
    elif score > event.best and mention.actors:
        event.attributes.update(mention.attributes)
    event.best = max(event.best, score)


def build(
    events: Sequence[_Event], article: Article, language: str, taxonomy: Taxonomy, now: datetime
) -> list[Alert]:
    detected = now.isoformat().replace("+00:00", "Z")
    alerts = []
    for event in events:
        etype = taxonomy[event.event]
        code = etype.code(event.attributes)
        key_value = event.attributes.get(etype.key_attribute or "", "")
        parties = event.actors + event.targets
        confidence = min(0.99, event.best + 0.03 * (len(_sentences(event)) - 1))
        alerts.append(
            Alert(
                alert_id=alert_id(article.id, event.event, [p.key for p in parties], key_value),
                event_type=event.event,
                cameo=code.cameo,
                plover=code.plover,
                attributes=dict(sorted(event.attributes.items())),
                actors=[p.participant for p in event.actors],
                targets=[p.participant for p in event.targets],
                entities=_mentions(event),
                evidence=[
                    Evidence(
                        text=e.sentence_text,
                        start=e.sentence[0],
                        end=e.sentence[1],
                        trigger=e.trigger_text,
                    )
                    for e in _best_first(event)
                ],
                confidence=round(confidence, 3),
                article=ArticleRef.of(article, language),
                detected_at=detected,
            )
        )
    return alerts


def _sentences(event: _Event) -> set[tuple[int, int]]:
    return {e.sentence for e in event.evidence}


def _best_first(event: _Event) -> list[Located]:
    """Strongest sentence first, one evidence item per sentence."""
    ranked = sorted(event.evidence, key=lambda e: (-_score(e.mention), e.sentence[0]))
    seen: set[tuple[int, int]] = set()
    result = []
    for item in ranked:
        if item.sentence not in seen:
            seen.add(item.sentence)
            result.append(item)
    return result


def _mentions(event: _Event) -> list[Mention]:
    """Watched entities named in the evidence sentences, with their surface forms."""
    found: dict[str, tuple[Participant, list[str]]] = {}
    for item in event.evidence:
        for party in item.mention.parties:
            if not party.participant.watched:
                continue
            _, surfaces = found.setdefault(party.key, (party.participant, []))
            if party.surface not in surfaces:
                surfaces.append(party.surface)
    return [
        Mention(name=p.name, wikidata=p.wikidata, kind=p.kind, country=p.country, mentions=s)
        for p, s in found.values()
    ]
