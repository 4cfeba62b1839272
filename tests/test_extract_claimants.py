"""Who gave a figure, by the kind of sentence that says so (en, id). Sentences are invented."""

from __future__ import annotations

import pytest

from typing_helpers import run
from wartrace.extract.casualties import sentence_claims
from wartrace.extract.claimants import find_claimant
from wartrace.extract.quotes import continued_quotes
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import split_sentences
from wartrace.models import Claim


def claimant(text: str, lang: str) -> str | None:
    data = load_language(lang)
    assert data is not None
    (sent,) = split_sentences(text, lang)
    return find_claimant(sent, data)


def killed(text: str, lang: str) -> list[Claim]:
    return [c for e in run(text, lang) for c in e.claims if c.kind == "killed"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Unverified posts on social media on Thursday claimed that dozens of soldiers died.",
            "en",
        ),
        (
            "Laporan yang belum diverifikasi di media sosial pada Kamis, mengklaim bahwa puluhan "
            "tentara tewas.",
            "id",
        ),
    ],
)
def test_what_follows_claimed_that_is_the_claim_not_its_source(text: str, lang: str) -> None:
    who = claimant(text, lang)
    assert who is None or not who.lower().startswith(("that", "bahwa")), who


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            '"Security forces killed two attackers," the Nusantara News Agency reported, as '
            "quoted by Reuters.",
            "en",
            "Nusantara News Agency",
        ),
        (
            '"Pasukan keamanan menewaskan dua penyerang," Kantor Berita Nusantara melaporkan, '
            "seperti dikutip dari Reuters.",
            "id",
            "Kantor Berita Nusantara",
        ),
        # Alone, the relaying outlet is the source.
        ("Two attackers were killed, as reported by Reuters.", "en", "Reuters"),
        ("Dua penyerang tewas, seperti dikutip dari Reuters.", "id", "Reuters"),
    ],
)
def test_the_speaker_gives_the_figure_the_outlet_only_relays_it(
    text: str, lang: str, who: str
) -> None:
    assert claimant(text, lang) == who


def test_a_listener_after_told_is_not_the_source() -> None:
    text = (
        "Gunmen killed at least 43 farm workers near the town on Saturday, an anti-bandit "
        "militia told AFP.The attackers fled on motorbikes."
    )
    assert claimant(text.split("AFP.")[0] + "AFP.", "en") == "anti-bandit militia"
    data = load_language("en")
    assert data is not None
    (sent, *_) = split_sentences(text, "en")
    assert "attackers" not in (find_claimant(sent, data) or "")


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "Nine soldiers were killed, the Information Ministry yesterday said.",
            "en",
            "Information Ministry",
        ),
        (
            "Kantor berita Bumi, dengan mengutip Hartono awalnya melaporkan sembilan prajurit "
            "tewas.",
            "id",
            "Hartono",
        ),
    ],
)
def test_time_words_and_the_next_verb_are_not_part_of_the_name(
    text: str, lang: str, who: str
) -> None:
    assert claimant(text, lang) == who


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            '"The toll has reached 40," said the head of the Nusantara Monitor, Budi Santoso, on '
            "Thursday.",
            "en",
            "Budi Santoso (Nusantara Monitor)",
        ),
        (
            '"Jumlah korban tewas mencapai 40 orang," kata Ketua Lembaga Pemantau Nusantara, '
            "Budi Santoso, Kamis (26/7).",
            "id",
            "Budi Santoso (Lembaga Pemantau Nusantara)",
        ),
    ],
)
def test_a_title_before_a_named_person_gives_the_person_and_the_body(
    text: str, lang: str, who: str
) -> None:
    assert claimant(text, lang) == who


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "UK-based Nusantara Observatory for Human Rights (NOHR) blamed the rebels for the "
            "attack, saying 37 soldiers died.",
            "en",
            "Nusantara Observatory for Human Rights (NOHR)",
        ),
        (
            "But Hartono was quoted by a local channel in a statement saying teams had recovered "
            "40 bodies.",
            "en",
            "Hartono",
        ),
        (
            "Lembaga Pemantau Nusantara menyalahkan pemberontak atas serangan itu dan mengatakan "
            "37 tentara tewas.",
            "id",
            "Lembaga Pemantau Nusantara",
        ),
    ],
)
def test_a_participle_of_saying_takes_the_sentence_subject(text: str, lang: str, who: str) -> None:
    assert claimant(text, lang) == who


