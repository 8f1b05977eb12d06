"""The code systems as the pages name them, and the URLs of code and condition pages."""

import re
from enum import StrEnum
from urllib.parse import quote


class System(StrEnum):
    """The `CodeSystem` enum of the public schema, with the names people read."""

    CPT = "CPT"
    HCPCS = "HCPCS"
    ICD10CM = "ICD10CM"
    ICD10PCS = "ICD10PCS"
    ICD9CM = "ICD9CM"
    MSDRG = "MSDRG"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def badge(self) -> str:
        """What the seed page calls "CPT4 code": the kind of code, in words."""
        return _BADGES[self]


_LABELS = {
    System.CPT: "CPT",
    System.HCPCS: "HCPCS Level II",
    System.ICD10CM: "ICD-10-CM",
    System.ICD10PCS: "ICD-10-PCS",
    System.ICD9CM: "ICD-9-CM",
    System.MSDRG: "MS-DRG",
}
_BADGES = {
    System.CPT: "CPT procedure code",
    System.HCPCS: "HCPCS Level II code",
    System.ICD10CM: "ICD-10-CM diagnosis code",
    System.ICD10PCS: "ICD-10-PCS procedure code",
    System.ICD9CM: "ICD-9-CM code (retired 2015)",
    System.MSDRG: "MS-DRG (inpatient payment group)",
}
# However a system is typed in a URL: "icd-10-cm", "ICD10CM", "cpt4", "pcs" …
_ALIASES = {
    **{system.value: system for system in System},
    "CPT4": System.CPT,
    "HCPCSII": System.HCPCS,
    "HCPCSLEVELII": System.HCPCS,
    "ICD10": System.ICD10CM,
    "PCS": System.ICD10PCS,
    "ICD9": System.ICD9CM,
    "DRG": System.MSDRG,
}
_SEPARATORS = re.compile(r"[\s._-]+")


def parse_system(text: str) -> System | None:
    """The system a URL segment or query parameter names, or None."""
    return _ALIASES.get(_SEPARATORS.sub("", text).upper())


def code_url(system: str, code: str) -> str:
    return f"/codes/{quote(system, safe='')}/{quote(code, safe='')}"


def condition_url(key: str) -> str:
    return f"/conditions/{quote(key, safe='')}"


def system_label(system: str) -> str:
    parsed = parse_system(system)
    return parsed.label if parsed else system


KIND_LABELS = {
    "CHAPTER": "Chapter",
    "BLOCK": "Block",
    "CATEGORY": "Category",
    "SUBCATEGORY": "Subcategory",
    "CODE": "Code",
    "EXTENSION": "Code with 7th character",
    "SECTION": "Section",
    "BODY_SYSTEM": "Body system",
    "TABLE": "Table",
    "MODIFIER": "Modifier",
    "GROUP": "Group",
}
