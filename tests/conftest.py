"""pytest fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES


@pytest.fixture
def example_path() -> Path:
    return FIXTURES / "example-polres" / "input.txt"
