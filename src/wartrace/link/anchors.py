"""What survives translation: numbers, dates, weekdays and names, per passage.

A translation keeps the figures, the dates and the proper names of its source
(transliterated), in the same order; these "anchors" block candidate pairs and
score the alignment of passages. Language knowledge (month and weekday names,
non-name capitalised words, transliteration rules) lives in ``data/*.yaml``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ovos_number_parser import numbers_to_digits, pronounce_number

from wartrace.datafiles import load_yaml

APOSTROPHES = "'’ʼ`ʿʾ‘"
# Arabic-script vowel marks (harakat) are not \w: without them "شِنہوا" would split in two.
ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
WORD_RE = re.compile(rf"[^\W\d_][\w'’ʼ`ʿʾ‘{ARABIC_MARKS}-]*")
NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,]\d{3})+(?![\d])|\d+")
SLASH_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?(?!\d)")
ISO_DATE_RE = re.compile(r"(?<!\d)\d{4}-(\d{2})-(\d{2})(?!\d)")
QUOTE_RE = re.compile(r"[\"“”«»„‘]")  # ‘: British-style quotes (’ is also an apostrophe)
SENTENCE_BREAK = set(".!?:;\"“”'‘’([{-–—•|>*")
MIN_PASSAGE_LETTERS = 3
# A line of more words than any paragraph of a news text (coded notes run to ~130) is a text
# whose line breaks were lost ("...told AFP.The assailants..."): it is cut into sentences, so
# that a translation's paragraphs align with its sentences instead of all being "added".
GLUED_LINE_WORDS = 150
_STOP = re.compile(r"[.!?][\"”’]?")
_NEXT_SENTENCE = re.compile(r"\s*[\"“‘]?[A-Z]")
_GLUED_SENTENCE = re.compile(r"[\"“‘]?[A-Z][a-z]")
_TITLE_ABBREVIATION = re.compile(r"(?<![\w.])[A-Z][a-z]{0,2}$")  # "Mr.", "Dr.", "Col."
NAME_KEY_LENGTH = 5
SHORT_NAME_LETTERS = 3  # a name of one consonant is kept whole from this many letters
WHOLE_NAME = "p:="  # key prefix of such a name ("=": not a consonant skeleton)
NUMBER_JOINERS = frozenset({"and", "dan", "et", "e", "y", "und"})


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph (non-empty line) of the cleaned text, with offsets into the raw text."""

    start: int
    end: int
    anchors: tuple[str, ...]  # in text order
    quotes: int  # quotation marks: quoted speech survives translation
    words: int


def load_data(name: str) -> Any:
    """A YAML file of the link stage's packaged data (link/data/NAME)."""
    path = resources.files("wartrace.link") / "data" / name
    with path.open("r", encoding="utf-8") as fh:
        return load_yaml(fh.read())


@cache
def translit_rules() -> tuple[frozenset[str], tuple[tuple[str, str], ...], str, int]:
    data = load_data("translit.yaml")
    rewrites = tuple((str(a), str(b)) for a, b in data["rewrites"])
    return (
        frozenset(str(p) for p in data["article_prefixes"]),
        rewrites,
        str(data["vowels"]),
        int(data["min_skeleton"]),
    )


@cache
def caseless_rules() -> tuple[dict[str, str], tuple[str, ...], int]:
    """(letter -> Latin, attached article prefixes, minimum letters) for caseless scripts."""
    data = load_data("translit.yaml")
    letters = {str(k): str(v or "") for k, v in data["caseless_letters"].items()}
    prefixes = tuple(sorted((str(p) for p in data["caseless_prefixes"]), key=len, reverse=True))
    return letters, prefixes, int(data["caseless_min_letters"])


def _latin_core(token: str) -> str:
    """A Latin word as exonyms are looked up: folded, without possessive or article prefix."""
    word = fold(token)
    if word.endswith("s") and token[-2:-1] in APOSTROPHES:
        word = word[:-1]  # Syria's
    parts = [p for p in re.split(r"[-\s]+", word) if p]
    while len(parts) > 1 and parts[0] in translit_rules()[0]:
        parts = parts[1:]
    return "".join(parts)


