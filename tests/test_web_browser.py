"""The dashboard as a person uses it: a real server, Debian's Chromium driven by Playwright.

Screenshots go to test-artifacts/ (gitignored). All data is invented (tests/conftest_web.py).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest_web import build_store

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"browser tests need Debian's Chromium at {CHROMIUM}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")

from wartrace.web.app import create_app  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "web.db"
    build_store(path).close()
    port = _free_port()
    config = uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 10 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    outside: list[str] = []
    dialogs: list[str] = []

    def on_request(request: Any) -> None:
        if not request.url.startswith(base_url):
            outside.append(request.url)

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("request", on_request)
    pg.on("dialog", on_dialog)
    yield pg
    context.close()
    assert not outside, f"the page fetched from elsewhere: {outside}"
    assert not dialogs, f"a dialog opened: {dialogs}"


def shot(pg: Any, name: str, full: bool = False) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def test_overview_to_event_to_article(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    assert page.locator("#stat-events").inner_text().strip().isdigit()
    assert page.locator("svg.map .markers circle").count() >= 3
    assert page.locator("svg.map .land path").count() > 3
    shot(page, "overview")

    page.locator("table.events a", has_text="Velmora").first.click()
    page.wait_for_url("**/events/**")
    assert "Battles" in page.locator("h1").inner_text()
    assert page.locator("#fatalities").inner_text() == "12"
    claims = page.locator("ol.claimlist > li")
    assert claims.count() >= 2
    assert "Regional Monitor" in page.locator("ol.claimlist").inner_text()
    shot(page, "event")

    page.locator("ol.claimlist a.quote", has_text="put the toll at 15").click()
    page.wait_for_url("**/articles/en-1#claim-*")
    target = page.locator(".article-text :target")
    assert target.inner_text() == "put the toll at 15"
    assert "claim" in (target.get_attribute("class") or "")
    assert target.is_visible()
    assert page.locator(".article-text .boilerplate").first.inner_text().startswith("KHARABA POST")
    assert page.locator(".article-text .evidence").count() >= 2
    shot(page, "article")

    page.locator("a", has_text="Pos tentara diserang di Velmora").click()
    page.wait_for_url("**/articles/id-1#side-by-side")
    assert "translation" in page.locator("aside").inner_text()
    shot(page, "article-translation")


def test_filters_live_in_the_url(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.select_option("select[name=language]", "id")
    page.wait_for_url("**language=id**")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1 and "Pelisar" not in page.locator("table.events").inner_text()
    page.fill("input[name=q]", "captured")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**q=captured**")
    assert "language=id" in page.url
    assert page.locator("p.empty").is_visible()  # only the English hostile article says it

    page.goto(base_url + "/")
    page.fill("input[name=q]", "captured")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**q=captured**")
    shared = page.url
    page.goto(base_url + "/")
    page.goto(shared)  # a shared link shows the same view
    assert page.locator("input[name=q]").input_value() == "captured"
    assert page.locator("table.events tbody tr").count() == 1
    assert "Ostrava" in page.locator("table.events").inner_text()

    page.goto(base_url + "/")
    page.locator("svg.timeline a").first.click()
    page.wait_for_url("**since=**")
    assert "until=" in page.url
    shot(page, "overview-filtered")


def test_hostile_article_does_nothing(page: Any, base_url: str) -> None:
    page.goto(base_url + "/articles/evil-1")
    text = page.locator("#article-text")
    assert "<script>" in text.inner_text() and "onerror" in text.inner_text()
    assert text.locator("script, img, a").count() == 0
    assert page.locator("h1").inner_text().startswith("<img")
    page.get_by_text("click here for the video").first.click()
    assert page.url.endswith("/articles/evil-1")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "article-hostile")
    for path in ("/", "/report", "/?q=Ostrava"):
        page.goto(base_url + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    page.goto(base_url + "/")
    page.locator("table.events a", has_text="Ostrava").first.click()
    page.wait_for_url("**/events/**")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("main script, main img").count() == 0


def test_situation_report_renders(page: Any, base_url: str) -> None:
    page.goto(base_url + "/report?since=2024-03-01&until=2024-03-31")
    assert "March 2024" in page.locator("h1").inner_text()
    assert "2024-03-01" in page.locator(".period").inner_text()
    assert page.locator("svg.map circle").count() >= 3
    assert page.locator("article.event").count() >= 2
    shot(page, "report", full=True)
    page.emulate_media(media="print")
    shot(page, "report-print", full=True)
