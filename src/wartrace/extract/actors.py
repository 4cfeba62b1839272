"""Actors: dictionary matches, the article's country, and canonical ACLED-style names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from wartrace.extract.actor_data import (
    CAPTURED_WORD,
    captured_militias,
    captured_names,
    captured_regions,
    clan_names,
    subject_states,
)
from wartrace.extract.lexicon import Hit, fold
from wartrace.extract.resources import (
    DATA_DIR,
    OBJECT_ACT,
    STATE_INTER,
    ActorEntry,
    Common,
    LangData,
    load_actor_entries,
    load_common,
)
from wartrace.models import ExtractedEvent

MAIN_NONSTATE_KEY = "main_nonstate"
NONSTATE_INTERS = (2, 3, 4)
EXTERNAL_INTER = 8  # state forces acting outside their own country
# Generic actors that stand for a group of the article's country, by template key.
# A generic actor named as another key's where its country gives it no name of its own: a
# gendarmerie is the police ("Police Forces of Mali (2021-)") unless countries.yaml says not.
NAMED_LIKE = {"gendarmerie": "police"}
COUNTRY_SIDES = {
    "state_forces": "state",
    "police": "state",
    "gendarmerie": "state",
    "government": "state",
}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # offsets in the raw text
    end: int
    entry: ActorEntry


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    inter: int
    # Who it fights for (a unit's group, a country's state forces); not part of its identity.
    side: str = field(default="", compare=False)


def same_side(a: Actor, b: Actor) -> bool:
    """Whether two actors are one side, so never each other's opponent: the same actor, a unit
    and its group ("Taliban - Red Unit", "Taliban"), an army and its police or its contractors
    (Wagner and the Russian military), one country's civilians."""
    if a.name == b.name:
        return True
    if a.side and b.side:
        return a.side == b.side
    # Without a known side, one country's state forces are one side by their ACLED names.
    return (
        a.inter == b.inter == STATE_INTER and state_country(a.name) == state_country(b.name) != ""
    )


def state_country(name: str) -> str:
    """ "Military Forces of Iraq (2018-)" -> "iraq" """
    head = name.partition(" (")[0]
    return head.rpartition(" of ")[2].lower() if " of " in head else ""


# Generic nouns that a named group's name qualifies: "LNA soldiers", "Taliban militants",
# "pasukan Houthi" are one mention of the named group, not a second, generic actor.
QUALIFIED_KEYS = frozenset({"state_forces", "police", MAIN_NONSTATE_KEY, "unidentified"})


def find_actors(text: str, low: str, data: LangData) -> list[Hit[ActorEntry]]:
    """Actor mentions in a text, a named group and the generic noun beside it merged."""
    hits = data.actors.find(text, low)
    out: list[Hit[ActorEntry]] = []
    for hit in hits:
        if data.against_prefixes and low.endswith(data.against_prefixes, 0, hit.start):
            continue  # "anti-Houthi forces": the Houthis are what the forces oppose
        prev = out[-1] if out else None
        if prev is not None and not text[prev.end : hit.start].strip():
            generic = {prev.value.weak, hit.value.weak} == {True, False}
            named = hit.value if prev.value.weak else prev.value
            kind = (prev.value if prev.value.weak else hit.value).key
            if generic and kind in QUALIFIED_KEYS:
                out[-1] = Hit(prev.start, hit.end, named)
                continue
        if (
            prev is not None
            and prev.value.weak
            and not hit.value.weak
            and _identified(low[prev.end : hit.start], data)
        ):
            # "Gunmen believed to be Fulani herdsmen": the gunmen are the herdsmen.
            out[-1] = Hit(prev.start, hit.end, hit.value)
            continue
        out.append(hit)
    out += _elided(text, out, data)
    out = _with_captured(text, data, out)
    return sorted(out + _subject_states(text, low, data, out), key=lambda h: h.start)


IDENTITY_INTER = 4  # ACLED: identity (communal, ethnic, clan) militias
SECOND_MILITIA = re.compile(rf" and ({CAPTURED_WORD})(?!\w)")


