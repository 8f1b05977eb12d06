"""A parsed query (graph.search.parse) as a Tantivy query, built clause by clause: no query parser.

Results come in three tiers, each disjoint from the ones above it:

1. the exact code (`I82.401`), scored EXACT_CODE_SCORE;
2. codes that extend it (`I82.4` → `I82.40`, `I82.401` …), all scored CODE_PREFIX_SCORE so that they keep the
   index order, which is uid order, which is code order. When the code exists, only its own system's codes
   extend it (`E11.9` is no header of HCPCS `E1190`); a bare prefix (`0JH6`) extends in every system;
3. word matches, scored far below the code tiers.

Each word must match (strict) — or all but one (relaxed, the fallback when strict finds nothing) — in one of
the fields. The best field counts (a disjunction max, plus a little of the others):

- in the title, BM25 (which favours rare words and short titles), weighted TITLE_WEIGHT;
- in the list fields (curated names, inclusion terms, inherited names), the word's rarity among titles (its
  BM25 idf) times the field's weight. BM25 would punish a code for having many synonyms: it normalises by
  the length of the whole list;
- for the word being typed, as a prefix; and with a typo: small constants (LOOSE_SCORES), so that whole
  words outrank them.

Prefixes and typos are matched against the stemmed terms. A prefix matches the terms it starts, and the terms
that it extends by at most three letters, because stemming cuts what the user has typed past the stem
(`infecti` must reach `infect`, the stem of `infection`). A typo is an edit of the stem (`thrombosys` stems to
`thrombosi`, the stem of `thrombosis`), or of the start of a stem for the word being typed; one edit outranks
two. So a typo in what stemming strips can cost an edit more (`alteplse` is two edits from `alteplas`, the
stem of `alteplase`): unstemmed twins of the fields would catch it, for a third more build time.
"""

from collections.abc import Callable, Sequence

import tantivy
from tantivy import Occur, Query

from graph.search.fields import Field
from graph.search.parse import ParsedQuery, Word

EXACT_CODE_SCORE = 1_000_000.0
CODE_PREFIX_SCORE = 100_000.0  # word scores stay far below: at most about 150 a word, 12 words

TITLE_WEIGHT = 3.0
# List fields: a whole-word match scores weight times the word's idf among titles.
LIST_WEIGHTS: tuple[tuple[Field, float], ...] = (
    (Field.NAMES, 4.0),  # curated words: a little above a title match of average length
    (Field.INCLUSION_TERMS, 1.5),
    (Field.RELATED_NAMES, 1.0),
    # An index entry is the book's own word for the concept: above an inclusion term, below a curated name.
    (Field.INDEX_TERMS, 2.0),
    (Field.PLAIN_WORDS, 2.0),  # glossary words: half a curated name (search-rank tunes the ranking)
)
# Prefix and typo matches: (field, score).
LOOSE_SCORES: tuple[tuple[Field, float], ...] = (
    (Field.TITLE, 1.5),
    (Field.NAMES, 1.5),
    (Field.INCLUSION_TERMS, 0.75),
    (Field.RELATED_NAMES, 0.5),
    (Field.INDEX_TERMS, 0.75),
    (Field.PLAIN_WORDS, 0.5),
)
SECOND_EDIT = 0.5  # a two-edit typo scores half a one-edit one
STEM_CUT = 3  # how many typed letters past a stem a prefix may reach back over
MIN_STEM = 3
TIE_BREAKER = 0.1  # a word found in several fields counts a little more than in one
PHRASE_BOOST = 2.0  # the finished words, in order, in the title
# An everyday phrase of the glossary found whole names the concept ("cold sore" → B00.1): it outranks the
# same words found apart in a title and separate index lines ("Cold" and "Rhinitis, with sore throat" → J00)
# by about two well-matched words.
PLAIN_PHRASE_SCORE = 30.0
ACTIVE_BONUS = 0.5  # current HCPCS codes above terminated ones
BILLABLE_BONUS = 0.2  # a billable code above its header when their words score alike

Rarity = Callable[[str], float]  # a stem's BM25 idf among titles


def build_query(
    parsed: ParsedQuery,
    schema: tantivy.Schema,
    rarity: Rarity,
    *,
    relaxed: bool = False,
    code_systems: Sequence[str] = (),
) -> Query:
    """The scoring query of all tiers; filters are added by the caller. `code_systems`: the systems in which
    the code key names a code exactly (see exact_code_query), to which codes extending it are limited."""
    exact, longer = exact_code_query(parsed, schema), _longer_code_query(parsed, schema, code_systems)
    tiers: list[tuple[Occur, Query]] = []
    if exact is not None:
        tiers.append((Occur.Should, Query.const_score_query(exact, EXACT_CODE_SCORE)))
    if longer is not None:
        tiers.append((Occur.Should, Query.const_score_query(longer, CODE_PREFIX_SCORE)))
    words = word_query(parsed, schema, rarity, relaxed=relaxed)
    if words is not None:
        codes = [query for query in (exact, longer) if query is not None]
        if codes:
            words = words.and_must_not_match(*codes)
        tiers.append((Occur.Should, words))
    if not tiers:
        return Query.empty_query()
    return Query.boolean_query(tiers)


