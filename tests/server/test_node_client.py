"""A real JavaScript GraphQL client, urql (tools/graphql-client/clients.mjs), against the real app: automatic
persisted queries by GET as urql's persistedExchange speaks them, and forward paging by cursor.

The script prints one JSON line per check, with every request it made (method, what it sent, the answer's
status and error codes); the assertions here read those, so a failure says which request went wrong.
"""

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ROOT / "tools" / "graphql-client" / "clients.mjs"

pytestmark = pytest.mark.engine


@pytest.fixture(scope="module")
def run(base_url: str) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node is not None, "node is needed (make test installs it)"
    installed = CLIENTS.parent / "node_modules" / "@urql" / "core"
    assert installed.exists(), "tools/graphql-client is not installed (make test does it)"
    return subprocess.run([node, str(CLIENTS), base_url], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def checks(run: subprocess.CompletedProcess[str]) -> dict[str, dict[str, Any]]:
    by_check = {line["check"]: line for line in map(json.loads, run.stdout.splitlines())}
    assert set(by_check) == {"persisted", "cursors"}, run.stderr
    return by_check


def test_the_script_exits_zero_when_its_checks_pass(
    run: subprocess.CompletedProcess[str], checks: dict[str, dict[str, Any]]
) -> None:
    assert {name: check["ok"] for name, check in checks.items()} == {"persisted": True, "cursors": True}
    assert run.returncode == 0, run.stderr


def test_the_first_persisted_request_is_a_get_with_only_the_hash_and_misses(
    checks: dict[str, dict[str, Any]],
) -> None:
    persisted = checks["persisted"]
    miss = persisted["requests"][0]
    assert miss["method"] == "GET"
    assert miss["path"] == "/graphql"
    assert miss["hasQuery"] is False
    assert miss["sent"] == ["extensions", "operationName", "variables"]
    assert miss["hash"] == persisted["expectedHash"]
    assert (miss["status"], miss["errorCodes"]) == (200, ["PERSISTED_QUERY_NOT_FOUND"])


def test_the_miss_is_followed_by_the_document_with_its_hash_which_registers_it(
    checks: dict[str, dict[str, Any]],
) -> None:
    persisted = checks["persisted"]
    register = persisted["requests"][1]
    assert register["hasQuery"] is True
    assert register["hash"] == persisted["expectedHash"]
    assert (register["status"], register["errorCodes"]) == (200, [])
    assert persisted["data"] == {
        "code": {
            "code": "I82.401",
            "title": "Acute embolism and thrombosis of unspecified deep veins of right lower extremity",
            "billable": True,
        }
    }


def test_the_same_query_again_is_served_by_its_hash_alone(checks: dict[str, dict[str, Any]]) -> None:
    persisted = checks["persisted"]
    assert len(persisted["requests"]) == 3
    repeat = persisted["requests"][2]
    assert repeat["method"] == "GET"
    assert repeat["hasQuery"] is False
    assert repeat["hash"] == persisted["expectedHash"]
    assert (repeat["status"], repeat["errorCodes"]) == (200, [])
    assert persisted["checks"]["repeatAnswer"] is True
    assert persisted["ok"] is True, persisted


def test_three_pages_by_end_cursor_give_fifteen_distinct_codes(checks: dict[str, dict[str, Any]]) -> None:
    cursors = checks["cursors"]
    assert cursors["error"] is None
    assert [len(page["codes"]) for page in cursors["pages"]] == [5, 5, 5]
    assert len(set(cursors["codes"])) == 15
    assert len({page["totalCount"] for page in cursors["pages"]}) == 1
    assert cursors["ok"] is True, cursors["checks"]
