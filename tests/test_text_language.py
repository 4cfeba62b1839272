"""Language identification. Every sentence and headline here is invented for the tests."""

from __future__ import annotations

import pytest

from wartrace.text import detect_language
from wartrace.text.language import domain_prior, identify, marker_counts

SENTENCES: dict[str, list[str]] = {
    "en": [
        "Gunmen opened fire on a minibus near the market, killing six passengers.",
        "The army said it had repelled an attack on a border post overnight.",
        "Two soldiers were wounded when a roadside bomb hit their patrol.",
        "Residents fled the village after heavy shelling on Tuesday morning.",
        "A local official said the death toll was expected to rise.",
        "Rebels claimed to have captured a hilltop position from government forces.",
        "Police arrested three suspects after the explosion at the bus station.",
        "The militants withdrew from the town before reinforcements arrived.",
        "Aid agencies warned that thousands of families had been displaced.",
        "Witnesses described hearing gunfire for several hours after midnight.",
        "The ministry did not comment on the reported casualties.",
        "Security forces imposed a curfew across the district.",
    ],
    "id": [
        "Pria bersenjata menembaki sebuah minibus di dekat pasar dan menewaskan enam penumpang.",
        "Tentara mengatakan telah memukul mundur serangan terhadap pos perbatasan semalam.",
        "Dua tentara terluka ketika bom pinggir jalan menghantam patroli mereka.",
        "Warga meninggalkan desa itu setelah penembakan hebat pada Selasa pagi.",
        "Seorang pejabat setempat mengatakan jumlah korban diperkirakan bertambah.",
        "Pemberontak mengaku telah merebut posisi di puncak bukit dari pasukan pemerintah.",
        "Polisi menangkap tiga tersangka setelah ledakan di terminal bus kemarin.",
        "Para militan mundur dari kota itu sebelum bala bantuan tiba.",
        "Lembaga bantuan memperingatkan bahwa ribuan keluarga telah mengungsi.",
        "Saksi mata mengatakan mendengar suara tembakan selama beberapa jam.",
        "Kementerian tidak berkomentar soal korban yang dilaporkan karena masih diselidiki.",
        "Aparat keamanan memberlakukan jam malam di seluruh kabupaten.",
    ],
    "ms": [
        "Lelaki bersenjata melepaskan tembakan ke arah van berhampiran pasar, membunuh enam orang.",
        "Tentera berkata pihaknya telah mematahkan serangan ke atas pos sempadan semalam.",
        "Dua askar cedera apabila bom tepi jalan mengenai rondaan mereka.",
        "Penduduk melarikan diri dari kampung itu selepas serangan bedilan hebat pada pagi Selasa.",
        "Seorang pegawai tempatan berkata jumlah kematian dijangka meningkat.",
        "Pemberontak mendakwa telah menawan kedudukan di puncak bukit daripada pasukan kerajaan.",
        "Polis menahan tiga suspek selepas letupan di stesen bas.",
        "Militan berundur dari bandar itu sebelum bantuan tiba.",
        "Agensi bantuan memberi amaran bahawa ribuan keluarga telah kehilangan tempat tinggal.",
        "Saksi berkata mereka mendengar bunyi tembakan selama beberapa jam.",
        "Kementerian tidak mengulas mengenai jumlah mangsa kerana siasatan masih dijalankan.",
        "Pasukan keselamatan mengenakan perintah berkurung di seluruh daerah itu.",
    ],
    "ar": [
        "فتح مسلحون النار على حافلة صغيرة قرب السوق مما أسفر عن مقتل ستة ركاب.",
        "قال الجيش إنه صد هجوما على موقع حدودي خلال الليل.",
        "أصيب جنديان عندما انفجرت عبوة ناسفة بدوريتهما.",
        "فر السكان من القرية بعد قصف عنيف صباح الثلاثاء.",
        "قال مسؤول محلي إن عدد القتلى مرشح للارتفاع.",
        "أعلن المتمردون سيطرتهم على تلة استراتيجية من القوات الحكومية.",
        "اعتقلت الشرطة ثلاثة مشتبه بهم بعد الانفجار في محطة الحافلات.",
        "انسحب المسلحون من البلدة قبل وصول التعزيزات.",
        "حذرت وكالات الإغاثة من نزوح آلاف العائلات.",
        "قال شهود إنهم سمعوا إطلاق نار لعدة ساعات.",
        "لم تعلق الوزارة على عدد الضحايا.",
        "فرضت قوات الأمن حظر تجول في المنطقة.",
    ],
}

