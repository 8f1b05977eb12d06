"""Readiness probe: the cheapest statement that proves the database answers."""

PING = "RETURN 1 AS ok"
