"""Who gave a figure: "according to X", "X said", "it said" (the claimant named before),
with the organisation a speaker belongs to ("a spokesman for the Syrian army")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from wartrace.extract.lexicon import MARKS, fold
from wartrace.extract.resources import LangData
from wartrace.extract.sentences import Sentence
from wartrace.models import Claim

MAX_CLAIMANT_WORDS = 9
MAX_DESCRIPTION_WORDS = 5

PREVIOUS = "<previous>"  # find_claimant's answer for "he said": the claimant named before
PREVIOUS_BODY = "<previous body>"  # for "it said": the body named before, not a person


def _previous(pronoun: str, data: LangData) -> str:
    return PREVIOUS_BODY if pronoun in data.body_pronouns else PREVIOUS


_STOP_PUNCT = frozenset(',;:"“”«»()[]')


def find_claimant(sentence: Sentence, data: LangData) -> str | None:
    """Who the sentence says gave its information ("according to X", "X said")."""
    text = sentence.text
    channel = _channel(sentence, data)
    if channel:
        return channel
    relays = data.relay_before.find(text, sentence.low)
    for h in data.attr_before.find(text, sentence.low):
        if any(r.start <= h.start < r.end for r in relays):
            continue  # "As reported by Reuters, the police chief said": the chief speaks
        name = _words_from(text, h.end, forward=True, data=data)
        if name:
            return _with_affiliation(text, name, h.end, data)
        if _pronoun_after(sentence.low, h.end, data):
            return PREVIOUS  # "Menurut dia", "according to him": who was named before
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
    for h in spoken:
        if any(r.start <= h.start < r.end for r in relays):
            continue  # "X, seperti dikutip Antara, mengatakan": Antara relays, X speaks
        if sentence.low[h.start : h.end] in data.implicit.adverbs and _fate(text, h.end, told):
            continue  # "25 people were reported killed": a passive, nobody speaks
        before = sentence.low[: h.start].split()
        if before and before[-1] in data.claimant_pronouns:
            return _previous(before[-1], data)  # "It said", "he added": who was named before
        name = None
        if opener is None or text[opener : h.start].strip():  # "Data itu dilansir X": X
            name = _words_from(text, h.start, forward=False, data=data)
        if name:
            name = _apposed_name(text, h.start, name, data) or name
        elif sentence.low[h.start : h.end] not in data.recipient_verbs:  # "told AFP": a listener
            name = _words_from(text, h.end, forward=True, data=data)
            if name:
                name = _with_affiliation(text, name, h.end, data)
        if name:
            return name
    # "X said ..., as quoted by Y" (above: X); Y only when the sentence names no speaker.
    for h in data.relay_before.find(text, sentence.low):
        name = _words_from(text, h.end, forward=True, data=data)
        if name:
            return _with_affiliation(text, name, h.end, data)
    # "X said, citing a source": X gives the figure; the relayed source only when alone.
    for h in data.attr_relayed.find(text, sentence.low):
        name = _words_from(text, h.end, forward=True, data=data)
        if name:
            return name
    if data.pronoun_tags and not data.pronoun_tags.isdisjoint(_TAG_WORD.findall(sentence.low)):
        return PREVIOUS  # "..., ujarnya": said he, the speaker named before
    return _closing_credit(text, data) or _headline_credit(text, data)


_TAG_WORD = re.compile(r"\w+")


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


MAX_CREDIT_WORDS = 5
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”')]*\s")


# "... were killed (Various army sources)." / a line's last sentence cut off at its "(":
# "Various army sources)". A credit in parentheses that closes the text.
_CLOSING_CREDIT = re.compile(r"(?:\(|^\s*)([^()]+)\)\s*\.?\s*$")


def _closing_credit(text: str, data: LangData) -> str | None:
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
        _CLOSING_CREDIT.fullmatch(sentence.text) and _closing_credit(sentence.text, data)
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
        or all(w[:1].isupper() or w.lower() in _CONNECTORS for w in p)
        for p in parts
    )


def _headline_credit(text: str, data: LangData) -> str | None:
    """ "Ten killed in market blast - police, witnesses": a headline credits its figures after a
    closing dash, with no verb. Only a short run of names and source nouns, in a line with no
    closing stop (a headline), is read as the source; after a full stop ("taken in May. - AFP")
    the dash credits a photograph."""
    line = text.strip()
    if not line or line[-1] in ".!?\"”'":
        return None
    dash = _last_dash(line)
    head = line[:dash].rstrip()
    if dash < 0 or len(_CLAIM_WORD.findall(head)) < 3 or head[-1:] in '.!?"”)':
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


def _channel(sentence: Sentence, data: LangData) -> str | None:
    """ "IS claimed it through its Amaq propaganda agency", "ISIS, lewat kantor berita Amaq,
    mengklaim": a named outlet the statement went out by is its source, as ACLED cites it."""
    for h in data.channel.find(sentence.text, sentence.low):
        name = _words_from(sentence.text, h.end, forward=True, data=data)
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
    Rights (SOHR) attributed ..."): capitalised words, connectors, nouns for a source."""
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
            or w.lower() in _CONNECTORS
            or w.lower() in data.claimant_nouns
        ):
            break
        words.append(w)
    stop = data.attr_stop | {"the", "a", "an"}
    skipped = 0
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


