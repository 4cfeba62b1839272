"""Dead told beyond a figure given before ("2 other policemen were also killed"), a rival
count the report gives its one named source ("The Star reports four dead"), and one person
named in a headline with no article ("Raiders kill peace activist"). Every sentence here is
invented for the test; none is taken from a corpus."""

from __future__ import annotations

import pytest

from wartrace.extract import extract_events
from wartrace.extract.tally import MORE, ClaimView, reconcile
from wartrace.models import ExtractedEvent, TextAnalysis


def run(text: str, lang: str = "en") -> list[ExtractedEvent]:
    return extract_events(
        text, TextAnalysis(clean_text=text, language=lang), published="2020-05-05"
    )


def toll(text: str, lang: str = "en") -> int:
    events = run(text, lang)
    assert events
    return max(e.fatalities for e in events)


@pytest.mark.parametrize(
    ("text", "lang", "dead"),
    [
        (
            "On 2 May 2020, 2 soldiers were killed and 3 were wounded in a rebel attack on "
            "Dorvale. 2 other soldiers were killed when they arrived as reinforcement.",
            "en",
            4,
        ),
        (
            "Gunmen opened fire on a family in Dorvale on Monday, killing one man and wounding "
            "another. A third member of the family was later found dead near the road.",
            "en",
            2,
        ),
        (
            "Gunmen shot the mayor of Dorvale dead on Monday. The mayor's bodyguards, two "
            "police agents, were also killed.",
            "en",
            3,
        ),
        (
            "A bomb in the market of Dorvale killed 5 people on Monday. Another man died in "
            "hospital on Tuesday.",
            "en",
            6,
        ),
        (
            "Kelompok bersenjata menyerang pos polisi di Dorvale pada Senin (4/5), menewaskan "
            "dua polisi. Dua polisi lainnya juga tewas saat tiba di lokasi.",
            "id",
            4,
        ),
        (
            "Ledakan bom di pasar Dorvale pada Senin (4/5) menewaskan tiga warga. Seorang lagi "
            "tewas di rumah sakit.",
            "id",
            4,
        ),
    ],
)
def test_dead_told_beyond_an_earlier_figure_are_added(text: str, lang: str, dead: int) -> None:
    assert toll(text, lang) == dead


@pytest.mark.parametrize(
    ("text", "lang", "dead"),
    [
        # a relative clause tells who the dead already counted were
        (
            "Gunmen attacked the village of Dorvale on Monday and killed 5 people. The four "
            "others who died were farmers.",
            "en",
            5,
        ),
        (
            "Kelompok bersenjata menyerang desa Dorvale pada Senin (4/5) dan menewaskan lima "
            "orang. Empat orang lainnya yang tewas dalam serangan itu merupakan pejuang.",
            "id",
            5,
        ),
        # an updated toll already holds the one more
        (
            "A bomb killed 12 soldiers in Dorvale on Monday. Another soldier died of his "
            "wounds, bringing the toll to 13.",
            "en",
            13,
        ),
        # "the other" of two told before, not more dead
        (
            "A mob killed two civilians in Dorvale on Monday. One was burnt alive and the "
            "other was stoned to death.",
            "en",
            2,
        ),
    ],
)
def test_a_breakdown_or_an_update_adds_nobody(text: str, lang: str, dead: int) -> None:
    assert toll(text, lang) == dead


def claim(value: int, n: int, **kw: object) -> ClaimView:
    return ClaimView(  # type: ignore[arg-type]
        report_key="r", value=value, qualifier="exact", kind="killed", claim_id=n, **kw
    )


def test_more_dead_join_the_figure_before_them_of_their_side() -> None:
    first = claim(2, 1, victims="policemen", scope="side")
    more = claim(2, 2, victims="policemen", scope=MORE)
    rec = reconcile([first, more])
    assert rec.fatalities == 4
    assert rec.statuses[2].status == "counted"


def test_more_dead_of_the_attackers_side_stay_that_sides_figure() -> None:
    victims = claim(10, 1, victims="civilians", scope="side")
    attackers = claim(2, 2, victims="attackers", scope=MORE)
    assert reconcile([victims, attackers]).fatalities == 12


def test_more_dead_with_no_figure_before_are_the_figure() -> None:
    assert reconcile([claim(3, 1, scope=MORE)]).fatalities == 3


def test_a_rival_count_of_the_one_named_source_is_a_dispute() -> None:
    text = (
        "At least three people were killed when their car hit a landmine on the Dorvale road "
        "on Monday. One person escaped with injuries. The Star reports four dead."
    )
    events = run(text)
    assert events[0].fatalities == 3
    killed = {c.value: c.claimant for c in events[0].claims if c.kind == "killed"}
    assert killed[4] == "Star" and killed[3] is None


def test_the_one_named_source_keeps_the_figures_it_shares() -> None:
    text = (
        "At least 27 soldiers were killed in an attack on a base in Dorvale on Monday. The "
        "ministry said 27 soldiers died."
    )
    events = run(text)
    assert events[0].fatalities == 27
    assert all(c.claimant == "ministry" for c in events[0].claims if c.kind == "killed")


