"""Sentences and word tokens, with offsets into the raw text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from wartrace.extract.lexicon import MARKS, fold

# Arabic-script words and Western digits written together ("میں23") are two tokens.
_WORD = re.compile(
    f"[\u0600-\u06ff]+(?=[0-9])|[0-9]+(?=[\u0600-\u06ff])|[\\w'’{MARKS}]+(?:[-.,][\\w'’{MARKS}]+)*"
)
_PARA = re.compile(r"[^\n]+")
# A line break with text on both sides: inside a paragraph of hard-wrapped text.
_WRAP = re.compile(r"(?<=\S)([ \t]*)\n(?=[ \t]*\S)")
HARD_WRAPS = 5  # line breaks inside sentences that make a text hard-wrapped
MAX_PARAGRAPH = 20_000  # longer "paragraphs" (no newlines) are cut, as they always were


# Not frozen, though never changed: a frozen dataclass's __init__ costs three times a plain
# one's, and an article has hundreds of tokens. unsafe_hash keeps the hash frozen gave.
@dataclass(slots=True, unsafe_hash=True)
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
            base = self.start
            self._tokens = tuple(
                Token(base + m.start(), base + m.end(), word, word.lower())
                for m in _WORD.finditer(self.text)
                for word in (m.group(),)
            )
        return list(self._tokens)


# Pre-tokens for the sentencizer: acronyms with dots ("U.S."), numbers ("a .50 calibre gun":
# a dot after a space and before a digit opens a number, it ends no sentence), words, single
# punctuation marks.
_PRE = re.compile(
    f"(?:[^\\W\\d_]\\.){{2,}}|(?<!\\S)\\.\\d+(?:[.,:/]\\d+)*|\\d+(?:[.,:/]\\d+)*|[\\w'’{MARKS}]+(?:[-.][\\w'’{MARKS}]+)*|[^\\w\\s{MARKS}]"
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


# Where a sentence-final mark may be: each mark of the basic plane, or any character beyond it.
# A set of scattered astral characters makes re test them one by one at each position (26
# times slower); a run read for a mark it does not hold changes nothing.
_TERMINAL = re.compile(
    "["
    + "".join(re.escape(c) for c in sorted(_TERMINALS) if ord(c) <= 0xFFFF)
    + "\U00010000-\U0010ffff]"
)
_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S")


def _segment(chunk: str, pos: int) -> tuple[int, int]:
    """The whitespace-free run of ``chunk`` holding ``pos`` (a non-space character)."""
    start = pos
    while start > 0 and not chunk[start - 1].isspace():  # isspace is exactly re's \s
        start -= 1
    space = _SPACE.search(chunk, pos)
    return start, space.start() if space else len(chunk)


def _sentences(chunk: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a paragraph.

    A sentence starts at the first token after a sentence-final mark that is neither such a
    mark nor punctuation ("He said. Then" splits; '?!"' closing a quote stays with it).
    Tokens come from a regex pre-tokenisation (``_PRE``) that keeps every token's offset.

    Only the tokens that can matter are made. Every character but whitespace belongs to a
    token and no token holds whitespace, so a whitespace-free run is tokenised the same alone
    as within the paragraph, a sentence ends where the non-space text before the next one
    ends, and the runs read are those holding a sentence-final mark and those after one
    until a sentence starts (``tests/test_extract_sentences_fast.py`` checks it against
    tokenising everything).
    """
    end = len(chunk.rstrip())
    if not end:
        return []
    starts = [len(chunk) - len(chunk.lstrip())]
    seen_final = False
    pos = 0
    while pos < end:
        if seen_final:  # the next run: its first tokens may start a sentence
            nxt = _NON_SPACE.search(chunk, pos)
            if nxt is None:
                break
            a, b = _segment(chunk, nxt.start())
        else:  # tokens before the next sentence-final mark change nothing: skip to its run
            mark = _TERMINAL.search(chunk, pos)  # (or to a character that may be one)
            if mark is None:
                break
            a, b = _segment(chunk, mark.start())
        for m in _PRE.finditer(chunk, a, b):
            token = m.group()
            final = token in _TERMINALS
            if seen_final and not final and not _is_punct(token):
                starts.append(m.start())
                seen_final = False
            elif final:
                seen_final = True
        pos = b
    ends = [len(chunk[:s].rstrip()) for s in starts[1:]] + [end]
    return list(zip(starts, ends, strict=True))


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


def unwrapped(text: str) -> str:
    """The text with the line breaks inside its paragraphs made spaces (same length, so every
    offset still points into the raw text), when it is hard-wrapped."""
    if not _hard_wrapped(text):
        return text
    return _WRAP.sub(lambda m: m.group(1) + " ", text)


def _hard_wrapped(text: str) -> bool:
    """A text wrapped at a fixed width (printed and e-mailed wires: "At least six people
    were killed as\nIndonesia's capital erupted ..."), its paragraphs set apart by blank
    lines: most of its line breaks fall inside sentences, before a word in lower case. Its
    paragraphs are its blocks of lines, not its lines."""
    if "\n\n" not in text:
        return False  # lines are its only paragraphs
    lines = text.split("\n")
    pairs = [(a.rstrip(), b.lstrip()) for a, b in pairwise(lines) if a.strip() and b.strip()]
    wraps = sum(1 for a, b in pairs if a[-1] not in _TERMINALS and b[:1].islower())
    return wraps >= HARD_WRAPS and 2 * wraps >= len(pairs)


_CREDIT = re.compile(r"\(([^()]{1,80})\)\s*\.?$")  # "(Foto: SANA).", "(AP Photo/Jane Roe)"
# "REUTERS/Stringer", "AFP/Jane Roe", "ANTARA FOTO/REUTERS/Ali al-Rami" after a sentence: an
# agency and a name, capitalised word by word (not "BH/IS fighters were killed", "from IS/ISIL")
_WIRE_PHOTO = re.compile(
    r"(?:^|[.!?)”»]\s+|©\s*)(?:[A-Z][A-Z ]+/)*[A-Z]{2,}\s?/\s?"
    r"(?:(?:al-|el-|de |van |bin )?[A-Z][\w.'’-]*\s?){1,4}$"
)
_LETTERS = re.compile(r"[^\W\d_]+")


def caption_paragraphs(sents: Sequence[Sentence], labels: frozenset[str]) -> set[int]:
    """Paragraphs that are a picture's caption: opened by a label ("Image: ...", "FILE
    PHOTO.") or ending in a photo credit ("... (Foto: SANA).", "... REUTERS/Stringer"). A
    caption tells what a picture shows, often a file photo: its acts and days are not the
    report's (a caption dated the day the picture was taken, "Soldiers fight rebels")."""
    texts: dict[int, list[str]] = {}
    for s in sents:
        texts.setdefault(s.paragraph, []).append(s.text)
    return {k for k, parts in texts.items() if _is_caption(" ".join(parts).strip(), labels)}


def _is_caption(text: str, labels: frozenset[str]) -> bool:
    head = re.match(r"([^:.]{1,20})[:.]", text)
    if head and head.group(1).strip().lower() in labels:
        return True
    credit = _CREDIT.search(text)
    if credit and any(w.lower() in labels for w in _LETTERS.findall(credit.group(1))):
        return True
    return _WIRE_PHOTO.search(text.rstrip(". ")) is not None
