from pathlib import Path

from schema import schema

SDL = Path(__file__).resolve().parent.parent / "schema" / "schema.graphql"


def test_exported_sdl_is_up_to_date() -> None:
    stale = "schema/schema.graphql is stale: run `medgraph export-schema`"
    assert SDL.read_text() == schema.as_str() + "\n", stale
