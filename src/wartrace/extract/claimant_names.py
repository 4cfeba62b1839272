"""Reading a claimant's name out of a sentence: the words before or after a speech verb, up
to punctuation or a cut word ("the Syrian Observatory, a Britain-based monitor, said"), with
the body a speaker belongs to ("said the head of the monitor, Rami X")."""

from __future__ import annotations

import re

from wartrace.extract.lexicon import MARKS, fold
from wartrace.extract.resources import LangData

MAX_CLAIMANT_WORDS = 9
MAX_DESCRIPTION_WORDS = 5

_STOP_PUNCT = frozenset(',;:"“”«»()[]')


def is_named(claimant: str, data: LangData | None = None) -> bool:
    """A claimant with a proper name in it ("Syrian Observatory", "Somali army", not "a war
    monitor"). A capital on the first word alone may only open the sentence, unless the word is
    a country's name or adjective."""
    words = claimant.split()
    if any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and claimant.isupper()):
        return True
    return data is not None and any(h.start == 0 for h in data.country_words.find(claimant))


def apposed_name(text: str, pos: int, name: str, data: LangData) -> str | None:
    """ "the Syrian Observatory, a Britain-based monitor, said": the name beside a description."""
    if is_named(name):
        return None
    head = text[:pos].rstrip()
    cut = head.rfind(name)
    before = head[:cut].rstrip() if cut >= 0 else ""
    stop = data.attr_stop | {"the", "a", "an"}
    while before and before.rsplit(None, 1)[-1].lower() in stop:
        before = before[: -len(before.rsplit(None, 1)[-1])].rstrip()
    if not before.endswith(","):
        return None
    apposed = words_from(text, len(before) - 1, forward=False, data=data)
    if not apposed or not is_organisation(apposed, data):
        return None  # "ambushed a bus near Deir al-Zour, a monitor said": a place, not a name
    return apposed


def with_affiliation(text: str, name: str, pos: int, data: LangData) -> str:
    at = text.find(name, pos)
    if at < 0:
        return name
    person = _apposed_person(text, at + len(name), name, data)
    if person:
        return person
    desc = _affiliation(text, at + len(name), data)
    return f"{name} ({desc})" if desc else name


_PERSON_AFTER = re.compile(r",\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s*(?=[,.;]|$)")


def _apposed_person(text: str, end: int, name: str, data: LangData) -> str | None:
    """ "said the head of the monitor, Rami X, on Thursday": the person, with the body they
    speak for ("Rami X (monitor)"); the title alone names nobody."""
    title = next((h for h in data.affiliation.find(name) if h.start == 0), None)
    if title is None:
        return None
    m = _PERSON_AFTER.match(text, end)
    if not m or data.weekdays.find(m.group(1)):
        return None
    person = m.group(1)
    if person.endswith(".") and len(person.rsplit(None, 1)[-1]) > 3:
        person = person[:-1]  # "..., Kolonel Ahmad.": the sentence's stop, not an initial
    body = name[title.end :].split()
    while body and body[0].lower() in data.attr_stop | {"the", "a", "an", "of", "for"}:
        body = body[1:]
    return f"{person} ({' '.join(body)})" if body else person


CONNECTORS = frozenset({"for", "of", "the", "and", "on", "untuk", "dan", "al", "el", "de", "dos"})


def is_organisation(name: str, data: LangData) -> bool:
    """A proper name of a body that can give figures ("Syrian Observatory ...", "SANA"): its
    closing run of capitalised words holds a noun for a body (a place name alone does not)."""
    words = [w.strip("()[]") for w in name.split() if w.strip("()[]")]
    if data.organisations.holds_one(name):
        return True  # a listed body, also inside "Rami X (Syrian Observatory ...)"
    if len(words) == 1:
        return name.isupper() and len(name) > 1
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or (run and w.lower() in CONNECTORS):
            run.insert(0, w)
        else:
            break
    while run and run[0].lower() in CONNECTORS:
        run.pop(0)
    return len(run) >= 2 and any(fold(w) in data.claimant_nouns for w in run)


def _affiliation(text: str, end: int, data: LangData) -> str | None:
    """ "said Rami X, who heads the monitoring group": the body the speaker speaks for."""
    rest = text[end:]
    if not rest.startswith(","):
        return None
    low = fold(rest[1:]).lstrip()
    offset = len(rest) - len(low)
    for h in data.affiliation.find(low):
        if h.start != 0:
            break
        desc = words_from(text, end + offset + h.end, forward=True, data=data)
        return desc
    return None


_DASH = re.compile(r"\s[-–—]\s")


def last_dash(seg: str) -> int:
    """The offset of the last dash standing between words ("KANO (Daily) - The army said":
    a dateline's dash, not part of the name), or -1."""
    return max((m.start() + 1 for m in _DASH.finditer(seg)), default=-1)


def _last_stop(seg: str) -> int:
    """The offset of the last stop mark in ``seg``, or -1."""
    return max(seg.rfind(c) for c in _STOP_PUNCT)


_ENDS = re.compile(r"[.!?\n]")


