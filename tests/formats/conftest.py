"""Every output-format test runs from the checkout root, so `samples/...` paths are relative, as in CI."""

from __future__ import annotations

import pytest
from format_helpers import ROOT


@pytest.fixture(autouse=True)
def _at_checkout_root(monkeypatch):
    monkeypatch.chdir(ROOT)
