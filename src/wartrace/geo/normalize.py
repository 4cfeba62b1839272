"""Fold place names and text to one matching form.

Both the gazetteer names and the article text go through ``fold_token``, so a
spelling variant matches as long as both fold to the same key: case, diacritics,
apostrophes, hyphens, Arabic articles (al-/el-/ad-/ez-/as-/..., glued "Ezzor",
Arabic ال), the Persian ezafe (-e-/-i-/-ye-), doubled letters, a few vowel spellings
(ee/ou/oo, final -h) and the romanisations of the Arabic words that open place names
(Tal/Tel/Tell, Jebel/Jabal, Kfar/Kafr, ...).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, repeat

# Romanised forms of the Arabic article, assimilated or not ("ez-Zor", "as-Sukhnah").
LATIN_ARTICLES = frozenset(
    {"al", "el", "il", "ul", "ad", "ed", "ez", "az", "as", "es", "ar", "er", "at", "et", "an"}
    | {"en", "ash", "esh", "adh", "ath", "dh"}
)
ARTICLE = "al"
# The Persian ezafe joining the words of a name, romanised -e-, -i-, -ye- ("Pul-e-Khumri",
# "Pul-i-Khumri", "Qal'ah-ye Now"): one token, so that the spellings are one name.
EZAFE = "e"
_EZAFE = frozenset({"e", "i", "ye", "yi"})
_APOSTROPHES = "'’‘ʿʾʼ`´ʹ"
TOKEN_RE = re.compile(r"[^\W_]+(?:[" + _APOSTROPHES + r"][^\W_]+)*")
_GLUED_ARTICLE = re.compile(r"^[ae]([tdrzsnl])\1([a-z]{3,})$")
_DOUBLE = re.compile(r"([a-z])\1+")
_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "đ": "d", "ə": "e", "æ": "ae", "œ": "oe", "þ": "th"}
)
# Arabic: drop short vowels and tatweel, unify alef / ya / ta marbuta spellings.
_AR_DROP = re.compile("[\u064b-\u065f\u0670\u0640]")
_AR_MAP = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"}
    # Urdu and Persian letter forms, so their spellings meet the Arabic names.
    | {"ی": "ي", "ۓ": "ي", "ے": "ي", "ہ": "ه", "ھ": "ه", "ۃ": "ه", "ک": "ك"}
)
_AR_ARTICLE_PREFIXES = ("وال", "بال", "فال", "كال", "ال")


def is_arabic(token: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in token)


def _strip_marks(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _fold_latin_word(word: str) -> str:
    word = word.replace("ee", "i").replace("ou", "u").replace("oo", "u")
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]
    return _ARABIC_GENERICS.get(word, word)


# The romanisations of the Arabic words that open place names (hill, mountain, village,
# spring, monastery, valley), after the folding above: "Tal Tamer", "Tell Tamer" and "Tall
# Tamr" are one name, and so are "Jebel"/"Jabal", "Kfar"/"Kafr", "Ein"/"Ain"/"Ayn",
# "Dayr"/"Deir", "Oued"/"Wadi" ("ou" is already "u").
_ARABIC_GENERICS = {
    "tel": "tal",
    "jebel": "jabal",
    "jbel": "jabal",
    "djebel": "jabal",
    "jabel": "jabal",
    "kfar": "kafr",
    "kefr": "kafr",
    "ein": "ain",
    "ayn": "ain",
    "dayr": "deir",
    "deyr": "deir",
    "ued": "wadi",
}


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> tuple[str, ...]:
    """One surface token -> its folded key tokens (0, 1 or 2 of them)."""
    if is_arabic(token):
        word = _AR_DROP.sub("", token).translate(_AR_MAP)
        if word.startswith("لل") and len(word) > 4:
            return (ARTICLE, word[2:])
        for prefix in _AR_ARTICLE_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                return (ARTICLE, word[len(prefix) :])
        return (word,) if word else ()
    word = _strip_marks(token)
    if len(word) > 4 and word[-2] in _APOSTROPHES and word[-1] == "s":
        word = word[:-2]  # a possessive ("Baghdad's", "Afrin’s") names the place itself
    word = "".join(ch for ch in word if ch not in _APOSTROPHES)
    if not word:
        return ()
    if word in LATIN_ARTICLES:
        return (ARTICLE,)
    if word in _EZAFE:
        return (EZAFE,)
    glued = _GLUED_ARTICLE.match(word)
    if glued and len(word) >= 6:
        return (ARTICLE, _fold_latin_word(glued.group(1) + glued.group(2)))
    return (_fold_latin_word(word),)


def name_key(name: str) -> str:
    """The matching key of a whole place name ("Deir ez-Zor" -> "deir al zor")."""
    out: list[str] = []
    for m in TOKEN_RE.finditer(name):
        out.extend(fold_token(m.group()))
    return " ".join(out)


def name_keys(name: str) -> set[str]:
    """The key, plus the key without a leading article ("Al Mayadin" -> "mayadin" too)."""
    key = name_key(name)
    keys = {key} if key else set()
    first = TOKEN_RE.search(name)
    # Only a written-out article is optional: "Essen" must not also be indexed as "sen".
    if first and fold_token(first.group()) == (ARTICLE,) and len(key) > len(ARTICLE) + 3:
        keys.add(key[len(ARTICLE) + 1 :])
    return keys


@dataclass(frozen=True, slots=True)
class FoldedText:
    """Text as one folded string " tok tok ... " plus where each token came from."""

    folded: str
    offsets: list[int]  # token index -> offset of its first char in ``folded``
    spans: list[tuple[int, int]]  # token index -> (start, end) in the original text
    tokens: list[str]  # token index -> folded token

    def token_starting(self, pos: int) -> int | None:
        """The token whose first folded char is at ``pos``, if any."""
        i = bisect_left(self.offsets, pos)
        return i if i < len(self.offsets) and self.offsets[i] == pos else None

    def token_ending(self, pos: int) -> int | None:
        """The token whose folded form ends just before ``pos``, if any."""
        i = bisect_right(self.offsets, pos) - 1
        return i if i >= 0 and self.offsets[i] + len(self.tokens[i]) == pos else None


def fold_text(text: str) -> FoldedText:
    # Built with C-level loops (map, chain): this runs over every word of every article.
    matches = list(TOKEN_RE.finditer(text))
    folds = list(map(fold_token, map(re.Match.group, matches)))
    spans = list(map(re.Match.span, matches))
    tokens = list(chain.from_iterable(folds))
    if len(tokens) != len(spans) or set(map(len, folds)) != {1}:
        # a word folded to none or to two tokens ("Ezzor" -> "al zor"): each keeps its span
        spans = list(chain.from_iterable(map(repeat, spans, map(len, folds))))
    # offset of token i: 1 + the lengths of the tokens before it, each with its space
    offsets = list(accumulate(map((1).__add__, map(len, tokens)), initial=1))[:-1]
    return FoldedText(" " + " ".join(tokens) + " ", offsets, spans, tokens)


def hyphened_glued(text: str, ft: FoldedText) -> Iterator[tuple[int, str]]:
    """Two capitalised words joined by a hyphen, as one glued key: (first token, key). The
    index knows some names only glued ("Petionville") that the news hyphenates ("Pétion-Ville");
    a hyphen folds like a space, so the text's two tokens do not find them."""
    for i in range(len(ft.tokens) - 1):
        (s1, e1), (s2, e2) = ft.spans[i], ft.spans[i + 1]
        if text[e1:s2] == "-" and text[s1].isupper() and text[s2].isupper():
            key = fold_token(text[s1:e1] + text[s2:e2].lower())
            if len(key) == 1:
                yield i, key[0]
