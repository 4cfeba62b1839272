"""Decoding rules and metadata normalisation of the ingest stage (invented text only)."""

from __future__ import annotations

import codecs

import pytest

from wartrace.ingest import InputRejected, decode_text, normalise_date
from wartrace.ingest.common import meta_str, url_id
from wartrace.ingest.html import declared_charset, decode_html

INVENTED = "Gunmen attacked the invented town of Orvalle on Friday, residents said.\r\n"


def test_utf8_is_kept_exactly() -> None:
    text = "  Café owners in Orvalle counted 3 dead.\r\n\r\nTrailing spaces stay.  \n"
    assert decode_text(text.encode("utf-8")) == text


def test_utf8_bom_is_removed() -> None:
    assert decode_text(codecs.BOM_UTF8 + INVENTED.encode()) == INVENTED


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    assert decode_text(INVENTED.encode(encoding)) == INVENTED


def test_legacy_encoding_is_detected() -> None:
    text = (
        "Les habitants du village inventé de Sérac ont signalé des tirs près de l'école. "
        "Le préfet a déclaré que les forces de sécurité étaient arrivées très tôt le matin. "
    ) * 4
    assert decode_text(text.encode("cp1252")) == text


def test_mostly_utf8_with_stray_cp1252_bytes_keeps_the_utf8() -> None:
    good = "The mayor of Dûrenk said “three” people died; the café was closed. "
    data = good.encode("utf-8") * 3 + b"Quoted \x93late\x94 figures differ."
    text = decode_text(data)
    assert text.startswith(good * 3)
    assert text.endswith("Quoted \u201clate\u201d figures differ.")


def test_hostile_markup_in_text_is_just_text() -> None:
    text = "<script>alert('x')</script> Invented text about a raid.\n"
    assert decode_text(text.encode()) == text


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", "\u3000 \n".encode()])
def test_empty_is_rejected(data: bytes) -> None:
    with pytest.raises(InputRejected, match="empty"):
        decode_text(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        bytes(range(1, 32)) * 40,
    ],
)
def test_binary_is_rejected(data: bytes) -> None:
    with pytest.raises(InputRejected, match="binary"):
        decode_text(data)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-07-14", "2019-07-14"),
        ("2019-07-14T23:30:00+07:00", "2019-07-14"),
        ("2019-07-14T18:45:00Z", "2019-07-14"),
        ("2019-07-14 08:00", "2019-07-14"),
        (" 2019-07-14 ", "2019-07-14"),
        ("2019-02-30", None),
        ("14/07/2019", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20190714, None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_meta_str() -> None:
    assert meta_str("  Harbour Ledger ") == "Harbour Ledger"
    assert meta_str("   ") is None
    assert meta_str(42) == "42"
    assert meta_str(True) is None
    assert meta_str(["x"]) is None


def test_url_id_is_stable_and_short() -> None:
    first = url_id("https://news.example/a?id=1")
    assert first == url_id("https://news.example/a?id=1")
    assert first != url_id("https://news.example/a?id=2")
    assert first.startswith("url-") and len(first) == 20


def test_html_charset_declarations() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body>Café</body></html>'
    data = page.encode("cp1252")
    assert declared_charset(data) == "windows-1252"
    assert decode_html(data) == page
    xml = (
        b'<?xml version="1.0" encoding="ISO-8859-7"?><html><body>\xc1\xe8\xde\xed\xe1</body></html>'
    )
    assert declared_charset(xml) == "ISO-8859-7"
    assert "Αθήνα" in decode_html(xml)
    # latin-1 labels are read as windows-1252, as browsers do
    quoted = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">\x93q\x94'
    assert decode_html(quoted).endswith("\u201cq\u201d")
    # an HTTP charset wins over detection; a wrong or unknown declaration falls back
    assert decode_html("<p>Café</p>".encode(), http_charset="bogus-charset") == "<p>Café</p>"
    assert decode_html("<p>Café</p>".encode(), http_charset="utf-8") == "<p>Café</p>"
