"""Errors raised by the importers.

ImportFormatError   the source file is missing, or its header or one of its rows does not
                    follow the published layout; names the file and the 1-based line
"""

from pathlib import Path


class ImportFormatError(Exception):
    """A source file that cannot be read as the format it claims to be.

    `line` is the 1-based line (or worksheet row) at fault, or None when the problem is the file
    as a whole (missing, unreadable, no year in its name).
    """

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")
