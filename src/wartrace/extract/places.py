"""Place names a sentence gives as where something happened."""

from __future__ import annotations

from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence, Token
from wartrace.geo.relations import relation_before
from wartrace.models import PlaceMention

MAX_PLACE_WORDS = 5
SPEAKER_WINDOW = 6  # tokens before a place marker in which "told"/"said" makes it the speaker's


def _is_name_token(tok: Token, data: LangData) -> bool:
    if tok.text[:1].isupper():
        return True
    head = tok.low.split("-", 1)[0]
    return "-" in tok.low and head in data.particles  # "al-Mayadin", "ez-Zor"


def _opening_marker(tok: Token, data: LangData) -> bool:
    """ "In Kharkiv, ...", "Di Kabupaten Nduga, ...": a place marker opening the sentence is
    capitalised like a name, but it is the marker of the name after it."""
    return any(
        h.start == 0 and h.end == len(tok.low) for h in data.place_before.find(tok.text, tok.low)
    )


def _owner_of_a_thing(tokens: list[Token], k: int) -> bool:
    """A possessive name followed by a common noun ("Kell's orders") names whose it is."""
    return (
        tokens[k].low.endswith(("'s", "’s"))
        and k + 1 < len(tokens)
        and not tokens[k + 1].text[:1].isupper()
    )


def _runs(tokens: list[Token], sentence: Sentence, data: LangData) -> list[tuple[int, int]]:
    """Token ranges of capitalised names, allowing lower-case particles inside."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if (
            not _is_name_token(tokens[i], data)
            or tokens[i].text in data.place_stop
            or (i == 0 and _opening_marker(tokens[0], data))
        ):
            i += 1
            if i == 1 and _owner_of_a_thing(tokens, 1):
                i = 2  # "At Kell's orders, ...": a person's, no place
            continue
        j = i + 1
        while j < len(tokens) and j - i < MAX_PLACE_WORDS:
            gap = sentence.text[
                tokens[j - 1].end - sentence.start : tokens[j].start - sentence.start
            ]
            if gap != " ":
                break
            tok = tokens[j]
            if tok.text in data.place_stop:
                break
            if _is_name_token(tok, data):
                j += 1
            elif (
                tok.low in data.particles
                and j + 1 < len(tokens)
                and _is_name_token(tokens[j + 1], data)
            ):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _covered(hits: list[Hit[object]], start: int, end: int) -> bool:
    return any(h.start < end and start < h.end for h in hits)


def find_places(
    sentence: Sentence,
    data: LangData,
    blocked: list[Hit[object]],
) -> list[PlaceMention]:
    """Names after a place marker ("in X", "di X") or before one ("X province").

    ``blocked`` are spans already known to be something else (actor names, country words used
    as adjectives), relative to the sentence.
    """
    tokens = sentence.tokens()
    if not tokens:
        return []
    base = sentence.start
    before = data.place_before.find(sentence.text, sentence.low)
    after = data.place_after.find(sentence.text, sentence.low)
    speakers = data.speaker.find(sentence.text, sentence.low)
    out: list[PlaceMention] = []
    for i, j in _runs(tokens, sentence, data):
        s, e = tokens[i].start - base, tokens[j - 1].end - base
        if _covered(blocked, s, e):
            continue
        gap_before = sentence.low[:s].rstrip()
        for article in ("the ", "the"):
            if gap_before.endswith(" " + article.strip()):
                gap_before = gap_before[: -len(article.strip())].rstrip()
        marker = next((h for h in before if h.end == len(gap_before)), None)
        follows = next((h for h in after if h.start == e + 1), None)
        if marker is None and follows is None:
            continue
        anchor = marker.start if marker else s
        near = [t for t in tokens if anchor - SPEAKER_WINDOW * 8 <= t.start - base < anchor]
        if marker and any(
            h.end <= anchor and len([t for t in near if t.start - base >= h.end]) < SPEAKER_WINDOW
            for h in speakers
        ):
            continue  # "told ARA News in Deir ez-Zor": where the speaker was
        name = sentence.text[s:e].strip(" '’-")
        if len(name) < 3 or (name.isupper() and len(name) <= 4):
            continue  # acronyms are organisations far more often than places
        # "20 km northwest of X", "di luar X": the event lay beside X, not in it
        relation = relation_before(sentence.text[:s])
        out.append(PlaceMention(name, base + s, base + s + len(name), "event", relation))
    return out
