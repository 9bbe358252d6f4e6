"""Scenarios of features/ustg_12_steuersatz.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("ustg_12_steuersatz.feature")
