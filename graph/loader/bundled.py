"""The official releases that ship with medgraph, and how each system's importer reads a given file."""

from collections.abc import Callable
from pathlib import Path

from graph.importers.hcpcs_anweb import bundled_workbook_path, read_hcpcs_workbook
from graph.importers.icd9cm import bundled_icd9cm_folder, read_icd9cm
from graph.importers.icd10cm_xml import bundled_tabular_path, read_icd10cm_tabular
from graph.importers.icd10pcs_order import bundled_order_path, read_pcs_order_file
from graph.importers.msdrg import bundled_msdrg_path, read_msdrg
from graph.importers.records import Release
from graph.model import System

# In load order; each entry reads one file into a release.
READERS: dict[System, Callable[[Path], Release]] = {
    System.ICD10CM: read_icd10cm_tabular,
    System.ICD10PCS: read_pcs_order_file,
    System.HCPCS: read_hcpcs_workbook,
    System.ICD9CM: read_icd9cm,
    System.MSDRG: read_msdrg,
}

BUNDLED_PATHS: dict[System, Callable[[], Path]] = {
    System.ICD10CM: bundled_tabular_path,
    System.ICD10PCS: bundled_order_path,
    System.HCPCS: bundled_workbook_path,
    System.ICD9CM: bundled_icd9cm_folder,
    System.MSDRG: bundled_msdrg_path,
}
