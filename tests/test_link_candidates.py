"""Candidate lookup: bounded work whatever the size of the store. Texts are INVENTED
(test_link_support)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_link_derive import derived
from test_link_support import SOURCE_EN, TRANSLATION_ID, UNRELATED_EN, add_article, connect
from wartrace.link import index, link_all
from wartrace.link.anchors import passages


def test_a_translation_is_found_when_none_of_its_anchors_is_rare_any_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In a large store every name and figure of a story is in more than DF_CAP articles:
    # the anchor-set bands still bring the translation and its source together.
    monkeypatch.setattr(index, "DF_CAP", 0)
    conn = connect(tmp_path)
    add_article(conn, "src", SOURCE_EN, "en", published="2016-05-14")
    add_article(conn, "tr", TRANSLATION_ID, "id", published="2016-05-15")
    add_article(conn, "far", UNRELATED_EN, "en", published="2016-05-14")
    link_all(conn)
    assert derived(conn, "tr") == ("src", "translation")


def test_anchor_set_bands_are_language_independent_and_need_enough_anchors() -> None:
    keys_en = index.anchor_band_keys(passages(SOURCE_EN, "en"))
    keys_id = index.anchor_band_keys(passages(TRANSLATION_ID, "id"))
    assert len(keys_en) == index.BANDS and set(keys_en) & set(keys_id)
    # Not in the 3-gram bands' key space.
    sig = index.signature({b"a b c"})
    assert sig is not None and not set(keys_en) & set(index.band_keys(sig))
    assert index.anchor_band_keys(passages("Fighting near Aleppo on Monday, 12 dead.", "en")) == []


def test_signature_is_datasketchs_minhash_of_the_shingles() -> None:
    # ``signature`` computes datasketch's MinHash in whole arrays: stored signatures and
    # band keys must stay what ``MinHash.update_batch`` gives (invented words).
    import random

    import numpy as np
    from datasketch import MinHash

    rng = random.Random(7)
    template = index._minhash_template()
    for size in (1, 2, 3, 17, 400):
        shingles = {
            " ".join(
                rng.choice(["serangan", "near", "éclat", "قتل", "42"]) + str(rng.random())
                for _ in range(3)
            ).encode()
            for _ in range(size)
        }
        mh = MinHash(
            num_perm=index.NUM_PERM, permutations=template.permutations, scheme=template.scheme
        )
        mh.update_batch(list(shingles))
        sig = index.signature(shingles)
        assert sig is not None and sig.dtype == np.uint32
        assert np.array_equal(sig, np.asarray(mh.hashvalues, dtype=np.uint32))
    assert index.signature(set()) is None
