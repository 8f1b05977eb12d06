"""Relay-style global ids: `base64("Code:ICD10CM:I82.401")`, `base64("Condition:deep-vein-thrombosis")`,
`base64("Risk:bleeding")` — the same for `Node.id` and a neighbourhood's `GraphNode.id`."""

import base64
import binascii

import strawberry

from graph.reads.neighborhood import DRAWN_KINDS
from schema.errors import BadUserInput

# Codes and every concept kind the graph draws; ICD-10-PCS axis values have ids (GraphNode.id), no type yet.
NODE_TYPES = DRAWN_KINDS


@strawberry.interface(description="An object with a global id, fetchable with `node(id:)`.")
class Node:
    id: strawberry.ID


def encode_id(type_name: str, key: str) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode().rstrip("="))


def decode_id(global_id: str) -> tuple[str, str]:
    """The type and key of a global id; anything else is the user's error, said plainly."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, key = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8").partition(":")
    except (UnicodeError, binascii.Error, ValueError):
        raise BadUserInput("not a medgraph id") from None
    if type_name not in NODE_TYPES or not key:
        raise BadUserInput("not a medgraph id")
    return type_name, key