def exact_code_query(parsed: ParsedQuery, schema: tantivy.Schema) -> Query | None:
    if parsed.code_key is None:
        return None
    return Query.term_query(schema, Field.CODE_KEY, parsed.code_key)


def _longer_code_query(parsed: ParsedQuery, schema: tantivy.Schema, systems: Sequence[str]) -> Query | None:
    if parsed.code_key is None or not parsed.code_prefix:
        return None
    exact = Query.term_query(schema, Field.CODE_KEY, parsed.code_key)
    longer = _prefix_query(schema, Field.CODE_KEY, parsed.code_key).and_must_not_match(exact)
    if not systems:
        return longer
    return longer.and_must_match(Query.term_set_query(schema, Field.SYSTEM, sorted(systems)))


def _prefix_query(schema: tantivy.Schema, field: Field, prefix: str) -> Query:
    # A prefix automaton with no edits: terms that start with `prefix`, itself included. (A regex query
    # would do too, but compiling one costs about a millisecond per query and field.)
    return Query.fuzzy_term_query(schema, field, prefix, distance=0, prefix=True)


def can_relax(parsed: ParsedQuery) -> bool:
    return len(parsed.required) >= 2


def word_query(
    parsed: ParsedQuery, schema: tantivy.Schema, rarity: Rarity, *, relaxed: bool = False
) -> Query | None:
    required = [word_clause(word, schema, rarity) for word in parsed.required]
    optional = [word_clause(word, schema, rarity) for word in parsed.optional]
    if not required and not optional:
        return None
    clauses: list[tuple[Occur, Query]]
    if relaxed and len(required) >= 2:
        any_but_one = Query.boolean_query(
            [(Occur.Should, clause) for clause in required], minimum_number_should_match=len(required) - 1
        )
        clauses = [(Occur.Must, any_but_one)]
    elif required:
        clauses = [(Occur.Must, clause) for clause in required]
    else:
        clauses = [(Occur.Must, Query.boolean_query([(Occur.Should, clause) for clause in optional]))]
        optional = []
    clauses += [(Occur.Should, clause) for clause in optional]
    # The last word may be unfinished for the title's phrase; a glossary phrase is taken as typed.
    for phrase in (
        _phrase([w for w in parsed.words if not w.prefix], schema),
        _plain_phrase(parsed.words, schema),
    ):
        if phrase is not None:
            clauses.append((Occur.Should, phrase))
    clauses.append((Occur.Should, _bonus(schema, Field.ACTIVE, ACTIVE_BONUS)))
    clauses.append((Occur.Should, _bonus(schema, Field.BILLABLE, BILLABLE_BONUS)))
    return Query.boolean_query(clauses)


def word_clause(word: Word, schema: tantivy.Schema, rarity: Rarity) -> Query:
    """One word in any field: whole, or as a prefix, or with a typo."""
    title = Query.term_query(schema, Field.TITLE, word.stem, index_option="freq")
    options = [Query.boost_query(title, TITLE_WEIGHT)]
    idf = rarity(word.stem)
    for field, weight in LIST_WEIGHTS:
        listed = Query.term_query(schema, field, word.stem, index_option="basic")
        options.append(Query.const_score_query(listed, weight * idf))
    for field, score in LOOSE_SCORES:
        options.extend(_loose(word, schema, field, score))
    return Query.disjunction_max_query(options, tie_breaker=TIE_BREAKER)


def stem_cuts(raw: str) -> list[str]:
    """The stems a prefix may extend by at most STEM_CUT letters (see the docstring above)."""
    if not raw.isalpha():  # stemming leaves numbers and codes alone
        return []
    return [raw[:length] for length in range(max(MIN_STEM, len(raw) - STEM_CUT), len(raw))]


def _loose(word: Word, schema: tantivy.Schema, field: Field, score: float) -> list[Query]:
    loose = []
    if word.prefix:
        loose.append(Query.const_score_query(_prefix_query(schema, field, word.raw), score))
        cuts = stem_cuts(word.raw)
        if cuts:
            loose.append(Query.const_score_query(Query.term_set_query(schema, field, cuts), score))
    for distance in range(1, word.fuzzy + 1):
        fuzzy = Query.fuzzy_term_query(schema, field, word.stem, distance=distance, prefix=word.prefix)
        loose.append(Query.const_score_query(fuzzy, score * SECOND_EDIT ** (distance - 1)))
    return loose


def _phrase(words: Sequence[Word], schema: tantivy.Schema) -> Query | None:
    stems: list[str | tuple[int, str]] = [word.stem for word in words]
    if len(stems) < 2:
        return None
    return Query.boost_query(Query.phrase_query(schema, Field.TITLE, stems, slop=1), PHRASE_BOOST)


def _plain_phrase(words: Sequence[Word], schema: tantivy.Schema) -> Query | None:
    stems: list[str | tuple[int, str]] = [word.stem for word in words]
    if len(stems) < 2:
        return None
    return Query.const_score_query(Query.phrase_query(schema, Field.PLAIN_WORDS, stems), PLAIN_PHRASE_SCORE)


def _bonus(schema: tantivy.Schema, field: Field, score: float) -> Query:
    return Query.const_score_query(Query.term_query(schema, field, True), score)
