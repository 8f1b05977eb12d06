"""ICD-10-PCS codes' seven characters in the API, with CMS's definitions (Code.axes)."""

from dataclasses import asdict

import strawberry

from graph.reads.pcs_axes import AxisRow


@strawberry.type(
    description="One character of an ICD-10-PCS code: what its position is called in the code's section and "
    "what the character means there, with the definition, explanation and other names CMS's ICD-10-PCS "
    "Definitions give for it."
)
class PcsAxis:
    position: int = strawberry.field(description="1 to 7.")
    title: str = strawberry.field(
        description='What the position is called in this section: "Section", "Body System", '
        '"Root Operation", "Body Part", "Approach", "Device", "Qualifier" in Medical and Surgical; '
        '"Body Region", "Modality" … elsewhere.'
    )
    character: str = strawberry.field(description="The character at this position.")
    label: str = strawberry.field(
        description='What the character means here, as the Tables name it: "Extirpation".'
    )
    definition: str | None = strawberry.field(
        description="CMS's definition (root operations, approaches, some devices and substances)."
    )
    explanation: str | None = strawberry.field(
        description="CMS's explanation of the definition, where given."
    )
    includes: list[str] = strawberry.field(
        description='Other names the value stands for (body part and device keys: "Hallux" for 1st '
        'Toe) or, for a root operation, CMS\'s examples ("Thrombectomy, choledocholithotomy").'
    )

    @classmethod
    def of(cls, row: AxisRow) -> "PcsAxis":
        return cls(**{**asdict(row), "includes": list(row.includes)})
