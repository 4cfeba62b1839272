"""Find page furniture (comment forms, share prompts, counters, menus...) line by line."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from wartrace.models import Span
from wartrace.text.lines import Line, line_key, word_count
from wartrace.text.resources import Knowledge

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
# A footer marker only opens a footer zone in the last part of the text: a "3 comments"
# counter under the headline must not sweep away the article below it.
FOOTER_ZONE_FROM = 0.6
# Learned lines may not blank more than this share of the text's letters: if they would,
# the outlet's "boilerplate" is really repeated articles, and nothing is removed.
LEARNED_MAX_SHARE = 0.5
# Generic rules only look at lines up to this long: page furniture is short, and this
# bounds the regex work on huge paragraphs.
MAX_RULE_LINE = 2000


def looks_like_sentence(text: str, min_words: int) -> bool:
    """Article prose: long enough and closed by sentence punctuation."""
    stripped = text.strip()
    return word_count(stripped) >= min_words and bool(_SENTENCE_END.search(stripped))


def rule_for_line(text: str, kn: Knowledge) -> str | None:
    """Name of the first generic rule that matches the whole line, else None."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_RULE_LINE:
        return None
    if (name := kn.line_matcher.first(stripped)) is not None:
        return name
    if _LETTER.search(stripped) and kn.nav_line.fullmatch(stripped):
        return "nav_words"
    return None


# Rules whose header line ("Related:", "Baca juga:") opens a list of other stories' headlines.
LINK_LIST_RULES = frozenset({"read_more"})
HEADER_WORDS = 4  # a list header is a few words with nothing after its colon


def _header_only(text: str) -> bool:
    head, _, rest = text.partition(":")
    return not rest.strip() and word_count(head) <= HEADER_WORDS


_QUOTE_OPEN = "\"'“‘«„-–—"


def _question_led(text: str, max_words: int) -> bool:
    """A line that opens with a short question of its own ("Where did the attack happen?")."""
    if not text or text[0] in _QUOTE_OPEN:
        return False  # a quoted question is someone speaking in the story
    mark = text.find("?")
    if mark < 0:
        mark = text.find("؟")  # Arabic and Urdu question mark
    if mark < 0:
        return False
    head = text[:mark]
    return word_count(head) <= max_words and not re.search(r"[.!;:]\s", head)


def qa_teasers(lines: Sequence[Line], kn: Knowledge) -> list[Span]:
    """Spans of Q&A teaser blocks: question-led lines close together, with their answers."""
    solid = [ln for ln in lines if ln.stripped]
    asks = [k for k, ln in enumerate(solid) if _question_led(ln.stripped, kn.qa_question_words)]
    clusters: list[list[int]] = []
    for k in asks:
        if clusters and k - clusters[-1][-1] <= kn.qa_max_gap + 1:
            clusters[-1].append(k)
        else:
            clusters.append([k])
    spans: list[Span] = []
    total = max(lines[-1].end if lines else 0, 1)
    for cluster in clusters:
        if len(cluster) < kn.qa_min_questions or solid[cluster[0]].start / total < kn.qa_zone_from:
            continue
        last = cluster[-1]
        text = solid[last].stripped
        if text.rstrip().endswith(("?", "؟")) and last + 1 < len(solid):
            last += 1  # the last question's answer stands on the next line
        spans.extend(Span(ln.start, ln.end, "qa_teaser") for ln in solid[cluster[0] : last + 1])
    return spans


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def find_boilerplate(
    raw_text: str,
    lines: Sequence[Line],
    kn: Knowledge,
    recurring_lines: Collection[str] = (),
) -> tuple[list[Span], list[str]]:
    """Boilerplate spans (one per line, labelled with its rule) and warnings."""
    spans: list[Span] = []
    warnings: list[str] = []
    total = max(len(raw_text), 1)
    in_footer = False
    in_links = False  # under a "Related:" / "Read also:" header: a list of other headlines
    learned: list[Span] = []
    for line in lines:
        text = line.stripped
        if not text:
            in_links = False
            continue
        rule = rule_for_line(text, kn)
        if rule is not None:
            spans.append(Span(line.start, line.end, rule))
            in_links = rule in LINK_LIST_RULES and _header_only(text)
            if line.start / total >= FOOTER_ZONE_FROM and any(
                p.fullmatch(text) for p in kn.footer_rules
            ):
                in_footer = True
            continue
        if in_links and not looks_like_sentence(text, kn.footer_sentence_words):
            spans.append(Span(line.start, line.end, "related_links"))
            continue
        in_links = False
        if in_footer and not looks_like_sentence(text, kn.footer_sentence_words):
            spans.append(Span(line.start, line.end, "footer"))
            continue
        if recurring_lines and line_key(text) in recurring_lines:
            learned.append(Span(line.start, line.end, "outlet_recurring"))
    taken = {(s.start, s.end) for s in spans}
    spans.extend(s for s in qa_teasers(lines, kn) if (s.start, s.end) not in taken)
    if learned:
        removed = {(s.start, s.end) for s in spans}
        kept = sum(_letters(ln.text) for ln in lines if (ln.start, ln.end) not in removed)
        share = sum(_letters(raw_text[s.start : s.end]) for s in learned) / max(kept, 1)
        if share > LEARNED_MAX_SHARE:
            warnings.append(f"outlet boilerplate ignored: it would remove {share:.0%} of the text")
        else:
            spans.extend(learned)
    spans.sort(key=lambda s: s.start)
    return spans, warnings


def blank(raw_text: str, spans: Sequence[Span]) -> str:
    """``raw_text`` with every span's characters replaced by spaces (newlines kept)."""
    chars = list(raw_text)
    for span in spans:
        for i in range(max(span.start, 0), min(span.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
