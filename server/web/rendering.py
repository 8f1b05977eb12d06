"""Jinja2 templates, their filters, and the HTML responses of the pages.

The pages hold no inline script or style: the app's security headers (server.security_headers) give every
page a content security policy that refuses both.
"""

import hashlib
import logging
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse

from server.web.highlight import mark_ranges
from server.web.note_links import link_codes
from server.web.systems import KIND_LABELS, System, code_url, condition_url, system_label

HERE = Path(__file__).parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
log = logging.getLogger("medgraph.web")


@cache
def static_url(path: str) -> str:
    """The URL of a static file, versioned by its content so browsers may cache it for good.

    A vendored file that the asset build has not made yet (`make run` makes it) still gets its URL: the page
    works without it, and its script checks that the library is there.
    """
    file = STATIC / path
    if not file.is_file():
        log.warning("static file %s is missing; run the web asset build (make run does)", file)
        return f"/static/{path}"
    digest = hashlib.sha256(file.read_bytes()).hexdigest()[:12]
    return f"/static/{path}?v={digest}"


def abbreviations(synonyms: Iterable[str]) -> list[str]:
    """The short all-capital synonyms ("DVT", "PE") that readers know a condition by."""
    return [s for s in synonyms if s.isupper() and s.isalpha() and len(s) <= 5]


def thousands(value: int) -> str:
    return f"{value:,}"


def _dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        static=static_url,
        code_url=code_url,
        condition_url=condition_url,
        systems=list(System),
    )
    # `tojson` (the picture's elements, up to 60 nodes and their edges) through orjson: the standard library's
    # encoder cost more than the rest of the picture's rendering. Jinja still makes the text safe in HTML.
    env.policies["json.dumps_function"] = _dumps
    env.policies["json.dumps_kwargs"] = {}
    env.filters.update(
        system_label=system_label,
        system_class=lambda system: f"badge-{str(system).lower()}",
        kind_label=lambda kind: KIND_LABELS.get(kind, kind.title()),
        mark=lambda highlight: mark_ranges(highlight["text"], highlight["ranges"]),
        link_codes=link_codes,
        thousands=thousands,
        abbreviations=abbreviations,
    )
    return env


ENVIRONMENT = _environment()


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = ENVIRONMENT.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def not_found(request: Request, what: str, q: str = "") -> HTMLResponse:
    return page(request, "not_found.html", status_code=404, what=what, q=q)


def failed(request: Request, status_code: int, message: str) -> HTMLResponse:
    return page(request, "error.html", status_code=status_code, message=message)
