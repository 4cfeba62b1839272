"""Boilerplate removal. Every example sentence here is invented for the tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wartrace.text import analyse_text, line_keys
from wartrace.text.boilerplate import rule_for_line
from wartrace.text.resources import knowledge

# Invented article sentences that must survive, in English and Indonesian.
REAL_SENTENCES = [
    "Gunmen attacked a checkpoint near the river crossing on Tuesday, killing four guards.",
    "Share prices fell sharply after the militia seized the oil field, traders said.",
    "Read the statement below, the spokesman told reporters before the briefing ended.",
    "Follow-up raids were carried out in three villages, according to the governor.",
    "The copyright dispute over the broadcast footage has not been settled.",
    "Advertisements for army recruits appeared across the province last month.",
    "Tags on the recovered weapons showed they came from a looted depot.",
    "Pria bersenjata menyerang pos pemeriksaan di dekat jembatan, menewaskan empat penjaga.",
    "Baca laporan lengkap itu, kata juru bicara militer kepada wartawan di ibu kota.",
    "Bagikan bantuan makanan kepada pengungsi dilakukan oleh relawan pada Selasa pagi.",
    "Komentar pejabat itu memicu protes di beberapa kota pada akhir pekan lalu.",
    "Polisi mengatakan 12 orang tewas dan 30 lainnya luka-luka dalam ledakan itu.",
    "Home to about 20,000 people, the town was shelled for the third day running.",
    "Copyright lawsuits against the militia's media wing were dropped.",
    "The army released a file photo.",
    "Ilustrasi itu menunjukkan pasukan yang bergerak ke arah utara kota.",
    "Comments by the minister angered families of the victims.",
    "Related attacks were reported in two other districts.",
    "Tentara Suriah. Pasukan pemerintah merebut kembali desa itu setelah bentrokan sengit.",
]

# (rule, invented boilerplate line): in English and Indonesian where the rule is per language
BOILERPLATE = [
    ("comment_prompt", "Leave a comment"),
    ("comment_prompt", "Tulis komentar"),
    ("comment_prompt", "0 komentar:"),
    ("comment_prompt", "Your email address will not be published. Required fields are marked *"),
    ("captcha", "five × 5 ="),
    ("captcha", "3 + 4 ="),
    ("captcha", "nine - two = "),
    ("share_prompt", "Share this:"),
    ("share_prompt", "Bagikan"),
    ("share_prompt", "Bagikan artikel ini"),
    ("follow_prompt", "Follow us on Twitter"),
    ("follow_prompt", "For breaking updates from the region, follow us on Telegram :"),
    ("follow_prompt", "Ikuti kami di Instagram dan TikTok"),
    ("view_counter", "7.597 views"),
    ("view_counter", "dibaca 1.234 kali"),
    ("view_counter", "Dilihat: 905"),
    ("short_link", "Short link :"),
    ("short_link", "  • Short link : https://example.org/x1"),
    ("spread_prompt", "Sebarkan informasi ini, semoga bermanfaat bagi kita semua!"),
    ("nav_bar", "Home | Redaksi | Kontak | Pedoman Media Siber"),
    ("nav_bar", "News | World | Business | Sport"),
    ("advertisement", "Advertisement"),
    ("advertisement", "Iklan"),
    ("advertisement", "SCROLL TO CONTINUE WITH CONTENT"),
    ("copyright", "Copyright © 2024 Example Daily. All rights reserved."),
    ("copyright", "Hak cipta dilindungi undang-undang."),
    ("read_more", "Baca juga: Banjir Rendam Ratusan Rumah di Pesisir"),
    ("read_more", "Read more: Ceasefire talks stall in the capital"),
    ("read_more", "BACA JUGA"),
    ("tags", "Tags: conflict, ambush, northern region"),
    ("tags", "Topik: serangan, perbatasan"),
    ("nav_words", "HOME NEWS WORLD"),
    ("nav_words", "Beranda Berita Internasional"),
    ("nav_words", "Back to top"),
    ("share_buttons", "Facebook Twitter WhatsApp"),
    ("no_letters", "1 2 3 »"),
    ("letters_only", "A A A"),
    (
        "code",
        "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
    ),
    ("timestamp", "2 hours ago"),
    ("timestamp", "3 jam yang lalu"),
    ("caption", "Soldiers patrol a market street. (Photo: Example Agency)"),
    ("caption", "Warga melihat puing bangunan. (Foto: Dokumentasi Warga)"),
    ("caption", "Fighters gather near the front line. File photo"),
    ("caption", "Ilustrasi pasukan (Contohberita.com/Fotografer)"),
    ("copyright", "Copyright 2025 Example Media Group"),
]


@pytest.mark.parametrize(("rule", "line"), BOILERPLATE)
def test_rule_removes_boilerplate_line(rule: str, line: str) -> None:
    assert rule_for_line(line, knowledge()) == rule


@pytest.mark.parametrize("sentence", REAL_SENTENCES)
def test_real_sentence_is_never_removed(sentence: str) -> None:
    assert rule_for_line(sentence, knowledge()) is None
    text = f"Headline Of An Invented Story\n{sentence}\nLeave a comment\n"
    result = analyse_text(
        text, url=None, outlet=None, published=None, title=None, recurring_lines=set()
    )
    assert sentence in result.clean_text


def _analyse(text: str, recurring: set[str] | None = None):  # type: ignore[no-untyped-def]
    return analyse_text(
        text, url=None, outlet=None, published=None, title=None, recurring_lines=recurring or set()
    )


def test_clean_text_blanks_only_boilerplate_and_keeps_offsets() -> None:
    text = (
        "Home | Redaksi | Kontak | Indeks\n"
        "Pasukan Gabungan Rebut Kembali Pos Perbatasan\n"
        "KOTA CONTOH - Pasukan gabungan merebut kembali sebuah pos perbatasan pada Senin "
        "setelah bentrokan yang menewaskan tujuh orang, kata pejabat setempat.\n"
        "Sebarkan informasi ini, semoga bermanfaat!\n"
        "Tulis komentar\n"
        "2 + 6 =\n"
    )
    result = _analyse(text)
    assert len(result.clean_text) == len(text)
    assert result.clean_text.count("\n") == text.count("\n")
    assert "menewaskan tujuh orang" in result.clean_text
    assert "Redaksi" not in result.clean_text
    assert "Sebarkan" not in result.clean_text and "2 + 6" not in result.clean_text
    rules = {s.label for s in result.boilerplate}
    assert {"nav_bar", "spread_prompt", "comment_prompt", "captcha"} <= rules
    for span in result.boilerplate:
        assert result.clean_text[span.start : span.end].strip() == ""


def test_footer_zone_removes_trailing_teasers_but_keeps_sentences() -> None:
    body = " ".join(["Kalimat berita yang panjang tentang serangan di perbatasan itu."] * 6)
    text = (
        f"{body}\n{body}\nArtikel Terkait\nDua Desa Diserang Kelompok Bersenjata\n"
        "Seorang pejabat daerah mengatakan kepada wartawan bahwa keadaan di wilayah itu sudah "
        "kembali tenang sejak pagi.\n"
    )
    result = _analyse(text)
    assert "Dua Desa Diserang" not in result.clean_text
    assert "sudah kembali tenang sejak pagi." in result.clean_text


def test_footer_marker_near_the_top_does_not_open_a_footer() -> None:
    text = (
        "3 comments\nRebels Seize Hilltop Outpost\nSubheading Without Punctuation\n"
        + "Rebels seized a hilltop outpost overnight, the army said in a statement. " * 8
    )
    result = _analyse(text)
    assert "Subheading Without Punctuation" in result.clean_text


def test_learned_outlet_lines_are_removed() -> None:
    text = (
        "Example Daily — your window on the region\n"
        "Militants ambushed a supply convoy on the desert road, killing five drivers.\n"
    )
    recurring = line_keys("Example Daily — your window on the region")
    result = _analyse(text, recurring)
    assert "your window" not in result.clean_text
    assert "killing five drivers" in result.clean_text
    assert any(s.label == "outlet_recurring" for s in result.boilerplate)


def test_learned_lines_cannot_erase_most_of_an_article() -> None:
    text = "Militants ambushed a convoy.\nFive drivers were killed on the road.\n"
    result = _analyse(text, line_keys(text))  # an outlet that published this three times
    assert "Five drivers were killed" in result.clean_text
    assert any("outlet boilerplate ignored" in w for w in result.warnings)


def test_empty_and_bad_input() -> None:
    assert _analyse("").warnings == ["empty text"]
    assert _analyse("   \n ").clean_text == "   \n "
    with pytest.raises(TypeError, match="expects str"):
        analyse_text(
            None,  # type: ignore[arg-type]
            url=None,
            outlet=None,
            published=None,
            title=None,
            recurring_lines=set(),
        )


def test_non_text_metadata_is_ignored_with_a_warning() -> None:
    result = analyse_text(
        "Police Post Attacked\nGunmen attacked a police post on Friday, officials said.\n",
        url=3.5,  # type: ignore[arg-type]
        outlet=["x"],  # type: ignore[arg-type]
        published=None,
        title=None,
        recurring_lines=set(),
    )
    assert result.language == "en"
    assert any("metadata url ignored" in w for w in result.warnings)
    assert any("metadata outlet ignored" in w for w in result.warnings)


_ALPHABET = st.sampled_from(
    [*"abcXYZ019 .,:|+=×-–()/\n\t\r", "é", "ق", "ك", "\u00a0", "©", "Share this:", "Baca"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_clean_text_length_invariant(text: str) -> None:
    result = _analyse(text)
    assert len(result.clean_text) == len(text)
    for raw_ch, clean_ch in zip(text, result.clean_text, strict=True):
        assert clean_ch == raw_ch or (clean_ch == " " and raw_ch != "\n")
    for span in result.boilerplate + result.spans:
        assert 0 <= span.start <= span.end <= len(text)
