"""Actor roles in a sentence: who acted and who was acted upon, from markers, voice and word
order (incident_sides weighs them over an incident into actor1 and actor2)."""

from __future__ import annotations

from wartrace.extract.actors import Mention, told_without_object
from wartrace.extract.drafts import AGENT, PATIENT, Draft, SentenceInfo, words_between
from wartrace.extract.lexicon import Hit, Lexicon, fold
from wartrace.extract.resources import ActorEntry, LangData, Trigger
from wartrace.extract.side_clauses import (
    MARKER_WORDS,
    after_contrast,
    civilian_reading,
    coordinated,
    qualifies,
    role_hits,
    source_of_act,
    tied,
)

AUTHOR = "author"  # the side a report attributes the act to ("JNIM claimed responsibility")
ALLY = "ally"  # a side that acted with the subject ("in coalition with X"): neither actor
PASSIVE_GAP_WORDS = 1  # "soldiers killed", "soldiers reportedly killed": the actor died
AUX_REACH = 2  # "were killed", "were reportedly killed"
UNDERGO_WORDS = 3  # "repelled [a large-scale] attack", "struck [a roadside] bomb"
OBJECT_WORDS = 2  # words between a verb and its object ("killed the soldiers", "killed 10 men")
GOVERNMENT_KEY = "government"
LABEL_WORDS = 3  # "Movement of forces:": a report's opening label is a few words
CLAUSE_MARKS = frozenset(",;:()")  # punctuation a role marker's phrase does not reach across
STATE_INTER = 1
STATE_OR_FOREIGN = frozenset({1, 8})  # a state's forces at home, and abroad (external forces)
CIVILIAN_INTER = 7
ARMED_GROUP_INTERS = frozenset({2, 3, 4})  # rebels, political and identity militias
FIGHTING_INTERS = frozenset({1, 2, 3, 4, 8})  # the armed, organised sides of a battle


def _passive(
    trigger: Hit[Trigger], text: str, data: LangData, by: list[Hit[str]] | None = None
) -> bool:
    """A passive trigger: marked so (Indonesian di-), after an auxiliary with at most one
    adverb between ("were reportedly killed"), or a participle its agent follows ("a police
    post attacked by gunmen"). `text` keeps its case: "IS militants attacked" is a name."""
    if trigger.value.pos == "passive":
        return True
    if trigger.value.pos != "verb":
        return False
    before = text[: trigger.start].split()[-AUX_REACH:]
    if any(w.lower() in data.passive_aux and not w.isupper() for w in before):
        return True
    if _bare_participle(trigger, text, data):
        return True
    return any(
        h.start >= trigger.end and _adverbial_gap(text[trigger.end : h.start]) for h in by or []
    )


AGENT_GAP_WORDS = 3  # "attacked [early on Monday] by gunmen": a time phrase before the agent
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "two", "three"})


def _adverbial_gap(gap: str) -> bool:
    """Whether the words between a participle and "by" are an adverbial, not an object: none,
    or a few words in one clause with no determiner ("attacked overnight by", but not
    "attacked the base guarded by")."""
    words = gap.split()
    return len(words) <= AGENT_GAP_WORDS and not (
        CLAUSE_MARKS.intersection(gap) or DETERMINERS.intersection(w.lower() for w in words)
    )


def _bare_participle(trigger: Hit[Trigger], text: str, data: LangData) -> bool:
    """A participle that needs an object told without one: "a soldier killed, another injured",
    "two policemen wounded during clashes" are passive (a headline's or note's short form)."""
    if text[trigger.start : trigger.end].lower() not in data.object_verbs:
        return False
    return told_without_object(text[trigger.end :].lower(), data)


