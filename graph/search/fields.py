"""The index's fields and text analyzers: what one code's document looks like to Tantivy.

Words are indexed stemmed (English: `veins` → `vein`) with accents folded (`Sjögren` → `sjogren`); tokens over
40 characters are dropped. Prefix and typo matches run against the same stemmed terms (graph.search.query
explains how); unstemmed twins of the fields would serve them more simply but cost a third more build time.
The unstemmed analyzer cuts user text into words the same way, for code-like words and for highlighting.
"""

from enum import StrEnum

import tantivy
from tantivy import Filter, TextAnalyzerBuilder, Tokenizer

STEMMED = "medgraph_stemmed"
UNSTEMMED = "medgraph_unstemmed"
MAX_TOKEN_CHARS = 40


class Field(StrEnum):
    UID = "uid"
    SYSTEM = "system"
    CODE = "code"  # as published (stored only, for highlights)
    CODE_KEY = "code_key"  # codeCompact, upper case: exact and prefix code matches
    BILLABLE = "billable"
    ACTIVE = "active"
    TITLE = "title"  # title, then shortTitle when it differs
    INCLUSION_TERMS = "inclusion_terms"
    NAMES = "names"  # curated names of the code itself: conditions, drugs, monograph names, plain title
    RELATED_NAMES = "related_names"  # curated condition names inherited from an ancestor's condition
    INDEX_TERMS = "index_terms"  # the official index entries (and `see` words) that lead to the code
    PLAIN_WORDS = "plain_words"  # everyday words of the glossary phrases in the code's own words
    ABBREVIATIONS = "abbreviations"  # abbreviations the official texts define for the code's words
    INITIALS = "initials"  # initials of the names in title and inclusion terms (abbreviations.initialisms)
    TITLE_HEAD = "title_head"  # the title's first word: what an ICD title names, its kind comes after
    CONCEPT_KEYS = "concept_keys"  # the word-stem sets of the code's names (graph.search.concept_keys)
    SPELLING = (
        "spelling"  # every word above, unstemmed: the vocabulary of typo correction (graph.search.spelling)
    )
    HEAD = "head"  # stored only: the code's own properties but its notes (JSON), for hits to show the code


def _builder() -> TextAnalyzerBuilder:
    return (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
    )


def stemmed_analyzer() -> tantivy.TextAnalyzer:
    return _builder().filter(Filter.stemmer("english")).build()


def unstemmed_analyzer() -> tantivy.TextAnalyzer:
    return _builder().build()


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(Field.UID, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field(Field.SYSTEM, stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field(Field.CODE, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field(Field.CODE_KEY, tokenizer_name="raw", index_option="basic")
    builder.add_boolean_field(Field.BILLABLE, stored=True, indexed=True)
    builder.add_boolean_field(Field.ACTIVE, stored=True, indexed=True)
    # Positions only where phrases are scored (the title); BM25 needs frequencies.
    builder.add_text_field(Field.TITLE, stored=True, tokenizer_name=STEMMED, index_option="position")
    for name in (
        Field.INCLUSION_TERMS,
        Field.NAMES,
        Field.RELATED_NAMES,
        Field.INDEX_TERMS,
        Field.ABBREVIATIONS,
        Field.INITIALS,
    ):
        builder.add_text_field(name, stored=True, tokenizer_name=STEMMED, index_option="freq")
    # Positions: an everyday phrase ("cold sore") is scored whole (graph.search.query).
    builder.add_text_field(Field.PLAIN_WORDS, stored=True, tokenizer_name=STEMMED, index_option="position")
    builder.add_text_field(Field.TITLE_HEAD, stored=False, tokenizer_name=STEMMED, index_option="basic")
    builder.add_text_field(Field.CONCEPT_KEYS, stored=False, tokenizer_name="raw", index_option="basic")
    builder.add_text_field(Field.SPELLING, stored=False, tokenizer_name=UNSTEMMED, index_option="basic")
    builder.add_bytes_field(Field.HEAD, stored=True)
    return builder.build()


def register_analyzers(index: tantivy.Index) -> None:
    """Tantivy stores analyzer names, not analyzers: every open of an index must register them again."""
    index.register_tokenizer(STEMMED, stemmed_analyzer())
    index.register_tokenizer(UNSTEMMED, unstemmed_analyzer())
