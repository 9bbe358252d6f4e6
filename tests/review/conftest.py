"""Fixtures of the review tests: the identity tests' app with organisations A (owner), B (partner
named in the case) and C (named nowhere), keys per role, and helpers for the review steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.identity import conftest as _identity
from tests.identity.conftest import YAML, A, B  # noqa: F401  (used by the test modules)

# The identity tests' fixtures, used here under the same names.
settings_extra = _identity.settings_extra
app = _identity.app
client = _identity.client
key = _identity.key
personal_yaml = _identity.personal_yaml
case_of_a = _identity.case_of_a

URL = "/api/v1/cases"


@pytest.fixture
def rolle(key) -> Callable[[str, str], dict[str, str]]:
    """``rolle(rolle, organisation=A)`` → headers of one key per (organisation, role), reused."""
    keys: dict[tuple[str, str], dict[str, str]] = {}

    def get(name: str, organisation: str = A) -> dict[str, str]:
        if (organisation, name) not in keys:
            keys[(organisation, name)] = key(organisation, name)
        return keys[(organisation, name)]

    return get


@pytest.fixture
def klausel(client, rolle, case_of_a) -> Callable[[str], str]:
    """``klausel(anfang, enthaelt="")`` → the first clause id of the agreement starting with
    ``anfang`` whose text contains ``enthaelt``."""

    def find(anfang: str, enthaelt: str = "") -> str:
        response = client.get(f"{URL}/{case_of_a}/versionen/1/vergleich/1", headers=rolle("rechtsamt"))
        assert response.status_code == 200, response.text
        return next(
            a["id"]
            for a in response.json()["abschnitte"]
            if a["id"].startswith(anfang) and enthaelt in (a["neu"] or "")
        )

    return find


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()
