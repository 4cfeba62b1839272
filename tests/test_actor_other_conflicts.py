"""Generic actors, state forces and named groups of countries and conflicts the corpora do not
cover: gangs in the Caribbean and Central America, unrest in southern Africa and the Caucasus,
pro-junta militias. Every sentence is invented."""

from __future__ import annotations

import pytest

from typing_helpers import one, run
from wartrace.extract.actors import resolve, same_side
from wartrace.extract.periods import date_state_forces, period_name
from wartrace.extract.resources import DATA_DIR, load_actor_entries, load_language
from wartrace.models import ExtractedEvent


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Gang members killed eight people in Cite Soleil, Port-au-Prince, Haiti, on Monday.",
            "Unidentified Gang (Haiti)",
            "Civilians (Haiti)",
        ),
        (
            "Gunmen killed six people at a market in Guayaquil, Ecuador, on Monday.",
            "Unidentified Armed Group (Ecuador)",
            "Civilians (Ecuador)",
        ),
        (
            "Gunmen killed four soldiers near Ziguinchor, Senegal, on Monday.",
            "Unidentified Armed Group (Senegal)",
            "Military Forces of Senegal (2024-)",
        ),
        (
            "Police shot dead three protesters in Harare, Zimbabwe, on Monday.",
            "Protesters (Zimbabwe)",
            "Police Forces of Zimbabwe (2017-)",
        ),
        (
            "Azerbaijani troops shelled Armenian positions near Jermuk, Armenia, on Tuesday.",
            "Military Forces of Azerbaijan (2003-)",
            "Military Forces of Armenia (2018-)",
        ),
    ],
)
def test_generic_actors_take_the_name_of_a_country_beyond_the_corpora(
    text: str, actor1: str, actor2: str
) -> None:
    event = one(text, published="2024-06-10")
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("Gran Grif gang members killed 20 people in Artibonite, Haiti, on Monday.", "Gran Grif"),
        (
            "Pyu Saw Htee militiamen killed three villagers in Magway region, Myanmar, on Sunday.",
            "Pyu Saw Htee",
        ),
        (
            "Members of the Gaitanista Army of Colombia killed a farmer in Antioquia, Colombia.",
            "Clan del Golfo",
        ),
        ("Los Lobos gang members killed four people in Guayaquil, Ecuador.", "Los Lobos"),
        (
            "AQIM militants kidnapped two tourists near Tamanrasset, Algeria, on Monday.",
            "AQIM: Al Qaeda in the Islamic Maghreb",
        ),
        (
            "RUF rebels attacked the town of Koidu, Sierra Leone, on Monday.",
            "RUF: Revolutionary United Front",
        ),
        (
            "MFDC rebels ambushed an army patrol near Ziguinchor, Senegal.",
            "MFDC: Movement of Democratic Forces of Casamance",
        ),
        (
            "LRA rebels abducted 30 children near Dungu, DR Congo, on Monday.",
            "LRA: Lord's Resistance Army",
        ),
        (
            "The Tamil Tigers attacked a navy base in Trincomalee, Sri Lanka.",
            "LTTE: Liberation Tigers of Tamil Eelam",
        ),
        (
            "Maoist rebels attacked a police post in Rolpa, Nepal, on Monday.",
            "CPN-M: Communist Party of Nepal (Maoist)",
        ),
    ],
)
def test_groups_of_other_conflicts_are_named(text: str, actor1: str) -> None:
    assert one(text, published="2024-06-10").actor1 == actor1


