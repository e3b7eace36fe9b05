"""Reading a language's other script with one set of patterns and names: Traditional Chinese
folded onto Simplified ("訪問" is "访问", "習近平" is "习近平").

The fold changes characters one for one, so the offset map of the normalised text still points
into the article as published and evidence is quoted in the script it was written in. OpenCC
converts whole phrases first ("乾燥" and "乾隆" fold differently); a phrase whose length would
change is folded character by character instead.
"""

from __future__ import annotations

from functools import cache, lru_cache

import opencc


class ScriptFolder:
    """One OpenCC conversion (``t2s``: Traditional to Simplified), kept to the text's length."""

    def __init__(self, config: str) -> None:
        self._converter = opencc.OpenCC(config)
        self._char = lru_cache(maxsize=16384)(self._fold_char)

    def __call__(self, text: str) -> str:
        folded: str = self._converter.convert(text)
        if len(folded) == len(text):
            return folded
        return "".join(self._char(char) for char in text)

    def _fold_char(self, char: str) -> str:
        folded: str = self._converter.convert(char)
        return folded if len(folded) == 1 else char


@cache
def folder(config: str) -> ScriptFolder:
    """One converter per configuration for the process: loading its dictionaries takes a while."""
    return ScriptFolder(config)
