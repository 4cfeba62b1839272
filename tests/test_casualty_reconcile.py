"""Reconciling invented multi-report events by time, side and scope, with each claim's status."""

from __future__ import annotations

from itertools import count

from wartrace.link.reconcile import ClaimView, claim_status, reconcile

_ids = count(1)


def claim(value: int, report: str, **kw: object) -> ClaimView:
    base: dict[str, object] = {
        "qualifier": "exact",
        "kind": "killed",
        "family": report,
        "article_id": report,
        "claim_id": next(_ids),
    }
    base.update(kw)
    return ClaimView(report_key=report, value=value, **base)  # type: ignore[arg-type]


def status(rec_claims: list[ClaimView], c: ClaimView) -> tuple[str, str | None]:
    st = reconcile(rec_claims).statuses[c.claim_id or 0]
    return st.status, st.ref


def test_a_rising_toll_over_three_days_keeps_the_latest() -> None:
    day1 = claim(20, "d1", reported="2026-03-01", victims="people")
    day2 = claim(276, "d2", reported="2026-03-02", victims="people")
    day3 = claim(358, "d3", reported="2026-03-03", victims="people")
    claims = [day1, day2, day3]
    rec = reconcile(claims)
    assert (rec.fatalities, rec.low, rec.best, rec.high) == (358, 358, 358, 358)
    assert status(claims, day1) == ("superseded", "d3")
    assert status(claims, day3) == ("counted", None)


def test_a_later_lower_figure_without_update_wording_is_a_dispute() -> None:
    early = claim(9, "r1", reported="2026-03-01", claimant="hospital")
    late = claim(7, "r2", reported="2026-03-02", claimant="police")
    rec = reconcile([early, late])
    assert (rec.fatalities, rec.high) == (7, 9)
    assert "hospital: 9" in rec.notes and "police: 7" in rec.notes


def test_figures_standing_at_the_same_time_take_the_lowest() -> None:
    rec = reconcile(
        [
            claim(80, "r1", reported="2026-03-05", claimant="monitor", victims="soldiers"),
            claim(60, "r2", reported="2026-03-05", claimant="local site", victims="soldiers"),
            claim(83, "r3", reported="2026-03-05", claimant="agency", victims="soldiers"),
        ]
    )
    assert (rec.fatalities, rec.best, rec.high) == (60, 80, 83)


def test_an_earlier_count_the_report_revises_is_superseded_by_its_own_report() -> None:
    new = claim(33, "r1", supersedes=True, victims="soldiers")
    old = claim(26, "r1", earlier=True)
    rec = reconcile([new, old])
    assert rec.fatalities == 33 and rec.high == 33
    assert status([new, old], old) == ("superseded", "r1")


def test_a_partial_count_is_not_the_toll() -> None:
    total = claim(100, "r1", victims="people")
    part = claim(1, "r1", victims="a journalist", scope="part")
    among = claim(3, "r2", victims="children", scope="part")
    claims = [total, part, among]
    rec = reconcile(claims)
    assert (rec.fatalities, rec.low, rec.high) == (100, 100, 100)
    assert status(claims, part) == ("part", None)


def test_a_cumulative_total_never_enters_the_range() -> None:
    event = claim(12, "r1", victims="soldiers")
    history = claim(30000, "r1", scope="background")
    other = claim(5, "r2", scope="other", victims="soldiers")
    claims = [event, history, other]
    rec = reconcile(claims)
    assert (rec.fatalities, rec.low, rec.best, rec.high) == (12, 12, 12, 12)
    assert status(claims, history) == ("background", None)
    assert status(claims, other) == ("other", None)


def test_attackers_killed_are_added_to_their_victims() -> None:
    rec = reconcile(
        [
            claim(3, "r1", victims="civilians"),
            claim(1, "r1", victims="the suicide bomber"),
        ]
    )
    assert rec.fatalities == 4


def test_soldiers_and_civilians_are_added() -> None:
    rec = reconcile([claim(13, "r1", victims="soldiers"), claim(90, "r2", victims="civilians")])
    assert rec.fatalities == 103


def test_one_sentence_naming_two_groups_of_one_side_is_one_figure() -> None:
    rec = reconcile(
        [
            claim(5, "r1", victims="police personnel", breath=0),
            claim(1, "r1", victims="officer", breath=0),
        ]
    )
    assert rec.fatalities == 6


def test_a_total_including_a_group_is_not_added_to_it() -> None:
    rec = reconcile(
        [
            claim(12, "r1", victims="people"),
            claim(3, "r1", victims="soldiers", scope="part"),
        ]
    )
    assert rec.fatalities == 12


def test_a_dispute_between_claimants_keeps_both_in_the_range() -> None:
    claims = [
        claim(20, "r1", claimant="Amaq", victims="soldiers", reported="2026-03-01"),
        claim(12, "r2", claimant="army", victims="soldiers", reported="2026-03-01"),
    ]
    rec = reconcile(claims)
    assert (rec.fatalities, rec.high) == (12, 20)
    assert all(st.status == "counted" for st in rec.statuses.values())


