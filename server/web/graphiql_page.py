"""GraphiQL, the page a browser gets for `GET /graphql`: our own template over GraphiQL's npm builds, copied
into `static/vendor/` by the web asset build (tools/web-assets), and a bootstrap in `static/graphiql.js`.

Nothing comes from another host and the page holds no inline script or style. Its content security policy is
the pages' one with a single addition: the `<style>` elements that carry this response's nonce. GraphiQL's
dialogs (settings, keyboard shortcuts) lock the page's scroll through react-remove-scroll, which writes its
rules into a `<style>` element it creates (react-style-singleton), and `style-src 'self'` refuses that
element: Chromium logs a violation each time a dialog opens. The library gives the element the nonce it finds
in `window.__webpack_nonce__`, which static/graphiql.js sets from the page's `<meta name="csp-nonce">`. A
nonce, unlike 'unsafe-inline', admits no style attribute and no `<style>` injected into the markup, and is
drawn anew for every response (this page is never cached: server.graphql_http answers it `no-store`).
"""

import secrets

from starlette.requests import Request
from starlette.responses import HTMLResponse

from server.security_headers import with_style_nonce
from server.web.rendering import page

ENDPOINT = "/graphql"


def render(request: Request, introspection: bool) -> HTMLResponse:
    """The page; without `introspection` GraphiQL is told it has no schema, so it does not ask for one
    (the request would be refused) and runs queries without docs or completion."""
    nonce = secrets.token_urlsafe(18)
    response = page(request, "graphiql.html", endpoint=ENDPOINT, introspection=introspection, nonce=nonce)
    response.headers["Content-Security-Policy"] = with_style_nonce(nonce)
    return response
