"""Scenarios of features/ustg_27_uebergang.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("ustg_27_uebergang.feature")
