"""Names on search results link to the condition they name, read once per data version."""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from server.web.condition_names import ConditionNames, condition_keys

# Two conditions of the seeds (seeds/conditions), their synonyms shortened.
CONDITIONS = [
    {"key": "pulmonary-embolism", "name": "Pulmonary embolism", "synonyms": ["PE", "lung clot"]},
    {"key": "deep-vein-thrombosis", "name": "Deep vein thrombosis", "synonyms": ["DVT", "blood clot"]},
]


def test_names_and_synonyms_are_keys_whatever_their_case() -> None:
    keys = condition_keys(CONDITIONS)
    assert keys["lung clot"] == keys["pulmonary embolism"] == keys["pe"] == "pulmonary-embolism"
    assert keys["dvt"] == "deep-vein-thrombosis"


def test_a_name_two_conditions_share_links_to_neither() -> None:
    arterial = {"key": "arterial-embolism", "name": "Arterial embolism", "synonyms": ["blood clot"]}
    shared = [*CONDITIONS, arterial]
    assert "blood clot" not in condition_keys(shared)


def test_conditions_are_read_once_per_data_version() -> None:
    reads: list[int] = []

    async def read() -> list[dict[str, Any]]:
        reads.append(1)
        return CONDITIONS

    names = ConditionNames()

    async def run() -> None:
        await names.keys("v1", read)
        await names.keys("v1", read)
        assert len(reads) == 1
        await names.keys("v2", read)
        assert len(reads) == 2
        await names.keys(None, read)
        await names.keys(None, read)
        assert len(reads) == 4  # an unknown version is never kept

    # In a thread of its own: the browser tests of this folder keep an event loop running in this one.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, run()).result()
