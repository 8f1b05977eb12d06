"""What a page costs on the wire: a first view of each code page of bench.workload.PAGES, of the home page and
of a results page, as a browser with an empty cache fetches it (brotli accepted): the HTML and every
stylesheet and script it names, each as many bytes as came over the connection; and the picture's script,
fetched only when the picture is opened.

.venv/bin/python -m bench.transfer                                   # a fresh stack of its own
.venv/bin/python -m bench.transfer --url http://127.0.0.1:8020 --home /tmp/devhome
"""

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape

from bench.client import GraphQLClient
from bench.common import header
from bench.stack import Stack, add_stack_arguments, open_stack
from bench.workload import PAGES

ACCEPT = {"accept-encoding": "br, gzip"}
# What a page loads at once: its stylesheets and scripts; the picture's script is named apart.
_ASSET = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\srel="stylesheet"[^>]*\shref)="(/static/[^"]+)"')
_ON_DEMAND = re.compile(r'data-graph-script="(/static/[^"]+)"')
PATHS = ("/", "/?q=pulmonary+embolism", *(f"/codes/{system}/{code}" for system, code in PAGES))
FIRST_VIEW_KB = 150


@dataclass(frozen=True, slots=True)
class Transfer:
    path: str
    html: int
    assets: dict[str, int]  # path → bytes on the wire
    on_demand: dict[str, int]

    @property
    def first_view(self) -> int:
        return self.html + sum(self.assets.values())


def fetch(client: GraphQLClient, path: str, compressed: bool = True) -> bytes:
    status, body = client.get(path, ACCEPT if compressed else None)
    if status != 200:
        raise RuntimeError(f"{path} answered HTTP {status}")
    return body


def measure(client: GraphQLClient, path: str) -> Transfer:
    html = fetch(client, path)
    plain = fetch(client, path, compressed=False).decode()  # the same page, read for what it names
    assets = {unescape(a): len(fetch(client, unescape(a))) for a in dict.fromkeys(_ASSET.findall(plain))}
    later = {unescape(a): len(fetch(client, unescape(a))) for a in dict.fromkeys(_ON_DEMAND.findall(plain))}
    return Transfer(path, len(html), assets, later)


def table(transfers: Sequence[Transfer]) -> str:
    lines = [
        "| page | HTML | stylesheets and scripts | first view | target | picture's script, when opened |",
        "|---|---:|---:|---:|---|---:|",
    ]
    for t in transfers:
        kb = t.first_view / 1000
        later = f"{sum(t.on_demand.values()) / 1000:.1f} KB" if t.on_demand else "none"
        met = "yes" if kb <= FIRST_VIEW_KB else "**no**"
        lines.append(
            f"| `{t.path}` | {t.html / 1000:.1f} KB | {sum(t.assets.values()) / 1000:.1f} KB "
            f"({len(t.assets)} files) | {kb:.1f} KB | ≤ {FIRST_VIEW_KB} KB: {met} | {later} |"
        )
    return "\n".join(lines)


def report(stack: Stack, figures: dict[str, float] | None = None) -> str:
    client = GraphQLClient(stack.url)
    try:
        transfers = [measure(client, path) for path in PATHS]
    finally:
        client.close()
    if figures is not None:
        figures["transfer_first_view_max_kb"] = max(t.first_view for t in transfers) / 1000
    out = [
        header("Transfer: a first view on the wire", stack.engine),
        "- an empty browser cache: the HTML (computed, `Cache-Control: no-cache`) and every stylesheet and "
        "script the page names, with `Accept-Encoding: br, gzip`; bytes as sent",
        "",
        table(transfers),
    ]
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.transfer", description=__doc__.split("\n\n")[0])
    add_stack_arguments(parser)
    args = parser.parse_args(argv)
    with open_stack(args.url, args.home) as stack:
        sys.stdout.write(report(stack))


if __name__ == "__main__":
    main()
