"""What the browser tests share: Debian's headless Chromium driven by
Playwright from PyPI (it never downloads a browser), and where screenshots
go ($KG_TEST_ARTIFACTS, else pytest's tmp_path).

A browser test module calls ``require_chromium()`` at import: without
/usr/bin/chromium its tests are skipped, except in CI (env CI set), where
they fail."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_chromium():
    """Playwright's sync API, once Chromium and Playwright are known to be there."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium", pytrace=False)
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); browser tests skipped",
                    allow_module_level=True)
    return pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")


@pytest.fixture(scope="module")
def browser():
    sync_api = require_chromium()
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def artifacts(tmp_path) -> Path:
    folder = Path(os.environ.get("KG_TEST_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
