"""Scoring rules on a small invented gold (every name, place and figure here is invented)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wartrace.eval import (
    GoldError,
    format_table,
    gold_as_predictions,
    load_gold,
    score,
    scores_to_dict,
)
from wartrace.eval.gold import Gold
from wartrace.eval.score import haversine_km

# Real towns: Mayadin (Deir ez-Zor) and points east of it along the same parallel.
LAT, LON = 35.0206, 40.4526
KM_PER_DEG_LON = haversine_km(LAT, LON, LAT, LON + 1)


def east(km: float) -> float:
    return LON + km / KM_PER_DEG_LON


def gold_event(eid: str, **over: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "id": eid,
        "date": "2021-03-10",
        "date_precision": "day",
        "country": "SY",
        "admin1": "Deir ez-Zor",
        "location": "Mayadin",
        "lat": LAT,
        "lon": LON,
        "geo_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": {"name": "Islamic State", "aliases": ["IS", "ISIS"]},
        "actor2": {"name": "Military Forces of Syria", "aliases": ["Syrian army"]},
        "fatalities": [],
        "fatalities_acled": 4,
    }
    event.update(over)
    return event


def gold_article(aid: str, events: list[str], **over: Any) -> dict[str, Any]:
    article: dict[str, Any] = {
        "id": aid,
        "language": "en",
        "published": None,
        "is_event_report": bool(events),
        "derived_from": None,
        "relation": None,
        "events": events,
    }
    article.update(over)
    return article


def our_event(eid: str, articles: list[str], **over: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "event_id": eid,
        "event_date": "2021-03-10",
        "time_precision": 1,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "ISIS",
        "actor2": "Syrian army",
        "admin1": "Deir ez-Zor",
        "latitude": LAT,
        "longitude": LON,
        "fatalities": 4,
        "claims": [],
        "article_ids": articles,
    }
    event.update(over)
    return event


def write_gold(root: Path, articles: list[dict[str, Any]], events: list[dict[str, Any]]) -> Gold:
    (root / "gold").mkdir(parents=True, exist_ok=True)
    for name, rows in (("articles", articles), ("events", events)):
        text = "".join(json.dumps(r) + "\n" for r in rows)
        (root / "gold" / f"{name}.jsonl").write_text(text, encoding="utf-8")
    return load_gold(root)


def test_one_to_one_matching_counts_extra_event_as_false_positive(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1")])
    s = score(gold, [our_event("x1", ["a1"]), our_event("x2", ["a1"])], [])
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (1, 1, 0)
    assert s.detection.precision == 0.5 and s.detection.recall == 1.0


def test_matching_maximises_pairs_before_closeness(tmp_path: Path) -> None:
    # x1 is closest to g1, but only the pairing x1-g2 / x2-g1 matches both.
    gold = write_gold(
        tmp_path,
        [gold_article("a1", ["g1", "g2"])],
        [gold_event("g1"), gold_event("g2", date="2021-03-12", lon=east(30))],
    )
    ours = [
        our_event("x1", ["a1"], event_date="2021-03-11"),
        our_event("x2", ["a1"], event_date="2021-03-09"),
    ]
    s = score(gold, ours, [])
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (2, 0, 0)
    assert {(m.gold_event, m.event_id) for m in s.matches} == {("g1", "x2"), ("g2", "x1")}


def test_matching_prefers_the_closer_pair(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1")])
    ours = [our_event("far", ["a1"], longitude=east(40)), our_event("near", ["a1"])]
    s = score(gold, ours, [])
    assert [m.event_id for m in s.matches] == ["near"]


@pytest.mark.parametrize(
    ("over", "matched"),
    [
        ({"event_date": "2021-03-11"}, True),  # one day off
        ({"event_date": "2021-03-12"}, False),  # two days off
        ({"longitude": east(45)}, True),
        ({"longitude": east(55)}, False),
        ({"event_date": None, "latitude": None, "longitude": None}, True),  # unknown: no gate
    ],
)
def test_date_and_distance_gate(tmp_path: Path, over: dict[str, Any], matched: bool) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1")])
    s = score(gold, [our_event("x1", ["a1"], **over)], [])
    assert s.detection.tp == int(matched)
    assert s.detection.fp == s.detection.fn == int(not matched)


def test_location_within_25km_on_matched_pairs(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1")])
    assert (
        score(gold, [our_event("x", ["a1"], longitude=east(20))], [])
        .fields["location_25km"]
        .correct
        == 1
    )
    s = score(gold, [our_event("x", ["a1"], longitude=east(40))], [])
    assert s.detection.tp == 1 and s.fields["location_25km"].wrong == 1


def test_negative_article_makes_every_event_a_false_positive(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("n1", [])], [])
    s = score(gold, [our_event("x1", ["n1"]), our_event("x2", ["n1"])], [])
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (0, 2, 0)
    assert (s.negative_articles, s.negative_fp) == (1, 2)


def test_detection_is_summed_over_articles(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [gold_article("a1", ["g1"]), gold_article("a2", ["g1"])],
        [gold_event("g1")],
    )
    # One event citing both articles counts once per article.
    s = score(gold, [our_event("x1", ["a1", "a2"])], [])
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (2, 0, 0)
    s = score(gold, [our_event("x1", ["a1"])], [])
    assert (s.detection.tp, s.detection.fp, s.detection.fn) == (1, 0, 1)


def test_swapped_actors_are_wrong(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1")])
    s = score(gold, [our_event("x", ["a1"], actor1="Syrian army", actor2="IS")], [])
    assert s.fields["actor1"].wrong == s.fields["actor2"].wrong == s.fields["actors"].wrong == 1


def test_actor_match_by_alias_and_null_actor2(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [gold_article("a1", ["g1"]), gold_article("a2", ["g2"])],
        [gold_event("g1", actor2=None), gold_event("g2", actor2=None)],
    )
    ours = [
        our_event("x1", ["a1"], actor1="the Islamic State", actor2=None),
        our_event("x2", ["a2"], actor1="ISIS", actor2="Syrian army"),
    ]
    s = score(gold, ours, [])
    assert s.fields["actor1"].correct == 2
    assert (s.fields["actor2"].correct, s.fields["actor2"].wrong) == (1, 1)
    assert (s.fields["actors"].correct, s.fields["actors"].wrong) == (1, 1)


def test_empty_fields_are_misses_not_errors(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1")])
    empty = {
        k: None
        for k in (
            "event_date",
            "event_type",
            "sub_event_type",
            "actor1",
            "actor2",
            "admin1",
            "latitude",
            "longitude",
            "fatalities",
        )
    }
    s = score(gold, [our_event("x", ["a1"], **empty)], [])
    assert s.detection.tp == 1
    for name, share in s.fields.items():
        assert (share.correct, share.wrong, share.empty) == (0, 0, 1), name
        assert share.value == 0.0
    assert not s.warnings


def test_field_accuracy_on_matched_pairs(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1", admin1="al-Anbar")])
    ours = our_event(
        "x",
        ["a1"],
        event_date="2021-03-11",
        admin1="Anbar",
        event_type="battles",
        sub_event_type="Attack",
        fatalities=5,
    )
    f = score(gold, [ours], []).fields
    assert f["date"].wrong == 1
    assert f["admin1"].correct == 1
    assert f["event_type"].correct == 1
    assert f["sub_event_type"].wrong == 1
    assert f["fatalities"].wrong == 1


def test_admin1_in_another_listed_spelling_is_right(tmp_path: Path) -> None:
    # invented: the gold lists other spellings of the division (FORMAT.md admin1_aliases)
    event = gold_event("g1", admin1="Northland", admin1_aliases=["Nordland", "North Land"])
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [event])
    right = score(gold, [our_event("x", ["a1"], admin1="Nordland")], []).fields
    assert right["admin1"].correct == 1
    wrong = score(gold, [our_event("x", ["a1"], admin1="Southland")], []).fields
    assert wrong["admin1"].wrong == 1


def claim(article: str, value: int, **over: Any) -> dict[str, Any]:
    c: dict[str, Any] = {
        "article_id": article,
        "value": value,
        "qualifier": "exact",
        "kind": "killed",
        "victims": None,
        "claimant": None,
        "start": 0,
        "end": 1,
    }
    c.update(over)
    return c


def test_casualty_claims_multiset_qualifier_and_claimant(tmp_path: Path) -> None:
    fat = [
        {
            "article": "a1",
            "value": 30,
            "qualifier": "more_than",
            "claimant": "the Observatory (SOHR)",
        },
        {"article": "a1", "value": 33, "qualifier": "nearly", "claimant": "a field medic"},
        {"article": "a1", "value": 20, "qualifier": "exact", "claimant": None},
        {"article": "a2", "value": 20, "qualifier": "exact", "claimant": "Amaq"},
        {"article": "a2", "value": 20, "qualifier": "exact", "claimant": "Amaq"},
    ]
    gold = write_gold(
        tmp_path,
        [gold_article("a1", ["g1"]), gold_article("a2", ["g1"])],
        [gold_event("g1", fatalities=fat)],
    )
    claims = [
        claim("a1", 30, qualifier="more_than", claimant="SOHR"),
        claim("a1", 33, qualifier="about", claimant=None),
        claim("a1", 20),
        claim("a1", 7),  # not in gold: false positive
        claim("a1", 12, kind="wounded"),  # not a death claim: ignored
        claim("a2", 20, claimant="Amaq news agency"),  # one of two equal gold figures
        claim("a9", 20),  # article outside the gold: ignored
    ]
    s = score(gold, [our_event("x", ["a1", "a2"], claims=claims)], [])
    assert (s.claims.tp, s.claims.fp, s.claims.fn) == (4, 1, 1)
    assert (s.claim_qualifier.correct, s.claim_qualifier.wrong) == (3, 1)
    # Gold names a claimant for 30, 33 and the matched a2 figure.
    assert (s.claim_claimant.correct, s.claim_claimant.empty) == (2, 1)


def test_a_part_told_by_a_figure_is_a_claim_and_a_named_member_is_not(tmp_path: Path) -> None:
    # FORMAT.md: gold lists reported death figures; "including 9 children" is one, "a nurse
    # was among them" (no figure) and a cumulative toll are not
    fat = [
        {"article": "a1", "value": 40, "qualifier": "exact", "claimant": None},
        {"article": "a1", "value": 9, "qualifier": "exact", "claimant": None},
    ]
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1", fatalities=fat)])
    claims = [
        claim("a1", 40, scope="total"),
        claim("a1", 9, scope="part"),
        claim("a1", 1, scope="member"),
        claim("a1", 3000, scope="background"),
    ]
    s = score(gold, [our_event("x", ["a1"], claims=claims)], [])
    assert (s.claims.tp, s.claims.fp, s.claims.fn) == (2, 0, 0)


def test_pairwise_grouping(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [gold_article(a, ["g1"]) for a in ("a1", "a2", "a3")] + [gold_article("a4", ["g2"])],
        [gold_event("g1"), gold_event("g2")],
    )
    # Ours: {a1, a2} together, a3 apart, and a3 wrongly grouped with a4.
    ours = [our_event("x1", ["a1", "a2"]), our_event("x2", ["a3", "a4"])]
    s = score(gold, ours, [])
    # Gold pairs: a1-a2, a1-a3, a2-a3. Ours: a1-a2, a3-a4.
    assert (s.grouping.tp, s.grouping.fp, s.grouping.fn) == (1, 1, 2)
    # An article's event_ids also group it.
    s = score(gold, ours, [{"article_id": "a3", "event_ids": ["x1"]}])
    assert (s.grouping.tp, s.grouping.fp, s.grouping.fn) == (3, 1, 0)


def test_derivation_counts_either_direction(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        [
            gold_article("en1", []),
            gold_article("id1", [], language="id", derived_from="en1", relation="translation"),
            gold_article("en2", [], derived_from="en1", relation="rewrite"),
            gold_article("en3", []),
        ],
        [],
    )
    articles: list[dict[str, Any]] = [
        {"article_id": "en1", "language": "en", "derived_from": "id1", "relation": "translation"},
        {"article_id": "id1", "language": "en", "derived_from": None},
        {"article_id": "en2", "language": "en", "derived_from": "en1", "relation": "copy"},
        {"article_id": "en3", "language": "en", "derived_from": "en2", "relation": "rewrite"},
    ]
    s = score(gold, [], articles)
    assert (s.derivation.tp, s.derivation.fp, s.derivation.fn) == (2, 1, 0)
    assert s.derivation_relation.correct == 2  # "copy" is a same-language rewrite
    assert (s.language.correct, s.language.wrong) == (3, 1)


def test_language_missing_article_is_empty(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", []), gold_article("a2", [])], [])
    s = score(gold, [], [{"article_id": "a1", "language": "EN"}])
    assert (s.language.correct, s.language.empty, s.language.total) == (1, 1, 2)


def test_malformed_predictions_warn_but_do_not_crash(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1")])
    bad = our_event(
        "x",
        ["a1"],
        event_date="yesterday",
        latitude="north",
        fatalities="many",
        claims=[claim("a1", "lots"), "junk"],  # type: ignore[arg-type]
    )
    s = score(gold, [bad, {"article_ids": "a1"}], [{"language": "en"}])
    assert s.detection.tp == 1
    assert s.fields["date"].empty == 1 and s.fields["fatalities"].empty == 1
    assert len(s.warnings) >= 5


def test_load_gold_reports_bad_files_clearly(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"events\.jsonl"):
        load_gold(tmp_path)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "events.jsonl").write_text('{"id": "g1"}\n{oops\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"events\.jsonl:2"):
        load_gold(tmp_path)
    with pytest.raises(GoldError, match="unknown event ids"):
        write_gold(tmp_path, [gold_article("a1", ["nope"])], [gold_event("g1")])


def test_reports_are_readable_and_json_ready(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1")])
    s = score(gold, [our_event("x", ["a1"]), our_event("y", ["a1"])], [])
    table = format_table(s)
    assert "event detection" in table and "tp 1  fp 1  fn 0" in table
    data = json.loads(json.dumps(scores_to_dict(s)))
    assert data["detection"]["precision"] == 0.5
    assert data["fields"]["date"]["correct"] == 1


DEV = Path("/work/shared/corpus/dev")


@pytest.mark.skipif(not (DEV / "gold").is_dir(), reason="dev corpus not present")
def test_gold_as_prediction_scores_one_on_dev() -> None:
    gold = load_gold(DEV)
    events, articles = gold_as_predictions(gold)
    d = scores_to_dict(score(gold, events, articles))
    assert d["detection"]["f1"] == 1.0
    assert all(f["share"] == 1.0 for f in d["fields"].values() if f["total"])
    assert d["claims"]["f1"] == d["grouping"]["f1"] == d["derivation"]["f1"] == 1.0
    assert d["language"]["share"] == 1.0
    assert not d["warnings"]


def test_gold_counts_accept_whole_floats_and_reject_words(tmp_path: Path) -> None:
    fat = [{"article": "a1", "value": 12.0, "qualifier": "vague", "claimant": None}]
    gold = write_gold(tmp_path, [gold_article("a1", ["g1"])], [gold_event("g1", fatalities=fat)])
    assert gold.events["g1"].fatalities[0].value == 12
    with pytest.raises(GoldError, match="fatalities_acled"):
        write_gold(tmp_path, [], [gold_event("g1", fatalities_acled="dozens")])
    with pytest.raises(GoldError, match="qualifier"):
        bad = [{"article": "a1", "value": 3, "qualifier": "roughly"}]
        write_gold(tmp_path, [], [gold_event("g1", fatalities=bad)])
