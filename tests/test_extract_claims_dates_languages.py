"""Extraction rules: claim precision, claimants, statement vs event dates, new languages.

Every sentence here is invented for the test; none is taken from a corpus.
"""

from __future__ import annotations

import shutil
from datetime import date
from functools import partial
from pathlib import Path

import pytest

import typing_helpers
from wartrace.extract.actors import resolve
from wartrace.extract.casualties import sentence_claims
from wartrace.extract.claimant_names import is_organisation
from wartrace.extract.claimants import find_claimant
from wartrace.extract.dates import find_dates
from wartrace.extract.resources import DATA_DIR, DataError, load_language
from wartrace.extract.sentences import split_sentences
from wartrace.models import Claim


def claims(text: str, lang: str = "en") -> list[Claim]:
    data = load_language(lang)
    assert data is not None
    out: list[Claim] = []
    for sent in split_sentences(text, lang):
        out += sentence_claims(sent, data, find_claimant(sent, data))
    return out


def killed(text: str, lang: str = "en") -> list[int]:
    return [c.value for c in claims(text, lang) if c.kind == "killed"]


run = partial(typing_helpers.run, published="2022-06-10")


# --- claim precision -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Air strikes killed and wounded 40 soldiers near the base.", "en"),
        ("Twelve fighters were killed or wounded in the ambush.", "en"),
        ("Serangan itu menyebabkan 15 orang tewas dan luka-luka.", "id"),
    ],
)
def test_killed_and_wounded_together_is_no_death_figure(text: str, lang: str) -> None:
    assert killed(text, lang) == []


def test_killed_or_missing_is_no_death_figure() -> None:
    assert killed("At least nine herders were killed or missing after the raid.") == []


def test_day_of_month_is_not_a_count() -> None:
    assert killed("MAIDUGURI, March 4 (Wire) - Gunmen killed 7 farmers in Borno.") == [7]
    assert killed("Pada 17 Agustus, 5 polisi tewas di Mogadishu.", "id") == [5]


def test_vague_word_before_a_non_person_noun_is_no_figure() -> None:
    assert killed("Fighting in several villages killed 8 militiamen, officials said.") == [8]


def test_figure_counting_the_speaker_is_no_figure() -> None:
    got = claims("Seorang reporter televisi mengatakan jumlah korban tewas mencapai 9 orang.", "id")
    assert [c.value for c in got] == [9]


def test_a_victim_among_the_dead_is_part_of_another_figure() -> None:
    text = "Ten villagers died. One woman was among the dead, a nurse said."
    got = [(c.value, c.scope) for c in claims(text) if c.kind == "killed"]
    assert got == [(10, "side"), (1, "part")]


def test_named_victim_along_with_others_adds_one() -> None:
    text = "Colonel Ade Musa was killed along with 4 other soldiers in the blast."
    assert killed(text) == [5]


def test_coordinated_figures_share_the_kind_word_after_them() -> None:
    text = "The clashes left 14 soldiers and five insurgents of the group dead, a medic said."
    assert sorted(killed(text)) == [5, 14]
    pt = "Os combates deixaram 14 soldados do exército e cinco militantes do grupo mortos."
    assert sorted(killed(pt, "pt")) == [5, 14]


def test_taken_hostage_is_not_killed() -> None:
    got = claims("Some 20 guards were killed and some nurses taken hostage.")
    assert [(c.value, c.kind) for c in got] == [(20, "killed"), (3, "captured")]


def test_figure_restated_in_headline_and_body_is_one_claim() -> None:
    text = (
        "Militants kill 11 soldiers in Borno\n\n"
        "At least 11 soldiers were killed when ISWAP fighters attacked a base near Damboa on "
        "Tuesday, a military source said."
    )
    (event,) = run(text)
    dead = [c for c in event.claims if c.kind == "killed"]
    assert [(c.value, c.qualifier, c.claimant) for c in dead] == [
        (11, "at_least", "military source")
    ]


def test_same_figure_from_two_named_sources_stays_two_claims() -> None:
    text = (
        "Al-Shabaab fighters attacked an army post near Baidoa on Monday. The Somali army said "
        "6 soldiers were killed. Separately, Radio Andalus said 6 soldiers were killed."
    )
    events = run(text)
    values = [str(c.claimant) for e in events for c in e.claims if c.value == 6]
    assert sorted(values) == ["Radio Andalus", "Somali army"]