def _with_captured(text: str, data: LangData, hits: list[Hit[ActorEntry]]) -> list[Hit[ActorEntry]]:
    """The hits with the militias named by a place or a sub-clan no list holds ("militias
    from Ugbokolo", "the Ayr sub-clan of Habar Gedir"), the generic words inside them
    ("militias") dropped; a named actor's words are never a capture's. "Militias from A and
    B" names two."""
    clans = clan_names(str(DATA_DIR))
    regions = captured_regions(str(DATA_DIR))
    found: list[Hit[ActorEntry]] = []
    for cap in captured_militias(str(DATA_DIR), data.lang):
        for m in cap.pattern.finditer(text):
            x = m.group("x")
            if any(h.end - h.start == len(x) for h in data.country_words.find(x)) or (
                fold(x.rsplit(" ", 1)[-1]) in regions
            ):
                continue  # "militias from Mali", "from Benue State": no community
            clan = clans.get(fold(m.group("clan") or ""), "") if "clan" in m.re.groupindex else ""
            spans = [(m.start(), m.end(), x)]
            if second := SECOND_MILITIA.match(text, m.end()):
                spans.append((second.start(1), second.end(1), second.group(1)))
            for start, end, words in spans:
                if any(
                    h.start < end and start < h.end and (h in found or not h.value.weak)
                    for h in found + hits
                ):
                    continue
                name = cap.name.replace("{X}", words).replace("{clan}", clan)
                entry = ActorEntry(name=name, inter=IDENTITY_INTER, side=name)
                found.append(Hit(start, end, entry))
    if not found:
        return hits
    kept = [h for h in hits if not any(f.start < h.end and h.start < f.end for f in found)]
    return sorted(kept + found, key=lambda h: h.start)


SUBJECT_GAP_WORDS = 3  # "Israel [said it had] struck": a few words between subject and verb
ACT_WORDS = 2  # "shot down", "carried out": an act verb's words
CLAUSE_OPENING = frozenset('.,;:!?"(“‘')  # punctuation after which a clause's subject may come


def _subject_states(
    text: str, low: str, data: LangData, hits: list[Hit[ActorEntry]]
) -> list[Hit[ActorEntry]]:
    """Countries named as who acted: a country's name as its clause's subject right before an
    act verb ("Israel struck a house", "when Russia shelled Kherson", "Rusia menembakkan 40
    drone") is its forces. After a preposition or an adjective ("in Israel", "northern Israel
    was struck", "rockets from Lebanon struck") the name is a place or the target."""
    if not data.subject_acts.size:
        return []
    named = subject_states(str(DATA_DIR), data.lang).find(text, low)
    if not named:
        return []
    taken = [(h.start, h.end) for h in hits]
    authored = _author_ends(text, low, data)
    out: list[Hit[ActorEntry]] = []
    prev: Hit[ActorEntry] | None = None
    for h in named:
        if not text[h.start : h.start + 1].isupper() or any(
            a < h.end and h.start < b for a, b in taken
        ):
            continue
        if len(low[: h.start].rstrip()) in authored:
            out.append(h)
        elif _act_follows(low, h.end, data):
            # "Russia and Ukraine exchanged fire": the subject listed before it acted too.
            listed = prev is not None and low[prev.end : h.start].strip() in data.coordinators
            if listed and prev is not None and prev not in out:
                if _clause_subject(low[: prev.start], data.subject_openers):
                    out.append(prev)
                    out.append(h)
            elif _clause_subject(low[: h.start], data.subject_openers):
                out.append(h)
        prev = h
    return out


def _author_ends(text: str, low: str, data: LangData) -> set[int]:
    """Where phrases end after which the side named did the act: "(an attack) blamed on",
    "attributed to", "dituding dilakukan", an act verb marked passive ("diserang"), and "by"
    after an act verb ("struck by", "diserang oleh")."""
    ends = {h.end for h in data.author_markers.find(text, low)}
    passives = {h.end for h in data.passive_acts.find(text, low)}
    ends.update(passives)
    acts = {h.end for h in data.subject_acts.find(text, low)} | passives
    ends.update(
        h.end for h in data.agent_markers.find(text, low) if len(low[: h.start].rstrip()) in acts
    )
    return ends


def _clause_subject(before: str, openers: frozenset[str]) -> bool:
    """Whether what precedes a word lets it open a clause: nothing, punctuation, or a
    conjunction ("and", "when", "ketika")."""
    before = before.rstrip()
    if not before or before[-1] in CLAUSE_OPENING:
        return True
    return before.rsplit(maxsplit=1)[-1] in openers


def _act_follows(low: str, end: int, data: LangData) -> bool:
    """Whether an act verb comes right after `end`, or after a few words that may stand
    between a subject and its verb ("again", "said it had")."""
    words = low[end:].split()[: SUBJECT_GAP_WORDS + ACT_WORDS + 1]
    for n in range(SUBJECT_GAP_WORDS + 1):
        if n and " ".join(words[:n]) not in data.subject_gaps:
            continue
        rest = " ".join(words[n:])
        act = next((a for a in data.subject_acts.find(rest, rest) if a.start == 0), None)
        # An act that needs an object is active only told with one: "a base in Kaya,
        # Burkina Faso attacked on Sunday" names the country as the place.
        if act is not None and (
            act.value != OBJECT_ACT or not told_without_object(rest[act.end :], data)
        ):
            return True
    return False


