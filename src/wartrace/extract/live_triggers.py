"""Which triggers of a sentence are live: blocked, negated or denied words, weapons found
rather than used, territory verbs that take goods, buildings or people (taken_objects.py),
developments told by a verb and its object, sentences about disasters or crime (crime_veto.py),
and acts a cause made possible."""

from __future__ import annotations

import re

from wartrace.extract.crime_veto import crime_veto, inside
from wartrace.extract.crowd_acts import crowd_road_blocks, labour_strikes
from wartrace.extract.demonstrations import FIGHT_LABELS, PROTEST_LABELS, without_grievances
from wartrace.extract.drafts import SentenceInfo, words_between
from wartrace.extract.lexicon import Hit, Lexicon
from wartrace.extract.resources import LangData, Trigger
from wartrace.extract.taken_objects import (
    ABDUCTION_LABEL,
    CLAUSE_MARKS,
    PAIR_WORDS,
    RELEASE_LABEL,
    driven_out,
    minor_object,
    of_an_actor,
    people_taken,
    seized_goods,
)

FIGHT_LABEL = "clash"  # event_types.yaml label of a fight for a building or post
LOOTING_LABEL = "looting"  # event_types.yaml label of goods taken
TOLL_LABEL = "lethal"  # event_types.yaml weak label of a toll told without its act
NEGATION_WORDS = 6  # a negation this close before a trigger, in the same clause, cancels it
BLOCKER_WORDS = 2  # a blocker at most this many words before a trigger cancels it
# a spaced hyphen or a dash sets off a clause
DASHES = re.compile(r"\s[-\u2013\u2014]\s|[\u2013\u2014]")


def _capitalised(hit: Hit[str], info: SentenceInfo) -> bool:
    """A modal written with a capital inside a sentence is a name: "on 5 May", "Will Smith"."""
    word = info.sent.text[hit.start : hit.end]
    return hit.start > 0 and word[:1].isupper() and not word.isupper()


WEAPON_LABELS = frozenset({"ied", "explosion", "shelling", "grenade", "air_strike", "suicide_bomb"})
SEIZURE_WORDS = 4  # "ammunition and explosives were found", "seized seven illegal firearms"


def _disrupted(info: SentenceInfo, data: LangData) -> tuple[list[Hit[Trigger]], list[Hit[str]]]:
    """Weapons found, seized, defused or intercepted: ACLED's disrupted weapons use, whichever
    order the verb and the weapons come in; the weapon words then name no explosion. Every
    verb that takes weapons ("cleared 300 mines and destroyed them"), in text order, and the
    weapons taken."""
    low = info.sent.low
    verbs = data.seizure_verbs.find(info.sent.text, low)
    if not verbs:
        return [], []
    weapons = data.weapon_objects.find(info.sent.text, low)
    pairs = [
        (v, w)
        for v in verbs
        for w in weapons
        if _quantities_aside(low, v, w) <= SEIZURE_WORDS and _taken_weapon(low, v, w, data)
    ]
    taken = sorted({(w.start, w.end): w for _, w in pairs}.values(), key=lambda w: w.start)
    for w in weapons:
        # "seized eight guns and 500 live bullets": weapons listed after one taken are taken.
        last = taken[-1] if taken else None
        if last is not None and last.end <= w.start and _listed(low[last.end : w.start], data):
            taken.append(w)
    verbs = list({(v.start, v.end): v for v, _ in pairs}.values())
    return [Hit(v.start, v.end, Trigger("disrupted_weapons", "verb")) for v in verbs], taken


def _quantities_aside(low: str, a: Hit[str], b: Hit[str]) -> int:
    """Words between two hits, not counting figures: a quantity belongs to the object's phrase
    ("seized a total of 206 automatic weapons", "intercepted 12 single barrel guns"). A large
    number when the hits overlap or touch in the wrong order is never near."""
    first, second = (a, b) if a.end <= b.start else (b, a)
    if first.end > second.start:
        return len(low)
    gap = low[first.end : second.start].split()
    return sum(1 for w in gap if not w.replace(",", "").replace(".", "").isdigit())


def _listed(gap: str, data: LangData) -> bool:
    """Whether the words between two objects join them in a list ("and 500 live", ", two")."""
    words = gap.replace(",", " , ").split()
    joined = any(w == "," or w in data.coordinators for w in words)
    return joined and len(words) <= SEIZURE_WORDS + 1