def test_a_pronoun_subject_points_to_the_claimant_named_before() -> None:
    from wartrace.extract.claimants import PREVIOUS

    assert (
        claimant("He blamed the rebels for the attack, saying 37 soldiers died.", "en") == PREVIOUS
    )


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "A car bomb killed 27 people at the market in Baidoa on Wednesday. This was reported "
            "by the Nusantara News Agency.",
            "en",
            "Nusantara News Agency",
        ),
        (
            "Sebuah bom mobil menewaskan 27 orang di pasar Baidoa pada Rabu (2/6/2021). Demikian "
            "menurut laporan kantor berita Nusantara.",
            "id",
            "kantor berita Nusantara",
        ),
        (
            "Serangan itu menewaskan 40 tentara di dekat Mayadeen pada Rabu (2/6/2021). "
            "Pernyataan itu dimuat oleh kantor berita Nusantara.",
            "id",
            "kantor berita Nusantara",
        ),
        (
            "The attack killed 40 soldiers near Mayadeen on Wednesday. The figures were carried "
            "by the Nusantara News Agency.",
            "en",
            "Nusantara News Agency",
        ),
        (
            "Ledakan bom mobil di pasar Baidoa pada Rabu (2/6/2021) menewaskan 58 orang. "
            "Data itu dilansir Kementerian Dalam Negeri pada Jumat malam.",
            "id",
            "Kementerian Dalam Negeri (Ministry of Interior)",
        ),
    ],
)
def test_a_sentence_that_refers_back_attributes_the_figures_before_it(
    text: str, lang: str, who: str
) -> None:
    claims = killed(text, lang)
    assert claims and all(c.claimant == who for c in claims), claims


def test_a_sentence_that_refers_back_keeps_a_figure_its_own_source_gave() -> None:
    text = (
        "A car bomb killed 27 people at the market in Baidoa on Wednesday, police said. "
        "This was reported by the Nusantara News Agency."
    )
    assert [c.claimant for c in killed(text, "en")] == ["police"]


def test_a_description_resolves_to_the_listed_monitor_not_to_an_armed_group() -> None:
    text = (
        "Serangan bom bunuh diri mengguncang Sweida, Suriah, pada Rabu (2/6/2021). "
        '"Jumlah korban tewas sekarang mencapai 46 orang," kata Ketua Observatorium Hak Asasi '
        "Manusia Suriah, Budi Santoso, Kamis (3/6/2021). ISIS mengklaim bertanggung jawab atas "
        "serangan bom di Sweida itu. Observatorium menyatakan setidaknya 15 anggota ISIS ikut "
        "tewas dalam serangan itu."
    )
    claims = {c.value: c.claimant for c in killed(text, "id")}
    assert claims.get(46) == "Budi Santoso (Syrian Observatory for Human Rights)"
    assert claims.get(15) == "Syrian Observatory for Human Rights", claims


def test_sentence_claims_still_take_the_found_claimant() -> None:
    data = load_language("en")
    assert data is not None
    (sent,) = split_sentences("Twelve soldiers were killed, the monitor said.", "en")
    (claim,) = sentence_claims(sent, data, find_claimant(sent, data))
    assert claim.claimant == "monitor"


def test_the_monitor_is_the_monitor_named_elsewhere_not_an_agency_cited_more_often() -> None:
    text = (
        "Islamic State fighters attacked an army bus near Mayadeen on Saturday, killing 33 "
        "soldiers, a monitor said on Monday. The ambush was the deadliest this year, according "
        "to the Syrian Observatory for Human Rights. IS later claimed the attack, according to a "
        "statement from its Amaq news agency. The group named the fighters in another statement "
        "from its Amaq news agency."
    )
    claims = {c.value: c.claimant for c in killed(text, "en")}
    assert claims.get(33) == "Syrian Observatory for Human Rights", claims


def test_a_speaker_named_before_the_participle_gives_the_figure() -> None:
    text = (
        "Gunmen killed at least 12 herders near the town on Saturday, a local official told "
        "reporters, saying the attackers came on motorbikes."
    )
    assert claimant(text, "en") == "local official"


@pytest.mark.parametrize(
    ("text", "lang", "channel"),
    [
        (
            "Islamic State fighters ambushed a convoy near Palmyra on Friday. IS claimed the "
            "attack through its Amaq propaganda agency. The jihadist group said it killed 14 "
            "soldiers.",
            "en",
            "Amaq",
        ),
        (
            "ISIS menyerang konvoi tentara di dekat Palmyra pada Jumat. ISIS, lewat kantor berita "
            "Amaq, mengklaim telah membunuh 12 tentara.",
            "id",
            "Amaq",
        ),
        (
            "ISIS menyerang konvoi tentara di dekat Palmyra pada Jumat. ISIS mengaku bertanggung "
            "jawab melalui agensi propaganda Amaq. Kelompok jihadis itu mengklaim telah membunuh "
            "12 tentara.",
            "id",
            "Amaq",
        ),
    ],
)
def test_an_armed_groups_claim_is_the_channel_it_speaks_through(
    text: str, lang: str, channel: str
) -> None:
    claims = killed(text, lang)
    assert claims and all(c.claimant and channel in c.claimant for c in claims), claims