def is_named(claimant: str, data: LangData | None = None) -> bool:
    """A claimant with a proper name in it ("Syrian Observatory", "Somali army", not "a war
    monitor"). A capital on the first word alone may only open the sentence, unless the word is
    a country's name or adjective."""
    words = claimant.split()
    if any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and claimant.isupper()):
        return True
    return data is not None and any(h.start == 0 for h in data.country_words.find(claimant))


def _apposed_name(text: str, pos: int, name: str, data: LangData) -> str | None:
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
    apposed = _words_from(text, len(before) - 1, forward=False, data=data)
    if not apposed or not is_organisation(apposed, data):
        return None  # "ambushed a bus near Deir al-Zour, a monitor said": a place, not a name
    return apposed


def _with_affiliation(text: str, name: str, pos: int, data: LangData) -> str:
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


_CONNECTORS = frozenset({"for", "of", "the", "and", "on", "untuk", "dan", "al", "el", "de", "dos"})


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
        if w[:1].isupper() or (run and w.lower() in _CONNECTORS):
            run.insert(0, w)
        else:
            break
    while run and run[0].lower() in _CONNECTORS:
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
        desc = _words_from(text, end + offset + h.end, forward=True, data=data)
        return desc
    return None


_DASH = re.compile(r"\s[-–—]\s")


def _last_dash(seg: str) -> int:
    """The offset of the last dash standing between words ("KANO (Daily) - The army said":
    a dateline's dash, not part of the name), or -1."""
    return max((m.start() + 1 for m in _DASH.finditer(seg)), default=-1)


def _last_stop(seg: str) -> int:
    """The offset of the last stop mark in ``seg``, or -1."""
    return max(seg.rfind(c) for c in _STOP_PUNCT)


_ENDS = re.compile(r"[.!?\n]")


def _forward_cut(seg: str) -> int:
    """Where a name read forward stops: the first stop mark, or a sentence end before it
    (searched, not walked: ``seg`` runs to the end of the sentence)."""
    limit = min((k for k in (seg.find(c) for c in _STOP_PUNCT) if k >= 0), default=len(seg))
    return next(
        (m.start() for m in _ENDS.finditer(seg, 0, limit) if _ends_at(seg, m.start())), limit
    )


def _ends_at(seg: str, i: int) -> bool:
    if i + 1 >= len(seg) or seg[i + 1] in ' \n"”':
        return True
    return bool(_GLUED_SENTENCE.match(seg, i + 1))  # "told AFP.The assailants": a lost space


_GLUED_SENTENCE = re.compile(r"[A-Z][a-z]{2,}\b")


_DATE_END = re.compile(r"\s*\(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\)\s*,?$")
_ACRONYM_END = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)\s*,?$")
_ACRONYM_DESCRIBED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)\s+((?:[a-z][\w-]*\s*){1,3})$")
_CLAIM_WORD = re.compile(f"[\\w'’.{MARKS}-]+")


def _description_before(seg: str, data: LangData) -> bool:
    """Whether ``seg`` ends with a short description of a source set off by commas."""
    cut = max((i for i, c in enumerate(seg) if c in _STOP_PUNCT), default=-1)
    words = _CLAIM_WORD.findall(seg[cut + 1 :])
    return (
        0 < len(words) <= MAX_DESCRIPTION_WORDS
        and any(fold(w) in data.claimant_nouns for w in words)
        and not any(w[:1].isupper() for w in words[1:])
    )


def _named_before(seg: str, data: LangData) -> bool:
    """Whether the text before an apposition ends with a name ("John Mavu, a ..."), not a
    connective ("However, an eyewitness who ...")."""
    words = _CLAIM_WORD.findall(seg)
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() not in data.attr_stop


def _words_from(text: str, pos: int, *, forward: bool, data: LangData) -> str | None:
    """Up to MAX_CLAIMANT_WORDS words next to pos, up to punctuation, a quote or a cut word."""
    stop = data.attr_stop | {"the", "a", "an"}
    if forward:
        seg = text[pos:]
        cut = _forward_cut(seg)
        words = _CLAIM_WORD.findall(seg[:cut])[:MAX_CLAIMANT_WORDS]
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
            inner = _CLAIM_WORD.findall(seg[inner_start + 1 : -1])
            if inner_start >= 0 and inner and inner[0].lower() in data.claimant_cut:
                seg = seg[:inner_start].rstrip()  # "X, based in London, said": X
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
        cut = max(_last_stop(seg), _last_dash(seg))
        words = _CLAIM_WORD.findall(seg[cut + 1 :])[-MAX_CLAIMANT_WORDS:]
        if cut > 0 and words and words[0].lower() in data.claimant_relative:
            # "X, who represents the town, also confirmed" with its closing comma left out:
            # the relative clause describes the speaker named before its comma.
            seg = seg[:cut].rstrip()
            cut = max(_last_stop(seg), _last_dash(seg))
            words = _CLAIM_WORD.findall(seg[cut + 1 :])[-MAX_CLAIMANT_WORDS:]
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


def has_source_noun(words: list[str], data: LangData) -> bool:
    """Whether the words hold a noun for a source ("officials", "kantor berita")."""
    joined = f" {' '.join(words).lower()} "
    return any(f" {n} " in joined for n in data.claimant_nouns)


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