def test_several_beside_a_precise_figure_is_dropped() -> None:
    text = (
        "Gunmen stormed a village near Gao on Sunday, killing several people. "
        "Local officials said 7 villagers were killed."
    )
    (event,) = run(text)
    assert [c.value for c in event.claims if c.kind == "killed"] == [7]


# --- claimants -------------------------------------------------------------------------------


def test_relayed_source_gives_way_to_the_speaker() -> None:
    (claim,) = claims("Nine police were killed, the Interior Ministry said, citing a local chief.")
    assert claim.claimant == "Interior Ministry"


def test_description_set_off_after_a_name_takes_the_name() -> None:
    text = "Eight soldiers died, the Lake Chad Monitoring Group, a local monitor, said."
    (claim,) = claims(text)
    assert claim.claimant == "Lake Chad Monitoring Group"


def test_place_before_a_description_is_not_a_claimant() -> None:
    (claim,) = claims("Five soldiers died near Diffa, a monitor said.")
    assert claim.claimant == "monitor"


def test_speaker_with_affiliation() -> None:
    text = "Four civilians were killed, said Musa Bello, head of the Sahel Rights Observatory."
    (claim,) = claims(text)
    assert claim.claimant == "Musa Bello (Sahel Rights Observatory)"


def test_acronym_before_a_comma_keeps_the_name() -> None:
    text = "Lembaga Pemantau Konflik Sahel (LPKS), mengklaim 13 tentara tewas."
    (claim,) = claims(text, "id")
    assert claim.claimant == "Lembaga Pemantau Konflik Sahel (LPKS)"


def test_relative_clause_is_cut_from_an_indonesian_claimant() -> None:
    text = "Kelompok aktivis lain yang memantau wilayah itu mengatakan 4 tentara tewas."
    (claim,) = claims(text, "id")
    assert claim.claimant == "Kelompok aktivis lain"


def test_description_and_pronoun_resolve_to_the_named_organisation() -> None:
    text = (
        "ISWAP fighters attacked a base in Monguno on Monday, killing 9 soldiers, "
        "the Borno Conflict Observatory said.\n\n"
        "It said earlier that 4 soldiers had been killed in a raid on Saturday near Dikwa.\n\n"
        "A day later 3 more soldiers died, the observatory said."
    )
    who = {c.claimant for e in run(text) for c in e.claims}
    assert who == {"Borno Conflict Observatory"}


def test_translated_organisation_name_is_written_in_english() -> None:
    text = "Menurut Observatorium Suriah untuk Hak Asasi Manusia, 12 tentara tewas di Raqqa."
    (claim,) = claims(text, "id")
    data = load_language("id")
    assert data is not None
    assert data.organisations.canonical(str(claim.claimant)) == (
        "Observatorium Suriah untuk Hak Asasi Manusia (Syrian Observatory for Human Rights)"
    )
    assert data.organisations.canonical("Rami X (Observatorium HAM Suriah)") == (
        "Rami X (Syrian Observatory for Human Rights)"
    )


def test_organisation_needs_a_body_noun_in_its_name() -> None:
    data = load_language("en")
    assert data is not None
    assert is_organisation("Syrian Observatory for Human Rights", data)
    assert is_organisation("SANA", data)
    assert not is_organisation("bus in the province of Deir al-Zour", data)


# --- dates -----------------------------------------------------------------------------------


def one_date(text: str, lang: str, base: date | None, **kw: bool) -> list[str]:
    data = load_language(lang)
    assert data is not None
    out: list[str] = []
    for sent in split_sentences(text, lang):
        out += [d.value.isoformat() for d in find_dates(sent, data, base, **kw)]
    return out


def test_date_right_before_a_report_verb_is_the_statement_date() -> None:
    text = (
        "Pemantau itu pada Rabu (8/6/2022) melaporkan, militan menyerang pos pada Senin (6/6/2022)."
    )
    assert one_date(text, "id", date(2022, 6, 8)) == ["2022-06-06"]


def test_date_set_off_after_the_cited_source_is_the_statement_date() -> None:
    text = "Dikutip dari Radio Dalsan, Minggu (5/6/2022), serangan itu terjadi di Baidoa."
    assert one_date(text, "id", date(2022, 6, 5)) == []
    assert one_date(text, "id", date(2022, 6, 5), statements=True) == ["2022-06-05"]


def test_weekday_near_a_date_the_article_gives_can_be_after_it() -> None:
    # Base 2022-06-09 is a Thursday; "Friday" is the next day when the base is an event date.
    text = "Militants attacked the town on Friday."
    assert one_date(text, "en", date(2022, 6, 9), nearest=True) == ["2022-06-10"]
    assert one_date(text, "en", date(2022, 6, 9)) == ["2022-06-03"]


