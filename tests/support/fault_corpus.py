"""The fault suite's input: short FR/EN passages that each give exactly one phone-call alert.

Articles come in events of ten (the same two people, the same day, different outlets and
languages), so story clustering has something to count: one story per event, ten articles each.
The expected alerts are not written here: ``expected_alerts`` asks ``newswatch tag`` offline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# (French name, English name): people on the watchlist.
PEOPLE = [
    ("Emmanuel Macron", "Emmanuel Macron"),
    ("Joe Biden", "Joe Biden"),
    ("Xi Jinping", "Xi Jinping"),
    ("Vladimir Poutine", "Vladimir Putin"),
    ("Volodymyr Zelensky", "Volodymyr Zelensky"),
    ("Olaf Scholz", "Olaf Scholz"),
    ("Antony Blinken", "Antony Blinken"),
    ("Sergueï Lavrov", "Sergey Lavrov"),
    ("Wang Yi", "Wang Yi"),
    ("Dmytro Kuleba", "Dmytro Kuleba"),
    ("Rishi Sunak", "Rishi Sunak"),
    ("Giorgia Meloni", "Giorgia Meloni"),
]
FRENCH = [
    "{a} s'est entretenu au téléphone avec {b} lundi, selon la présidence.",
    "{a} a eu un entretien téléphonique avec {b} lundi matin.",
    "{a} a eu une conversation téléphonique avec {b} lundi soir.",
]
ENGLISH = [
    "{a} spoke by phone with {b} on Monday, officials said.",
    "{a} held a phone call with {b} on Monday.",
]
ARTICLES_PER_EVENT = 10


@dataclass(frozen=True)
class Passage:
    article_id: str
    event: int
    document: dict[str, str]

    def message(self) -> bytes:
        return json.dumps(self.document, ensure_ascii=False).encode("utf-8")


def pairs() -> list[tuple[int, int]]:
    """Distinct pairs of people, never the same two twice in either order (a call is symmetric:
    who called whom does not make another story)."""
    n = len(PEOPLE)
    steps = range(1, n // 2 + 1)
    return [(i, (i + s) % n) for s in steps for i in range(n if 2 * s < n else n // 2)]


def passages(count: int, *, prefix: str = "f") -> list[Passage]:
    """``count`` articles (a multiple of ten): event ``k`` is a call between the k-th pair."""
    if count % ARTICLES_PER_EVENT:
        raise ValueError(f"count must be a multiple of {ARTICLES_PER_EVENT}")
    events = pairs()[: count // ARTICLES_PER_EVENT]
    made = []
    for event, (a, b) in enumerate(events):
        day = f"2024-03-{1 + event % 28:02d}T09:00:00Z"
        for n in range(ARTICLES_PER_EVENT):
            french = n % 2 == 0
            names = PEOPLE[a][0 if french else 1], PEOPLE[b][0 if french else 1]
            template = FRENCH[n // 2 % len(FRENCH)] if french else ENGLISH[n // 2 % len(ENGLISH)]
            article_id = f"{prefix}{event:03d}-{n}"
            document = {
                "id": article_id,
                "text": template.format(a=names[0], b=names[1]),
                "language": "fr" if french else "en",
                "source": f"outlet{n}.example.org",
                "published_at": day,
            }
            made.append(Passage(article_id, event, document))
    return made


def expected_alerts(corpus: Sequence[Passage], workdir: Path) -> dict[str, str]:
    """article id -> alert id, from ``newswatch tag --jsonl`` (the engine with no Kafka)."""
    source = workdir / "corpus.jsonl"
    source.write_bytes(b"".join(p.message() + b"\n" for p in corpus))
    done = subprocess.run(
        [sys.executable, "-m", "newswatch.cli", "tag", "--jsonl", str(source)],
        capture_output=True,
        cwd=REPO,
        timeout=300,
        check=True,
    )
    by_article: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        alert = json.loads(line)
        by_article.setdefault(alert["article"]["id"], []).append(alert["alert_id"])
    wrong = {p.article_id: by_article.get(p.article_id, []) for p in corpus}
    wrong = {k: v for k, v in wrong.items() if len(v) != 1}
    if wrong:
        raise AssertionError(f"corpus passages without exactly one alert: {wrong}")
    return {k: v[0] for k, v in by_article.items()}
