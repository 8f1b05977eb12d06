"""A parsed query (graph.search.parse) as a Tantivy query, built clause by clause: no query parser.

Results come in three tiers, each disjoint from the ones above it:

Every constant of the ranking is in graph.search.ranking, with its reason.

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

Priors are added to every word match: current codes, billable codes and the systems the words lean to
(graph.search.intent), each a share of the query's full score (graph.search.ranking).

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

from graph.model import System
from graph.search import ranking as r
from graph.search.concept_keys import query_key
from graph.search.fields import Field
from graph.search.intent import intended_systems
from graph.search.parse import ParsedQuery, Word

# Whole words in list fields: (field, weight); prefix and typo matches: (field, score).
LIST_WEIGHTS: tuple[tuple[Field, float], ...] = (
    (Field.NAMES, r.NAMES_WEIGHT),
    (Field.INCLUSION_TERMS, r.INCLUSION_WEIGHT),
    (Field.RELATED_NAMES, r.RELATED_WEIGHT),
    (Field.INDEX_TERMS, r.INDEX_WEIGHT),
    (Field.PLAIN_WORDS, r.PLAIN_WEIGHT),
    (Field.ABBREVIATIONS, r.ABBREVIATION_WEIGHT),
    (Field.INITIALS, r.INITIALS_WEIGHT),
)
LOOSE_SCORES: tuple[tuple[Field, float], ...] = (
    (Field.TITLE, r.LOOSE_TITLE),
    (Field.NAMES, r.LOOSE_NAMES),
    (Field.INCLUSION_TERMS, r.LOOSE_INCLUSION),
    (Field.RELATED_NAMES, r.LOOSE_RELATED),
    (Field.INDEX_TERMS, r.LOOSE_INDEX),
    (Field.PLAIN_WORDS, r.LOOSE_PLAIN),
)
# The priors given as penalties to the codes that lack them (with_priors).
PRIOR_OFFSET = r.ACTIVE_SHARE + r.BILLABLE_SHARE + r.CODING_SYSTEM_SHARE
STEM_CUT = 3  # how many typed letters past a stem a prefix may reach back over
MIN_STEM = 3

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
        tiers.append((Occur.Should, Query.const_score_query(exact, r.EXACT_CODE_SCORE)))
    if longer is not None:
        tiers.append((Occur.Should, Query.const_score_query(longer, r.CODE_PREFIX_SCORE)))
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
    return longer.and_must_match(any_term(schema, Field.SYSTEM, sorted(systems)))


def any_term(schema: tantivy.Schema, field: Field, values: Sequence[str]) -> Query:
    """Codes with any of these few terms in `field`, unscored (its callers give the score). Tantivy's term set
    query first marks every code its terms hold in a bitset as large as the index: 0.2 ms for a single
    one-code term, 0.4-0.5 ms for a code system's 100,000 codes, before a single match is looked at. Term
    queries are postings that an intersection skips through: a code prefix within its system went from 0.53
    to 0.03 ms (`I82401`, no longer code). Not for long lists (a value set's codes), where the bitset pays."""
    terms = [Query.term_query(schema, field, value, index_option="basic") for value in values]
    if len(terms) == 1:
        return terms[0]
    return Query.boolean_query([(Occur.Should, term) for term in terms])


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
    concept = _concept(parsed, schema, rarity)
    if concept is not None:
        clauses.append((Occur.Should, concept))
    return with_priors(Query.boolean_query(clauses), parsed, schema, rarity)


def _concept(parsed: ParsedQuery, schema: tantivy.Schema, rarity: Rarity) -> Query | None:
    """Codes one of whose names says exactly what the query says (graph.search.concept_keys)."""
    key = query_key(parsed)
    if key is None:
        return None
    named = Query.term_query(schema, Field.CONCEPT_KEYS, key)
    return Query.const_score_query(named, r.CONCEPT_SHARE * full_score(parsed, rarity))


def full_score(parsed: ParsedQuery, rarity: Rarity) -> float:
    """What the required words would score as whole words in an average title (graph.search.ranking)."""
    words = parsed.required or parsed.optional
    return max(r.MIN_FULL_SCORE, sum(r.TITLE_WEIGHT * rarity(word.stem) for word in words))


def with_priors(words: Query, parsed: ParsedQuery, schema: tantivy.Schema, rarity: Rarity) -> Query:
    """The word matches with their priors added: current and billable codes, codes of the coding systems (not
    MS-DRG), codes whose title starts with the first word, and codes of the intended systems rank higher.

    Most codes are current, billable and of a coding system, so those three priors are taken from the few
    codes that lack them instead (PRIOR_OFFSET shares of the full score, which the index adds back to a word
    match's score): the same order, but Tantivy reads 1 to 45 thousand postings for them instead of 160 to 206
    thousand. And each prior is a clause of its own around the words: several optional clauses together are a
    union that Tantivy fills block by block over every code they hold, where one alone is only looked up at
    each match. Measured over bench/queries/search.txt: the word tier's search 37% faster, the same hits."""
    full = full_score(parsed, rarity)
    priors = [
        (Query.term_query(schema, Field.ACTIVE, False), -r.ACTIVE_SHARE),
        (Query.term_query(schema, Field.BILLABLE, False), -r.BILLABLE_SHARE),
        (Query.term_query(schema, Field.SYSTEM, System.MSDRG.value), -r.CODING_SYSTEM_SHARE),
    ]
    if parsed.required:
        head = Query.term_query(schema, Field.TITLE_HEAD, parsed.required[0].stem, index_option="basic")
        priors.append((head, r.TITLE_HEAD_SHARE))
    systems = intended_systems(word.raw for word in parsed.words)
    if systems:
        priors.append((any_term(schema, Field.SYSTEM, list(systems)), r.INTENT_SHARE))
    for query, share in priors:
        words = Query.boolean_query(
            [(Occur.Must, words), (Occur.Should, Query.const_score_query(query, share * full))]
        )
    return words


def prior_offset(parsed: ParsedQuery, rarity: Rarity) -> float:
    """What a word match's score lacks for the priors given as penalties (with_priors)."""
    return PRIOR_OFFSET * full_score(parsed, rarity)


def word_clause(word: Word, schema: tantivy.Schema, rarity: Rarity) -> Query:
    """One word in any field: whole, or as a prefix, or with a typo."""
    title = Query.term_query(schema, Field.TITLE, word.stem, index_option="freq")
    options = [Query.boost_query(title, r.TITLE_WEIGHT)]
    idf = rarity(word.stem)
    for field, weight in LIST_WEIGHTS:
        listed = Query.term_query(schema, field, word.stem, index_option="basic")
        options.append(Query.const_score_query(listed, weight * idf))
    for field, score in LOOSE_SCORES:
        options.extend(_loose(word, schema, field, score))
    return Query.disjunction_max_query(options, tie_breaker=r.TIE_BREAKER)


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
            loose.append(Query.const_score_query(any_term(schema, field, cuts), score))
    for distance in range(1, word.fuzzy + 1):
        fuzzy = Query.fuzzy_term_query(schema, field, word.stem, distance=distance, prefix=word.prefix)
        loose.append(Query.const_score_query(fuzzy, score * r.SECOND_EDIT ** (distance - 1)))
    return loose


def _phrase(words: Sequence[Word], schema: tantivy.Schema) -> Query | None:
    stems: list[str | tuple[int, str]] = [word.stem for word in words]
    if len(stems) < 2:
        return None
    return Query.boost_query(Query.phrase_query(schema, Field.TITLE, stems, slop=1), r.PHRASE_BOOST)


def _plain_phrase(words: Sequence[Word], schema: tantivy.Schema) -> Query | None:
    stems: list[str | tuple[int, str]] = [word.stem for word in words]
    if len(stems) < 2:
        return None
    plain = Query.phrase_query(schema, Field.PLAIN_WORDS, stems)
    return Query.const_score_query(plain, r.PLAIN_PHRASE_SCORE)
