"""A toy event type (``expulsion``) written into a copy of the engine's data, for the tests that
show a new type is data only: the in-process one and the one through a real worker."""

from __future__ import annotations

import shutil
from pathlib import Path

from newswatch.resources import resource_path

TOY = "expulsion"
TOY_TEXT = "Poland expelled 45 Russian diplomats on Monday over a sabotage plot."

DATA = resource_path("engine", "data")

TOY_TYPE = """
  expulsion:
    description: A state expels another state's diplomats (actor = the expelling state).
    key_attribute: null
    actor_kinds: [country, organisation]
    attributes: {}
    defaults: {}
    requires: {actors: 1, targets: 1}
    codes:
      - {when: {}, cameo: "1246", plover: REDUCE}
"""

TOY_TRIGGER = """
  - id: en-expulsion
    event: expulsion
    strength: 0.8
    patterns:
      - [{LEMMA: expel}, {OP: "{0,3}"}, {LOWER: {IN: [diplomats, diplomat, ambassador, envoys]}}]
"""


def write_toy_data(data: Path) -> dict[str, Path]:
    """The shipped taxonomy and patterns plus the toy type and its English trigger, in ``data``;
    returns the settings that point at them (``taxonomy_path``, ``patterns_dir``)."""
    shutil.copytree(DATA / "patterns", data / "patterns")
    taxonomy = (DATA / "taxonomy.yaml").read_text(encoding="utf-8")
    (data / "taxonomy.yaml").write_text(
        taxonomy.replace("event_types:\n", "event_types:" + TOY_TYPE, 1), encoding="utf-8"
    )
    english = (data / "patterns" / "en.yaml").read_text(encoding="utf-8")
    english = english.replace("keywords: [", "keywords: [expel, ", 1)
    (data / "patterns" / "en.yaml").write_text(
        english.replace("triggers:\n", "triggers:" + TOY_TRIGGER, 1), encoding="utf-8"
    )
    return {"taxonomy_path": data / "taxonomy.yaml", "patterns_dir": data / "patterns"}
