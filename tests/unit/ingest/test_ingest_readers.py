"""Readers for text, JSONL, HTML and feeds, on small files written by the tests."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from newswatch.ingest import ArticleDefaults, Parsed, Unparsable, Unreadable, read_path, read_paths
from newswatch.ingest.feeds import html_to_text
from newswatch.ingest.readers import expand
from newswatch.ingest.text import split_title
from newswatch.settings import Settings

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_23de67fa4f7c9070.txt"
SETTINGS = Settings(max_message_bytes=4096, max_text_chars=200)


def parsed(path: Path, **kwargs: object) -> list[Parsed]:
    results = list(read_path(path, SETTINGS, **kwargs))  # type: ignore[arg-type]
    assert all(isinstance(r, Parsed) for r in results), results
    return results  # type: ignore[return-value]


def test_the_seed_is_one_article_with_its_file_name_as_id_and_text_unchanged() -> None:
    (result,) = parsed(SEED)
    assert result.article.id == "000_23de67fa4f7c9070"
    assert result.article.text == SEED.read_text(encoding="utf-8")
    assert result.article.title is None  # its first line is a sentence, not a headline


def test_a_headline_set_off_by_a_blank_line_becomes_the_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Xi en Russie\n\nLe président chinois arrive lundi.\n", encoding="utf-8")
    (result,) = parsed(path)
    assert result.article.title == "Xi en Russie"
    assert result.article.text == "Le président chinois arrive lundi."
    assert result.article.id.startswith("sha-")


@pytest.mark.parametrize(
    "content",
    [
        "Une phrase complète.\n\nEt la suite.",  # ends like a sentence
        "Titre\nsans ligne vide",  # no blank line after it
        "Seule ligne",
    ],
)
def test_other_first_lines_stay_in_the_text(content: str) -> None:
    assert split_title(content) == (None, content)


def test_text_that_is_not_utf8_is_kept_as_unparsable(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Pékin a condamné".encode("latin-1"))
    (result,) = read_path(path, SETTINGS)
    assert isinstance(result, Unparsable)
    assert result.reason == "encoding"
    assert result.raw == path.read_bytes()


def test_jsonl_keeps_good_lines_and_reports_bad_ones_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Xi Jinping."}),
        "{oops",
        "",
        json.dumps({"id": "a3"}),
        json.dumps({"id": "a4", "text": "x" * 300}),
        json.dumps({"id": "a5", "text": "Poutine.", "language": "fr"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_path(path, SETTINGS))
    good = [r.article.id for r in results if isinstance(r, Parsed)]
    bad = [(r.origin, r.reason, r.raw) for r in results if isinstance(r, Unparsable)]
    assert good == ["a1", "a5"]
    assert bad == [
        (f"{path}:2", "json", b"{oops"),
        (f"{path}:4", "schema", lines[3].encode()),
        (f"{path}:5", "text_too_long", lines[4].encode()),
    ]


HTML = """<!doctype html><html><head><title>Xi Jinping en Russie | Le Journal</title>
<link rel="canonical" href="https://journal.example/xi-russie">
<meta property="og:site_name" content="Le Journal"></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Xi Jinping en Russie</h1>
<p>La Chine a déclaré que le président Xi Jinping se rendrait en Russie du lundi au mercredi,
dans une manifestation apparente de soutien au président russe Vladimir Poutine.</p>
<p>Le Kremlin a également annoncé vendredi la visite, précisant qu'elle aura lieu à l'invitation
de Vladimir Poutine, et que les deux dirigeants discuteront du partenariat stratégique.</p>
</article><footer>Tous droits réservés. Abonnez-vous à notre lettre.</footer></body></html>"""


def test_html_gives_the_main_text_title_and_a_url_based_id(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (result,) = parsed(path)
    article = result.article
    assert "se rendrait en Russie" in article.text
    assert "Accueil" not in article.text and "Abonnez-vous" not in article.text
    assert article.title is not None and "Xi Jinping en Russie" in article.title
    assert article.url == "https://journal.example/xi-russie"
    assert article.id.startswith("url-")


@pytest.mark.parametrize("declared", ["windows-1252", None])
def test_html_in_windows_1252_keeps_its_accents(tmp_path: Path, declared: str | None) -> None:
    page = HTML.replace("’", "'")
    if declared:
        page = page.replace("<head>", f'<head><meta charset="{declared}">')
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("windows-1252"))
    (result,) = parsed(path)
    assert "La Chine a déclaré que le président Xi Jinping" in result.article.text


def test_html_without_main_text_is_unparsable(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>t</title></head><body></body></html>", encoding="utf-8")
    (result,) = read_path(path, SETTINGS)
    assert isinstance(result, Unparsable)


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Le Fil</title>
<item><title>Xi en Russie</title><link>https://fil.example/1</link>
<pubDate>Fri, 17 Mar 2023 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Xi Jinping se rendra en Russie.&lt;/p&gt;&lt;p&gt;Lundi.&lt;/p&gt;
</description>
</item>
<item><title>Sans lien</title><guid isPermaLink="false">tag:fil,2023:2</guid>
<description>Pékin condamne les sanctions.</description></item>
<item><title>Vide</title><link>https://fil.example/3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Fil</title><id>urn:fil</id><updated>2023-03-17T09:30:00Z</updated>
<entry><title>Appel</title><id>urn:e1</id><link href="https://atom.example/e1"/>
<updated>2023-03-16T08:00:00Z</updated>
<content type="html">&lt;p&gt;Qin Gang a eu une conversation téléphonique.&lt;/p&gt;</content>
<summary>Résumé court.</summary></entry></feed>"""


