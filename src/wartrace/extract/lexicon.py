"""Whole-word phrase matching over a text, built on one Aho-Corasick automaton per lexicon.

A phrase ending in ``*`` also matches any longer word that starts with it ("attack*" finds
"attacks", "attacked"). Matching is case-insensitive unless a phrase is registered as
case-sensitive (short acronyms such as "IS"). Offsets are offsets into the text given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter
from typing import Any, Generic, TypeVar

import ahocorasick

T = TypeVar("T")

# Apostrophes and dashes that writers use interchangeably; mapped one char to one char.
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "–": "-", "—": "-", "‑": "-"})


def fold(text: str) -> str:
    """Lower-case text without changing its length (so offsets stay valid)."""
    # An ASCII text (known without reading it) holds none of the folded characters.
    low = text.lower() if text.isascii() else text.translate(_FOLD).lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case to two (e.g. "İ"): fold char by char, keeping one.
    return "".join((c.translate(_FOLD).lower() or c)[0] for c in text)


# Combining marks (Arabic harakat such as tanween in "عسكرياً", accents written apart) belong to
# the word they sit on.
MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_MARK = re.compile(f"[{MARKS}]")
# The same marks as a set: a membership test is several times cheaper than a regex match, and
# this runs for every boundary character of every lexicon hit.
_MARK_CHARS = frozenset(chr(i) for i in range(0x0300, 0x06EE) if _MARK.match(chr(i)))


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or c in _MARK_CHARS


# Not frozen, though never changed: a frozen dataclass's __init__ costs three times a plain
# one's, and an article makes thousands of hits. unsafe_hash keeps the hash frozen gave.
@dataclass(slots=True, unsafe_hash=True)
class Hit(Generic[T]):
    start: int
    end: int
    value: T

    @property
    def length(self) -> int:
        return self.end - self.start


class Lexicon(Generic[T]):
    """A set of phrases, each with a value, matched as whole words."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._auto: ahocorasick.Automaton = ahocorasick.Automaton()
        table: dict[str, list[tuple[bool, bool, str, T]]] = {}
        for phrase, value in entries:
            phrase = phrase.strip()
            if not phrase:
                continue
            prefix = phrase.endswith("*")
            if prefix:
                phrase = phrase[:-1]
            # Short all-capital acronyms ("IS", "SAA") must keep their case: "is" is a word.
            cased = phrase.isupper() and len(phrase.replace(" ", "")) <= 5
            table.setdefault(fold(phrase), []).append((prefix, cased, phrase, value))
        self.size = len(table)
        self._keys = frozenset(table)
        self._table = table
        self._group: LexiconGroup | None = None
        for key, rows in table.items():
            self._auto.add_word(key, (len(key), is_word_char(key[0]), rows))
        if table:
            self._auto.make_automaton()

    def find(self, text: str, folded: str | None = None) -> list[Hit[T]]:
        """Leftmost-longest, non-overlapping whole-word hits, in text order."""
        if not self.size:
            return []
        low = fold(text) if folded is None else folded
        group = self._group
        if group is None:
            return self._select(text, low, self._starts(low))
        # Asked a thousand times per article: the caches are read inline.
        scanned = group._cache.get(low)
        if scanned is None and len(low) >= LONG_TEXT:
            scanned = group.scanned_long(low, self)
        if scanned is None:
            return self._select(text, low, self._starts(low))
        found = scanned.get(id(self))
        if not found:
            return []
        # The same lexicon is asked about the same sentence several times (by typing, roles,
        # places...): its hits there are chosen once, and kept as long as the group keeps the
        # sentence's scan. A copy of the list is given, as a caller may change the list it gets.
        key = (id(self), text, low)
        hits = group._chosen.get(key)
        if hits is None:
            hits = group._chosen[key] = self._select(text, low, found)
        return hits[:]

    def _starts(self, low: str) -> list[tuple[int, int, list[tuple[bool, bool, str, T]]]]:
        """Matches of this lexicon's phrases that begin a word: (start, end, rows)."""
        out = []
        for end_idx, (size, word_first, rows) in self._auto.iter(low):
            start = end_idx - size + 1
            if word_first and start > 0 and is_word_char(low[start - 1]):
                continue
            out.append((start, end_idx + 1, rows))
        return out

    def _select(
        self, text: str, low: str, found: list[tuple[int, int, list[tuple[bool, bool, str, T]]]]
    ) -> list[Hit[T]]:
        n = len(low)
        cands: list[Hit[T]] = []
        for start, end, rows in found:
            for prefix, cased, original, value in rows:
                stop = end
                if prefix:
                    while stop < n and is_word_char(low[stop]):
                        stop += 1
                    if stop != end and low[start:stop] in self._keys:
                        continue  # the whole word has an entry of its own ("ambushed")
                elif stop < n and is_word_char(low[stop]) and is_word_char(low[stop - 1]):
                    continue
                if cased and text[start:end] != original:
                    continue
                cands.append(Hit(start, stop, value))
                break
        return select_longest(cands)


_START = attrgetter("start")


