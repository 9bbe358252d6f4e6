"""The hostile tests are not even collected when the run deselects them (the default ``-m 'not
hostile'`` of the ordinary suite): collecting test_schemathesis.py builds the app and walks the
OpenAPI document's coverage cases, some ten seconds for tests that would then be deselected.
Every module here carries ``pytestmark = pytest.mark.hostile`` (tests/test_repository.py checks)."""

from __future__ import annotations

from pathlib import Path

import pytest

ORDINARY_SUITE_MARKEXPR = "not hostile"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if config.option.markexpr.strip() == ORDINARY_SUITE_MARKEXPR and collection_path.suffix == ".py":
        return True
    return None
