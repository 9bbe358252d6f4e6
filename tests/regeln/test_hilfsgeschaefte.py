"""Scenarios of features/hilfsgeschaefte.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("hilfsgeschaefte.feature")