def _caseless_core(token: str) -> str:
    letters = caseless_rules()[0]
    return "".join(ch for ch in fold(token) if ch in letters)


def _exonym_key(name: str) -> str | None:
    """The lookup key of one spelling, or None for names of several words."""
    if len(name.split()) != 1:
        return None
    if name[:1] in caseless_rules()[0]:
        return _caseless_core(name) or None
    return _latin_core(name) or None


@cache
def geo_name_rows() -> tuple[dict[str, str], ...]:
    """The rows of the geo stage's curated name files (read, never edited), file by file."""
    rows: list[dict[str, str]] = []
    folder = resources.files("wartrace.geo") / "data" / "names"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".tsv"):
            with entry.open("r", encoding="utf-8") as fh:
                rows.extend(csv.DictReader(fh, delimiter="\t"))
    return tuple(rows)


def _geo_names() -> list[tuple[str, str]]:
    """(name, target) of the curated place names of the geo stage.

    Places only ("CC:Name"): countries are named by nearly every report of a conflict, so
    folding Syria/Suriah/Syrian made unrelated reports look alike (measured on dev)."""
    return [
        (row["name"], row["target"])
        for row in geo_name_rows()
        if row.get("name") and ":" in (row.get("target") or "")
    ]


@cache
def exonyms() -> dict[str, str]:
    """Spelling key -> one anchor per country or place, across languages and scripts."""
    pairs = [(str(n), str(t)) for t, names in load_data("exonyms.yaml").items() for n in names]
    table: dict[str, str] = {}
    for name, target in [*_geo_names(), *pairs]:
        key = _exonym_key(name)
        if key is not None:
            table[key] = "p:" + target.replace(" ", "")
    return table


@cache
def caseless_clitics() -> tuple[str, ...]:
    return tuple(str(c) for c in load_data("translit.yaml").get("caseless_clitics", []))


@lru_cache(maxsize=200_000)
def caseless_anchor(token: str) -> str | None:
    """The name key of a word in a script without capitals (Arabic, Urdu): the word without
    its attached article, in Latin letters, keyed like a Latin name (الزور ~ al-Zor)."""
    letters, prefixes, min_letters = caseless_rules()
    if fold(token) in stop_names():
        return None
    word = "".join(ch for ch in fold(token) if ch in letters)
    known = exonyms()
    if word in known:
        return known[word]
    for prefix in (*prefixes, *caseless_clitics()):
        # An attached article or conjunction: وسوريا, بدمشق.
        if word.startswith(prefix) and word[len(prefix) :] in known:
            return known[word[len(prefix) :]]
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= min_letters:
            word = word[len(prefix) :]
            break
    if len(word) < min_letters:
        return None
    key = skeleton("".join(letters[ch] for ch in word))
    if len(key) < translit_rules()[3]:
        return None
    return "p:" + key[:NAME_KEY_LENGTH]


@cache
def month_names() -> dict[str, int]:
    """Every month spelling of every language: the article's language may be unknown."""
    out: dict[str, int] = {}
    for table in load_data("months.yaml").values():
        for number, names in table.items():
            for name in names:
                out[fold(str(name))] = int(number)
    return out


@cache
def weekday_names() -> dict[str, int]:
    out: dict[str, int] = {}
    for table in load_data("weekdays.yaml").values():
        for number, names in table.items():
            for name in names:
                out[fold(str(name))] = int(number)
    return out


@cache
def stop_names() -> frozenset[str]:
    words: set[str] = set()
    for table in load_data("stopnames.yaml").values():
        words.update(fold(str(w)) for w in table)
    return frozenset(words)


