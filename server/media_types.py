"""Content negotiation for `/graphql` (GraphQL over HTTP): which media type an answer is sent in.

`application/graphql-response+json` when the client accepts it at least as much as `application/json`
(q-values honoured), `application/json` otherwise, also when the client says nothing or accepts neither (the
spec's legacy default). With the new media type, a request that never executed (a document that does not parse
or validate, variables that do not coerce) is a 400 without a `data` entry; with `application/json` it stays a
200, as older clients expect.
"""

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def negotiate(accept: str | None) -> str:
    """The media type to answer in, from an Accept header."""
    if not accept:
        return JSON
    weights: dict[str, float] = {}
    for item in accept.split(","):
        kind, *options = (part.strip() for part in item.split(";"))
        quality = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        kind = kind.lower()
        weights[kind] = max(weights.get(kind, 0.0), quality)
    wildcard = max(weights.get("*/*", 0.0), weights.get("application/*", 0.0))
    new = weights.get(GRAPHQL_RESPONSE, wildcard if GRAPHQL_RESPONSE not in weights else 0.0)
    old = weights.get(JSON, wildcard if JSON not in weights else 0.0)
    if new > 0 and new >= old and GRAPHQL_RESPONSE in weights:
        return GRAPHQL_RESPONSE
    return JSON
