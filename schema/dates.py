"""Dates and timestamps as GraphQL's `Date` and `DateTime` scalars (ISO 8601 on the wire), read from the
ISO text the graph stores."""

from datetime import date, datetime


def as_date(text: str | None) -> date | None:
    """A stored ISO date ("2016-01-01"); None when there is none."""
    return date.fromisoformat(text) if text else None


def as_datetime(text: str) -> datetime:
    """A stored ISO-8601 timestamp ("2026-12-07T03:09:45+00:00", or with "Z")."""
    return datetime.fromisoformat(text)
