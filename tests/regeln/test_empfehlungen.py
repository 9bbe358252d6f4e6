"""Scenarios of features/empfehlungen.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("empfehlungen.feature")