def test_a_pro_junta_militia_is_on_the_militarys_side() -> None:
    data = load_language("en")
    assert data is not None
    militia = next(e for e, _ in load_actor_entries(str(DATA_DIR)) if e.name == "Pyu Saw Htee")
    army = resolve(data.templates["state_forces"], "MM", data.common, None)
    assert same_side(resolve(militia, "MM", data.common, None), army)


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        # A party in power since the start of a period keeps it through changes of leader.
        (
            "Police Forces of South Africa (1994-)",
            "2021-07-12",
            "Police Forces of South Africa (1994-)",
        ),
        (
            "Police Forces of Zimbabwe (2017-)",
            "2008-03-29",
            "Police Forces of Zimbabwe (1980-2017)",
        ),
        (
            "Military Forces of Nigeria (2023-)",
            "1998-02-01",
            "Military Forces of Nigeria (1993-1998)",
        ),
        (
            "Military Forces of Burkina Faso (2022-)",
            "2011-04-15",
            "Military Forces of Burkina Faso (1987-2014)",
        ),
        ("Military Forces of Peru (2025-)", "2023-01-09", "Military Forces of Peru (2022-2025)"),
    ],
)
def test_forces_of_other_countries_and_earlier_years_carry_their_period(
    name: str, day: str, expected: str
) -> None:
    assert period_name(name, day) == expected


def test_a_country_named_only_by_a_saints_town_is_not_guessed() -> None:
    # Town names shared across the Spanish-speaking world name no country.
    events = run("Police killed a drug suspect in Barangay Santo Rosario on Monday.")
    assert all("Argentina" not in f"{e.actor1} {e.actor2}" for e in events)


def test_a_group_named_after_its_split_takes_its_earlier_name() -> None:
    # Before the 2016 peace accord the FARC a report names were the FARC themselves.
    before = ExtractedEvent(event_date="2008-03-01", actor1="FARC Dissidents", inter1=2)
    after = ExtractedEvent(event_date="2019-03-01", actor1="FARC Dissidents", inter1=2)
    date_state_forces(before)
    date_state_forces(after)
    assert before.actor1 == "FARC: Revolutionary Armed Forces of Colombia"
    assert after.actor1 == "FARC Dissidents"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les forces de l’ordre ont tué deux manifestants à Lomé, au Togo, lundi.", "fr"),
        (
            "As forças da ordem mataram dois manifestantes em Luanda, Angola, na segunda-feira.",
            "pt",
        ),
    ],
)
def test_the_forces_of_order_are_the_police(text: str, lang: str) -> None:
    event = one(text, lang=lang, published="2024-06-10")
    assert any(a and a.startswith("Police Forces of") for a in (event.actor1, event.actor2))


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "The Republic of Congo's army killed three rebels near Kinkala, in the Pool region,"
            " on Tuesday.",
            "Military Forces of the Republic of Congo (1997-)",
        ),
        (
            "Congo's army killed five ADF rebels near Beni in North Kivu on Tuesday.",
            "Military Forces of the Democratic Republic of Congo (2019-)",
        ),
        (
            "The Democratic Republic of Congo's army killed five rebels near Beni on Tuesday.",
            "Military Forces of the Democratic Republic of Congo (2019-)",
        ),
    ],
)
def test_the_two_congos_are_told_apart(text: str, actor1: str) -> None:
    # invented: "Congo" alone is the DRC's, the Republic is named in full
    assert one(text).actor1 == actor1


@pytest.mark.parametrize(
    ("text", "lang", "actor1", "actor2"),
    [
        (
            "Anti-balaka militiamen attacked a UN base in Bangassou, Central African Republic,"
            " on Monday, killing a peacekeeper.",
            "en",
            "Anti-Balaka",
            "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the"
            " Central African Republic",
        ),
        (
            "Gunmen killed a peacekeeper in Bor, South Sudan, on Monday.",
            "en",
            "Unidentified Armed Group (South Sudan)",
            "UNMISS: United Nations Mission in South Sudan",
        ),
        (
            "Israeli tanks fired on UN peacekeepers in Naqoura, southern Lebanon, wounding two.",
            "en",
            "Military Forces of Israel (2022-)",
            "UNIFIL: United Nations Interim Force in Lebanon",
        ),
        (
            "Des hommes armés ont attaqué des casques bleus près de Bangassou, en Centrafrique,"
            " tuant deux soldats de la paix.",
            "fr",
            "Unidentified Armed Group (Central African Republic)",
            "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the"
            " Central African Republic",
        ),
    ],
)
def test_peacekeepers_are_the_mission_of_the_country(
    text: str, lang: str, actor1: str, actor2: str
) -> None:
    # invented: where one mission keeps the peace, "UN peacekeepers" are that mission
    event = one(text, lang)
    assert (event.actor1, event.actor2) == (actor1, actor2)