def _verb_role(
    trig: list[Hit[Trigger]], start: int, end: int, text: str, data: LangData, by: list[Hit[str]]
) -> str | None:
    """The role of a side right beside a verb: just after an active one it is its object
    ("killing 10 soldiers and wounding 3": the soldiers were killed, though "wounding" follows),
    just before one its subject ("were killed when [Al-Shabaab fighters] stormed a base")."""
    verbs = [t for t in trig if t.value.pos == "verb"]
    for t in verbs:
        near = t.end <= start and words_between(text, t.end, start) <= OBJECT_WORDS
        if near and not _passive(t, text, data, by):
            return PATIENT
    for t in verbs:
        if t.start >= end and words_between(text, end, t.start) <= OBJECT_WORDS:
            return PATIENT if _passive(t, text, data, by) else AGENT
    return None


def _voice_role(
    start: int, end: int, trig: list[Hit[Trigger]], text: str, data: LangData, by: list[Hit[str]]
) -> str | None:
    """The role of a side named at [start, end) from voice and word order: before an active
    trigger (or after "by") it acted; after one, or before a passive one, it was acted upon."""
    others = [t for t in trig if not (t.start < end and start < t.end)]
    if not others:
        return None
    nearest = _head_trigger(others, start, text, genitive=False)
    if any(a.end <= start and words_between(text, a.end, start) <= MARKER_WORDS for a in by):
        return AGENT
    beside = _verb_role(others, start, end, text, data, by)
    if beside is not None:
        return beside
    if end <= nearest.start and not _passive(nearest, text, data, by):
        return AGENT
    return PATIENT


def _head_trigger(trig: list[Hit[Trigger]], ms: int, low: str, genitive: bool) -> Hit[Trigger]:
    """The trigger a side at `ms` is the subject or object of: the verb before it when there is
    one ("militants targeted [an army vehicle] with an IED": the vehicle's owner was acted
    upon, whatever noun follows), else the nearest trigger; a side right after a noun trigger
    in a genitive language is that noun's ("serangan Houthi")."""
    nearest = min(trig, key=lambda t: abs(t.start - ms))
    if nearest.value.pos != "noun" or (genitive and words_between(low, nearest.end, ms) == 0):
        return nearest
    verbs = [t for t in trig if t.value.pos != "noun" and t.end <= ms]
    return max(verbs, key=lambda t: t.start) if verbs else nearest


def _listed_role(
    before: tuple[int, int, int] | None,
    roles: list[tuple[ActorEntry, str]],
    m: Mention,
    ms: int,
    low: str,
    data: LangData,
) -> str | None:
    """The role of the side listed right before this one, of the same kind, joined by "and"
    ("military forces of India and Pakistan exchanged fire"), when that side took one."""
    if before is None or len(roles) != before[2] + 1:
        return None
    end, inter, _ = before
    role = roles[-1][1]
    if inter != m.entry.inter or inter != STATE_INTER or role not in (AGENT, PATIENT):
        return None
    return role if coordinated(low, end, ms, data.coordinators) else None


def _owns_facility(ms: int, me: int, low: str, facilities: list[Hit[str]], genitive: bool) -> bool:
    """Whether a side is named as the owner of a thing ("a police post", "army convoy"; in a
    genitive language the thing comes first: "pos polisi"): a thing does not act."""
    if genitive:
        return any(h.end <= ms and words_between(low, h.end, ms) == 0 for h in facilities)
    return any(h.start >= me and words_between(low, me, h.start) == 0 for h in facilities)


def _claimed(ms: int, me: int, low: str, after: list[Hit[str]], before: list[Hit[str]]) -> bool:
    """Whether a side at [ms, me) is named as the author: "[JNIM] claimed responsibility",
    "[al-Shabaab] (was) believed responsible", "planted by [JNIM]"."""
    return any(
        h.start >= me and words_between(low, me, h.start) <= MARKER_WORDS for h in after
    ) or any(h.end <= ms and words_between(low, h.end, ms) <= MARKER_WORDS for h in before)


