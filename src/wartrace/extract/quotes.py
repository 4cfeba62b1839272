"""Quotations that run on past the sentence naming their speaker."""

from __future__ import annotations

from collections.abc import Sequence

_OPENING_QUOTES = "\"“«'‘"
QUOTE_MARKS = '"“”«»'


def continued_quotes(sentences: Sequence[tuple[int, str, str | None]]) -> dict[int, str]:
    """Paragraphs that carry on the quotation of the paragraph before, with its speaker.

    News writing runs one speaker's words over several paragraphs and names the speaker
    once: a paragraph that opens with a quotation mark and names nobody is still the speaker
    of the quote that ended the paragraph before ("'It was a sad day,' he said." / "'We have
    buried ten.'"). ``sentences``: (paragraph, text, claimant) in order."""
    out: dict[int, str] = {}
    speaker: str | None = None  # who spoke the quote the previous paragraph ended with
    k = 0
    while k < len(sentences):
        paragraph = sentences[k][0]
        end = k
        while end < len(sentences) and sentences[end][0] == paragraph:
            end += 1
        block = sentences[k:end]
        named = [who for _, text, who in block if who and any(c in text for c in QUOTE_MARKS)]
        if not any(who for _, _, who in block):
            if speaker and block[0][1].lstrip()[:1] in _OPENING_QUOTES:
                out[paragraph] = speaker
            else:
                speaker = None
        else:
            speaker = named[-1] if named else None
            if speaker and _quote_goes_on(block, speaker):
                out[paragraph] = speaker
        k = end
    return out


def _quote_goes_on(block: Sequence[tuple[int, str, str | None]], speaker: str) -> bool:
    """ "'It was a sad day,' he said. 'About 40 of them were killed.'": a sentence opening
    with a quotation mark and naming nobody, after the speaker's quote in its paragraph,
    goes on with the speaker's words."""
    last = max(k for k, (_, _, who) in enumerate(block) if who == speaker)
    return any(
        block[k][2] is None and _opens_quote(block[k - 1][1], block[k][1])
        for k in range(last + 1, len(block))
    )


def _opens_quote(before: str, text: str) -> bool:
    """Whether a sentence opens with a quotation mark, which the sentence splitter may leave
    at the end of the sentence before it ('... he said. "' + 'About 40 ...')."""
    if text.lstrip()[:1] in _OPENING_QUOTES:
        return True
    tail = before.rstrip()
    return tail.endswith(("“", "«")) or tail.endswith((' "', " '"))
