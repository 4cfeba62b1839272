"""Credits that name a source with no speech verb: a closing "(Various army sources)" and a
headline's "- police, witnesses"."""

from __future__ import annotations

import re

from wartrace.extract.claimant_names import (
    CLAIM_WORD,
    CONNECTORS,
    has_source_noun,
    is_organisation,
    last_dash,
)
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence

MAX_CREDIT_WORDS = 5
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”')]*\s")


# "... were killed (Various army sources)." / a line's last sentence cut off at its "(":
# "Various army sources)". A credit in parentheses that closes the text.
_CLOSING_CREDIT = re.compile(r"(?:\(|^\s*)([^()]+)\)\s*\.?\s*$")


def closing_credit_name(text: str, data: LangData) -> str | None:
    """ "Three soldiers were killed. (Various army sources)": a short credit in parentheses at
    the end of a sentence or line names the source of what it closes, when it is a run of
    names and source nouns holding a source noun ("(police sources)", not "(IS)": the
    acronym of a name told before it)."""
    match = _CLOSING_CREDIT.search(text)
    if match is None:
        return None
    credit = match.group(1).strip()
    if not _credit_words(credit, data) or not has_source_noun(credit.split(), data):
        return None
    return credit


def closing_credit(sentence: Sentence, data: LangData) -> bool:
    """A sentence that is only the credit closing the sentences before it: "(Various army
    sources)" cut off from the last one at its opening parenthesis."""
    return not sentence.text.lstrip().startswith("(") and bool(
        _CLOSING_CREDIT.fullmatch(sentence.text) and closing_credit_name(sentence.text, data)
    )


def _credit_words(tail: str, data: LangData) -> bool:
    """A short run of sources ("local officials, residents", "sumber kepolisian"): each is
    headed by a source noun (its last word, or its first in a head-first language) or is a
    name, with no figure."""
    words = [w.strip(",") for w in tail.split() if w.strip(",")]
    if not 0 < len(words) <= MAX_CREDIT_WORDS or any(c.isdigit() for c in tail):
        return False
    parts = [p.split() for p in re.split(r",|\s(?:and|dan)\s", tail) if p.strip()]
    return all(
        p[-1].lower() in data.claimant_nouns
        or p[0].lower() in data.claimant_nouns
        or all(w[:1].isupper() or w.lower() in CONNECTORS for w in p)
        for p in parts
    )


def headline_credit(text: str, data: LangData) -> str | None:
    """ "Ten killed in market blast - police, witnesses": a headline credits its figures after a
    closing dash, with no verb. Only a short run of names and source nouns, in a line with no
    closing stop (a headline), is read as the source; after a full stop ("taken in May. - AFP")
    the dash credits a photograph."""
    line = text.strip()
    if not line or line[-1] in ".!?\"”'":
        return None
    dash = last_dash(line)
    head = line[:dash].rstrip()
    if dash < 0 or len(CLAIM_WORD.findall(head)) < 3 or head[-1:] in '.!?"”)':
        return None  # "... in 2023. - AFP": a caption's photo credit, not a headline's source
    if _SENTENCE_INSIDE.search(head):
        return None  # "... at noon. (Palace sources) - JN": a writer's initials after a text
    tail = line[dash + 1 :].strip()
    if not _credit_words(tail, data):
        return None
    words = [w.strip(",") for w in tail.split() if w.strip(",")]
    if has_source_noun(words, data) or is_organisation(tail, data):
        return tail
    return None
