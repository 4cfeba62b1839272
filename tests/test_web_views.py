"""The dashboard's views in a real browser (Debian's Chromium via Playwright): map, timeline,
event and article pages, search, layout and accessibility (axe-core), at three screen sizes.

Screenshots go to test-artifacts/views/. All data is invented (tests/conftest_web.py).
axe-core is a test-time dependency only: `make test` installs it from npm into tests/.axe/
(or point WARTRACE_AXE_JS at an axe.min.js); without it the axe checks skip with a reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import test_web_browser as web_browser

base_url = web_browser.base_url  # the same live server fixture (a module-scoped uvicorn)
ARTIFACTS, CHROMIUM, CHROMIUM_ARGS = (
    web_browser.ARTIFACTS,
    web_browser.CHROMIUM,
    web_browser.CHROMIUM_ARGS,
)

sync_api = pytest.importorskip("playwright.sync_api")

SHOTS = ARTIFACTS / "views"
SIZES = [(1366, 768), (1920, 1080), (390, 844)]
AXE_JS = Path(
    os.environ.get("WARTRACE_AXE_JS")
    or Path(__file__).parent / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _page(browser: Any, width: int = 1366, height: int = 768, **kw: Any) -> Any:
    context = browser.new_context(viewport={"width": width, "height": height}, **kw)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    return pg


def _shot(pg: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    w = pg.viewport_size["width"]
    h = pg.viewport_size["height"]
    pg.screenshot(path=str(SHOTS / f"{name}-{w}x{h}.png"), full_page=True)


def _event_id(pg: Any, base: str, place: str) -> str:
    pg.goto(base + "/")
    href = pg.locator("table.events a", has_text=place).first.get_attribute("href")
    return str(href).rsplit("/", 1)[-1]


# --- 7. map ----------------------------------------------------------------------------


def test_map_fits_zooms_and_shows_every_event(browser: Any, base_url: str) -> None:
    pg = _page(browser)
    pg.goto(base_url + "/")
    legend = pg.locator(".legend").first.inner_text()
    for t in (
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    ):
        assert t in legend
    assert pg.locator("svg.map circle.zero").count() >= 1  # the 0-fatality bombing
    assert pg.locator("svg.map .admin1 path").count() > 0  # close enough for regions
    assert pg.locator("svg.map .scalebar text").text_content().endswith("km")
    assert "Velmora" in pg.locator("svg.map .places").text_content()
    pg.locator(".mapnav a[aria-label='Zoom in']").click()
    pg.wait_for_url("**bbox=**")
    assert pg.locator(".chips").inner_text().startswith("Map area")
    pg.locator(".mapnav a[aria-label='Pan east']").click()
    pg.wait_for_url("**bbox=**")
    pg.locator(".mapnav a[aria-label='Fit to the events']").click()
    pg.wait_for_load_state()
    assert "bbox" not in pg.url
    pg.context.close()


# --- 8. timeline -----------------------------------------------------------------------


def test_timeline_brush_selects_a_date_range(browser: Any, base_url: str) -> None:
    pg = _page(browser)
    pg.goto(base_url + "/")
    svg = pg.locator("svg.timeline")
    assert "per day" in svg.get_attribute("aria-label")
    assert pg.locator("svg.timeline .tick").count() >= 3
    widths = [
        float(w)
        for w in pg.locator("svg.timeline rect.ev").evaluate_all(
            "rs => rs.map(r => r.getAttribute('width'))"
        )
    ]
    assert widths and max(widths) <= 28  # three days never fill the width with one bar
    box = svg.bounding_box()
    y = box["y"] + box["height"] * 0.3
    pg.mouse.move(box["x"] + box["width"] * 0.12, y)
    pg.mouse.down()
    pg.mouse.move(box["x"] + box["width"] * 0.5, y, steps=8)
    pg.mouse.move(box["x"] + box["width"] * 0.85, y, steps=8)
    pg.mouse.up()
    pg.wait_for_url("**since=**")
    assert "until=" in pg.url
    chips = pg.locator(".chips").inner_text()
    assert "From" in chips and "To" in chips
    pg.context.close()


# --- 9. event page ---------------------------------------------------------------------


def test_event_page_claims_in_context_sides_and_locator(browser: Any, base_url: str) -> None:
    pg = _page(browser)
    pg.goto(base_url + "/events/" + _event_id(pg, base_url, "Velmora"))
    quotes = pg.locator(".claimlist blockquote")
    assert quotes.count() >= 2
    first = quotes.first
    assert first.locator("mark").count() == 1
    assert len(first.inner_text()) > len(first.locator("mark").inner_text()) + 10  # sentence
    assert pg.locator("table.sides tbody tr").count() >= 1
    assert "soldiers" in pg.locator("table.sides").inner_text()
    assert pg.locator("figure.locator svg.map circle").count() >= 1
    notes = pg.locator("ul.notes li").all_inner_texts()
    assert len(notes) == len(set(notes))
    assert not any(
        " -> " in n and n.split(" -> ")[0].split()[-1] == n.split(" -> ")[1] for n in notes
    )
    pg.context.close()


# --- 10. article page ------------------------------------------------------------------


def test_translation_side_by_side_with_its_source(browser: Any, base_url: str) -> None:
    pg = _page(browser)
    pg.goto(base_url + "/articles/id-1")
    table = pg.locator("#side-by-side table.sbs")
    assert table.locator("tr.kept").count() >= 1
    left_out = table.locator("tr.left-out")
    assert left_out.count() == 1 and "roadside bomb" in left_out.inner_text()
    added = table.locator("tr.added").all_inner_texts()
    assert all("roadside bomb" not in a for a in added)  # never both left out and added
    assert table.locator("tr.kept td").first.get_attribute("lang") == "en"
    assert table.locator("tr.kept td").last.get_attribute("lang") == "id"
    assert pg.locator("#article-text").get_attribute("lang") == "id"
    pg.locator("details summary", has_text="What the similarity means").click()
    assert "names, numbers and dates" in pg.locator("details").first.inner_text().lower()
    pg.context.close()


# --- 11. search --------------------------------------------------------------------------


def test_search_highlights_hits_and_filters_are_removable_chips(
    browser: Any, base_url: str
) -> None:
    pg = _page(browser)
    pg.goto(base_url + "/?q=roadside&language=en")
    marks = pg.locator("table.events mark")
    assert marks.count() >= 1 and marks.first.inner_text().lower() == "roadside"
    chips = pg.locator(".chips li.chip")
    assert chips.count() == 2
    pg.locator(".chip a[aria-label^='Remove filter Language']").click()
    pg.wait_for_load_state()
    assert "language=" not in pg.url and "q=roadside" in pg.url
    assert pg.locator(".chips li.chip").count() == 1
    pg.context.close()


# --- 12. layout and accessibility --------------------------------------------------------


def _pages(pg: Any, base: str) -> list[tuple[str, str]]:
    return [
        ("overview", "/"),
        ("overview-search", "/?q=soldiers"),
        ("event", "/events/" + _event_id(pg, base, "Velmora")),
        ("article", "/articles/en-1"),
        ("article-translation", "/articles/id-1"),
        ("report", "/report?since=2024-03-01&until=2024-03-31"),
        ("api", "/api"),
        ("not-found", "/events/ev-none"),
    ]


def _axe(pg: Any) -> list[dict[str, Any]]:
    pg.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = pg.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [v for v in result if v.get("impact") in ("serious", "critical")]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_page_fits_and_is_structured(
    browser: Any, base_url: str, size: tuple[int, int]
) -> None:
    pg = _page(browser, *size)
    for name, path in _pages(pg, base_url):
        pg.goto(base_url + path)
        _shot(pg, name)
        assert pg.locator("h1").count() == 1, name
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name}: {overflow}px of horizontal overflow at {size}"
        if name != "report":  # the report is a standalone document, no site navigation
            pg.keyboard.press("Tab")
            assert pg.evaluate("document.activeElement.className") == "skip", name
        for table in pg.locator("main table").all():
            assert table.locator("caption").count() == 1, name
            assert table.locator("thead th:not([scope])").count() == 0, name
    pg.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(browser: Any, base_url: str, scheme: str) -> None:
    if not AXE_JS.is_file():
        pytest.skip(f"axe-core not installed at {AXE_JS} (make test installs it from npm)")
    pg = _page(browser, bypass_csp=True, color_scheme=scheme)
    found = {}
    for name, path in _pages(pg, base_url):
        pg.goto(base_url + path)
        if scheme == "dark":
            _shot(pg, f"{name}-dark")
        bad = _axe(pg)
        if bad:
            found[name] = [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in bad]
    pg.context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


# --- 13. API documentation ---------------------------------------------------------------


def test_api_routes_have_titles_descriptions_and_examples(browser: Any, base_url: str) -> None:
    pg = _page(browser)
    spec = pg.request.get(base_url + "/api/openapi.json").json()
    for path, ops in spec["paths"].items():
        for op in ops.values():
            assert op.get("summary") and "Example:" in op.get("description", ""), path
            for prm in op.get("parameters", []):
                described = prm.get("description") or prm.get("schema", {}).get("description")
                assert described, (path, prm["name"])
    events = spec["paths"]["/api/events"]["get"]
    names = {p["name"] for p in events["parameters"]}
    assert {"page", "per_page", "sort"} <= names
    pg.goto(base_url + "/api")
    assert pg.locator("section.endpoint").count() == sum(len(o) for o in spec["paths"].values())
    assert "per_page" in pg.locator("main").inner_text()
    pg.context.close()