def test_article_without_publication_date_is_dated_from_its_lead() -> None:
    text = (
        "MOGADISHU, Kamis (9/6/2022) - Pejuang al-Shabaab menyerang pangkalan militer di dekat "
        "Baidoa pada hari Rabu, menewaskan 6 tentara Somalia, kata pejabat setempat."
    )
    (event,) = run(text, "id", published=None)
    assert event.event_date == "2022-06-08"


def test_history_deep_in_an_article_does_not_date_it() -> None:
    lead = "Gunmen attacked a police post near Gao on Tuesday, killing 4 officers, officials said."
    filler = "Residents said the road had been closed for weeks before the attack happened."
    text = "\n\n".join([lead] + [filler] * 5 + ["The old town was founded on 6 October 1898."])
    (event,) = run(text, published=None)
    assert event.event_date is None


# --- languages -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "pt", "ar"])
def test_new_language_data_loads(lang: str) -> None:
    data = load_language(lang)
    assert data is not None and data.triggers.size > 50 and data.actors.size > 100


def test_french_report() -> None:
    text = (
        "Au moins 12 soldats maliens ont été tués dimanche dans une embuscade tendue par des "
        "jihadistes du JNIM près de Mopti, a indiqué une source sécuritaire."
    )
    (event,) = run(text, "fr")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.event_date == "2022-06-05"
    assert {event.actor1, event.actor2} == {
        "JNIM - Jamaat Nusrat al-Islam wal-Muslimin",
        "Military Forces of Mali (2021-)",
    }
    (claim,) = [c for c in event.claims if c.kind == "killed"]
    assert (claim.value, claim.qualifier) == (12, "at_least")


def test_portuguese_report() -> None:
    text = (
        "Militantes do Estado Islâmico atacaram uma base do exército iraquiano perto de Kirkuk "
        "na terça-feira, matando pelo menos 8 soldados, segundo fontes de segurança."
    )
    (event,) = run(text, "pt")
    assert event.event_type == "Battles"
    assert event.actor1 == "Islamic State" and event.actor2 == "Military Forces of Iraq (2022-)"
    assert event.event_date == "2022-06-07"
    (claim,) = [c for c in event.claims if c.kind == "killed"]
    assert (claim.value, claim.qualifier) == (8, "at_least")


@pytest.mark.parametrize(
    ("alias", "lang", "name"),
    [
        ("Peshmerga", "en", "Military Forces of Iraq (Kurdistan Regional Government)"),
        ("Hashd al-Shaabi", "en", "Military Forces of Iraq (2022-) Popular Mobilization Forces"),
        ("ISGS", "en", "Islamic State (Greater Sahara)"),
        ("FAMa", "fr", "Military Forces of Mali (2021-)"),
        ("EIGS", "fr", "Islamic State (Greater Sahara)"),
        ("Africa Corps", "fr", "Wagner Group"),
        ("militan al-Shabaab", "id", "Al Shabaab"),
        ("Tentara Nasional Somalia", "id", "Military Forces of Somalia (2022-)"),
        ("Angkatan Bersenjata Mali", "id", "Military Forces of Mali (2021-)"),
        ("Estado Islâmico", "pt", "Islamic State"),
    ],
)
def test_aliases_for_other_conflicts(alias: str, lang: str, name: str) -> None:
    data = load_language(lang)
    assert data is not None
    hits = data.actors.find(f"Reports named {alias} today.")
    assert hits and resolve(hits[0].value, None, data.common, None).name == name


# --- per-report fatalities -------------------------------------------------------------------


def test_sides_told_in_one_sentence_make_one_toll() -> None:
    text = (
        "Clashes near Gao kill 13 fighters\n\n"
        "Nine local militiamen and 4 JNIM militants were killed in clashes near Gao on Monday, "
        "residents said."
    )
    (event,) = run(text)
    assert event.fatalities == 13


def test_sides_told_in_separate_sentences_are_added() -> None:
    text = (
        "Boko Haram fighters attacked an army base in Borno on Monday. Some 12 soldiers were "
        "killed, the army said. At least 7 Boko Haram fighters also died."
    )
    (event,) = run(text)
    assert event.fatalities == 19


# --- event types and roles -------------------------------------------------------------------


