"""Fixtures of the register tests: the identity tests' app with organisations A, B, C and keys."""

from __future__ import annotations

from tests.identity.conftest import (  # noqa: F401
    PERSONAL,
    YAML,
    A,
    B,
    C,
    app,
    case_of_a,
    client,
    key,
    personal_yaml,
    settings_extra,
)
