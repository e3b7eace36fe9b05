"""The article-length gold sets (issue 10): size, mix, shape and independence of the splits."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newswatch.evaluation import GoldPassage, agreement, default_resolver, load_gold, load_labels

ARTICLES = Path(__file__).resolve().parents[1] / "gold" / "articles"
OTHERS = ("de", "es", "ru", "uk", "zh")


@pytest.fixture(scope="module")
def splits() -> dict[str, list[GoldPassage]]:
    resolver = default_resolver()
    return {name: load_gold(ARTICLES / f"{name}.jsonl", resolver) for name in ("dev", "test")}


def _length(passage: GoldPassage) -> int:
    return len(passage.text) if passage.lang == "zh" else len(passage.text.split())


def test_size_and_language_mix(splits: dict[str, list[GoldPassage]]) -> None:
    every = splits["dev"] + splits["test"]
    langs = Counter(p.lang for p in every)
    assert len(every) >= 400
    assert langs["fr"] >= 150 and langs["en"] >= 150
    assert sum(langs[lang] for lang in OTHERS) >= 100


def test_hard_negatives_are_a_fifth_or_more_of_each_split(
    splits: dict[str, list[GoldPassage]],
) -> None:
    for passages in splits.values():
        negatives = [p for p in passages if p.hard_negative]
        assert len(negatives) >= 0.2 * len(passages)
        assert [p.id for p in negatives if p.current] == []


def test_articles_have_article_length_and_a_publication_time(
    splits: dict[str, list[GoldPassage]],
) -> None:
    for passage in splits["dev"] + splits["test"]:
        limits = (250, 1000) if passage.lang == "zh" else (150, 600)
        assert limits[0] <= _length(passage) <= limits[1], passage.id
        assert passage.published_at, passage.id
        assert passage.text.count("\n\n") >= 2, passage.id  # several paragraphs


def test_the_splits_share_no_passage_and_no_sentence(
    splits: dict[str, list[GoldPassage]],
) -> None:
    def sentences(passages: list[GoldPassage]) -> set[str]:
        return {
            s.strip()
            for p in passages
            for s in re.split(r"(?<=[.!?。])\s+", p.text)
            if len(s.split()) >= 8
        }

    dev, test = splits["dev"], splits["test"]
    assert {p.id for p in dev}.isdisjoint(p.id for p in test)
    assert sentences(dev).isdisjoint(sentences(test))


def test_most_positive_articles_report_several_events(
    splits: dict[str, list[GoldPassage]],
) -> None:
    for passages in splits.values():
        positives = [p for p in passages if not p.hard_negative]
        several = [p for p in positives if len(p.events) >= 2]
        assert len(several) > 0.5 * len(positives)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_both_annotations_cover_every_article_and_mostly_agree(split: str) -> None:
    resolver = default_resolver()
    articles = ARTICLES / f"{split}.jsonl"
    first = load_labels(articles, ARTICLES / "annotations" / f"{split}.A.jsonl", resolver)
    second = load_labels(articles, ARTICLES / "annotations" / f"{split}.B.jsonl", resolver)
    report = agreement(first, second)
    # The README quotes these; far lower would mean the labels were mixed up.
    assert report.overall.strict.f1 > 0.9
    notes = (ARTICLES / "annotations" / f"{split}.adjudication.jsonl").read_text("utf-8")
    ids = {p.id for p in first}
    assert {json.loads(line)["id"] for line in notes.splitlines()} <= ids