@cache
def _month_date_re() -> re.Pattern[str]:
    # Both the spellings as written in the data and their folded forms: the regex reads raw
    # text ("février", "أغسطس"), the lookup folds.
    spellings = set(month_names()) | {
        str(name)
        for table in load_data("months.yaml").values()
        for names in table.values()
        for name in names
    }
    names = "|".join(sorted((re.escape(n) for n in spellings), key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:(\d{{1,2}})\.?\s+(?:de\s+)?({names})|({names})\.?\s+(\d{{1,2}}))(?!\w)",
        re.IGNORECASE,
    )


_DROP_APOSTROPHES = {ord(a): None for a in APOSTROPHES}


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, no diacritics, no apostrophes (cached: words repeat)."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered.translate(_DROP_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", lowered)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return kept.translate(_DROP_APOSTROPHES)


def skeleton(token: str) -> str:
    """A transliteration-tolerant key: Deir ez-Zor / Deir Ezzor / Deir Al-Zor -> dr, zr."""
    prefixes, rewrites, vowels, _ = translit_rules()
    word = fold(token)
    parts = [p for p in word.split("-") if p]
    while len(parts) > 1 and parts[0] in prefixes:
        parts = parts[1:]
    word = "".join(parts)
    for a, b in rewrites:
        word = word.replace(a, b)
    word = "".join(ch for ch in word if ch not in vowels and ch.isalpha())
    collapsed: list[str] = []
    for ch in word:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    return "".join(collapsed)


def _is_capitalised(token: str) -> bool:
    prefixes = translit_rules()[0]
    if token[:1].isupper():
        return True
    parts = token.split("-")
    return len(parts) > 1 and fold(parts[0]) in prefixes and parts[1][:1].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in SENTENCE_BREAK