HEADLINES: dict[str, list[str]] = {
    "en": [
        "Militants attack army base",
        "Car bomb kills five",
        "Rebels seize border town",
        "Curfew imposed after clashes",
    ],
    "id": [
        "Bom mobil tewaskan lima orang",
        "Pemberontak rebut kota perbatasan",
        "Polisi tangkap tiga tersangka",
        "Tentara tewas dalam penyergapan",
    ],
    "ms": [
        "Bom kereta bunuh lima orang",
        "Polis tahan tiga suspek",
        "Askar maut dalam serangan hendap",
        "Kerajaan isytihar perintah berkurung",
    ],
    "ar": [
        "مقتل خمسة في تفجير سيارة",
        "المتمردون يسيطرون على بلدة حدودية",
        "اعتقال ثلاثة مشتبه بهم",
        "حظر تجول بعد اشتباكات",
    ],
}


def accuracy(samples: dict[str, list[str]]) -> dict[str, float]:
    return {
        lang: sum(detect_language(t)[0] == lang for t in texts) / len(texts)
        for lang, texts in samples.items()
    }


@pytest.mark.parametrize("lang", ["en", "id", "ms", "ar"])
def test_sentences_are_identified(lang: str) -> None:
    # one miss per language is tolerated on single sentences (id/ms overlap is real)
    assert accuracy({lang: SENTENCES[lang]})[lang] >= 11 / 12


@pytest.mark.parametrize("lang", ["en", "id", "ms", "ar"])
def test_headlines_are_identified(lang: str) -> None:
    assert accuracy({lang: HEADLINES[lang]})[lang] >= 3 / 4


def test_other_languages_are_named() -> None:
    # invented French, Portuguese and Urdu news sentences
    assert (
        detect_language("Des hommes armés ont attaqué un poste de police dans la nuit.")[0] == "fr"
    )
    assert detect_language("Homens armados atacaram um posto policial durante a noite.")[0] == "pt"
    assert detect_language("مسلح افراد نے رات کے وقت پولیس چوکی پر حملہ کیا۔")[0] == "ur"


def test_confidence_is_a_probability() -> None:
    for texts in SENTENCES.values():
        for t in texts:
            _, conf = detect_language(t)
            assert 0.0 <= conf <= 1.0


def test_too_short_or_letterless_text_gives_none() -> None:
    assert detect_language("") == (None, 0.0)
    assert detect_language("12 / 34 -- 56") == (None, 0.0)
    with pytest.raises(TypeError):
        detect_language(None)  # type: ignore[arg-type]


def test_markers_decide_indonesian_vs_malay() -> None:
    id_text = "Pemerintah mengatakan polisi dan tentara dikerahkan karena kerusuhan kemarin."
    ms_text = "Kerajaan berkata polis dan askar dikerahkan kerana rusuhan semalam."
    assert marker_counts(id_text)["id"] > marker_counts(id_text)["ms"]
    assert marker_counts(ms_text)["ms"] > marker_counts(ms_text)["id"]
    assert identify(id_text)[0] == "id"
    assert identify(ms_text)[0] == "ms"


def test_domain_prior_tips_an_ambiguous_text() -> None:
    ambiguous = "Korban dilaporkan di kedua belah pihak."
    assert domain_prior("berita.example.co.id") == "id"
    assert domain_prior("www.example.com.my") == "ms"
    assert domain_prior("example.com") is None
    assert identify(ambiguous, "example.id")[0] == "id"
    assert identify(ambiguous, "example.my")[0] == "ms"
