"""Files that ship inside the package: the ontology (repo folder ontology/,
installed as kg/ontology) and the data (repo folder data/, installed as
kg/data). In a source checkout or an editable install, where kg/ has no such
folders, the repo folders are used directly."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent


def _folder(name: str) -> Path:
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _REPO / name


def data_path(*parts: str) -> Path:
    return _folder("data").joinpath(*parts)


def ontology_path(*parts: str) -> Path:
    return _folder("ontology").joinpath(*parts)
