"""Valid alerts for notifier tests, built from the schema's own example."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from newswatch.contracts import SCHEMA_DIR, Alert, schema_errors

USA = {"name": "United States", "wikidata": "Q30", "kind": "country", "country": "US"}
RUSSIA = {"name": "Russia", "wikidata": "Q159", "kind": "country", "country": "RU"}


def make_alert(**changes: Any) -> Alert:
    example = json.loads((SCHEMA_DIR / "alert.v1.json").read_text(encoding="utf-8"))["examples"][0]
    alert = Alert.model_validate({**example, **changes})
    problems = schema_errors("alert.v1", json.loads(alert.to_json()))
    assert not problems, problems
    return alert


def sanctions_alert(action: str, *, article: str = "a1") -> Alert:
    return make_alert(
        alert_id=hashlib.md5(f"{article}:{action}".encode()).hexdigest(),
        event_type="sanctions",
        cameo="163",
        attributes={"action": action},
        actors=[USA],
        targets=[RUSSIA],
        entities=[{**USA, "mentions": ["Washington"]}, {**RUSSIA, "mentions": ["Moscou"]}],
        evidence=[{"text": f"Washington {action} Moscou.", "start": 0, "end": 20}],
        article={"id": article, "url": "https://example.org/a", "title": "T", "source": "ex"},
    )
