"""Language identification for articles that do not declare one.

py3langid is restricted to the languages the engine has patterns for: an article in another
language still gets the closest supported one, and the rules then simply find nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from py3langid.langid import MODEL_FILE, LanguageIdentifier

FALLBACK = "en"
# Below this many letters the guess is noise; use the fallback.
_MIN_LETTERS = 12
# The opening of an article decides as well as all of it (same guess on the benchmark corpus),
# and py3langid's cost grows with every byte it reads.
_SAMPLE_CHARS = 600


class LanguageDetector:
    """A py3langid identifier limited to ``languages``."""

    def __init__(self, languages: Iterable[str], fallback: str = FALLBACK) -> None:
        self.languages = sorted(set(languages))
        self.fallback = fallback
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self._identifier.set_languages(self.languages)

    def detect(self, text: str, declared: str | None = None) -> str:
        """The declared language (ISO 639-1, lower-cased) if any, else the best supported guess."""
        if declared:
            return declared.split("-")[0].lower()
        sample = text[:_SAMPLE_CHARS]
        if sum(char.isalpha() for char in sample) < _MIN_LETTERS:
            return self.fallback
        lang, _ = self._identifier.classify(sample)
        return str(lang)