def select_longest(hits: list[Hit[T]]) -> list[Hit[T]]:
    """Drop hits overlapping a longer (or earlier, at equal length) one."""
    if len(hits) < 2:
        return hits
    by_start = sorted(hits, key=_START)
    if all(a.end <= b.start for a, b in pairwise(by_start)):
        return by_start  # no two overlap (the usual case): every hit is kept
    chosen: list[Hit[T]] = []
    for hit in sorted(hits, key=lambda h: (-h.length, h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen


SCAN_CACHE = 256  # sentences whose scans are kept: those of the article being read
# A text this long (a whole article) is asked about by the same few lexicons each time
# (triggers, actors, background...): see ``LexiconGroup.scanned_long``.
LONG_TEXT = 400
LONG_CACHE = 8  # long texts whose scans are kept

_Found = dict[int, list[tuple[int, int, list[Any]]]]


class LexiconGroup:
    """The lexicons of one language matched in one pass. A sentence is asked about by dozens
    of lexicons; ``scan`` runs one automaton holding every member's phrases over it once, and
    a member's ``find`` on that same sentence then reads its own matches from the scan. A long
    text (the whole article) is scanned once for the members that ask about long texts
    (``scanned_long``). Other texts (a clause, a few words) are matched by the member's own
    automaton, as before."""

    def __init__(self) -> None:
        self._auto: ahocorasick.Automaton = ahocorasick.Automaton()
        self._cache: dict[str, _Found] = {}
        # Each member's hits chosen in the texts scanned (member, text, folded text): emptied
        # with the scans. See ``Lexicon.find``.
        self._chosen: dict[tuple[int, str, str], list[Hit[Any]]] = {}
        # Long texts: the members that have asked about one, an automaton of theirs alone,
        # and each recent long text's scan with the members it covers.
        self._long_members: dict[int, Lexicon[Any]] = {}
        self._long_auto: ahocorasick.Automaton | None = None
        self._long_cache: dict[str, tuple[frozenset[int], _Found]] = {}

    def join(self, members: Iterable[Lexicon[Any]]) -> None:
        """Build the shared automaton from the members (once, at loading)."""
        joined = []
        for lex in members:
            if lex._group is not None or not lex.size:
                continue
            lex._group = self
            joined.append(lex)
        self._auto = _shared_automaton(joined)

    def scanned(self, low: str) -> _Found | None:
        return self._cache.get(low)

    def scan(self, low: str) -> None:
        """Match every member in ``low`` (folded) once, for the members' later ``find``."""
        if low in self._cache:
            return
        if len(self._cache) >= SCAN_CACHE:
            self._cache.clear()
            self._chosen.clear()
        self._cache[low] = _scan(self._auto, low)

    def scanned_long(self, low: str, member: Lexicon[Any]) -> _Found | None:
        """The matches in a long text of the members that ask about long texts, from one
        pass of their own automaton, or None when ``member`` is not one of them yet (it is
        from the next long text on). The whole group's automaton would report every
        member's matches (places, claimants...) in the whole text: costlier than the few
        members' own passes; one pass of theirs costs a third of those (measured)."""
        if low not in self._long_cache:
            if len(self._long_cache) >= LONG_CACHE:
                self._long_cache.clear()
                self._chosen.clear()
            if self._long_auto is None and self._long_members:
                self._long_auto = _shared_automaton(self._long_members.values())
            covered = frozenset(self._long_members)
            found = _scan(self._long_auto, low) if self._long_auto is not None else {}
            self._long_cache[low] = (covered, found)
        covered, found = self._long_cache[low]
        if id(member) in covered:
            return found
        if id(member) not in self._long_members:
            self._long_members[id(member)] = member
            self._long_auto = None  # built again, with this member, for the next long text
        return None


def _shared_automaton(members: Iterable[Lexicon[Any]]) -> ahocorasick.Automaton:
    """One automaton of the members' phrases: each phrase with its length and its owners."""
    auto = ahocorasick.Automaton()
    by_key: dict[str, list[tuple[int, list[Any]]]] = {}
    for lex in members:
        for key, rows in lex._table.items():
            by_key.setdefault(key, []).append((id(lex), rows))
    for key, owners in by_key.items():
        # Whether the phrase starts with a word character: only then can a match of it start
        # inside a word (known here, once, instead of at each match).
        auto.add_word(key, (len(key), is_word_char(key[0]), owners))
    if by_key:
        auto.make_automaton()
    return auto


def _scan(auto: ahocorasick.Automaton, low: str) -> _Found:
    """Each owner's matches that begin a word, as ``Lexicon._starts`` finds its own."""
    out: _Found = {}
    if auto.kind == ahocorasick.AHOCORASICK:
        marks = _MARK_CHARS
        for end_idx, (size, word_first, owners) in auto.iter(low):
            start = end_idx - size + 1
            if word_first and start > 0:
                c = low[start - 1]  # is_word_char, inline: it runs for every match
                if c.isalnum() or c == "_" or c in marks:
                    continue
            for owner, rows in owners:
                out.setdefault(owner, []).append((start, end_idx + 1, rows))
    return out
