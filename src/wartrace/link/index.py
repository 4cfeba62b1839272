"""What each article contributes to finding its derivations, stored in ``link_index``: its
passages with their anchors, a MinHash signature of its word 3-grams and the LSH band keys
(``link_bands``), its rare anchors (``link_anchors``), the exact 3-gram hashes of a short text;
and the bounded candidate lookup over them (LSH band or enough shared rare anchors, within a
date window), so that each lookup touches a bounded number of rows.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash
from datasketch.minhash import _fmix  # datasketch is pinned: see ``signature``

from wartrace import limits
from wartrace.link.anchors import Passage, blocking_anchors, fold, passages

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above Jaccard ~0.5 collide with probability > 0.6
SHINGLE = 3
DF_CAP = 50  # anchors found in more articles than this are too common to block on
MIN_SHARED = 3
MAX_CANDIDATES = 30
# The set of an article's names, figures and dates is the same in any language: a MinHash of
# it, banded like the 3-gram signature, finds a translation by a constant number of lookups
# however common each of its anchors has become in a large store (the rare-anchor lookup
# misses it once its anchors pass DF_CAP). Only texts with enough anchors are banded: two
# short notes naming the same three things would collide by chance.
ANCHOR_SET_MIN = 8
DATE_WINDOW_DAYS = 31
# Texts up to this many words are where a template dominates the wording; in longer ones a
# rewrite's own edits swap names too, and the shared wording of many passages decides.
SHORT_TEXT_WORDS = 120
WORD_RE = re.compile(r"\w+")


@dataclass(slots=True)
class Indexed:
    article_id: str
    language: str | None
    day: int | None
    shingles: int
    signature: np.ndarray | None
    passages: list[Passage]
    short_shingles: frozenset[int] = frozenset()  # exact 3-gram hashes of a short text
    # LSH band keys of its anchor set (``anchor_band_keys``): built with the index, used to
    # store and look it up; not kept in link_index (an article loaded back is not looked up).
    anchor_bands: tuple[int, ...] = ()
    # Its passages as stored and its 3-gram band keys, made with the index where the
    # article was analysed (a run's workers), so that the client storing and looking it up
    # does not make them; None for an index loaded back (``stored_form``, ``bands_of``).
    passages_text: str | None = None
    bands: tuple[int, ...] | None = None


# --- text preparation --------------------------------------------------------------------


def clean_text(raw: str, boilerplate_json: str | None) -> str:
    """The raw text with the text stage's boilerplate spans blanked (offsets kept); only
    the prefix the other stages analysed (``limits.MAX_ANALYSED_CHARS``), to bound cost."""
    raw = raw[: limits.MAX_ANALYSED_CHARS]
    if not boilerplate_json:
        return raw
    chars = list(raw)
    try:
        spans = json.loads(boilerplate_json)
    except json.JSONDecodeError:
        return raw
    for start, end, *_ in spans:
        for k in range(max(0, int(start)), min(len(chars), int(end))):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def shingle_set(text: str) -> set[bytes]:
    tokens = list(map(fold, WORD_RE.findall(text)))
    return {
        " ".join(tokens[i : i + SHINGLE]).encode("utf-8")
        for i in range(max(0, len(tokens) - SHINGLE + 1))
    }


@cache
def _minhash_template() -> MinHash:
    """Drawing the permutations is most of a MinHash's cost: draw them once (same seed)."""
    return MinHash(num_perm=NUM_PERM)


def signature(shingles: set[bytes]) -> np.ndarray | None:
    """``MinHash.update_batch`` of the shingles on a fresh MinHash (datasketch's "affine32"
    scheme: SHA-1's first 4 bytes, MurmurHash3's finaliser, then ``a * h + b`` in 32 bits),
    computed here in whole arrays: building a MinHash and hashing through its per-item
    ``struct.unpack`` were most of the cost. A test checks it against datasketch's own."""
    if not shingles:
        return None
    template = _minhash_template()
    a, b = template.permutations
    sha1 = hashlib.sha1
    hv = np.frombuffer(b"".join([sha1(x).digest()[:4] for x in shingles]), dtype="<u4")
    hv = _fmix(hv.astype(np.uint32).reshape(-1, 1), 32)
    return np.asarray((hv * a + b).min(axis=0), dtype=np.uint32)


def band_keys(sig: np.ndarray, kind: bytes = b"band") -> list[int]:
    # Linking asks twice per article (to store them, then for its candidates): kept.
    return list(_band_keys(sig.tobytes(), sig.dtype.str, sig.shape, kind))


