"""Builders for the link-stage tests. Every text here is INVENTED for the tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wartrace.models import ArticleInput, Claim, ExtractedEvent, Geo, TextAnalysis
from wartrace.store import db

PARA = "\n\n"

# An invented English wire story (five paragraphs, the last on a commander's death).
SOURCE_EN = (
    PARA.join(
        [
            "Militants kill 27 soldiers in attack near Deir ez-Zor",
            (
                "BEIRUT - Fighters of the Islamic State group attacked army positions "
                "around the village of Tal Harir, east of Deir ez-Zor, on Saturday "
                "(14/5/2016), killing 27 soldiers, the Syrian Observatory for Human "
                "Rights said."
            ),
            (
                "The Observatory said the assault began at dawn with two car bombs near "
                "the Brigade 137 base and was followed by clashes that lasted eleven "
                "hours."
            ),
            (
                '"We lost contact with the northern posts at six in the morning," a '
                "military source told the Kafr Sousa news desk, adding that 14 more "
                "soldiers were wounded."
            ),
            (
                "Observatory director Rami Abdulrahman said that the group had brought "
                "reinforcements from Mayadeen and Albukamal during the night before the "
                "attack."
            ),
            (
                "The commander of the Brigade 137 garrison, Colonel Ridwan Mu'ayyad, was "
                "among those killed, according to the Observatory, which said his body "
                "was recovered on Sunday."
            ),
        ]
    )
    + "\n"
)

# Its invented Indonesian translation, without the paragraph on the colonel's death.
TRANSLATION_ID = (
    PARA.join(
        [
            "Militan Tewaskan 27 Tentara dalam Serangan di Dekat Deir Al-Zor",
            (
                "BEIRUT - Para pejuang kelompok Islamic State menyerang posisi tentara di"
                " sekitar desa Tal Harir, sebelah timur Deir Al-Zor, pada hari Sabtu "
                "(14/5/2016), menewaskan 27 tentara, kata Observatorium Suriah untuk Hak "
                "Asasi Manusia."
            ),
            (
                "Observatorium mengatakan serangan dimulai saat fajar dengan dua bom "
                "mobil di dekat pangkalan Brigade 137 dan diikuti bentrokan yang "
                "berlangsung sebelas jam."
            ),
            (
                '"Kami kehilangan kontak dengan pos-pos utara pada pukul enam pagi," kata'
                " sumber militer kepada meja berita Kafr Sousa, seraya menambahkan 14 "
                "tentara lainnya terluka."
            ),
            (
                "Direktur Observatorium Rami Abdulrahman mengatakan kelompok itu "
                "mendatangkan bala bantuan dari Mayadeen dan Albukamal pada malam sebelum"
                " serangan."
            ),
            "Penerjemah: redaksi. Sumber: Wire Agency (an/WA)",
        ]
    )
    + "\n"
)

# An invented independent report of the same incident, other wording and figures.
INDEPENDENT_EN = (
    PARA.join(
        [
            "Heavy fighting east of Deir ez-Zor",
            (
                "DAMASCUS - State television said on Sunday that the army repelled an "
                "assault on its lines near Tal Harir and that dozens of attackers died."
            ),
            (
                "A local activist, Omar Haddad, told our correspondent that at least 30 "
                "soldiers had been killed since Saturday and that the road to the airport"
                " was closed."
            ),
            (
                "The governor of the province, Fadi Saqr, urged residents to stay indoors"
                " while engineers cleared mines from the eastern districts."
            ),
        ]
    )
    + "\n"
)

# An invented story on an unrelated incident, sharing some common figures.
UNRELATED_EN = (
    PARA.join(
        [
            "Flooding closes roads in northern province",
            (
                "ALEPPO - Heavy rain on Saturday flooded 27 villages in the north, "
                "officials in Azaz said, and 14 families were moved to schools."
            ),
            (
                "Engineers from Manbij repaired the bridge over the Sajur river by "
                "Monday, the provincial council reported."
            ),
        ]
    )
    + "\n"
)


def edited_copy(text: str) -> str:
    """A same-language rewrite: new headline and intro, one paragraph dropped."""
    paragraphs = text.split("\n\n")
    kept = [paragraphs[1], paragraphs[2], paragraphs[4], paragraphs[5]]
    return "BREAKING: Dozens killed in Deir ez-Zor attack\n\n" + "\n\n".join(kept) + "\n"


def connect(tmp_path: Path) -> sqlite3.Connection:
    return db.connect(tmp_path / "link.db")


def add_article(
    conn: sqlite3.Connection,
    article_id: str,
    text: str,
    language: str,
    published: str | None = None,
    outlet: str | None = None,
    credit: str | None = None,
    events: list[ExtractedEvent] | None = None,
) -> None:
    db.store_articles(
        conn,
        [
            ArticleInput(
                article_id=article_id,
                text=text,
                source="test",
                source_format="txt",
                outlet=outlet,
                published=published,
            )
        ],
    )
    analysis = TextAnalysis(clean_text=text, language=language, credit=credit)
    db.save_processed(conn, article_id, analysis, events or [])


def event(
    date: str | None,
    place: str | None,
    lat: float | None = None,
    lon: float | None = None,
    precision: int | None = 1,
    event_type: str | None = "Battles",
    claims: list[Claim] | None = None,
    admin1: str | None = "Deir ez-Zor",
) -> ExtractedEvent:
    return ExtractedEvent(
        event_date=date,
        time_precision=1 if date else None,
        event_type=event_type,
        actor1="Islamic State",
        actor2="Military Forces of Syria",
        geo=Geo(
            country="SY",
            admin1=admin1,
            location=place,
            latitude=lat,
            longitude=lon,
            geo_precision=precision if place else 3,
        ),
        claims=claims or [],
    )


def killed(value: int, claimant: str | None = None, victims: str | None = None) -> Claim:
    return Claim(
        value=value,
        qualifier="exact",
        kind="killed",
        start=0,
        end=1,
        claimant=claimant,
        victims=victims,
    )
