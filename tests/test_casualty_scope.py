"""What a casualty figure counts (scope), earlier counts, and deaths told without a number.
All sentences are invented."""

from __future__ import annotations

import pytest

from wartrace.extract.casualties import sentence_claims
from wartrace.extract.lexicon import fold
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import Sentence
from wartrace.models import Claim


def killed(text: str, lang: str = "en") -> list[Claim]:
    data = load_language(lang)
    assert data is not None
    sentence = Sentence(0, len(text), text, fold(text), 0)
    return [c for c in sentence_claims(sentence, data, None) if c.kind == "killed"]


def one(text: str, lang: str = "en") -> Claim:
    claims = killed(text, lang)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Gunmen shot and killed a police officer near the market on Monday.", 1),
        ("A woman was killed in a drive-by shooting in the northern district.", 1),
        ("Soldiers detained and tortured a farmer to death in the village.", 1),
        ("The soldier later died of his wounds in hospital.", 1),
        ("The raid killed the commander of the rebel brigade.", 1),
        ("A former councillor and his wife were shot dead by unknown assailants.", 2),
        ("Troops killed a suspected militant commander and his son near the river.", 2),
        ("Un soldat a été tué dans l'embuscade près de la frontière.", 1),
        ("Um policial foi morto durante o ataque ao posto.", 1),
    ],
)
def test_a_person_named_without_a_number_counts_one(text: str, value: int) -> None:
    lang = "fr" if "soldat" in text else "pt" if "policial" in text else "en"
    claim = one(text, lang)
    assert claim.value == value and claim.qualifier == "exact" and claim.scope == "side"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On 6 March, 1 civilian was kidnapped and killed by militants in the village.", 1),
        ("Three farmers were abducted and killed near the river.", 3),
        ("A resident is shot and killed when a group resisted an eviction.", 1),
        ("Gunmen assassinated four people in the market.", 4),
        ("A 14-year-old girl was killed by a stray bullet.", 1),
    ],
)
def test_plain_wording_of_a_death_is_read(text: str, value: int) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        # invented: the act done to the person is joined to the death word
        "A shopkeeper was kidnapped and killed by gunmen in the market.",
        "Militiamen killed and mutilated a herder in the village.",
        "Rebels sentenced to death and executed a young male in the square.",
        # a possessive after a word that makes the death a consequence
        "Gunmen shot a driver at the checkpoint, resulting in his death.",
        "The blast wounded a guard, leading to her death two days later.",
    ],
)
def test_one_person_told_by_the_acts_done_to_them(text: str) -> None:
    claim = one(text)
    assert claim.value == 1 and claim.qualifier == "exact"


@pytest.mark.parametrize(
    "text",
    [
        "The court upheld his death sentence on appeal.",
        "The attack was condemned, and his death was mourned across the country.",
    ],
)
def test_a_possessive_death_without_a_cause_word_is_no_count(text: str) -> None:
    assert killed(text) == []


def test_a_duration_is_no_count() -> None:
    assert [c.value for c in killed("A militant was killed in a nine-minute firefight.")] == [1]


def test_a_clause_word_cuts_a_figure_from_the_death_before_it() -> None:
    claims = killed("A child was killed when 2 unexploded shells went off in a house.")
    assert [c.value for c in claims] == [1]


def test_the_agent_of_a_killing_is_not_counted() -> None:
    claim = one("A suicide bomber killed 3 civilians at the checkpoint.")
    assert claim.value == 3 and claim.victims == "civilians"


def test_a_wounded_person_is_not_a_death() -> None:
    assert killed("A landmine explosion injured a villager near the road.") == []


def test_a_part_of_a_total_keeps_its_scope() -> None:
    claims = killed("The blast killed 12 people including 3 children.")
    assert [(c.value, c.scope) for c in claims] == [(12, "total"), (3, "part")]


def test_a_cumulative_toll_is_background() -> None:
    claim = one("The insurgency has killed 30,000 people since 2009.")
    assert claim.scope == "background"


def test_a_campaign_toll_is_background() -> None:
    claim = one("Hundreds of soldiers have been killed during operations to clear the desert.")
    assert claim.scope == "background"


def test_a_compound_word_is_no_cue() -> None:
    claim = one("An attack in the war-torn east has killed 33 soldiers, a monitor said.")
    assert claim.scope == "side" and claim.value == 33


def test_a_toll_of_another_incident_is_marked_other() -> None:
    claim = one("In a separate attack, four soldiers were killed at a checkpoint.")
    assert claim.scope == "other"


def test_the_killing_that_caused_a_protest_is_another_incident() -> None:
    claim = one("Residents blocked the road following the killing of a trader by gunmen.")
    assert claim.scope == "other"