def test_a_telling_counted_before_said_is_no_figure() -> None:
    text = (
        "On 3 May 2020, two suspected militants were shot dead in a firefight with soldiers "
        "in Dorvale. One report said that the dead were members of a crime group."
    )
    assert [c.value for c in run(text)[0].claims if c.kind == "killed"] == [2]


@pytest.mark.parametrize(
    "text",
    [
        "Suspected raiders shoot and kill Dorvale peace activist",
        "Customs officer killed in Dorvale attack",
        "Unknown gunmen opened fire on the post in Dorvale. Customs officer who was close to "
        "the post killed in the attack",
        "An unidentified man was shot down at the gate of the army camp in Dorvale.",
    ],
)
def test_one_person_named_without_an_article_in_a_headline(text: str) -> None:
    assert toll(text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Soldier killed two rebels in Dorvale",  # an active verb and its object
        "Rebels shot down two army helicopters over Dorvale on Monday.",
        "Raiders killed villagers in Dorvale.",  # a plural: no count
        "Hundreds Killed in Jihadist Attack in Dorvale",  # a passive headline's preposition
    ],
)
def test_no_bare_person_counted_where_none_died(text: str) -> None:
    assert all(c.value != 1 for e in run(text) for c in e.claims if c.kind == "killed")


def report(value: int, key: str, reported: str, printed: bool) -> ClaimView:
    return ClaimView(
        report_key=key,
        value=value,
        qualifier="exact",
        kind="killed",
        article_id=key,
        family=key,
        claim_id=len(key) * 100 + value,
        reported=reported,
        printed=printed,
    )


def test_two_undated_reports_do_not_revise_each_other() -> None:
    # Neither prints a date: the one whose event reads a day later is not known to be newer.
    early = report(3, "u1", "2026-03-02", printed=False)
    late = report(21, "u2", "2026-03-03", printed=False)
    assert reconcile([early, late]).fatalities == 3


def test_a_dated_later_report_still_revises_an_undated_one() -> None:
    early = report(3, "u1", "2026-03-02", printed=False)
    late = report(21, "d2", "2026-03-03", printed=True)
    assert reconcile([early, late]).fatalities == 21


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A police post in Dorvale was attacked by two unknown gunmen, one of the assailants "
            "was killed.",
            "en",
        ),
        (
            "Pos polisi di Dorvale diserang oleh dua pria bersenjata pada Senin (4/5), seorang "
            "penyerang tewas.",
            "id",
        ),
    ],
)
def test_a_figure_after_by_counts_the_agents_not_the_dead(text: str, lang: str) -> None:
    assert toll(text, lang) == 1


def scopes(text: str, lang: str = "en") -> list[tuple[int, str]]:
    return [(c.value, c.scope) for e in run(text, lang) for c in e.claims if c.kind == "killed"]


def test_dead_also_killed_in_an_act_named_anew_are_another_incidents() -> None:
    # "also ... in an attack on X" tells another attack; "in the attack" refers back to it.
    text = (
        "Raiders killed 12 herders near Dorvale on Monday. More than 70 people were also "
        "killed in an attack on the village of Kessa. Two others were also killed in the raid."
    )
    found = scopes(text)
    assert (70, "other") in found and (2, "more") in found


def killed_claims(text: str, lang: str = "en") -> list[tuple[int, str, str | None]]:
    return [
        (c.value, c.qualifier, c.victims)
        for e in run(text, lang)
        for c in e.claims
        if c.kind == "killed"
    ]


def test_a_qualifier_opening_a_list_of_figures_says_it_of_each() -> None:
    found = killed_claims("The clashes killed at least 14 soldiers and five rebels near Dorvale.")
    assert [(v, q) for v, q, _ in found] == [(14, "at_least"), (5, "at_least")]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("At least one policeman and two soldiers were killed in the raid on Dorvale.", "en", 3),
        ("Sedikitnya dua polisi dan tiga tentara tewas dalam serangan di Dorvale.", "id", 5),
    ],
)
def test_figures_of_one_side_joined_by_and_are_one_count(text: str, lang: str, value: int) -> None:
    assert [(v, q) for v, q, _ in killed_claims(text, lang)] == [(value, "at_least")]


def test_figures_of_two_sides_joined_by_and_stay_two() -> None:
    found = killed_claims("Gunmen killed 3 police officers and 1 civilian in Dorvale.")
    assert [(v, q) for v, q, _ in found] == [(3, "exact"), (1, "exact")]


def test_another_death_told_with_the_updated_toll_is_part_of_it() -> None:
    text = (
        "Two soldiers were killed in the blast on Monday, the general said. The minister later "
        "said that another soldier had died of his wounds, pushing the number to 3."
    )
    assert (1, "member") in scopes(text) and toll(text) == 3