def phrase_end(text: str, pos: int) -> int:
    """Where the phrase read forward from ``pos`` ends ("according to reports reaching our
    correspondent, ..."): the first stop mark or sentence end."""
    return pos + _forward_cut(text[pos:])


def _forward_cut(seg: str) -> int:
    """Where a name read forward stops: the first stop mark, or a sentence end before it
    (searched, not walked: ``seg`` runs to the end of the sentence)."""
    limit = min((k for k in (seg.find(c) for c in _STOP_PUNCT) if k >= 0), default=len(seg))
    return next(
        (m.start() for m in _ENDS.finditer(seg, 0, limit) if _ends_at(seg, m.start())),
        limit,
    )


def _ends_at(seg: str, i: int) -> bool:
    if i + 1 >= len(seg) or seg[i + 1] in ' \n"”':
        return True
    return bool(_GLUED_SENTENCE.match(seg, i + 1))  # "told AFP.The assailants": a lost space


_GLUED_SENTENCE = re.compile(r"[A-Z][a-z]{2,}\b")


_DATE_END = re.compile(r"\s*\(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\)\s*,?$")
_ACRONYM_END = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)\s*,?$")
_ACRONYM_DESCRIBED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)\s+((?:[a-z][\w-]*\s*){1,3})$")
CLAIM_WORD = re.compile(f"[\\w'’.{MARKS}-]+")


def _description_before(seg: str, data: LangData) -> bool:
    """Whether ``seg`` ends with a short description of a source set off by commas."""
    cut = max((i for i, c in enumerate(seg) if c in _STOP_PUNCT), default=-1)
    words = CLAIM_WORD.findall(seg[cut + 1 :])
    return (
        0 < len(words) <= MAX_DESCRIPTION_WORDS
        and any(fold(w) in data.claimant_nouns for w in words)
        and not any(w[:1].isupper() for w in words[1:])
    )


MAX_APPOSED_NAME_WORDS = 5


def _named_after_title(title: str, name: list[str], data: LangData) -> bool:
    """ "Police spokesman, John Okon, said", "A local official, Bertide Horace, told AFP": a
    run of capitalised words set off by commas right after a description holding a source
    noun is the source's name (a place after a place, "in Dorvale, Lagos,", is not)."""
    if not 0 < len(name) <= MAX_APPOSED_NAME_WORDS or any(c.isdigit() for w in name for c in w):
        return False
    if (
        not all(w[:1].isupper() or w.lower() in CONNECTORS for w in name)
        or not name[-1][:1].isupper()
    ):
        return False
    words = CLAIM_WORD.findall(title[max(_last_stop(title), last_dash(title)) + 1 :])
    return 0 < len(words) <= MAX_CLAIMANT_WORDS and has_source_noun(words, data)


def _named_before(seg: str, data: LangData) -> bool:
    """Whether the text before an apposition ends with a name ("John Mavu, a ..."), not a
    connective ("However, an eyewitness who ...")."""
    words = CLAIM_WORD.findall(seg)
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() not in data.attr_stop