def test_a_copy_points_to_its_source() -> None:
    source = claim(27, "r1", family="f", claimant="SOHR")
    copy = claim(27, "r2", family="f", claimant="SOHR")
    assert status([source, copy], copy) == ("copy", "r1")


def test_status_text_for_readers() -> None:
    assert claim_status("killed", "superseded", "a023", "side") == "superseded by a023"
    assert claim_status("killed", "copy", "a001", "total") == "copy of a001"
    assert claim_status("killed", None, None, "background") == "background (cumulative)"
    assert claim_status("wounded", None, None, "total") == ""


def test_one_report_does_not_dispute_itself() -> None:
    total = claim(246, "r1", claimant="monitor")
    detail = claim(2, "r1", claimant="monitor")
    claims = [total, detail, claim(250, "r2", claimant="ministry")]
    rec = reconcile(claims)
    assert (rec.fatalities, rec.high) == (246, 250)
    assert status(claims, detail) == ("part", "r1")


def test_two_sources_in_one_report_are_a_dispute() -> None:
    rec = reconcile(
        [claim(100, "r1", claimant="local official"), claim(276, "r1", claimant="ministry")]
    )
    assert (rec.fatalities, rec.high) == (100, 276)


def test_two_sources_in_one_sentence_are_a_dispute_not_parts() -> None:
    rec = reconcile(
        [
            claim(12, "r1", victims="soldiers", claimant="monitor", breath=0),
            claim(15, "r1", victims="soldiers", claimant="ministry", breath=0),
        ]
    )
    assert (rec.fatalities, rec.high) == (12, 15)


def test_figures_for_several_places_in_one_sentence_are_not_added() -> None:
    # invented: "troops killed 25 people at the bridge, while 10 people are killed in the
    # north and four in the capital" — no victims told apart: the report's own toll stays 25.
    claims = [claim(25, "r1", breath=0), claim(10, "r1", breath=0), claim(4, "r1", breath=0)]
    assert reconcile(claims).fatalities == 25


def test_a_projected_toll_is_kept_but_never_counted() -> None:
    reported = claim(100, "r1", qualifier="vague")
    feared = claim(500, "r1", scope="projected", qualifier="more_than")
    rec = reconcile([reported, feared])
    assert (rec.fatalities, rec.high) == (100, 100)
    assert status([reported, feared], feared) == ("projected", None)
    assert claim_status("killed", "projected", None, "projected").startswith("projection")


def test_an_unspecified_figure_lower_than_a_side_is_a_rival_figure() -> None:
    # invented: "at least 80 soldiers killed" (r1) and "killing at least sixty of the
    # president's forces" (r2) count the same dead: the lowest stands.
    claims = [claim(80, "r1", qualifier="at_least", victims="soldiers"), claim(60, "r2")]
    rec = reconcile(claims)
    assert (rec.fatalities, rec.high) == (60, 80)


def test_an_unspecified_total_larger_than_each_side_caps_their_sum() -> None:
    # invented: "26 dead on both sides" beside "20 soldiers" and "9 rebels"
    claims = [
        claim(26, "r1"),
        claim(20, "r2", victims="soldiers"),
        claim(9, "r3", victims="rebels"),
    ]
    assert reconcile(claims).fatalities == 26


def test_one_breath_with_one_group_not_named_is_still_one_figure() -> None:
    # invented: "4 policemen and 1 guard commander were killed" (the second group unnamed)
    claims = [claim(4, "r1", breath=0, victims="policemen"), claim(1, "r1", breath=0)]
    assert reconcile(claims).fatalities == 5


def test_the_attackers_dead_are_added_to_a_toll_of_people() -> None:
    # invented: "the toll rose to 246" (r1, a monitor) and "at least 45 IS members also died"
    # (r2): in a bombing by the group, its own dead are its attackers (ACLED counts them).
    claims = [
        claim(246, "r1", supersedes=True, reported="2026-03-02"),
        claim(45, "r2", victims="anggota ISIS", qualifier="at_least", reported="2026-03-02"),
    ]
    assert reconcile(claims, attackers="militants").fatalities == 291
    # In a battle the same words count one of the fighting sides: the updated toll of both
    # sides revises that count.
    assert reconcile(claims).fatalities == 246


def test_an_updated_toll_of_people_does_not_revise_the_attackers_dead() -> None:
    toll = claim(30, "r1", supersedes=True)
    bombers = claim(3, "r1", victims="the bombers")
    assert status([toll, bombers], bombers) == ("counted", None)
    assert reconcile([toll, bombers]).fatalities == 33


def test_words_naming_the_attackers_make_them_perpetrators_in_any_event() -> None:
    # invented: "12 orang tewas ... dua penyerang ikut tewas"
    rec = reconcile([claim(12, "r1"), claim(2, "r1", victims="dua penyerang")])
    assert rec.fatalities == 14


def test_a_smaller_toll_of_people_from_the_same_source_is_a_part_of_its_sides() -> None:
    # invented: "a mob killed two thieves ... one was burnt alive"
    whole, one_of_them = claim(2, "r1", victims="thieves, civilians"), claim(1, "r1")
    rec = reconcile([whole, one_of_them])
    assert rec.fatalities == 2
    assert status([whole, one_of_them], one_of_them) == ("part", "r1")


