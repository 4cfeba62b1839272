"""Fast paths of the extraction that must answer exactly as the slow ones they replace.

Each test keeps the slow version (as it was written before) and compares on invented texts and
on random strings built from the characters that matter (marks, spaces, digits, quotes).
"""

from __future__ import annotations

import random
import re

from wartrace.extract import claimant_names
from wartrace.extract.dates import _month_patterns
from wartrace.extract.lexicon import Hit, Lexicon, LexiconGroup, fold, select_longest
from wartrace.extract.resources import load_language
from wartrace.extract.sentences import _PRE, _TERMINALS, _is_punct, _sentences

INVENTED = [
    "Gunmen attacked a post on Monday. Three soldiers died! Was it planned? Nobody knows...",
    'He said: "They fled." Then the army arrived. The U.S. embassy said nothing.',
    "Figures: 1.5 million people, 3,200 homes (see p. 4). Another sentence!!! And ... more",
    "قتل ثلاثة جنود في هجوم. وقال مسؤول محلي إن المهاجمين فروا؟ نعم۔ انتهى",
    "   Leading spaces. Trailing ones.   ",
    "No final mark at all in this line",
    "",
    "   ",
]


def _random_texts(alphabet: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def _sentences_slow(chunk: str) -> list[tuple[int, int]]:
    """Every token made, as before: the reference for ``_sentences``."""
    marks = list(_PRE.finditer(chunk))
    if not marks:
        return []
    starts = [0]
    seen_final = False
    for i, m in enumerate(marks):
        token = m.group()
        final = token in _TERMINALS
        if seen_final and not final and not _is_punct(token):
            starts.append(i)
            seen_final = False
        elif final:
            seen_final = True
    ends = [*starts[1:], len(marks)]
    return [(marks[a].start(), marks[b - 1].end()) for a, b in zip(starts, ends, strict=True)]


def test_sentences_reading_only_runs_near_marks_split_as_tokenising_all() -> None:
    alphabet = list("ab Z9.,!?\"'’ \n\t\u00a0\u3000。؟؛-()…:US_\u064b\u0301😀")
    alphabet += sorted(_TERMINALS)
    for text in INVENTED + _random_texts(alphabet, 20_000, seed=1):
        assert _sentences(text) == _sentences_slow(text), repr(text)


def test_whitespace_of_str_and_of_re_are_the_same() -> None:
    # _sentences finds runs with str.isspace and tokens with re's \s.
    space = re.compile(r"\s")
    for code in range(0x3100):
        assert bool(space.match(chr(code))) == chr(code).isspace()


def _select_longest_slow(hits: list[Hit[int]]) -> list[Hit[int]]:
    chosen: list[Hit[int]] = []
    for hit in sorted(hits, key=lambda h: (-h.length, h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen


def test_select_longest_keeps_all_of_non_overlapping_hits_as_the_greedy_choice_does() -> None:
    rng = random.Random(3)
    for _ in range(5_000):
        hits = []
        for value in range(rng.randint(2, 8)):
            start = rng.randint(0, 40)
            hits.append(Hit(start, start + rng.randint(1, 8), value))
        assert select_longest(hits) == _select_longest_slow(hits)


def test_fold_of_ascii_and_non_ascii_texts() -> None:
    assert fold("Gunmen ATTACKED") == "gunmen attacked"
    assert fold("al‑Shabaab’s — raid") == "al-shabaab's - raid"
    assert fold("İdlib") == "idlib"  # one character for one


def test_phrases_starting_with_a_non_word_character_match_right_after_a_letter() -> None:
    lex = Lexicon([("(SOHR)", 1), ("raid*", 2)])
    text = "the Observatory(SOHR) said raids went on; airraids did not count"
    found = [(text[h.start : h.end], h.value) for h in lex.find(text)]
    assert found == [("(SOHR)", 1), ("raids", 2)]


def test_no_date_pattern_matches_a_text_without_digits() -> None:
    # find_dates skips its month-name, ISO and numeric patterns on a sentence with no digit.
    for lang in ("en", "id", "fr", "ar"):
        data = load_language(lang)
        assert data is not None
        words = [*data.month_list, "of", "the", ",", ".", "st", "th", " ", "  "]
        texts = _random_texts(words, 2_000, seed=4)
        texts += [" ".join(data.month_list), "May of June, July the 1st"]
        for rx in _month_patterns(data.month_list):
            assert all(rx.search(t) is None for t in texts if not re.search(r"\d", t))


def _forward_cut_slow(seg: str) -> int:
    return next(
        (
            i
            for i, c in enumerate(seg)
            if c in claimant_names._STOP_PUNCT or (c in ".!?\n" and claimant_names._ends_at(seg, i))
        ),
        len(seg),
    )


def test_claimant_cuts_found_by_search_are_those_found_by_walking() -> None:
    alphabet = list('ab .!?\n,;:"“”«»()[]x')
    for seg in _random_texts(alphabet, 10_000, seed=5):
        slow_last = max(
            (i for i, c in enumerate(seg) if c in claimant_names._STOP_PUNCT), default=-1
        )
        assert claimant_names._last_stop(seg) == slow_last
        assert claimant_names._forward_cut(seg) == _forward_cut_slow(seg)


def test_hits_chosen_once_per_scanned_sentence_are_those_of_a_lone_lexicon() -> None:
    entries = [("attack*", "attack"), ("air strike", "strike"), ("IS", "group"), ("is", "verb")]
    grouped, lone, other = Lexicon(entries), Lexicon(entries), Lexicon([("strike", "x")])
    group = LexiconGroup()
    group.join([grouped, other])
    texts = ["IS attacked; the air strike is over", "is it an Attack?", "nothing here"]
    for text in texts:
        group.scan(fold(text))
    for _ in range(3):  # asked again: read from what was chosen the first time
        for text in texts:
            got = grouped.find(text)
            assert got == lone.find(text)
            got.clear()  # a caller changing its list changes nobody else's
    assert [h.value for h in grouped.find(texts[0])] == ["group", "attack", "strike", "verb"]
