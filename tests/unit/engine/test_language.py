from __future__ import annotations

import pytest

from newswatch.engine.language import LanguageDetector

LANGS = ["de", "en", "es", "fr", "ru", "uk", "zh"]


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector(LANGS)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La Chine a déclaré que le président se rendrait en Russie.", "fr"),
        ("The president will travel to Russia next week.", "en"),
        ("Der Präsident reist nächste Woche nach Moskau.", "de"),
        ("El presidente viajará a Moscú la próxima semana.", "es"),
        ("Путин встретился с Си Цзиньпином в Москве.", "ru"),
        ("Путін зустрівся з Сі Цзіньпіном у Москві.", "uk"),
        ("习近平将对俄罗斯进行国事访问。", "zh"),
    ],
)
def test_detects_supported_languages(detector: LanguageDetector, text: str, lang: str) -> None:
    assert detector.detect(text) == lang


def test_declared_language_wins(detector: LanguageDetector) -> None:
    assert detector.detect("The president will travel.", "FR-ca") == "fr"


def test_short_text_falls_back(detector: LanguageDetector) -> None:
    assert detector.detect("OK 12") == "en"
