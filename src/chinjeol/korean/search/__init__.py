"""Korean text analysis for search, pure Python (no Django): morphology with Kiwi, character bigrams,
jamo-level typo correction, expansion of everyday words into official terms, highlighting.

    analyse(text)            → Analysis(terms, keys, grams) for indexing a document field
    query_terms(text, ...)   → QueryPlan for a citizen's question
"""

from .analyser import Analysis, analyse, normalize
from .expand import Expansion, SynonymTable
from .highlight import highlight, snippet
from .jamo import TypoIndex, jamo_distance, to_jamo
from .ngrams import bigrams
from .query import QueryPlan, plan_query

__all__ = [
    "Analysis",
    "Expansion",
    "QueryPlan",
    "SynonymTable",
    "TypoIndex",
    "analyse",
    "bigrams",
    "highlight",
    "jamo_distance",
    "normalize",
    "plan_query",
    "snippet",
    "to_jamo",
]