def test_an_armed_group_description_without_a_channel_stays_as_written() -> None:
    text = (
        "Militants ambushed a convoy near Palmyra on Friday, the Syrian Observatory for Human "
        "Rights said. The militant group said it killed 14 soldiers."
    )
    claims = {c.value: c.claimant for c in killed(text, "en")}
    assert claims.get(14) == "militant group", claims


def test_according_to_him_is_the_speaker_named_before() -> None:
    text = (
        "Sebuah bom mobil meledak di pasar di Gao pada Selasa. Angka itu disampaikan oleh seorang "
        "dokter di Gao. Menurut dia, 11 orang tewas dalam serangan itu."
    )
    assert [c.claimant for c in killed(text, "id")] == ["seorang dokter"]


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (
            "Sebuah bom mobil meledak di pasar di Gao pada Selasa. Kementerian Pertahanan Mali "
            "mengatakan 8 tentara tewas dalam serangan itu.",
            "Ministry of Defence",
        ),
        (
            "Korban tewas bom truk di Kismayo naik menjadi 40 orang, menurut Kementerian Keamanan "
            "Dalam Negeri Somalia.",
            "Ministry of Internal Security",
        ),
    ],
)
def test_a_ministry_named_in_indonesian_carries_its_english_name(text: str, english: str) -> None:
    (claim,) = killed(text, "id")
    assert claim.claimant and claim.claimant.endswith(f"({english})"), claim


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Gunmen killed 12 soldiers near Palmyra, the Syrian Observatory for Human Rights "
            "(SOHR) war monitor said on Friday.",
            "en",
        ),
        (
            "Setidaknya 12 tentara tewas ketika pos mereka diserang di dekat Palmyra, "
            "Observatorium Suriah untuk Hak Asasi Manusia (SOHR) monitor perang mengatakan pada "
            "hari Jumat.",
            "id",
        ),
    ],
)
def test_a_description_after_the_acronym_leaves_the_name_as_the_source(
    text: str, lang: str
) -> None:
    who = claimant(text, lang)
    assert who is not None and who.endswith("(SOHR)"), who


def test_it_said_is_the_body_named_before_not_the_source_it_cited() -> None:
    text = (
        "At least 40 soldiers were killed in an air strike near Mayadeen on Saturday, the Syrian "
        "Observatory for Human Rights said, citing a source at the base. The source at the base "
        "said the strike opened the way for an assault. It said earlier that only 25 soldiers "
        "had been killed."
    )
    claims = {c.value: c.claimant for c in killed(text, "en")}
    assert claims.get(25) == "Syrian Observatory for Human Rights", claims


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "Twelve soldiers were killed in clashes with militants near Qaryat Dalin.\n\n"
            "The Observatory reported on Monday that the fighters stormed an army post and"
            " withdrew at dawn.",
            "en",
            "Observatory",
        ),
        (
            "Dua belas tentara tewas dalam bentrokan dengan militan di dekat Desa Qaryat Dalin.\n\n"
            "Observatorium pada Senin melaporkan, para militan menyerbu pos tentara dan mundur"
            " saat fajar.",
            "id",
            "Observatorium",
        ),
    ],
)
def test_an_unattributed_lead_is_credited_in_the_next_sentence(
    text: str, lang: str, who: str
) -> None:
    (claim,) = killed(text, lang)
    assert claim.value == 12 and who in str(claim.claimant)


def test_a_next_sentence_with_its_own_figure_does_not_credit_the_lead() -> None:
    text = (
        "Twelve soldiers were killed in clashes near Qaryat Dalin.\n\n"
        "The Observatory said on Monday that 15 fighters also died in the clashes."
    )
    lead = [c for c in killed(text, "en") if c.value == 12]
    assert lead and lead[0].claimant is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Two herders were killed by a roadside bomb. No group has claimed responsibility.", "en"),
        ("Dua penggembala tewas akibat bom. Tidak ada kelompok yang mengklaim serangan itu.", "id"),
    ],
)
def test_a_denied_subject_names_no_claimant(text: str, lang: str) -> None:
    assert all(c.claimant is None for c in killed(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        ("Tiga petani tewas di ladang, menurut sumber lokal.", "id", "sumber lokal"),
        ("Dua penjaga tewas, kata sumber keamanan kepada wartawan.", "id", "sumber keamanan"),
        ("Three farmers died in the field, according to local sources.", "en", "local sources"),
    ],
)
def test_a_source_noun_heading_a_longer_name_is_kept(text: str, lang: str, who: str) -> None:
    assert claimant(text, lang) == who  # invented


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Sumber mengatakan dua orang tewas.", "id"), ("Sources said two people died.", "en")],
)
def test_a_bare_source_noun_names_nobody(text: str, lang: str) -> None:
    assert claimant(text, lang) is None  # invented


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "Two people died, a relative of the victims told reporters.",
            "en",
            "relative of the victims",
        ),
        (
            "Dua orang meninggal, kata seorang kerabat korban kepada wartawan.",
            "id",
            "seorang kerabat korban",
        ),
    ],
)
def test_relatives_of_the_dead_are_sources(text: str, lang: str, who: str) -> None:
    assert claimant(text, lang) == who  # invented