def sentence_authors(info: SentenceInfo, data: LangData) -> list[tuple[ActorEntry, str]]:
    """Authors a sentence without a trigger names ("JNIM claimed responsibility.", "The
    device was likely planted by suspected JNIM militants."): looser attributions count here,
    where no act of the sentence itself could be meant."""
    sent, low = info.sent, info.sent.low
    after = data.claim_after.find(sent.text, low)
    before = data.claim_before.find(sent.text, low)
    if not after and not before:
        return []
    return [
        (m.entry, AUTHOR)
        for m in info.actors
        if _claimed(m.start - sent.start, m.end - sent.start, low, after, before)
    ]


def _next_word(low: str, end: int) -> str:
    return low[end:].split(maxsplit=1)[0].strip(",.;:") if low[end:].strip() else ""


def _speaker(
    m: Mention,
    info: SentenceInfo,
    speech: list[Hit[str]],
    trig: list[Hit[Trigger]],
    low: str,
    data: LangData,
) -> bool:
    """Whether a side is who told of the incident: a speech verb follows it, and another side
    is named after that verb before the act ("Police said gunmen killed ..."); "the army said
    it killed 20 militants" keeps the army, the author of its own report, and so does "Israel
    said it struck Hezbollah targets", where the side named after "it" was its target."""
    start = info.sent.start
    me = m.end - start
    for h in speech:
        if h.start < me or words_between(low, me, h.start) > 1:
            continue
        if _next_word(low, h.end) in data.self_report:
            continue  # "Israel said it struck Hezbollah targets": its own act, told by it
        act = min((t.start for t in trig if t.start >= h.end), default=len(low))
        if any(h.end <= o.start - start < act for o in info.actors if o is not m):
            return True
    return False


def _role_nouns(
    info: SentenceInfo, data: LangData, trig: list[Hit[Trigger]], around: dict[str, list[Hit[str]]]
) -> list[tuple[ActorEntry, str]]:
    """Sides named by what they are rather than who: "a shepherd", "the market" are civilians,
    "an army base" the state's forces, "militiamen" an armed group; voice gives their role."""
    if not trig:
        return []
    sent = info.sent
    taken = [(m.start - sent.start, m.end - sent.start) for m in info.actors]
    # A noun right after a state force is its own ("Turkish Military [forces]"); a civilian's
    # noun right after any named side is that side's people ("67 Taliban [prisoners]": held
    # fighters, no civilians).
    state_ends = [m.end - sent.start for m in info.actors if m.entry.inter in (STATE_INTER, 8)]
    named_ends = state_ends + [m.end - sent.start for m in info.actors if not m.entry.weak]
    by = data.agent_markers.find(sent.text, sent.low)
    contrast = data.contrast.find(sent.text, sent.low)
    colon = sent.low.find(":")
    label = colon if colon >= 0 and len(sent.low[:colon].split()) <= LABEL_WORDS else -1
    out: list[tuple[ActorEntry, str]] = []
    for lexicon, key in (
        (data.civilian_victims, "civilians"),
        (data.military_targets, "state_forces"),
        (data.fighter_nouns, "unidentified"),
    ):
        entry = data.templates.get(key)
        if entry is None:
            continue
        owners = named_ends if key == "civilians" else state_ends
        for h in lexicon.find(sent.text, sent.low):
            if any(a < h.end and h.start < b for a, b in taken) or any(
                b <= h.start and not sent.low[b : h.start].strip() for b in owners
            ):
                continue
            if h.end <= label:
                continue  # "Movement of [forces]:": the label of the report
            if tied(h.start, sent.low, around["ties"]) or (
                key == "state_forces"
                and civilian_reading(h.start, h.end, sent.low, STATE_ROLE_NOUN, data, around)
            ):
                continue  # "accused of spying for the forces", "a soldier's wife"
            if after_contrast(h.start, trig, contrast):
                continue
            role = _voice_role(h.start, h.end, trig, sent.text, data, by)
            if role is not None:
                out.append((entry, role))
                break
    return out


STATE_ROLE_NOUN = ActorEntry(name="", inter=STATE_INTER)  # what a military role noun names


