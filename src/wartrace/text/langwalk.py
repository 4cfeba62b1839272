"""py3langid's feature walk, vectorised with numpy; the same features, counts and order.

py3langid finds a text's byte n-gram features with a DFA walked one byte at a time in
Python (``visit_counts``): half of language identification, which is half of the text
stage. The DFA is an Aho-Corasick automaton: its state after a byte is the longest
suffix of the text read so far that is a node of its trie, and no node is deeper than
``depth`` (6) bytes. So the state at a byte depends only on the ``depth`` bytes ending
there, and is the state reached from the start by reading those bytes alone: every
position's state is found at once, as a few numpy gathers over all positions.
``tests/test_text_langwalk.py`` compares the two walks on invented texts and random bytes
(and the states agreed at every one of 3.9 million positions of real and random texts).

The features are returned as ``visit_counts``'s Counter would list them (by first
appearance, with counts), so the scores are the same to the last bit: the dot product
adds them up in the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

# Below this many bytes the per-call cost of numpy is more than walking byte by byte.
SHORT_TEXT = 256


@dataclass(frozen=True, slots=True)
class Walk:
    nextmove: NDArray[Any]  # next state = nextmove[rowbase[state] + byte]
    rowbase: NDArray[np.int64]
    output: NDArray[np.int64]  # feature of a state, or -1
    pairs: NDArray[Any]  # state after two bytes from the start, at b0 * 256 + b1
    depth: int  # bytes that decide the state: the trie's depth
    slow: Callable[[bytes], Any]  # py3langid's own walk, for short texts
    slow_tables: tuple[Any, list[int]]  # py3langid's nextmove and rowbase


def build(ident: Any) -> Walk:
    """The tables of ``ident``'s DFA (a py3langid ``LanguageIdentifier``)."""
    from py3langid.langid import visit_counts

    nextmove = np.asarray(ident.tk_nextmove)  # 9.8M entries: a view of the array, not a copy
    rowbase = np.asarray(ident._rowbase, dtype=np.int64)
    output = np.asarray(ident.tk_output, dtype=np.int64)
    every_byte = np.arange(256, dtype=np.int64)
    first = nextmove[rowbase[0] + every_byte]
    pairs = nextmove[(rowbase[first][:, None] + every_byte).ravel()]
    return Walk(
        nextmove,
        rowbase,
        output,
        pairs,
        _depth(nextmove.reshape(-1, 256), rowbase >> 8),
        lambda text: visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, text),
        (ident.tk_nextmove, ident._rowbase),
    )


def _depth(table: NDArray[Any], row_of: NDArray[np.int64]) -> int:
    """The most bytes needed to reach a state from the start (breadth first); states share
    rows of the transition table, so each level reads every row once."""
    seen = np.zeros(len(row_of), dtype=bool)
    seen[0] = True
    frontier, depth = np.array([0], dtype=np.int64), 0
    while True:
        reached = table[np.unique(row_of[frontier])].ravel()
        fresh = reached[~seen[reached]]
        if not len(fresh):
            return depth
        frontier = np.unique(fresh)
        seen[frontier] = True
        depth += 1


def features(walk: Walk, text: bytes) -> tuple[NDArray[np.intp], NDArray[np.float32]] | None:
    """The text's features and their counts, in order of first appearance; None if none."""
    if walk.depth < 2 or len(text) < max(SHORT_TEXT, walk.depth):
        visits = walk.slow(text)
        if not visits:
            return None
        return (
            np.fromiter(visits.keys(), dtype=np.intp, count=len(visits)),
            np.fromiter(visits.values(), dtype=np.float32, count=len(visits)),
        )
    found = _output_per_byte(walk, np.frombuffer(text, dtype=np.uint8).astype(np.int64))
    found = found[found >= 0]
    if not len(found):
        return None
    # Distinct features with their counts and first positions (np.unique, without its
    # per-call overhead): a stable sort keeps each feature's positions in text order.
    by_feature = np.argsort(found, kind="stable")
    ordered = found[by_feature]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    counts = np.diff(np.append(starts, len(ordered)))
    appearance = np.argsort(by_feature[starts])
    return ordered[starts][appearance].astype(np.intp), counts[appearance].astype(np.float32)


def _output_per_byte(walk: Walk, data: NDArray[np.int64]) -> NDArray[np.int64]:
    """The DFA's output after each byte of ``data`` (at least ``depth`` bytes long)."""
    k, n = walk.depth, len(data)
    # The first k - 1 bytes: walked from the start (on py3langid's own tables, which index
    # faster one at a time); there the state is not yet a window's.
    nextmove, rowbase = walk.slow_tables
    head, state = [], 0
    for byte in data[: k - 1].tolist():
        state = nextmove[rowbase[state] + byte]
        head.append(state)
    # Every later byte: the state read from the start over the k bytes ending there.
    states = walk.pairs[data[: n - k + 1] * 256 + data[1 : n - k + 2]]
    for j in range(2, k):
        states = walk.nextmove[walk.rowbase[states] + data[j : n - k + 1 + j]]
    return walk.output[np.concatenate((np.array(head, dtype=np.int64), states))]