def test_a_datelines_dash_is_not_part_of_the_speakers_name() -> None:
    text = "KANO (Example Daily) - The Nigerian army said on Monday it had killed four fighters."
    assert claimant(text, "en") == "Nigerian army"  # invented


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "Ten killed in raid on market – local officials, residents",
            "en",
            "local officials, residents",
        ),
        ("Ten killed in raid on market - SOHR", "en", "SOHR"),
        ("Sepuluh tewas dalam serangan di pasar – polisi, saksi", "id", "polisi, saksi"),
    ],
)
def test_a_headline_credits_its_source_after_a_closing_dash(text: str, lang: str, who: str) -> None:
    assert claimant(text, lang) == who  # invented


@pytest.mark.parametrize(
    "text",
    [
        "Ten killed in raid on market – Nigeria",
        "Clashes in the north - army and rebels trade fire",
        "The attack killed five – three soldiers and two civilians.",
    ],
)
def test_a_dash_before_other_words_credits_nobody(text: str) -> None:
    assert claimant(text, "en") is None  # invented


def test_initials_signing_a_text_are_not_a_headline_credit() -> None:
    data = load_language("en")
    assert data is not None
    text = "Ten soldiers were killed near the port (army sources) — JN"
    assert find_claimant(split_sentences(text, "en")[0], data) != "JN"  # invented


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A member of parliament, Musa Bello, who represents the district also confirmed "
            "the attack to reporters.",
            "en",
        ),
        (
            "Anggota parlemen, Musa Bello, yang mewakili distrik itu juga mengonfirmasi "
            "serangan tersebut.",
            "id",
        ),
    ],
)
def test_a_relative_clause_left_open_describes_the_speaker_before_it(text: str, lang: str) -> None:
    assert claimant(text, lang) == "Musa Bello"  # invented


_QUOTE_RUN = (
    "Gunmen kill 12 herders in Example State\n\n"
    "Gunmen attacked a herders' camp on Sunday near the village of Tamaru.\n\n"
    "Local official Musa Bello confirmed the attack to reporters.\n\n"
    "“It was a very sad day for all of us,” he said.\n\n"
    "“The herders were shot in their camp. We have so far buried 12 bodies.”\n"
)


def test_a_quote_run_over_paragraphs_keeps_its_speaker() -> None:
    assert [c.claimant for c in killed(_QUOTE_RUN, "en")] == ["Local official Musa Bello"]


def test_a_quote_after_a_paragraph_without_one_has_no_speaker_carried() -> None:
    text = _QUOTE_RUN.replace("“It was a very sad day for all of us,” he said.", "He left.")
    assert [c.claimant for c in killed(text, "en")] == [None]  # invented


def test_continued_quotes_by_paragraph() -> None:
    said = [
        (0, "Musa Bello confirmed the attack.", "Musa Bello"),
        (1, "“It was sad,” he said.", "Musa Bello"),
        (2, "“We buried 12.", None),
        (2, "More are missing.”", None),
        (3, "The police did not comment.", None),
        (4, "“Nobody came.”", None),
    ]
    assert continued_quotes(said) == {2: "Musa Bello"}  # invented


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "Militants ambush army convoy in the desert\n\n"
            "According to a military source in the town of Qaryat, militants ambushed an army "
            "convoy on Friday near the mountain road.\n\n"
            "As a result of this ambush, at least 12 soldiers were killed.\n",
            "en",
            "military source",
        ),
        (
            "Militan menyergap konvoi tentara di gurun\n\n"
            "Menurut Kantor Berita Nusantara, militan menyergap konvoi tentara pada Jumat di dekat "
            "jalan pegunungan.\n\n"
            "Akibat serangan tersebut, sedikitnya 12 tentara tewas.\n",
            "id",
            "Kantor Berita Nusantara",
        ),
    ],
)
def test_a_sentence_going_on_with_the_account_before_keeps_its_source(
    text: str, lang: str, who: str
) -> None:
    assert [c.claimant for c in killed(text, lang)] == [who]  # invented


def test_a_sentence_not_going_on_with_an_account_takes_no_source_from_it() -> None:
    text = (
        "Militants ambush army convoy in the desert\n\n"
        "According to a military source, militants ambushed an army convoy on Friday.\n\n"
        "Separately, at least 12 soldiers were killed by a roadside bomb in the north.\n"
    )
    assert "military source" not in [c.claimant for c in killed(text, "en")]  # invented
