"""Casualty reconciliation rules (ACLED conservative figure, UCDP-style range)."""

from __future__ import annotations

from wartrace.extract.victim_sides import side_of
from wartrace.link.reconcile import ClaimView, reconcile


def claim(value: int, report: str = "r1", **kw: object) -> ClaimView:
    base: dict[str, object] = {"qualifier": "exact", "kind": "killed", "family": report}
    base.update(kw)
    return ClaimView(report_key=report, value=value, **base)  # type: ignore[arg-type]


def test_no_claims() -> None:
    rec = reconcile([])
    assert rec.fatalities is None and rec.notes == ""


def test_wounded_do_not_count() -> None:
    assert reconcile([claim(9, kind="wounded")]).fatalities is None


def test_disagreeing_figures_take_the_lowest_and_note_the_dispute() -> None:
    rec = reconcile(
        [
            claim(20, "r1", claimant="Amaq", victims="soldiers"),
            claim(
                12, "r2", claimant="pro-government pages", victims="soldiers", qualifier="at_least"
            ),
        ]
    )
    assert (rec.fatalities, rec.low, rec.high) == (12, 12, 20)
    assert "Amaq: 20" in rec.notes and "pro-government pages: at least 12" in rec.notes


def test_updated_toll_supersedes_the_same_claimants_earlier_figure() -> None:
    rec = reconcile(
        [
            claim(23, "r1", claimant="SOHR", victims="soldiers"),
            claim(33, "r2", claimant="SOHR", victims="soldiers", supersedes=True),
        ]
    )
    assert rec.fatalities == 33
    assert "SOHR revised 23 -> 33" in rec.notes


def test_update_inside_one_report_replaces_its_other_figures() -> None:
    rec = reconcile([claim(26, "r1"), claim(33, "r1", supersedes=True)])
    assert rec.fatalities == 33


def test_sides_reported_separately_are_added() -> None:
    rec = reconcile(
        [
            claim(20, claimant="SOHR", victims="government troops"),
            claim(6, claimant="SOHR", victims="IS fighters"),
        ]
    )
    assert rec.fatalities == 26


def test_unspecified_total_caps_the_sum_of_sides() -> None:
    rec = reconcile(
        [
            claim(20, "r1", victims="soldiers"),
            claim(10, "r1", victims="militants"),
            claim(26, "r2", victims="people"),
        ]
    )
    assert rec.fatalities == 26
    assert rec.high == 30


def test_a_translation_repeating_a_figure_is_not_a_second_account() -> None:
    source = claim(27, "r1", claimant="SOHR", victims="soldiers", family="src")
    copy = claim(27, "r2", claimant="SOHR", victims="tentara", family="src")
    other = claim(30, "r3", claimant="activist", victims="soldiers", family="other")
    rec = reconcile([source, copy, other])
    assert (rec.fatalities, rec.best, rec.high) == (27, 27, 30)
    assert rec.notes.count("SOHR") == 1


def test_best_is_the_median_report() -> None:
    rec = reconcile([claim(v, f"r{v}", claimant=f"c{v}") for v in (10, 14, 40)])
    assert (rec.low, rec.best, rec.high) == (10, 14, 40)


def test_side_lexicon() -> None:
    assert side_of("pro-government fighters") == "state"
    assert side_of("tentara Suriah") == "state"
    assert side_of("IS militants") == "militants"
    assert side_of("warga sipil") == "civilians"
    assert side_of("people") == "unspecified"
    assert side_of(None) == "unspecified"


def test_an_update_revises_other_claimants_lower_counts_of_that_side() -> None:
    rec = reconcile(
        [
            claim(23, "r1", claimant="war monitor", victims="soldiers"),
            claim(33, "r2", claimant="Observatory head", victims="tentara", supersedes=True),
            claim(40, "r3", claimant="a rival count", victims="soldiers"),
            claim(5, "r4", claimant="local page", victims="civilians"),
        ]
    )
    assert rec.fatalities == 33 + 5  # 23 revised away; 40 disagrees and is higher
