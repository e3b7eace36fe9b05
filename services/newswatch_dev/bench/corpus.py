"""A seeded synthetic news stream: wire-length French and English articles, few of them relevant.

Each article is rebuilt from ``(seed, index)`` alone (string seeds hash the same in every
process), so any slice of the stream can be regenerated anywhere. Relevant articles are spread
evenly: exactly ``floor(n * share)`` of the first ``n`` carry an event sentence, so a short run
sees the same mix as a long one. The rest are filler prose, a share of them with a hard negative
(an event word or a watched name that reports no event), which is what the cascade must reject
cheaply and correctly.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newswatch.contracts import Article
from newswatch_dev.bench import phrases

LANGUAGES = ("fr", "en")
TOKENS = (360, 540)  # a wire story of about 450 tokens, give or take a fifth
HARD_NEGATIVE_SHARE = 0.3
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class BenchArticle:
    article: Article
    relevant: bool  # carries at least one event sentence about watched entities
    language: str  # as generated; the article itself leaves it to the engine's language id

    def payload(self) -> bytes:
        return self.article.model_dump_json(exclude_none=True).encode("utf-8")


def is_relevant(index: int, share: float) -> bool:
    """Exactly ``floor(n * share)`` of indices ``0..n-1`` are relevant, evenly spaced."""
    return math.floor((index + 1) * share) > math.floor(index * share)


def count_tokens(text: str) -> int:
    """Close to spaCy's count for these languages: words and punctuation marks."""
    return len(_TOKEN.findall(text))


def generate(
    n: int, *, relevant_share: float = 0.1, seed: int = 0, start: int = 0
) -> list[BenchArticle]:
    return list(stream(n, relevant_share=relevant_share, seed=seed, start=start))


def stream(
    n: int, *, relevant_share: float = 0.1, seed: int = 0, start: int = 0
) -> Iterator[BenchArticle]:
    if not 0.0 <= relevant_share <= 1.0:
        raise ValueError(f"relevant_share must be within [0, 1], not {relevant_share}")
    for index in range(start, start + n):
        yield make_article(index, relevant=is_relevant(index, relevant_share), seed=seed)


def make_article(index: int, *, relevant: bool, seed: int = 0) -> BenchArticle:
    rng = random.Random(f"newswatch-bench:{seed}:{index}")
    lang = rng.choice(LANGUAGES)
    lead: list[str] = []
    if relevant:
        lead = [_fill(rng.choice(phrases.EVENTS[lang]), lang, rng)]
        if rng.random() < 0.3:
            lead.append(_fill(rng.choice(phrases.EVENTS[lang]), lang, rng))
    elif rng.random() < HARD_NEGATIVE_SHARE:
        lead = [_fill(rng.choice(phrases.HARD_NEGATIVES[lang]), lang, rng)]
    body = _filler(lang, rng, rng.randint(*TOKENS) - sum(map(count_tokens, lead)))
    # The first event sentence leads, as in wire copy; a second one lands in the body.
    sentences = lead[:1] + body
    for extra in lead[1:]:
        sentences.insert(rng.randint(1, len(sentences)), extra)
    text = "\n".join(_paragraphs(sentences, rng))
    article = Article(
        id=f"bench-{seed}-{index:07d}",
        text=text,
        title=" ".join(sentences[0].split()[:9]).rstrip(",.;"),
        source="bench.example",
    )
    return BenchArticle(article, relevant, lang)


def _filler(lang: str, rng: random.Random, tokens: int) -> list[str]:
    pool = list(phrases.FILLER[lang])
    rng.shuffle(pool)
    out: list[str] = []
    while tokens > 0:
        if not pool:
            pool = list(phrases.FILLER[lang])
            rng.shuffle(pool)
        sentence = _fill(pool.pop(), lang, rng)
        out.append(sentence)
        tokens -= count_tokens(sentence)
    return out


def _paragraphs(sentences: list[str], rng: random.Random) -> Iterator[str]:
    """Wire paragraphs of one to three sentences, one per line."""
    i = 0
    while i < len(sentences):
        size = rng.randint(1, 3) if i else 1  # the lead stands alone
        yield " ".join(sentences[i : i + size])
        i += size


def _fill(template: str, lang: str, rng: random.Random) -> str:
    a, b = rng.sample(phrases.LEADERS, 2)
    while b.country == a.country:
        b = rng.choice(phrases.LEADERS)
    x, y = phrases.COUNTRIES[a.country], phrases.COUNTRIES[b.country]
    fr = lang == "fr"
    slots = {
        "a": a.written(lang),
        "b": b.written(lang),
        "x": x.fr if fr else x.en,
        "y": y.fr if fr else y.en,
        "y_in": y.fr_in,
        "x_in": x.fr_in,
        "x_of": x.fr_of,
        "cap": y.capital_fr if fr else y.capital_en,
        "day": rng.choice(phrases.DAYS[lang]),
        "city": rng.choice(phrases.CITIES[lang]),
        "n": str(rng.randint(2, 900)),
        "pct": f"{rng.uniform(0.2, 9.5):.1f}".replace(".", "," if fr else "."),
    }
    text = template.format_map(slots)
    return text[0].upper() + text[1:]
