"""Shared fixtures: a store with the sample in it, and a CLI runner bound to a store."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.demo import curated_sample_path
from kg.load import load
from kg.store import EmbeddedStore
from kg_cli.main import main


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture()
def sample_store(store_path: Path) -> Path:
    """A store folder holding the curated sample (the seed article's facts), closed again."""
    store = EmbeddedStore(store_path)
    load(store, [curated_sample_path()])
    store.close()
    return store_path


@pytest.fixture()
def kg(store_path: Path):
    """Run ``kg --store <tmp store> ARGS…`` in-process; returns click's Result."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(main, ["--store", str(store_path), *args], input=input, catch_exceptions=False)
    return invoke
