"""The names of the graph model: code systems, node labels and relationship types.

These are the contract of DESIGN.md. Queries spell them literally; this module is the list the
Cypher linter checks them against, and the one place Python code picks a label by value.
"""

from enum import StrEnum


class System(StrEnum):
    CPT = "CPT"
    HCPCS = "HCPCS"
    ICD10CM = "ICD10CM"
    ICD10PCS = "ICD10PCS"
    ICD9CM = "ICD9CM"
    MSDRG = "MSDRG"

    def uid(self, code: str) -> str:
        return f"{self.value}:{code}"


def dotted_icd10cm(code: str) -> str:
    """An ICD-10-CM code as published, with its dot after the category: `I82401` → `I82.401` (kept as it is
    when it has its dot or is a category)."""
    return code if len(code) <= 3 or "." in code else f"{code[:3]}.{code[3:]}"


SYSTEM_NAMES: dict[System, str] = {
    System.CPT: "Current Procedural Terminology (CPT)",
    System.HCPCS: "HCPCS Level II",
    System.ICD10CM: "ICD-10-CM",
    System.ICD10PCS: "ICD-10-PCS",
    System.ICD9CM: "ICD-9-CM",
    System.MSDRG: "Medicare Severity Diagnosis Related Groups (MS-DRG)",
}

# An ICD-10-CM code as the tabular list prints it (`S72`, `I82.4`, `S06.0X1`): notes name codes this way.
ICD10CM_CODE = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?"

# Procedure systems get :Procedure, diagnosis systems :Diagnosis; ICD-9-CM has both volumes, so its codes
# get the label of their volume (graph.importers.icd9cm).
PROCEDURE_SYSTEMS = frozenset({System.CPT, System.HCPCS, System.ICD10PCS})


class Label(StrEnum):
    CODE = "Code"
    CPT = "CPT"
    HCPCS = "HCPCS"
    ICD10CM = "ICD10CM"
    ICD10PCS = "ICD10PCS"
    ICD9CM = "ICD9CM"
    MSDRG = "MSDRG"
    MDC = "MDC"  # an MS-DRG Major Diagnostic Category (graph.importers.msdrg)
    PROCEDURE = "Procedure"
    DIAGNOSIS = "Diagnosis"
    CODE_SYSTEM = "CodeSystem"
    PCS_VALUE = "PcsValue"
    MONOGRAPH = "Monograph"
    CONDITION = "Condition"
    RISK = "Risk"
    BENEFIT = "Benefit"
    PERSONNEL_ROLE = "PersonnelRole"
    SETTING = "Setting"
    TREATMENT = "Treatment"
    DRUG = "Drug"
    DATA_VERSION = "DataVersion"
    LOAD_STATE = "LoadState"
    CURATION_EVENT = "CurationEvent"
    INDEX_TERM = "IndexTerm"
    VOCABULARY = "Vocabulary"
    GLOSSARY_TERM = "GlossaryTerm"
    CODE_CHANGE = "CodeChange"
    HISTORY_SOURCE = "HistorySource"


class Rel(StrEnum):
    CHILD_OF = "CHILD_OF"
    EXCLUDES1 = "EXCLUDES1"
    EXCLUDES2 = "EXCLUDES2"
    CODE_FIRST = "CODE_FIRST"
    CODE_ALSO = "CODE_ALSO"
    USE_ADDITIONAL = "USE_ADDITIONAL"
    ROOT_OPERATION = "ROOT_OPERATION"
    BODY_PART = "BODY_PART"
    APPROACH = "APPROACH"
    DEVICE = "DEVICE"
    QUALIFIER = "QUALIFIER"
    HAS_AXIS_VALUE = "HAS_AXIS_VALUE"
    HAS_MONOGRAPH = "HAS_MONOGRAPH"
    INDICATED_FOR = "INDICATED_FOR"
    HAS_RISK = "HAS_RISK"
    HAS_BENEFIT = "HAS_BENEFIT"
    PERFORMED_BY = "PERFORMED_BY"
    PERFORMED_IN = "PERFORMED_IN"
    HAS_ALTERNATIVE = "HAS_ALTERNATIVE"
    RELATED = "RELATED"
    CODED_AS = "CODED_AS"
    MAPS_TO = "MAPS_TO"
    USES_DRUG = "USES_DRUG"
    SUBTERM_OF = "SUBTERM_OF"
    INDEXES = "INDEXES"
    SEE = "SEE"
    SEE_ALSO = "SEE_ALSO"
    USE = "USE"
    MEANS = "MEANS"
    TREATED_WITH = "TREATED_WITH"
    REPLACES = "REPLACES"
    HAS_CHANGE = "HAS_CHANGE"


# Note kinds of ICD-10-CM (as `NoteRecord.kind`) and the code property that keeps their texts, in page order.
NOTE_PROPERTIES: dict[str, str] = {
    "includes": "includes",
    "inclusion_term": "inclusionTerms",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "code_first": "codeFirst",
    "code_also": "codeAlso",
    "use_additional": "useAdditional",
    "note": "notes",
    "seven_chr_note": "sevenChrNote",
    "seven_chr_def": "sevenChrDef",
}

# Note kinds that name codes, and the relationship each becomes.
NOTE_EDGES: dict[str, Rel] = {
    "excludes1": Rel.EXCLUDES1,
    "excludes2": Rel.EXCLUDES2,
    "code_first": Rel.CODE_FIRST,
    "code_also": Rel.CODE_ALSO,
    "use_additional": Rel.USE_ADDITIONAL,
}
