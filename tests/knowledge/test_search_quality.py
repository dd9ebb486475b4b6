"""Ranking quality on our own evaluation set: citizens' questions over the demo articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from chinjeol.knowledge.search import search
from chinjeol.korean.search.evaluation import evaluate, read_pairs

PAIRS = read_pairs((Path(__file__).parent / "eval_queries.tsv").read_text(encoding="utf-8"))
MRR_FLOOR = 0.93
RECALL_FLOOR = 0.97


@pytest.mark.django_db
def test_mrr_and_recall_on_the_evaluation_set(demo_articles):
    assert len(PAIRS) >= 300
    result = evaluate(PAIRS, lambda q: [h.code for h in search(q, limit=10)])
    for question, expected, got in result.misses:
        print(f"{question}\t{expected}\t{got}")
    print(f"MRR@10 {result.mrr_at_10:.3f} recall@5 {result.recall_at_5:.3f} over {result.queries}")
    assert result.mrr_at_10 >= MRR_FLOOR
    assert result.recall_at_5 >= RECALL_FLOOR
