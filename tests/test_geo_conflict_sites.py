"""Conflict sites GeoNames' cities500 lacks, curated in the supplement with their sources:
East Jerusalem's neighbourhoods (coded West Bank, Palestine, as ACLED codes East Jerusalem),
Gaza's camps and neighbourhoods, south Lebanon and Beirut's southern suburbs, Darfur's
displacement camps, Port-au-Prince's communes, front towns of the Kivus, the Sahel and Kursk,
the Palestinian camps of Lebanon and the quarters of both Tripolis.
Every sentence is invented."""

from __future__ import annotations

import pytest

from geo_helpers import geocode_as_event as _geocode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Settlers attacked Palestinian families in Sheikh Jarrah.", ("PS", "West Bank")),
        ("Israeli police arrested four youths in Issawiya overnight.", ("PS", "West Bank")),
        ("Police raided homes in the Silwan neighbourhood of East Jerusalem.", ("PS", "West Bank")),
        ("An Israeli strike hit tents in al-Mawasi, west of Khan Younis.", ("PS", "Gaza Strip")),
        ("Tanks pushed into Shujaiya on Tuesday.", ("PS", "Gaza Strip")),
        ("An Israeli drone strike hit a house in Khiam.", ("LB", "Nabatiye")),
        ("Israeli jets struck a building in Dahiyeh.", ("LB", "Mount Lebanon")),
        ("Shells hit the Zamzam camp south of El Fasher, killing nine.", ("SD", "North Darfur")),
        # the kind word alone says the name is a place ("the Zamzam camp")
        ("Shells hit the Zamzam camp on Tuesday, killing nine.", ("SD", "North Darfur")),
        ("Gangs torched houses in Cite Soleil on Sunday.", ("HT", "Ouest")),
        ("Rebels of the M23 entered Minova on Tuesday.", ("CD", "Sud-Kivu")),
        ("Ukrainian troops shelled Sudzha, in Russia's Kursk region.", ("RU", "Kursk")),
    ],
)
def test_a_curated_conflict_site_is_placed_in_its_province(
    text: str, expected: tuple[str, str]
) -> None:
    g = _geocode(text)
    assert (g.country, g.admin1) == expected
    assert g.geo_precision == 1


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Gunmen traded fire in Tripoli's Bab al-Tabbaneh on Sunday.", "LB"),
        ("Clashes in Tripoli between gunmen of Jabal Mohsen and Bab al-Tabbaneh killed two.", "LB"),
        ("Militias clashed in Tripoli's Abu Salim district overnight.", "LY"),
        ("Rockets hit Mitiga airport in Tripoli.", "LY"),
    ],
)
def test_a_curated_neighbourhood_tells_which_tripoli(text: str, country: str) -> None:
    # invented: Tripoli is Lebanon's and Libya's; a neighbourhood of one of them decides
    assert _geocode(text).country == country