def test_a_larger_toll_of_people_beside_a_side_stays_a_rival_count() -> None:
    # invented: "an IED killed 8 police officers ... the group claims 15 dead" (one report)
    rec = reconcile([claim(8, "r1", victims="police officers"), claim(15, "r1")])
    assert (rec.fatalities, rec.high) == (8, 15)


def test_a_vague_word_does_not_take_a_reports_toll_from_a_number() -> None:
    # invented: "10 people are killed in the town ... protests leave dozens dead"
    exact, vague = claim(10, "r1"), claim(12, "r1", qualifier="vague")
    assert reconcile([exact, vague]).fatalities == 10
    assert status([exact, vague], exact) == ("counted", None)


def test_a_range_counts_its_lower_end() -> None:
    # invented: "gunmen killed between 11 and 20 people"
    claims = [claim(11, "r1", qualifier="at_least"), claim(20, "r1", qualifier="up_to")]
    rec = reconcile(claims)
    assert (rec.fatalities, rec.high) == (11, 20)


def test_a_dated_copy_dates_the_figure_it_repeats() -> None:
    # r1 printed no date, its copy r1c is dated the 2nd: r1's higher figure is later than r2's.
    source = claim(45, "r1", family="f", victims="militants")
    copy = claim(45, "r1c", family="f", victims="militants", reported="2026-03-02")
    first = claim(2, "r2", victims="militants", reported="2026-03-01")
    rec = reconcile([source, copy, first])
    assert rec.fatalities == 45
    assert status([source, copy, first], first) == ("superseded", "r1")


def test_a_toll_adding_up_several_places_revises_no_other_reports_count() -> None:
    # invented: r1 "the toll became 45 ... 29 died in A ... 4 in B ... 12 in C" (one sentence
    # each); r2 "troops killed 25 people in A": r1's 45 is a total over three places.
    aggregate = claim(45, "r1", supersedes=True, breath=0)
    places = [claim(v, "r1", breath=k) for k, v in ((1, 29), (2, 4), (3, 12))]
    other = claim(25, "r2")
    rec = reconcile([aggregate, *places, other])
    assert (rec.fatalities, rec.high) == (25, 45)
    assert status([aggregate, *places, other], other) == ("counted", None)
    # the same update with no such breakdown revises the other report's lower count
    assert reconcile([claim(45, "r1", supersedes=True), claim(25, "r2")]).fatalities == 45


def test_two_named_groups_in_one_breath_are_added() -> None:
    # invented: "the clash left one Dozo and three Koglweogo dead"
    claims = [
        claim(1, "r1", victims="Dozo", breath=0),
        claim(3, "r1", victims="Koglweogo", breath=0),
    ]
    assert reconcile(claims).fatalities == 4


def test_a_report_whose_toll_is_revised_is_older_for_its_other_sides_too() -> None:
    # invented: r1 (first day) "a bomb killed at least 27 people ... troops shot dead two
    # attackers"; r2 "the toll has now reached 246 ... at least 45 IS members also died".
    # r2's update makes r1 the older report: its two attackers are an early count as well.
    early_toll = claim(27, "r1", qualifier="at_least")
    early_attackers = claim(2, "r1", victims="dua penyerang")
    toll = claim(246, "r2", supersedes=True)
    attackers = claim(45, "r2", victims="anggota ISIS", qualifier="at_least")
    claims = [early_toll, early_attackers, toll, attackers]
    rec = reconcile(claims, attackers="militants")
    assert rec.fatalities == 291
    assert rec.statuses[early_attackers.claim_id or 0].status == "superseded"
    # Without an update or a date there is no telling which came first: the lowest stands.
    plain_toll = claim(246, "r2")
    unordered = reconcile(
        [early_toll, early_attackers, plain_toll, attackers], attackers="militants"
    )
    assert unordered.statuses[early_attackers.claim_id or 0].status == "counted"


def test_a_count_named_as_the_initial_toll_makes_the_higher_figure_an_update() -> None:
    # invented: r3 "gunmen killed at least 70 farmers, the governor said ... with 43 killed
    # according to an initial toll"; r1 and r2, the same day, gave 43 and 44.
    revised = claim(70, "r3", qualifier="at_least", victims="farmers", claimant="governor")
    initial = claim(43, "r3", earlier=True)
    others = [claim(43, "r1", victims="farm workers"), claim(44, "r2", qualifier="at_least")]
    claims = [revised, initial, *others]
    assert reconcile(claims).fatalities == 70
    assert status(claims, others[1]) == ("superseded", "r3")


def test_a_sources_own_earlier_statement_is_revised_in_its_report_only() -> None:
    # invented: r1 "at least 80 soldiers were killed, the monitor said; it said earlier that
    # only 30 had died"; r2, another source the same day, "60 soldiers".
    claims = [
        claim(80, "r1", victims="soldiers", claimant="monitor"),
        claim(30, "r1", victims="soldiers", claimant="monitor", earlier=True),
        claim(60, "r2", victims="soldiers", claimant="local site"),
    ]
    assert reconcile(claims).fatalities == 60
