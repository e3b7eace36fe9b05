from __future__ import annotations

from alert_factory import make_alert, sanctions_alert

from newswatch.notify.render import slack_text


def test_slack_line_names_event_parties_attributes_and_link() -> None:
    line = slack_text(sanctions_alert("impose"))
    assert line.startswith("[sanctions] United States → Russia · action=impose")
    assert line.endswith("· <https://example.org/a|T>")


def test_story_updates_are_labelled() -> None:
    line = slack_text(make_alert(update="status_changed", story_articles=3))
    assert line.startswith("[phone call (status changed)]")
    assert "3 articles" in line


def test_slack_markup_characters_are_escaped() -> None:
    alert = make_alert(article={"id": "a<b>&c"})
    line = slack_text(alert)
    assert "a&lt;b&gt;&amp;c" in line
    assert "<b>" not in line
