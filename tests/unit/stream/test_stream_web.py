"""The worker's web server: the configured address, and only /metrics, /healthz and /readyz.

The aiohttp application Faust builds for the worker is served over real HTTP on loopback (no
broker needed: the views do not touch Kafka). Faust's own views would list the tables and read
story state key by key (``/table/stories/<key>/``); they must answer 404.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from aiohttp import web as aiohttp_web
from aiohttp.test_utils import TestServer

from newswatch.settings import Settings
from newswatch.stream.app import create_app
from newswatch.stream.web import ENDPOINTS

FAUST_VIEWS = [
    "/table/",
    "/table/stories/",
    "/table/stories/some-story-key/",
    "/table/story-alerts/an-alert-id/",
    "/router/",
    "/router/stories/some-story-key/",
    "/graph/",
    "/",
    "/assignment/",
    "/performance/",
]


def _settings(tmp_path: Path, **update: object) -> Settings:
    return Settings().model_copy(update={"state_dir": tmp_path / "state", **update})


async def _answers(app_web: aiohttp_web.Application, paths: list[str]) -> dict[str, int]:
    server = TestServer(app_web, host="127.0.0.1")
    await server.start_server()
    try:
        async with httpx.AsyncClient(base_url=str(server.make_url("")), timeout=5) as client:
            return {path: (await client.get(path)).status_code for path in paths}
    finally:
        await server.close()


def _serve(settings: Settings, paths: list[str]) -> dict[str, int]:
    async def run() -> dict[str, int]:
        app = create_app(settings)
        web_app = await app.web.wsgi()  # the aiohttp app the worker serves, blueprints applied
        return await _answers(web_app, paths)

    return asyncio.run(run())


def test_only_our_three_endpoints_answer(tmp_path: Path) -> None:
    answers = _serve(_settings(tmp_path), [*sorted(ENDPOINTS), *FAUST_VIEWS])
    assert answers == {
        "/healthz": 200,
        "/metrics": 200,
        "/readyz": 503,  # nothing loaded, nothing assigned
        **dict.fromkeys(FAUST_VIEWS, 404),
    }


def test_faust_views_stay_off_when_its_environment_turns_them_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Faust reads APP_WEB_*_ENABLED over the app's arguments: the middleware still says 404."""
    for flag in ("TABLES", "ROUTER", "STATS", "GRAPH"):
        monkeypatch.setenv(f"APP_WEB_{flag}_ENABLED", "true")
    answers = _serve(_settings(tmp_path), ["/table/stories/some-story-key/", "/router/", "/"])
    assert set(answers.values()) == {404}


def test_no_faust_blueprint_is_mounted(tmp_path: Path) -> None:
    """Switched off, not only refused; Faust's ``{"status": "OK"}`` index at ``/`` has no
    switch, so it stays mounted and the middleware refuses it (the first test)."""

    async def routes() -> set[str]:
        app = create_app(_settings(tmp_path))
        web_app = await app.web.wsgi()
        return {resource.canonical for resource in web_app.router.resources() if resource.canonical}

    assert asyncio.run(routes()) - {"/"} == ENDPOINTS


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0"])
def test_the_server_binds_the_configured_address(tmp_path: Path, host: str) -> None:
    app = create_app(_settings(tmp_path, web_host=host))
    assert app.conf.web_bind == host


def test_the_default_address_is_loopback() -> None:
    assert Settings().web_host == "127.0.0.1"