def test_an_earlier_count_the_report_revises_is_marked_earlier() -> None:
    claims = killed("The toll rose to 33 soldiers, revising an earlier toll of 26 deaths.")
    assert [(c.value, c.supersedes_earlier, c.earlier) for c in claims] == [
        (33, True, False),
        (26, False, True),
    ]


def test_number_words_in_every_language() -> None:
    assert one("Seventeen soldiers were killed in the ambush.").value == 17
    assert one("Tujuh belas tentara tewas dalam penyergapan itu.", "id").value == 17
    assert one("Dix-sept soldats ont été tués dans l'embuscade.", "fr").value == 17
    assert one("Dezessete soldados foram mortos na emboscada.", "pt").value == 17


def test_vague_words_follow_format_md() -> None:
    assert one("Dozens of people were killed in the shelling.").value == 12
    assert one("Puluhan warga tewas dalam serangan itu.", "id").value == 10


def test_a_killing_that_led_to_the_incident_is_another_incident() -> None:
    claim = one("Residents demonstrated in the town after a gendarme shot and killed a driver.")
    assert claim.scope == "other"
    assert one("Women assaulted a trader accused of killing a child.").scope == "other"


def test_a_death_after_the_attack_is_the_attacks_toll() -> None:
    assert one("A soldier was killed after militants attacked the post.").scope == "side"


def test_nearly_killing_is_no_death() -> None:
    assert killed("A mob attacks and nearly kills a man in the market.") == []


def test_a_conflicts_toll_is_background_in_indonesian() -> None:
    text = "Kekerasan yang telah menewaskan lebih dari 20.000 orang itu menyebar ke utara."
    assert one(text, "id").scope == "background"


def test_a_campaign_named_as_the_killer_counts_many_incidents() -> None:
    # "so far" alone is an incident's toll; a militancy or insurgency is no incident.
    text = "The unrest born of the movement's militancy has so far killed over 9,000 people."
    assert one(text).scope == "background"
    text = "Gelombang kekerasan akibat militansi kelompok itu sejauh ini menewaskan 9.000 orang."
    assert one(text, "id").scope == "background"
    assert one("Insurgents killed 12 soldiers at a base on Monday.").scope == "side"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Raiders killed 14 herders on Monday, the deadliest attack in the conflict so far.", "en"),
        ("A car bomb killed 23 people at the market, the bloodiest day of the war.", "en"),
        ("Bom mobil menewaskan 23 orang di pasar, serangan paling mematikan sejak 2015.", "id"),
    ],
)
def test_a_superlative_ranks_the_incident_and_keeps_its_toll(text: str, lang: str) -> None:
    assert one(text, lang).scope in ("total", "side")


def test_a_campaigns_toll_after_a_ranked_incident_stays_background() -> None:
    text = "Raiders killed 14 herders, the deadliest attack in an insurgency that killed 9,000."
    assert [c.scope for c in killed(text)] == ["side", "background"]


def test_one_of_the_deadliest_counts_no_one() -> None:
    text = "Raiders killed 14 herders in one of the deadliest attacks on the valley this year."
    assert [(c.value, c.scope) for c in killed(text)] == [(14, "side")]


def test_an_updated_toll_reaches_its_subject_past_a_long_qualifying_phrase() -> None:
    text = "The death toll in the coordinated raids on the villages of the valley rose to 61."
    claim = one(text)
    assert (claim.value, claim.supersedes_earlier) == (61, True)
    assert killed("Police detained 3 men, and the number of arrests in the city rose to 40.") == []
    text = "Two guards died in the blast. Fatalities coded as 1 (a radio reported 2)."
    assert [c.value for c in killed(text.split(". ")[1])] == [1]


def test_so_far_is_the_current_toll_of_the_incident() -> None:
    # "so far" counts the incident's dead up to now; "so far this year" counts many incidents.
    assert one("Rescuers have so far recovered 40 bodies from the rubble.").scope == "total"
    assert one("Militants have killed 300 people so far this year.").scope == "background"


# --- figures that count no deaths (all sentences invented) ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Raiders burned down 12 huts and killed 30 livestock before troops repelled them.",
        "The blast destroyed 3 army vehicles, killing a driver.",
        "Fourteen villagers were killed on Sunday in two separate raids on the district.",
        "Waga 4 ekor sapi mati dan 7 rumah dibakar.",
    ],
)
def test_a_figure_counting_things_or_animals_is_no_death_toll(text: str) -> None:
    lang = "id" if "ekor" in text else "en"
    assert all(c.value not in (12, 30, 3, 2, 4, 7) for c in killed(text, lang)), killed(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Gunmen raided a police post near the border, killing four and stealing weapons.", "en"),
        ("Penyerang menyerbu pos polisi, menewaskan empat dan membakar rumah.", "id"),
    ],
)
def test_a_thing_after_and_belongs_to_the_next_phrase(text: str, lang: str) -> None:
    # invented: the noun after "and" is the object of another verb, not the figure's noun
    assert [c.value for c in killed(text, lang)] == [4]