OBJECT_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "two", "three"})
STOPS = frozenset('.,;:!?()"')


def told_without_object(after: str, data: LangData) -> bool:
    """Whether a verb is told with nothing it acted on after it: nothing, punctuation, or a
    time or place phrase ("a soldier killed, another injured", "a base attacked on Sunday;").
    After a two-word time phrase an object may still come ("captured on Monday the port")."""
    words = after.split()
    if not words or words[0][0] in STOPS:
        return True
    if words[0].rstrip(",.;:") not in data.participle_next:
        return False
    return not (len(words) > 2 and words[1][-1] not in STOPS and words[2] in OBJECT_OPENERS)


IDENTITY_FILLERS = 3  # "believed to be [members of the] X": a few words at most


def _identified(gap: str, data: LangData) -> bool:
    """Whether the words between a generic noun and a named side say who the noun's people
    were: a marker ("believed to be"), then at most a few fillers ("members of the")."""
    words = gap.replace("(", " ").replace(",", " ").split()
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]) in data.identity_markers:
            rest = words[n:]
            break
    else:
        return False
    while rest and len(rest) <= IDENTITY_FILLERS * 2:
        for n in range(len(rest), 0, -1):
            if " ".join(rest[:n]) in data.identity_fillers:
                rest = rest[n:]
                break
        else:
            return False
    return not rest


ELIDED_LIST = 3  # "Kenyan, Ugandan and Burundian troops": a short list


def _elided(text: str, hits: list[Hit[ActorEntry]], data: LangData) -> list[Hit[ActorEntry]]:
    """Sides named by one word in a coordination whose shared noun is told once: "Indian and
    [Pakistani troops]", "[forces of India] and Pakistan", "Pokot and [Turkana raiders]". The
    word replaces its counterpart in the matched phrase; it counts when the phrase then names
    another actor of the same kind (a country's forces, a community's militia)."""
    out: list[Hit[ActorEntry]] = []
    taken = [(h.start, h.end) for h in hits]
    for hit in hits:
        if hit.value.weak:
            continue
        phrase = text[hit.start : hit.end]
        rest = phrase.partition(" ")[2]
        head = phrase.rpartition(" ")[0]
        if not rest or not head:
            continue
        for before in (True, False):
            edge = hit.start if before else hit.end
            for _ in range(ELIDED_LIST):
                word = _coordinated_word(text, edge, before)
                if word is None:
                    break
                ws, we = word
                if any(a < we and ws < b for a, b in taken):
                    break
                swapped = f"{text[ws:we]} {rest}" if before else f"{head} {text[ws:we]}"
                found = data.actors.find(swapped, fold(swapped))
                entry = found[0].value if len(found) == 1 else None
                if (
                    entry is None
                    or found[0].end - found[0].start != len(swapped)
                    or entry.weak
                    or entry == hit.value
                    or entry.inter != hit.value.inter
                    or entry.key != hit.value.key
                ):
                    break
                out.append(Hit(ws, we, entry))
                edge = ws if before else we
    return out


COORDINATORS = (" and ", ", ", " or ", " dan ", ", dan ")


def _coordinated_word(text: str, edge: int, before: bool) -> tuple[int, int] | None:
    """The one word joined to the phrase at `edge` by "and" or a comma, as a span."""
    if before:
        for c in COORDINATORS:
            if text[:edge].endswith(c):
                stop = edge - len(c)
                start = stop - len(text[:stop].split(" ")[-1])
                word = text[start:stop]
                return (start, stop) if word.isalpha() and word[:1].isupper() else None
        return None
    for c in COORDINATORS:
        if text.startswith(c, edge):
            start = edge + len(c)
            word = text[start:].split(" ", 1)[0].rstrip(".,;:)")
            return (start, start + len(word)) if word.isalpha() and word[:1].isupper() else None
    return None


def article_country(text: str, low: str, data: LangData, mentions: list[Mention]) -> str | None:
    """The country the article is mostly about: country words plus named actors' countries.
    A country told as where someone came from or what a place lies near ("jihadists from
    Mali", "near the Mali border") is elsewhere, and casts no vote."""
    abroad_ends = {h.end for h in data.abroad_before.find(text, low)}
    votes: Counter[str] = Counter(
        h.value
        for h in data.country_words.find(text, low)
        if h.start - 1 not in abroad_ends and _next_word(low, h.end) not in data.abroad_after
    )
    # Armed groups fight at home; state forces also abroad, so they do not say where.
    votes.update(
        m.entry.country
        for m in mentions
        if m.entry.country and not m.entry.weak and m.entry.inter in NONSTATE_INTERS
    )
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def _next_word(low: str, end: int) -> str:
    """The word after a space at ``end`` ("" when none follows a space there)."""
    if not low.startswith(" ", end):
        return ""
    return low[end + 1 :].split(" ", 1)[0].rstrip(".,;:)")


