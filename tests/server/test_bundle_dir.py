"""Bundled files outside a checkout: `MEDGRAPH_BUNDLE_DIR` names the folder holding `data/` and `seeds/`,
and every command reads them from there (an installed wheel carries neither)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from graph import bundle


def medgraph(*args: str, bundle_dir: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MEDGRAPH_", "NEO4J_"))}
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        env={**clean, "MEDGRAPH_BUNDLE_DIR": str(bundle_dir)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_seeds_check_reads_the_seeds_of_the_bundle_dir(tmp_path: Path) -> None:
    shutil.copytree(bundle.CHECKOUT / "seeds", tmp_path / "seeds")
    checked = medgraph("seeds", "check", bundle_dir=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip() == f"seeds OK: {tmp_path / 'seeds'}"


def test_a_bundle_dir_without_the_seeds_is_reported_with_the_paths_looked_at(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "procedures").mkdir()
    checked = medgraph("seeds", "check", bundle_dir=tmp_path)
    assert checked.returncode == 1
    risks = tmp_path / "seeds" / "vocabulary" / "risks.yaml"
    assert f"{risks}:0: vocabulary file for 'risks' is missing" in checked.stdout.splitlines()


def test_the_importers_open_the_official_files_of_the_bundle_dir(tmp_path: Path) -> None:
    from graph.importers.pcs_tables import bundled_tables_path

    try:
        bundle.use(tmp_path)
        assert bundled_tables_path() == tmp_path.resolve() / "data" / "icd10pcs_tables_2026.xml.gz"
    finally:
        bundle.use(bundle.CHECKOUT)
