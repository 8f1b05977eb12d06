"""ICD-9-CM codes explained from CMS's final release and the GEMs that lead from them to ICD-10.

ICD-9-CM was replaced on 2015-10-01; a page for one of its codes is read for old records, so what it needs is
what the code meant, that it is no longer reported, and where the GEMs lead.
"""

from graph.explain.description import official_description
from graph.explain.model import Explanation, Section
from graph.explain.notice import generated_notice
from graph.explain.sentences import paragraph, plain_date
from graph.importers.icd9cm import PROCEDURE, VOLUME
from graph.reads.codes import CodeRow, MappingRow

DESCRIPTIONS = "CMS ICD-9-CM version 32 descriptions"
GEMS = "CMS General Equivalence Mappings (2018)"


def explain_icd9(code: CodeRow, mappings: list[MappingRow]) -> Explanation:
    procedure = code.properties.get(VOLUME) == PROCEDURE
    kind, successor = ("procedure", "ICD-10-PCS") if procedure else ("diagnosis", "ICD-10-CM")
    targets = sorted({m.uid for m in mappings if m.outgoing and m.uid is not None})
    release = f"ICD-9-CM {code.properties.get('release') or 'FY2015 (version 32)'} (CMS)"
    summary = paragraph(
        f"{code.code} is an ICD-9-CM {kind} code from the final release of ICD-9-CM",
        f"It stands for: {code.title}",
        f"{successor} replaced it for services from October 1, 2015, so it is kept for older records only",
    )
    last_day = plain_date(code.termination_date) if code.termination_date else ""
    sections = (
        official_description(code, f"{DESCRIPTIONS}: long and short titles"),
        Section(
            key="status",
            title="Whether it is still used",
            text=paragraph(
                f"The last day it could be reported was {last_day}" if last_day else "",
                f"Services from October 1, 2015 are coded in {successor} instead",
            ),
            source=f"{DESCRIPTIONS}; ICD-10 effective date",
        ),
        Section(
            key="crosswalk",
            title="Where it leads in ICD-10",
            text=_crosswalk(targets, mappings, successor),
            source=GEMS,
        ),
    )
    sources = (release, GEMS) if mappings else (release,)
    return Explanation(
        summary=summary,
        sections=tuple(s for s in sections if s.text),
        generated_from=sources,
        notice=generated_notice(sources),
    )


def _crosswalk(targets: list[str], mappings: list[MappingRow], successor: str) -> str:
    if targets:
        plural = "s" if len(targets) != 1 else ""
        return paragraph(
            f"CMS's GEMs lead from it to {len(targets)} {successor} code{plural}",
            "the crosswalk section of this page lists them with how closely each fits",
        )
    if any(m.no_map and m.outgoing for m in mappings):
        return paragraph(f"CMS's GEMs give it no {successor} code")
    return ""
