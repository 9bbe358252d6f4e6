"""Scenarios of features/befreiende_delegation.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("befreiende_delegation.feature")
