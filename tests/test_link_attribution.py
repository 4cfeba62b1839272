"""A translation keeps who gathered its source's report ("told Reuters" -> "kepada Reuters",
a wire's dateline credited as "(ab/LW)"); an independent report of the same story in another
language quotes its own interviews. Every text here is INVENTED."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from test_link_derive import derived
from test_link_support import SOURCE_EN, TRANSLATION_ID, add_article, connect
from wartrace.link import derive, link_all
from wartrace.link.attribution import attribution_kept, gatherers, listeners


def row(text: str, language: str = "en", **kw: Any) -> dict[str, Any]:
    base = {"raw_text": text, "boilerplate": None, "language": language}
    return base | {"outlet": None, "text_outlet": None, "credit": None} | kw


def test_listeners_are_the_capitalised_names_a_speaker_talked_to() -> None:
    assert listeners("a source told the Kafr Sousa news desk on Monday.", "en") == ["Kafr Sousa"]
    assert listeners('"We left," Omar told al-Qamar TV.The road was shut.', "en") == ["al-Qamar TV"]
    assert listeners("kata seorang komandan milisi kepada kantor berita Reuters.", "id") == [
        "Reuters"
    ]
    assert listeners("a déclaré à l’agence Ouest Presse", "fr") == ["Ouest Presse"]
    assert listeners("disse ao Jornal Norte", "pt") == ["Jornal Norte"]


def test_reporters_and_unnamed_listeners_are_no_one() -> None:
    assert listeners("the governor told reporters that the road was open.", "en") == []
    assert listeners("katanya kepada wartawan di Homs.", "id") == []
    assert listeners("told Reuters", "sw") == []  # no patterns for this language


def test_gatherers_are_the_signature_the_credit_and_the_listeners() -> None:
    found = gatherers(row("Rami said, told Sahel Post.", text_outlet="LW", credit="Kafr Wire"))
    assert found == {"lw", "kafr wire", "sahel post"}


def test_a_translation_must_name_one_of_its_sources_gatherers() -> None:
    wire = row("HOMS, May 3 (LW) - Rebels attacked a convoy.", text_outlet="LW")
    assert attribution_kept(wire, row("Pemberontak menyerang konvoi. (ab/LW)", "id"))
    assert not attribution_kept(wire, row("Pemberontak menyerang konvoi di Homs.", "id"))
    # the source's own outlet named by the other text counts as well
    assert attribution_kept(
        row("Rebels attacked.", outlet="Levant Wire", text_outlet="LW"),
        row("Dilansir Levant Wire, pemberontak menyerang.", "id"),
    )


def test_a_source_that_names_no_gatherer_is_kept_unless_one_is_required() -> None:
    plain, other = row("Rebels attacked a convoy."), row("Pemberontak menyerang.", "id")
    assert attribution_kept(plain, other)
    assert not attribution_kept(plain, other, unsigned=False)


# The Indonesian rendering of SOURCE_EN, but its military source spoke to its own newsroom.
OWN_INTERVIEW_ID = TRANSLATION_ID.replace(
    "kepada meja berita Kafr Sousa", "kepada Harian Contoh"
).replace("Sumber: Wire Agency (an/WA)", "Redaksi Harian Contoh")


def _link_pair(tmp_path: Path, text: str) -> Any:
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en", published="2016-05-14", outlet="Kafr Wire")
    add_article(conn, "tr", text, "id", published="2016-05-15", outlet="Harian Contoh")
    link_all(conn)
    return conn


def test_a_translation_naming_its_sources_listener_is_derived(tmp_path: Path) -> None:
    assert derived(_link_pair(tmp_path, TRANSLATION_ID), "tr") == ("src", "translation")


def test_a_parallel_report_quoting_its_own_interview_is_the_same_story_not_a_translation(
    tmp_path: Path,
) -> None:
    conn = _link_pair(tmp_path, OWN_INTERVIEW_ID)
    assert derived(conn, "tr") == (None, None)
    assert [tuple(r) for r in conn.execute("SELECT a, b FROM link_same_story")] == [("src", "tr")]


def test_only_the_attribution_separates_that_report_from_a_translation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(derive, "orient_by_attribution", lambda *_: True)
    assert derived(_link_pair(tmp_path, OWN_INTERVIEW_ID), "tr") == ("src", "translation")
