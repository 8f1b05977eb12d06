"""Every ranking constant of search, with the reason for each (graph.search.query builds the queries).

Scores come in tiers: the exact code, then codes extending it, then word matches far below. Within word
matches, a word scores by the best field it is found in; then priors are added. Priors are shares of the
query's own *full score* — what its words would score as whole words in a title of average length (the sum of
TITLE_WEIGHT times idf over the required words) — so a prior weighs the same against one rare word as against
five common ones, and never outweighs a whole word that one code has and another lacks.
"""

# --- tiers ---------------------------------------------------------------------------------------------
EXACT_CODE_SCORE = 1_000_000.0
# Codes extending a typed code all score the same, so that they keep the index's uid order (= code order).
# Word scores stay far below: at most about 150 a word, 12 words.
CODE_PREFIX_SCORE = 100_000.0

# --- word matches ---------------------------------------------------------------------------------------
# The title is the code's own official wording: BM25 there, which favours rare words and short titles.
TITLE_WEIGHT = 3.0
# List fields score weight times the word's idf among titles: BM25 would punish a code for having many
# synonyms, since it normalises by the length of the whole list.
NAMES_WEIGHT = 4.0  # curated names of the code itself: a little above a title match of average length
INCLUSION_WEIGHT = 1.5  # official inclusion terms: synonyms, but often of narrower conditions
RELATED_WEIGHT = 1.0  # condition names inherited from a header: true of the code, but not its own name
INDEX_WEIGHT = 2.0  # official index entries: the book's own words for the concept, below a curated name
PLAIN_WEIGHT = 2.0  # the glossary's everyday words for a title's medical words: half a curated name
# An abbreviation the official texts define ("amyotrophic lateral sclerosis (als)"), given to the codes whose
# title starts with the long form: the concept itself, above a short title that merely has the letters as a
# word ("Als routine disposable supplies" scores about 4 idf).
ABBREVIATION_WEIGHT = 5.0
# The initials of a title's name ("Paroxysmal atrial fibrillation" → PAF), for the abbreviations no text
# defines: as an index entry, below a curated name and far below a defined abbreviation, since initials
# also spell names nobody abbreviates.
INITIALS_WEIGHT = 2.0
# Prefix and typo matches score small constants, so that whole words outrank them.
LOOSE_TITLE = 1.5
LOOSE_NAMES = 1.5
LOOSE_INCLUSION = 0.75
LOOSE_RELATED = 0.5
LOOSE_INDEX = 0.75
LOOSE_PLAIN = 0.5
SECOND_EDIT = 0.5  # a two-edit typo scores half a one-edit one: the nearer word is the likelier
TIE_BREAKER = 0.1  # a word found in several fields counts a little more than in one
PHRASE_BOOST = 2.0  # the finished words in order in the title: the user's phrase is the code's phrase
# An everyday phrase of the glossary found whole names the concept ("cold sore" → B00.1): it outranks the
# same words found apart in a title and separate index lines ("Cold" and "Rhinitis, with sore throat" → J00)
# by about two well-matched words.
PLAIN_PHRASE_SCORE = 30.0

# A query whose words are exactly one of the code's names (an index entry, a curated name, an inclusion term:
# graph.search.concept_keys) names that concept, where titles that merely have its words name kinds of it:
# "hemorrhage" is R58 before the subarachnoid hemorrhages. A share of the full score, like the priors: about
# the query's words found once more in the title, so that it orders codes whose words score alike and
# leaves alone a title that says the words far better.
CONCEPT_SHARE = 1.0

# --- priors, as shares of the query's full score ---------------------------------------------------------
# Current codes above terminated ones: a terminated code stays findable (and marked) but comes after the
# current codes that have the same words. Measured on "colonoscopy": a terminated short title with the word
# twice scores about 1.3 full scores more than a long current one, so the share must exceed that.
ACTIVE_SHARE = 1.5
# A code of a coding system above an MS-DRG with the same words: a DRG is the payment group a stay falls in,
# not a code anyone assigns, so "heart failure" finds I50 before DRG 291 "Heart Failure and Shock with MCC".
# As large as the active prior: a DRG ranks with the terminated codes, after the current ones. By its number a
# DRG is found as any code is (the code tiers above).
CODING_SYSTEM_SHARE = 1.5
# A specific billable code above its header when their words score alike; small, so that a header whose
# title says the words better still comes first.
BILLABLE_SHARE = 0.04
# A title that starts with the query's first word names that concept ("Conjunctivitis, unspecified",
# "Pneumonia, unspecified organism"); one that has it later names a kind of it ("Diphtheritic
# conjunctivitis"), which otherwise ties and comes first by code order. About a title a third shorter.
TITLE_HEAD_SHARE = 0.07
# What the words say the user looks for (graph.search.intent): supplies and equipment lean to HCPCS,
# procedures to ICD-10-PCS and CPT, diseases and symptoms to ICD-10-CM. A prior, never a filter: about
# what a second field matching, or a title half as long, adds.
INTENT_SHARE = 0.15
# Floor of the full score, so that priors still order codes when every word is very common.
MIN_FULL_SCORE = 3.0
