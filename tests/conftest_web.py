"""An invented store for the web tests, built through the store API.

Every article, place, actor and figure here is invented for testing; none is
taken from a real report. Imported by tests/test_web*.py.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from wartrace import link
from wartrace.models import (
    ArticleInput,
    Claim,
    ExtractedEvent,
    Geo,
    PlaceMention,
    Span,
    TextAnalysis,
)
from wartrace.store import db

EN_TEXT = (
    "KHARABA POST | Home | World | Sport\n"
    "Fighters attack checkpoint near Velmora\n"
    "VELMORA, March 4 (Kharaba Post) - Fighters of the Northern Front attacked an army "
    "checkpoint near the town of Velmora on Monday. At least 12 soldiers were killed, the "
    "Regional Monitor said, while a ministry spokesman put the toll at 15.\n"
    "Two days later, a roadside bomb struck a convoy on the road to Pelisar, wounding 4 "
    "civilians.\n"
    "Subscribe to our newsletter for daily updates.\n"
)
ID_TEXT = (
    "Pejuang Front Utara menyerang pos pemeriksaan tentara di dekat kota Velmora pada hari "
    "Senin. Sedikitnya 12 tentara tewas, kata Pemantau Regional.\n"
    "Baca juga: berita lainnya\n"
)
HOSTILE_TEXT = (
    "Clashes in <b>Ostrava Hill</b> today.\n"
    '<script>window.__pwned = "script";</script>\n'
    '<img src="x" onerror="window.__pwned = \'img\'">\n'
    '<a id="evil" href="javascript:window.__pwned=\'link\'">click here for the video</a>\n'
    "Three fighters were killed & two captured, sources said.\n"
)


def _span(text: str, needle: str, label: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), label)


def _claim(text: str, needle: str, value: int, qualifier: str, kind: str, **kw: object) -> Claim:
    s = _span(text, needle, "")
    return Claim(value, qualifier, kind, s.start, s.end, **kw)  # type: ignore[arg-type]


def build_store(path: Path) -> sqlite3.Connection:
    """Three processed, linked articles: English, its Indonesian translation, a hostile one."""
    conn = db.connect(path)
    db.store_articles(
        conn,
        [
            ArticleInput(
                "en-1",
                EN_TEXT,
                "invented/en-1.txt",
                "txt",
                "https://example.org/a/1",
                "Kharaba Post",
                "2024-03-05",
                "Fighters attack checkpoint near Velmora",
            ),
            ArticleInput(
                "id-1",
                ID_TEXT,
                "invented/id-1.txt",
                "txt",
                None,
                "Warta Timur",
                "2024-03-06",
                "Pos tentara diserang di Velmora",
            ),
            ArticleInput(
                "evil-1",
                HOSTILE_TEXT,
                "invented/evil.html",
                "html",
                "javascript:window.__pwned='url'",
                "<i>Evil Outlet</i>",
                "2024-03-07",
                "<img src=x onerror=\"window.__pwned='title'\">Hostile title",
            ),
        ],
    )
    t = EN_TEXT
    boiler = [
        Span(0, t.index("\n"), "nav"),
        _span(t, "Subscribe to our newsletter for daily updates.", "footer"),
    ]
    sent1 = _span(
        t,
        "Fighters of the Northern Front attacked an army checkpoint near the town of Velmora"
        " on Monday.",
        "trigger",
    )
    sent2 = _span(
        t,
        "At least 12 soldiers were killed, the Regional Monitor said, while a ministry"
        " spokesman put the toll at 15.",
        "casualties",
    )
    sent3 = _span(
        t,
        "a roadside bomb struck a convoy on the road to Pelisar, wounding 4 civilians.",
        "trigger",
    )
    velmora = Geo("IQ", "Nineveh", None, "Velmora", 36.34, 43.13, 1)
    pelisar = Geo("IQ", "Nineveh", None, "Pelisar", 36.10, 42.70, 2)
    db.save_processed(
        conn,
        "en-1",
        TextAnalysis(t, boilerplate=boiler, language="en", language_confidence=0.99),
        [
            ExtractedEvent(
                "2024-03-04",
                1,
                "Battles",
                "Armed clash",
                "Northern Front",
                "Military Forces of Iraq",
                3,
                1,
                [PlaceMention("Velmora", t.index("Velmora"), t.index("Velmora") + 7)],
                velmora,
                [
                    _claim(
                        t,
                        "At least 12 soldiers were killed",
                        12,
                        "at_least",
                        "killed",
                        victims="soldiers",
                        claimant="Regional Monitor",
                    ),
                    _claim(
                        t,
                        "put the toll at 15",
                        15,
                        "exact",
                        "killed",
                        victims="soldiers",
                        claimant="ministry spokesman",
                    ),
                ],
                12,
                [sent1, sent2],
            ),
            ExtractedEvent(
                "2024-03-06",
                1,
                "Explosions/Remote violence",
                "Remote explosive/landmine/IED",
                "Unidentified Armed Group",
                "Civilians",
                3,
                7,
                [],
                pelisar,
                [_claim(t, "wounding 4 civilians", 4, "exact", "wounded", victims="civilians")],
                0,
                [sent3],
            ),
        ],
    )
    u = ID_TEXT
    db.save_processed(
        conn,
        "id-1",
        TextAnalysis(
            u,
            boilerplate=[_span(u, "Baca juga: berita lainnya", "related")],
            language="id",
            language_confidence=0.97,
        ),
        [
            ExtractedEvent(
                "2024-03-04",
                1,
                "Battles",
                "Armed clash",
                "Northern Front",
                "Military Forces of Iraq",
                3,
                1,
                [],
                velmora,
                [
                    _claim(
                        u,
                        "Sedikitnya 12 tentara tewas",
                        12,
                        "at_least",
                        "killed",
                        victims="tentara",
                        claimant="Pemantau Regional",
                    )
                ],
                12,
                [_span(u, "Sedikitnya 12 tentara tewas, kata Pemantau Regional.", "casualties")],
            ),
        ],
    )
    h = HOSTILE_TEXT
    db.save_processed(
        conn,
        "evil-1",
        TextAnalysis(h, language="en", language_confidence=0.9),
        [
            ExtractedEvent(
                "2024-03-07",
                1,
                "Battles",
                "Armed clash",
                '<script>window.__pwned="actor"</script>Hill Brigade',
                None,
                3,
                None,
                [],
                Geo(
                    "IQ",
                    "<b>Nineveh</b>",
                    None,
                    '<img src=x onerror="window.__pwned=1">Ostrava',
                    36.5,
                    43.4,
                    1,
                ),
                [
                    _claim(
                        h,
                        "Three fighters were killed",
                        3,
                        "exact",
                        "killed",
                        claimant='<a href="javascript:alert(1)">x</a>',
                    )
                ],
                3,
                [
                    _span(
                        h, "Three fighters were killed & two captured, sources said.", "casualties"
                    )
                ],
            ),
        ],
    )
    link.link_all(conn)
    # What the derivation linker records (its exact alignment shape is still being defined).
    alignment = {
        "relation": "translation",
        "kind": "translation",
        "score": 0.84,
        "pairs": [[sent1.start, sent2.end, 0, u.index("\n"), 0.7]],
        "omitted": [[sent3.start, sent3.end, 1]],
        "added": [[u.index("Baca"), len(u) - 1]],
    }
    conn.execute(
        "UPDATE articles SET derived_from = 'en-1', relation = 'translation',"
        " derivation_score = 0.84, alignment = ? WHERE article_id = 'id-1'",
        (json.dumps(alignment),),
    )
    return conn


def event_of(conn: sqlite3.Connection, article_id: str, seq: int = 0) -> str:
    row = conn.execute(
        "SELECT event_id FROM reports WHERE article_id = ? AND seq = ?", (article_id, seq)
    ).fetchone()
    return str(row[0])