def main_nonstate(mentions: list[Mention]) -> ActorEntry | None:
    """The named non-state actor the article mentions most (what "the militants" refers to).
    A parent named beside its own affiliate ("JNIM, an al-Qaeda affiliate") stands for it:
    ACLED names the affiliate that acted, so the parent's mentions count for the affiliate."""
    counts = Counter(
        m.entry for m in mentions if not m.entry.weak and m.entry.inter in NONSTATE_INTERS
    )
    by_name = {e.name: e for e in counts}
    for child, _ in counts.most_common():
        parent = by_name.get(child.parent or "")
        if parent is not None and counts[parent]:
            counts[child] += counts.pop(parent)
    return counts.most_common(1)[0][0] if counts else None


def resolve(
    entry: ActorEntry, country: str | None, common: Common, main: ActorEntry | None
) -> Actor:
    """Canonical name, inter code and side of a dictionary entry in an article about
    `country`. A generic entry takes the article's country ("Civilians (Kenya)"); a country's
    own entry keeps its country ("Nigerian troops" in Cameroon: Nigeria's forces, external)."""
    if entry.key == MAIN_NONSTATE_KEY:
        info = common.countries.get(country or "")
        entry = main or (info.insurgency if info and info.insurgency else entry)
    entry = dict(entry.by_country).get(country or "", entry)
    home = entry.country or country
    inter = entry.inter
    if inter == STATE_INTER and entry.country and country and entry.country != country:
        inter = EXTERNAL_INTER  # ACLED: another country's forces are external forces
    side = entry.side or f"{COUNTRY_SIDES.get(entry.key or '', entry.key)}:{home or ''}"
    if "{country}" not in entry.name:
        return Actor(entry.name, inter, side)
    info = common.countries.get(home or "")
    if info is None:
        name = entry.name.replace(" of {country}", "").replace(" ({country})", "")
        return Actor(name.replace("{country}", "").strip(), inter, side)
    for key in (entry.key, NAMED_LIKE.get(entry.key or "")):
        if key and key in info.overrides:
            return Actor(info.overrides[key], inter, side)
    return Actor(entry.name.replace("{country}", info.name), inter, side)


@lru_cache(maxsize=4)
def _countryless(data_dir: str) -> dict[str, ActorEntry]:
    """Generic actors as named when the article's country is unknown ("Civilians")."""
    common = load_common(data_dir)
    out: dict[str, ActorEntry] = {}
    for e, _ in load_actor_entries(data_dir):
        # The first template of a name wins: "Unidentified Armed Group" is the unidentified
        # one, not "the militants" (which would become the country's insurgency).
        if e.key and not e.country and "{country}" in e.name:
            out.setdefault(resolve(e, None, common, None).name, e)
    return out


def localise_actors(event: ExtractedEvent, data_dir: str = str(DATA_DIR)) -> None:
    """Give generic actors the country the event was geocoded to, when the text named none:
    "Civilians" in an article whose only clue is a place name becomes "Civilians (Kenya)"."""
    country = event.geo.country
    if not country:
        return
    common = load_common(data_dir)
    generic = _countryless(data_dir)
    if event.actor1 in generic:
        event.actor1 = resolve(generic[event.actor1], country, common, None).name
    if event.actor2 in generic:
        event.actor2 = resolve(generic[event.actor2], country, common, None).name
    info = common.countries.get(country)
    if info is not None:
        # "Ugbokolo Communal Militia" -> "... (Nigeria)": a captured militia's name.
        event.actor1 = _with_country(event.actor1, info.name, data_dir)
        event.actor2 = _with_country(event.actor2, info.name, data_dir)


def _with_country(name: str | None, country: str, data_dir: str) -> str | None:
    """A captured militia's name told without its country, with it."""
    if name and any(name.endswith(kind) for kind in _captured_kinds(data_dir)):
        return f"{name} ({country})"
    return name


@lru_cache(maxsize=4)
def _captured_kinds(data_dir: str) -> tuple[str, ...]:
    """How captured militias' names end without a country (" Communal Militia")."""
    bare = (n.replace(" ({country})", "") for n in captured_names(data_dir))
    return tuple(sorted({" " + n.rsplit("}", 1)[-1].strip() for n in bare}))
