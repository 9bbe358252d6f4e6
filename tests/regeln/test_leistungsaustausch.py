"""Scenarios of features/leistungsaustausch.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("leistungsaustausch.feature")