def test_a_figure_beside_people_is_still_read_before_things() -> None:
    claims = killed(
        "Nine soldiers and two vehicles were lost when the convoy was ambushed; "
        "the nine soldiers were killed."
    )
    assert [c.value for c in claims] == [9]


@pytest.mark.parametrize(
    "text",
    [
        "Around 3 May, 4 police officers were killed, injured or captured in the operation.",
        "Two roadside bombs hit a patrol, killing and injuring 11 soldiers.",
    ],
)
def test_a_joint_count_of_dead_and_wounded_is_no_death_toll(text: str) -> None:
    assert killed(text) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Relatives said the death toll could exceed 300 as more bodies are found.", "en"),
        ("Warga mengatakan jumlah korban tewas bisa mencapai 300 orang.", "id"),
    ],
)
def test_a_feared_toll_is_a_projection_not_a_reported_one(text: str, lang: str) -> None:
    claim = one(text, lang)
    assert (claim.value, claim.scope) == (300, "projected")


def test_a_coders_figure_replaces_the_figure_it_quotes() -> None:
    claims = killed(
        "On 2 May, 3 soldiers were killed by a mine. Fatalities coded as 0 "
        "(the insurgents reported 3 fatalities)."
    )
    coded = [c for c in claims if c.supersedes_earlier]
    assert [c.value for c in coded] == [0]


def test_a_killing_the_narrated_act_went_after_is_another_incident() -> None:
    claim = one("Residents beat a man who had just killed his brother with a machete.")
    assert claim.scope == "other"


def test_deaths_in_separate_incidents_are_another_incident() -> None:
    claim = one("Earlier, gunmen shot 8 herders dead in two separate incidents near the river.")
    assert claim.scope == "other"


def test_a_figure_before_a_comma_is_not_the_count_of_a_participle_with_its_own() -> None:
    # invented
    claims = killed("Troops fired on 40 protesters near the bridge, killing nine of them.")
    assert [c.value for c in claims] == [9]
    claims = killed("Raiders torched four compounds of a herding family, killing two.")
    assert [c.value for c in claims] == [2]


def test_a_participle_without_its_own_figure_still_takes_the_one_before() -> None:
    assert [c.value for c in killed("5 killed, 3 wounded in the raid.")] == [5]


def test_police_and_service_members_are_victims_of_the_state_side() -> None:
    from wartrace.extract.victim_sides import side_of

    claim = one("Three police were killed in a raid on their post.")  # invented
    assert (claim.victims, side_of(claim.victims)) == ("police", "state")
    assert side_of("US service members") == "state"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("أعلنت الشرطة مقتل جندي في الهجوم.", "ar"),  # invented: police announced a soldier's death
        ("استشهد مدني برصاص قناص.", "ar"),  # invented: a civilian was killed by a sniper
        ("حملے میں ایک پولیس اہلکار ہلاک ہو گیا۔", "ur"),  # invented: one policeman killed
    ],
)
def test_one_person_named_without_a_figure_counts_one_in_arabic_and_urdu(
    text: str, lang: str
) -> None:
    assert one(text, lang).value == 1


def test_another_attack_in_urdu_is_no_count_of_one() -> None:
    # invented: "in another attack five people were killed"
    claim = one("ایک اور حملے میں پانچ افراد ہلاک ہو گئے۔", "ur")
    assert (claim.value, claim.scope) == (5, "other")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Twelve members of the security forces from the border unit were killed on Monday.", 12),
        (
            "Seventeen regular soldiers, among them two senior officers, were killed in the raid.",
            17,
        ),
    ],
)
def test_a_figure_heading_a_long_subject_reaches_its_passive_verb(text: str, value: int) -> None:
    # invented
    assert value in [c.value for c in killed(text)]


def test_a_figure_before_another_figure_does_not_reach_a_far_passive() -> None:
    # invented: 12 were arrested; the dead are the three soldiers
    claims = killed("Police arrested 12 people from the village after three soldiers were killed.")
    assert [c.value for c in claims] == [3]


def test_a_toll_continuing_the_clause_before_counts_its_dead() -> None:
    # invented: the death word is far back, across a comma; the figure updates the toll and
    # counts the same victims as the clause it continues.
    text = "The minister said another soldier had died of his wounds, pushing the number to 9."
    toll = next(c for c in killed(text) if c.value == 9)
    assert toll.supersedes_earlier and toll.victims == "another soldier"
    assert toll.scope == "side"


