"""The other names ICD-10-PCS body parts and devices stand for, as search words of their codes.

CMS's body part key says "Hallux" is coded as 1st Toe and the device key that "Autologous vein graft" is
Autologous Venous Tissue: a code of that body part or device carries those names, as an official index line
would, so that people who use them find it. Root operation examples ("Thrombectomy, choledocholithotomy") are
left out: one root operation spans thousands of codes across every body system. Read from the graph."""

from collections import defaultdict
from collections.abc import Callable
from typing import Any, LiteralString

from graph.queries import search_documents as q

Collect = Callable[[LiteralString], list[Any]]


class PcsIncludes:
    def __init__(self, links: list[tuple[str, list[str]]]) -> None:
        self._by_code: dict[str, list[str]] = defaultdict(list)
        for uid, names in links:
            self._by_code[uid].extend(names)

    @classmethod
    def read(cls, collect: Collect) -> "PcsIncludes":
        return cls([(uid, list(names)) for uid, names in collect(q.PCS_INCLUDES)])

    def for_code(self, uid: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self._by_code.get(uid, ())))