@lru_cache(maxsize=200_000)
def name_anchor(token: str) -> str | None:
    """The anchor of a capitalised token, or None when it is not a usable name."""
    token = token.strip("-" + APOSTROPHES)
    if not token:
        return None
    letters = [ch for ch in token if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return "a:" + fold(token) if len(letters) >= 3 else None  # acronyms, kept as such
    if fold(token) in stop_names():
        return None
    exonym = exonyms().get(_latin_core(token))
    if exonym is not None:
        return exonym  # Syrian / Suriah / Syrie: one country, whatever the language
    parts = [p for p in token.split("-") if p]
    while len(parts) > 1 and fold(parts[0]) in translit_rules()[0]:
        parts = parts[1:]
    # "Britain-based": only the capitalised parts of a compound are the name.
    kept = [parts[0], *(p for p in parts[1:] if p[:1].isupper())]
    key = skeleton("".join(kept))
    if len(key) < translit_rules()[3]:
        # One consonant ("Bab", "Attia", "Ain") is too little to meet across spellings, but
        # the name as written still tells two notes of one template apart ("in Al Bab" /
        # "in Jarablus"): kept whole. Article prefixes alone ("Al", "El") are no name.
        whole = "".join(ch for ch in fold("".join(kept)) if ch.isalpha())
        if len(whole) < SHORT_NAME_LETTERS or whole in translit_rules()[0]:
            return None
        return WHOLE_NAME + whole
    # Five consonants: Observatory / Observatorium still meet, long names stay distinct.
    return "p:" + key[:NAME_KEY_LENGTH]


def number_value(text: str) -> int | None:
    digits = re.sub(r"[.,]", "", text)
    try:
        return int(digits)  # int() also reads Arabic-Indic and other Unicode digits
    except ValueError:
        return None


def text_anchors(
    text: str, offset: int = 0, known_names: frozenset[str] = frozenset()
) -> list[tuple[int, str]]:
    """(position, anchor) of every anchor in ``text``, in text order.

    n:<number> (two digits or more), s:<digit>, d:<day>/<month>, w:<weekday>,
    p:<name skeleton>, a:<acronym>. A capitalised word that opens a sentence or sits in a
    Title Case headline counts only when it is in ``known_names``.
    """
    return [
        (pos, anchor)
        for pos, anchor, weak in _candidate_anchors(text, offset)
        if not weak or anchor in known_names
    ]


def _candidate_anchors(text: str, offset: int = 0) -> list[tuple[int, str, bool]]:
    """Every anchor with a flag: True when its capital may only mark a sentence start."""
    found: list[tuple[int, str, bool]] = []
    has_digit = any(map(str.isdigit, text))  # (a C loop: this runs over every character)
    if has_digit:
        found.extend(_date_anchors(text, offset))
    title_case = _title_case(text)
    for m in WORD_RE.finditer(text):
        read = _token_anchor(m.group())
        if read is None:
            continue
        anchor, named = read
        weak = named and (title_case or _sentence_initial(text, m.start()))
        found.append((offset + m.start(), anchor, weak))
    found.sort()
    return found


@lru_cache(maxsize=200_000)
def _token_anchor(token: str) -> tuple[str, bool] | None:
    """The anchor of one word and whether it is a capitalised name (whose capital may only
    mark a sentence start), or None; cached, as words recur in every article."""
    folded = fold(token)
    weekdays = weekday_names()
    if folded in weekdays:
        return f"w:{weekdays[folded]}", False
    if folded in month_names():
        return None
    if token[0] in caseless_rules()[0]:
        # No capitals to tell names from words: every content word may be a name.
        caseless = caseless_anchor(token)
        return None if caseless is None else (caseless, False)
    if not _is_capitalised(token):
        return None
    anchor = name_anchor(token)
    return None if anchor is None else (anchor, True)


def _date_anchors(text: str, offset: int) -> list[tuple[int, str, bool]]:
    """Dates (d:<day>/<month>) and figures (n:, s:) of a line that has digits."""
    found: list[tuple[int, str, bool]] = []
    for m in SLASH_DATE_RE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append((offset + m.start(), f"d:{day}/{month}", False))
    for m in ISO_DATE_RE.finditer(text):
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append((offset + m.start(), f"d:{day}/{month}", False))
    months = month_names()
    for m in _month_date_re().finditer(text):
        day_s = m.group(1) or m.group(4)
        named = months.get(fold(m.group(2) or m.group(3)))
        if day_s and named and 1 <= int(day_s) <= 31:
            found.append((offset + m.start(), f"d:{int(day_s)}/{named}", False))
    for m in NUMBER_RE.finditer(text):
        value = number_value(m.group())
        if value is None:
            continue
        kind = "n" if value >= 10 else "s"
        found.append((offset + m.start(), f"{kind}:{value}", False))
    return found


def _title_case(line: str) -> bool:
    """Headlines in Title Case capitalise every word: their capitals say nothing."""
    words = WORD_RE.findall(line)
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps / len(words) >= 0.6


@cache
def number_words(language: str) -> frozenset[str]:
    """The words ovos-number-parser spells numbers with in a language (empty if unsupported)."""
    words: set[str] = set()
    try:
        for n in [*range(0, 21), *range(30, 100, 10), 100, 1000, 1_000_000]:
            words.update(fold(w) for w in str(pronounce_number(n, language)).split())
    except Exception:  # unsupported language
        return frozenset()
    return frozenset(words)


def spelled_numbers_to_digits(text: str, language: str | None) -> str:
    """ "Ten soldiers" -> "10 soldiers", so figures match across languages (ovos-number-parser)."""
    if not language:
        return text
    vocabulary = number_words(language)
    if not vocabulary:
        return text
    # The parser costs about 2 ms a line: give it only the runs of number words.
    pieces: list[str] = []
    last = 0
    for run_start, run_end in _number_runs(text, vocabulary):
        converted = _run_to_digits(text[run_start:run_end], language)
        if converted is None:
            continue
        pieces.append(text[last:run_start])
        pieces.append(converted)
        last = run_end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


@lru_cache(maxsize=50_000)
def _run_to_digits(run: str, language: str) -> str | None:
    """One run of number words in digits (cached: "two", "tiga puluh" recur)."""
    try:
        return str(numbers_to_digits(run, language))
    except Exception:  # a parser failure: keep the words as they are
        return None


def _number_runs(text: str, vocabulary: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of consecutive number words ("twenty-three", "tiga puluh", "one hundred and two")."""
    runs: list[tuple[int, int]] = []
    start = end = cursor = -1  # cursor: end of the run so far, including a pending joiner
    for m in WORD_RE.finditer(text):
        is_number = _number_word(m.group(), vocabulary)
        gap_ok = start >= 0 and not text[cursor : m.start()].strip()
        if is_number and gap_ok:
            end = cursor = m.end()
        elif gap_ok and cursor == end and fold(m.group()) in NUMBER_JOINERS:
            cursor = m.end()  # "and" inside a number: kept only if a number word follows
        else:
            if start >= 0:
                runs.append((start, end))
            start = end = cursor = -1
            if is_number:
                start, end, cursor = m.start(), m.end(), m.end()
    if start >= 0:
        runs.append((start, end))
    return runs


@lru_cache(maxsize=200_000)
def _number_word(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether every part of a word ("twenty-three") is a number word (cached: words recur)."""
    parts = [fold(p) for p in word.split("-") if p]
    return bool(parts) and all(p in vocabulary for p in parts)


def sentence_cuts(line: str) -> list[int]:
    """Where the sentences of a line end: a stop (and a closing quote) after a small letter,
    a digit or a bracket, before a capital or an opening quote; after a capital only when the
    space is lost ("told AFP.The"), so that "U.S. Army" is not cut; never after a title
    ("Mr. Karim")."""
    cuts = []
    for m in _STOP.finditer(line):
        before, end = line[m.start() - 1 : m.start()], m.end()
        if not _NEXT_SENTENCE.match(line, end) or _TITLE_ABBREVIATION.search(line, 0, m.start()):
            continue
        after_word = before.islower() or before.isdigit() or before in ')"”'
        glued = not line[end : end + 1].isspace() and bool(_GLUED_SENTENCE.match(line, end))
        if after_word or glued:
            cuts.append(end)
    return cuts


def _segments(text: str) -> list[tuple[int, str]]:
    """The text's lines with their offsets; a glued line (``GLUED_LINE_WORDS``) as its
    sentences."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if len(line.split()) <= GLUED_LINE_WORDS:
            out.append((pos, line))
        else:
            last = 0
            for cut in [*sentence_cuts(line), len(line)]:
                out.append((pos + last, line[last:cut]))
                last = cut
        pos += len(line) + 1
    return out


def passages(text: str, language: str | None = None) -> list[Passage]:
    """Split a (cleaned) text into passages, one per non-empty line (per sentence of a line
    whose breaks were lost)."""
    out: list[Passage] = []
    segments = _segments(text)
    found = [
        _candidate_anchors(spelled_numbers_to_digits(line.strip(), language))
        for _, line in segments
    ]
    # Names the text uses mid-sentence also count where they open a sentence or a headline.
    known = {a for line in found for _, a, weak in line if not weak and a.startswith(("p:", "a:"))}
    for (start, raw_line), candidates in zip(segments, found, strict=True):
        stripped = raw_line.strip()
        if sum(map(str.isalpha, stripped)) < MIN_PASSAGE_LETTERS:
            continue
        lead = len(raw_line) - len(raw_line.lstrip())
        s, e = start + lead, start + lead + len(stripped)
        anchors = tuple(a for _, a, weak in candidates if not weak or a in known)
        out.append(
            Passage(
                start=s,
                end=e,
                anchors=anchors,
                quotes=len(QUOTE_RE.findall(stripped)),
                words=len(stripped.split()),
            )
        )
    return out


def blocking_anchors(items: Iterable[Passage]) -> set[str]:
    """The anchors worth indexing for candidate generation: rare kinds only."""
    return {a for p in items for a in p.anchors if not a.startswith(("s:", "w:"))}
