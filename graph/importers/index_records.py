"""Plain records of the official alphabetic indexes and tables: one record per main term or subterm."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IndexTarget:
    """A code an index line gives, as published: "B02.9", "M21.61-" (more characters required), "0DTJ" (a PCS
    table or code prefix), "0DJD8ZZ"; `column` names the drug or neoplasm table column, else None."""

    code: str
    column: str | None = None


@dataclass(frozen=True, slots=True)
class IndexTermRecord:
    # unique within the source and stable across loads: f"{source_key}:{'|'.join(path)}",
    # "#2" appended on a repeat
    uid: str
    source: str  # the book and release, e.g. "ICD-10-CM Index FY2025", "ICD-10-PCS Index FY2025"
    title: str
    nemod: str | None  # the non-essential modifier text, e.g. "(acute) (chronic)"
    level: int  # 0 for a main term
    path: tuple[str, ...]  # main term down to this term
    parent: str | None  # parent's uid
    targets: tuple[IndexTarget, ...] = ()
    see: tuple[str, ...] = ()  # cross-reference texts as published, e.g. ("Herpes, zoster",)
    see_also: tuple[str, ...] = ()
    use: tuple[str, ...] = ()  # ICD-10-PCS "use" texts, e.g. ("Esophagus, Lower",)
