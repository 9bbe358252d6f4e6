"""Scenarios of features/beispiele.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("beispiele.feature")
