"""Line keys and outlet keys for per-outlet learned boilerplate (invented examples)."""

from __future__ import annotations

from wartrace.text import line_keys, outlet_key
from wartrace.text.lines import line_key, normalise_line


def test_keys_ignore_case_whitespace_and_view_counts() -> None:
    assert line_key("7.597 views") == line_key("  12.003   VIEWS ")
    assert line_key("Example Daily | Your Window") == line_key("example daily |  your window")


def test_real_sentences_do_not_collide() -> None:
    a = "Militants killed 23 soldiers in an ambush on the desert road, the monitor said."
    b = "Militants killed 33 soldiers in an ambush on the desert road, the monitor said."
    assert line_key(a) != line_key(b)
    assert normalise_line("Tentara tewas") != normalise_line("Polisi tewas")


def test_trivial_and_long_lines_have_no_key() -> None:
    assert line_key("") is None and line_key("  --- ") is None and line_key("2023") is None
    long_line = " ".join(["word"] * 40)
    assert line_key(long_line) is None
    keys = line_keys("Header Line\n\n---\nAnother header\n" + long_line)
    assert keys == {line_key("Header Line"), line_key("Another header")}


def test_outlet_key_prefers_metadata_then_host_then_text() -> None:
    text = "DAMASKUS, SURIAH (Contoh-Berita.com) - Isi berita yang cukup panjang untuk diuji."
    assert outlet_key(text, "https://www.example.org/a/1", "  Example  Daily ") == "example daily"
    assert outlet_key(text, "https://www.example.org/a/1", None) == "example.org"
    assert outlet_key(text, None, None) == "contoh-berita.com"
    assert outlet_key("No outlet named here at all.", None, None) is None
    assert outlet_key("", "http://", None) is None
    assert outlet_key("", "https://m.Example.org/x", "") == "m.example.org"
