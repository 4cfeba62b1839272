"""Deaths of people named without a number: "a woman was killed" (1), "killed the
commander" (1), "a councillor and his wife were shot dead" (2) (read by
``casualties.sentence_claims``)."""

from __future__ import annotations

from itertools import pairwise

from wartrace.extract.figure_cues import IMPLICIT_MODIFIERS
from wartrace.extract.figures import DIGITS
from wartrace.extract.resources import Implicit, LangData
from wartrace.extract.sentences import Sentence, Token
from wartrace.models import Claim

POST_MODIFIER_WORDS = 6  # "a judge of a provincial court was": person to the verb
TITLE_WORDS = 3  # "director general of ...": a title this early in an aside after a name
ASIDE_WORDS = 16  # "a man who had been protecting people from ... was": person to the verb
_AND = frozenset({"and", "et", "e", "dan"})
_OF = frozenset({"of", "de", "du", "da", "do"})
_CLOSERS = frozenset({"", ",", ")"})  # what may end an aside before its verb


def implicit_claims(
    sentence: Sentence,
    tokens: list[Token],
    kinds: list[tuple[int, int, str]],
    data: LangData,
    claimant: str | None,
) -> list[Claim]:
    """Deaths of people named without a number: "a woman was killed" (1), "killed the
    commander" (1), "a councillor and his wife were shot dead" (2)."""
    imp = data.implicit
    if not imp.persons and not imp.bare_persons:
        return []
    out: list[Claim] = []
    for ks, ke, kind in kinds:
        if kind != "killed":
            continue
        phrase = " ".join(t.low for t in tokens[ks:ke])
        before = " ".join(t.low for t in tokens[max(ks - 2, 0) : ks])
        if any(before == w or before.endswith(" " + w) for w in imp.not_dead):
            continue  # "nearly kills a man": nobody died
        found = _possessor(tokens, ks, imp, sentence)
        if found is None and phrase in imp.results:
            found = _pronoun_result(tokens, ks, imp, sentence)
        if found is None:
            found = _person_before(tokens, ks, imp, phrase in imp.intransitive, sentence)
        if found is None:
            found = _person_after(tokens, ke, imp, sentence)
        if found is None and phrase in imp.headline_verbs and _headline(sentence):
            found = _bare_object(tokens, ke, imp, sentence)
        if found is None and phrase in imp.headline_participles:
            found = _bare_subject(tokens, ks, ke, imp, sentence)
        if found is None and phrase in imp.bare_after:
            found = _bare_person(tokens, ke, imp, sentence)
        if found is not None and phrase in imp.found_nouns and not _found(tokens, ke, imp):
            continue  # "exchanged the body of a soldier": a death told before
        if found is None:
            continue
        a, b, count = found
        victims = sentence.text[
            tokens[a].start - sentence.start : tokens[b - 1].end - sentence.start
        ]
        out.append(
            Claim(count, "exact", "killed", tokens[a].start, tokens[b - 1].end, victims, claimant)
        )
    return out


def _possessor(
    tokens: list[Token], ks: int, imp: Implicit, sentence: Sentence
) -> tuple[int, int, int] | None:
    """ "shot a driver, resulting in his death": one person, named by the possessive."""
    if ks < 2 or tokens[ks - 1].low not in imp.possessives:
        return None
    if not _joined(tokens[ks - 1], tokens[ks], sentence):
        return None
    for width in (1, 2):
        first = ks - 1 - width
        if first < 0:
            break
        words = tokens[first:ks]  # the cause words and the possessive
        joined = all(_joined(a, b, sentence) for a, b in pairwise(words))
        if joined and " ".join(t.low for t in words[:-1]) in imp.causes:
            return ks - 1, ks, 1
    return None


def _pronoun_result(
    tokens: list[Token], ks: int, imp: Implicit, sentence: Sentence
) -> tuple[int, int, int] | None:
    """ "shot him dead", "leaving him killed": an object pronoun between a verb and a word for
    its result is the one who died."""
    if ks < 2 or tokens[ks - 1].low not in imp.pronouns:
        return None
    if not (
        _joined(tokens[ks - 2], tokens[ks - 1], sentence)
        and _joined(tokens[ks - 1], tokens[ks], sentence)
    ):
        return None
    return ks - 1, ks, 1