def test_capturing_a_building_is_a_fight_not_territory() -> None:
    (event,) = run("ISWAP fighters captured a hospital in Monguno on Monday after heavy fighting.")
    assert event.sub_event_type == "Armed clash"


def test_breaking_a_siege_is_territory_regained() -> None:
    text = "Somali troops broke the siege of the town of Bulo Burde on Sunday, officials said."
    (event,) = run(text)
    assert event.sub_event_type == "Government regains territory"


def test_fall_of_a_group_is_no_territorial_change() -> None:
    assert run("Analysts say the fall of ISIS changed the region for ever.") == []


def test_actor_next_to_a_source_noun_is_no_side() -> None:
    text = (
        "A car bomb exploded near a market in Mogadishu on Friday, killing 5 people, "
        "Somali army spokesman Ali Nur said."
    )
    (event,) = run(text)
    assert event.actor1 == "Unidentified Armed Group (Somalia)"


def test_actor_in_another_clause_gets_no_role() -> None:
    text = (
        "A roadside bomb exploded in Kirkuk on Monday, killing 3 civilians. "
        "Iraqi forces sealed off the area after the explosion."
    )
    (event,) = run(text)
    assert event.actor1 == "Unidentified Armed Group (Iraq)"


def test_meanwhile_opens_another_incident_elsewhere() -> None:
    text = (
        "Al-Shabaab fighters attacked an army base in Baidoa on Monday, killing 4 soldiers.\n\n"
        "Meanwhile, a suicide bomber killed 9 people at a market in Mogadishu."
    )
    assert [e.sub_event_type for e in run(text)] == ["Armed clash", "Suicide bomb"]


def test_unit_number_before_a_figure_is_no_count() -> None:
    assert killed("Soldiers of Brigade 21 repelled the raid; 6 attackers were killed.") == [6]


# --- Arabic ----------------------------------------------------------------------------------


def test_arabic_report_with_marks_and_attached_conjunction() -> None:
    text = "قتل 12 جندياً وإصابة 5 آخرين من الفرقة 9 في الجيش العراقي في هجوم لتنظيم داعش قرب كركوك."
    (event,) = run(text, "ar")
    dead = [(c.value, c.kind) for c in event.claims]
    assert dead == [(12, "killed"), (5, "wounded")]
    assert event.actor1 == "Islamic State" and event.actor2 == "Military Forces of Iraq (2022-)"


def test_malformed_organisations_file_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copytree(DATA_DIR, tmp_path / "data")
    (tmp_path / "data" / "organisations.yaml").write_text(
        "organisations:\n  - aliases: {id: [X]}\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="organisation needs a name"):
        load_language("en", str(tmp_path / "data"))


def test_breakdown_adding_up_to_a_given_toll_is_not_more_claims() -> None:
    text = (
        "Thirteen people were killed in clashes near Kidal on Monday, a monitor said.\n\n"
        "Nine local fighters and four soldiers of the Malian army were killed in the clashes."
    )
    (event,) = run(text)
    assert [c.value for c in event.claims if c.kind == "killed"] == [13]
    assert event.fatalities == 13


def test_statement_date_between_source_and_verb_is_not_part_of_the_name() -> None:
    text = "Observatorium Konflik Sahel pada Selasa (7/6/2022) melaporkan, 8 tentara tewas."
    (claim,) = claims(text, "id")
    assert claim.claimant == "Observatorium Konflik Sahel"
    (claim,) = claims("The Sahel Conflict Observatory on Tuesday said 8 soldiers died.")
    assert claim.claimant == "Sahel Conflict Observatory"


def test_single_source_report_gives_its_figures_from_that_source() -> None:
    text = (
        "Nine soldiers were killed when ISWAP fighters attacked a base in Monguno on Monday.\n\n"
        "The Borno Conflict Observatory said the fighters also burned 3 trucks."
    )
    (event,) = run(text)
    (claim,) = [c for c in event.claims if c.kind == "killed"]
    assert claim.claimant == "Borno Conflict Observatory"


def test_negated_trigger_in_the_same_clause_is_no_event() -> None:
    assert run("The army did not actively take part in the ground battles near Gao.") == []


def test_act_in_a_concessive_clause_is_the_setting_not_an_event() -> None:
    text = (
        "Al-Shabaab fighters seized the town of Bulo Burde on Sunday despite heavy bombing by "
        "US drones over the district."
    )
    events = run(text)
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_battlefield_and_attackers_are_no_triggers() -> None:
    assert run("The province remains a battlefield, and its attackers are unknown.") == []
