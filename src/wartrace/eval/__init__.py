"""Scoring a system's output against a corpus's gold (see the corpus FORMAT.md)."""

from wartrace.eval.acled import AcledScores, is_acled_corpus, load_acled_gold, score_acled
from wartrace.eval.gold import Gold, GoldError, gold_as_predictions, load_gold
from wartrace.eval.report import acled_to_dict, format_acled, format_table, scores_to_dict
from wartrace.eval.score import PRF, Scores, Share, score

__all__ = [
    "PRF",
    "AcledScores",
    "Gold",
    "GoldError",
    "Scores",
    "Share",
    "acled_to_dict",
    "format_acled",
    "format_table",
    "gold_as_predictions",
    "is_acled_corpus",
    "load_acled_gold",
    "load_gold",
    "score",
    "score_acled",
    "scores_to_dict",
]
