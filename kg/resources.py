"""Files that ship inside the package: the ontology (repo folder ontology/,
installed as kg.ontology) and the data (repo folder data/, installed as
kg.data). From a source checkout that is not installed, the repo folders are
used directly."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent


def _folder(package: str, repo_folder: str) -> Path:
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError:
        return _REPO / repo_folder


def data_path(*parts: str) -> Path:
    return _folder("kg.data", "data").joinpath(*parts)


def ontology_path(*parts: str) -> Path:
    return _folder("kg.ontology", "ontology").joinpath(*parts)
