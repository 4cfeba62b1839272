"""Who gave a figure: "according to X", "X said", "it said" (the claimant named before),
with the organisation a speaker belongs to ("a spokesman for the Syrian army")."""

from __future__ import annotations

import re
from dataclasses import replace

from wartrace.extract.claimant_credits import closing_credit, closing_credit_name, headline_credit
from wartrace.extract.claimant_names import (
    CONNECTORS,
    apposed_name,
    has_source_noun,
    is_named,
    people_before,
    people_named,
    phrase_end,
    with_affiliation,
    words_from,
)
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence
from wartrace.models import Claim

PREVIOUS = "<previous>"  # find_claimant's answer for "he said": the claimant named before
PREVIOUS_BODY = "<previous body>"  # for "it said": the body named before, not a person


def _previous(pronoun: str, data: LangData) -> str:
    return PREVIOUS_BODY if pronoun in data.body_pronouns else PREVIOUS


def find_claimant(sentence: Sentence, data: LangData) -> str | None:
    """Who the sentence says gave its information ("according to X", "X said")."""
    text = sentence.text
    channel = _channel(sentence, data)
    if channel:
        return channel
    relays = data.relay_before.find(text, sentence.low)
    befores = data.attr_before.find(text, sentence.low)
    governed = [(h.end, phrase_end(text, h.end)) for h in befores]
    for h, (_, end) in zip(befores, governed, strict=True):
        if any(r.start <= h.start < r.end for r in relays):
            continue  # "As reported by Reuters, the police chief said": the chief speaks
        if any(h.end <= o.start < end and _opens(text[h.end : o.start], data) for o in befores):
            continue  # "according to a statement from the police": the police
        name = words_from(text, h.end, forward=True, data=data)
        if name:
            return with_affiliation(text, name, h.end, data)
        if _pronoun_after(sentence.low, h.end, data):
            return PREVIOUS  # "Menurut dia", "according to him": who was named before
        people = people_named(text, h.end, data)
        if people:
            return people  # "according to vigilantes": people who saw it
    # "The monitor blamed the rebels, saying 37 died": the speaker is the sentence's subject.
    spoken = data.attr_after.find(text, sentence.low)
    for h in data.subject_verbs.find(text, sentence.low):
        if any(v.end <= h.start for v in spoken):
            break  # "X told AFP ..., saying": the speaker named before the verb (below)
        subject = _subject(text[: h.start], data)
        if subject:
            return subject
    opener = _refers_back_end(sentence, data)
    told = {h.start for h in data.kinds.find(text, sentence.low)}
    verbs = data.subject_verbs.find(text, sentence.low)
    for h in spoken:
        if any(v.start < h.start < v.end for v in verbs):
            continue  # "X denied it and said": X speaks, not the words before "and"
        if any(start <= h.start < end for start, end in governed):
            continue  # "according to reports reaching us": a noun, no speaker
        if any(r.start <= h.start < r.end for r in relays):
            continue  # "X, seperti dikutip Antara, mengatakan": Antara relays, X speaks
        if sentence.low[h.start : h.end] in data.implicit.adverbs and _fate(text, h.end, told):
            continue  # "25 people were reported killed": a passive, nobody speaks
        before = sentence.low[: h.start].split()
        if before and before[-1] in data.claimant_pronouns:
            return _previous(before[-1], data)  # "It said", "he added": who was named before
        name = None
        if opener is None or text[opener : h.start].strip():  # "Data itu dilansir X": X
            name = words_from(text, h.start, forward=False, data=data)
        if name:
            name = apposed_name(text, h.start, name, data) or name
        elif sentence.low[h.start : h.end] not in data.recipient_verbs:  # "told AFP": a listener
            name = words_from(text, h.end, forward=True, data=data)
            if name and _tells_a_fate(text, name, h.end, told):
                name = None  # "mengatakan dua warga tewas": what was said, not who said it
            if name:
                name = with_affiliation(text, name, h.end, data)
        if not name and (opener is None or text[opener : h.start].strip()):
            name = people_before(text, h.start, data)  # "while the rebels said"
        if name:
            return name
    # "X said ..., as quoted by Y" (above: X); Y only when the sentence names no speaker.
    for h in data.relay_before.find(text, sentence.low):
        name = words_from(text, h.end, forward=True, data=data)
        if name:
            return with_affiliation(text, name, h.end, data)
    # "X said, citing a source": X gives the figure; the relayed source only when alone.
    for h in data.attr_relayed.find(text, sentence.low):
        name = words_from(text, h.end, forward=True, data=data)
        if name:
            return name
    if data.pronoun_tags and not data.pronoun_tags.isdisjoint(_TAG_WORD.findall(sentence.low)):
        return PREVIOUS  # "..., ujarnya": said he, the speaker named before
    return closing_credit_name(text, data) or headline_credit(text, data)


_TAG_WORD = re.compile(r"\w+")
_ARTICLES = frozenset({"the", "a", "an"})


def _opens(gap: str, data: LangData) -> bool:
    """Whether a nested source phrase opens the phrase before it ("according to a statement
    from", "Pernyataan itu dimuat oleh"): only articles and stop words between them, no name
    ("disampaikan Kapolres X saat dikonfirmasi wartawan": the Kapolres)."""
    return all(w.lower() in _ARTICLES or w.lower() in data.attr_stop for w in gap.split())


def _tells_a_fate(text: str, name: str, pos: int, kind_starts: set[int]) -> bool:
    """Whether a name read after a speech verb holds a casualty word: the words said ("said
    two residents were killed"), not the speaker ("said the governor")."""
    at = text.find(name, pos)
    return at >= 0 and any(at <= k < at + len(name) for k in kind_starts)


