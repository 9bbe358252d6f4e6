"""Scenarios of features/personalgestellung.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("personalgestellung.feature")
