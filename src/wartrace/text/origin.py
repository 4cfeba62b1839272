"""Where a text says it comes from: outlet, credit, dateline place and headline."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from wartrace.text.lines import Line, word_count
from wartrace.text.resources import Knowledge

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
# a dateline opens a paragraph: at least this many words must follow it on the line
DATELINE_MIN_FOLLOWING_WORDS = 5
# a line this long (in words) is body text: the headline is looked for above it
BODY_MIN_WORDS = 30
# a dateline opens one of the first paragraphs (a long caption may come first)
DATELINE_MAX_PARAGRAPH = 3
# a paragraph: this many words, or a closing sentence punctuation
PARAGRAPH_MIN_WORDS = 20


def _is_paragraph(text: str) -> bool:
    return word_count(text) >= PARAGRAPH_MIN_WORDS or bool(_SENTENCE_END.search(text.strip()))


@dataclass(frozen=True, slots=True)
class Found:
    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dateline:
    line_start: int  # where the dateline paragraph starts
    place: Found | None
    outlet: Found | None


def title_case(text: str) -> str:
    """'DEIR AL-ZOR, SURIAH' -> 'Deir Al-Zor, Suriah'; mixed-case words are kept."""

    def word(w: str) -> str:
        if not w.isupper():
            return w
        return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))

    return " ".join(word(w) for w in text.split(" "))


def canonical_outlet(name: str, kn: Knowledge) -> str:
    """Canonical agency name from the table, else the name as written."""
    cleaned = re.sub(r"\s+", " ", name).strip(" .,:;-–—")
    if cleaned.casefold() in kn.agencies:
        return kn.agencies[cleaned.casefold()]
    if cleaned.isupper() and kn.domain.fullmatch(cleaned):
        return cleaned.lower()  # 'REPUBLIKA.CO.ID' -> 'republika.co.id'
    return cleaned


def _nonempty(lines: Sequence[Line], limit: int) -> list[Line]:
    return [ln for ln in lines if ln.text.strip()][:limit]


def _split_place(
    raw: str, start: int, kn: Knowledge, known: Sequence[str]
) -> tuple[Found | None, Found | None]:
    """'DAMASKUS, SATUHARAPAN.COM' -> place 'Damaskus' and outlet 'SATUHARAPAN.COM'."""
    place_parts: list[re.Match[str]] = []
    outlet: Found | None = None
    for part in re.finditer(r"[^,]+", raw):
        text = part.group(0).strip()
        if not text:
            continue
        s = start + part.start() + part.group(0).index(text)
        if kn.domain.fullmatch(text) or text.casefold() in known or text.casefold() in kn.agencies:
            outlet = outlet or Found(canonical_outlet(text, kn), s, s + len(text))
        else:
            place_parts.append(part)
    if not place_parts:
        return None, outlet
    first, last = place_parts[0], place_parts[-1]
    text = raw[first.start() : last.end()].strip()
    s = start + first.start() + raw[first.start() :].index(text)
    if len(_LETTER.findall(text)) < 3:
        return None, outlet
    return Found(title_case(text), s, s + len(text)), outlet


def find_dateline(
    lines: Sequence[Line], kn: Knowledge, known_outlets: Sequence[str] = ()
) -> Dateline | None:
    """The first paragraph opening with a dateline ("BEIRUT (Reuters) -", ...).

    ``known_outlets``: names the outlet goes by (metadata, URL host stem), casefolded,
    so that "PARBOABOA, Beirut -" reads as outlet and place.
    """
    paragraphs = 0
    seen: set[str] = set()
    for line in _nonempty(lines, kn.dateline_top_lines):
        lead = len(line.text) - len(line.text.lstrip())
        text = line.text[lead:]
        repeated = text.strip() in seen
        seen.add(text.strip())
        if repeated or not _is_paragraph(text):
            # headline, byline, caption debris: a dateline opens the body. A line printed
            # again (a picture's caption and its alt text, a teaser) is page furniture.
            continue
        paragraphs += 1
        if paragraphs > DATELINE_MAX_PARAGRAPH:
            break
        for pat in kn.dateline_patterns:
            m = pat.match(text)
            if m is None or word_count(text[m.end() :]) < DATELINE_MIN_FOLLOWING_WORDS:
                continue
            groups = m.groupdict()
            place = outlet = None
            base = line.start + lead
            if groups.get("place"):
                place, outlet = _split_place(
                    groups["place"], base + m.start("place"), kn, known_outlets
                )
            if groups.get("outlet") and outlet is None:
                raw = groups["outlet"].strip()
                if not _LETTER.search(raw):
                    continue
                s = base + m.start("outlet")
                outlet = Found(canonical_outlet(raw, kn), s, s + len(raw))
            if place or outlet:
                return Dateline(line.start, place, outlet)
    return None


def _is_link(name: str, kn: Knowledge) -> bool:
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", name)}
    return bool(words & kn.link_words) or name.casefold() in kn.link_words


def find_credit(
    lines: Sequence[Line], kn: Knowledge, raw_lines: Sequence[Line] | None = None
) -> Found | None:
    """Where the text says it was taken from: '(an/ARA)' -> 'ARA', 'Source: X' -> 'X'.

    ``lines`` are the cleaned lines; ``raw_lines`` (default: the same) are searched for
    'Source:' lines, which may sit inside a blanked footer.
    """
    for line in reversed(lines):  # credits close the text
        for pat in kn.credit_patterns:
            m = pat.search(line.text)
            if m and m.group("name").casefold() in kn.agencies:
                s = line.start + m.start("name")
                return Found(m.group("name"), s, s + len(m.group("name")))
    return find_source_line(raw_lines or lines, kn)


def find_source_line(lines: Sequence[Line], kn: Knowledge) -> Found | None:
    """The last 'Source: X' / 'Sumber: X' line naming an outlet (not a 'click here' link)."""
    for line in reversed(lines):
        text = line.text.strip()
        if not text or len(text) > 120:
            continue
        m = kn.source_line.fullmatch(text)
        if m is None:
            continue
        name = m.group("name").strip(" .,:;")
        if _is_link(name, kn) or word_count(name) > 6:
            continue
        s = line.start + line.text.index(text) + m.start("name")
        return Found(name, s, s + len(name))
    return None


def find_outlet(
    lines: Sequence[Line],
    kn: Knowledge,
    dateline: Dateline | None,
    raw_lines: Sequence[Line] | None = None,
) -> Found | None:
    """The outlet the text names for itself, most explicit form first (lines as in find_credit)."""
    if dateline and dateline.outlet:
        return dateline.outlet
    body = [ln for ln in lines if ln.text.strip()]
    if body:  # sign-off closing the text: "... — Reuters", "... (AFP)"
        last = body[-1]
        for pat in kn.signoff_patterns:
            m = pat.search(last.text)
            if m and m.group("name").casefold() in kn.agencies:
                s = last.start + m.start("name")
                return Found(canonical_outlet(m.group("name"), kn), s, s + len(m.group("name")))
    for line in body:  # "Kantor berita Antara" or a bare agency name on its own line
        text = line.text.strip()
        s = line.start + line.text.index(text)
        m = kn.agency_line.fullmatch(text)
        if m and not _is_link(m.group("name"), kn) and word_count(m.group("name")) <= 4:
            name = m.group("name").strip(" .")
            s += m.start("name")
            return Found(canonical_outlet(name, kn), s, s + len(name))
        if text.casefold() in kn.agencies:
            return Found(canonical_outlet(text, kn), s, s + len(text))
    source = find_source_line(raw_lines or lines, kn)
    if source:
        return Found(canonical_outlet(source.value, kn), source.start, source.end)
    return None


def _names_outlet(line: str, name: str) -> bool:
    """A masthead line: the outlet name alone, or followed by a separator or a word or two."""
    line, name = line.removeprefix("the "), name.removeprefix("the ")
    if not line.startswith(name):
        return False
    rest = line[len(name) :].strip()
    return not rest or rest[0] in "-–—|:" or word_count(rest) <= 2


def find_headline(
    lines: Sequence[Line],
    kn: Knowledge,
    dateline: Dateline | None,
    outlet_names: Sequence[str],
) -> Found | None:
    """First short title-like line above the body (no final period, not a name alone)."""
    cfg = kn.headline
    names = [n.casefold() for n in outlet_names if n]
    for line in _nonempty(lines, cfg["top_lines"]):
        if dateline and line.start >= dateline.line_start:
            break
        text = line.text.strip()
        n = word_count(text)
        if n >= BODY_MIN_WORDS or (n >= 12 and _SENTENCE_END.search(text)):
            break  # reached the body
        if not cfg["min_words"] <= n <= cfg["max_words"] or text.endswith("."):
            continue
        folded = text.casefold()
        if text[0] in "-•·*–—" or folded.split()[0] in kn.byline_words:
            continue  # teaser bullets and bylines are not titles
        if folded in kn.agencies or any(_names_outlet(folded, nm) for nm in names):
            continue
        for nm in names:  # "Title - Outlet": drop the outlet suffix
            m = re.search(r"\s+[-–—|]\s*" + re.escape(nm) + r"\s*$", folded)
            if m:
                text = text[: m.start()].rstrip()
        s = line.start + len(line.text) - len(line.text.lstrip())
        return Found(text, s, s + len(text))
    return None
