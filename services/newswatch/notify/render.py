"""One readable line per alert, for chat channels (Slack's ``{"text": ...}`` form)."""

from __future__ import annotations

from newswatch.contracts import Alert, Participant


def _names(people: list[Participant]) -> str:
    return ", ".join(p.name for p in people) or "?"


def _escape(text: str) -> str:
    """Slack treats &, < and > as markup; everything else is literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_text(alert: Alert) -> str:
    kind = alert.event_type.replace("_", " ")
    if alert.update and alert.update != "new":
        kind += f" ({alert.update.replace('_', ' ')})"
    attributes = ", ".join(f"{k}={v}" for k, v in sorted(alert.attributes.items()))
    line = f"[{kind}] {_names(alert.actors)} → {_names(alert.targets)}"
    if attributes:
        line += f" · {attributes}"
    line += f" · confidence {alert.confidence:.2f}"
    if alert.story_articles:
        line += f" · {alert.story_articles} articles"
    text = _escape(line)
    label = _escape(alert.article.title or alert.article.source or alert.article.id)
    if alert.article.url:
        text += f" · <{alert.article.url}|{label}>"
    else:
        text += f" · {label}"
    return text
