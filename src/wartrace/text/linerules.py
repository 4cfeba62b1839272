"""Whole-line boilerplate rules, with the rules a line cannot meet left out before matching.

Running every rule's regex over every line was most of the boilerplate cost: a hundred
calls per line, and the rules that open with ``.{0,100}`` or ``.*`` walk the whole line
before failing. ``LineRules`` gives the same answer, the first rule (in data order) that
matches the whole line, trying only the rules that may match: those whose length range
admits the line and whose required words occur in it (one Aho-Corasick pass finds them).

A required word is a literal every match must contain ("all rights reserved" in
``.{0,80}all rights reserved\\.?``, one of "{};=" in ``.*(?:[{};=].*){3,}``), read from the
rule's parsed pattern. Only ASCII words and characters without case are used, compared
with the line lower-cased: exact under the rules' IGNORECASE once the four non-ASCII
letters that match ASCII ones are mapped to them.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from collections.abc import Sequence
from typing import Any, Protocol

import ahocorasick

# Non-ASCII letters that IGNORECASE matches to an ASCII letter ('İ' and 'ı' to i, 'ſ' to s,
# the Kelvin sign to k); the test checks every code point.
ASCII_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
MIN_WORD = 3  # shorter required literals are in most lines: not worth a check


class Rule(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def pattern(self) -> re.Pattern[str]: ...


_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
Need = tuple[str, ...]  # at least one of these (lower-case ASCII) words occurs in every match


def _usable(c: str) -> bool:
    """A character whose IGNORECASE matches the lower-cased, twin-mapped line shows as
    itself: ASCII, or a character without case (punctuation, '©', Arabic letters)."""
    return c.isascii() or c.lower() == c == c.upper()


def _word(chars: list[int]) -> str | None:
    """A required literal worth checking: a word of a few letters, or punctuation."""
    text = "".join(map(chr, chars))
    if not all(map(_usable, text)):
        return None
    if len(text) < MIN_WORD and any(c.isalnum() or c.isspace() for c in text):
        return None
    return text.lower()


def required_words(items: Any) -> list[Need]:
    """What every match of a parsed (sub)pattern contains: a list of alternatives' sets."""
    needs: list[Need] = []
    run: list[int] = []

    def flush() -> None:
        if run and (word := _word(run)):
            needs.append((word,))
        run.clear()

    for op, av in items:
        if op is sre_constants.LITERAL:
            run.append(av)
            continue
        flush()
        if op is sre_constants.SUBPATTERN and not av[1] and not av[2]:  # no inline flags
            needs.extend(required_words(av[3]))
        elif op is sre_constants.BRANCH:
            if need := _branch_need(av[1]):
                needs.append(need)
        elif op in _REPEATS and av[0] >= 1:
            needs.extend(required_words(av[2]))
        elif op is sre_constants.IN and (chars := _class_chars(av)):
            needs.append(chars)
    flush()
    return needs


def _class_chars(items: Sequence[Any]) -> Need | None:
    """The characters of a class listed one by one ("[{};=]"), if it is only punctuation."""
    chars: list[str] = []
    for op, av in items:
        if op is not sre_constants.LITERAL:
            return None
        if (word := _word([av])) is None:
            return None
        chars.append(word)
    return tuple(chars) or None


def _branch_need(alternatives: Sequence[Any]) -> Need | None:
    """A word from each alternative: one of them occurs in every match of the branch."""
    words: list[str] = []
    for alt in alternatives:
        best = _best(required_words(alt))
        if best is None:
            return None  # an alternative without a required word: the branch needs nothing
        words.extend(best)
    return tuple(dict.fromkeys(words))


def _best(needs: list[Need]) -> Need | None:
    """The most selective need: the one whose shortest word is longest."""
    return max(needs, key=lambda need: min(map(len, need)), default=None)


class LineRules:
    """The first of ``rules`` that matches a whole line, trying only the rules it may meet."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._rules = tuple(rules)
        self._widths: list[tuple[int, int]] = []
        always: list[int] = []
        by_word: dict[str, list[int]] = {}
        for k, rule in enumerate(self._rules):
            parsed = sre_parse.parse(rule.pattern.pattern, rule.pattern.flags)
            self._widths.append(parsed.getwidth())
            cased = not rule.pattern.flags & re.IGNORECASE
            need = None if cased else _best(required_words(parsed))
            if need is None:
                always.append(k)
            for word in need or ():
                by_word.setdefault(word, []).append(k)
        self._always = frozenset(always)
        self._words = ahocorasick.Automaton()
        for word, ks in by_word.items():
            self._words.add_word(word, tuple(ks))
        if by_word:
            self._words.make_automaton()

    def candidates(self, line: str) -> list[int]:
        """Indices of the rules that may match all of ``line``, in the rules' order."""
        text = line
        if not text.isascii():
            for twin, letter in ASCII_TWINS.items():
                if twin in text:  # before lower-casing: 'İ'.lower() is two characters
                    text = text.replace(twin, letter)
        low = text.lower()
        found = set(self._always)
        if self._words.kind == ahocorasick.AHOCORASICK:
            for _, ks in self._words.iter(low):
                found.update(ks)
        size = len(line)
        return [k for k in sorted(found) if self._widths[k][0] <= size <= self._widths[k][1]]

    def first(self, line: str) -> str | None:
        """Name of the first rule whose pattern matches all of ``line``, else None."""
        for k in self.candidates(line):
            if self._rules[k].pattern.fullmatch(line):
                return self._rules[k].name
        return None
