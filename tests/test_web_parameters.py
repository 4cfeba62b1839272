"""No route answers 500 on bad parameters: property-based tests (Hypothesis) over every
GET route of the dashboard and API, its path parameters and every query parameter it
reads, with hostile values. Plus: over-long URLs answer 414. Store of invented articles."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wartrace.web.app import create_app, iter_routes

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from conftest_web import build_store

# Every query parameter any route reads (filters, paging, sorting), and some it does not.
PARAMS = [
    "since",
    "until",
    "country",
    "admin1",
    "actor",
    "event_type",
    "language",
    "outlet",
    "q",
    "bbox",
    "page",
    "per_page",
    "sort",
    "unknown",
]
ROUTES = [
    "/",
    "/events/{event_id}",
    "/articles/{article_id}",
    "/report",
    "/export.{fmt}",
    "/api",
    "/api/overview",
    "/api/events",
    "/api/facets",
    "/api/events/{event_id}",
    "/api/articles/{article_id}",
    "/api/export.{fmt}",
]

dates = st.one_of(
    st.dates().map(str),
    st.sampled_from(["0001-01-01", "9999-12-31", "2021-02-30", "2021-13-01", "1900-01-01"]),
    st.from_regex(r"-?\d{1,6}-\d{1,3}-\d{1,3}", fullmatch=True),
)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
bboxes = st.lists(numbers, min_size=0, max_size=6).map(",".join)
hostile = st.sampled_from(
    [
        "",
        " ",
        "'",
        '"',
        "*",
        "NEAR(a b)",
        "a OR b",
        "\x00",
        "%",
        "\\",
        "🙂",
        "\ud7ff",
        "x" * 5000,
        "' OR 1=1 --",
        "date",
        "fatalities",
        "-1",
        "0",
        "1e309",
    ]
)
values = st.one_of(st.text(max_size=40), dates, numbers, bboxes, hostile)
path_values = st.one_of(st.text(min_size=1, max_size=40), hostile.filter(bool))
fmts = st.one_of(st.sampled_from(["csv", "json", "jsonl", "parquet", "xml", ""]), st.text())


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("params") / "web.db"
    conn: sqlite3.Connection = build_store(path)
    conn.close()
    return TestClient(create_app(str(path)), raise_server_exceptions=False)


def test_the_route_list_covers_every_get_route(tmp_path: Path, client: TestClient) -> None:
    served = {
        r.replace(":path", "")
        for r in iter_routes(client.app)  # type: ignore[arg-type]
        if not r.startswith(("/static", "/api/openapi"))
    }
    assert served <= set(ROUTES), served - set(ROUTES)


def _fill(route: str, path_value: str, fmt: str) -> str:
    from urllib.parse import quote

    return (
        route.replace("{event_id}", quote(path_value, safe=""))
        .replace("{article_id}", quote(path_value, safe=""))
        .replace("{fmt}", quote(fmt, safe=""))
    )


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    route=st.sampled_from(ROUTES),
    params=st.dictionaries(st.sampled_from(PARAMS), values, max_size=6),
    path_value=path_values,
    fmt=fmts,
)
def test_no_route_answers_500_on_any_parameters(
    client: TestClient, route: str, params: dict[str, str], path_value: str, fmt: str
) -> None:
    url = _fill(route, path_value, fmt)
    safe = {k: v.encode("utf-8", "replace").decode("utf-8") for k, v in params.items()}
    response = client.get(url, params=safe)
    assert response.status_code < 500, (url, safe, response.text[:300])


@pytest.mark.parametrize(
    "query",
    [
        {"until": "0001-01-01"},  # before the first event
        {"since": "9999-12-31"},  # after the last
        {"since": "0001-01-01", "until": "0001-01-02"},
        {"until": "2021-02-30"},
    ],
)
def test_report_outside_the_data_is_not_an_error(client: TestClient, query: dict[str, str]) -> None:
    response = client.get("/report", params=query)
    assert response.status_code in (200, 400), response.text[:300]


def test_an_over_long_url_answers_414_from_the_real_server(client: TestClient) -> None:
    """Through uvicorn as `serve` runs it: a 70 kB URL gets 414, not a reset connection."""
    import socket
    import threading
    import time

    import uvicorn

    from wartrace.web.app import SERVER_LINE_LIMIT

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        client.app,  # type: ignore[arg-type]
        host="127.0.0.1",
        port=port,
        log_level="error",
        h11_max_incomplete_event_size=SERVER_LINE_LIMIT,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            time.sleep(0.05)

        def status(url_size: int) -> str:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
                target = "/api/events?q=" + "x" * url_size
                conn.sendall(
                    f"GET {target} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode()
                )
                return conn.makefile("rb").readline().decode()

        assert " 414 " in status(70_000)
        assert " 200 " in status(1_000)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
