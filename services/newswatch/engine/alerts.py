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
from datetime import datetime

from newswatch.contracts import Alert, Article, ArticleRef, Evidence, Mention, Participant
from newswatch.engine.merge import Event, Located, score
from newswatch.engine.taxonomy import Taxonomy


def alert_id(article_id: str, event: str, keys: Sequence[str], key_value: str) -> str:
    material = "\x1f".join([article_id, event, *sorted(keys), key_value])
    return hashlib.blake2b(material.encode("utf-8"), digest_size=16).hexdigest()


def build(
    events: Sequence[Event], article: Article, language: str, taxonomy: Taxonomy, now: datetime
) -> list[Alert]:
    detected = now.isoformat().replace("+00:00", "Z")
    alerts = []
    for event in events:
        etype = taxonomy[event.event]
        code = etype.code(event.attributes)
        key_value = event.attributes.get(etype.key_attribute or "", "")
        parties = event.actors + event.targets
        confidence = min(0.99, event.best + 0.03 * (len(event.sentences()) - 1))
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


def _best_first(event: Event) -> list[Located]:
    """Strongest sentence first, one evidence item per sentence."""
    ranked = sorted(event.evidence, key=lambda e: (-score(e.mention), e.sentence[0]))
    seen: set[tuple[int, int]] = set()
    result = []
    for item in ranked:
        if item.sentence not in seen:
            seen.add(item.sentence)
            result.append(item)
    return result


def _mentions(event: Event) -> list[Mention]:
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
