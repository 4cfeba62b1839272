"""A text that names the other's outlet as its source: looser renderings count as derived.
Every text here is INVENTED."""

from __future__ import annotations

from pathlib import Path

from test_link_derive import derived
from test_link_support import SOURCE_EN, UNRELATED_EN, add_article, connect
from wartrace.link import link_all
from wartrace.link.orient import credits_other

# An invented loose Indonesian summary of SOURCE_EN: the lead and the toll, little else.
SUMMARY_ID = (
    "Damaskus - Puluhan tentara tewas dalam serangan kelompok militan di desa Tal Harir,"
    " dekat Deir Al-Zor, pada Sabtu (14/5/2016), menewaskan 27 tentara.\n\n"
    '{credit}"kami kehilangan kontak dengan pos-pos utara," kata sumber militer kepada Kafr'
    " Sousa. Empat belas tentara lainnya terluka.\n\n"
    "Perang saudara di Suriah sejak 2011 telah menewaskan lebih dari 500.000 orang menurut"
    " PBB. Pasukan Presiden Bashar al-Assad didukung oleh Moskow, Teheran dan milisi"
    " Hizbullah dari Lebanon, sedangkan Washington dan Ankara mendukung kelompok oposisi."
    "\n\nSebelumnya, serangan serupa terjadi di Palmyra, Sukhnah dan Raqqa pada Maret 2016,"
    " ketika 42 tentara dan 17 anggota milisi Pasukan Pertahanan Nasional tewas."
    " (Tim Redaksi)\n"
)


def _link_summary(tmp_path: Path, credit: str) -> tuple[str | None, str | None]:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en", published="2016-05-14", outlet="Kafr Wire")
    for k in range(3):  # other stories, so that names have a document frequency
        add_article(conn, f"other{k}", UNRELATED_EN, "en", published="2016-05-14")
    add_article(
        conn,
        "sum",
        SUMMARY_ID.format(credit=credit),
        "id",
        published="2016-05-15",
        outlet="Harian Contoh",
    )
    link_all(conn)
    return derived(conn, "sum")


def test_a_loose_translation_that_credits_its_source_outlet_is_derived(tmp_path: Path) -> None:
    found = _link_summary(tmp_path, "Sebagaimana diberitakan Kafr Wire pada Minggu, ")
    assert found == ("src", "translation")


def test_the_same_loose_rendering_without_a_credit_is_not_derived(tmp_path: Path) -> None:
    assert _link_summary(tmp_path, "Menurut laporan, ") == (None, None)


def test_a_picture_credit_is_not_a_source_credit(tmp_path: Path) -> None:
    assert _link_summary(tmp_path, "(Foto: dok. Kafr Wire) Menurut laporan, ") == (None, None)


def test_credits_other_ignores_own_outlet_and_picture_credits() -> None:
    assert credits_other("As reported by Kafr Wire on Sunday", ("harian",), ("kafr wire",))
    assert credits_other("kata seorang saksi kepada Kafr Wire", ("harian",), ("kafr wire",))
    assert not credits_other("Photo: Kafr Wire", ("harian",), ("kafr wire",))
    assert not credits_other("Foto/KAFR WIRE", ("harian",), ("kafr wire",))
    # Its own outlet named in its own text says nothing about the other.
    assert not credits_other("(c) Kafr Wire 2016", ("kafr wire",), ("kafr wire",))
    assert not credits_other("Kafr Wirestone reported", ("harian",), ("kafr wire",))
