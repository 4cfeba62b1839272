"""Sentences and word tokens, with offsets into the raw text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wartrace.extract.lexicon import MARKS, fold

# Arabic-script words and Western digits written together ("میں23") are two tokens.
_WORD = re.compile(
    f"[\u0600-\u06ff]+(?=[0-9])|[0-9]+(?=[\u0600-\u06ff])|[\\w'’{MARKS}]+(?:[-.,][\\w'’{MARKS}]+)*"
)
_PARA = re.compile(r"[^\n]+")
MAX_PARAGRAPH = 20_000  # longer "paragraphs" (no newlines) are cut to keep spaCy fast


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    low: str
    paragraph: int

    def tokens(self) -> list[Token]:
        return [
            Token(self.start + m.start(), self.start + m.end(), m.group(), m.group().lower())
            for m in _WORD.finditer(self.text)
        ]


# Pre-tokens for the sentencizer: acronyms with dots ("U.S."), words, single punctuation marks.
_PRE = re.compile(
    f"(?:[^\\W\\d_]\\.){{2,}}|\\d+(?:[.,:/]\\d+)*|[\\w'’{MARKS}]+(?:[-.][\\w'’{MARKS}]+)*|[^\\w\\s{MARKS}]"
)


@lru_cache(maxsize=8)
def _nlp(lang: str) -> Language:
    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, ValueError):  # no spaCy language class: use the generic one
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def _sentences(nlp: Language, chunk: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a paragraph.

    The blank pipeline's own tokenizer is slow for some languages (Indonesian: ~10 ms per 600
    words) and the sentencizer only needs punctuation tokens, so the Doc is built from a regex
    pre-tokenisation that keeps every token's offset.
    """
    marks = list(_PRE.finditer(chunk))
    if not marks:
        return []
    words = [m.group() for m in marks]
    spaces = [
        k + 1 < len(marks) and marks[k].end() < marks[k + 1].start() for k in range(len(marks))
    ]
    doc = nlp.get_pipe("sentencizer")(Doc(nlp.vocab, words=words, spaces=spaces))
    return [(marks[s.start].start(), marks[s.end - 1].end()) for s in doc.sents]


def split_sentences(text: str, lang: str, needed: Sequence[int] | None = None) -> list[Sentence]:
    """Sentences of each non-blank line (a line is at least a paragraph, e.g. a headline).

    With ``needed`` (sorted offsets of words that matter), a paragraph holding none of them is
    kept whole instead of being split: nothing will be read from it sentence by sentence.
    """
    out: list[Sentence] = []
    nlp = _nlp(lang)
    index = 0
    for m in _PARA.finditer(text):
        chunk = m.group()
        if not chunk.strip():
            continue
        if needed is not None:
            k = bisect_left(needed, m.start())
            if k >= len(needed) or needed[k] >= m.end():
                lead = len(chunk) - len(chunk.lstrip())
                piece = chunk.strip()
                start = m.start() + lead
                out.append(Sentence(start, start + len(piece), piece, fold(piece), index))
                index += 1
                continue
        for off in range(0, len(chunk), MAX_PARAGRAPH):
            part = chunk[off : off + MAX_PARAGRAPH]
            for a, b in _sentences(nlp, part):
                start = m.start() + off + a
                piece = text[start : m.start() + off + b]
                out.append(Sentence(start, start + len(piece), piece, fold(piece), index))
        index += 1
    return out