def _headline(sentence: Sentence) -> bool:
    """A title or a headline: no closing stop."""
    return not sentence.text.rstrip().endswith((".", "!", "?", '"', "”", ")"))


def _bare_phrase(
    tokens: list[Token], first: int, imp: Implicit, sentence: Sentence, limit: int
) -> int | None:
    """The end of "<up to 4 words> <singular person>" with no determiner, opening at
    ``first`` and ending before ``limit`` ("Pokot peace activist", "Customs officer")."""
    for k in range(first, min(first + IMPLICIT_MODIFIERS + 1, limit)):
        if k > first and not _joined(tokens[k - 1], tokens[k], sentence):
            return None
        word = tokens[k].low
        if DIGITS.match(word) or word in imp.determiners | imp.pronouns | imp.headline_after:
            return None  # "killed in Jihadist attack": a preposition opens no person
        if word in imp.persons:
            return k + 1 if k + 1 == limit or tokens[k + 1].low not in imp.persons else None
    return None


def _bare_object(
    tokens: list[Token], ke: int, imp: Implicit, sentence: Sentence
) -> tuple[int, int, int] | None:
    """ "Suspected raiders shoot and kill Pokot peace activist": a headline names one person
    after its verb with no article."""
    if ke >= len(tokens) or not _joined(tokens[ke - 1], tokens[ke], sentence):
        return None
    end = _bare_phrase(tokens, ke, imp, sentence, len(tokens))
    return (ke, end, 1) if end is not None else None


def _bare_subject(
    tokens: list[Token], ks: int, ke: int, imp: Implicit, sentence: Sentence
) -> tuple[int, int, int] | None:
    """ "Customs officer killed in the attack", "Customs officer who was close to the post
    killed in the attack": a sentence that opens with a bare singular person and tells its
    death by a participle (no auxiliary, no object after it) counts one."""
    if ks == 0 or not tokens[0].text[:1].isupper():
        return None
    if ke < len(tokens) and tokens[ke].low not in imp.headline_after:
        return None  # "Gunman killed two farmers": an active verb and its object
    relative = next((j for j in range(1, ks) if tokens[j].low in imp.relatives), ks)
    if relative - 1 > IMPLICIT_MODIFIERS + 1:
        return None
    if relative == ks and any(t.low in imp.auxiliaries for t in tokens[:ks]):
        return None
    end = _bare_phrase(tokens, 0, imp, sentence, relative)
    if end is not None and end < relative and not imp.determiners:
        end = _modifiers_after(tokens, end, relative, sentence)  # "Pelaku bom bunuh diri tewas"
    return (0, end, 1) if end == relative else None


def _modifiers_after(tokens: list[Token], end: int, limit: int, sentence: Sentence) -> int | None:
    """A language with no articles puts the person first and its modifiers after it ("Pelaku
    bom bunuh diri tewas"): the end of up to IMPLICIT_MODIFIERS lowercase words joined to it
    that reach ``limit``, else None."""
    if limit - end > IMPLICIT_MODIFIERS:
        return None
    for k in range(end, limit):
        if not _joined(tokens[k - 1], tokens[k], sentence) or not tokens[k].text.islower():
            return None
    return limit


def _found(tokens: list[Token], ke: int, imp: Implicit) -> bool:
    """A word of finding after a death noun ("the body of a man was found dumped")."""
    return any(t.low in imp.found_words for t in tokens[ke:])


def _bare_person(
    tokens: list[Token], ke: int, imp: Implicit, sentence: Sentence
) -> tuple[int, int, int] | None:
    """A singular person noun with no determiner right after a death noun or passive (Arabic
    "مقتل جندي", "the killing of a soldier"): a language without an indefinite article names
    one person by the bare singular."""
    if (
        ke < len(tokens)
        and tokens[ke].low in imp.bare_persons
        and _joined(tokens[ke - 1], tokens[ke], sentence)
    ):
        return ke, ke + 1, 1
    return None


def _joined(a: Token, b: Token, sentence: Sentence) -> bool:
    """Two tokens with only spaces between them (no comma, bracket or quote)."""
    gap = sentence.text[a.end - sentence.start : b.start - sentence.start]
    return not gap.strip()


