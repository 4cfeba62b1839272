"""Undeclared encodings are decoded with a bias to what news sites use (UTF-8, cp1252 /
Latin-1, Windows-1256, Windows-1251) and a guess leaves a warning on the article.
All sentences invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from wartrace import pipeline
from wartrace.ingest.decode import decode_guessing
from wartrace.store import db, export

# invented
LATIN = {
    "fr": "Le maire a déclaré « à bientôt » au Señor Pérez, à Paris, après l'attaque.",
    "short": "« à Señor",
    "de": "Die Soldaten schossen auf Demonstranten in Köln; drei Männer wurden verletzt.",
    "es": "Los militares atacaron el puesto de control en Jalapa el miércoles, según la ONU.",
    "pt": "Três soldados morreram num ataque à base de Quelimane, disse o porta-voz.",
}
CP1252_ONLY = "Les forces ont tué 12 civils – selon l’ONU, « c’est grave » (5 €)."
ARABIC = "قال مسؤولون إن مسلحين هاجموا نقطة تفتيش للجيش في المدينة يوم السبت وقتلوا ثلاثة جنود."
RUSSIAN = "Боевики атаковали блокпост армии в городе в субботу, погибли трое военных."


@pytest.mark.parametrize("name", sorted(LATIN))
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin_script_text_is_read_as_cp1252(name: str, encoding: str) -> None:
    text = LATIN[name]
    decoded = decode_guessing(text.encode(encoding))
    assert decoded.text == text
    assert decoded.guessed == "cp1252"


def test_cp1252_punctuation_and_euro_sign() -> None:
    decoded = decode_guessing(CP1252_ONLY.encode("cp1252"))
    assert (decoded.text, decoded.guessed) == (CP1252_ONLY, "cp1252")


def test_latin1_with_one_pasted_utf8_character_keeps_both() -> None:
    data = "Le maire a déclaré à Paris".encode("latin-1") + " – ".encode() + b"tr\xe8s bien"
    decoded = decode_guessing(data)
    assert decoded.text == "Le maire a déclaré à Paris – très bien"


def test_arabic_in_windows_1256_and_russian_in_windows_1251() -> None:
    arabic = decode_guessing(ARABIC.encode("cp1256"))
    assert (arabic.text, arabic.guessed) == (ARABIC, "cp1256")
    russian = decode_guessing(RUSSIAN.encode("cp1251"))
    assert (russian.text, russian.guessed) == (RUSSIAN, "cp1251")


def test_utf8_is_never_a_guess() -> None:
    for text in (*LATIN.values(), ARABIC, RUSSIAN):
        decoded = decode_guessing(text.encode("utf-8"))
        assert decoded.text == text and decoded.guessed is None


def test_a_guess_becomes_an_article_warning_that_processing_keeps(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "guessed.txt").write_bytes(LATIN["fr"].encode("latin-1"))
    (inputs / "utf8.txt").write_text(LATIN["de"], encoding="utf-8")
    (inputs / "page.html").write_bytes(
        f"<html><body><article><p>{ARABIC}</p><p>{ARABIC}</p></article></body></html>".encode(
            "cp1256"
        )
    )
    (inputs / "declared.html").write_bytes(
        '<html><head><meta charset="windows-1256"></head><body><article>'
        f"<p>{ARABIC}</p><p>{ARABIC}</p></article></body></html>".encode("cp1256")
    )
    conn = db.connect(tmp_path / "w.db")
    pipeline.ingest(conn, [inputs])
    pipeline.process(conn)
    records = {r["article_id"]: r for r in export.article_records(conn)}
    assert any("guessed as cp1252" in w for w in records["guessed"]["warnings"])
    assert any("guessed as cp1256" in w for w in records["page"]["warnings"])
    assert not any("guessed" in w for w in records["utf8"]["warnings"])
    assert not any("guessed" in w for w in records["declared"]["warnings"])
    assert db.load_article(conn, "guessed")["raw_text"] == LATIN["fr"]
    assert ARABIC in db.load_article(conn, "page")["raw_text"]
