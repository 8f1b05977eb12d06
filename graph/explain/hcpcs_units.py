"""The billing unit a HCPCS long description ends with ("…, 1 mg", "…, per square centimeter")."""

import re

_SIZES = r"mg|mcg|micrograms?|milligrams?|ml|cc|units?|iu|i\.u\.|gm|grams?|millicuries?|mci|million units"
_AMOUNT = rf"[\d.,]+ ?(?:{_SIZES})"
_MEASURE = r"milligram|ml|cc|iu|i\.u\.|gram|square centimeter|therapeutic dose|dose"
_UNIT = re.compile(rf"(?P<lead>per |up to )?(?P<size>{_AMOUNT}|{_MEASURE})(?: \([^)]*\))?", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def billing_unit(description: str) -> str | None:
    """`per 1 mg`, `up to 25 mg`, `per square centimeter`; None when the text ends with no unit."""
    if "," not in description:
        return None
    tail = _SPACES.sub(" ", description.rsplit(",", 1)[1]).strip()
    match = _UNIT.fullmatch(tail)
    if match is None:
        return None
    return f"{(match['lead'] or 'per ').lower()}{match['size'].lower()}"
