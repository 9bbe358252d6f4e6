"""Scenarios of features/offene_fragen.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("offene_fragen.feature")