@lru_cache(maxsize=4096)
def _band_keys(raw: bytes, dtype: str, shape: tuple[int, ...], kind: bytes) -> tuple[int, ...]:
    sig = np.frombuffer(raw, dtype=dtype).reshape(shape)
    rows = NUM_PERM // BANDS
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(
            sig[b * rows : (b + 1) * rows].tobytes(), digest_size=8, person=kind + b"%04d" % b
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return tuple(keys)


def anchor_band_keys(items: Sequence[Passage]) -> list[int]:
    """LSH band keys of the set of an article's blocking anchors (none when it has fewer
    than ``ANCHOR_SET_MIN``); in their own key space (``anch``), beside the 3-gram bands."""
    anchors = blocking_anchors(items)
    if len(anchors) < ANCHOR_SET_MIN:
        return []
    sig = signature({a.encode("utf-8") for a in anchors})
    return [] if sig is None else band_keys(sig, b"anch")


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def containment(a: Indexed, b: Indexed) -> float:
    """Estimated share of the smaller shingle set found in the other (from MinHash)."""
    if a.signature is None or b.signature is None:
        return 0.0
    j = jaccard(a.signature, b.signature)
    smaller = min(a.shingles, b.shingles)
    if smaller == 0:
        return 0.0
    inter = j * (a.shingles + b.shingles) / (1 + j)
    return min(1.0, inter / smaller)


def day_number(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


# --- index -----------------------------------------------------------------------------


def passages_json(items: Sequence[Passage]) -> str:
    return json.dumps(
        [[p.start, p.end, p.quotes, p.words, list(p.anchors)] for p in items], ensure_ascii=False
    )


def stored_form(item: Indexed) -> str:
    """The article's passages as ``link_index`` stores them."""
    return passages_json(item.passages) if item.passages_text is None else item.passages_text


def bands_of(item: Indexed) -> list[int]:
    """The LSH band keys of the article's 3-gram signature (none without one)."""
    if item.bands is not None:
        return list(item.bands)
    return [] if item.signature is None else band_keys(item.signature)


def passages_from_json(text: str) -> list[Passage]:
    return list(_parsed_passages(text))


@lru_cache(maxsize=16384)
def _parsed_passages(text: str) -> tuple[Passage, ...]:
    # Keyed by the stored JSON itself, so always right; a candidate is loaded again for every
    # chunk whose articles fall in its date window, and parsing was most of loading it. A
    # run's chunks draw candidates from a year of articles: 2,048 entries kept 8% of them.
    return tuple(
        Passage(start=s, end=e, quotes=q, words=w, anchors=tuple(a))
        for s, e, q, w, a in json.loads(text)
    )


def shingle_hash(shingle: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "little", signed=True)


def build_index(row: Mapping[str, Any] | sqlite3.Row) -> Indexed:
    text = clean_text(row["raw_text"], row["boilerplate"])
    sh = shingle_set(text)
    items = passages(text, row["language"])
    short = sum(p.words for p in items) <= SHORT_TEXT_WORDS
    sig = signature(sh)
    return Indexed(
        article_id=row["article_id"],
        language=row["language"],
        day=day_number(row["published"]) or day_number(row["printed_date"]),
        shingles=len(sh),
        signature=sig,
        passages=items,
        short_shingles=frozenset(shingle_hash(x) for x in sh) if short else frozenset(),
        anchor_bands=tuple(anchor_band_keys(items)),
        passages_text=passages_json(items),
        bands=() if sig is None else tuple(band_keys(sig)),
    )


def _hashes_blob(hashes: frozenset[int]) -> bytes | None:
    return np.asarray(sorted(hashes), dtype="<i8").tobytes() if hashes else None


def _hashes_from_blob(blob: bytes | None) -> frozenset[int]:
    # tolist: Python ints in one call, not one numpy scalar at a time.
    return frozenset(np.frombuffer(blob, dtype="<i8").tolist()) if blob else frozenset()


def store_index(
    conn: sqlite3.Connection,
    item: Indexed,
    processed_at: str | None,
    shingle_counts: Counter[int] | None = None,
) -> set[str]:
    """Store (or replace) an article's index; its old pairs go. Returns the articles those
    pairs made derived of it: their source must be chosen again. ``shingle_counts``: where
    to add the article's short-text 3-grams for ``count_shingles`` (a batch counts them
    once); without it they are counted here."""
    aid = item.article_id
    old = conn.execute(
        "SELECT short_shingles FROM link_index WHERE article_id = ?", (aid,)
    ).fetchone()
    orphaned: set[str] = set()
    # An article never indexed has nothing to replace: its postings are written with its
    # index row, and pairs only join indexed articles; none of them outlives the row.
    if old is not None:
        conn.execute("DELETE FROM link_anchors WHERE article_id = ?", (aid,))
        conn.execute("DELETE FROM link_bands WHERE article_id = ?", (aid,))
        orphaned = {
            str(r[0])
            for r in conn.execute("SELECT derived FROM link_pairs WHERE source = ?", (aid,))
        }
        conn.execute("DELETE FROM link_pairs WHERE source = ? OR derived = ?", (aid, aid))
        conn.execute("DELETE FROM link_same_story WHERE a = ? OR b = ?", (aid, aid))
        if old[0]:
            conn.executemany(
                "UPDATE link_shingle_df SET n = n - 1 WHERE h = ?",
                [(h,) for h in _hashes_from_blob(old[0])],
            )
    if shingle_counts is None:
        count_shingles(conn, Counter(item.short_shingles))
    else:
        shingle_counts.update(item.short_shingles)
    conn.execute(
        "INSERT OR REPLACE INTO link_index (article_id, processed_at, language, day, shingles,"
        " signature, passages, short_shingles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            aid,
            processed_at,
            item.language,
            item.day,
            item.shingles,
            None if item.signature is None else item.signature.astype("<u4").tobytes(),
            stored_form(item),
            _hashes_blob(item.short_shingles),
        ),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO link_anchors (anchor, article_id) VALUES (?, ?)",
        [(a, aid) for a in sorted(blocking_anchors(item.passages))],
    )
    keys = list(item.anchor_bands) + bands_of(item)
    conn.executemany(
        "INSERT OR IGNORE INTO link_bands (band, article_id) VALUES (?, ?)",
        [(k, aid) for k in keys],
    )
    return orphaned


def count_shingles(conn: sqlite3.Connection, counts: Counter[int]) -> None:
    """Add to the store's count of short texts having each 3-gram: one upsert per 3-gram of
    a batch (a brief's common phrases recur across a chunk), in key order (neighbouring
    pages of the table)."""
    conn.executemany(
        "INSERT INTO link_shingle_df (h, n) VALUES (?, ?)"
        " ON CONFLICT (h) DO UPDATE SET n = n + excluded.n",
        sorted(counts.items()),
    )


def load_index(conn: sqlite3.Connection, article_id: str) -> Indexed | None:
    row = conn.execute("SELECT * FROM link_index WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    sig = None
    if row["signature"] is not None:
        sig = np.frombuffer(row["signature"], dtype="<u4").astype(np.uint32)
    return Indexed(
        article_id=article_id,
        language=row["language"],
        day=row["day"],
        shingles=row["shingles"],
        signature=sig,
        passages=passages_from_json(row["passages"]),
        short_shingles=_hashes_from_blob(row["short_shingles"]),
    )


def stale_articles(conn: sqlite3.Connection) -> list[str]:
    """Processed articles whose current version is not indexed yet."""
    return [
        r[0]
        for r in conn.execute(
            # Both sides from covering indexes (migration 0011), never the wide rows.
            "SELECT a.article_id FROM articles a"
            " LEFT JOIN link_index i INDEXED BY link_index_state USING (article_id)"
            " WHERE a.status = 'processed' AND (i.article_id IS NULL"
            " OR i.processed_at IS NOT a.processed_at) ORDER BY a.article_id"
        )
    ]


# --- candidates --------------------------------------------------------------------------


def candidates(conn: sqlite3.Connection, item: Indexed) -> list[str]:
    """Articles sharing a 3-gram LSH band, an anchor-set LSH band or several rare anchors
    with ``item``; bounded work."""
    aid = item.article_id
    found: dict[str, int] = {}
    for keys, rank in (
        (list(item.anchor_bands), MIN_SHARED + 50),  # the same names and figures
        (bands_of(item), MIN_SHARED + 100),
    ):
        if not keys:
            continue
        marks = ",".join("?" * len(keys))
        for r in conn.execute(
            f"SELECT DISTINCT article_id FROM link_bands WHERE band IN ({marks})"
            " AND article_id != ?",
            (*keys, aid),
        ):
            found[r[0]] = rank  # near-duplicates, then same anchor sets, always get scored
    anchors = sorted(blocking_anchors(item.passages))
    rare: list[str] = []
    for chunk in chunked(anchors, 500):
        marks = ",".join("?" * len(chunk))
        rare.extend(
            r[0]
            for r in conn.execute(
                f"SELECT anchor FROM link_anchor_df WHERE anchor IN ({marks}) AND n <= ?",
                (*chunk, DF_CAP),
            )
        )
    for chunk in chunked(rare, 500):
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
            f"SELECT article_id, count(*) FROM link_anchors WHERE anchor IN ({marks})"
            " AND article_id != ? GROUP BY article_id",
            (*chunk, aid),
        ):
            found[r[0]] = found.get(r[0], 0) + int(r[1])
    ranked = sorted((k for k, v in found.items() if v >= MIN_SHARED), key=lambda k: (-found[k], k))
    return ranked[:MAX_CANDIDATES]


def chunked(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def in_window(a: Indexed, b: Indexed) -> bool:
    return a.day is None or b.day is None or abs(a.day - b.day) <= DATE_WINDOW_DAYS