def _heading(t: Hit[Trigger], low: str) -> bool:
    """A trigger in a label that opens a report ("Arrests:", "Property destruction:")."""
    return low[t.end : t.end + 1] == ":" and len(low[: t.end].split()) <= LABEL_WORDS


def _spoke(source: Hit[str], trig: list[Hit[Trigger]], speech: list[Hit[str]]) -> bool:
    """Whether a member of a side named as a source ("the police commander") is someone who
    spoke: a speech verb follows, or no act comes before ("... a police commander" as the
    object of "beat up" is a person of the side, acted upon)."""
    return any(h.start >= source.end for h in speech) or not any(
        t.end <= source.start for t in trig
    )


def sentence_roles(
    info: SentenceInfo, data: LangData, genitive: bool
) -> list[tuple[ActorEntry, str]]:
    """Which actor acted and which was acted upon, from markers, voice and word order."""
    sent, low = info.sent, info.sent.low
    agents = data.agent_markers.find(sent.text, low) + data.author_markers.find(sent.text, low)
    agents += data.passive_acts.find(sent.text, low)  # "digempur [Rusia]": Russia shelled it
    # "a number of residents", "members of the police": a part of the side, not its target.
    parts = {h.end for h in data.partitives.find(sent.text, low)}
    patients = [h for h in data.patient_markers.find(sent.text, low) if h.end not in parts]
    patients += data.aims.find(sent.text, low)  # "a bomb intended to target soldiers"
    facilities = data.facilities.find(sent.text, low)
    betweens = data.between_markers.find(sent.text, low)
    from_markers = data.source_markers.find(sent.text, low)
    allies = data.ally_markers.find(sent.text, low)
    roles: list[tuple[ActorEntry, str]] = []
    trig = [t for t in info.triggers if t.value.label not in data.common.weak_labels] or (
        info.triggers
    )
    # "Property destruction: Israeli forces razed ...": a label before a colon is no clause;
    # the sides after it belong to the acts told after it.
    # When the label is the sentence's only act ("Looting: X imposed levies on residents"), the
    # first side after it is the subject the report is about: it acted.
    labelled = [t for t in trig if _heading(t, low)]
    only_label = bool(labelled) and len(labelled) == len(trig)
    trig = [t for t in trig if not _heading(t, low)] or trig
    after_between: int | None = None
    sources = data.source_nouns.find(sent.text, low)
    told_by = data.attr_before.find(sent.text, low)  # "according to the Taliban"
    role_breaks = data.role_breaks.find(sent.text, low)
    contrast = data.contrast.find(sent.text, low)
    claims_after = data.claim_after.find(sent.text, low)
    speech = data.speech.find(sent.text, low) if trig else []
    undergo = data.undergo.find(sent.text, low) if trig else []
    enabled = [m for m in info.actors if m.start - sent.start >= info.consequence >= 0]
    # "paved the way for fighters of IS to ...": the named group rather than "fighters" acts.
    enabled_agent = next((m for m in enabled if not m.entry.weak), enabled[0] if enabled else None)
    around = role_hits(sent.text, low, data)
    starts = [m.start - sent.start for m in info.actors]
    civilians = data.templates.get("civilians")
    tied_ends: list[int] = []
    # The side before and how many roles there were before it: a side it is listed with
    # ("forces of India and Pakistan exchanged fire") plays the same part in the act.
    before: tuple[int, int, int] | None = None
    for m in info.actors:
        ms, me = m.start - sent.start, m.end - sent.start
        listed = _listed_role(before, roles, m, ms, low, data)
        before = (me, m.entry.inter, len(roles))
        if listed is not None:
            roles.append((m.entry, listed))
            continue
        if tied(ms, low, around["ties"], starts) or any(
            coordinated(low, e, ms, data.coordinators) for e in tied_ends
        ):
            tied_ends.append(me)  # "linked to al-Qaeda and [IS]": the tie covers the list
            continue
        if (not m.entry.weak and qualifies(me, low, around["qualifiers"])) or after_contrast(
            ms, trig, contrast
        ):
            continue  # "spying for X", "an X-affiliated group", "not claimed, but X said"
        if civilians is not None and civilian_reading(ms, me, low, m.entry, data, around):
            m = Mention(m.start, m.end, civilians)
        overlapping = [t for t in trig if t.start < me and ms < t.end]
        if overlapping:
            # A trigger phrase that opens with the actor's own noun ("the Iraqi air force
            # bombed") has the actor as its subject; one inside the actor's name ("Israeli
            # warplanes", "a US airstrike") makes it the attacker's weapon, so the actor acted,
            # unless a verb beside it says it was hit ("air defences downed [US drones]").
            if any(t.start >= ms and t.end > me for t in overlapping):
                roles.append((m.entry, AGENT))
                continue
            if all(t.start <= ms and t.end >= me for t in overlapping):
                if any(t.value.pos == "verb" and t.start < ms for t in overlapping):
                    # The object an active trigger phrase spells out ("clashed with [police]")
                    # was acted upon.
                    roles.append((m.entry, PATIENT))
                continue  # the actor is the trigger itself ("Rioters"): its sentence types it
            others = [t for t in trig if t not in overlapping]
            roles.append((m.entry, _verb_role(others, ms, me, sent.text, data, agents) or AGENT))
            continue
        if 0 <= ms < info.consequence:
            continue  # the cause's sides belong to the incident already told
        if only_label:
            if ms >= labelled[0].end and not any(r == AGENT for _, r in roles):
                roles.append((m.entry, AGENT))
            continue
        if m is enabled_agent:
            roles.append((m.entry, AGENT))  # "paved the way for IS to ...": IS acts
            continue
        if any(
            (
                h.start >= me
                and words_between(low, me, h.start) == 0
                and (h.value not in data.member_nouns or _spoke(h, trig, speech))
            )
            or (h.end <= ms and words_between(low, h.end, ms) == 0)
            for h in sources
        ) or any(h.end <= ms and words_between(low, h.end, ms) <= MARKER_WORDS for h in told_by):
            continue  # "the Syrian regime's health minister said": who spoke, not who fought

        def marked(hits: list[Hit[str]], ms: int = ms) -> bool:
            # "(week of), Bul Nuer militia attacked": punctuation closes the marker's phrase.
            return any(
                h.end <= ms
                and words_between(low, h.end, ms) <= MARKER_WORDS
                and not CLAUSE_MARKS.intersection(low[h.end : ms])
                for h in hits
            )

        if allies and marked(allies) and trig and all(t.start >= me for t in trig):
            # "APCLS cadres in coalition with [Nyatura combatants] beat three civilians": named
            # before the act, the side acted with its subject (ACLED: an associate actor).
            roles.append((m.entry, ALLY))
            continue
        if after_between is not None:
            roles.append((m.entry, PATIENT))
            after_between = None
            continue
        if marked(betweens):
            roles.append((m.entry, AGENT))
            after_between = ms
            continue
        if marked(agents) or (marked(from_markers) and source_of_act(ms, low, from_markers, trig)):
            roles.append((m.entry, AGENT))
            continue
        if marked(patients):
            roles.append((m.entry, PATIENT))
            continue
        if _claimed(ms, me, low, claims_after, []):
            roles.append((m.entry, AUTHOR))  # "JNIM claimed responsibility", "planted by JNIM"
            continue
        if _speaker(m, info, speech, trig, low, data):
            continue  # "Police said gunmen killed three villagers": the police told it
        if _owns_facility(ms, me, low, facilities, genitive):
            roles.append((m.entry, PATIENT))  # "a police post attacked overnight by gunmen"
            continue
        if any(
            t.value.label in data.common.weak_labels
            and t.value.pos == "passive"
            and t.start >= me
            and words_between(low, me, t.start) <= PASSIVE_GAP_WORDS
            for t in info.triggers
        ):
            roles.append((m.entry, PATIENT))  # "Ten soldiers killed in clashes with X"
            continue
        if not trig:
            continue
        if any(
            t.value.pos == "noun" and t.start >= me and words_between(low, me, t.start) == 0
            for t in trig
        ):
            roles.append((m.entry, AGENT))  # "coalition air strike", "IS-led offensive"
            continue
        if any(
            me <= h.start
            and words_between(low, me, h.start) <= MARKER_WORDS
            and any(
                t.start >= h.end and words_between(low, h.end, t.start) <= UNDERGO_WORDS
                for t in trig
            )
            for h in undergo
        ):
            roles.append((m.entry, PATIENT))  # "an army truck struck an IED"
            continue
        beside = _verb_role(trig, ms, me, sent.text, data, agents)
        if beside is not None:
            roles.append((m.entry, beside))  # "IS attacked [Iraqi forces] in an ambush"
            continue
        nearest = _head_trigger(trig, ms, low, genitive)
        if me <= nearest.start and any(
            me <= h.start and h.end <= nearest.start for h in role_breaks
        ):
            continue  # "Security forces sealed off the area after the blast": no role in it
        if me <= nearest.start:
            roles.append(
                (m.entry, PATIENT if _passive(nearest, sent.text, data, agents) else AGENT)
            )
        elif genitive and nearest.value.pos == "noun" and words_between(low, nearest.end, ms) == 0:
            roles.append((m.entry, AGENT))
        elif (
            nearest.value.pos == "passive"
            and not data.passive_aux
            and words_between(low, nearest.end, ms) == 0
            and not CLAUSE_MARKS.intersection(low[nearest.end : ms])
        ):
            # A passive marked on the verb takes its agent right after it, with no "by"
            # ("kota itu direbut ISIS": the town was taken by IS).
            roles.append((m.entry, AGENT))
        else:
            roles.append((m.entry, PATIENT))
    roles += _role_nouns(info, data, trig, around)
    for claim in info.claims:
        if claim.victims and claim.kind in ("killed", "wounded", "captured"):
            vic = claim.victims
            # The victims read in their sentence, whose words around them may say who they
            # are ("a soldier (off-duty)"); a phrase not found there is read alone.
            at = low.find(fold(vic))
            vlow, near, shift = low, around, at
            if at < 0:
                vlow, shift = fold(vic), 0
                near = role_hits(vic, vlow, data)
            for h in data.actors.find(vic, vlow[shift : shift + len(vic)]):
                hs, he = h.start + shift, h.end + shift
                if tied(hs, vlow, near["ties"]):
                    continue
                entry = h.value
                if civilians is not None and civilian_reading(hs, he, vlow, entry, data, near):
                    entry = civilians
                roles.append((entry, PATIENT))
    # "the government" acts in agreements, releases and decrees; acted upon it is mostly a
    # modifier ("government buildings", "a government soldier"), not a side.
    return [(e, r) for e, r in roles if e.key != GOVERNMENT_KEY or r == AGENT]


def crowd_roles(draft: Draft, data: LangData, words: Lexicon[str] | None = None) -> set[str]:
    """Whether an unorganised crowd ("a mob", "youths", "demonstrators") is a side of the
    incident, and which: before an active trigger it acted, after one or before a passive one
    it was acted upon; "between" and "with" make it one side of a fight."""
    roles: set[str] = set()
    for info in draft.infos:
        if not info.is_event:
            continue
        sent, low = info.sent, info.sent.low
        trig = [t for t in info.triggers if t.value.label not in data.common.weak_labels]
        if not trig:
            continue
        by = data.agent_markers.find(sent.text, low)
        # "MRC youths", "Fano supporters": a named armed group's own people, not a crowd.
        named_ends = [
            m.end - sent.start
            for m in info.actors
            if m.entry.inter in ARMED_GROUP_INTERS and not m.entry.weak
        ]
        for h in (words or data.crowds).find(sent.text, low):
            if any(e <= h.start and not low[e : h.start].strip() for e in named_ends):
                continue
            role = _voice_role(h.start, h.end, trig, sent.text, data, by)
            if role is not None:
                roles.add(role)
    return roles
