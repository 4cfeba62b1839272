"""The main job: ingest inputs, then process every pending article through the stages.

Data flows forward: ingest -> text (cleaning, language, origin) -> extract -> geo
-> link. ``analyse_article`` is the pure per-article part (what a distributed
engine maps over, see ``wartrace.scale``); everything that reads or writes the
store lives here. The stages are imported where they are first used, so that a
verb which never analyses (``--help``, ``export``) does not pay for loading them.
"""

from __future__ import annotations

import functools
import gc
import sqlite3
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wartrace import limits
from wartrace.models import ArticleInput, ExtractedEvent, IngestError, TextAnalysis
from wartrace.store import db

if TYPE_CHECKING:
    from wartrace.link.index import Indexed

INGEST_BATCH = 2000

Progress = Callable[[int], None]  # advance a progress bar by n


@dataclass(slots=True)
class IngestResult:
    counts: db.IngestCounts = field(default_factory=db.IngestCounts)
    errors: list[IngestError] = field(default_factory=list)


@dataclass(slots=True)
class ProcessResult:
    processed: int = 0
    reports: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article_id, error)
    link_summary: dict[str, int] = field(default_factory=dict)


def _batches(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest(
    conn: sqlite3.Connection,
    paths: Sequence[str | Path],
    advance: Progress | None = None,
) -> IngestResult:
    """Read every input, store good articles batch by batch, record the rejects."""
    from wartrace.ingest import read_inputs

    result = IngestResult()
    seen: dict[str, ArticleInput] = {}
    for batch in _batches(read_inputs(paths), INGEST_BATCH):
        good: list[ArticleInput] = []
        for item in batch:
            if isinstance(item, IngestError):
                result.errors.append(item)
            else:
                good.append(item)
        good, duplicates = db.later_wins(good, seen)
        result.errors.extend(_duplicate_error(*pair) for pair in duplicates)
        c = db.store_articles(conn, good)
        result.counts.added += c.added
        result.counts.replaced += c.replaced
        result.counts.unchanged += c.unchanged
        if advance:
            advance(len(batch))
    result.counts.rejected = len(result.errors)
    db.record_rejects(conn, result.errors)
    return result


def _duplicate_error(dropped: ArticleInput, kept: ArticleInput) -> IngestError:
    return IngestError(
        dropped.source,
        f"id {db.article_id_of(dropped)!r} given again later (in {kept.source});"
        " the later entry is kept",
    )


def analyse_article(
    article: dict[str, Any], recurring_lines: Collection[str]
) -> tuple[TextAnalysis, list[ExtractedEvent]]:
    """Everything derived from one article; pure, so it can run in any worker."""
    from wartrace import extract, geo
    from wartrace.text import analyse_text

    # Cost cap: the stages read a bounded prefix (offsets stay valid); see wartrace.limits.
    full_length = len(article["raw_text"])
    article = {**article, "raw_text": article["raw_text"][: limits.MAX_ANALYSED_CHARS]}
    analysis = analyse_text(
        article["raw_text"],
        url=article["url"],
        outlet=article["outlet"],
        published=article["published"],
        title=article["title"],
        recurring_lines=recurring_lines,
    )
    events = extract.extract_events(
        article["raw_text"], analysis, published=article["published"] or analysis.printed_date
    )
    for event in events:
        event.geo = geo.geocode_event(article["raw_text"], analysis, event)
        extract.localise_actors(event)
        extract.date_state_forces(event)
    if warning := limits.truncation_warning(full_length):
        analysis.warnings.append(warning)
    return analysis, events


# Each article's outlet key and the keys of its lines (none when it has no outlet).
LineFacts = tuple[str, str | None, set[str]]
# Maps ``line_facts`` over batches of rows, yielding each batch's facts in the batches' order.
LineMapper = Callable[[Iterator[list[dict[str, Any]]]], Iterator[list[LineFacts]]]
LINES_BATCH = 500


def line_facts(rows: Sequence[Mapping[str, Any]]) -> list[LineFacts]:
    """What line registration notes of each article; pure, so a runner's workers can do it
    (it is most of the registration's cost, and no analysis can start before it ends)."""
    from wartrace.text import line_keys, outlet_key

    facts: list[LineFacts] = []
    for row in rows:
        key = outlet_key(row["raw_text"], row["url"], row["outlet"])
        facts.append(
            (row["article_id"], key, line_keys(row["raw_text"]) if key is not None else set())
        )
    return facts


def _map_here(batches: Iterator[list[dict[str, Any]]]) -> Iterator[list[LineFacts]]:
    return map(line_facts, batches)


def _line_rows(
    conn: sqlite3.Connection, article_ids: Sequence[str]
) -> Iterator[list[dict[str, Any]]]:
    for chunk in _batches(article_ids, LINES_BATCH):
        yield [
            dict(
                conn.execute(
                    "SELECT article_id, raw_text, url, outlet FROM articles WHERE article_id = ?",
                    (article_id,),
                ).fetchone()
            )
            for article_id in chunk
        ]


def _register_lines(
    conn: sqlite3.Connection, article_ids: Sequence[str], mapper: LineMapper | None = None
) -> dict[str, str | None]:
    """Note every line of the pending articles under their outlet (for learned boilerplate).

    Returns each article's outlet key, so processing need not work it out again.
    ``mapper`` decides where ``line_facts`` runs (default: here); the writes are here.
    """
    keys: dict[str, str | None] = {}
    with db.transaction(conn):
        for facts in (mapper or _map_here)(_line_rows(conn, article_ids)):
            for article_id, key, lines in facts:
                keys[article_id] = key
                if key is None:
                    continue
                conn.execute("DELETE FROM outlet_lines WHERE article_id = ?", (article_id,))
                conn.executemany(
                    "INSERT OR IGNORE INTO outlet_lines (outlet, line_hash, article_id)"
                    " VALUES (?,?,?)",
                    [(key, h, article_id) for h in lines],
                )
    return keys


RECURRING_MIN_ARTICLES = 3


def recurring_lines(conn: sqlite3.Connection, outlet: str | None) -> set[str]:
    """Lines that recur in at least three articles of one outlet: its boilerplate."""
    if outlet is None:
        return set()
    return {
        r[0]
        for r in conn.execute(
            "SELECT line_hash FROM outlet_lines WHERE outlet = ? GROUP BY line_hash"
            " HAVING count(*) >= ?",
            (outlet, RECURRING_MIN_ARTICLES),
        )
    }


# One article's outcome: its analysis, events and derivation index (None when building it
# failed: linking tries again), or the error that stopped it.
Analysed = tuple[TextAnalysis, list[ExtractedEvent], "Indexed | None"]
Outcome = tuple[str, "Analysed | str"]


@dataclass(slots=True)
class Batch:
    """Articles to analyse together, with the boilerplate lines of their outlets."""

    rows: list[dict[str, Any]]
    keys: list[str | None]  # each row's outlet key
    recurring: dict[str | None, set[str]]


def analyse_batch(batch: Batch) -> list[Outcome]:
    """``analyse_article`` over a batch; one bad article must not stop the batch."""
    return [
        _analyse_one(row, batch.recurring[key])
        for row, key in zip(batch.rows, batch.keys, strict=True)
    ]


def _analyse_one(row: dict[str, Any], recurring: Collection[str]) -> Outcome:
    try:
        analysis, events = analyse_article(row, recurring)
    except Exception as exc:
        return row["article_id"], f"{type(exc).__name__}: {exc}"
    return row["article_id"], (analysis, events, index_article(row, analysis))


def index_article(row: Mapping[str, Any], analysis: TextAnalysis) -> Indexed | None:
    """The article's derivation index (``link.index``), from the row as it will be stored:
    built where the article was analysed, so that a cluster's workers do this part of
    linking too. None when it fails; linking then builds it again (and records why)."""
    from wartrace.link import index

    stored = {
        "article_id": row["article_id"],
        "raw_text": row["raw_text"],
        "boilerplate": db.spans_json(analysis.boilerplate),
        "language": analysis.language,
        "published": row["published"],
        "printed_date": analysis.printed_date,
    }
    try:
        return index.build_index(stored)
    except Exception:
        return None


# Maps analyse_batch over batches, yielding each batch's outcomes in the batches' order.
Runner = Callable[[Iterator[Batch]], Iterator[list[Outcome]]]


def run_locally(batches: Iterator[Batch]) -> Iterator[list[Outcome]]:
    """In this process, a batch at a time: the caller commits each batch in one transaction
    (a commit per article was 3% of a run). A process that dies mid-batch loses only that
    batch's analyses: its articles are still pending, so the next run analyses them again.
    An interruption (Ctrl-C) first hands over the articles already done, to be saved."""
    for batch in batches:
        done: list[Outcome] = []
        try:
            for row, key in zip(batch.rows, batch.keys, strict=True):
                done.append(_analyse_one(row, batch.recurring[key]))
        except BaseException:
            if done:
                yield done  # the caller saves them; resuming here raises the interruption
            raise
        yield done


def pending_batches(
    conn: sqlite3.Connection, ids: Sequence[str], keys: Mapping[str, str | None], size: int
) -> Iterator[Batch]:
    """The pending articles in id order, ``size`` at a time, loaded only when asked for."""
    cache: dict[str | None, set[str]] = {}
    for chunk in _batches(ids, size):
        rows = [dict(db.load_article(conn, article_id)) for article_id in chunk]
        chunk_keys = [keys[article_id] for article_id in chunk]
        for key in chunk_keys:
            if key not in cache:
                cache[key] = recurring_lines(conn, key)
        yield Batch(rows, chunk_keys, {key: cache[key] for key in set(chunk_keys)})


PROCESS_BATCH = 64


class FrozenKnowledge:
    """Keeps the cyclic garbage collector off the knowledge loaded for the analysis.

    Lexicons, gazetteer and models are hundreds of thousands of objects that live as long as
    the process, and every full collection walked them all (8% of a run's CPU on generated
    articles). They are loaded with the first article (and a language's lexicons with its
    first article): then what is tracked is frozen (``gc.freeze``) until the run ends.
    Only the collector's work changes; reference counting frees objects as before.

    The youngest generation is also collected less often (``YOUNG_THRESHOLD`` objects
    allocated and not freed, not 700): an article allocates tens of thousands of small
    objects (hits, tokens, spans) that reference counting frees, and the default threshold
    ran a collection every few hundred of them (3.5% of the analysis on generated articles,
    none at all with the higher threshold over 2,000 of them). Cyclic garbage still
    triggers a collection once that many objects are left.
    """

    YOUNG_THRESHOLD = 50_000

    def __init__(self) -> None:
        self.languages = -1
        self.threshold: tuple[int, int, int] | None = None

    def settle(self) -> None:
        """Freeze what the analysis has loaded so far, if it loaded something new."""
        from wartrace.extract.resources import load_language

        if self.threshold is None:
            self.threshold = gc.get_threshold()
            gc.set_threshold(max(self.threshold[0], self.YOUNG_THRESHOLD), *self.threshold[1:])
        languages = load_language.cache_info().currsize
        if languages != self.languages:
            self.languages = languages
            gc.freeze()

    def release(self) -> None:
        gc.unfreeze()
        if self.threshold is not None:
            gc.set_threshold(*self.threshold)
            self.threshold = None


def process(
    conn: sqlite3.Connection,
    advance: Progress | None = None,
    runner: Runner | None = None,
    batch_size: int = PROCESS_BATCH,
) -> ProcessResult:
    """Run every pending article through the stages, then link what changed.

    ``runner`` decides where the analysis runs (default: here, see ``wartrace.scale``
    for Dask); the results are written here, one transaction per batch it yields
    (``batch_size`` articles),
    in the articles' order, so the store ends the same whichever runner was used.
    """
    from wartrace import link

    result = ProcessResult()
    ids = db.pending_ids(conn)
    run = runner or run_locally
    # A runner may also offer to map the line registration's pure part (Dask does).
    keys = _register_lines(conn, ids, getattr(run, "map_lines", None))
    prebuilt: dict[str, Indexed] = {}
    unlinked = 0  # articles saved and not yet indexed for linking
    knowledge = FrozenKnowledge()
    try:
        for outcomes in run(pending_batches(conn, ids, keys, batch_size)):
            knowledge.settle()
            done = []
            for article_id, outcome in outcomes:
                if isinstance(outcome, str):
                    result.failed.append((article_id, outcome))
                    continue
                analysis, events, index = outcome
                done.append((article_id, analysis, events))
                if index is not None:
                    prebuilt[article_id] = index
            db.save_processed_many(conn, done)
            result.processed += len(done)
            result.reports += sum(len(events) for _, _, events in done)
            unlinked += len(done)
            if advance:
                advance(len(outcomes))
            if unlinked >= link.CHUNK:
                # Link the whole chunks saved so far while the runner's workers go on analysing.
                counts = link.link_ready(conn, prebuilt)
                unlinked -= counts["indexed"]
                _add(result.link_summary, counts)
        _add(result.link_summary, link.link_all(conn, prebuilt))
    finally:
        knowledge.release()
    return result


# Bounded caches of this many entries or more memoise work on texts (words, lines, stored
# JSON, dates as written); the smaller ones hold loaded knowledge (lexicons by language).
CONTENT_CACHE_MIN = 1024


def content_caches() -> list[Any]:
    """The loaded modules' ``lru_cache``s of texts (see ``CONTENT_CACHE_MIN``)."""
    found: dict[int, Any] = {}  # a cache imported by other modules is found once
    for name, module in list(sys.modules.items()):
        if name != "wartrace" and not name.startswith("wartrace."):
            continue
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                maxsize = value.cache_parameters()["maxsize"]
                if maxsize is not None and maxsize >= CONTENT_CACHE_MIN:
                    found[id(value)] = value
    return list(found.values())


def release_memory(conn: sqlite3.Connection) -> None:
    """Forget what a run memoised about the texts it read, and the store's cached pages.

    For a process that runs again and again (``watch``): each cache is bounded, but at
    tens of thousands of entries (and 64 MB of pages) it fills over hours of new texts, so
    the process grew by a third of a MB a minute. The caches are pure, so the next run
    computes the same from the store; a single ``run`` never needs this."""
    for cached in content_caches():
        cached.cache_clear()
    conn.execute("PRAGMA shrink_memory")


def _add(total: dict[str, int], counts: Mapping[str, int]) -> None:
    for key, n in counts.items():
        total[key] = total.get(key, 0) + n