def test_the_kuki_chin_front_is_not_the_chin_front() -> None:
    # invented: the longer name is a group of Bangladesh's hills, not Myanmar's Chin army
    event = one(
        "The Bangladesh army said it killed two Kuki-Chin National Front fighters in"
        " Bandarban on Tuesday."
    )
    assert event.actor2 == "KNF: Kuki-Chin National Front"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kazakh police opened fire on protesters in Almaty on Wednesday, killing several.",
            {"Protesters (Kazakhstan)", "Police Forces of Kazakhstan (2019-)"},
        ),
        (
            "Police in Mbabane, Eswatini, fired live ammunition at pro-democracy protesters.",
            {"Protesters (eSwatini)", "Police Forces of eSwatini (1986-)"},
        ),
        (
            "Serbian police detained dozens of protesters in Belgrade on Saturday.",
            {"Protesters (Serbia)", "Police Forces of Serbia (2017-)"},
        ),
        (
            "Gambian police arrested 30 protesters in Banjul on Monday.",
            {"Protesters (Gambia)", "Police Forces of Gambia (2017-)"},
        ),
        (
            "Djiboutian troops clashed with Eritrean forces near Ras Doumeira on Thursday.",
            {"Military Forces of Djibouti (1999-)", "Military Forces of Eritrea (1993-)"},
        ),
    ],
)
def test_forces_and_crowds_of_central_asia_the_balkans_and_small_african_states(
    text: str, expected: set[str]
) -> None:
    # invented
    event = one(text)
    assert {event.actor1, event.actor2} == expected


def test_guinea_bissau_and_equatorial_guinea_are_not_guinea() -> None:
    # invented: the longer names win over the "Guinea" inside them
    assert one("Police in Malabo, Equatorial Guinea, arrested opposition activists.").actor1 == (
        "Police Forces of Equatorial Guinea (1979-)"
    )
    assert "Military Forces of Guinea-Bissau (2020-)" in {
        e.actor1 for e in run("Guinea-Bissau's army killed two gunmen in Bissau on Tuesday.")
    }


@pytest.mark.parametrize(
    ("text", "lang", "force"),
    [
        (
            "Gendarmes shot dead a man who refused to stop at their post in Koudougou, Burkina"
            " Faso.",
            "en",
            "Police Forces of Burkina Faso (2022-)",
        ),
        (
            "Militants attacked the gendarmerie station in Mandoli, Mali, wounding four gendarmes.",
            "en",
            "Police Forces of Mali (2021-)",
        ),
        (
            "Des hommes armés ont attaqué une brigade de gendarmerie à Djibo, au Burkina Faso,"
            " tuant trois gendarmes.",
            "fr",
            "Police Forces of Burkina Faso (2022-)",
        ),
        # where the gendarmerie is a branch of the army
        (
            "Gendarmerie forces clashed with PKK militants in Hakkari, Turkey, on Monday.",
            "en",
            "Military Forces of Turkey (2016-)",
        ),
        (
            "Separatists killed two gendarmes in Bamenda, Cameroon, on Thursday.",
            "en",
            "Military Forces of Cameroon (1982-)",
        ),
    ],
)
def test_a_gendarmerie_is_police_unless_its_country_makes_it_military(
    text: str, lang: str, force: str
) -> None:
    # invented
    event = one(text, lang)
    assert force in {event.actor1, event.actor2}


def test_a_cameroonian_town_names_cameroon() -> None:
    # invented: a town of the West region alone places the gendarme in Cameroon
    event = one(
        "A gendarme shot and killed a taxi driver in Bafoussam on Saturday.",
        published="2021-06-06",
    )
    assert event.actor1 == "Military Forces of Cameroon (1982-)"