def test_rss_entries_become_articles_and_empty_entries_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "fil.rss"
    path.write_text(RSS, encoding="utf-8")
    results = list(read_path(path, SETTINGS))
    first, second, empty = results
    assert isinstance(first, Parsed) and isinstance(second, Parsed)
    assert first.article.text == "Xi Jinping se rendra en Russie.\nLundi."
    assert first.article.title == "Xi en Russie"
    assert first.article.source == "Le Fil"
    assert first.article.published_at == "2023-03-17T09:30:00Z"
    assert first.article.id.startswith("url-")
    assert second.article.id.startswith("guid-")
    assert isinstance(empty, Unparsable) and empty.origin.endswith("#3")


def test_atom_prefers_content_over_summary(tmp_path: Path) -> None:
    path = tmp_path / "fil.atom"
    path.write_text(ATOM, encoding="utf-8")
    (result,) = parsed(path)
    assert result.article.text == "Qin Gang a eu une conversation téléphonique."
    assert result.article.url == "https://atom.example/e1"
    assert result.article.published_at == "2023-03-16T08:00:00Z"


def test_html_to_text_keeps_plain_text_as_is() -> None:
    assert html_to_text("  Pas de balises.  ") == "Pas de balises."


def test_defaults_fill_only_missing_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "t", "language": "en"})
        + "\n"
        + json.dumps({"id": "b", "text": "t", "source": "AFP"})
        + "\n",
        encoding="utf-8",
    )
    defaults = ArticleDefaults(source="cli", language="fr")
    a, b = (r.article for r in parsed(path, defaults=defaults))
    assert (a.language, a.source) == ("en", "cli")
    assert (b.language, b.source) == ("fr", "AFP")


def test_folders_expand_to_supported_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": "A"}) + "\n")
    (tmp_path / "notes.md").write_text("ignored")
    assert [p.name for p in expand([tmp_path])] == ["a.jsonl", "b.txt"]
    texts = [r.article.text for r in read_paths([tmp_path], SETTINGS) if isinstance(r, Parsed)]
    assert texts == ["A", "B"]


def test_unsupported_files_are_reported_by_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# notes", encoding="utf-8")
    (result,) = read_path(path, SETTINGS)
    assert isinstance(result, Unreadable) and result.origin == str(path)
    assert result.message.startswith("unsupported file type '.md'")


def test_binary_files_are_reported_as_binary_whatever_their_name(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    (tmp_path / "bin.dat").write_bytes(data)
    (tmp_path / "photo.txt").write_bytes(data)
    (dat,) = read_path(tmp_path / "bin.dat", SETTINGS)
    assert isinstance(dat, Unreadable) and dat.message == "a binary file, not an article"
    (txt,) = read_path(tmp_path / "photo.txt", SETTINGS)  # a .txt is data: dead-lettered by ingest
    assert isinstance(txt, Unparsable) and txt.reason == "encoding" and txt.raw == data


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html", ".rss", ".md"])
def test_missing_and_unreadable_paths_are_reported_and_the_rest_is_read(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Le texte.", encoding="utf-8")
    locked = tmp_path / f"locked{suffix}"
    locked.write_text("secret", encoding="utf-8")
    # The tests run as root, which chmod 0 does not stop: refuse the reads the way the OS would.
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    missing = tmp_path / f"missing{suffix}"
    results = list(read_paths([missing, good, locked], SETTINGS))
    assert results[0] == Unreadable(str(missing), "No such file or directory")
    assert isinstance(results[1], Parsed) and results[1].article.text == "Le texte."
    assert results[2:] == [Unreadable(str(locked), "Permission denied")]


def test_as_suffix_reads_any_file_as_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "articles.txt"
    path.write_text(json.dumps({"id": "x1", "text": "t"}) + "\n", encoding="utf-8")
    (result,) = list(read_path(path, SETTINGS, as_suffix=".jsonl"))
    assert isinstance(result, Parsed) and result.article.id == "x1"
