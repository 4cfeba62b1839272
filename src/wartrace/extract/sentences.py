"""Sentences and word tokens, with offsets into the raw text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from wartrace.extract.lexicon import MARKS, fold

# Arabic-script words and Western digits written together ("میں23") are two tokens.
_WORD = re.compile(
    f"[\u0600-\u06ff]+(?=[0-9])|[0-9]+(?=[\u0600-\u06ff])|[\\w'’{MARKS}]+(?:[-.,][\\w'’{MARKS}]+)*"
)
_PARA = re.compile(r"[^\n]+")
MAX_PARAGRAPH = 20_000  # longer "paragraphs" (no newlines) are cut, as they always were


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
    _tokens: tuple[Token, ...] | None = field(default=None, repr=False, compare=False)
    # Set on a clause cut from a sentence that reports acts at several places
    # (extract/clauses.py): the start of that sentence.
    clause_of: int | None = None

    @property
    def opens_clause(self) -> bool:
        """A clause after the first of its sentence: it opens an incident of its own."""
        return self.clause_of is not None and self.start > self.clause_of

    def tokens(self) -> list[Token]:
        """The sentence's words (read once: several stages ask for them)."""
        if self._tokens is None:
            self._tokens = tuple(
                Token(self.start + m.start(), self.start + m.end(), m.group(), m.group().lower())
                for m in _WORD.finditer(self.text)
            )
        return list(self._tokens)


# Pre-tokens for the sentencizer: acronyms with dots ("U.S."), words, single punctuation marks.
_PRE = re.compile(
    f"(?:[^\\W\\d_]\\.){{2,}}|\\d+(?:[.,:/]\\d+)*|[\\w'’{MARKS}]+(?:[-.][\\w'’{MARKS}]+)*|[^\\w\\s{MARKS}]"
)


# Sentence-final marks: spaCy's Sentencizer.default_punct_chars (spaCy 3.8, MIT licence).
# The rule below is that sentencizer's, done here without building a spaCy pipeline per
# language (1.3-1.9 s each, plus 2.8 s to import spaCy): it only reads punctuation.
_TERMINALS = frozenset(
    "!.?։؟۔܀܁܂߹।॥၊။።፧፨᙮᜵᜶᠃᠉᥄᥅᪨᪩᪪᪫᭚᭛᭞᭟᰻᰼᱾᱿‼‽⁇⁈⁉⸮⸼꓿꘎꘏꛳꛷꡶꡷꣎꣏꤯꧈꧉꩝꩞꩟꫰꫱꯫﹒﹖﹗！．？"
    "𐩖𐩗𑁇𑁈𑂾𑂿𑃀𑃁𑅁𑅂𑅃𑇅𑇆𑇍𑇞𑇟𑈸𑈹𑈻𑈼𑊩𑑋𑑌𑗂𑗃𑗉𑗊𑗋𑗌𑗍𑗎𑗏𑗐𑗑𑗒𑗓𑗔𑗕𑗖𑗗𑙁𑙂𑜼𑜽𑜾𑩂𑩃𑪛𑪜𑱁𑱂𖩮𖩯𖫵𖬷𖬸𖭄𛲟𝪈｡。"
)


@lru_cache(maxsize=4096)
def _is_punct(token: str) -> bool:
    return all(unicodedata.category(c).startswith("P") for c in token)


def _sentences(chunk: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a paragraph.

    A sentence starts at the first token after a sentence-final mark that is neither such a
    mark nor punctuation ("He said. Then" splits; '?!"' closing a quote stays with it).
    Tokens come from a regex pre-tokenisation that keeps every token's offset.
    """
    marks = list(_PRE.finditer(chunk))
    if not marks:
        return []
    starts = [0]
    seen_final = False
    for i, m in enumerate(marks):
        token = m.group()
        final = token in _TERMINALS
        if seen_final and not final and not _is_punct(token):
            starts.append(i)
            seen_final = False
        elif final:
            seen_final = True
    ends = [*starts[1:], len(marks)]
    return [(marks[a].start(), marks[b - 1].end()) for a, b in zip(starts, ends, strict=True)]


def split_sentences(text: str, lang: str, needed: Sequence[int] | None = None) -> list[Sentence]:
    """Sentences of each non-blank line (a line is at least a paragraph, e.g. a headline).

    With ``needed`` (sorted offsets of words that matter), a paragraph holding none of them is
    kept whole instead of being split: nothing will be read from it sentence by sentence.
    """
    out: list[Sentence] = []
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
            for a, b in _sentences(part):
                start = m.start() + off + a
                piece = text[start : m.start() + off + b]
                out.append(Sentence(start, start + len(piece), piece, fold(piece), index))
        index += 1
    return out