def words_from(text: str, pos: int, *, forward: bool, data: LangData) -> str | None:
    """Up to MAX_CLAIMANT_WORDS words next to pos, up to punctuation, a quote or a cut word."""
    stop = data.attr_stop | {"the", "a", "an"}
    if forward:
        seg = text[pos:]
        cut = _forward_cut(seg)
        words = CLAIM_WORD.findall(seg[:cut])[:MAX_CLAIMANT_WORDS]
        if words and words[0].lower() in data.complementisers:
            return None  # "claimed that dozens died": the claim, not who made it
        for k, w in enumerate(words):
            cut_word = w.lower() in data.claimant_cut and not w[:1].isupper()  # "Dalam Negeri"
            if k and (cut_word or data.attr_after.find(w.lower())):
                words = words[:k]  # "citing Dogan initially reported": Dogan
                break
    else:
        seg = text[:pos].rstrip()
        if seg.endswith(","):
            inner_start = _last_stop(seg[:-1])
            inner = CLAIM_WORD.findall(seg[inner_start + 1 : -1])
            if inner_start >= 0 and inner and inner[0].lower() in data.claimant_cut:
                seg = seg[:inner_start].rstrip()  # "X, based in London, said": X
            elif _named_after_title(seg[:inner_start], inner, data):
                seg = seg[:-1]  # "Police spokesman, John Okon, said": the person named
            elif _description_before(seg[:-1], data):
                seg = seg[:-1]  # "the Group, a local monitor, said": the description
            elif len(inner) <= MAX_CLAIMANT_WORDS and any(
                w.lower() in data.claimant_relative for w in inner[1:]
            ):
                seg = seg[:-1]  # "an eyewitness who spoke to X, claimed": cut at "who" below
            elif (
                inner_start >= 0
                and inner
                and inner[0].lower() in data.implicit.determiners
                and _named_before(seg[:inner_start], data)
            ):
                # "X, a former chairman of a farmers' association in the state, confirmed":
                # an apposition too long to stand for its name; the name before it speaks.
                seg = seg[:inner_start].rstrip()
        seg = _DATE_END.sub("", seg)  # "X pada Selasa (8/8/2023) melaporkan": X
        described = _ACRONYM_DESCRIBED.search(seg)
        if described and has_source_noun(described.group(2).split(), data):
            # "X (SOHR) monitor perang mengatakan": a description after the acronym, X
            seg = seg[: described.start(2)].rstrip()
        acronym = _ACRONYM_END.search(seg)
        if acronym:  # "the Observatory (SOHR), claimed that": the name with its acronym
            seg = seg[: acronym.start()]
        cut = max(_last_stop(seg), last_dash(seg))
        words = CLAIM_WORD.findall(seg[cut + 1 :])[-MAX_CLAIMANT_WORDS:]
        if cut > 0 and words and words[0].lower() in data.claimant_relative:
            # "X, who represents the town, also confirmed" with its closing comma left out:
            # the relative clause describes the speaker named before its comma.
            seg = seg[:cut].rstrip()
            cut = max(_last_stop(seg), last_dash(seg))
            words = CLAIM_WORD.findall(seg[cut + 1 :])[-MAX_CLAIMANT_WORDS:]
        if acronym and words:
            words.append(f"({acronym.group(1)})")
        # "Kelompok aktivis lain yang meliput ... mengatakan": the head before the relative clause.
        for k, w in enumerate(words):
            if k and w.lower() in data.claimant_relative:
                words = words[:k]
                break
    words = [w.strip(".") for w in words if w.strip(".")]
    if words and words[0].lower() in data.claimant_negations:
        return None  # "No group has claimed it": nobody said anything
    while words and words[0].lower() in stop and not _head_noun(words, data):
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in stop - data.claimant_nouns:
        words = words[:-1]  # "the Information Ministry yesterday said": not part of the name
    if not forward:  # "the Observatory on Tuesday said": the date is not part of the name
        dated = data.weekday_words | data.report_date_links
        while len(words) > 1 and words[-1].lower() in dated:
            words = words[:-1]
    if not words or all(w.lower() in stop for w in words):
        return None
    if data.weekdays.find(" ".join(words)) or any(c.isdigit() for w in words for c in w):
        return None  # a day or a figure: a clause was read, not a name
    if not words[0][:1].isupper() and not has_source_noun(words, data):
        return None
    return " ".join(words)


def _head_noun(words: list[str], data: LangData) -> bool:
    """ "sumber lokal", "sumber militer": a source noun that opens a longer name heads it (a
    language that puts the head first); alone, "sources" names nobody. A capital after it starts
    the name instead ("sources Reuters": Reuters)."""
    return (
        len(words) > 1
        and words[0].lower() in data.claimant_nouns
        and not words[1][:1].isupper()
        and words[1].lower() not in data.attr_stop
    )


def people_named(text: str, pos: int, data: LangData) -> str | None:
    """ "according to vigilantes in the area", "according to aid workers": the people a
    source preposition names by a person noun alone (``implicit.persons``, singular or with
    the plural -s), lowercase and with no source noun of the lexicon."""
    words = CLAIM_WORD.findall(text[pos : phrase_end(text, pos)])[:MAX_CLAIMANT_WORDS]
    stop = data.attr_stop | {"the", "a", "an"}
    while words and words[0].lower() in stop:
        words = words[1:]
    cut = next((k for k, w in enumerate(words) if w.lower() in data.claimant_cut), len(words))
    words = words[:cut]
    if not words or any(c.isdigit() for w in words for c in w):
        return None
    head = words[-1].lower()
    if head in stop:
        return None  # "according to officials": a stop word names nobody on its own
    if head in data.implicit.persons or _plural_person(head, data):
        return " ".join(words)
    return None


def people_before(text: str, pos: int, data: LangData) -> str | None:
    """ "..., while the rebels said", "villagers said": the people before a speech verb named
    by a plural person noun alone (with at most one modifier: "local villagers"), opening
    its clause or after an article or a connective."""
    seg = text[:pos]
    cut = _last_stop(seg)
    if seg[cut : cut + 1] in (")", "]"):
        return None  # "Islamic State (IS) militants claimed": the group's name goes on
    words = CLAIM_WORD.findall(seg[cut + 1 :])
    stop = data.attr_stop | {"the", "a", "an"}
    if not words or not _plural_person(words[-1].lower(), data) or words[-1].lower() in stop:
        return None  # "officials said": a stop word names nobody on its own
    for width in (1, 2):
        run = words[-width:]
        before = words[:-width]
        if len(run) < width or any(w[:1].isupper() or w.lower() in stop for w in run[:-1]):
            return None
        if not before or before[-1].lower() in stop:
            return " ".join(run)
    return None


def _plural_person(word: str, data: LangData) -> bool:
    return word.endswith("s") and word[:-1] in data.implicit.persons


_POSSESSIVE = re.compile(r"['’]s$")


def has_source_noun(words: list[str], data: LangData) -> bool:
    """Whether the words hold a noun for a source ("officials", "kantor berita"), also as the
    possessor of what speaks ("the army's information service")."""
    joined = f" {' '.join(_POSSESSIVE.sub('', w) for w in words).lower()} "
    return any(f" {n} " in joined for n in data.claimant_nouns)
