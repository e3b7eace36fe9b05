"""spaCy pipelines per language, loaded on first use and timed.

French and English get the statistical package named in settings (lemmas, parse, NER); every other
language with a patterns file gets ``spacy.blank`` (Chinese: the default character segmenter, so
no pkuseg download). All get the two newswatch components at the end.
"""

from __future__ import annotations

import threading
import time
from typing import cast

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from newswatch.engine import components
from newswatch.engine.patterns import LanguagePatterns
from newswatch.engine.watchlist import Watchlist
from newswatch.observability.metrics import MODEL_LOAD_SECONDS
from newswatch.settings import Settings

ENTITIES = "newswatch_entities"
TRIGGERS = "newswatch_triggers"


class Pipelines:
    def __init__(
        self, settings: Settings, watchlist: Watchlist, patterns: dict[str, LanguagePatterns]
    ) -> None:
        self.settings = settings
        self.watchlist = watchlist
        self.patterns = patterns
        self._loaded: dict[str, Language] = {}
        self._lock = threading.Lock()

    def get(self, lang: str) -> Language:
        with self._lock:
            if lang not in self._loaded:
                self._loaded[lang] = self._load(lang)
            return self._loaded[lang]

    def parsed(self, lang: str) -> bool:
        return self.settings.model_for(lang) is not None

    def reconfigure(self, watchlist: Watchlist, patterns: dict[str, LanguagePatterns]) -> None:
        """Swap in new data files; loaded models stay, their matchers are rebuilt.

        All-or-nothing: every loaded language's components are first built aside from the new
        data; only when all of them built are they swapped in (plain assignments, which cannot
        fail), so an error leaves every language on its old data.
        """
        with self._lock:
            built: list[tuple[object, object]] = []
            for lang, nlp in self._loaded.items():
                if lang not in patterns:
                    continue
                entities = components.EntityMentions(nlp, ENTITIES)
                triggers = components.EventTriggers(nlp, TRIGGERS)
                _configure(entities, triggers, watchlist, patterns[lang])
                built += [(nlp.get_pipe(ENTITIES), entities), (nlp.get_pipe(TRIGGERS), triggers)]
            self.watchlist, self.patterns = watchlist, patterns
            for live, fresh in built:
                vars(live).update(vars(fresh))
            for lang in [lang for lang in self._loaded if lang not in patterns]:
                del self._loaded[lang]

    def _load(self, lang: str) -> Language:
        model = self.settings.model_for(lang)
        started = time.perf_counter()
        nlp = spacy.load(model) if model else spacy.blank(lang)
        _split_spaced_special_cases(nlp)
        nlp.add_pipe(ENTITIES, last=True)
        nlp.add_pipe(TRIGGERS, last=True)
        entities = cast(components.EntityMentions, nlp.get_pipe(ENTITIES))
        triggers = cast(components.EventTriggers, nlp.get_pipe(TRIGGERS))
        _configure(entities, triggers, self.watchlist, self.patterns[lang])
        MODEL_LOAD_SECONDS.labels(model=model or f"blank:{lang}").set(time.perf_counter() - started)
        return nlp


def _split_spaced_special_cases(nlp: Language) -> None:
    """Tokenise "EE. UU." (Spanish) or "в т.ч." (Russian) as words of their own: "EE.", "UU.".

    spaCy merges a special case that spans a space after tokenising; in a doc that no parser
    has seen, the merged token's edges then point outside the doc, and reading its children
    crashed the process (any Spanish article naming "EE. UU." did). Each word stays a special
    case, so its period ends no sentence; aliases are matched on the same tokenizer.
    """
    rules = getattr(nlp.tokenizer, "rules", None)
    if not rules:
        return  # the Chinese segmenter has no special cases
    spaced = [key for key in rules if key.strip() and any(c.isspace() for c in key)]
    if not spaced:
        return
    kept = {k: v for k, v in rules.items() if k not in spaced}
    for key in spaced:
        for word in key.split():
            kept.setdefault(word, [{ORTH: word}])
    nlp.tokenizer.rules = kept  # type: ignore[union-attr]


def _configure(
    entities: components.EntityMentions,
    triggers: components.EventTriggers,
    watchlist: Watchlist,
    patterns: LanguagePatterns,
) -> None:
    """Give one language's two newswatch components their data: the live pipes of a model just
    loaded, or fresh ones built aside for a reload."""
    entities.configure(watchlist, patterns)
    triggers.configure(patterns)
