"""pytest fixtures shared by the test modules."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# The compiled-pattern cache (``bersih.recache``) of the test run, and of the
# bersih processes it starts, lives in a folder of its own, not ~/.cache.
os.environ["BERSIH_CACHE_DIR"] = tempfile.mkdtemp(prefix="bersih-test-cache-")

import pytest

from helpers import FIXTURES


@pytest.fixture
def example_path() -> Path:
    return FIXTURES / "example-polres" / "input.txt"
