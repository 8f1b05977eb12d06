"""The web front-end: server-rendered pages over the public GraphQL schema, run in process.

`web_routes()` gives the routes for `create_app`: `/` (search), `/codes/{system}/{code}`,
`/conditions/{key}` and `/static/…`. Each page runs a document from `queries/` through
`schema.execute(…, context_value=Context(graph=request.state.graph))` — what a client would send to
`/graphql` — and renders a Jinja2 template; small scripts in `static/` add suggestions and the picture.
`graphiql_page` is the page `/graphql` gives a browser (server.graphql_app): GraphiQL, from `static/vendor/`.
"""

from server.web.routes import web_routes

__all__ = ["web_routes"]
