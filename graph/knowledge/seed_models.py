"""Pydantic models of the curated seed files (the format of `seeds/README.md`).

The models are the format's single definition: `seed_files.check_seeds` validates every file against them and
maps each error back to a file and line. They check one file at a time; anything that needs more than one file
(unknown vocabulary keys, dangling code references, duplicate keys across a kind) is checked in `seed_files`.
Extra fields are forbidden everywhere so that a misspelt section name is an error, not silently ignored data.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from graph.model import System

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Official code shapes. They catch typos and unquoted YAML numbers early; whether a code really exists in a
# release is the graph loader's check, against the loaded code systems.
CODE_PATTERNS: dict[System, re.Pattern[str]] = {
    # Category I five digits; Category II/III and PLA codes end in F, T or U.
    System.CPT: re.compile(r"^[0-9]{4}[0-9FTU]$"),
    System.HCPCS: re.compile(r"^[A-V][0-9]{4}$"),
    # Seven characters; PCS never uses the letters I and O.
    System.ICD10PCS: re.compile(r"^[0-9A-HJ-NP-Z]{7}$"),
    # Written with the dot as published (DESIGN: uid ICD10CM:I82.401); a three-character category has none.
    System.ICD10CM: re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$"),
}

# Strict: YAML turns unquoted `37188` into an int and `0016070` into an octal int, so only real strings pass.
Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, Strict(), StringConstraints(pattern=SLUG_PATTERN)]

RelatedType = Literal["repeat-of", "add-on-to", "initial-of", "alternative", "follow-up-of"]
# Plain strings, not enum members, so the error message lists the values as they are written in YAML.
MonographSystem = Literal["CPT", "HCPCS", "ICD10PCS"]


def check_code(system: System, code: Any, at: tuple[str | int, ...] = ()) -> str:
    """Validate `code` as a code of `system`; the message says how to fix it.

    `at` is the error's location below the validated value (see `seed_files`), so the reported line is the
    code's own line.
    """
    if not isinstance(code, str):
        raise PydanticCustomError(
            "code_not_string",
            'code {code} must be a quoted string in YAML: write "{code}"',
            {"code": code, "at": at},
        )
    if not CODE_PATTERNS[system].match(code):
        hint = ""
        if system is System.ICD10CM:
            hint = " (ICD-10-CM codes are written with their dot, e.g. I82.401)"
        raise PydanticCustomError(
            "code_format",
            "'{code}' is not a well-formed {system} code{hint}",
            {"code": code, "system": system.value, "hint": hint, "at": at},
        )
    return code


class SeedModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CodeRef(SeedModel):
    """A reference to a code of any system: `{system: CPT, code: "37187"}`."""

    system: System
    code: str

    @field_validator("code", mode="before")
    @classmethod
    def _code_matches_system(cls, code: Any, info: ValidationInfo) -> str:
        # `system` is declared first, so it is in `info.data` when it is valid; when it is not, its own error
        # (listing the allowed values) is enough and the code is not judged against a system we do not know.
        system = info.data.get("system")
        if system is None:
            return code if isinstance(code, str) else str(code)
        return check_code(System(system), code)

    @property
    def uid(self) -> str:
        return self.system.uid(self.code)


# --- vocabulary ---------------------------------------------------------------------------------------------


class VocabEntry(SeedModel):
    """One shared concept (a node keyed by `key`)."""

    key: Slug
    name: Text
    synonyms: list[Text] = Field(default_factory=list)
    description: Text


class ConditionEntry(VocabEntry):
    # Required, even when empty: `icd10cm: []` states that no code expresses the condition.
    icd10cm: list[str]

    @field_validator("icd10cm")
    @classmethod
    def _icd10cm_codes(cls, codes: list[str]) -> list[str]:
        return [check_code(System.ICD10CM, code, at=(i,)) for i, code in enumerate(codes)]


class RiskEntry(VocabEntry):
    pass


class BenefitEntry(VocabEntry):
    pass


class RoleEntry(VocabEntry):
    pass


class SettingEntry(VocabEntry):
    pass


class TreatmentEntry(VocabEntry):
    pass


class DrugEntry(VocabEntry):
    # Required, even when empty, like `icd10cm` of a condition.
    hcpcs: list[str]

    @field_validator("hcpcs")
    @classmethod
    def _hcpcs_codes(cls, codes: list[str]) -> list[str]:
        return [check_code(System.HCPCS, code, at=(i,)) for i, code in enumerate(codes)]


# File stem under seeds/vocabulary/ -> entry model. The order is the order the loader creates nodes in.
VOCAB_KINDS: dict[str, type[VocabEntry]] = {
    "conditions": ConditionEntry,
    "risks": RiskEntry,
    "benefits": BenefitEntry,
    "roles": RoleEntry,
    "settings": SettingEntry,
    "treatments": TreatmentEntry,
    "drugs": DrugEntry,
}


# --- monographs ---------------------------------------------------------------------------------------------


class Indication(SeedModel):
    condition: Slug
    note: Text


class Step(SeedModel):
    label: Text
    text: Text


class SettingLink(SeedModel):
    setting: Slug
    note: Text | None = None


class PersonnelLink(SeedModel):
    role: Slug
    involvement: Text


class RiskLink(SeedModel):
    risk: Slug
    note: Text | None = None


class BenefitLink(SeedModel):
    benefit: Slug
    note: Text | None = None


class Alternative(SeedModel):
    """Another way to treat the problem: a generic treatment, or a code of its own — exactly one of them."""

    treatment: Slug | None = None
    code: CodeRef | None = None
    note: Text

    @model_validator(mode="after")
    def _exactly_one_target(self) -> Alternative:
        if (self.treatment is None) == (self.code is None):
            raise PydanticCustomError(
                "alternative_target", "an alternative names exactly one of `treatment` or `code`"
            )
        return self


class Related(SeedModel):
    type: RelatedType
    code: CodeRef


class Crosswalk(SeedModel):
    code: CodeRef
    # A crosswalk is exact unless marked; most CPT -> ICD-10-PCS pairs are approximate.
    approximate: bool = False


class Monograph(SeedModel):
    """One procedure monograph: `seeds/procedures/<system>-<code>.yaml`."""

    system: MonographSystem
    code: str
    title: Text
    name: Text
    # Field names are the YAML keys of the file format, camelCase included.
    commonNames: list[Text]
    summary: Text
    purpose: Text
    indications: list[Indication] = Field(min_length=1)
    preparation: list[Text] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)
    duration: Text
    settings: list[SettingLink] = Field(min_length=1)
    personnel: list[PersonnelLink] = Field(min_length=1)
    risks: list[RiskLink] = Field(min_length=1)
    benefits: list[BenefitLink] = Field(min_length=1)
    recovery: list[Text] = Field(min_length=1)
    alternatives: list[Alternative] = Field(min_length=1)
    patientExperience: Text
    related: list[Related] = Field(default_factory=list)
    crosswalks: list[Crosswalk] = Field(default_factory=list)
    drugs: list[Slug] = Field(default_factory=list)
    source: Text
    reviewedOn: dt.date
    # Who has checked the text, said plainly (e.g. "editorial review; not reviewed by a clinician"); the page
    # shows it next to the date so that a reader can weigh the text.
    reviewStatus: Text

    @field_validator("code", mode="before")
    @classmethod
    def _code_matches_system(cls, code: Any, info: ValidationInfo) -> str:
        # As in CodeRef: judged only against a valid `system`, which is declared before `code`.
        system = info.data.get("system")
        if system is None:
            return code if isinstance(code, str) else str(code)
        return check_code(System(system), code)

    @field_validator("steps")
    @classmethod
    def _unique_step_labels(cls, steps: list[Step]) -> list[Step]:
        seen: dict[str, int] = {}
        for index, step in enumerate(steps):
            label = step.label.casefold()
            if label in seen:
                # `at` lets the file checker point at the repeated label rather than at the whole list.
                raise PydanticCustomError(
                    "duplicate_step_label",
                    "step label '{label}' is used twice (steps {first} and {second}, counting from 1)",
                    {
                        "label": step.label,
                        "first": seen[label] + 1,
                        "second": index + 1,
                        "at": (index, "label"),
                    },
                )
            seen[label] = index
        return steps

    @model_validator(mode="after")
    def _no_self_reference(self) -> Monograph:
        own = (self.system, self.code)
        for index, rel in enumerate(self.related):
            if (rel.code.system, rel.code.code) == own:
                raise PydanticCustomError(
                    "self_reference",
                    "a code cannot be related to itself",
                    {"at": ("related", index, "code")},
                )
        return self

    @property
    def uid(self) -> str:
        return System(self.system).uid(self.code)

    def file_name(self) -> str:
        """The file name this monograph must have, e.g. `cpt-37188.yaml`."""
        return monograph_file_name(System(self.system), self.code)


def monograph_file_name(system: System, code: str) -> str:
    return f"{system.value.lower()}-{code}.yaml"


# --- condition monographs -----------------------------------------------------------------------------------


class ConditionMonograph(SeedModel):
    """One condition monograph, `seeds/conditions/<condition key>.yaml`: a vocabulary condition explained."""

    condition: Slug
    name: Text
    # The everyday names people type ("high blood pressure"); search finds the condition's codes by them.
    layNames: list[Text] = Field(min_length=1)
    summary: Text  # what it is
    symptoms: list[Text] = Field(min_length=1)
    causes: list[Text] = Field(min_length=1)  # causes and risk factors
    diagnosis: list[Text] = Field(min_length=1)
    # The same shape as a procedure's alternatives: a treatment of the vocabulary or a code of its own.
    treatments: list[Alternative] = Field(min_length=1)
    seekCare: list[Text] = Field(min_length=1)
    # The ICD-10-CM categories that express the condition; their billable codes are reached through the tree.
    icd10cm: list[str] = Field(min_length=1)
    source: Text
    reviewedOn: dt.date
    reviewStatus: Text

    @field_validator("icd10cm")
    @classmethod
    def _icd10cm_codes(cls, codes: list[str]) -> list[str]:
        return [check_code(System.ICD10CM, code, at=(i,)) for i, code in enumerate(codes)]

    def file_name(self) -> str:
        return f"{self.condition}.yaml"
