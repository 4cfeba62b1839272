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


def test_a_line_of_exactly_the_longest_length_keeps_its_key() -> None:
    assert line_key(" ".join(["w"] * 25)) is not None  # 49 characters, 25 words
    assert line_key(" ".join(["w"] * 26)) is None
    assert line_key(" ".join(["alpha"] * 25)) is not None
    assert line_key(" ".join(["alpha"] * 26)) is None


def test_width_and_compatibility_forms_key_like_their_plain_forms() -> None:
    assert line_key("\uff33\uff28\uff21\uff32\uff25 THIS") == line_key("share this")
    assert line_key("\ufb01ve  stars\u00a0today") == line_key("five stars today")
    assert line_key("StraSSe 4") == line_key("strasse 9")  # short: digits masked


def test_a_repeated_line_gives_one_key() -> None:
    text = "Follow us on Example\nFirst paragraph of the invented story here.\nFollow us on Example"
    assert line_keys(text) == {line_key("Follow us on Example"), line_key(text.split("\n")[1])}


def test_outlet_key_prefers_metadata_then_host_then_text() -> None:
    text = "DAMASKUS, SURIAH (Contoh-Berita.com) - Isi berita yang cukup panjang untuk diuji."
    assert outlet_key(text, "https://www.example.org/a/1", "  Example  Daily ") == "example daily"
    assert outlet_key(text, "https://www.example.org/a/1", None) == "example.org"
    assert outlet_key(text, None, None) == "contoh-berita.com"
    assert outlet_key("No outlet named here at all.", None, None) is None
    assert outlet_key("", "http://", None) is None
    assert outlet_key("", "https://m.Example.org/x", "") == "m.example.org"
