"""Errors of the search index.

SearchError
 ├── SearchInputError    what the user typed (or a cursor they sent back) cannot be searched; the message says
 │                       why in one sentence (also a `ValueError`)
 └── SearchIndexError    the index cannot be built, stored or opened
"""


class SearchError(Exception):
    pass


class SearchInputError(SearchError, ValueError):
    pass


class SearchIndexError(SearchError):
    pass
