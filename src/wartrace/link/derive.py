"""Derived articles: exact copies, edited rewrites and translations, and which is the source.

Pipeline, per article processed since it was last indexed:

1. index it (``link.index``; table ``link_index``): its passages with their anchors, a MinHash
   signature of its word 3-grams, its LSH band keys (``link_bands``) and its rare anchors
   (``link_anchors``);
2. candidates = articles sharing an LSH band, or at least ``MIN_SHARED`` anchors that are
   rare (document frequency up to ``DF_CAP``), within ``DATE_WINDOW_DAYS`` when both dates
   are known. Each lookup touches a bounded number of rows, so cost grows linearly;
3. score (``scoring``): same language -> MinHash containment of the word 3-grams; other
   languages -> the IDF-weighted longest common subsequence of anchors (translations keep
   figures, dates and names in order), over the smaller side's anchor weight, and the
   passage alignment must cover the lead of both texts (two stories sharing a wire agency's
   background paragraph are not a translation); words in caseless scripts (Arabic, Urdu)
   are transliterated;
4. orient (credit line, dates, cited outlet's language, signs of an outlet's own page,
   length; for a translation, who gathered the source's report, ``attribution``) and keep
   pairs above threshold in ``link_pairs``; each derived article takes its best source,
   preferring a root over another copy of the same root.

Relation: an exact copy (containment >= COPY_CONTAINMENT) is stored as ``rewrite``, the only
same-language value of the export contract; the alignment JSON keeps ``"kind": "copy"``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from functools import partial

from wartrace.link.align import (
    Alignment,
    align_same_language,
    align_translation,
    fill_gaps,
)
from wartrace.link.anchors import fold
from wartrace.link.attribution import orient_by_attribution
from wartrace.link.index import (
    Indexed,
    build_index,
    candidates,
    clean_text,
    count_shingles,
    day_number,
    in_window,
    load_index,
    passages_json,
    stale_articles,
    store_index,
)
from wartrace.link.orient import Meta, credits_other, names_outlet, orient
from wartrace.link.scoring import (
    LazyCounts,
    anchor_weights,
    score_pair,
    strong_sequence,
    with_exact_shingles,
)
from wartrace.store import db

CHUNK = 2000  # articles indexed and linked per committed step
ROOT_MARGIN = 0.25  # a translation of a copy is more likely one of the original


# --- direction ---------------------------------------------------------------------------


def load_meta(conn: sqlite3.Connection, article_id: str) -> Meta:
    r = db.load_article(conn, article_id)
    outlets = tuple(fold(x) for x in (r["outlet"], r["text_outlet"]) if x)
    return Meta(
        self_named=names_outlet(r["raw_text"] or "", outlets),
        article_id=article_id,
        language=r["language"],
        day=day_number(r["published"]) or day_number(r["printed_date"]),
        credit=r["credit"],
        outlets=outlets,
        length=len(r["raw_text"]),
        text=" ".join(x for x in (r["credit"], r["raw_text"]) if x),
    )


def oriented_pair(
    conn: sqlite3.Connection, a: str, b: str, relation: str
) -> tuple[str, str] | None:
    """(source, derived) of a derivation pair. A translation keeps who gathered its source's
    report (``attribution``): the pair is turned round when only that way holds, and is None
    (two reports of the same story) when the texts each name their own gatherer, or when the
    source names one and the other text does not."""
    src, der = orient(conn, load_meta(conn, a), load_meta(conn, b), relation)
    if relation != "translation":
        return src.article_id, der.article_id
    kept = orient_by_attribution(conn, src.article_id, der.article_id)
    if kept is None:
        return None
    return (src.article_id, der.article_id) if kept else (der.article_id, src.article_id)


def pair_credited(conn: sqlite3.Connection, a: str, b: str) -> bool:
    """Whether either of two articles names the other's outlet as a source: in its credit
    line or in its text (not in a picture credit, not its own outlet)."""
    ra, rb = db.load_article(conn, a), db.load_article(conn, b)
    outlets = [tuple(fold(x) for x in (r["outlet"], r["text_outlet"]) if x) for r in (ra, rb)]
    for row, own, other in ((ra, outlets[0], outlets[1]), (rb, outlets[1], outlets[0])):
        text = " ".join(x for x in (row["credit"], row["raw_text"]) if x)
        if credits_other(text, own, other):
            return True
    return False


# --- alignment record --------------------------------------------------------------------


def alignment_record(
    source_text: str,
    derived_text: str,
    source: Indexed,
    derived: Indexed,
    relation: str,
    score: float,
) -> dict[str, object]:
    """Which source passages the derived article kept, left out and added (raw-text spans)."""
    sp, dp = source.passages, derived.passages
    if relation == "translation":
        al: Alignment = fill_gaps(align_translation(sp, dp), sp, dp)
    else:
        al = align_same_language(
            [source_text[p.start : p.end] for p in sp], [derived_text[p.start : p.end] for p in dp]
        )
    last_kept = max((p[1] for p in al.pairs), default=0)
    return {
        "relation": "rewrite" if relation == "copy" else relation,
        "kind": relation,
        "score": round(score, 3),
        "pairs": [
            [sp[i0].start, sp[i1 - 1].end, dp[j0].start, dp[j1 - 1].end, round(s, 3)]
            for i0, i1, j0, j1, s in al.pairs
        ],
        # Passages after the last kept one may only be missing because a page was cut short.
        "omitted": [[sp[i].start, sp[i].end, int(i >= last_kept)] for i in al.omitted],
        "added": [[dp[j].start, dp[j].end] for j in al.added],
    }


# --- the run -----------------------------------------------------------------------------


def link_derivations(
    conn: sqlite3.Connection,
    relinked: set[str] | None = None,
    prebuilt: MutableMapping[str, Indexed] | None = None,
    whole_chunks_only: bool = False,
    after_chunk: Callable[[], None] | None = None,
) -> dict[str, int]:
    """Index the articles processed since the last run, find their derivation pairs, and
    update ``derived_from``/``relation``/``alignment`` of every article those pairs touch.

    Works in chunks of ``CHUNK`` articles, each committed: memory stays flat and an
    interrupted run keeps what it did. A chunk's articles see every article indexed before
    them, so each pair is still looked at once. ``relinked`` collects the articles whose
    source changed.

    ``prebuilt``: indexes already built (by the workers that analysed the articles), taken
    out as they are stored. ``whole_chunks_only``: only index and pair the full chunks,
    and leave the rest to a later call. ``after_chunk``: called once each chunk is paired
    (``link`` resolves and builds events there, chunk by chunk).
    """
    # Articles indexed by a run that stopped before pairing them are picked up again.
    stale = sorted(set(stale_articles(conn)) | set(db.queued_link(conn, "pair")))
    counts = {"indexed": len(stale), "index_failed": 0, "derivation_pairs": 0, "derived": 0}
    if whole_chunks_only:
        stale = stale[: len(stale) - len(stale) % CHUNK]
        counts["indexed"] = len(stale)
    for start in range(0, len(stale), CHUNK):
        chunk = stale[start : start + CHUNK]
        cache = _index_chunk(conn, chunk, counts, prebuilt)
        affected: set[str] = set(chunk)
        with db.transaction(conn):
            counts["derivation_pairs"] += _pair_chunk(conn, chunk, cache, affected)
            # A source that gained or lost a pair as the derived side is no longer (or now)
            # a root, which ``_resolve_one`` weighs: what was derived from it chooses again.
            db.queue_link(conn, "resolve", affected | dependents(conn, affected))
            db.unqueue_link(conn, "pair", chunk)
        if after_chunk is not None:
            after_chunk()
    if not whole_chunks_only:
        counts["derived"] += resolve_queued(conn, relinked)
    return counts


def dependents(conn: sqlite3.Connection, sources: Iterable[str]) -> set[str]:
    """Articles paired as derived from any of ``sources``."""
    ordered = sorted(sources)
    found: set[str] = set()
    for start in range(0, len(ordered), 500):
        part = ordered[start : start + 500]
        marks = ",".join("?" * len(part))
        found.update(
            r[0]
            for r in conn.execute(f"SELECT derived FROM link_pairs WHERE source IN ({marks})", part)
        )
    return found


def resolve_queued(conn: sqlite3.Connection, relinked: set[str] | None = None) -> int:
    """Resolve every article in the resolve queue (it outlives a killed run, so pairs saved
    then are resolved now); queue the events of those whose source changed."""
    derived = 0
    ordered = db.queued_link(conn, "resolve")
    for start in range(0, len(ordered), CHUNK):
        part = ordered[start : start + CHUNK]
        changed: set[str] = set()
        with db.transaction(conn):
            derived += resolve(conn, part, {}, changed)
            db.queue_link(conn, "events", changed)
            db.unqueue_link(conn, "resolve", part)
        if relinked is not None:
            relinked |= changed
    return derived


def _index_chunk(
    conn: sqlite3.Connection,
    chunk: Sequence[str],
    counts: dict[str, int],
    prebuilt: MutableMapping[str, Indexed] | None = None,
) -> dict[str, Indexed]:
    cache: dict[str, Indexed] = {}
    orphaned: set[str] = set()
    shingles: Counter[int] = Counter()  # the chunk's short-text 3-grams, counted once
    with db.transaction(conn):
        for aid in chunk:
            item = prebuilt.pop(aid, None) if prebuilt is not None else None
            if item is not None:  # built where it was analysed: the text is not read again
                processed_at = conn.execute(
                    "SELECT processed_at FROM articles WHERE article_id = ?", (aid,)
                ).fetchone()[0]
            else:
                row = db.load_article(conn, aid)
                processed_at = row["processed_at"]
                try:
                    item = build_index(row)
                except Exception:  # one odd text must not stop the batch: index it as empty
                    counts["index_failed"] += 1
                    item = Indexed(aid, row["language"], None, 0, None, [])
            orphaned |= store_index(conn, item, processed_at, shingles)
            cache[aid] = item
        count_shingles(conn, shingles)
        db.queue_link(conn, "pair", chunk)
        # A re-indexed source's derived articles lost that pair: choose their source again
        # (the pairing below finds the pair again when the texts still match).
        db.queue_link(conn, "resolve", orphaned)
    return cache


def _pair_chunk(
    conn: sqlite3.Connection, chunk: Sequence[str], cache: dict[str, Indexed], affected: set[str]
) -> int:
    """Score each article of the chunk against its candidates; store the derivation pairs."""
    total = int(conn.execute("SELECT count(*) FROM link_index").fetchone()[0])
    scored: set[frozenset[str]] = set()
    long_hashes: dict[str, frozenset[int]] = {}  # 3-grams of long texts read for this chunk
    pairs = 0
    for aid in chunk:
        item = cache[aid]
        others = [o for o in (_cached(conn, cache, c) for c in candidates(conn, item)) if o]
        others = [o for o in others if frozenset((aid, o.article_id)) not in scored]
        if not others:
            continue
        seqs = strong_sequence(item.passages) + [
            a for o in others for a in strong_sequence(o.passages)
        ]
        weights = anchor_weights(conn, seqs, total)
        for other in others:
            scored.add(frozenset((aid, other.article_id)))
            if not in_window(item, other):
                continue
            exact = with_exact_shingles(conn, item, other, long_hashes)
            found = score_pair(
                *exact,
                weights,
                LazyCounts(conn, *exact),
                partial(pair_credited, conn, aid, other.article_id),
            )
            if found is None:
                continue
            pair = None
            if found.relation != "same_story":
                pair = oriented_pair(conn, aid, other.article_id, found.relation)
            if pair is None:
                first, second = sorted((aid, other.article_id))
                conn.execute(
                    "INSERT OR REPLACE INTO link_same_story (a, b, score) VALUES (?, ?, ?)",
                    (first, second, found.score),
                )
                continue
            conn.execute(
                "INSERT OR REPLACE INTO link_pairs (source, derived, relation, score)"
                " VALUES (?, ?, ?, ?)",
                (*pair, found.relation, found.score),
            )
            affected.add(other.article_id)
            pairs += 1
    return pairs


def _cached(conn: sqlite3.Connection, cache: dict[str, Indexed], aid: str) -> Indexed | None:
    if aid not in cache:
        item = load_index(conn, aid)
        if item is None:
            return None
        cache[aid] = item
    return cache[aid]


def resolve(
    conn: sqlite3.Connection,
    article_ids: Sequence[str],
    cache: dict[str, Indexed],
    relinked: set[str] | None = None,
) -> int:
    """Give each article its best source among its pairs (a root before a copy of the root);
    add to ``relinked`` the articles whose source changed."""
    derived = 0
    for aid in article_ids:
        before = _source_of(conn, aid)
        derived += _resolve_one(conn, aid, cache)
        if relinked is not None and _source_of(conn, aid) != before:
            relinked.add(aid)
    return derived


def _source_of(conn: sqlite3.Connection, aid: str) -> str | None:
    row = conn.execute("SELECT derived_from FROM articles WHERE article_id = ?", (aid,)).fetchone()
    return None if row is None else row[0]


def _resolve_one(conn: sqlite3.Connection, aid: str, cache: dict[str, Indexed]) -> int:
    """Set one article's source from its pairs; 1 when it has one."""
    rows = conn.execute(
        "SELECT p.source, p.relation, p.score,"
        " NOT EXISTS (SELECT 1 FROM link_pairs q WHERE q.derived = p.source) AS is_root"
        " FROM link_pairs p WHERE p.derived = ?",
        (aid,),
    ).fetchall()
    if not rows:
        conn.execute(
            "UPDATE articles SET derived_from = NULL, relation = NULL,"
            " derivation_score = NULL, alignment = NULL, alignment_inputs = NULL"
            " WHERE article_id = ? AND derived_from IS NOT NULL",
            (aid,),
        )
        return 0
    best = max(
        rows, key=lambda r: (r["score"] + (ROOT_MARGIN if r["is_root"] else 0.0), r["source"])
    )
    src_item, der_item = _cached(conn, cache, best["source"]), _cached(conn, cache, aid)
    record: dict[str, object] = {}
    inputs: str | None = None
    if src_item is not None and der_item is not None:
        src_row = db.load_article(conn, best["source"])
        der_row = db.load_article(conn, aid)
        texts = (
            clean_text(src_row["raw_text"], src_row["boilerplate"]),
            clean_text(der_row["raw_text"], der_row["boilerplate"]),
        )
        inputs = alignment_inputs(*texts, src_item, der_item, best["relation"], best["score"])
        if der_row["derived_from"] == best["source"] and der_row["alignment_inputs"] == inputs:
            # Resolved again to the same source from the same texts (a dependent whose
            # source gained a pair): the stored alignment is the one computed here.
            return 1
        record = alignment_record(*texts, src_item, der_item, best["relation"], best["score"])
    conn.execute(
        "UPDATE articles SET derived_from = ?, relation = ?, derivation_score = ?,"
        " alignment = ?, alignment_inputs = ? WHERE article_id = ?",
        (
            best["source"],
            "rewrite" if best["relation"] == "copy" else best["relation"],
            best["score"],
            json.dumps(record),
            inputs,
            aid,
        ),
    )
    return 1


def alignment_inputs(
    source_text: str,
    derived_text: str,
    source: Indexed,
    derived: Indexed,
    relation: str,
    score: float,
) -> str:
    """A digest of everything ``alignment_record`` reads: equal digests, equal records."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (
        relation,
        repr(score),
        source_text,
        derived_text,
        passages_json(source.passages),
        passages_json(derived.passages),
    ):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()
