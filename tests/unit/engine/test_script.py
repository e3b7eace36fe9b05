"""Traditional Chinese is read with the Simplified patterns and names, and quoted as written."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newswatch.contracts import Article
from newswatch.engine import Engine
from newswatch.engine.script import folder

# Written for this test: the same announcement in both scripts.
TRADITIONAL = "日本首相安倍晉三將於下週對中國進行正式訪問，並與國家主席習近平舉行會談。"
SIMPLIFIED = "日本首相安倍晋三将于下周对中国进行正式访问，并与国家主席习近平举行会谈。"


def test_the_fold_keeps_every_character_in_place() -> None:
    folded = folder("t2s")(TRADITIONAL)
    assert folded == SIMPLIFIED
    assert len(folded) == len(TRADITIONAL)
    assert folder("t2s")(SIMPLIFIED) == SIMPLIFIED


def test_a_phrase_that_would_change_length_folds_character_by_character() -> None:
    fold = folder("t2s")
    text = "乾隆與乾燥的天氣"
    assert len(fold(text)) == len(text)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_settings()


@pytest.mark.parametrize("text", [TRADITIONAL, SIMPLIFIED])
def test_both_scripts_give_the_same_alert_quoting_the_article(engine: Engine, text: str) -> None:
    article = Article(id="t", text=text, language="zh", published_at="2018-10-18T09:00:00+08:00")
    [alert] = engine.tag(article, now=datetime(2018, 10, 18, 12, tzinfo=UTC))
    assert alert.event_type == "state_visit"
    assert alert.attributes["status"] == "announced"
    assert [a.name for a in alert.actors] == ["Shinzo Abe"]
    assert "China" in [t.name for t in alert.targets]
    assert alert.evidence[0].text in text  # the evidence is the article's own script
