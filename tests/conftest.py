"""Fixtures shared by every test package: the repository's paths and the shipped examples."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = ROOT / "examples"
EXAMPLE_FILES = sorted(EXAMPLES_DIR.glob("*.yaml"))


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES_DIR


@pytest.fixture(scope="session")
def example_texts() -> dict[str, str]:
    """{example name (file stem): YAML text} of the six shipped examples."""
    return {p.stem: p.read_text(encoding="utf-8") for p in EXAMPLE_FILES}


# ``pytest --postgres`` (tests/postgres_mode.py): the fixtures are used through these names.
# Speed without changing what is tested: a migrated SQLite template (tests/sqlite_template.py) and
# cheap Argon2 parameters (tests/cheap_passwords.py), each with a marker for the tests of the real thing,
# each route's parameter analysis once per process (tests/shared_route_analysis.py), and pytest-bdd's
# step search over the definitions of the step's kind (tests/bdd_step_lookup.py).
from tests import cheap_passwords, sqlite_template  # noqa: E402
from tests.bdd_step_lookup import _bdd_step_lookup_by_kind  # noqa: E402, F401
from tests.cheap_passwords import _cheap_password_hashing, _real_password_cost_when_marked  # noqa: E402, F401
from tests.postgres_mode import (  # noqa: E402
    _database_per_test,  # noqa: F401
    _drop_module_databases,  # noqa: F401
    add_option,
    configure,
    database_url,  # noqa: F401
    empty_database_url,  # noqa: F401
    postgres_server,  # noqa: F401
)
from tests.shared_route_analysis import _shared_route_analysis  # noqa: E402, F401
from tests.sqlite_template import _migrated_sqlite_template, _real_migrations_when_marked  # noqa: E402, F401


def pytest_addoption(parser: pytest.Parser) -> None:
    add_option(parser)


def pytest_configure(config: pytest.Config) -> None:
    configure(config)
    cheap_passwords.add_marker(config)
    sqlite_template.add_marker(config)
