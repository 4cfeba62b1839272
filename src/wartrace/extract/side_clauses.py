"""The words around a side that change who it is or whether it is a side at all: a soldier off
duty or a soldier's wife is a civilian, a group named in a charge ("accused of spying for X"),
as another group's parent ("an X-affiliated group") or after a contrast is no party, a list
after a tie is tied as a whole, and a source marker after an act's noun names its author."""

from __future__ import annotations

from collections.abc import Sequence

from wartrace.extract.drafts import words_between
from wartrace.extract.lexicon import Hit
from wartrace.extract.resources import ActorEntry, LangData, Trigger

MARKER_WORDS = 2  # words allowed between a role marker and its actor ("by the", "oleh para")
STATE_INTER = 1  # ACLED inter code of state forces


def after_contrast(start: int, trig: list[Hit[Trigger]], contrast: list[Hit[str]]) -> bool:
    """Whether a side is named in a contrasting clause after every trigger of its sentence
    ("not claimed by any group, but JNIM reported control of a military outpost"): that
    clause tells something else, so the side has no role in the act."""
    last = max((t.end for t in trig if t.start < start), default=-1)
    return (
        last >= 0
        and not any(t.start >= start for t in trig)
        and any(last <= h.start and h.end <= start for h in contrast)
    )


POSSESSIVES = ("'s", "’s", "'", "’")  # "a soldier's wife", "two soldiers' wives"


def after_possessive(low: str, me: int, kin: list[Hit[str]]) -> bool:
    """Whether a relative's noun follows a side's possessive: "a soldier's [wife]"."""
    for mark in POSSESSIVES:
        if low.startswith(mark, me):
            rest = me + len(mark)
            return any(h.start >= rest and words_between(low, rest, h.start) == 0 for h in kin)
    return False


def civilian_reading(
    ms: int, me: int, low: str, entry: ActorEntry, data: LangData, hits: dict[str, list[Hit[str]]]
) -> bool:
    """Whether a state force named in a sentence stands for civilians: an off-duty, former or
    retired soldier ("a former soldier", "a policeman (off-duty)"), or a soldier's relatives
    ("the wife of a soldier", "two soldiers' wives", "keluarga tentara"); ACLED codes them
    as civilians, so the force is not a side of the act."""
    if entry.inter != STATE_INTER:
        return False
    if any(h.end <= ms and words_between(low, h.end, ms) <= 1 for h in hits["status"]):
        return True
    if any(h.start >= me and bracketed(low[me : h.start]) for h in hits["status"]):
        return True  # "a soldier (off-duty)", "a soldier (assumed off-duty)"
    if any(h.end <= ms and words_between(low, h.end, ms) <= 1 for h in hits["kin"]):
        return True
    return after_possessive(low, me, hits["possessed"])


def bracketed(gap: str) -> bool:
    """The words between a side and a status word after it: none, or an opening bracket
    and at most one hedge ("(assumed off-duty)")."""
    gap = gap.strip()
    return not gap or (gap.startswith("(") and len(gap[1:].split()) <= 1)


def role_hits(text: str, low: str, data: LangData) -> dict[str, list[Hit[str]]]:
    """The words around a side that change who it is or whether it is a side at all."""
    return {
        "status": data.civilian_status.find(text, low),
        "kin": data.kin.find(text, low),
        "possessed": data.possessed_kin.find(text, low),
        "ties": data.ties.find(text, low),
        "qualifiers": data.group_qualifiers.find(text, low),
    }


def qualifies(me: int, low: str, qualifiers: list[Hit[str]]) -> bool:
    """A group named as what another group is ("an al-Qaeda-affiliated group", "JNIM, an
    al-Qaeda affiliate") is no side of its own: the group described acted."""
    return any(h.start >= me and low[me : h.start].strip(" -") == "" for h in qualifiers)


def tied(ms: int, low: str, ties: list[Hit[str]], starts: Sequence[int] = ()) -> bool:
    """A side named in what describes someone ("civilians accused of spying for [the army]",
    "arrested on charges of joining [IS]") is no party to the act; only the first side after
    the words ("terafiliasi Al-Qaida, [JNIM]": JNIM is the group described)."""
    return any(
        h.end <= ms
        and words_between(low, h.end, ms) <= MARKER_WORDS
        and not any(h.end <= s < ms for s in starts)
        for h in ties
    )


SOURCE_GAP_WORDS = 1  # "serangan [mendadak] dari militan": an adjective between


def source_of_act(ms: int, low: str, sources: list[Hit[str]], trig: list[Hit[Trigger]]) -> bool:
    """ "a sudden attack from JNIM militants", "serangan mendadak dari militan JNIM": a source
    marker right after the noun of an act names who carried it out, not whom it hit (after a
    verb it is what was taken from: "took the town from the army")."""
    marker = max((h for h in sources if h.end <= ms), key=lambda h: h.end, default=None)
    return marker is not None and any(
        t.value.pos == "noun"
        and t.end <= marker.start
        and words_between(low, t.end, marker.start) <= SOURCE_GAP_WORDS
        for t in trig
    )


def coordinated(low: str, end: int, start: int, coordinators: frozenset[str]) -> bool:
    """Whether a side starting at ``start`` is joined to the one ending at ``end`` as one
    list ("al-Qaeda and Islamic State"): a coordinator between them, nothing else (a comma
    alone is as often an apposition: "terafiliasi Al-Qaida, JNIM" names JNIM itself)."""
    if start < end:
        return False
    gap = low[end:start].replace(",", " ").split()
    return len(gap) == 1 and gap[0] in coordinators
