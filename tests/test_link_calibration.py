"""The exported derivation confidence is a calibrated probability (link/calibrate.py)."""

from __future__ import annotations

from pathlib import Path

from test_link_support import SOURCE_EN, TRANSLATION_ID, add_article, connect
from wartrace.link import describe_links, link_all
from wartrace.link.calibrate import KINDS, calibrated, curves
from wartrace.store.export import article_records


def test_curves_are_monotone_probabilities_from_zero() -> None:
    for kind in KINDS:
        cuts, probs = curves()[kind]
        assert cuts[0] == 0.0
        assert list(cuts) == sorted(cuts) and len(set(cuts)) == len(cuts)
        assert list(probs) == sorted(probs)
        assert all(0.0 <= p <= 1.0 for p in probs)


def test_a_higher_raw_score_never_lowers_the_confidence() -> None:
    for relation in ("translation", "rewrite", "copy"):
        values = [calibrated(relation, k / 100) for k in range(101)]
        assert values == sorted(values)
        assert calibrated(relation, 1.0) >= calibrated(relation, 0.0)


def test_copy_and_rewrite_share_the_same_language_curve() -> None:
    assert calibrated("copy", 0.8) == calibrated("rewrite", 0.8)


def test_export_gives_the_calibrated_probability_and_show_gives_both(tmp_path: Path) -> None:
    conn = connect(tmp_path)  # INVENTED texts (test_link_support)
    add_article(conn, "src", SOURCE_EN, "en", published="2016-05-14")
    add_article(conn, "tr", TRANSLATION_ID, "id", published="2016-05-15")
    link_all(conn)
    raw = conn.execute("SELECT derivation_score FROM articles WHERE article_id='tr'").fetchone()[0]
    record = next(r for r in article_records(conn) if r["article_id"] == "tr")
    assert record["derivation_confidence"] == calibrated("translation", raw)
    line = describe_links(conn, "tr")[0]
    assert f"similarity {raw:.2f}" in line and "confidence" in line
