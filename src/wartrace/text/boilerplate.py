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
    for rule in kn.line_rules:
        if rule.pattern.fullmatch(stripped):
            return rule.name
    if _LETTER.search(stripped) and kn.nav_line.fullmatch(stripped):
        return "nav_words"
    return None


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
    learned: list[Span] = []
    for line in lines:
        text = line.stripped
        if not text:
            continue
        rule = rule_for_line(text, kn)
        if rule is not None:
            spans.append(Span(line.start, line.end, rule))
            if line.start / total >= FOOTER_ZONE_FROM and any(
                p.fullmatch(text) for p in kn.footer_rules
            ):
                in_footer = True
            continue
        if in_footer and not looks_like_sentence(text, kn.footer_sentence_words):
            spans.append(Span(line.start, line.end, "footer"))
            continue
        if recurring_lines and line_key(text) in recurring_lines:
            learned.append(Span(line.start, line.end, "outlet_recurring"))
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
