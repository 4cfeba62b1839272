"""The vectorised feature walk finds what py3langid's own byte-by-byte walk finds: the same
features, counts and order, so language and confidence do not move by a bit.
Every text here is invented (or random bytes)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from py3langid.langid import LanguageIdentifier

from wartrace.text import langwalk
from wartrace.text.language import _identifier, identify

TEXTS = [
    "NORTHVILLE (Invented Wire) - Gunmen attacked an army checkpoint near Northville on "
    "Monday, killing four soldiers, a local official said. The attackers fled into the hills.",
    "Pria bersenjata menembaki sebuah pos polisi di Kampung Rekaan pada Selasa malam dan "
    "melukai dua petugas, kata juru bicara kepolisian setempat kepada wartawan.",
    "Des hommes armés ont attaqué un poste de police à Ouestville jeudi, tuant trois "
    "policiers, selon une source sécuritaire citée par une radio locale inventée.",
    "قال مسؤول محلي إن مسلحين هاجموا نقطة تفتيش في بلدة مخترعة يوم الاثنين",
    "ÉTAT D'URGENCE DÉCRÉTÉ À VILLE-INVENTÉE APRÈS DES AFFRONTEMENTS",
]


def slow_features(ident: LanguageIdentifier, text: bytes) -> list[tuple[int, int]]:
    visits = ident.walk.slow(text)
    return list(visits.items()) if visits else []


def fast_features(ident: LanguageIdentifier, text: bytes) -> list[tuple[int, int]]:
    found = langwalk.features(ident.walk, text)
    if found is None:
        return []
    ids, counts = found
    return list(zip(ids.tolist(), [int(c) for c in counts.tolist()], strict=True))


@pytest.fixture(autouse=True)
def always_vectorised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langwalk, "SHORT_TEXT", 0)  # short texts too, to test the walk itself


def test_the_walk_finds_py3langids_features_in_their_order_on_invented_texts() -> None:
    ident = _identifier()
    assert ident.walk.depth >= 2
    for text in TEXTS:
        for cut in (1, 5, 6, 7, 40, len(text)):
            data = LanguageIdentifier._encode(text[:cut])
            assert fast_features(ident, data) == slow_features(ident, data), (text, cut)


def test_the_walk_finds_py3langids_features_on_random_bytes() -> None:
    ident = _identifier()
    rng = random.Random(7)
    common = b" aeinorst.,\xc3\xa9"
    for _ in range(300):
        size = rng.randrange(1, 300)
        data = bytes(rng.randrange(256) for _ in range(size))
        assert fast_features(ident, data) == slow_features(ident, data)
        data = bytes(rng.choice(common) for _ in range(size))
        assert fast_features(ident, data) == slow_features(ident, data)


def test_scores_and_identification_are_bit_for_bit_py3langids() -> None:
    ident = _identifier()
    for text in TEXTS:
        data = LanguageIdentifier._encode(text)
        ours = ident._raw_score(data)
        theirs = LanguageIdentifier._raw_score(ident, data)
        assert np.array_equal(ours, theirs)
    for text in TEXTS:
        language, confidence = identify(text)
        assert language is not None and confidence > 0