def _noun_phrase_back(
    tokens: list[Token], head: int, imp: Implicit, sentence: Sentence
) -> int | None:
    """The first token of "<determiner> <up to 4 words> <person>" ending at ``head``."""
    if _singular_head(tokens[head].low) not in imp.persons:
        return None
    for k in range(head - 1, max(head - 1 - IMPLICIT_MODIFIERS, -1) - 1, -1):
        if k < 0 or not _joined(tokens[k], tokens[k + 1], sentence):
            return None
        if tokens[k].low in imp.determiners:
            return k
        if DIGITS.match(tokens[k].low):
            return None  # "a 14-year-old girl" is one; "the 3 soldiers" is a figure
    return None


def _singular_head(word: str) -> str:
    """ "man's" in "a man's body was found": the possessor is the person."""
    for mark in ("'s", "’s"):
        if word.endswith(mark):
            return word[: -len(mark)]
    return word


def _person_before(
    tokens: list[Token], ks: int, imp: Implicit, intransitive: bool, sentence: Sentence
) -> tuple[int, int, int] | None:
    """ "a woman was killed", "the soldier later died": (first token, end, count)."""
    k = ks - 1
    singular = plural = False
    while k >= 0 and (
        tokens[k].low in imp.auxiliaries
        or tokens[k].low in imp.plural_auxiliaries
        or tokens[k].low in imp.adverbs
    ):
        singular |= tokens[k].low in imp.auxiliaries
        plural |= tokens[k].low in imp.plural_auxiliaries
        k -= 1
    if k < 0 or not (singular or plural or intransitive):
        return None
    joined = _joined(tokens[k], tokens[k + 1], sentence)
    first, end = None, k + 1
    if joined:
        first = _noun_phrase_back(tokens, k, imp, sentence)
        if first is None and singular and not plural:
            first = _one_person_two_titles(tokens, k, imp, sentence)
        if first is None:
            # "a judge of a provincial court was killed": the person before a short phrase
            first = _person_before_phrase(tokens, k, imp, sentence)
    if first is None and not plural and _gap(tokens[k], tokens[k + 1], sentence) in _CLOSERS:
        first, end = _person_before_aside(tokens, k, imp, sentence) or (None, end)
    if first is None:
        return None
    if not plural:
        return first, end, 1
    # "a councillor and his wife were shot dead": two people.
    if first >= 2 and tokens[first - 1].low in _AND:
        other = _noun_phrase_back(tokens, first - 2, imp, sentence)
        if other is not None:
            return other, k + 1, 2
    return None


def _one_person_two_titles(
    tokens: list[Token], k: int, imp: Implicit, sentence: Sentence
) -> int | None:
    """ "a prominent party official and activist was shot dead": two person nouns joined by
    "and" under one determiner and a singular verb name one person."""
    if k < 2 or tokens[k].low not in imp.persons or tokens[k - 1].low not in _AND:
        return None
    if not (
        _joined(tokens[k - 2], tokens[k - 1], sentence)
        and _joined(tokens[k - 1], tokens[k], sentence)
    ):
        return None
    return _noun_phrase_back(tokens, k - 2, imp, sentence)


def _person_before_aside(
    tokens: list[Token], k: int, imp: Implicit, sentence: Sentence
) -> tuple[int, int] | None:
    """The first token of "<determiner> <person>" before an aside that ends at token ``k``:
    a relative clause ("a man who had been protecting people from the militia was killed"),
    or a participle phrase or a name set off by commas ("a power worker, John Doe, was
    killed", "a man, working as a cook at the base, was kidnapped and killed"), or a
    phrase with a name in brackets ("a cadre of the Communist Party (CPI) was killed"). The
    verb after the aside is the person's: English puts the subject's modifiers between them.
    (first token, end of the person's noun phrase)"""
    closed = _gap(tokens[k], tokens[k + 1], sentence) == ","  # "X, a reporter, was killed"
    for j in range(k, max(k - ASIDE_WORDS, 0), -1):
        gap = _gap(tokens[j - 1], tokens[j], sentence)
        word = tokens[j].low
        opener = word in imp.post_modifiers or word in imp.relatives
        if gap == ",":
            opens = opener or word in imp.determiners or tokens[j].text[:1].isupper()
            first = _noun_phrase_back(tokens, j - 1, imp, sentence) if opens else None
            if first is None and closed and _titled(tokens, j, imp):
                first = _name_back(tokens, j - 1, sentence)  # "X Y, director of Z, was killed"
            return (first, j) if first is not None else None
        if gap.strip("()"):
            return None  # a colon, a quote, a dash: not one noun phrase
        if opener and not gap:
            first = _noun_phrase_back(tokens, j - 1, imp, sentence)
            if first is not None:
                return first, j
    return None


