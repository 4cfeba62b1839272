"""Map and timeline layout: fitting, zoom, admin-1 borders, spreading, labels, scale, bins.

Coordinates are invented test points (a few real-world ones only to exercise the borders).
"""

from __future__ import annotations

import math
from datetime import date

from wartrace.web import basemap, charts, maplayout


def _marker(lon: float, lat: float, fatalities: int = 1, events: int = 1, **kw: object) -> dict:
    return {
        "lon": lon,
        "lat": lat,
        "fatalities": fatalities,
        "events": events,
        "event_type": kw.get("event_type", "Battles"),
        "location": kw.get("location", f"P{lon:.1f}"),
        "event_id": "ev-x",
    }


def test_a_far_off_outlier_does_not_stretch_the_map() -> None:
    cluster = [(38.0 + i * 0.1, 35.0 + i * 0.05, 3) for i in range(10)]
    fit = maplayout.robust_fit([*cluster, (-75.0, 5.0, 1)])
    assert fit.box is not None and fit.box[0] > 30  # the outlier in the Americas is left out
    assert fit.outside == 1
    assert fit.full is not None and fit.full[0] == -75.0
    spread_out = [(float(lon), 10.0, 1) for lon in range(0, 40, 4)]
    assert maplayout.robust_fit(spread_out).outside == 0  # evenly spread: nothing dropped


def test_map_fits_the_events_and_offers_all_when_some_are_left_out() -> None:
    markers = [_marker(38 + i * 0.2, 35, 2) for i in range(9)] + [_marker(-75, 5, 1)]
    m = charts.map_model(markers, None, [], lambda _: None, nav=lambda box: f"/?bbox={box}")
    assert m.outside == 1 and m.show_all and "bbox=" in m.show_all
    inside = [k for k in m.markers if 0 <= k.x <= m.width and 0 <= k.y <= m.height]
    assert len(inside) == 9


def test_zooming_in_draws_admin1_borders_and_a_scale_bar() -> None:
    world = charts.map_model([_marker(38, 35)], None, [], lambda _: None, area=(-170, -60, 180, 80))
    assert world.regions == []
    close = charts.map_model(
        [_marker(38, 35)], None, [], lambda _: None, area=(36.0, 33.0, 40.0, 37.0), nav=str
    )
    assert len(close.regions) > 5 and close.region_labels
    length, label = close.scale
    assert 40 < length < 200 and label.endswith("km")
    texts = [c.label for c in close.controls]
    assert {"Zoom in", "Zoom out", "Pan north", "Fit to the events"} <= set(texts)


def test_zoom_and_pan_boxes() -> None:
    assert maplayout.zoom_box((0, 0, 10, 10), 0.5) == (2.5, 2.5, 7.5, 7.5)
    assert maplayout.zoom_box((100, 0, 180, 80), 4) == (-20.0, -90.0, 180.0, 90.0)
    assert maplayout.pan_box((0, 0, 10, 10), 0.5, 0) == (5.0, 0.0, 15.0, 10.0)


def test_overlapping_markers_fan_out_with_a_leader_line() -> None:
    markers = [_marker(38.0, 35.0, 0, location="A"), _marker(38.0001, 35.0, 5, location="B")]
    m = charts.map_model(markers, None, [], lambda _: None)
    a, b = m.markers
    assert math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r
    assert a.origin is not None and b.origin is not None
    lone = charts.map_model([_marker(38, 35)], None, [], lambda _: None)
    assert lone.markers[0].origin is None


def test_place_labels_never_overlap() -> None:
    items = [(100.0 + i * 3, 100.0, 5.0, f"Place number {i}") for i in range(10)]
    labels = maplayout.place_labels(items, 760, 470)
    boxes = []
    for lab in labels:
        w = len(lab.text) * 6.6
        x0 = lab.x if lab.anchor == "start" else lab.x - w
        boxes.append((x0, lab.y - 11, x0 + w, lab.y + 3))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert 1 <= len(labels) < 10


def test_every_event_type_has_its_own_colour_in_the_legend() -> None:
    legend = charts.legend(["Battles"])
    names = [name for name, _ in legend]
    assert names[:6] == [
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    ]
    assert len({colour for _, colour in legend[:6]}) == 6


def test_zero_fatality_events_stay_visible() -> None:
    m = charts.map_model([_marker(38, 35, 0), _marker(30, 20, 500)], None, [], lambda _: None)
    zero = next(k for k in m.markers if k.zero)
    assert zero.r >= charts.MIN_RADIUS >= 4


def test_scale_bar_uses_round_distances() -> None:
    assert maplayout.nice_distance(730) == 500
    assert maplayout.scale_bar(2.0) == (100.0, "200 km")
    assert maplayout.scale_bar(0.004)[1] == "200 m"


def test_admin1_data_ships_and_decodes() -> None:
    regions = basemap.regions()
    assert len(regions) > 3000
    homs = [r for r in regions if r.country == "SY" and "Homs" in r.name]
    assert homs and homs[0].bbox[0] < 38 < homs[0].bbox[2]


def _rows(*days: str) -> list[dict]:
    return [{"day": d, "events": 1, "fatalities": 2} for d in days]


def test_timeline_bins_fit_the_span() -> None:
    assert charts.timeline_model(_rows("2024-01-01", "2024-02-15")).bucket == "day"
    assert charts.timeline_model(_rows("2024-01-01", "2025-06-01")).bucket == "week"
    assert charts.timeline_model(_rows("2015-01-01", "2024-06-01")).bucket == "month"
    assert charts.timeline_model(_rows("1980-01-01", "2024-06-01")).bucket == "year"
    months = charts.timeline_model(_rows("2015-01-20", "2015-01-25", "2024-06-01"))
    assert months.bars[0].since == "2015-01-01" and months.bars[0].until == "2015-01-31"
    assert months.bars[0].events == 2


def test_a_single_day_is_one_narrow_bar_amid_empty_slots() -> None:
    t = charts.timeline_model(_rows("2024-03-14"), width=440)
    assert len(t.bars) == 1 and t.bars[0].width <= charts.MAX_BAR_PX
    assert len(t.slots) >= charts.MIN_SLOTS
    assert t.slots[0][0] < "2024-03-14" < t.slots[-1][1]
    assert len(t.ticks) >= 3


def test_slots_are_contiguous_for_the_brush() -> None:
    t = charts.timeline_model(_rows("2023-11-20", "2024-03-01"))
    for (_, end), (start, _) in zip(t.slots, t.slots[1:], strict=False):
        assert date.fromisoformat(start).toordinal() - date.fromisoformat(end).toordinal() == 1


def test_region_names_give_way_to_place_labels() -> None:
    # invented markers spread over eastern Syria, where several admin-1 names are drawn
    markers = [
        _marker(38.0 + i * 0.5, 34.5 + (i % 3) * 0.4, 3, location=f"Invented place {i}")
        for i in range(8)
    ]
    m = charts.map_model(markers, None, [], lambda _: None, area=(36.0, 33.0, 42.0, 37.0))
    assert m.region_labels and m.labels

    def place_box(lab: maplayout.Label) -> tuple[float, float, float, float]:
        w = len(lab.text) * 6.6
        x0 = lab.x if lab.anchor == "start" else lab.x - w
        return (x0, lab.y - 11, x0 + w, lab.y + 3)

    for r in m.regions:
        if r.label is None:
            continue
        box = (
            r.label[0] - len(r.name) * 3,
            r.label[1] - 10,
            r.label[0] + len(r.name) * 3,
            r.label[1] + 4,
        )
        for lab in m.labels:
            b = place_box(lab)
            assert not (box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]), r.name