def test_an_update_cue_with_no_death_before_it_is_no_toll() -> None:
    # invented: nothing died in the clause the cue continues
    assert killed("Trucks arrived at the camp on Friday, bringing the number to 40.") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The raids killed at least 40, including 12 children, the monitor said.", "en"),
        ("The toll reached 40 on Friday, 12 of them children.", "en"),
        ("Korban tewas mencapai 40 orang, termasuk 12 anak-anak.", "id"),
    ],
)
def test_a_part_named_after_the_toll_is_a_part_claim(text: str, lang: str) -> None:
    # invented: the part stays visible as a claim and never enters a figure
    got = [(c.value, c.scope) for c in killed(text, lang)]
    assert (12, "part") in got and all(v != 12 or s == "part" for v, s in got)


@pytest.mark.parametrize(
    "text",
    [
        "Mourners carried coffins draped in the two-star flag through the town.",
        "Gunmen killed a guard; 30 people were trapped inside one house for hours.",
    ],
)
def test_a_compound_modifier_or_a_thing_is_no_count(text: str) -> None:
    # invented: "two-star" modifies the flag; "one house" counts a house
    assert all(c.value not in (1, 2) or c.victims for c in killed(text))


def test_a_hyphenated_cardinal_is_still_a_count() -> None:
    assert [c.value for c in killed("Twenty-one soldiers were killed in the ambush.")] == [21]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The death toll from the bombings in the two northern towns neared 180 on Friday.", "en"),
        ("The number of dead was nearing 180 by evening, officials said.", "en"),
        ("Jumlah korban tewas akibat serangan bom di provinsi itu mendekati 180 orang.", "id"),
    ],
)
def test_a_toll_that_nears_a_figure_is_nearly_that_figure(text: str, lang: str) -> None:
    # invented: the toll nears 180 and has not reached it; it is the incident's own running
    # count, not an update that replaces the report's other figures
    claim = one(text, lang)
    assert (claim.value, claim.qualifier, claim.scope) == (180, "nearly", "total")
    assert not claim.supersedes_earlier


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The herders were attacked, and according to reports since noon, about 30 were killed.",
            "en",
        ),
        ("Since this morning, 12 people have been killed in the clashes in the town.", "en"),
        ("Sejak pagi, 12 orang tewas dalam bentrokan di kota itu.", "id"),
    ],
)
def test_since_a_time_of_the_same_day_is_the_incidents_count(text: str, lang: str) -> None:
    # invented: "since noon" counts within the incident's day, unlike "since 2009"
    assert one(text, lang).scope == "total"


def test_since_a_year_still_counts_a_campaign() -> None:
    assert one("The insurgency has killed 30,000 people since 2009.").scope == "background"


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Puluhan orang, menurut kelompok itu dan polisi, tewas dalam serangan itu.", "id", 10),
        (
            "Dozens of people, according to the group, were killed in the raid on the town.",
            "en",
            12,
        ),
    ],
)
def test_a_vague_count_of_people_reaches_its_verb_past_an_aside(
    text: str, lang: str, value: int
) -> None:
    # invented: "puluhan orang" counts people however far its verb is
    claim = one(text, lang)
    assert (claim.value, claim.qualifier) == (value, "vague")


def test_a_vague_count_of_things_is_still_no_count() -> None:
    assert [c.value for c in killed("Dozens of villages were burned and a man was killed.")] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "Seorang perawat termasuk di antara mereka yang tewas.",
        "Ledakan itu menewaskan 40 orang, termasuk seorang perawat.",
    ],
)
def test_a_person_named_among_the_dead_by_an_article_is_a_member(text: str) -> None:
    # invented: "seorang perawat" is "a nurse": a member of the dead, no reported figure
    # (status part in the tally); "satu orang" or "one nurse" would be a figure
    assert (1, "member") in [(c.value, c.scope) for c in killed(text, "id")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rescue teams have so far recovered 40 bodies from the collapsed buildings.", "en"),
        ("So far, 40 people have been confirmed dead in the flooding and the attack.", "en"),
        ("Sejauh ini 40 jenazah telah ditemukan dari reruntuhan gedung itu.", "id"),
    ],
)
def test_a_count_told_so_far_is_at_least_that_count(text: str, lang: str) -> None:
    # invented: a count still open (more may be found) is a lower bound
    claim = one(text, lang)
    assert (claim.value, claim.qualifier, claim.scope) == (40, "at_least", "total")


def test_so_far_after_a_superlative_ranks_the_incident_and_qualifies_no_figure() -> None:
    claim = one("The ambush, the deadliest so far, killed 40 soldiers near the border.")
    assert (claim.value, claim.qualifier) == (40, "exact")