def _titled(tokens: list[Token], j: int, imp: Implicit) -> bool:
    """An aside that opens with a title ("director general of ...", "a local chief")."""
    if not tokens[j].low.isalpha():
        return False  # "On 6 March, 1 civilian was ...": a figure, not a title
    return any(t.low in imp.persons for t in tokens[j : j + TITLE_WORDS])


def _name_back(tokens: list[Token], k: int, sentence: Sentence) -> int | None:
    """The first token of a capitalised name ending at token ``k`` ("Tidiane Pare")."""
    if not tokens[k].text[:1].isupper():
        return None
    first = k
    while (
        first > 0
        and tokens[first - 1].text[:1].isupper()
        and _joined(tokens[first - 1], tokens[first], sentence)
    ):
        first -= 1
    return first


def _gap(a: Token, b: Token, sentence: Sentence) -> str:
    """What lies between two tokens, without spaces."""
    return sentence.text[a.end - sentence.start : b.start - sentence.start].strip()


def _person_before_phrase(
    tokens: list[Token], k: int, imp: Implicit, sentence: Sentence
) -> int | None:
    """The first token of "<determiner> <person>" followed by a short phrase a post-modifier
    word opens ("a judge of a provincial court", "a man travelling aboard a motorbike"),
    which ends at token ``k``; one person, told singly."""
    for head in range(k - 1, max(k - POST_MODIFIER_WORDS, 0) - 1, -1):
        if not _joined(tokens[head], tokens[head + 1], sentence):
            return None
        if tokens[head + 1].low in imp.post_modifiers and tokens[head].low in imp.persons:
            return _noun_phrase_back(tokens, head, imp, sentence)
    return None


def _person_after(
    tokens: list[Token], ke: int, imp: Implicit, sentence: Sentence
) -> tuple[int, int, int] | None:
    """ "killed the commander", "the killing of a civilian", "shot him dead"."""
    k = ke
    # "killed and mutilated a herder": the person follows the act joined to the death word.
    if k + 1 < len(tokens) and tokens[k].low in _AND and tokens[k + 1].low in imp.adverbs:
        k += 2
    if k < len(tokens) and tokens[k].low in _OF:
        k += 1
    if k >= len(tokens) or not _joined(tokens[k - 1], tokens[k], sentence):
        return None
    if tokens[k].low in imp.pronouns:
        return k, k + 1, 1
    if tokens[k].low not in imp.determiners:
        return None
    end = _head_after(tokens, k, imp, sentence)
    if end is None:
        return None
    count = 1
    if end + 1 < len(tokens) and tokens[end].low in _AND and tokens[end + 1].low in imp.determiners:
        second = _head_after(tokens, end + 1, imp, sentence)
        if second is not None:
            end, count = second, 2  # "killed a commander and his son"
    return k, end, count


def _head_after(tokens: list[Token], det: int, imp: Implicit, sentence: Sentence) -> int | None:
    """The end of "<determiner> <up to 4 words> <person>" starting at ``det``."""
    head = None
    for k in range(det + 1, min(det + 2 + IMPLICIT_MODIFIERS, len(tokens))):
        if not _joined(tokens[k - 1], tokens[k], sentence) or DIGITS.match(tokens[k].low):
            break
        if tokens[k].low in imp.persons:
            head = k
            while (
                head + 1 < len(tokens)
                and tokens[head + 1].low in imp.persons
                and _joined(tokens[head], tokens[head + 1], sentence)
            ):
                head += 1  # "a civilian man", "a police officer"
            break
    return head + 1 if head is not None else None
