"""Scoring against ACLED-coded gold (gold.jsonl, one ACLED row per article). All rows, names
and texts here are invented."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wartrace.cli import cli
from wartrace.eval import GoldError, is_acled_corpus, load_acled_gold, score_acled
from wartrace.eval.acled import actor_match, admin_match, country_code

# invented ACLED-style rows: (id, text, gold row)
ROWS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "inv_1",
        "On 3 March 2021, Al Shabaab militants attacked a Somali army base in Baidoa town "
        "(Bay region), killing 4 soldiers.",
        {
            "event_date": "2021-03-03",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "Al Shabaab",
            "actor2": "Military Forces of Somalia (2017-)",
            "country": "Somalia",
            "admin1": "Bay",
            "latitude": 3.1138,
            "longitude": 43.6498,
            "fatalities": 4,
        },
    ),
    (
        "inv_2",
        "On 5 March 2021, hundreds of traders demonstrated peacefully in Kisumu (Kisumu) "
        "against new market fees.",
        {
            "event_date": "2021-03-05",
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
            "actor1": "Protesters (Kenya)",
            "actor2": "",
            "country": "Kenya",
            "admin1": "Kisumu",
            "latitude": -0.1022,
            "longitude": 34.7617,
            "fatalities": 0,
        },
    ),
    (
        "inv_3",
        "On 9 March 2021, Nigerian Air Force jets struck an ISWAP camp near Marte (Borno), "
        "killing 11 militants.",
        {
            "event_date": "2021-03-09",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "actor1": "Military Forces of Nigeria (2015-2023)",
            "actor2": "Islamic State (West Africa)",
            "country": "Nigeria",
            "admin1": "Borno",
            "latitude": 12.3667,
            "longitude": 13.8333,
            "fatalities": 11,
        },
    ),
    (
        "inv_4",
        "On 12 March 2021, unidentified gunmen shot dead a village chief in Djibo (Soum, "
        "Sahel region).",
        {
            "event_date": "2021-03-12",
            "event_type": "Violence against civilians",
            "sub_event_type": "Attack",
            "actor1": "Unidentified Armed Group (Burkina Faso)",
            "actor2": "Civilians (Burkina Faso)",
            "country": "Burkina Faso",
            "admin1": "Sahel",
            "latitude": 14.1022,
            "longitude": -1.6306,
            "fatalities": 1,
        },
    ),
    (
        "inv_5",
        "Weather: heavy rains are expected across the region next week.",
        {
            "event_date": "2021-03-14",
            "event_type": "Strategic developments",
            "sub_event_type": "Other",
            "actor1": "Military Forces of Mali (2021-)",
            "actor2": "",
            "country": "Mali",
            "admin1": "Mopti",
            "latitude": 14.4843,
            "longitude": -4.1827,
            "fatalities": 0,
        },
    ),
]


def _corpus(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    with open(root / "articles.jsonl", "w", encoding="utf-8") as f:
        for rid, text, gold in ROWS:
            meta = {
                "id": rid,
                "url": None,
                "outlet": None,
                "published": gold["event_date"],
                "title": None,
            }
            f.write(json.dumps(meta) + "\n")
            (root / "articles" / f"{rid}.txt").write_text(text + "\n", encoding="utf-8")
    with open(root / "gold.jsonl", "w", encoding="utf-8") as f:
        for rid, _, gold in ROWS:
            f.write(json.dumps({"id": rid, **gold}) + "\n")
    return root


def _event(eid: str, article: str, **fields: Any) -> dict[str, Any]:
    return {"event_id": eid, "article_ids": [article], **fields}


@pytest.mark.parametrize(
    ("ours", "gold", "exact", "tolerant"),
    [
        ("Military Forces of Somalia (2022-)", "Military Forces of Somalia (2017-)", True, True),
        ("Civilians", "Civilians (Kenya)", True, True),
        ("Islamic State", "Islamic State (West Africa)", True, True),
        (
            "JNIM - Jamaat Nusrat al-Islam wal-Muslimin",
            "JNIM: Group for Support of Islam and Muslims",
            True,
            True,
        ),
        (
            "Islamic State (Greater Sahara)",
            "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
            True,
            True,
        ),
        (
            "Military Forces of Syria (2000-2024)",
            "Military Forces of Syria (2000-) Air Force Intelligence Directorate",
            False,
            True,
        ),
        ("Taliban", "Taliban - Red Unit", True, True),
        ("Military Forces of Iraq (2022-)", "Military Forces of Syria (2000-)", False, False),
        ("Protesters (Kenya)", "Rioters (Kenya)", False, False),
        (None, None, True, True),
        ("Civilians (Kenya)", None, False, False),
        (None, "Civilians (Kenya)", False, False),
    ],
)
def test_actor_names_match_by_acled_forms(
    ours: str | None, gold: str | None, exact: bool, tolerant: bool
) -> None:
    assert actor_match(ours, gold, tolerant=False) is exact
    assert actor_match(ours, gold) is tolerant


def test_admin1_ignores_the_kind_of_subdivision() -> None:
    assert admin_match("Balkh Province", "Balkh")
    assert admin_match("Al-Anbar", "Anbar")
    assert not admin_match("Borno", "Yobe")
    assert not admin_match(None, "Borno")


def test_acled_country_names_become_iso_codes() -> None:
    assert country_code("Democratic Republic of Congo") == "CD"
    assert country_code("Burkina Faso") == "BF"
    assert country_code("Palestine") == "PS"
    assert country_code("Atlantis") is None


def test_a_corpus_with_gold_jsonl_is_acled_coded(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c")
    assert is_acled_corpus(corpus)
    assert [r.id for r in load_acled_gold(corpus)] == [r[0] for r in ROWS]
    (corpus / "gold").mkdir()
    assert not is_acled_corpus(corpus)


def test_malformed_gold_rows_are_named(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text('{"id": "x", "event_type": "Battles"}\n')
    with pytest.raises(GoldError, match=r"gold\.jsonl:1: missing sub_event_type"):
        load_acled_gold(tmp_path)
    (tmp_path / "gold.jsonl").write_text(
        '{"id": "x", "event_type": "Battles", "sub_event_type": "Armed clash", '
        '"latitude": "north"}\n'
    )
    with pytest.raises(GoldError, match=r"gold\.jsonl:1"):
        load_acled_gold(tmp_path)


def test_rows_are_scored_over_all_rows_and_detected_rows(tmp_path: Path) -> None:
    rows = load_acled_gold(_corpus(tmp_path / "c"))
    events = [
        # inv_1: everything right, a day late, a kilometre away
        _event(
            "e1",
            "inv_1",
            event_date="2021-03-04",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Al Shabaab",
            actor2="Military Forces of Somalia (2022-)",
            country="SO",
            admin1="Bay",
            latitude=3.12,
            longitude=43.65,
            fatalities=4,
        ),
        # inv_2: two events; the better one is scored (peaceful protest, no actor2)
        _event(
            "e2",
            "inv_2",
            event_date="2021-03-05",
            event_type="Riots",
            sub_event_type="Mob violence",
            actor1="Rioters (Kenya)",
            country="KE",
        ),
        _event(
            "e3",
            "inv_2",
            event_date="2021-03-05",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            actor1="Protesters (Kenya)",
            country="KE",
            admin1="Kisumu County",
            latitude=-0.10,
            longitude=34.76,
            fatalities=0,
        ),
        # inv_3: roles swapped, far away, wrong toll
        _event(
            "e4",
            "inv_3",
            event_date="2021-03-09",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            actor1="Islamic State (West Africa)",
            actor2="Military Forces of Nigeria (2023-)",
            country="NG",
            admin1="Yobe",
            latitude=11.7,
            longitude=11.9,
            fatalities=4,
        ),
        # inv_4 and inv_5: nothing found
    ]
    articles = [{"article_id": "inv_4", "event_ids": []}]
    s = score_acled(rows, events, articles)
    assert (s.rows, s.detected) == (5, 3)
    assert s.candidates == {1: 2, 2: 1, 0: 2}
    assert s.correct["event_type"] == 3 and s.correct["sub_event_type"] == 3
    assert s.correct["actor1"] == 2 and s.correct["actor2"] == 2
    assert s.correct["date"] == 2 and s.correct["date_1day"] == 3
    assert s.correct["location_25km"] == 2 and s.correct["country"] == 3
    assert s.correct["admin1"] == 2 and s.correct["fatalities"] == 2
    assert s.share("event_type") == pytest.approx(0.6)
    assert s.share("actor1", detected_only=True) == pytest.approx(2 / 3)
    assert s.type_errors[("Violence against civilians", "(no event)")] == 1


def test_evaluate_reads_an_acled_coded_corpus(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c")
    result = CliRunner().invoke(
        cli,
        ["evaluate", str(corpus), "--json", "--db", str(tmp_path / "e.db")],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output[result.output.index("{") :])
    assert out["rows"] == 5
    assert 1 <= out["detected"] <= 5
    assert set(out["fields"]) >= {"actor1", "actor2_exact", "date_1day", "location_25km"}
    text = CliRunner().invoke(cli, ["evaluate", str(corpus), "--quiet"]).output
    assert "actor1 (tolerant)" in text and "event found" in text


def test_evaluate_stops_on_malformed_acled_gold(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c")
    (corpus / "gold.jsonl").write_text("not json\n")
    result = CliRunner().invoke(cli, ["evaluate", str(corpus)])
    assert result.exit_code != 0 and "gold.jsonl:1" in result.output
