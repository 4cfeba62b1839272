"""Scoring a system's output against a corpus's gold (see the corpus FORMAT.md)."""

from wartrace.eval.gold import Gold, GoldError, gold_as_predictions, load_gold
from wartrace.eval.report import format_table, scores_to_dict
from wartrace.eval.score import PRF, Scores, Share, score

__all__ = [
    "PRF",
    "Gold",
    "GoldError",
    "Scores",
    "Share",
    "format_table",
    "gold_as_predictions",
    "load_gold",
    "score",
    "scores_to_dict",
]
