"""Where the files that ship with medgraph live: the official releases (`data/`) and curated seeds (`seeds/`).

A checkout keeps both beside the packages, and `make install` installs the packages from the checkout in
place, so the checkout is the default. A wheel installed anywhere else carries neither (the official files
alone are tens of megabytes): the server is then told, once at start, where a copy of the folders lives
(`MEDGRAPH_BUNDLE_DIR`, read by server/settings.py, since the graph package never reads the environment).
"""

from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]

_root = CHECKOUT


def use(root: Path) -> None:
    """Read the bundled files from `root` (a folder holding `data/` and `seeds/`) from now on."""
    global _root
    _root = root.resolve()


def data_file(name: str) -> Path:
    """A bundled official file; whether it exists is the importer's to report, with the path it looked at."""
    return _root / "data" / name


def seeds_dir() -> Path:
    return _root / "seeds"
