from datetime import UTC, datetime


def utc_now() -> str:
    """An ISO-8601 UTC timestamp to the second, as stored on load records."""
    return datetime.now(UTC).isoformat(timespec="seconds")
