"""Derivation confidence as a probability: the raw score of a derivation decision (the
anchor share kept in order for a translation, the 3-gram containment for a copy or rewrite)
mapped through a monotone step curve fitted by isotonic regression on generated pairs
(``bench/fit_calibration.py``; the curve, its data and its fit are in
``data/calibration.yaml``). An analyst can threshold it: of the links given 0.9, about nine
in ten were right on the generated pairs (planted translations, rewrites and copies among
independent reports of the same stories, in other words and in the same order of facts).
The raw score still ranks a derived article's candidate sources.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from wartrace.link.anchors import load_data

KINDS = ("translation", "same_language")


@cache
def curves() -> dict[str, tuple[tuple[float, ...], tuple[float, ...]]]:
    """Per kind: the raw scores where the curve steps, and the probability from each on."""
    data = load_data("calibration.yaml")
    out: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {}
    for kind in KINDS:
        steps = sorted((float(raw), float(p)) for raw, p in data[kind]["steps"])
        out[kind] = (tuple(r for r, _ in steps), tuple(p for _, p in steps))
    return out


def calibrated(relation: str, raw: float) -> float:
    """The probability that a pair decided ``relation`` (translation, rewrite or copy) with
    raw score ``raw`` is one text made from the other."""
    kind = "translation" if relation == "translation" else "same_language"
    cuts, probs = curves()[kind]
    k = bisect_right(cuts, raw) - 1
    return round(probs[max(k, 0)], 3)
