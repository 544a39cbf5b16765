"""The samples shipped in the package.

``kg demo`` loads the seed article, the article the project started from,
through the extractor; ``data/sample.yaml`` holds the same facts entered by
hand in the curated format, as its worked example."""
from __future__ import annotations

from pathlib import Path

from kg.resources import data_path


def sample_paths() -> list[Path]:
    """What ``kg demo`` loads."""
    return [data_path("seed", "000_ad74d0d30a1c6eeb.txt")]


def curated_sample_path() -> Path:
    return data_path("sample.yaml")
