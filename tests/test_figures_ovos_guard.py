"""The cardinals of English words: words ovos can never read are passed over before ovos
is asked (it costs ~100 us per new word), with the same answer ovos gives.

Every word here is invented or a plain English word.
"""

from __future__ import annotations

import random
import string

from wartrace.extract import figures


def test_every_word_of_ovos_tables_and_its_variants_is_still_asked() -> None:
    for word in figures._en_vocabulary():
        for variant in (word, word + "s", word.capitalize()):
            if variant.isalpha():
                assert figures._en_may_read(variant), variant


def test_a_word_passed_over_is_one_ovos_reads_as_no_number() -> None:
    rnd = random.Random(20261203)
    words = {
        "attacked", "village", "soldiers", "gunmen", "killed", "Monday", "hundredth",
        "thousands", "fifths", "dozens", "scores", "twentieth", "oneself", "someone",
        "infinity", "nan", "inf", "none", "noone", "halves", "quarters", "wholes",
        "Ünterberg", "İstanbul", "zero", "eleven", "twenties",
    }  # fmt: skip
    words |= {
        "".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(1, 7)))
        for _ in range(3000)
    }
    passed_over = 0
    for word in sorted(words):
        if not figures._en_may_read(word):
            passed_over += 1
            assert figures._ovos_read(word, "en") is None, word
    assert passed_over > 2000


def test_number_words_read_as_before() -> None:
    assert figures._ovos("twenty", "en") == 20
    assert figures._ovos("eleven", "en") == 11
    assert figures._ovos("hundreds", "en") == 100
    assert figures._ovos("twenty two", "en") == 22
    assert figures._ovos("soldiers", "en") is None
    assert figures._ovos("tiga", "id") == 3
