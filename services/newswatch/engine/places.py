"""Cities and the country they are in (``data/places.tsv``, built by ``places_build``).

Read only for a trip's destination ("arrivé à Sotchi", "in Davos for the forum"): a city that
is not on the watchlist still tells which country hosts the visit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

_TERRITORIES = Path(__file__).parent / "data" / "territories.tsv"


def fold(text: str) -> str:
    if text.isascii():  # most of the 160,000 city names: a worker reads them all at start-up
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Places:
    def __init__(self, countries: dict[str, str]) -> None:
        self._countries = countries

    @classmethod
    def load(cls, path: Path) -> Places:
        countries: dict[str, str] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    name, _, code = line.partition("\t")
                    countries[fold(name)] = code
        return cls(countries)

    def country(self, name: str) -> str | None:
        """The ISO code of the country a city of that name is in, if it is a known city."""
        return self._countries.get(fold(name))

    def __len__(self) -> int:
        return len(self._countries)


@cache
def sovereigns(path: Path = _TERRITORIES) -> dict[str, str]:
    """Territory code -> the code of the state it belongs to (``data/territories.tsv``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    pairs = (line.split("\t") for line in lines if line and not line.startswith("#"))
    return {code: owner for code, owner in pairs}


def homeland(codes: Iterable[str | None]) -> set[str | None]:
    """The given countries with their dependent territories: a trip there is a trip home."""
    home = set(codes)
    return home | {t for t, owner in sovereigns().items() if owner in home}