def _taken_weapon(low: str, verb: Hit[str], weapon: Hit[str], data: LangData) -> bool:
    """The weapon is what the verb acts on: after it, or before it in the passive ("explosives
    were found", "weapons seized by police"); not its subject ("an IED planted by the rebels
    destroyed a truck": the IED did the destroying). Languages that mark the passive on the
    verb (no auxiliaries in the data) keep either order."""
    if weapon.start >= verb.end or not data.passive_aux:
        return True
    gap = low[weapon.end : verb.start].split()
    return not gap or any(w in data.passive_aux for w in gap)


CAUSE_WORDS = 4  # "after the worst fighting", "following a clash between"


def _near(low: str, a: Hit[str], b: Hit[str], gap: int) -> bool:
    first, second = (a, b) if a.end <= b.start else (b, a)
    return first.end <= second.start and words_between(low, first.end, second.start) <= gap


# A crowd's violence told by a verb that also destroys property ("torched", "set fire to"):
# who did it decides between a riot and property destruction (event_typing), so the property
# it took is told beside it ("troops torched more than 200 houses", as "torched houses").
RIOT_WORD_LABEL = "violent_demonstration"


def paired_triggers(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    """Developments told by a verb and its object in either order ("set up two new bases",
    "a truce was agreed"), where no trigger phrase already covers the verb (but a riot word
    for property destroyed)."""
    low, out = info.sent.low, []
    for pair in data.pairs:
        verbs = pair.verbs.find(info.sent.text, low)
        if not verbs:
            continue
        objects = pair.objects.find(info.sent.text, low)
        for v in verbs:
            if any(
                t.start < v.end
                and v.start < t.end
                and not (pair.label == LOOTING_LABEL and t.value.label == RIOT_WORD_LABEL)
                for t in info.triggers
            ):
                continue
            if any(
                _near(low, v, o, PAIR_WORDS) and (v.end <= o.start or not pair.verb_first)
                for o in objects
            ):
                out.append(Hit(v.start, v.end, Trigger(pair.label, "verb")))
                break
    return out


DENIAL_STOPS = frozenset(";")  # a denial's complement ends at a new clause of its own


def _denied(info: SentenceInfo, data: LangData) -> tuple[int, int]:
    """The span of a sentence's first denial's complement ((0, 0) when it denies nothing):
    "Russia denied its jets had struck the market" tells no strike as fact. The complement ends
    at a semicolon or a contrast ("denied it, but said troops fired"). A passive "denied" is no
    denial: "two men who were denied access" were refused something."""
    low = info.sent.low
    for h in data.denials.find(info.sent.text, low):
        if any(w in data.passive_aux for w in low[: h.start].split()[-2:]):
            continue
        stops = [c.start for c in data.contrast.find(info.sent.text, low) if c.start >= h.end]
        stops += [i for i in range(h.end, len(low)) if low[i] in DENIAL_STOPS]
        return h.end, min(stops, default=len(low))
    return 0, 0


def _without_elapsed(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    """ "IS re-entered Palmyra, eight months after government forces seized control of it":
    the act told after a span counted back from the reported one ("months after", "bulan
    setelah") happened that long before; up to the clause's end it is history, not the
    sentence's act."""
    low = info.sent.low
    spans = []
    for m in data.elapsed_after.find(info.sent.text, low):
        if not m.value:
            continue  # "the worst in weeks after ...": a comparison, no span counted
        stops = [i for i in range(m.end, len(low)) if low[i] in CLAUSE_MARKS]
        spans.append((m.end, min(stops, default=len(low))))
    return [t for t in info.triggers if not any(s <= t.start < e for s, e in spans)]


BOMBER_WORDS = 3  # "killed two IS suicide bombers", "shot dead a would-be suicide bomber"


def _without_stopped_bombers(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    """ "Iraqi forces killed two IS suicide bombers near Badush": a suicide bomber who is the
    object of a killing, in a sentence that tells no blast or detonation, was stopped before
    the bomb went off; the killing is the act (a fight with the bomber's group), no bombing."""
    triggers, low = info.triggers, info.sent.low
    if any(t.value.label in WEAPON_LABELS and t.value.pos != "noun" for t in triggers):
        return triggers  # "blew himself up", "detonated": the bomb went off
    kills = [
        t
        for t in triggers
        if t.value.pos == "verb" and data.common.labels[t.value.label].resolve == "attack"
    ]
    by = data.agent_markers.find(info.sent.text, low)
    people = data.suicide_bombers.find(info.sent.text, low)

    def stopped(t: Hit[Trigger]) -> bool:
        if not any(p.start < t.end and t.start < p.end for p in people):
            return False  # "killed 20 in a suicide bombing": the bombing killed them
        return any(
            k.end <= t.start
            and words_between(low, k.end, t.start) <= BOMBER_WORDS
            and not any(k.end <= b.start < t.start for b in by)
            for k in kills
        )

    return [
        t
        for t in triggers
        if not (t.value.label == "suicide_bomb" and t.value.pos == "noun" and stopped(t))
    ]


PREVENTED_WORDS = 3  # "before it could explode", "before the device went off"


def _without_prevented(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    """ "Troops defused the bomb before it exploded": after a weapon taken out of use, an
    explosion told after "before" is what the defusal prevented; it did not happen."""
    return _without_after_marks(
        info.triggers, "disrupted_weapons", data.before_words, WEAPON_LABELS, PREVENTED_WORDS, info
    )


def _without_after_marks(
    triggers: list[Hit[Trigger]],
    anchor: str,
    marks: Lexicon[str],
    labels: frozenset[str],
    reach: int,
    info: SentenceInfo,
) -> list[Hit[Trigger]]:
    """``triggers`` without those of ``labels`` told within ``reach`` words after one of
    ``marks`` that follows the first ``anchor`` trigger ("defused it before it exploded",
    "arrested for organising a protest"): what the anchor's act prevented or was for."""
    anchors = [t.end for t in triggers if t.value.label == anchor]
    if not anchors:
        return triggers
    low = info.sent.low
    ends = [m.end for m in marks.find(info.sent.text, low) if m.start >= anchors[0]]
    return [
        t
        for t in triggers
        if t.value.label not in labels
        or not any(e <= t.start and words_between(low, e, t.start) <= reach for e in ends)
    ]


SCENE_WORDS = 3  # "the scene of a deadly 2017 chemical attack", "the site of heavy fighting"


def _at_scene(t: Hit[Trigger], scenes: list[Hit[str]], low: str) -> bool:
    """ "Kalimbo, the scene of heavy fighting", "lokasi bentrokan": a fight's noun that names
    what a place is known for describes the place; the fight is not told here. (One act named
    at its site, "the site of an Israeli strike that killed 20", may be the report's act.)"""

    def after(s: Hit[str]) -> bool:
        if s.start <= t.start < s.end:
            return True  # "lokasi pertempuran (sengit)": the phrase holds the noun
        gap = low[s.end : t.start]
        return (
            s.end <= t.start
            and words_between(low, s.end, t.start) <= SCENE_WORDS
            and not CLAUSE_MARKS.intersection(gap)
        )

    return t.value.pos == "noun" and t.value.label == FIGHT_LABEL and any(map(after, scenes))


def _one_clause(gap: str) -> bool:
    """No clause mark between a negation or modal and a trigger: "No deaths - fighting over
    farmland" negates the deaths, not the fighting."""
    return not any(c in gap for c in ",;:") and not DASHES.search(gap)


def live_triggers(info: SentenceInfo, data: LangData) -> list[Hit[Trigger]]:
    low = info.sent.low
    # A negation inside a side's name negates nothing: "orang tak dikenal menyerang" (unknown
    # people attacked), "pelaku tidak dikenal".
    named = [(m.start - info.sent.start, m.end - info.sent.start) for m in info.actors]
    blockers = [
        b
        for b in data.blockers.find(info.sent.text, low)
        if not _capitalised(b, info) and not inside(b, named)
    ]
    # "found a bomb", "foiled an attack": a verb that takes the weapon or act as its object.
    taken = [
        b
        for b in data.object_blockers.find(info.sent.text, low)
        if not _capitalised(b, info) and not inside(b, named)
    ]
    post = data.post_blockers.find(info.sent.text, low)
    negators = [b for b in data.clause_blockers.find(info.sent.text, low) if not inside(b, named)]
    denied_from, denied_to = _denied(info, data)
    described = data.described.find(info.sent.text, low)
    scenes = data.scenes.find(info.sent.text, low)
    info.triggers, vetoed = crime_veto(info, data)
    if vetoed:
        return info.triggers
    paired = paired_triggers(info, data)
    if paired:
        info.triggers = sorted([*info.triggers, *paired], key=lambda t: t.start)
    info.triggers = labour_strikes(info, data)
    info.triggers = crowd_road_blocks(info, data)
    disrupted, weapons = _disrupted(info, data)
    if disrupted:
        kept = [t for t in info.triggers if t.value.label not in WEAPON_LABELS]
        # "seized eight guns and 500 live bullets": a phrase naming the weapons taken tells
        # no use of them, whatever label it has ("live bullets" fired at a crowd).
        spans = [(d.start, d.end) for d in disrupted] + [(w.start, w.end) for w in weapons]
        kept = [t for t in kept if not any(t.start < e and s < t.end for s, e in spans)]
        info.triggers = sorted([*kept, *disrupted], key=lambda t: t.start)
    info.triggers = _without_elapsed(info, data)
    info.triggers = _without_stopped_bombers(info, data)
    info.triggers = _without_prevented(info, data)
    if any(t.value.label == "misfire" for t in info.triggers):
        # "two militants were killed when landmines they were planting exploded prematurely":
        # the weapon's use went wrong; who died there is its toll, not the victims of an attack.
        info.triggers = [
            Hit(t.start, t.end, Trigger("lethal", "passive")) if t.value.label == "attack" else t
            for t in info.triggers
            if t.value.label not in WEAPON_LABELS
        ]
    live = []
    for t in info.triggers:
        if any(
            b.end <= t.start
            and words_between(low, b.end, t.start) <= BLOCKER_WORDS
            and _one_clause(low[b.end : t.start])
            for b in blockers + (taken if t.value.pos == "noun" else [])
        ):
            continue
        if any(
            b.end <= t.start
            and words_between(low, b.end, t.start) <= NEGATION_WORDS
            and _one_clause(low[b.end : t.start])
            for b in negators
        ):
            continue  # "did not actively take part in ground battles": nothing happened
        if denied_from <= t.start < denied_to:
            continue  # "It denied its air force had been involved in the fighting"
        if any(
            b.start >= t.end and words_between(low, t.end, b.start) <= BLOCKER_WORDS for b in post
        ):
            continue
        if of_an_actor(t, info, data):
            continue
        if any(n.start <= t.start and t.end <= n.end for n in described) or _at_scene(
            t, scenes, low
        ):
            # "the injured were taken to hospital", "the besieged town": no act (weak: joins only).
            t = Hit(t.start, t.end, Trigger(TOLL_LABEL, "passive"))
        elif seized_goods(t, info, data):
            t = Hit(t.start, t.end, Trigger(LOOTING_LABEL, t.value.pos))
        elif minor_object(t, info, data) and not driven_out(t, info, data):
            # "overran a hospital": the fight for it, not a change of territory; people taken
            # are released or abducted (see people_taken).
            label = people_taken(t, info, data) or FIGHT_LABEL
            t = Hit(t.start, t.end, Trigger(label, t.value.pos))
        live.append(t)
    live = without_protest_objects(without_captivity_released(live, info), info, data)
    return without_causes(
        without_grievances(without_setting(live, info, data), info, data), info, data
    )


RELEASED_WORDS = 4  # "rescued 20 kidnapped passengers", "freed two hostages abducted in May"


def without_captivity_released(live: list[Hit[Trigger]], info: SentenceInfo) -> list[Hit[Trigger]]:
    """ "Troops rescued 20 kidnapped passengers": an abduction told of the people a release
    freed (a few words after its verb) is their past; the release is the act told (ACLED
    codes the abduction on its own day)."""
    releases = [t.end for t in live if t.value.label == RELEASE_LABEL and t.value.pos != "noun"]
    if not releases:
        return live
    low = info.sent.low
    return [
        t
        for t in live
        if t.value.label != ABDUCTION_LABEL
        or not any(
            e <= t.start and words_between(low, e, t.start) <= RELEASED_WORDS for e in releases
        )
    ]


PROTEST_OBJECT_WORDS = 3  # "for organising an illegal protest", "ahead of planned mass rallies"


def without_protest_objects(
    live: list[Hit[Trigger]], info: SentenceInfo, data: LangData
) -> list[Hit[Trigger]]:
    """ "Police detained activists for organising a protest", "arrested ten in anticipation of
    rallies": after an arrest, a demonstration named as what the people arrested did, planned
    or were suspected of is the arrest's reason, not an act of the incident (ACLED: Arrests)."""
    return _without_after_marks(
        live, "arrests", data.protest_objects, PROTEST_LABELS, PROTEST_OBJECT_WORDS, info
    )


SETTING_WORDS = 3  # "during the renewed heavy clashes", "amid Friday's armed clashes"


def without_setting(
    live: list[Hit[Trigger]], info: SentenceInfo, data: LangData
) -> list[Hit[Trigger]]:
    """ "A grenade exploded in the market during clashes between the army and rebels": a fight
    told right after a word of setting ("during", "amid", "di tengah"), after an explosive
    weapon's use, is when that use happened; the use is what the sentence reports (CASE and
    ACLED code the weapon when its explosion is the act told). A fight told as the act
    ("clashed ... shelling during the clash") keeps its own trigger."""
    weapons = [t.start for t in live if t.value.label in WEAPON_LABELS]
    if not weapons:
        return live
    low = info.sent.low
    marks = [m for m in data.settings.find(info.sent.text, low) if m.start > min(weapons)]
    return [
        t
        for t in live
        if not (
            t.value.label == FIGHT_LABEL
            and t.value.pos == "noun"
            and any(
                m.end <= t.start and words_between(low, m.end, t.start) <= SETTING_WORDS
                for m in marks
            )
        )
    ]


# Developments whose report may name the violence that led to them ("agreed a ceasefire after
# weeks of fighting", "were displaced following a clash", "redeploying after they were
# besieged"); arrests, seizures and destruction are told with the fight they are part of.
CAUSED_LABELS = frozenset({"agreement", "transfer", "other", "base_established", "group_change"})
# A storming or raid stays the act: "hostages were freed after troops stormed the building".
VIOLENT_LABELS = (FIGHT_LABELS - {"assault"}) | WEAPON_LABELS


def without_causes(
    live: list[Hit[Trigger]], info: SentenceInfo, data: LangData
) -> list[Hit[Trigger]]:
    """ "Two forces agreed a ceasefire after the worst fighting in years": in a sentence that
    opens with a development, violence told right after a word of cause ("after", "following",
    "menyusul") is what led to it, not an act of the incident (ACLED codes the development the
    report tells; the fight before it is an event of its own day)."""
    if not live or live[0].value.label not in CAUSED_LABELS:
        return live
    low, opened = info.sent.low, live[0].end
    marks = [g for g in data.grievances.find(info.sent.text, low) if g.start >= opened]
    if not marks:
        return live
    # "due to continued attacks by the militia and clashes between them and the army": a cause
    # goes on over the violence joined to it, up to a contrast ("but") or a semicolon.
    stops = [c.start for c in data.contrast.find(info.sent.text, low)]
    stops += [i for i, c in enumerate(low) if c == ";"]
    ends = [g.end for g in marks]
    kept = []
    for t in live:
        caused = t.value.label in VIOLENT_LABELS and any(
            e <= t.start
            and words_between(low, e, t.start) <= CAUSE_WORDS
            and not any(e <= x < t.start for x in stops)
            for e in ends
        )
        if caused:
            ends.append(t.end)
        else:
            kept.append(t)
    return kept


def split_consequence(info: SentenceInfo, data: LangData) -> None:
    """ "The strike paved the way for the militants to overrun a post at X": the act made
    possible is an incident of its own at the place its clause names, told after its cause. Its
    own trigger codes it, else the language's consequence label. Without a place it stays part
    of the sentence's incident."""
    if not info.places:
        return
    hits = data.consequences.find(info.sent.text, info.sent.low)
    if not hits:
        return
    cut = hits[0]
    base = info.sent.start
    places = [p for p in info.places if p.start - base >= cut.end]
    if not places:
        return
    after = [t for t in info.triggers if t.start >= cut.end]
    strong = [t for t in after if t.value.label not in data.common.weak_labels]
    if not strong:
        strong = [Hit(cut.start, cut.end, Trigger(data.consequence_label, "verb"))]
        after = strong + after
    info.triggers = after
    labels = [data.common.labels[t.value.label] for t in strong]
    info.top = max(labels, key=lambda lb: lb.priority)
    info.places = places
    info.separator = True
    info.consequence = cut.end
