"""Language identification: py3langid (model shipped in its wheel) plus an id/ms decision."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from itertools import islice
from typing import Any

import numpy as np

from wartrace.text import langwalk
from wartrace.text.resources import language_settings

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# a marker word counts at most this many times, so one repeated word cannot decide alone
MARKER_CAP = 3


@cache
def _identifier() -> Any:
    """A dedicated identifier: ``set_languages`` on it does not touch the module global."""
    from py3langid.langid import MODEL_FILE

    ident = _fast_identifier_class().from_model_file(MODEL_FILE, norm_probs=True)
    wanted = language_settings()["detector"]["candidates"]
    known = set(ident.labels)
    ident.set_languages([c for c in wanted if c in known])
    # The restricted table is a column subset in half precision: gathering a text's feature
    # rows from it cost more than the rest of the scoring. A row-major float32 copy gives
    # the same products (half to single precision is exact) at a third of the cost.
    ident.nb_ptc = np.ascontiguousarray(ident.nb_ptc, dtype=np.float32)
    ident.walk = langwalk.build(ident)
    return ident


@cache
def _fast_identifier_class() -> Any:
    """py3langid's identifier whose byte-by-byte feature walk (half of the identification)
    is ``langwalk``'s: the same features in the same order and counts, so the same scores
    to the last bit. Made on first use: importing py3langid loads numpy and the model code."""
    from py3langid.langid import RAW_FLOOR, LanguageIdentifier

    class FastIdentifier(LanguageIdentifier):
        __slots__ = ("walk",)

        def _raw_score(self, text: bytes) -> Any:
            """Naive Bayes scores of a UTF-8 text, as ``LanguageIdentifier._raw_score``."""
            found = langwalk.features(self.walk, text)
            if found is None:  # no feature: py3langid's fill (0.0 for probabilities)
                fill = 0.0 if self._norm_probs else RAW_FLOOR
                return np.full(len(self.nb_classes), fill, dtype=np.float32)
            ids, counts = found
            return np.log1p(counts) @ self.nb_ptc[ids] + self.nb_pc

    return FastIdentifier


@cache
def _markers() -> tuple[dict[str, tuple[str, ...]], dict[str, re.Pattern[str]]]:
    markers = language_settings()["id_ms"]["markers"]
    words = {lang: tuple(str(w).casefold() for w in ws) for lang, ws in markers.items()}
    phrases = {
        lang: re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in ws if " " in w) + r")(?!\w)"
        )
        for lang, ws in words.items()
        if any(" " in w for w in ws)
    }
    return words, phrases


def marker_counts(text: str) -> dict[str, int]:
    """How strongly the text uses Indonesian vs Malay marker words (capped per word)."""
    words, phrases = _markers()
    folded = text.casefold()
    tokens = Counter(_WORD.findall(folded))
    out: dict[str, int] = {}
    for lang, ws in words.items():
        n = sum(min(tokens.get(w, 0), MARKER_CAP) for w in ws if " " not in w)
        if lang in phrases:
            n += min(len(phrases[lang].findall(folded)), MARKER_CAP)
        out[lang] = n
    return out


def domain_prior(domain: str | None) -> str | None:
    """Language suggested by an outlet's domain ending (.id, .my), if any."""
    if not domain:
        return None
    priors: dict[str, str] = language_settings()["id_ms"]["domain_prior"]
    host = domain.casefold().rstrip(".")
    best = None
    for ending, lang in sorted(priors.items(), key=lambda kv: len(kv[0])):
        if host.endswith(ending):
            best = lang
    return best


def _rank(text: str) -> dict[str, float]:
    """Probability per language, dialect labels folded into their ISO 639-1 code."""
    aliases: dict[str, str] = language_settings()["detector"]["aliases"]
    probs: dict[str, float] = {}
    for lang, p in _identifier().rank(text):
        code = aliases.get(lang, lang)
        probs[code] = probs.get(code, 0.0) + float(p)
    return probs


def decide_id_ms(text: str, p_id: float, p_ms: float, domain: str | None) -> tuple[str, float]:
    """Indonesian or Malay for one document, with the probability of that choice."""
    cfg = language_settings()["id_ms"]
    eps = 1e-6
    score = float(cfg["detector_weight"]) * math.log((p_id + eps) / (p_ms + eps))
    counts = marker_counts(text)
    score += float(cfg["marker_weight"]) * (counts.get("id", 0) - counts.get("ms", 0))
    prior = domain_prior(domain)
    if prior is not None:
        score += float(cfg["domain_weight"]) * (1 if prior == "id" else -1)
    share = 1.0 / (1.0 + math.exp(-abs(score)))
    return ("id" if score >= 0 else "ms"), (p_id + p_ms) * share


def _letters_up_to(text: str, limit: int) -> int:
    """Letters in ``text``, counted no further than ``limit`` (a whole article need not be)."""
    return sum(1 for _ in islice(_LETTER.finditer(text), limit))


def identify(text: str, domain: str | None = None) -> tuple[str | None, float]:
    """ISO 639-1 code and its probability; ``domain`` is the outlet's host, for id/ms."""
    if not isinstance(text, str):
        raise TypeError(f"detect_language expects str, got {type(text).__name__}")
    min_letters = int(language_settings()["detector"]["min_letters"])
    if _letters_up_to(text, min_letters) < min_letters:
        return None, 0.0
    probs = _rank(text)
    best = max(probs, key=probs.__getitem__)
    if best in ("id", "ms"):
        lang, conf = decide_id_ms(text, probs.get("id", 0.0), probs.get("ms", 0.0), domain)
        return lang, round(min(conf, 1.0), 4)
    return best, round(min(probs[best], 1.0), 4)


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code of ``text`` and a probability in 0..1; (None, 0.0) when too short."""
    return identify(text)
