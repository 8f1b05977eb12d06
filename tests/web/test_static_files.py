"""Our own stylesheets and scripts are served minified, with the validators of their file; vendored bundles
and other files as they are."""

import httpx
import pytest

from server.web.rendering import STATIC
from server.web.static_files import minified_text

OWN = sorted(p.name for p in STATIC.iterdir() if p.suffix in (".css", ".js"))


def test_every_own_asset_is_minified_and_still_says_the_same() -> None:
    assert {"app.css", "suggest.js", "neighbourhood.js", "analyst.js"} <= set(OWN)
    for name in OWN:
        text = minified_text(STATIC / name)
        assert text is not None and len(text) < 0.9 * (STATIC / name).stat().st_size, name
    css = minified_text(STATIC / "app.css")
    assert css is not None and ".code-head__title" in css and "/*" not in css
    script = minified_text(STATIC / "copy-code.js")
    assert script is not None and "data-copy" in script and "\n//" not in script


def test_a_vendored_bundle_is_left_alone() -> None:
    vendored = next((STATIC / "vendor").glob("*.js"), None)
    if vendored is None:
        pytest.skip("the web asset build has not run (make test runs it)")
    assert minified_text(vendored) is None


@pytest.mark.parametrize("name", ["app.css", "suggest.js"])
def test_the_app_serves_the_minified_text_and_revalidates_it(http: httpx.Client, name: str) -> None:
    served = http.get(f"/static/{name}")
    assert served.status_code == 200
    assert served.text == minified_text(STATIC / name)
    kind = "text/css" if name.endswith(".css") else "text/javascript"
    assert served.headers["content-type"].startswith(kind)
    again = http.get(f"/static/{name}", headers={"If-None-Match": served.headers["etag"]})
    assert again.status_code == 304
