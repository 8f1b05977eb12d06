"""The code systems as FHIR knows them: canonical URLs, resource ids, and which codes are concepts.

The URLs are the ones implementers use (HL7 Terminology for ICD-10-CM and MS-DRG, CMS for ICD-10-PCS and
HCPCS, the AMA for CPT). Chapters, blocks, PCS sections, body systems and tables, and HCPCS range headings
(and MS-DRG's MDCs and families) organise a system's pages but are not codes of it: `$validate-code` says so,
and expansions leave them out.
"""

import re
from dataclasses import dataclass

from graph.importers.records import CodeKind
from graph.model import SYSTEM_NAMES, System


@dataclass(frozen=True, slots=True)
class FhirSystem:
    system: System
    id: str  # the CodeSystem resource id
    url: str
    title: str
    publisher: str


FHIR_SYSTEMS: tuple[FhirSystem, ...] = (
    FhirSystem(System.ICD10CM, "icd-10-cm", "http://hl7.org/fhir/sid/icd-10-cm", SYSTEM_NAMES[System.ICD10CM],
               "National Center for Health Statistics (NCHS), CDC"),
    FhirSystem(System.ICD10PCS, "icd-10-pcs", "http://www.cms.gov/Medicare/Coding/ICD10",
               SYSTEM_NAMES[System.ICD10PCS], "Centers for Medicare & Medicaid Services (CMS)"),
    FhirSystem(System.HCPCS, "hcpcs", "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
               SYSTEM_NAMES[System.HCPCS], "Centers for Medicare & Medicaid Services (CMS)"),
    FhirSystem(System.ICD9CM, "icd-9-cm", "http://hl7.org/fhir/sid/icd-9-cm", SYSTEM_NAMES[System.ICD9CM],
               "National Center for Health Statistics (NCHS) and CMS"),
    # The URL HL7 Terminology (UTG) registers for MS-DRG.
    FhirSystem(System.MSDRG, "ms-drg",
               "https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/AcuteInpatientPPS/MS-DRG-Classifications-and-Software",
               SYSTEM_NAMES[System.MSDRG], "Centers for Medicare & Medicaid Services (CMS)"),
    FhirSystem(System.CPT, "cpt", "http://www.ama-assn.org/go/cpt", SYSTEM_NAMES[System.CPT],
               "American Medical Association (AMA)"),
)  # fmt: skip
BY_URL = {entry.url: entry for entry in FHIR_SYSTEMS}
BY_ID = {entry.id: entry for entry in FHIR_SYSTEMS}
BY_SYSTEM = {entry.system: entry for entry in FHIR_SYSTEMS}

HEADER_KINDS: tuple[str, ...] = (
    CodeKind.CHAPTER,
    CodeKind.BLOCK,
    CodeKind.SECTION,
    CodeKind.BODY_SYSTEM,
    CodeKind.TABLE,
    CodeKind.GROUP,
)

_FISCAL_YEAR = re.compile(r"FY(?P<year>\d{4})\b")
_NUMBERED_RELEASE = re.compile(r"v(?P<number>\d+\.\d+)\b")
_MONTH_RELEASE = re.compile(r"(?P<year>\d{4}) (?P<month>[A-Z][a-z]+)")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


def fhir_version(version: str) -> str:
    """The release as a stable FHIR version string: the fiscal year of an ICD-10 release (`FY2026 (April 1,
    2026 update)` is `2026`, as implementers name it), the year and month of a quarterly HCPCS file
    (`2025 October` is `2025-10`), the number of a numbered release (MS-DRG `v43.1 (FY2026, …)` is `43.1`),
    else the release's own name. CodeSystem.description keeps the full name."""
    if found := _FISCAL_YEAR.match(version):
        return found["year"]
    if found := _NUMBERED_RELEASE.match(version):
        return found["number"]
    found = _MONTH_RELEASE.fullmatch(version)
    if found and found["month"] in _MONTHS:
        return f"{found['year']}-{_MONTHS.index(found['month']) + 1:02d}"
    return version


def is_concept(kind: str) -> bool:
    return kind not in HEADER_KINDS
