"""Scenarios of features/ustg_4_steuerbefreiungen.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("ustg_4_steuerbefreiungen.feature")
