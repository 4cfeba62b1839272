"""Relative places: "20 km northwest of X" and "outside X" put an event beside X, not in it, and
the place mention keeps that relation for linking. Every sentence here is invented."""

from __future__ import annotations

import json

import pytest

import typing_helpers
from wartrace.geo.relations import relation_before
from wartrace.models import PlaceMention


@pytest.mark.parametrize(
    ("before", "relation"),
    [
        # in the place itself
        ("Gunmen stormed a market in", ""),
        ("militants attacked the town of", ""),
        ("fighting broke out in the north of", ""),  # a part of the place
        ("Polisi menangkap dua orang di", ""),
        ("bentrokan terjadi di utara", ""),  # id: the north of the place
        ("des combats ont eu lieu dans l'est de", ""),
        ("displaced families fled from", ""),
        ("the attack in north", ""),  # an adjective, not a place beside it
        # beside it, no distance
        ("a roadside bomb exploded outside", "near"),
        ("troops clashed with rebels on the outskirts of", "near"),
        ("an ambush near", "near"),
        ("sebuah bom meledak di luar", "near"),
        ("warga berunjuk rasa di pinggiran", "near"),
        ("une embuscade a eu lieu près de", "near"),
        ("a mortar landed a few kilometres from", "near"),
        # a compass point
        ("a camp north-west of", "NW"),
        ("the checkpoint south of", "S"),
        ("pos polisi di sebelah utara", "N"),
        ("un poste militaire à l'est de", "E"),
        # a distance, with or without a direction
        ("The convoy was hit 20 km northwest of", "20km NW"),
        ("bom meledak di desa Tanjung, sekitar 20 Km barat laut", "20km NW"),
        ("sekitar 15 km dari", "15km"),
        ("une attaque à 30 km au sud de", "30km S"),
        ("à 12 km de", "12km"),
        ("some 10 miles east of", "16km E"),
        ("about 5km outside", "5km"),
    ],
)
def test_relation_before_a_place_name(before: str, relation: str) -> None:
    assert relation_before(before) == relation


def _event_places(text: str, lang: str) -> list[PlaceMention]:
    return [p for e in typing_helpers.run(text, lang) for p in e.places if p.role == "event"]


def test_the_extractor_keeps_a_distance_on_the_place_mention() -> None:
    text = (
        "A car bomb exploded on Tuesday in Bandar Kuda village, about 20 km northwest of "
        "Mogadishu, killing two people."
    )
    relations = {p.name: p.relation for p in _event_places(text, "en")}
    assert relations.get("Mogadishu") == "20km NW"
    assert relations.get("Bandar Kuda", "") == ""


def test_the_extractor_keeps_outside_on_an_indonesian_place_mention() -> None:
    text = "Sebuah bom mobil meledak di luar Mogadishu pada Selasa, menewaskan dua orang."
    relations = {p.name: p.relation for p in _event_places(text, "id")}
    assert relations.get("Mogadishu") == "near"


def test_a_place_the_event_was_in_has_no_relation() -> None:
    text = "Gunmen killed three farmers in Mogadishu on Tuesday, police said."
    assert [p.relation for p in _event_places(text, "en") if p.name == "Mogadishu"] == [""]


def test_the_store_writes_the_relation_before_the_role() -> None:
    from wartrace.models import ExtractedEvent
    from wartrace.store import db

    event = ExtractedEvent(
        places=[
            PlaceMention("Tanjung", 10, 17),
            PlaceMention("Mogadishu", 30, 39, "event", "20km NW"),
        ]
    )
    conn = db.connect(":memory:")
    conn.execute(
        "INSERT INTO articles (article_id, raw_text, content_hash, ingested_at)"
        " VALUES ('a1', 'x', 'h', '2021-01-01')"
    )
    db._insert_report(conn, "a1", 0, event)
    (places,) = conn.execute("SELECT places FROM reports").fetchone()
    assert json.loads(places) == [
        ["Tanjung", 10, 17, "event"],
        ["Mogadishu", 30, 39, "20km NW", "event"],
    ]
