"""Scenarios of features/ustg_2b_abs3_nr2.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("ustg_2b_abs3_nr2.feature")