def _fate(text: str, end: int, kind_starts: set[int]) -> bool:
    """A participle of telling (casualties.yaml ``implicit.adverbs``: "reported",
    "dilaporkan") right before a casualty word ("were reported killed", "dilaporkan tewas",
    "confirmed dead") tells what befell its subject, not who told it ("said deaths reached
    14", "mengatakan korban tewas 14 orang": a speaker)."""
    rest = text[end:]
    return bool(rest[:1].isspace()) and end + len(rest) - len(rest.lstrip()) in kind_starts


def clause_claimants(sentence: Sentence, data: LangData) -> list[tuple[int, str | None]]:
    """ "The rebels said they had killed 40 soldiers, while the army said it lost six": two
    sides' counts in one sentence, each told by its own speaker. The clauses a semicolon or a
    contrast word after a comma (", while", ", but", ", sementara": casualties.yaml
    ``breaks``) opens, each with the speaker it names (None: none of its own, or "he said"),
    as (start, speaker) in order; [] for a sentence of one clause. A break that opens a
    casualty word ("killed eight and wounded 100, the agency said") goes on with the same
    statement."""
    text = sentence.text
    told = {h.start for h in data.kinds.find(text, sentence.low)}
    cuts = sorted(
        {
            h.start
            for h in data.breaks.find(text, sentence.low)
            if text[: h.start].rstrip().endswith((",", ";", "،"))
            and not any(h.start <= k < h.end for k in told)
        }
        | {k + 1 for k, c in enumerate(text) if c in ";؛" and k + 1 < len(text)}
    )
    if not cuts:
        return []
    out: list[tuple[int, str | None]] = []
    for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True):
        part = Sentence(
            sentence.start + a, sentence.start + b, text[a:b], sentence.low[a:b], sentence.paragraph
        )
        who = find_claimant(part, data)
        named = who not in (None, PREVIOUS, PREVIOUS_BODY)
        out.append((part.start, data.organisations.canonical(who) if who and named else None))
    return out


def told_by_clause(
    claims: list[Claim], sentence: Sentence, data: LangData, claimant: str | None
) -> list[Claim]:
    """Each clause's figures are told by the speaker it names ("the rebels said they killed
    40, while the army said it lost six"); a clause naming none keeps the sentence's."""
    if not claims:
        return claims
    spoken = clause_claimants(sentence, data)
    if not any(who for _, who in spoken):
        return claims
    out: list[Claim] = []
    for c in claims:
        who = next((w for start, w in reversed(spoken) if start <= c.start), None)
        out.append(replace(c, claimant=who) if who and who != claimant else c)
    return out


def _channel(sentence: Sentence, data: LangData) -> str | None:
    """ "IS claimed it through its Amaq propaganda agency", "ISIS, lewat kantor berita Amaq,
    mengklaim": a named outlet the statement went out by is its source, as ACLED cites it."""
    for h in data.channel.find(sentence.text, sentence.low):
        name = words_from(sentence.text, h.end, forward=True, data=data)
        if not name:
            continue
        words = name.split()
        if has_source_noun(words, data) and (
            is_named(name, data) or data.organisations.holds_one(name)
        ):
            return name
    return None


def _pronoun_after(low: str, pos: int, data: LangData) -> bool:
    words = low[pos:].split(None, 1)
    return bool(words) and words[0].strip(",.") in data.claimant_pronouns


def refers_back(sentence: Sentence, data: LangData) -> bool:
    """ "Demikian menurut X", "This was reported by X", a closing "(Various army sources)":
    the sentence attributes what the sentences before it told."""
    return _refers_back_end(sentence, data) is not None or closing_credit(sentence, data)


def continues_account(sentence: Sentence, data: LangData) -> bool:
    """ "As a result of this ambush, 12 soldiers died": the sentence goes on with the account
    of the sentence before it (and so with that account's source)."""
    return any(h.start == 0 for h in data.continues.find(sentence.text, sentence.low))


def _refers_back_end(sentence: Sentence, data: LangData) -> int | None:
    hit = next(
        (h for h in data.refers_back.find(sentence.text, sentence.low) if h.start == 0), None
    )
    return hit.end if hit else None


_NAME_TOKEN = re.compile(r"\(?[\w'’.-]+\)?")


def _subject(head: str, data: LangData) -> str | None:
    """The name a sentence opens with, up to its verb ("UK-based Syrian Observatory for Human
    Rights (SOHR) attributed ..."): capitalised words, connectors, nouns for a source. A
    clause's contrast word before it ("..., while the RSF denied it and said") is no part of
    it."""
    head = head.lstrip()
    opening = next((h for h in data.breaks.find(head) if h.start == 0), None)
    if opening is not None:
        head = head[opening.end :]
    words: list[str] = []
    end = 0
    for m in _NAME_TOKEN.finditer(head):
        if head[end : m.start()].strip():
            break  # punctuation between words ends the name
        end = m.end()
        w = m.group()
        if not (
            w[:1].isupper()
            or w.startswith("(")
            or w.lower() in CONNECTORS
            or w.lower() in data.claimant_nouns
        ):
            break
        words.append(w)
    stop = data.attr_stop | {"the", "a", "an"}
    skipped = int(opening is not None)  # "But Hartono was quoted": as before a stop word
    while words and words[0].lower() in stop:
        words, skipped = words[1:], skipped + 1
    if not words:
        first = head.split()[:1]
        pronoun = first[0].lower() if first else ""
        return _previous(pronoun, data) if pronoun in data.claimant_pronouns else None
    words = [w for w in words if not w.lower().endswith("-based")]  # describes, does not name
    name = " ".join(words).strip()
    if not name or data.weekdays.find(name):
        return None
    if skipped or is_named(name, data) or has_source_noun(words, data):
        return name
    return None
