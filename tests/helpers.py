"""Shared paths and helpers for the test suite (imported as ``helpers``)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def fixture_cases(kind: str) -> list[Path]:
    """Fixture folders whose input is ``input.<kind>``."""
    return sorted(p.parent for p in FIXTURES.glob(f"*/input.{kind}"))


def load_truth(case: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    return data
