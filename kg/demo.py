"""The sample that ``kg demo`` loads: the seed article, shipped in the package."""
from __future__ import annotations

from pathlib import Path

from kg.resources import data_path


def sample_paths() -> list[Path]:
    return [data_path("sample.yaml")]
