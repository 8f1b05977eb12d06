"""How ICD-10-PCS's words read in a sentence: labels in lower case, sides first, approaches said plainly."""

import re

from graph.explain.sentences import listing

# CMS's definitions of the seven approaches (ICD-10-PCS Definitions, section 0), said plainly. "Endoscopic"
# is CMS's "to reach and visualize the site": instruments that let the team see it, a viewing scope.
APPROACHES = {
    "Open": "through a cut in the skin or lining that opens the layers beneath to expose the site",
    "Percutaneous": (
        "through a needle puncture or small cut in the skin or lining, with instruments passed through to "
        "reach the site"
    ),
    "Percutaneous Endoscopic": (
        "through a needle puncture or small cut in the skin or lining, with instruments and a viewing scope "
        "passed through to reach and see the site"
    ),
    "Via Natural or Artificial Opening": (
        "through a natural body opening or one made by surgery, with instruments passed in to reach the site"
    ),
    "Via Natural or Artificial Opening Endoscopic": (
        "through a natural body opening or one made by surgery, with instruments and a viewing scope passed "
        "in to reach and see the site"
    ),
    "Via Natural or Artificial Opening With Percutaneous Endoscopic Assistance": (
        "through a natural body opening or one made by surgery, helped by a viewing scope passed through a "
        "small cut in the skin"
    ),
    "External": (
        "on the skin or a lining directly, or from outside the body by force applied through the skin"
    ),
}

_SIDES = {", Right": "right {}", ", Left": "left {}", ", Bilateral": "{} on both sides"}
_KEEP_CASE = re.compile(r"\d|[A-Z].*[A-Z]")  # CT, HIV, (F-18), 3D: abbreviations keep their case


def plain(label: str) -> str:
    """`Extirpation of Matter from Right Femoral Vein` → `extirpation of matter from right femoral vein`."""
    return " ".join(word if _KEEP_CASE.search(word) else word.lower() for word in label.split())


def body_part(label: str) -> str:
    """`Femoral Vein, Right` → `right femoral vein`: a side reads before the part it belongs to."""
    for suffix, form in _SIDES.items():
        if label.endswith(suffix):
            return plain(form.format(label.removesuffix(suffix)))
    return plain(label)


def axis_noun(title: str) -> str:
    """`Body System / Region` → `body system or region`, `Device / Substance / Technology` → `device,
    substance or technology`: an axis title as a noun in a sentence."""
    return listing([part.strip().lower() for part in title.split("/")], "or")


def is_none(meaning: str) -> bool:
    """`No Device`, `No Qualifier`, `None`: the value a code takes when the axis does not apply."""
    return meaning == "None" or meaning.startswith("No ")
